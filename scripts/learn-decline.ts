/**
 * Fits the decision to decline (src/answer/decline.ts) on the split-article protocol.
 *
 * Data: the CMRC 2018 and DRCD dev sets (Wikipedia paragraphs) and the CRUD-RAG news dev set (10,000
 * news articles of 2023), as the team keeps them in ../shared/bench. For each set, half of the
 * articles (paragraphs grouped by title; a news article, untitled, is its own — the halves `npm run
 * eval` uses) are indexed and every question is asked with no threshold, so that every answer line is
 * seen. A question about an indexed article is labelled answerable; one about the other half is not
 * — except in news, where another article often states the same fact: there a question none of whose
 * articles is indexed is labelled answerable when the answer line holds a gold string (another
 * article answered it), and not otherwise. CMRC and DRCD are asked twice: under this script's own
 * split, which also leaves one paragraph in four of the indexed articles out (the topic is in the
 * corpus, the fact is not), and under the split `npm run eval` measures (the indexed half whole).
 * News articles are single rows, so the two splits are one.
 *
 * A logistic model over the evidence features is fitted to the labels (classes weighed equally). The
 * threshold keeps the widest margin, on every set of the training data, to the goals: at most 6% of
 * answerable questions declined, and at least 90% of the others declined (CMRC, DRCD) or at most 10%
 * of them answered wrongly (news: the answer line holds no gold string).
 *
 * Figures printed: 5-fold cross-validation grouped by article (no fold is scored by a model or
 * threshold fitted on it), each set scored by a model fitted on the other two, then the weights and
 * threshold fitted on everything, to copy into decline.ts.
 *
 *   npx tsx scripts/learn-decline.ts [--bench ../shared/bench] [--dump FILE] [--load FILE]
 *     [--sets NAMES] [--drop FEATURES] [--feature EXTRA_FEATURES] [--sweep]
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DEFAULT_EXTRACTIVE, type EvidenceRead } from "../src/answer/answer.js";
import {
  DECLINE_THRESHOLD,
  DECLINE_WEIGHTS,
  type DeclineWeights,
  EVIDENCE_FEATURES,
} from "../src/answer/decline.js";
import type { Evidence } from "../src/answer/decline-evidence.js";
import { decodeSpan, netScorer, shortAnswer, shortChoice, shortClass, softmax } from "../src/answer/short.js";
import { SHORT_NET } from "../src/answer/short-net-weights.js";
import { shortQuestion } from "../src/answer/short-question.js";
import { scoredSpans } from "../src/answer/short-spans.js";
import { SHORT_HEDGE } from "../src/answer/short-weights.js";
import { type ContextRow, readJsonl } from "../src/cli/bench/synthetic.js";
import { answeredWrongly, answerLine, type EvalRow, rightArticles } from "../src/cli/eval-metrics.js";
import { articleKey, contextsService, inIndexedHalf } from "../src/cli/eval-pool.js";
import { LocalEmbeddings } from "../src/index/local-embeddings.js";
import { foldOf } from "./learn-common.js";

/** One benchmark: its files, the splits it is asked under, and what its unanswerable goal counts. */
interface BenchSet {
  name: string;
  contexts: string;
  questions: string;
  protocols: readonly ("learn" | "eval")[];
  /** `declined`: at least 90% of not-indexed questions declined; `wrong`: at most 10% answered wrongly. */
  goal: "declined" | "wrong";
}

interface Sample {
  set: string;
  protocol: "learn" | "eval";
  /** The article the question is about (its first context's article): folds never split one. */
  group: string;
  answerable: boolean;
  /** Indexed; about no indexed article; or about a paragraph left out of an indexed article. */
  kind: "answerable" | "not-indexed" | "fact-missing";
  /** Whether the answer line, if given, would hold no gold string. */
  wrong: boolean;
  /** Null when the answerer declined before weighing evidence (no passage, a zone the corpus lacks). */
  x: number[] | null;
  /** Features read by this script only ({@link EXTRA_FEATURES}), fitted with `--feature`. */
  extra?: Record<string, number>;
  /** The question and the answer line given with no threshold (for reading cases in a dump). */
  question?: string;
  line?: string;
  gold?: string[];
}

