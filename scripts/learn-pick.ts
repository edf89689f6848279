/**
 * Fits the sentence choice (src/answer/extractive.ts: `pickScore`, the `pick*` weights of
 * PICK_WEIGHTS): which sentence of the best article is quoted.
 *
 * Data: the CMRC 2018 and DRCD dev sets and the news dev set (../shared/bench; see its README), every
 * paragraph (article) of a set pooled into one index and every question asked as the extractive
 * answerer asks it (the question's everyday phrasing, zones, shape; 8 passages read). The candidates
 * are the sentences `pickSentences` chooses among — those of the retrieved passages of the article
 * ranked first — each with its features (`SentenceFeatures`) and its `pickTerms`, labelled by whether
 * its quote holds a gold answer (as `eval` scores quote hit).
 *
 * The choice is the weighted sum of the `pickTerms`: the hand formula's terms (words, bigrams, focus
 * and lead times the type factor; the kind of fact; cues) and the stretch of the question the
 * sentence repeats (`run`), so the hand weights are one point of the family fitted. `--method search`
 * (the default) fits the weights by a coordinate search on the quote hit itself, from the hand
 * weights; `--method logit` by a conditional logit (softmax over one question's candidates, Adam, L2)
 * putting its probability on the labelled candidates. Questions whose candidates hold no gold answer,
 * or all do, teach nothing and count as they are for both choices.
 *
 * Figures printed, for each set: quote hit of the choice within the first article, by the hand
 * weights and by weights fitted in 5-fold cross-validation grouped by article (reprints of a news
 * story share a fold), and the questions each gets right that the other misses. Then the weights
 * fitted on everything (scaled so `pickFocus` is the hand 0.85; the choice only compares scores);
 * `--write` puts them into extractive.ts. The ranking of articles is held as it was asked: `npm run
 * eval` measures the change whole (pickScore also chooses the sentence the re-ranking by evidence
 * probes).
 *
 *   npx tsx scripts/learn-pick.ts [--bench ../shared/bench] [--cache FILE] [--index-root DIR] [--write]
 *
 * `--cache FILE` keeps the candidates (asking every question takes a few minutes) and reads them back
 * on the next run; delete it after a change to retrieval or to the features. `--index-root DIR` keeps
 * each set's pooled index in DIR/<set> (as `eval --index`). `--terms a,b` fits only those terms (the
 * others keep their weight in PICK_WEIGHTS), for trying subsets. `--weights JSON` asks again with
 * weights the features read moved (`{"slot":2}`); `--per-type` fits each question type its own weights
 * (CV figures only); `--sweep` measures the passage ranking's weights
 * (see {@link sweep}). Figures of the last run: docs/quality.md, "Sentence scoring".
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DEFAULT_EXTRACTIVE } from "../src/answer/answer.js";
import { everydayQuestion } from "../src/answer/everyday.js";
import {
  type Candidate,
  PICK_TERMS,
  PICK_WEIGHTS,
  type PickTerm,
  type PickWeights,
  pickSentences,
  pickTerms,
  type SentenceFeatures,
} from "../src/answer/extractive.js";
import { plainQuestion, type QuestionShape, questionShape } from "../src/answer/question.js";
import { hybridSearch } from "../src/answer/retrieve.js";
import { indexTextTools } from "../src/answer/service.js";
import { readJsonl } from "../src/cli/bench/synthetic.js";
import { type EvalRow, rightArticles } from "../src/cli/eval-metrics.js";
import { contextsIndex } from "../src/cli/eval-pool.js";
import { holdsGold } from "../src/cli/eval-short.js";
import { findZones } from "../src/corpus/zones.js";
import { LocalEmbeddings } from "../src/index/local-embeddings.js";
import { adamStep, foldOf, readCache } from "./learn-common.js";

/** One question: the candidate sentences of its first article, their features and labels. */
interface Asked {
  set: string;
  /** The article(s) the question is about: folds never split one. */
  group: string;
  question: string;
  shape: QuestionShape;
  features: SentenceFeatures[];
  /** Each candidate's quote (for reading misses). */
  quotes: string[];
  /** Whether each candidate's quote holds a gold answer. */
  labels: boolean[];
  /** The candidate `pickSentences` chose (its quote and passage), or -1. */
  chosen: number;
}

