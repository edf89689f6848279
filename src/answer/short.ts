/**
 * The short answer: the asked-for fact itself, a verbatim span of the cited quote (`40.7%`, `刘怀信`,
 * `2019年4月`), with the period it holds for when the quote gives one and the question does not
 * (`1-4月`). Candidates and their features are in `short-spans.ts`; a network for each class of
 * question ranks them (`SHORT_NET`: a linear term and one hidden layer; the conditional logit before
 * it, `SHORT_WEIGHTS`, is kept for the fitting script's comparison); the span given is the one with the best
 * expected F1 under the ranker's distribution (`SHORT_HEDGE`), and none is given when the chance
 * that it holds the fact (`SHORT_GIVE`, a logistic model over the ranker's sureness, the class and
 * the span's length) is below `SHORT_GIVE_THRESHOLD`. Fitted by `scripts/learn-short.ts`.
 * Pure given jieba; independent of how the quote was chosen.
 */
import { getJieba } from "../corpus/zones.js";
import { findDates } from "./evidence.js";
import { PERIOD } from "./figures.js";
import type { QuestionShape } from "./question.js";
import { respectiveAnswer } from "./respectively.js";
import { SHORT_NET } from "./short-net-weights.js";
import { type AskedKinds, type ShortQuestion, shortQuestion } from "./short-question.js";
import {
  type RowScorer,
  rowScore,
  type SentenceReader,
  SPAN_FEATURES,
  type SpanCandidate,
  scoredSpans,
} from "./short-spans.js";
import {
  SHORT_GIVE,
  SHORT_GIVE_THRESHOLD,
  SHORT_HEDGE,
  SHORT_WEIGHTS,
  type ShortClass,
  type ShortWeights,
} from "./short-weights.js";
import type { ShortAnswer } from "./types.js";

/** The class of a question, whose weights rank its candidates: what a good answer looks like differs by class. */
export function shortClass(k: AskedKinds): ShortClass {
  if (k.number) return "amount";
  if (k.date) return "time";
  if (k.person || k.place || k.org || k.work) return "name";
  if (k.reason || k.manner) return "reason";
  return "thing";
}

/**
 * What a time says at the least (read normalised, so traditional forms count): a numeral or a time
 * word (`元宵节`, `战后`, `1256年`). The ranker may still put a span of another kind first when the
 * sentence holds no time (`宁阳高新技术产业开发区获批` for `什么时候获批`): then there is no short answer.
 * Amounts are not checked: a question read as asking one (`幾乎`, `幾何光學`) may ask a thing.
 */
const SAYS_TIME = /[\d一二三四五六七八九十百千廿零〇年月日时季旬节朝代前后初末间春夏秋冬今昨明近]|世纪|现在/u;

/** An ordinal with its measure word: what `SAYS_TIME` must not take for a time. */
const ORDINAL_RUN = /第[\d一二三四五六七八九十百千零〇两]+[届次期批轮名位个号场章节]/gu;

/** A count with its measure word (`一名`, `30余家`; not `一个月`, whose `月` stays): no time either. */
const COUNT_RUN =
  /[\d一二三四五六七八九十百千零〇两]+[余多]?(?:名|位|人|家|项|件|台|辆|座|批|只|张|部|条|所|户|栋|篇|首|款|个(?![月小星周半]))/gu;

/** The candidates' probabilities under one class's weights: a softmax over their linear scores. */
export function rankCandidates(
  x: ArrayLike<number>,
  count: number,
  cls: ShortClass,
  w: ShortWeights = SHORT_WEIGHTS,
): number[] {
  const d = SPAN_FEATURES.length;
  // (The answer ranks with the network; this logit is the fitting script's, so no weights are cached.)
  const weights = SPAN_FEATURES.map((f) => w[f][cls]);
  const z = new Array<number>(count);
  for (let c = 0; c < count; c++) z[c] = rowScore(weights, x, c * d);
  return softmax(z);
}

/**
 * One class's ranker when it is a network (`short-net-weights.ts`): a candidate's score is
 * `linear · x + output · tanh(inputᵀ x + bias)`, a conditional logit plus one hidden layer of
 * `hidden` units, so features may count together (a date right after the question's words) and not
 * only each alone. `input` is feature-major (`input[i * hidden + h]`) so a sparse row reads it in runs.
 */