/**
 * Candidate features the answerer does not weigh, read here of the quote it gave: how sure the short
 * answer's ranker (`short.ts`) is of a span of the asked-for fact in it — the give model's chance for
 * the span it chooses (`shortChance`), its top softmax share (`shortTop`), the chosen span's worth and
 * expected F1 (`shortWorth`, `shortExpected`), the best candidate's score squashed to 0–1
 * (`shortScore`) and whether a short answer is given (`shortGiven`); the quote's length (`quoteLong`,
 * `quoteLog`, its clauses `quoteClauses`) and the question's (`questionLong`); and of the best sentences
 * of other stories (another headline): how many score within 80% of the best (`crowd`), whether one of
 * the first three repeats the chosen span (`rivalAgree`), and the surest of their own spans
 * (`rivalChance`) and the chosen span's lead over it (`rivalLead`); the kind of question asked
 * (`kindEntity` … `kindDate`), and for open questions (an entity or other thing asked) the share of
 * the question the quote lacks and its heaviest word missing (`sentenceOpen`, `topOpen`). All
 * measured in docs/quality.md ("Declining"): none kept.
 */
const EXTRA_FEATURES = [
  "shortChance",
  "shortTop",
  "shortWorth",
  "shortExpected",
  "shortScore",
  "shortGiven",
  "quoteLong",
  "quoteLog",
  "quoteClauses",
  "questionLong",
  "crowd",
  "rivalAgree",
  "rivalChance",
  "rivalLead",
  "kindEntity",
  "kindOther",
  "kindPlace",
  "kindPerson",
  "kindNumber",
  "kindDate",
  "sentenceOpen",
  "topOpen",
] as const;

const { values } = parseArgs({
  options: {
    bench: { type: "string", default: "../shared/bench" },
    folds: { type: "string", default: "5" },
    dump: { type: "string" },
    load: { type: "string" },
    // Collect only these sets (comma-separated names), e.g. to add one set's samples to a dump.
    sets: { type: "string" },
    // Leave these features out of the fit (comma-separated): measures what a feature adds.
    drop: { type: "string" },
    // Fit with these features of EXTRA_FEATURES too (comma-separated): measures a candidate feature.
    feature: { type: "string" },
    sweep: { type: "boolean", default: false },
  },
});
const BENCH = values.bench ?? "../shared/bench";
const extras = values.feature?.split(",").filter((k) => k !== "") ?? [];
for (const k of extras)
  if (!(EXTRA_FEATURES as readonly string[]).includes(k))
    throw new Error(`--feature ${k}: not one of ${EXTRA_FEATURES.join(", ")}`);
/** The features fitted: the answerer's, then those `--feature` adds. */
const FEATURES = [...EVIDENCE_FEATURES, ...extras];
const FOLDS = Number(values.folds);
/** The goals the threshold keeps the widest margin to. */
const ANSWERABLE = 0.06;
const NOT_INDEXED = 0.9;
const WRONG = 0.1;

const SETS: readonly BenchSet[] = [
  {
    name: "cmrc2018",
    contexts: `${BENCH}/cmrc2018-dev.contexts.jsonl`,
    questions: `${BENCH}/cmrc2018-dev.questions.jsonl`,
    protocols: ["learn", "eval"],
    goal: "declined",
  },
  {
    name: "drcd",
    contexts: `${BENCH}/drcd-dev.contexts.jsonl`,
    questions: `${BENCH}/drcd-dev.questions.jsonl`,
    protocols: ["learn", "eval"],
    goal: "declined",
  },
  {
    name: "crud-news",
    contexts: `${BENCH}/crud-news.contexts.jsonl`,
    questions: `${BENCH}/crud-news-dev.questions.jsonl`,
    protocols: ["eval"],
    goal: "wrong",
  },
];
const goalOf = (set: string) => SETS.find((s) => s.name === set)?.goal ?? "declined";