const { values } = parseArgs({
  options: {
    bench: { type: "string", default: "../shared/bench" },
    cache: { type: "string" },
    "index-root": { type: "string" },
    l2: { type: "string", default: "0.001" },
    folds: { type: "string", default: "5" },
    terms: { type: "string" },
    write: { type: "boolean", default: false },
    method: { type: "string", default: "search" },
    weights: { type: "string" },
    sweep: { type: "boolean", default: false },
    "per-type": { type: "boolean", default: false },
  },
});
const BENCH = values.bench ?? "../shared/bench";
/**
 * `--weights JSON`: other values for weights the features themselves read (`slot`, `topic`, `partial`,
 * `context`, `lead`), to measure them with the candidates asked again (use another `--cache`).
 */
const WEIGHTS: PickWeights = {
  ...PICK_WEIGHTS,
  ...(JSON.parse(values.weights ?? "{}") as Partial<PickWeights>),
};
const FOLDS = Number(values.folds);
const L2 = Number(values.l2);
/** The terms fitted; the others keep their PICK_WEIGHTS value (a fixed offset of the score). */
const FITTED: readonly PickTerm[] =
  values.terms === undefined ? PICK_TERMS : (values.terms.split(",") as PickTerm[]);

const SETS = [
  { name: "cmrc2018", questions: "cmrc2018-dev.questions.jsonl", contexts: "cmrc2018-dev.contexts.jsonl" },
  { name: "drcd", questions: "drcd-dev.questions.jsonl", contexts: "drcd-dev.contexts.jsonl" },
  { name: "news", questions: "crud-news-dev.questions.jsonl", contexts: "crud-news.contexts.jsonl" },
] as const;

/** A set's pooled index, its zones and text tools. */
async function openSet(set: (typeof SETS)[number]) {
  const dir = values["index-root"] === undefined ? undefined : `${values["index-root"]}/${set.name}`;
  const index = await contextsIndex(`${BENCH}/${set.contexts}`, dir, new LocalEmbeddings());
  const known = index.zones.map((z) => z.zone);
  return { index, knownSet: new Set(known), tools: indexTextTools(index, known) };
}

type Row = EvalRow & { positive_context_ids?: string[] };

/** A question as answerQuestion reads it (answer.ts: its everyday phrasing in the corpus's words), and its passages. */
async function prepare(row: Row, { index, knownSet, tools }: Awaited<ReturnType<typeof openSet>>) {
  const plain = plainQuestion(row.question);
  const everyday = everydayQuestion(tools.normalize(plain));
  const asked =
    everyday.alts.size > 0 || everyday.question !== tools.normalize(plain) ? everyday.question : plain;
  const normalized = tools.normalize(asked);
  const zones = findZones(normalized).filter((z) => knownSet.has(z));
  const hits = await hybridSearch(index, asked, DEFAULT_EXTRACTIVE.candidates, zones);
  const top = hits[0]?.score ?? 1;
  const candidates: Candidate[] = hits.map((h, rank) => ({
    passage: h.passage,
    rank,
    relevance: top > 0 ? h.score / top : 0,
  }));
  // Reprints of a news story share a fold: the first of its articles names the group.
  const ids = [...(row.positive_context_ids ?? []), row.context_id ?? row.question].sort();
  return {
    asked,
    shape: questionShape(normalized),
    zones,
    candidates,
    alts: everyday.alts,
    golds: (row.answers ?? []).filter((g) => g !== ""),
    group: ids[0] ?? row.question,
  };
}

