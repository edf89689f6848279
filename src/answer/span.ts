import type { PeriodStance } from "./decline-evidence.js";
import { askingGap, stated } from "./question-terms.js";
import { ASKING, SPEECH_VERBS } from "./question-words.js";

/**
 * Span cutting: the part of a quoted sentence that the answer line shows. Pure; verbatim from the
 * sentence; never cut inside a number, a bracket or a quote.
 */

/** Paired marks a cut must not separate: brackets, book-title marks and quotation marks. */
export const PAIRS: readonly (readonly [string, string])[] = [
  ["（", "）"],
  ["(", ")"],
  ["“", "”"],
  ["‘", "’"],
  ["「", "」"],
  ["『", "』"],
  ["《", "》"],
  ["【", "】"],
  ["[", "]"],
  ["〈", "〉"],
];

const OPENS = new Map(PAIRS.map(([o, c]) => [o, c]));
const CLOSES = new Set(PAIRS.map(([, c]) => c));

const QUOTE_CODE = '"'.charCodeAt(0);
/** Each mark of {@link PAIRS} by its UTF-16 unit: twice its pair's place, plus 1 for the closing mark. */
const MARK_CODES = new Map(
  PAIRS.flatMap(([open, close], k) => [
    [open.charCodeAt(0), 2 * k],
    [close.charCodeAt(0), 2 * k + 1],
  ]),
);
/** Each pair's depth and whether it closed unopened, for {@link unbalancedMarks} (reused: it does not reenter). */
const DEPTH = new Int32Array(PAIRS.length);
const BROKEN = new Uint8Array(PAIRS.length);

/**
 * The paired marks a text leaves unbalanced (an opening mark never closed, a closing one never
 * opened, or a straight `"` left odd), as `open+close` keys: `（）`, `“”`, `""`.
 */
export function unbalancedMarks(text: string): Set<string> {
  const out = new Set<string>();
  // One pass over the UTF-16 units (every mark is one unit; no half of a pair of units is a mark),
  // each pair's depth followed apart, as a pass per pair would.
  const depth = DEPTH.fill(0);
  const broken = BROKEN.fill(0);
  let straight = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE_CODE) {
      straight++;
      continue;
    }
    const k = MARK_CODES.get(code);
    if (k === undefined) continue;
    const pair = k >> 1;
    if ((k & 1) === 0) depth[pair] = (depth[pair] ?? 0) + 1;
    else if (depth[pair] === 0) broken[pair] = 1;
    else depth[pair] = (depth[pair] ?? 0) - 1;
  }
  PAIRS.forEach(([open, close], k) => {
    if (broken[k] === 1 || (depth[k] ?? 0) > 0) out.add(open + close);
  });
  if (straight % 2 === 1) out.add('""');
  return out;
}

/** Whether `span` leaves a mark unbalanced that `source` (the sentence it was cut from) does not. */
export function breaksMarks(span: string, source: string): boolean {
  const own = unbalancedMarks(source);
  for (const m of unbalancedMarks(span)) if (!own.has(m)) return true;
  return false;
}

const CLAUSE_END = "，,：:；;";

/**
 * Splits a sentence into clauses at commas, colons and semicolons, keeping the delimiters — but not
 * inside brackets or quotes (`「寧做不滿的人類，不做滿足的豬」`), and not at a comma between digits
 * (`2,000毫米`, `46,600m²`).
 */
export function splitClauses(sentence: string): string[] {
  const chars = [...sentence];
  const out: string[] = [];
  const stack: string[] = [];
  let straight = false;
  let cur = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    cur += ch;
    const close = OPENS.get(ch);
    if (ch === '"') straight = !straight;
    else if (close !== undefined) stack.push(close);
    else if (CLOSES.has(ch) && stack.at(-1) === ch) stack.pop();
    if (!CLAUSE_END.includes(ch) || stack.length > 0 || straight) continue;
    if (ch === "," && /\d/.test(chars[i - 1] ?? "") && /\d/.test(chars[i + 1] ?? "")) continue;
    out.push(cur);
    cur = "";
  }
  // A mark the source never closes keeps the rest of the sentence in one clause: no cut is sure there.
  if (cur !== "") out.push(cur);
  return out;
}

/** Drops trailing punctuation and a mark left dangling at either end of a span. */
export function tidy(span: string): string {
  let s = span.replace(/[，,：:；;。！？!?、\s]+$/u, "");
  for (const [open, close] of PAIRS) {
    const opens = s.split(open).length - 1;
    const closes = s.split(close).length - 1;
    if (closes > opens && s.endsWith(close)) s = s.slice(0, -close.length);
    else if (opens > closes && s.startsWith(open)) s = s.slice(open.length);
  }
  return s.replace(/[，,：:；;。！？!?、\s]+$/u, "");
}