/** {@link EXTRA_FEATURES} of the quote the answerer read. */
function extraFeatures(read: EvidenceRead): Record<string, number> {
  const q = shortQuestion(read.question, read.shape);
  const cls = shortClass(q.kinds);
  const { spans, scores } = scoredSpans(read.quote, q, read.normalize, netScorer(SHORT_NET[cls]));
  const probs = softmax(scores);
  const choice = decodeSpan(
    spans.map((c) => [c.start, c.end] as const),
    probs,
    SHORT_HEDGE[cls],
  );
  const chosen = shortChoice(q, read.quote, read.normalize);
  const best = read.picks[0];
  // An open question (`…是什么`, `…如何`): no number, date, person or place typed to look for in the quote.
  const open = read.shape.type === "entity" || read.shape.type === "other" ? 1 : 0;
  const rivals = read.picks.filter((p) => p.passage.title !== best?.passage.title);
  const near = rivals.filter((p) => p.score >= 0.8 * (best?.score ?? 0)).length;
  const firstRivals = rivals.slice(0, 3);
  const rivalChance = Math.max(
    0,
    ...firstRivals.map((p) => shortChoice(q, p.quote, read.normalize)?.chance ?? 0),
  );
  return {
    quoteLong: Math.min(1, [...read.quote].length / 200),
    quoteLog: Math.min(1, Math.log(1 + [...read.quote].length) / Math.log(1 + 400)),
    quoteClauses: Math.min(1, read.quote.split(/[，,；;：:、]/u).length / 10),
    questionLong: Math.min(1, [...read.question].length / 40),
    crowd: Math.min(1, near / 5),
    rivalAgree:
      chosen !== null && chosen.text.length >= 2 && firstRivals.some((p) => p.quote.includes(chosen.text))
        ? 1
        : 0,
    rivalChance,
    rivalLead: Math.max(0, (chosen?.chance ?? 0) - rivalChance),
    shortChance: chosen?.chance ?? 0,
    shortTop: Math.max(0, ...probs),
    shortWorth: choice.worth,
    shortExpected: Math.max(0, choice.expected),
    shortScore: scores.length === 0 ? 0 : 1 / (1 + Math.exp(-Math.max(...scores))),
    shortGiven: shortAnswer(read.question, read.shape, read.quote, read.normalize) === null ? 0 : 1,
    kindEntity: read.shape.type === "entity" ? 1 : 0,
    kindOther: read.shape.type === "other" ? 1 : 0,
    kindPlace: read.shape.type === "place" ? 1 : 0,
    kindPerson: read.shape.type === "person" ? 1 : 0,
    kindNumber: read.shape.type === "number" ? 1 : 0,
    kindDate: read.shape.type === "date" ? 1 : 0,
    sentenceOpen: open * (1 - (best?.evidence?.sentence ?? 0)),
    topOpen: open * (best?.evidence?.sentenceTop ?? 0),
  };
}

/** The samples of one set under one protocol (see the file comment). */
async function collect(set: BenchSet, protocol: "learn" | "eval"): Promise<Sample[]> {
  const rows = await readJsonl<ContextRow>(set.contexts);
  const keys = new Map(rows.map((c) => [c.context_id, articleKey(c)] as const));
  const paragraphs = new Map<string, number>();
  for (const c of rows) paragraphs.set(articleKey(c), (paragraphs.get(articleKey(c)) ?? 0) + 1);
  // In an indexed article of several paragraphs, one paragraph in four is left out.
  const left = (id: string): boolean =>
    (paragraphs.get(keys.get(id) ?? "") ?? 0) > 1 &&
    (createHash("sha256").update(id).digest()[0] ?? 0) % 4 === 0;
  let last: Evidence | null = null;
  let read: EvidenceRead | null = null;
  const service = await contextsService(
    set.contexts,
    undefined,
    new LocalEmbeddings(),
    () => {},
    (c) => inIndexedHalf(articleKey(c)) && (protocol === "eval" || !left(c.context_id)),
    {
      onEvidence: (_q, e, r) => {
        last = e;
        read = r;
      },
      extractive: { ...DEFAULT_EXTRACTIVE, minProbability: 0 },
    },
  );
  const out: Sample[] = [];
  for (const row of await readJsonl<EvalRow>(set.questions)) {
    const ids = [...rightArticles(row)].filter((id) => keys.has(id));
    if (ids.length === 0) continue;
    last = null;
    read = null;
    const answer = await service.ask(row.question);
    const e = last as Evidence | null;
    const indexed = ids.some(
      (id) => inIndexedHalf(keys.get(id) ?? "") && !(protocol === "learn" && left(id)),
    );
    const wrong = answeredWrongly(row, { ...answer, abstained: false });
    const kind = indexed
      ? "answerable"
      : ids.some((id) => inIndexedHalf(keys.get(id) ?? ""))
        ? "fact-missing"
        : "not-indexed";
    out.push({
      set: set.name,
      protocol,
      group: `${set.name}:${keys.get(ids[0] ?? "") ?? ""}`,
      answerable: kind === "answerable" || (set.goal === "wrong" && !wrong),
      kind,
      wrong,
      x: e === null || answer.abstained ? null : EVIDENCE_FEATURES.map((k) => e[k]),
      ...(read === null ? {} : { extra: extraFeatures(read) }),
      question: row.question,
      line: answer.abstained ? "" : answerLine(answer),
      gold: row.answers ?? [],
    });
  }
  return out;
}