async function collect(): Promise<Asked[]> {
  const cached = await readCache<Asked>(values.cache);
  if (cached !== null) return cached;
  const out: Asked[] = [];
  for (const set of SETS) {
    const opened = await openSet(set);
    for (const row of await readJsonl<Row>(`${BENCH}/${set.questions}`)) {
      const q = await prepare(row, opened);
      const seen: { articleId: string; passageId: string; quote: string; features: SentenceFeatures }[] = [];
      const picks = pickSentences(q.asked, q.shape, q.candidates, opened.tools, q.zones, {
        alts: q.alts,
        weights: WEIGHTS,
        observe: (passage, quote, features) =>
          seen.push({ articleId: passage.articleId, passageId: passage.id, quote, features }),
      });
      const first = picks[0];
      const mine = seen.filter((s) => s.articleId === first?.passage.articleId);
      out.push({
        set: set.name,
        group: `${set.name}:${q.group}`,
        question: row.question,
        shape: q.shape,
        features: mine.map((s) => s.features),
        quotes: mine.map((s) => s.quote),
        labels: mine.map((s) => holdsGold(s.quote, q.golds)),
        chosen: mine.findIndex((s) => s.quote === first?.quote && s.passageId === first.passage.id),
      });
    }
    process.stderr.write(`${set.name}: ${out.filter((a) => a.set === set.name).length} questions asked\n`);
  }
  if (values.cache !== undefined) await writeFile(values.cache, out.map((a) => JSON.stringify(a)).join("\n"));
  return out;
}

/**
 * `--sweep`: the whole of pickSentences (passage ranking, re-ranking by evidence, sentence choice)
 * asked again under each of {@link SWEEP} — one weight moved from PICK_WEIGHTS — and scored by R@1
 * and quote hit of its first pick; then, in 5-fold CV by article, the setting best on the other folds
 * (the sets' mean of R@1 + quote hit) scored on each fold.
 */
const SWEEP: readonly Partial<PickWeights>[] = [
  {},
  { retrieval: 0.25 },
  { retrieval: 1 },
  { lexical: 0.4 },
  { lexical: 0.8 },
  { headlineWords: 0 },
  { headlineWords: 0.2 },
  { headlineNamed: 0 },
  { headlineNamed: 0.2 },
  { typed: 0 },
  { typed: 0.16 },
  { cue: 0 },
  { cue: 0.12 },
  { untypedNumber: 0.3 },
  { untypedNumber: 0.6 },
  { untypedOther: 0.5 },
  { untypedOther: 0.85 },
  { run: 0.15 },
  { run: 0.35 },
  { evidence: 0.7 },
  { evidence: 1.5 },
];

async function sweep(): Promise<void> {
  /** Per set, per question: its group and, per setting, [first article right, quote holds a gold answer]. */
  const rows: { set: string; group: string; hits: [boolean, boolean][] }[] = [];
  for (const set of SETS) {
    const opened = await openSet(set);
    for (const row of await readJsonl<Row>(`${BENCH}/${set.questions}`)) {
      const q = await prepare(row, opened);
      const right = rightArticles(row);
      const hits = SWEEP.map((w): [boolean, boolean] => {
        const [first] = pickSentences(q.asked, q.shape, q.candidates, opened.tools, q.zones, {
          alts: q.alts,
          weights: { ...PICK_WEIGHTS, ...w },
        });
        return [
          first !== undefined && right.has(first.passage.articleId),
          holdsGold(first?.quote ?? null, q.golds),
        ];
      });
      rows.push({ set: set.name, group: `${set.name}:${q.group}`, hits });
    }
    process.stderr.write(`${set.name}: swept\n`);
  }
  const rate = (xs: typeof rows, i: number, k: 0 | 1) =>
    xs.filter((r) => r.hits[i]?.[k] === true).length / Math.max(1, xs.length);
  const worth = (xs: typeof rows, i: number) =>
    SETS.reduce((a, { name }) => {
      const mine = xs.filter((r) => r.set === name);
      return a + rate(mine, i, 0) + rate(mine, i, 1);
    }, 0);
  SWEEP.forEach((w, i) => {
    const line = SETS.map(({ name }) => {
      const mine = rows.filter((r) => r.set === name);
      return `${name} ${rate(mine, i, 0).toFixed(3)} / ${rate(mine, i, 1).toFixed(3)}`;
    }).join(", ");
    console.log(`${JSON.stringify(w)}: R@1 / quote hit ${line}`);
  });
  const cv: { set: string; hits: [boolean, boolean] }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.filter((r) => foldOf(r.group, FOLDS) !== k);
    const best = SWEEP.map((_, i) => i).reduce(
      (a, i) => (worth(train, i) > worth(train, a) + 1e-9 ? i : a),
      0,
    );
    process.stderr.write(`fold ${k}: ${JSON.stringify(SWEEP[best])}\n`);
    for (const r of rows.filter((x) => foldOf(x.group, FOLDS) === k))
      cv.push({ set: r.set, hits: r.hits[best] ?? [false, false] });
  }
  for (const { name } of SETS) {
    const mine = cv.filter((r) => r.set === name);
    const of = (k: 0 | 1) => (mine.filter((r) => r.hits[k]).length / mine.length).toFixed(3);
    console.log(
      `${FOLDS}-fold CV, the setting best on the other folds: ${name} R@1 ${of(0)}, quote hit ${of(1)}`,
    );
  }
}