export interface ShortNet {
  hidden: number;
  input: ArrayLike<number>;
  bias: ArrayLike<number>;
  output: ArrayLike<number>;
  linear: ArrayLike<number>;
}

/**
 * A candidate's score under `net`, reading only its features other than 0: those at `nz[from]` …
 * `nz[to - 1]`, each at `x[at + i]` (one candidate's row of a matrix). The hidden units' values are
 * left in `acts` (the fitting script's backward pass reads them). Features that are 0 add nothing, so
 * this is the dense sum's value.
 */
export function netScore(
  net: ShortNet,
  x: ArrayLike<number>,
  at: number,
  nz: ArrayLike<number>,
  from: number,
  to: number,
  acts: Float64Array = new Float64Array(net.hidden),
): number {
  const h = net.hidden;
  for (let k = 0; k < h; k++) acts[k] = net.bias[k] ?? 0;
  let z = 0;
  for (let j = from; j < to; j++) {
    const i = nz[j] ?? 0;
    const v = x[at + i] ?? 0;
    z += (net.linear[i] ?? 0) * v;
    const o = i * h;
    for (let k = 0; k < h; k++) acts[k] = (acts[k] as number) + (net.input[o + k] ?? 0) * v;
  }
  for (let k = 0; k < h; k++) {
    const a = Math.tanh(acts[k] as number);
    acts[k] = a;
    z += (net.output[k] ?? 0) * a;
  }
  return z;
}

/** Each network's scorer for answering, built once (see {@link netScorer}). */
const SCORERS = new Map<ShortNet, RowScorer>();

/**
 * {@link netScore} of one row for answering, built once a network: for the shipped size (16 hidden
 * units) the same products and sums in the same order (so the same score, bit for bit; a test checks
 * it) over the weights copied once into typed arrays; any other size is {@link netScore} itself.
 * Hundreds of candidates a quote, 16 units each.
 */
export function netScorer(net: ShortNet): RowScorer {
  let scorer = SCORERS.get(net);
  if (scorer !== undefined) return scorer;
  const acts = new Float64Array(net.hidden);
  scorer =
    net.hidden === 16
      ? sixteenUnits(
          Float64Array.from(net.input),
          Float64Array.from(net.bias),
          Float64Array.from(net.output),
          Float64Array.from(net.linear),
        )
      : (row, nz, count) => netScore(net, row, 0, nz, 0, count, acts);
  SCORERS.set(net, scorer);
  return scorer;
}

/**
 * {@link netScorer} for the shipped size, 16 hidden units, their sums held in variables instead of
 * an array (a third less time): the same operations, in the same order.
 */
function sixteenUnits(w: Float64Array, b: Float64Array, out: Float64Array, linear: Float64Array): RowScorer {
  return (row, nz, count) => {
    // biome-ignore format: one unit a column
    let a0 = b[0] as number, a1 = b[1] as number, a2 = b[2] as number, a3 = b[3] as number, a4 = b[4] as number, a5 = b[5] as number, a6 = b[6] as number, a7 = b[7] as number, a8 = b[8] as number, a9 = b[9] as number, a10 = b[10] as number, a11 = b[11] as number, a12 = b[12] as number, a13 = b[13] as number, a14 = b[14] as number, a15 = b[15] as number;
    let z = 0;
    for (let j = 0; j < count; j++) {
      const i = nz[j] as number;
      const v = row[i] as number;
      z += (linear[i] as number) * v;
      const o = i * 16;
      a0 += (w[o + 0] as number) * v;
      a1 += (w[o + 1] as number) * v;
      a2 += (w[o + 2] as number) * v;
      a3 += (w[o + 3] as number) * v;
      a4 += (w[o + 4] as number) * v;
      a5 += (w[o + 5] as number) * v;
      a6 += (w[o + 6] as number) * v;
      a7 += (w[o + 7] as number) * v;
      a8 += (w[o + 8] as number) * v;
      a9 += (w[o + 9] as number) * v;
      a10 += (w[o + 10] as number) * v;
      a11 += (w[o + 11] as number) * v;
      a12 += (w[o + 12] as number) * v;
      a13 += (w[o + 13] as number) * v;
      a14 += (w[o + 14] as number) * v;
      a15 += (w[o + 15] as number) * v;
    }
    z += (out[0] as number) * Math.tanh(a0);
    z += (out[1] as number) * Math.tanh(a1);
    z += (out[2] as number) * Math.tanh(a2);
    z += (out[3] as number) * Math.tanh(a3);
    z += (out[4] as number) * Math.tanh(a4);
    z += (out[5] as number) * Math.tanh(a5);
    z += (out[6] as number) * Math.tanh(a6);
    z += (out[7] as number) * Math.tanh(a7);
    z += (out[8] as number) * Math.tanh(a8);
    z += (out[9] as number) * Math.tanh(a9);
    z += (out[10] as number) * Math.tanh(a10);
    z += (out[11] as number) * Math.tanh(a11);
    z += (out[12] as number) * Math.tanh(a12);
    z += (out[13] as number) * Math.tanh(a13);
    z += (out[14] as number) * Math.tanh(a14);
    z += (out[15] as number) * Math.tanh(a15);
    return z;
  };
}