/** A question word weighed for span cutting. */
export interface SpanTerm {
  word: string;
  weight: number;
  /** Other words that state it (see `Term.alts`). */
  alts?: readonly string[];
}

const states = (text: string | undefined, t: SpanTerm): boolean =>
  text !== undefined && (stated(text, t) || splitCompound(text, t.word));

/**
 * A four-character word a clause states with a word between its halves (`符合条件` in `符合安装条件`, `招聘人员` in
 * `招聘技术人员`): jieba keeps the question's compound whole, the report adds a modifier.
 */
function splitCompound(text: string, word: string): boolean {
  if (!/^\p{Script=Han}{4}$/u.test(word)) return false;
  const head = text.indexOf(word.slice(0, 2));
  if (head < 0) return false;
  const tail = text.indexOf(word.slice(2), head + 2);
  return tail >= 0 && tail - (head + 2) <= 3;
}

/** What cutting a span needs to know of the question. */
export interface SpanQuestion {
  /** The question, normalised. */
  norm: string;
  terms: readonly SpanTerm[];
  /** Question words right next to the question word: the answer's predicate (`後增為` in `後增為幾省`). */
  slot: ReadonlySet<string>;
  /**
   * The facts of the asked-for kind a normalised clause states (numbers with the right unit, dates,
   * ranks), or null when the question asks for no kind of fact that can be recognised in text.
   */
  facts: (normClause: string) => string[] | null;
  /** Whether the question asks for a person (a trailing speech verb is then dropped). */
  person: boolean;
  /**
   * Cues the answer clause should carry (a growth question's `同比`/`环比` and its verb, `上涨`): when
   * some candidate clauses carry them all, the others are not candidates.
   */
  cues?: readonly RegExp[];
  /**
   * How a normalised clause stands to the periods the question names (`periodStance`): a clause
   * stating only another period of the kind asked (`一季度GDP同比增长4.5%` for `二季度…增长了多少`) states
   * another fact, and one stating the period asked answers before one stating none.
   */
  period?: (normClause: string) => PeriodStance;
  /**
   * Whether the question asks for an amount: the clause whose new number is followed by what the
   * question counts (`多少人受伤` → `21310人受伤`) is then preferred. Not for dates: `今后15年实现` is a span.
   */
  counts?: boolean;
  normalize: (s: string) => string;
}

/** How much more a question word next to the question word counts when choosing the answer clause. */
const SPAN_SLOT_WEIGHT = 3;

/**
 * Characters between a slot word and the question word at which the word counts half in choosing the
 * answer clause (`1 / (1 + gap / this)`): `中巴建交多少周年` is answered by `明年两国将迎来建交50周年`, not by
 * `今年是中巴建立战略伙伴关系30周年`. News answer hit +1 question (0.725 → 0.726), CMRC 2018 and DRCD
 * dev unchanged question by question; 2 gave the same as 4.
 */
const SLOT_NEAR_GAP = 4;

/** The share of its weight a slot word counts with, by its distance from the question word. */
const slotNearness = (normQuestion: string, word: string): number => {
  const gap = askingGap(normQuestion, word);
  return Number.isFinite(gap) ? 1 / (1 + gap / SLOT_NEAR_GAP) : 1;
};

/** A span shorter than this (characters) says too little alone: the whole sentence is shown. */
const MIN_SPAN = 6;

/** A sentence this short (characters) is shown whole. */
const SHORT_SENTENCE = 40;

/** How many clauses before the answer clause may be pulled in to name its subject. */
const MAX_SUBJECT_CLAUSES = 3;

const SPEECH_END = new RegExp(`(?:${SPEECH_VERBS})[，,：:]?$`, "u");

/** How far after a fact (characters) a question word still describes it. */
const FOLLOW_WINDOW = 4;

/** The question's word (with its weight) nearest after its question word, within the window: `受伤` of `多少人受伤`. */
function wordsAfterAsking(q: SpanQuestion): SpanTerm[] {
  const asking = new RegExp(ASKING.source, "g");
  const ends = [...q.norm.matchAll(asking)].map((m) => (m.index ?? 0) + m[0].length);
  // Only the nearest such word: `企业` of `多少家企业的药品`, not `药品`.
  let nearest: SpanTerm | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const t of q.terms) {
    if (!q.slot.has(t.word)) continue;
    const at = q.norm.indexOf(t.word);
    for (const e of ends) {
      if (at >= e && at - e <= FOLLOW_WINDOW && at - e < distance) {
        distance = at - e;
        nearest = t;
      }
    }
  }
  return nearest === undefined ? [] : [nearest];
}