if (values.sweep) {
  await sweep();
  process.exit(0);
}

/** A question's candidates as rows of fitted terms, and the fixed part of each score. */
interface Sample {
  asked: Asked;
  x: number[][];
  fixed: number[];
}

const D = FITTED.length;

function sampleOf(a: Asked): Sample {
  const terms = a.features.map((f) => pickTerms(f, a.shape));
  return {
    asked: a,
    x: terms.map((t) => FITTED.map((k) => t[k])),
    fixed: terms.map((t) =>
      PICK_TERMS.filter((k) => !FITTED.includes(k)).reduce((s, k) => s + PICK_WEIGHTS[k] * t[k], 0),
    ),
  };
}

/** Conditional logit, fitted by Adam on the log-probability of each question's labelled candidates. */
function fit(train: readonly Sample[], steps = 300, rate = 0.05): number[] {
  // Only questions with both kinds of candidate say which one to prefer.
  const data = train.filter((s) => s.asked.labels.some((l) => l) && s.asked.labels.some((l) => !l));
  const w: number[] = FITTED.map((k) => PICK_WEIGHTS[k] * 10);
  const m = new Array<number>(D).fill(0);
  const v = new Array<number>(D).fill(0);
  for (let step = 1; step <= steps; step++) {
    const g = new Array<number>(D).fill(0);
    for (const s of data) {
      const z = s.x.map((row, c) => row.reduce((a, xi, i) => a + (w[i] ?? 0) * xi, (s.fixed[c] ?? 0) * 10));
      const max = Math.max(...z);
      const e = z.map((zi) => Math.exp(zi - max));
      const total = e.reduce((a, b) => a + b, 0);
      const good = e.reduce((a, ei, c) => a + (s.asked.labels[c] ? ei : 0), 0);
      // d(−log Σ_good p)/dz_c = p_c − [c good] e_c / Σ_good e.
      s.x.forEach((row, c) => {
        const d = (e[c] ?? 0) / total - (s.asked.labels[c] ? (e[c] ?? 0) / good : 0);
        for (let i = 0; i < D; i++) g[i] = (g[i] ?? 0) + d * (row[i] ?? 0);
      });
    }
    adamStep(w, m, v, step, rate, (i) => (g[i] ?? 0) / Math.max(1, data.length) + L2 * (w[i] ?? 0));
  }
  // Back to the scale of the fixed terms (the fit ran ten times larger, for a sharper softmax).
  return w.map((x) => x / 10);
}

/** The sets' mean quote hit of a weight vector over some questions (each set counts the same). */
function meanHit(xs: readonly Sample[], w: readonly number[]): number {
  let sum = 0;
  let sets = 0;
  for (const { name } of SETS) {
    const mine = xs.filter((s) => s.asked.set === name);
    if (mine.length === 0) continue;
    sets++;
    sum += mine.filter((s) => s.asked.labels[choose(s, w)] === true).length / mine.length;
  }
  return sum / Math.max(1, sets);
}

/**
 * Coordinate search on the quote hit itself (the logit fits a likelihood, not the choice): from the
 * hand weights, each weight in turn is tried at multiples of its value (or small values, from 0) and
 * the best kept when it gains more than `MIN_GAIN`; passes until none moves.
 */