/** Probabilities from scores. */
export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/**
 * Minimum-Bayes-risk choice: the span with the highest expected character F1 against the ranker's
 * distribution, with a span's F1 against one it contains raised to `hedge` (< 1: credited more). So
 * when the ranker hesitates between a name and the phrase around it, the phrase — which holds the
 * fact either way — may be chosen; `hedge` sets how much length that may cost. Returns the chosen
 * index and its worth: the expected credit from the spans it contains alone (0–1), the confidence
 * that it holds the fact, which the threshold reads. (Crediting contained spans only, for the choice
 * too, chose longer spans: cross-validated F1 0.479 / 0.376 / 0.402 against 0.486 / 0.382 / 0.450 on
 * CMRC / DRCD / news, fold 0, exact match 0.283 / 0.217 / 0.230 against 0.321 / 0.241 / 0.261.)
 */
export function decodeSpan(
  spans: readonly (readonly [number, number])[],
  probs: readonly number[],
  hedge: number,
): { index: number; worth: number; expected: number } {
  let index = -1;
  let worth = 0;
  let best = -1;
  const n = spans.length;
  // Read from flat arrays: the pairs are read n × (overlapping spans) times.
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const ps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = spans[i]?.[0] ?? 0;
    ends[i] = spans[i]?.[1] ?? 0;
    ps[i] = probs[i] ?? 0;
  }
  // Only overlapping spans count. Spans in order of start (as the candidates come) overlapping one
  // start less than the longest span's length before it: so not every pair is read.
  let ordered = true;
  let longest = 0;
  // Probabilities of 0 or more and spans of at least a character: an F1 is then at most 1.
  let bounded = true;
  // The probabilities summed in order of start: what the spans starting in a range can add at most.
  const mass = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (i > 0 && (starts[i] ?? 0) < (starts[i - 1] ?? 0)) ordered = false;
    longest = Math.max(longest, (ends[i] ?? 0) - (starts[i] ?? 0));
    if (!((ps[i] ?? 0) >= 0) || !((ends[i] ?? 0) > (starts[i] ?? 0))) bounded = false;
    mass[i + 1] = (mass[i] ?? 0) + (ps[i] ?? 0);
  }
  // A contained span's F1 depends on the two lengths only (whole numbers, the second at most the
  // first: so `a² + b` tells each pair apart, below (longest + 1)²): its power is read from a table
  // (the power was most of the time), the same value it would have had.
  const powers = new Float64Array((longest + 1) * (longest + 1)).fill(Number.NaN);
  const reach = ordered ? longest : Number.POSITIVE_INFINITY;
  // The expected F1 of span i (and the part of it from the spans it contains), reading the spans
  // from `from` on: those starting less than the longest span's length before it, when in order.
  let held = 0;
  let expected = 0;
  const weigh = (i: number, from: number): void => {
    const s = starts[i] ?? 0;
    const e = ends[i] ?? 0;
    held = 0;
    expected = 0;
    for (let j = ordered ? from : 0; j < n; j++) {
      const s2 = starts[j] ?? 0;
      if (ordered && s2 >= e) break;
      const e2 = ends[j] ?? 0;
      // Starting before this span and ending by its start: no overlap, nothing to add.
      if (s2 < s && e2 <= s) continue;
      const p = ps[j] ?? 0;
      const f1 = (2 * (Math.min(e, e2) - Math.max(s, s2))) / (e - s + e2 - s2);
      if (s <= s2 && e >= e2) {
        const key = (e - s) * (e - s) + (e2 - s2);
        let power = powers[key] ?? Number.NaN;
        if (Number.isNaN(power)) {
          power = f1 ** hedge;
          powers[key] = power;
        }
        const v = p * power;
        held += v;
        expected += v;
      } else if (f1 > 0) expected += p * f1;
    }
  };
  const pruned = ordered && bounded && hedge > 0;
  // The most probable span is weighed first: its expected F1 is at least its own probability, so
  // the bound below skips more of the spans before it. The choice is the same: the highest expected
  // F1, the first span of those that tie.
  let top = -1;
  if (pruned && n > 0) {
    top = 0;
    for (let i = 1; i < n; i++) if ((ps[i] ?? 0) > (ps[top] ?? 0)) top = i;
    let from = 0;
    while (from < n && (starts[from] ?? 0) <= (starts[top] ?? 0) - reach) from++;
    weigh(top, from);
    best = expected;
    worth = held;
    index = top;
  }
  let from = 0;
  for (let i = 0; i < n; i++) {
    const s = starts[i] ?? 0;
    const e = ends[i] ?? 0;
    while (ordered && from < n && (starts[from] ?? 0) <= s - reach) from++;
    if (i === top) continue;
    if (pruned && best > 0) {
      // A span's expected F1 is at most the probability of the spans it may overlap (an F1 is at
      // most 1), those starting from `from` to the first starting at or after its end: when that
      // cannot beat the best so far, it is not weighed (the room left, 1e-9 and a billionth, is far
      // above what rounding sums of a few thousand probabilities can err by).
      let lo = from;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((starts[mid] ?? 0) < e) lo = mid + 1;
        else hi = mid;
      }
      if (((mass[lo] ?? 0) - (mass[from] ?? 0)) * (1 + 1e-9) + 1e-9 < best) continue;
    }
    weigh(i, from);
    if (expected > best || (expected === best && i < index)) {
      best = expected;
      worth = held;
      index = i;
    }
  }
  return { index, worth, expected: best };
}

