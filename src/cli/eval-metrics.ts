import { breaksMarks } from "../answer/span.js";
import type { Answer } from "../answer/types.js";
import { percentiles } from "./bench/stats.js";
import { bestF1, exactMatch, holdsGold } from "./eval-short.js";

/** A question row: SQuAD-style (`context_id`, `answers`) or shaped like `seed-dev.jsonl` (`answerable`). */
export interface EvalRow {
  id?: string;
  question: string;
  answers?: string[];
  context_id?: string;
  /** News sets: every article that states the answer (reprints of one story); any counts as the right one. */
  positive_context_ids?: string[];
  answerable?: boolean;
  article_title_contains?: string | null;
}

/** One question's answer, how long it took, and the question type it was classed as. */
export interface Outcome {
  row: EvalRow;
  answer: Answer;
  ms: number;
  type: string;
}

/** The figures of a set of outcomes; a rate is null when no row could be scored for it. */
export interface Metrics {
  n: number;
  r1: number | null;
  r5: number | null;
  mrr10: number | null;
  quoteHit: number | null;
  answerHit: number | null;
  abstained: number;
  /**
   * Share of answer lines (not declined) leaving a bracket or quote mark unbalanced that their quoted
   * sources do not: a fragment cut inside `（…）` or `「…」`.
   */
  brokenMarks: number | null;
  /** Rows shaped like seed-dev: the shared scorer's rule (answer and quote hold an answer, right headline first). */
  seedAccuracy: number | null;
  /** Unanswerable seed rows that were declined. */
  correctAbstentions: number | null;
  /**
   * The short answer's character-level F1 and exact match against the gold answers (see
   * `eval-short.ts`), over rows with answers; declined and no short answer count 0.
   */
  shortF1: number | null;
  shortExact: number | null;
  /** Share of answered (not declined) questions given a short answer. */
  shortGiven: number | null;
  /** Share of the short answers given (to rows with answers) that hold a gold answer whole. */
  shortHolds: number | null;
  p50ms: number;
  p95ms: number;
}

/** The articles that count as a row's own: its `context_id` and, in news sets, every reprint stating the answer. */
export function rightArticles(row: EvalRow): Set<string> {
  const out = new Set(row.positive_context_ids ?? []);
  if (row.context_id !== undefined) out.add(row.context_id);
  return out;
}

/**
 * The split-article protocol: half of the articles indexed, the questions of both halves asked.
 * A question about an indexed article should be answered, one about the other half declined — or,
 * in news, where another article may state the same fact, at least not answered wrongly.
 */
export interface SplitReport {
  /** Questions with an indexed article (in news: one of their `positive_context_ids`). */
  answerable: number;
  /** Share of those declined. */
  declinedAnswerable: number | null;
  /** Questions none of whose articles is indexed. */
  notIndexed: number;
  /** Share of those declined. */
  declinedNotIndexed: number | null;
  /** Share of those answered with an answer line that holds no gold answer string: a confident wrong answer. */
  wrongNotIndexed: number | null;
}

/** Whether an answer is given (not declined) and its answer line holds none of the row's gold strings. */
export function answeredWrongly(row: EvalRow, a: Answer): boolean {
  if (a.abstained) return false;
  const golds = (row.answers ?? []).filter((g) => g !== "").map(squash);
  const line = squash(answerLine(a));
  return !golds.some((g) => line.includes(g));
}

/** Decline rates of the split-article protocol, from each question's answer and whether its article was indexed. */
export function splitReport(
  outcomes: readonly { row: EvalRow; answer: Answer; indexed: boolean }[],
): SplitReport {
  const yes = outcomes.filter((o) => o.indexed);
  const no = outcomes.filter((o) => !o.indexed);
  return {
    answerable: yes.length,
    declinedAnswerable: rate(yes.filter((o) => o.answer.abstained).length, yes.length),
    notIndexed: no.length,
    declinedNotIndexed: rate(no.filter((o) => o.answer.abstained).length, no.length),
    wrongNotIndexed: rate(no.filter((o) => answeredWrongly(o.row, o.answer)).length, no.length),
  };
}

/** One line for the split-article protocol's decline rates and the share answered wrongly. */
export function renderSplit(s: SplitReport): string {
  return `split-article protocol (half the articles indexed): declined when answerable ${fmt(s.declinedAnswerable)} (n=${s.answerable}), declined when not indexed ${fmt(s.declinedNotIndexed)} (n=${s.notIndexed}), answered wrongly when not indexed ${fmt(s.wrongNotIndexed)}`;
}

export interface EvalReport {
  overall: Metrics;
  byType: Record<string, Metrics>;
  /** Ids (or questions) of rows that missed: not first-cited, or no answer in the quote, or a wrong seed row. */
  misses: string[];
}

/** The shared scorer's string form: NFKC, no whitespace, lowercase. */
export const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** The answer line without its citation markers and final full stop. */
export const answerLine = (a: Answer): string => a.answer.replace(/\[\d+\]/g, "").replace(/。$/u, "");

const rate = (hits: number, total: number): number | null => (total === 0 ? null : hits / total);

/** Whether a seed-shaped row was answered right: the rule of `../shared/bench/score.py seed`. */
export function seedRight(row: EvalRow, a: Answer): boolean {
  if (row.answerable === false) return a.abstained;
  const golds = (row.answers ?? []).map(squash);
  const first = a.citations[0];
  return (
    !a.abstained &&
    golds.some((g) => squash(a.answer).includes(g)) &&
    golds.some((g) => a.citations.some((c) => squash(c.quote).includes(g))) &&
    first !== undefined &&
    squash(first.title).includes(squash(row.article_title_contains ?? ""))
  );
}