/** The weight of `words` standing within {@link FOLLOW_WINDOW} characters after one of `facts` in `clause`. */
function followWeight(clause: string, facts: readonly string[], words: readonly SpanTerm[]): number {
  let best = 0;
  for (const f of facts) {
    const end = clause.indexOf(f) + f.length;
    if (end < f.length) continue;
    const next = clause.slice(end, end + FOLLOW_WINDOW + 4);
    let w = 0;
    for (const t of words) {
      const at = next.indexOf(t.word);
      if (at >= 0 && at <= FOLLOW_WINDOW) w += t.weight;
    }
    best = Math.max(best, w);
  }
  return best;
}

/**
 * Of the candidate clauses, those stating the period the question names, else those not stating
 * another of its kind, else all. A clause naming no period is read in the period of the clause before
 * it that names one (`二季度，` `GDP增长6.3%`).
 */
function byPeriod(
  candidates: readonly number[],
  norm: readonly string[],
  stance: (normClause: string) => PeriodStance,
): number[] {
  const stances: PeriodStance[] = [];
  for (const [i, c] of norm.entries()) {
    const own = stance(c);
    stances.push(own === "none" && i > 0 ? (stances[i - 1] ?? "none") : own);
  }
  const asked = candidates.filter((i) => stances[i] === "asked");
  if (asked.length > 0) return asked;
  const notOther = candidates.filter((i) => stances[i] !== "other");
  return notOther.length > 0 ? notOther : [...candidates];
}

/** A clause that is only the value of the one before (`为87.9毫米`, `达8家`, `约3000人`). */
const VALUE_CLAUSE = /^(?:为|是|达到?|约为?|共计?|合计|总计|计)[约近超逾]?[\d二三四五六七八九十两几百千万]/u;

/**
 * Clauses with each value clause joined to the one before it, whose subject it completes
 * (`其中北碚区人和村雨量最大，为87.9毫米`): apart, the value names nothing of what it measures.
 */
function valuesJoined(clauses: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of clauses) {
    if (out.length > 0 && VALUE_CLAUSE.test(c) && [...c].length <= 16) out[out.length - 1] += c;
    else out.push(c);
  }
  return out;
}

/** What may stand before the count a clause continuing a list opens with (`另有一架`, `其中3人`). */
const LIST_GOES_ON = /^(?:另有|还有|另外|另|以及|及|其中|共有|有)?(?:约|近|超过?|逾|共)?$/u;

/**
 * For each clause, the first clause of the list of counts it continues (its own index when it continues
 * none): a clause opening with a new count (`3架被击伤`, `另有一架被俘获`) after a clause stating one
 * (`目前俄军已有37架卡-52被击落`) counts the same thing, which only the list's first clause names.
 */
function listHeads(norm: readonly string[], factsOf: readonly (string[] | null)[]): number[] {
  const heads: number[] = [];
  let previousCounts = false;
  for (const [i, c] of norm.entries()) {
    const found = factsOf[i] ?? [];
    const first = found.map((f) => c.indexOf(f)).filter((at) => at >= 0);
    const opens = first.length > 0 && LIST_GOES_ON.test(c.slice(0, Math.min(...first)));
    heads.push(opens && previousCounts && i > 0 ? (heads[i - 1] ?? i - 1) : i);
    previousCounts = found.length > 0;
  }
  return heads;
}

/**
 * The span of a sentence that answers, verbatim: for a question asking for a kind of fact (a number,
 * a date, a rank), the clause stating such a fact the question does not already state, with the most
 * question words — those next to the question word (its predicate) counting most — extended leftwards
 * by the clauses that name its subject. When no clause states a new fact, or several state one equally
 * well, or the question asks for no recognisable kind of fact, the whole sentence: a longer line that
 * holds the answer beats a short one that may not. Never cut inside a number, a bracket or a quote.
 */