/**
 * Features of the chosen span's own row that the choice to give it reads as they are: whether the
 * question's text stands right before and after it, and its words on both sides (an aligned question
 * is a sure one).
 */
export const GIVE_SPAN_FEATURES = ["leftAnchor", "rightAnchor", "bothWindows"] as const;
const GIVE_SPAN_AT = GIVE_SPAN_FEATURES.map((f) => SPAN_FEATURES.indexOf(f));
/** Whether the shipped give model weighs any of them (a candidate's values are kept only then). */
const READS_SPAN = GIVE_SPAN_FEATURES.some((f) => SHORT_GIVE[f] !== 0);

/** What the choice of whether to give a short answer reads (`giveFeatures`), each 0–1. */
export const GIVE_FEATURES = [
  "bias",
  "worth",
  "expected",
  "chosen",
  "top",
  "amount",
  "time",
  "name",
  "reason",
  "worthAmount",
  "worthTime",
  "worthName",
  "worthReason",
  "short",
  "long",
  "candidates",
  "quoteCover",
  ...GIVE_SPAN_FEATURES,
] as const;
export type GiveFeature = (typeof GIVE_FEATURES)[number];

/**
 * What says whether the chosen span can be trusted: its worth (the ranker's chance it holds the
 * fact) and expected F1 from `decodeSpan`, its own and the top probability, the class of question
 * (and worth by class: the ranker is surer of amounts than of things), its length, and how many
 * candidates the quote had; how much of the question the quote states (`cover`, {@link quoteCover});
 * and from the chosen span's row of features (`row`, from `at`) those of {@link GIVE_SPAN_FEATURES}.
 */