function search(train: readonly Sample[]): number[] {
  const data = train.filter((s) => s.asked.labels.some((l) => l) && s.asked.labels.some((l) => !l));
  const w: number[] = FITTED.map((k) => PICK_WEIGHTS[k]);
  let best = meanHit(data, w);
  for (let pass = 0; pass < 4; pass++) {
    let moved = false;
    for (let i = 0; i < D; i++) {
      const at = w[i] ?? 0;
      const tries =
        at === 0
          ? [0.01, 0.02, 0.05, 0.1, 0.2, 0.4]
          : [0, 0.25, 0.5, 0.7, 0.85, 1.2, 1.5, 2, 3].map((m) => at * m);
      for (const x of tries) {
        const trial = w.slice();
        trial[i] = x;
        const hit = meanHit(data, trial);
        if (hit > best + MIN_GAIN) {
          best = hit;
          w[i] = x;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return w;
}

/** The least gain in the sets' mean quote hit (over questions with a choice to make) a search step keeps. */
const MIN_GAIN = 0.0005;

/** The candidate a weight vector chooses (the first of the best, as pickSentences keeps the first). */
function choose(s: Sample, w: readonly number[]): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  s.x.forEach((row, c) => {
    const score = row.reduce((a, xi, i) => a + (w[i] ?? 0) * xi, s.fixed[c] ?? 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  });
  return best;
}

const asked = await collect();
const samples = asked.map(sampleOf);
const hand = FITTED.map((k) => PICK_WEIGHTS[k]);
const agree = samples.filter((s) => s.asked.chosen >= 0 && choose(s, hand) === s.asked.chosen).length;
process.stderr.write(
  `hand weights choose as pickSentences did for ${agree} of ${samples.filter((s) => s.asked.chosen >= 0).length} questions\n`,
);

/** `search` (the quote hit itself) or `logit` (the conditional likelihood). */
const fitWeights = values.method === "logit" ? fit : search;
/** `--per-type`: weights of their own for each question type (date, number, person …), fitted on its questions. */
const groupsOf = (xs: readonly Sample[]): Sample[][] =>
  values["per-type"]
    ? [...new Set(xs.map((s) => s.asked.shape.type))].map((t) => xs.filter((s) => s.asked.shape.type === t))
    : [[...xs]];
const cvChoice = new Map<Sample, number>();
for (let k = 0; k < FOLDS; k++) {
  for (const group of groupsOf(samples)) {
    const w = fitWeights(group.filter((s) => foldOf(s.asked.group, FOLDS) !== k));
    for (const s of group.filter((x) => foldOf(x.asked.group, FOLDS) === k)) cvChoice.set(s, choose(s, w));
  }
}
const hit = (s: Sample, c: number) => s.asked.labels[c] === true;
for (const { name } of SETS) {
  const mine = samples.filter((s) => s.asked.set === name);
  const handHits = mine.filter((s) => hit(s, choose(s, hand)));
  const cvHits = mine.filter((s) => hit(s, cvChoice.get(s) ?? -1));
  const gained = cvHits.filter((s) => !handHits.includes(s)).length;
  const lost = handHits.filter((s) => !cvHits.includes(s)).length;
  const reachable = mine.filter((s) => s.asked.labels.some((l) => l)).length;
  const n = mine.length;
  console.log(
    `${name} (${n}; a candidate holds a gold answer for ${reachable}): quote hit in the first article, hand ${(handHits.length / n).toFixed(3)}, ${FOLDS}-fold CV fitted ${(cvHits.length / n).toFixed(3)} (+${gained} −${lost})`,
  );
}

if (values["per-type"]) process.exit(0);
const all = fitWeights(samples);
const scale = FITTED.includes("pickFocus")
  ? PICK_WEIGHTS.pickFocus / (all[FITTED.indexOf("pickFocus")] ?? 1)
  : 1;
const fitted = Object.fromEntries(FITTED.map((k, i) => [k, Number(((all[i] ?? 0) * scale).toFixed(3))]));
console.log(`fitted on all (pickFocus scaled to ${PICK_WEIGHTS.pickFocus}): ${JSON.stringify(fitted)}`);
for (const { name } of SETS) {
  const mine = samples.filter((s) => s.asked.set === name);
  const rate = mine.filter((s) => hit(s, choose(s, all))).length / mine.length;
  console.log(`  fitted on all, ${name}: quote hit in the first article ${rate.toFixed(3)}`);
}

if (values.write) {
  const path = new URL("../src/answer/extractive.ts", import.meta.url);
  let text = await readFile(path, "utf8");
  for (const [k, v] of Object.entries(fitted))
    text = text.replace(new RegExp(`(\\n  ${k}: )-?[\\d.e-]+,`), `$1${v},`);
  await writeFile(path, text);
  console.log("extractive.ts written");
}