export function answerSpan(sentence: string, q: SpanQuestion): string {
  const clauses = valuesJoined(splitClauses(sentence));
  if (clauses.length <= 1 || [...sentence].length <= SHORT_SENTENCE) return tidy(sentence);
  const own = clauses.map((c) => q.normalize(c));
  // Each clause's own facts, read once.
  const ownFacts = own.map((c) => q.facts(c));
  const heads = q.counts === true ? listHeads(own, ownFacts) : own.map((_, i) => i);
  // A clause continuing a list of counts (`3架被击伤` after `37架卡-52被击落`) is read with the list's
  // first clause, which names what is counted: it is the clause's own words that tell them apart.
  const norm = own.map((c, i) => (heads[i] === i ? c : `${own[heads[i] ?? i] ?? ""}${c}`));
  const weight = (t: SpanTerm): number => t.weight * (q.slot.has(t.word) ? SPAN_SLOT_WEIGHT : 1);
  const total = q.terms.reduce((s, t) => s + weight(t), 0) || 1;
  const cover = norm.map((c) => q.terms.reduce((s, t) => s + (states(c, t) ? weight(t) : 0), 0) / total);
  let candidates: number[] = [];
  const after = q.counts === true ? wordsAfterAsking(q) : [];
  // Per clause: the weight of the question's words right after its question word (`多少人受伤`) that
  // stand right after a new fact of the clause (`21310人受伤`): what is counted, or what happened to it.
  const follows: number[] = [];
  for (let i = 0; i < norm.length; i++) {
    const facts = heads[i] === i ? (ownFacts[i] ?? null) : q.facts(norm[i] ?? "");
    if (facts === null) return tidy(sentence);
    const fresh = facts.filter((f) => !q.norm.includes(f));
    if (heads[i] === i ? fresh.length > 0 : (ownFacts[i] ?? []).some((f) => !q.norm.includes(f)))
      candidates.push(i);
    follows.push(followWeight(norm[i] ?? "", fresh, after));
  }
  if (q.period !== undefined) candidates = byPeriod(candidates, norm, q.period);
  const closest = Math.max(0, ...candidates.map((i) => follows[i] ?? 0));
  if (closest > 0) candidates = candidates.filter((i) => (follows[i] ?? 0) === closest);
  const cues = q.cues ?? [];
  if (cues.length > 0) {
    const cued = candidates.filter((i) => cues.every((c) => c.test(norm[i] ?? "")));
    if (cued.length > 0) candidates = cued;
  }
  if (candidates.length === 0) return tidy(sentence);
  // The clause that says the words next to the question word (its predicate: `罚款` of `被罚款了多少元`)
  // answers, however many of the topic's words another clause repeats (`嘉德鑫科技有限公司违法收取电费…`):
  // the subject is pulled in from the left below anyway.
  // Of the slot words, the one next to the question word is the predicate itself (`建交` of
  // `中巴建交多少周年`), the others the topic every clause may name (`中巴`): nearer counts more.
  const slotTerms = q.terms
    .filter((t) => q.slot.has(t.word))
    .map((t) => ({ t, weight: t.weight * slotNearness(q.norm, t.word) }));
  const slotted = norm.map((c) => slotTerms.reduce((s, x) => s + (states(c, x.t) ? x.weight : 0), 0));
  const mostSlot = Math.max(...candidates.map((i) => slotted[i] ?? 0));
  if (mostSlot > 0) candidates = candidates.filter((i) => (slotted[i] ?? 0) === mostSlot);
  const top = Math.max(...candidates.map((i) => cover[i] ?? 0));
  const tied = candidates.filter((i) => (cover[i] ?? 0) === top);
  // Of a list's clauses read alike, the one saying more in its own words (`37架卡-52被击落` for `…被击落`).
  const coverOwn = (i: number) => q.terms.reduce((s, t) => s + (states(own[i], t) ? weight(t) : 0), 0);
  const mostOwn = Math.max(...tied.map(coverOwn));
  const best = tied.filter((i) => heads.every((h, j) => h === j) || coverOwn(i) === mostOwn);
  // Two clauses state a new fact equally well: no cut is sure.
  if (best.length > 1) return tidy(sentence);
  const at = best[0] ?? 0;
  // The list's first clause is shown too when only it names what is counted (`37架卡-52被击落，3架被击伤`):
  // `21310人受伤` says what it counts itself.
  const named = (c: string | undefined) => after.some((t) => states(c, t));
  const head = heads[at] !== at && !named(own[at]) && named(own[heads[at] ?? at]) ? (heads[at] ?? at) : at;
  let start = head;
  let end = at;
  const covered = new Set(q.terms.filter((t) => states(norm[at], t)).map((t) => t.word));
  for (let i = head - 1; i >= 0 && head - i <= MAX_SUBJECT_CLAUSES; i--) {
    // A clause stating another fact of the kind asked for is a rival answer, not the subject; for a
    // growth question (it has cues) so is any number: `产值为812.4亿元，同比增长9.6%` answers `9.6%`.
    if ((ownFacts[i] ?? []).length > 0 || (q.cues !== undefined && /\d/.test(own[i] ?? ""))) break;
    const adds = q.terms.filter((t) => !covered.has(t.word) && states(own[i], t));
    if (adds.length === 0) break;
    for (const t of adds) covered.add(t.word);
    start = i;
  }
  // A clause with the fact and no question word (`6月8日，`) is read with the one saying what happened.
  if (top === 0 && start === at && at + 1 < clauses.length) end = at + 1;
  let span = clauses.slice(start, end + 1).join("");
  if (q.person) span = span.replace(SPEECH_END, "");
  const out = tidy(span);
  return [...out].length < MIN_SPAN || breaksMarks(out, sentence) ? tidy(sentence) : out;
}