/** L2-regularised logistic regression by full-batch gradient descent (features are 0–1). */
function fitLogistic(samples: readonly Sample[], l2 = 1e-3, steps = 3000, rate = 1): number[] {
  const data = samples.filter((s) => s.x !== null) as (Sample & { x: number[] })[];
  const d = FEATURES.length + 1;
  const w = new Array<number>(d).fill(0);
  // Both classes weigh the same, however many of each the sets hold.
  const pos = data.filter((s) => s.answerable).length;
  const neg = data.length - pos;
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d).fill(0);
    for (const s of data) {
      const y = s.answerable ? 1 : 0;
      const weight = s.answerable ? data.length / (2 * pos) : data.length / (2 * neg);
      const err = (prob(w, s.x) - y) * weight;
      g[0] = (g[0] ?? 0) + err;
      s.x.forEach((v, i) => {
        g[i + 1] = (g[i + 1] ?? 0) + err * v;
      });
    }
    for (let i = 0; i < d; i++) {
      const wi = w[i] ?? 0;
      w[i] = wi - rate * ((g[i] ?? 0) / data.length + (i > 0 ? l2 * wi : 0));
    }
  }
  return w;
}

const prob = (w: readonly number[], x: readonly number[] | null): number =>
  x === null ? 0 : 1 / (1 + Math.exp(-((w[0] ?? 0) + x.reduce((a, v, i) => a + v * (w[i + 1] ?? 0), 0))));

/** Decline rates of a set's samples, each declined or not by `declined`. */
function ratesOf(samples: readonly Sample[], declined: (s: Sample) => boolean) {
  const share = (xs: readonly Sample[], hit: (s: Sample) => boolean) =>
    xs.filter(hit).length / Math.max(1, xs.length);
  const of = (kind: Sample["kind"]) => samples.filter((s) => s.kind === kind);
  return {
    declinedAnswerable: share(of("answerable"), declined),
    declinedNotIndexed: share(of("not-indexed"), declined),
    wrongNotIndexed: share(of("not-indexed"), (s) => !declined(s) && s.wrong),
    declinedFactMissing: share(of("fact-missing"), declined),
  };
}
type Rates = ReturnType<typeof ratesOf>;

/**
 * How far a set's rates are inside its goals (negative: a goal missed); with `wrongGoal` false, a
 * news set's answered-wrongly goal is left out.
 */
function margin(set: string, r: Rates, wrongGoal: boolean): number {
  const answerable = ANSWERABLE - r.declinedAnswerable;
  if (goalOf(set) === "declined") return Math.min(answerable, r.declinedNotIndexed - NOT_INDEXED);
  return wrongGoal ? Math.min(answerable, WRONG - r.wrongNotIndexed) : answerable;
}

/** The threshold with the widest margin to the goals on every set of `samples`, and that margin. */
function widest(w: readonly number[], samples: readonly Sample[], wrongGoal: boolean) {
  let best = 0.5;
  let bestMargin = Number.NEGATIVE_INFINITY;
  const sets = [...new Set(samples.map((s) => s.set))];
  for (let t = 0.05; t < 0.95; t += 0.005) {
    let m = Number.POSITIVE_INFINITY;
    for (const set of sets) {
      const rates = ratesOf(
        samples.filter((s) => s.set === set),
        (s) => prob(w, s.x) < t,
      );
      m = Math.min(m, margin(set, rates, wrongGoal));
    }
    if (m > bestMargin) {
      bestMargin = m;
      best = t;
    }
  }
  return { best, bestMargin };
}

/**
 * The threshold with the widest margin to the goals on every set of the training samples. When no
 * threshold meets them all, news's answered-wrongly goal is the one given up — meeting it would
 * decline far more answerable questions on every set (docs/quality.md, "Declining") — and the widest
 * margin to the others is taken.
 */
function threshold(w: readonly number[], samples: readonly Sample[]): number {
  const all = widest(w, samples, true);
  return all.bestMargin >= 0 ? all.best : widest(w, samples, false).best;
}

const fmt = (r: Rates) =>
  `declined when answerable ${r.declinedAnswerable.toFixed(3)}, when not indexed ${r.declinedNotIndexed.toFixed(3)} (answered wrongly ${r.wrongNotIndexed.toFixed(3)}), when its paragraph is left out ${r.declinedFactMissing.toFixed(3)}`;