export function giveFeatures(
  cls: ShortClass,
  probs: readonly number[],
  choice: { index: number; worth: number; expected: number },
  span: readonly [number, number],
  quote: { cover: number; row: ArrayLike<number>; at?: number },
): number[] {
  const { cover, row, at = 0 } = quote;
  const len = span[1] - span[0];
  const f: Record<GiveFeature, number> = {
    bias: 1,
    worth: choice.worth,
    expected: choice.expected,
    chosen: probs[choice.index] ?? 0,
    top: Math.max(0, ...probs),
    amount: cls === "amount" ? 1 : 0,
    time: cls === "time" ? 1 : 0,
    name: cls === "name" ? 1 : 0,
    reason: cls === "reason" ? 1 : 0,
    worthAmount: cls === "amount" ? choice.worth : 0,
    worthTime: cls === "time" ? choice.worth : 0,
    worthName: cls === "name" ? choice.worth : 0,
    worthReason: cls === "reason" ? choice.worth : 0,
    short: len <= 4 ? 1 : 0,
    long: len > 12 ? 1 : 0,
    candidates: Math.min(1, Math.log(1 + probs.length) / Math.log(1000)),
    quoteCover: cover,
    ...(Object.fromEntries(
      GIVE_SPAN_FEATURES.map((f, k) => [f, row[at + (GIVE_SPAN_AT[k] ?? 0)] ?? 0]),
    ) as Record<(typeof GIVE_SPAN_FEATURES)[number], number>),
  };
  return GIVE_FEATURES.map((name) => f[name]);
}

/** The chance that a chosen span holds the fact asked for: a logistic model over {@link giveFeatures}. */
export function giveChance(x: readonly number[], w: Record<GiveFeature, number> = SHORT_GIVE): number {
  const z = GIVE_FEATURES.reduce((a, name, i) => a + w[name] * (x[i] ?? 0), 0);
  return 1 / (1 + Math.exp(-z));
}

/** Periods that say too little to be worth a qualifier (`目前`: every figure holds now). */
const VAGUE_PERIOD = /^(?:截至)?(?:目前|当前|近期)$/;

/** A period as the question may state it: without `截至` and the year (`截至今年5月底` → `5月底`). */
const periodCore = (period: string): string =>
  period.replace(/^截至/, "").replace(/^(?:今年|去年|\d{4}年)(?=\d)/, "");

const PERIODS = new RegExp(PERIOD.source, "g");

/**
 * The period a number holds for, as the quote says it (`1-4月`, `截至5月底`), when the question does
 * not say it: the nearest one before the number, else the first after it in its clause.
 */
export function periodOf(
  quote: string,
  at: number,
  text: string,
  q: ShortQuestion,
  normalize: (s: string) => string,
): string | null {
  const found = [...quote.matchAll(PERIODS)].filter((m) => {
    const from = m.index ?? 0;
    const overlaps = from < at + text.length && from + m[0].length > at;
    return !overlaps && !VAGUE_PERIOD.test(m[0]) && !q.norm.includes(normalize(periodCore(m[0])));
  });
  const before = found.filter((m) => (m.index ?? 0) < at).at(-1);
  // A period after the number holds for it only within its clause (`近1200家，2019年实现…` does not).
  const after = found.find((m) => (m.index ?? 0) >= at && !/[，,；;。！？]/.test(quote.slice(at, m.index)));
  return (before ?? after)?.[0] ?? null;
}

/** The candidates of a quote with their features in one flat array (one row per candidate). */
export function candidateMatrix(cands: readonly SpanCandidate[]): Float64Array {
  const d = SPAN_FEATURES.length;
  // The rows `spanCandidates` gives are views of one matrix, one after another: that matrix is read as is.
  const first = cands[0]?.x;
  if (
    first !== undefined &&
    cands.every((c, i) => c.x.buffer === first.buffer && c.x.byteOffset === first.byteOffset + i * d * 8)
  )
    return new Float64Array(first.buffer, first.byteOffset, cands.length * d);
  const x = new Float64Array(cands.length * d);
  cands.forEach((c, i) => {
    x.set(c.x, i * d);
  });
  return x;
}

/**
 * The share of the question's words (`terms`, by characters) the normalised quote states: a quote
 * not stating the question rarely holds its answer (the give model reads it).
 */
export function quoteCover(q: ShortQuestion, normQuote: string): number {
  const total = q.terms.reduce((a, t) => a + [...t].length, 0) || 1;
  return q.terms.reduce((a, t) => a + (normQuote.includes(t) ? [...t].length : 0), 0) / total;
}