/** Scores outcomes: R@1/R@5/MRR@10 over rows with a `context_id`, quote and answer hits over rows with answers. */
export function metrics(outcomes: readonly Outcome[]): Metrics {
  let r1 = 0;
  let r5 = 0;
  let rr = 0;
  let withContext = 0;
  let quote = 0;
  let ans = 0;
  let withAnswers = 0;
  let seed = 0;
  let seedRows = 0;
  let declined = 0;
  let unanswerable = 0;
  let lines = 0;
  let broken = 0;
  let shortF1 = 0;
  let shortExact = 0;
  let shortGiven = 0;
  let shortScored = 0;
  let shortHolds = 0;
  for (const { row, answer } of outcomes) {
    const short = answer.abstained ? null : (answer.short?.text ?? null);
    if (short !== null) shortGiven++;
    if (!answer.abstained) {
      lines++;
      if (breaksMarks(answerLine(answer), answer.citations.map((c) => c.quote).join(""))) broken++;
    }
    const right = rightArticles(row);
    if (right.size > 0) {
      withContext++;
      const at = answer.citations.findIndex((c) => right.has(c.articleId));
      if (at === 0) r1++;
      if (at >= 0 && at < 5) r5++;
      if (at >= 0 && at < 10) rr += 1 / (at + 1);
    }
    const golds = (row.answers ?? []).filter((g) => g !== "").map(squash);
    if (golds.length > 0) {
      withAnswers++;
      const q = answer.citations[0]?.quote;
      if (q !== undefined && golds.some((g) => squash(q).includes(g))) quote++;
      if (!answer.abstained && golds.some((g) => squash(answer.answer).includes(g))) ans++;
      shortF1 += bestF1(short, row.answers ?? []);
      if (exactMatch(short, row.answers ?? [])) shortExact++;
      if (short !== null) {
        shortScored++;
        if (holdsGold(short, row.answers ?? [])) shortHolds++;
      }
    }
    if (row.answerable !== undefined) {
      seedRows++;
      if (seedRight(row, answer)) seed++;
      if (row.answerable === false) {
        unanswerable++;
        if (answer.abstained) declined++;
      }
    }
  }
  const times = percentiles(outcomes.map((o) => o.ms));
  return {
    n: outcomes.length,
    r1: rate(r1, withContext),
    r5: rate(r5, withContext),
    mrr10: rate(rr, withContext),
    quoteHit: rate(quote, withAnswers),
    answerHit: rate(ans, withAnswers),
    abstained: rate(outcomes.filter((o) => o.answer.abstained).length, outcomes.length) ?? 0,
    brokenMarks: rate(broken, lines),
    seedAccuracy: rate(seed, seedRows),
    correctAbstentions: rate(declined, unanswerable),
    shortF1: rate(shortF1, withAnswers),
    shortExact: rate(shortExact, withAnswers),
    shortGiven: rate(shortGiven, lines),
    shortHolds: rate(shortHolds, shortScored),
    p50ms: times.p50,
    p95ms: times.p95,
  };
}

/** The whole report: overall, by question type, and the rows that missed. */
export function evaluate(outcomes: readonly Outcome[]): EvalReport {
  const types = [...new Set(outcomes.map((o) => o.type))].sort();
  const byType: Record<string, Metrics> = {};
  for (const t of types) byType[t] = metrics(outcomes.filter((o) => o.type === t));
  const misses = outcomes
    .filter(({ row, answer }) => {
      if (row.answerable !== undefined) return !seedRight(row, answer);
      const first = answer.citations[0];
      const golds = (row.answers ?? []).filter((g) => g !== "").map(squash);
      const right = rightArticles(row);
      return (
        (right.size > 0 && (first === undefined || !right.has(first.articleId))) ||
        (golds.length > 0 && !golds.some((g) => squash(first?.quote ?? "").includes(g)))
      );
    })
    .map(({ row }) => row.id ?? row.question);
  return { overall: metrics(outcomes), byType, misses };
}

const fmt = (x: number | null, digits = 3): string => (x === null ? "–" : x.toFixed(digits));

/**
 * A readable table of a report, one line overall and one per question type; with `baseline`, a line
 * for it under the overall one (plain BM25 and the best-overlap sentence, see `eval-baseline.ts`).
 */
export function renderReport(report: EvalReport, title: string, baseline?: Metrics): string {
  const head = [
    "",
    "n",
    "R@1",
    "R@5",
    "MRR@10",
    "quote hit",
    "answer hit",
    "seed acc",
    "abstain ok",
    "abstained",
    "broken",
    "short F1",
    "short EM",
    "short given",
    "short holds",
    "p50 ms",
    "p95 ms",
  ];
  const line = (name: string, m: Metrics) => [
    name,
    String(m.n),
    fmt(m.r1),
    fmt(m.r5),
    fmt(m.mrr10),
    fmt(m.quoteHit),
    fmt(m.answerHit),
    fmt(m.seedAccuracy),
    fmt(m.correctAbstentions),
    fmt(m.abstained),
    fmt(m.brokenMarks),
    fmt(m.shortF1),
    fmt(m.shortExact),
    fmt(m.shortGiven),
    fmt(m.shortHolds),
    m.p50ms.toFixed(1),
    m.p95ms.toFixed(1),
  ];
  const rows = [
    head,
    line("all", report.overall),
    ...(baseline === undefined ? [] : [line("baseline", baseline)]),
    ...Object.entries(report.byType).map(([t, m]) => line(t, m)),
  ];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  const text = rows.map((r) => r.map((c, i) => c.padStart(widths[i] ?? 0)).join("  "));
  return [title, ...text].join("\n");
}