let samples: Sample[] = [];
if (values.load !== undefined) {
  samples = (await readFile(values.load, "utf8"))
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Sample);
} else {
  const only = values.sets?.split(",");
  for (const set of SETS.filter((s) => only === undefined || only.includes(s.name)))
    for (const protocol of set.protocols) samples.push(...(await collect(set, protocol)));
}
// The dump keeps every feature: `--drop` and `--feature` choose among them when it is loaded.
if (values.dump !== undefined) await writeFile(values.dump, samples.map((s) => JSON.stringify(s)).join("\n"));
const dropped = new Set(values.drop?.split(",") ?? []);
for (const s of samples)
  if (s.x !== null)
    // Dropped features count as 0 (their weight is then 0); a dump of fewer features is padded.
    s.x = [
      ...EVIDENCE_FEATURES.map((k, i) => (dropped.has(k) ? 0 : (s.x?.[i] ?? 0))),
      ...extras.map((k) => s.extra?.[k] ?? 0),
    ];
const parts = SETS.flatMap((set) => set.protocols.map((protocol) => ({ set: set.name, protocol })));
const of = (set: string, protocol: Sample["protocol"]) =>
  samples.filter((x) => x.set === set && x.protocol === protocol);
const report = (w: readonly number[], t: number, on: readonly string[]): string =>
  parts
    .filter((p) => on.includes(p.set))
    .map((p) => `${p.set} (${p.protocol}) ${fmt(ratesOf(of(p.set, p.protocol), (s) => prob(w, s.x) < t))}`)
    .join("; ");
const names = SETS.map((s) => s.name);

console.log(`${samples.length} samples; features: ${FEATURES.join(", ")}`);
console.log(
  `current weights (decline.ts): ${report(
    [DECLINE_WEIGHTS.bias, ...EVIDENCE_FEATURES.map((k) => DECLINE_WEIGHTS[k])],
    DECLINE_THRESHOLD,
    names,
  )}`,
);

// k-fold cross-validation, folds by article: every question is scored by a model (and threshold)
// fitted without its article.
const declinedInCv = new Map<Sample, boolean>();
const cvProb = new Map<Sample, number>();
for (let k = 0; k < FOLDS; k++) {
  const train = samples.filter((s) => foldOf(s.group, FOLDS) !== k);
  const w = fitLogistic(train);
  const t = threshold(w, train);
  for (const s of samples.filter((x) => foldOf(x.group, FOLDS) === k)) {
    declinedInCv.set(s, prob(w, s.x) < t);
    cvProb.set(s, prob(w, s.x));
  }
}
if (values.sweep) {
  // The trade-off each threshold makes, on the cross-validated probabilities (eval's split).
  for (let t = 0.2; t < 0.81; t += 0.05) {
    const cells = parts
      .filter((p) => p.protocol === "eval")
      .map((p) => {
        const r = ratesOf(of(p.set, p.protocol), (s) => (cvProb.get(s) ?? 0) < t);
        const last = goalOf(p.set) === "wrong" ? r.wrongNotIndexed : r.declinedNotIndexed;
        return `${p.set} ${r.declinedAnswerable.toFixed(3)} / ${last.toFixed(3)}`;
      });
    console.log(`sweep ${t.toFixed(2)}: ${cells.join("; ")}`);
  }
}
for (const p of parts)
  console.log(
    `${FOLDS}-fold CV ${p.set} (${p.protocol}): ${fmt(ratesOf(of(p.set, p.protocol), (s) => declinedInCv.get(s) === true))}`,
  );
// Across sets: fitted on the other two, scored on the third.
for (const held of names) {
  const train = samples.filter((s) => s.set !== held);
  const w = fitLogistic(train);
  console.log(`fitted on the others, scored on ${report(w, threshold(w, train), [held])}`);
}

const w = fitLogistic(samples);
const t = threshold(w, samples);
const weights: DeclineWeights = { ...DECLINE_WEIGHTS, bias: w[0] ?? 0 };
EVIDENCE_FEATURES.forEach((k, i) => {
  // `offZone` is set by hand (no set names a zone, so it is never seen): kept as it is.
  if (k !== "offZone") weights[k] = w[i + 1] ?? 0;
});
console.log(`fitted on all: ${report(w, t, names)}`);
console.log(
  "weights:",
  JSON.stringify(Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, Number(v.toFixed(3))]))),
);
if (extras.length > 0)
  console.log(
    "weights of --feature:",
    extras.map((k, i) => `${k} ${(w[EVIDENCE_FEATURES.length + i + 1] ?? 0).toFixed(3)}`).join(", "),
  );
console.log(`threshold: ${t.toFixed(3)}`);