/**
 * The span the ranker chooses for a question from a quote (code points, verbatim) and the give
 * model's chance that it holds the fact asked for; null when the quote has no candidate.
 */
export function shortChoice(
  q: ShortQuestion,
  quote: string,
  normalize: (s: string) => string,
  read?: SentenceReader,
): { start: number; end: number; text: string; chance: number } | null {
  const cls = shortClass(q.kinds);
  const score = netScorer(SHORT_NET[cls]);
  // Each candidate's values of the features the give model reads (the rows are not kept), when it
  // weighs any of them: a value weighed 0 adds nothing to its sum.
  const kept: number[] = [];
  const { spans: cands, scores } = scoredSpans(
    quote,
    q,
    normalize,
    READS_SPAN
      ? (row, nz, count) => {
          for (const i of GIVE_SPAN_AT) kept.push(row[i] ?? 0);
          return score(row, nz, count);
        }
      : score,
    read,
  );
  const probs = softmax(scores);
  const choice = decodeSpan(
    cands.map((c) => [c.start, c.end] as const),
    probs,
    SHORT_HEDGE[cls],
  );
  const chosen = cands[choice.index];
  if (chosen === undefined) return null;
  // The chosen span's kept values, placed as in a whole row.
  const row = new Float64Array(SPAN_FEATURES.length);
  GIVE_SPAN_AT.forEach((i, k) => {
    row[i] = kept[choice.index * GIVE_SPAN_AT.length + k] ?? 0;
  });
  const cover = SHORT_GIVE.quoteCover === 0 ? 0 : quoteCover(q, normalize(quote));
  const chance = giveChance(giveFeatures(cls, probs, choice, [chosen.start, chosen.end], { cover, row }));
  return { ...chosen, chance };
}

/**
 * The short answer to a question from the quote cited for it, or null when none can be given with
 * confidence. `question` is normalised (and without conversational wrappers), as the answerer reads it.
 * `read` reads the quote for the candidates (a service's cache; by default afresh): the same answer.
 */
export function shortAnswer(
  question: string,
  shape: QuestionShape,
  quote: string,
  normalize: (s: string) => string,
  read?: SentenceReader,
): ShortAnswer | null {
  const q = shortQuestion(question, shape);
  // A yes-or-no question has no fact of a few characters to show above its sentence.
  if (q.kinds.yesNo) return null;
  // A `分别` list pairs things with amounts: the amount of the thing asked, not a ranked guess.
  if (q.kinds.number) {
    const listed = respectiveAnswer(quote, question, normalize);
    if (listed !== null)
      return { text: listed.value, qualifier: periodOf(quote, listed.valueAt, listed.value, q, normalize) };
  }
  const chosen = shortChoice(q, quote, normalize, read);
  if (chosen === null || chosen.chance < SHORT_GIVE_THRESHOLD) return null;
  const text = readOff(quote, q, chosen.start, chosen.end, normalize);
  if (text === null) return null;
  const at = [...quote].slice(0, chosen.start).join("").length;
  return { text, qualifier: q.kinds.number ? periodOf(quote, at, chosen.text, q, normalize) : null };
}

/**
 * What the short answer shows of the span the ranker chose (code points [start, end) of the quote):
 * an amount with its hedge, the year or the month a which-year or which-month question asks, else the
 * span; null for a when question whose span states no time. Not fitted: `learn-short.ts --as-shipped`
 * scores its cross-validated choices through it.
 */
export function readOff(
  quote: string,
  q: ShortQuestion,
  start: number,
  end: number,
  normalize: (s: string) => string,
): string | null {
  const chars = [...quote];
  const span = chars.slice(start, end).join("");
  // An ordinal (`第一届`, `第3次`) counts, it does not date.
  if (
    shortClass(q.kinds) === "time" &&
    !SAYS_TIME.test(normalize(span).replace(ORDINAL_RUN, "").replace(COUNT_RUN, ""))
  )
    return null;
  if (q.kinds.number) return hedged(chars, start, end);
  if (q.kinds.year) return yearOf(span);
  if (q.kinds.date && ASKS_MONTH.test(q.norm))
    return monthOf(
      dateAround(quote, chars.slice(0, start).join("").length, span),
      ASKS_MONTH_PART.test(q.norm),
    );
  // A date keeps the word right after it that bounds it (`2025年底前`: by then, not at), as an amount
  // its hedge, unless the question says it (`在什么时间前后举行`).
  if (q.kinds.date && !DATE_BOUND.test(q.right.slice(q.head.length)))
    return span + (DATE_BOUND.exec(chars.slice(end, end + 2).join(""))?.[0] ?? "");
  // A name keeps a place in brackets right after it: `中国石油大学（北京）` is another university than
  // `中国石油大学（华东）`.
  if (q.kinds.entity || q.kinds.place) {
    const place = PLACE_IN_BRACKETS.exec(chars.slice(end, end + 8).join(""))?.[0];
    if (
      place !== undefined &&
      getJieba()
        .tag(normalize(place.slice(1, -1)), true)
        .every((t) => /^ns/.test(t.tag))
    )
      return span + place;
  }
  return span;
}

/** A short bracket right after a span (`（北京）`), read as a place when jieba tags all of it one. */
const PLACE_IN_BRACKETS = /^[（(][^（）()，。；、]{1,6}[）)]/u;

/** Words right after a date that bound it: before, after, since. */
const DATE_BOUND = /^(?:以前|之前|前|以后|之后|后|以来)/u;

/** A question asking which month (`哪个月`, `几月份`): the month is the answer, not the year before it. */
const ASKS_MONTH = /哪一?个?月|几月|何月/u;
/** A question asking which part of a month (`哪个月底`, `几月初`): the part is asked too. */
const ASKS_MONTH_PART = /(?:哪一?个?月|几月|何月)份?(?:底|末|初|上旬|中旬|下旬)/u;
/** A month in a date (`12月`, `十二月份`). */
const MONTH = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?/u;
/** A month with the part of it the date states (`8月底`, `3月上旬`). */
const MONTH_PART = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:底|末|初|上旬|中旬|下旬)/u;

/** The whole date of the quote the span at UTF-16 `at` falls in (`2025年` → `2025年12月`), else the span. */
function dateAround(quote: string, at: number, text: string): string {
  const end = at + text.length;
  return findDates(quote).find((d) => d.index <= at && d.index + d.text.length >= end)?.text ?? text;
}

/**
 * The month a which-month question asks for, when the chosen date states one; else the date. With
 * the part of the month the date states when the question asks one (`哪个月底` → `8月底`, not `8月`).
 */
function monthOf(date: string, part: boolean): string {
  return (part ? MONTH_PART.exec(date)?.[0] : undefined) ?? MONTH.exec(date)?.[0] ?? date;
}

/** A date that begins with its year (`1976年7月`): the year, which is what `哪一年` asks. */
const YEAR_FIRST = /^(?:公元前?|西元前?)?\d{3,4}年/u;

/** The year a `哪一年` question asks for, when the chosen date begins with it; else the date. */
function yearOf(date: string): string {
  return YEAR_FIRST.exec(date)?.[0] ?? date;
}

/** Words before an amount that say it is not exact (`近60亿美元`, `超过20款`, `至少23人`): longest first. */
const HEDGE_BEFORE = /(?:不超过|超过|不足|不到|至少|最多|多达|接近|将近|大约|约|近|逾|超)$/u;
/** Words after an amount that say it is not exact (`300项以上`, `56亿元左右`). */
const HEDGE_AFTER = /^(?:以上|以下|左右|之多|上下)/u;

/**
 * The amount at code points [start, end) of the quote (its `chars`) with the words around it that say
 * it is not exact: `60亿美元` alone misstates `近60亿美元`. Verbatim: the words stand right next to it.
 */
function hedged(chars: readonly string[], start: number, end: number): string {
  const text = chars.slice(start, end).join("");
  // `万亿元` of `近万亿元` is a number too: `万` alone is ten thousand.
  if (!/^[\d零〇一二两三四五六七八九十百千万亿]/u.test(text)) return text;
  const before = HEDGE_BEFORE.exec(chars.slice(Math.max(0, start - 3), start).join(""))?.[0] ?? "";
  const after = HEDGE_AFTER.exec(chars.slice(end, end + 2).join(""))?.[0] ?? "";
  return `${before}${text}${after}`;
}
