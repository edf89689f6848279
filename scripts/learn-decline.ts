/**
 * Fits the decision to decline (src/answer/decline.ts) on the split-article protocol.
 *
 * Data: the CMRC 2018 and DRCD dev sets (public SQuAD-style Chinese reading-comprehension sets; the
 * team keeps them in ../shared/bench as `<set>-dev.contexts.jsonl` and `<set>-dev.questions.jsonl`).
 * For each set, half of the articles (paragraphs grouped by title, halved by a hash of the title —
 * the same halves `npm run eval` uses) are indexed and every question is asked: a question about an
 * indexed article is labelled answerable, one about the other half not. Each set is asked twice:
 * under this script's own split, which also leaves one paragraph in four of the indexed articles out
 * (the topic is in the corpus, the fact is not), and under the split `npm run eval` measures (the
 * indexed half whole). Each answer's evidence features are recorded and a logistic model is fitted
 * to the labels of both.
 *
 * Figures printed, for each set under each split: 5-fold cross-validation grouped by article (no fold
 * is scored by a model fitted on it — an article's samples under both splits share its fold; the
 * threshold is chosen on the training folds too), and each set scored by a model fitted on the
 * other alone. Then the weights and threshold fitted on everything, to copy into decline.ts.
 *
 *   npx tsx scripts/learn-decline.ts [--bench ../shared/bench] [--answerable 0.06] [--not-indexed 0.9] [--dump FILE]
 */
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import {
  DECLINE_THRESHOLD,
  DECLINE_WEIGHTS,
  type DeclineWeights,
  EVIDENCE_FEATURES,
} from "../src/answer/decline.js";
import type { Evidence } from "../src/answer/extractive.js";
import { type ContextRow, readJsonl } from "../src/cli/bench/synthetic.js";
import type { EvalRow } from "../src/cli/eval-metrics.js";
import { contextsService, inIndexedHalf } from "../src/cli/eval-pool.js";
import { LocalEmbeddings } from "../src/index/local-embeddings.js";

interface Sample {
  set: string;
  /** Which split the sample comes from (see {@link collect}). */
  protocol: "learn" | "eval";
  /** The article (title) the question is about: folds never split one. */
  group: string;
  answerable: boolean;
  /**
   * Answerable; about an article not indexed; or about a paragraph left out of an indexed article
   * (the topic is in the corpus, the fact is not: `珠海高新区有多少家上市公司`).
   */
  kind: "answerable" | "not-indexed" | "fact-missing";
  question: string;
  /** Whether the first citation is the question's own paragraph. */
  right: boolean;
  /** Null when the answerer declined before weighing evidence (no passage, a zone the corpus lacks). */
  x: number[] | null;
}

const { values } = parseArgs({
  options: {
    bench: { type: "string", default: "../shared/bench" },
    answerable: { type: "string", default: "0.06" },
    "not-indexed": { type: "string", default: "0.9" },
    folds: { type: "string", default: "5" },
    dump: { type: "string" },
  },
});
const BENCH = values.bench ?? "../shared/bench";
/** The goals the threshold keeps the widest margin to: the share of answerable questions declined at most … */
const ANSWERABLE = Number(values.answerable);
/** … and the share of questions about articles not indexed declined at least. */
const NOT_INDEXED = Number(values["not-indexed"]);
const FOLDS = Number(values.folds);

/**
 * The samples of one set under one protocol: `learn` leaves one paragraph in four of the indexed
 * articles out (the fact-missing class); `eval` indexes the indexed half whole, as `npm run eval` does.
 */
async function collect(set: string, protocol: "learn" | "eval"): Promise<Sample[]> {
  const contexts = `${BENCH}/${set}-dev.contexts.jsonl`;
  const rows = await readJsonl<ContextRow>(contexts);
  const titles = new Map(rows.map((c) => [c.context_id, c.title] as const));
  const paragraphs = new Map<string, number>();
  for (const c of rows) paragraphs.set(c.title, (paragraphs.get(c.title) ?? 0) + 1);
  // In an indexed article of several paragraphs, one paragraph in four is left out.
  const left = (c: { context_id: string; title: string }): boolean =>
    (paragraphs.get(c.title) ?? 0) > 1 &&
    (createHash("sha256").update(c.context_id).digest()[0] ?? 0) % 4 === 0;
  let last: Evidence | null = null;
  const service = await contextsService(
    contexts,
    undefined,
    new LocalEmbeddings(),
    () => {},
    (c) => inIndexedHalf(c.title) && (protocol === "eval" || !left(c)),
    {
      onEvidence: (_q, e) => {
        last = e;
      },
    },
  );
  const out: Sample[] = [];
  for (const row of await readJsonl<EvalRow>(`${BENCH}/${set}-dev.questions.jsonl`)) {
    const title = row.context_id === undefined ? undefined : titles.get(row.context_id);
    if (title === undefined) continue;
    last = null;
    const answer = await service.ask(row.question);
    const e = last as Evidence | null;
    const kind = !inIndexedHalf(title)
      ? "not-indexed"
      : protocol === "learn" && left({ context_id: row.context_id ?? "", title })
        ? "fact-missing"
        : "answerable";
    out.push({
      set,
      protocol,
      group: `${set}:${title}`,
      answerable: kind === "answerable",
      kind,
      question: row.question,
      right: answer.citations[0]?.articleId === row.context_id,
      x: e === null ? null : EVIDENCE_FEATURES.map((k) => e[k]),
    });
  }
  return out;
}

/** L2-regularised logistic regression by full-batch gradient descent (features are 0–1). */
function fitLogistic(samples: readonly Sample[], l2 = 1e-3, steps = 3000, rate = 1): number[] {
  const data = samples.filter((s) => s.x !== null) as (Sample & { x: number[] })[];
  const d = EVIDENCE_FEATURES.length + 1;
  const w = new Array<number>(d).fill(0);
  // Both classes weigh the same, however many of each the sets hold.
  const pos = data.filter((s) => s.answerable).length;
  const neg = data.length - pos;
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d).fill(0);
    for (const s of data) {
      const p = prob(w, s.x);
      const y = s.answerable ? 1 : 0;
      const weight = s.answerable ? data.length / (2 * pos) : data.length / (2 * neg);
      const err = (p - y) * weight;
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

/**
 * The threshold with the widest margin to both goals on every set of the training samples: at most
 * `ANSWERABLE` of the answerable questions declined, at least `NOT_INDEXED` of the others.
 */
function threshold(w: readonly number[], samples: readonly Sample[]): number {
  let best = 0.5;
  let bestMargin = Number.NEGATIVE_INFINITY;
  for (let t = 0.05; t < 0.95; t += 0.005) {
    let margin = Number.POSITIVE_INFINITY;
    for (const set of new Set(samples.map((s) => s.set))) {
      const r = rates(
        w,
        t,
        samples.filter((s) => s.set === set),
      );
      margin = Math.min(margin, ANSWERABLE - r.declinedAnswerable, r.declinedNotIndexed - NOT_INDEXED);
    }
    if (margin > bestMargin) {
      bestMargin = margin;
      best = t;
    }
  }
  return best;
}

function rates(w: readonly number[], t: number, samples: readonly Sample[]) {
  const share = (kind: Sample["kind"]) => {
    const xs = samples.filter((s) => s.kind === kind);
    return xs.filter((s) => prob(w, s.x) < t).length / Math.max(1, xs.length);
  };
  return {
    declinedAnswerable: share("answerable"),
    declinedNotIndexed: share("not-indexed"),
    declinedFactMissing: share("fact-missing"),
  };
}

/** A stable fold for an article: the same on every run. */
function foldOf(group: string): number {
  let h = 2166136261;
  for (const ch of group) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return (h >>> 0) % FOLDS;
}

const fmt = (r: { declinedAnswerable: number; declinedNotIndexed: number; declinedFactMissing: number }) =>
  `declined when answerable ${r.declinedAnswerable.toFixed(3)}, when not indexed ${r.declinedNotIndexed.toFixed(3)}, when its paragraph is left out ${r.declinedFactMissing.toFixed(3)}`;

const samples: Sample[] = [];
for (const set of ["cmrc2018", "drcd"])
  for (const protocol of ["learn", "eval"] as const) samples.push(...(await collect(set, protocol)));
const sets = ["cmrc2018", "drcd"];
const PROTOCOLS = ["learn", "eval"] as const;
/** A set's samples under one protocol, for the figures. */
const of = (set: string, protocol: Sample["protocol"]) =>
  samples.filter((x) => x.set === set && x.protocol === protocol);
if (values.dump !== undefined) {
  const { writeFile } = await import("node:fs/promises");
  await writeFile(values.dump, samples.map((s) => JSON.stringify(s)).join("\n"));
}

/** The decline rates of weights `w` and threshold `t` on each protocol's samples of the given sets. */
const report = (w: readonly number[], t: number, on: readonly string[] = sets): string =>
  PROTOCOLS.flatMap((protocol) =>
    on.map((set) => `${set} (${protocol}) ${fmt(rates(w, t, of(set, protocol)))}`),
  ).join("; ");

console.log(`${samples.length} samples; features: ${EVIDENCE_FEATURES.join(", ")}`);
console.log(
  `current weights (decline.ts): ${report(
    [DECLINE_WEIGHTS.bias, ...EVIDENCE_FEATURES.map((k) => DECLINE_WEIGHTS[k])],
    DECLINE_THRESHOLD,
  )}`,
);

// k-fold cross-validation, folds by article: every question is scored by a model (and threshold)
// fitted without its article.
const scored: { s: Sample; declined: boolean }[] = [];
for (let k = 0; k < FOLDS; k++) {
  const train = samples.filter((s) => foldOf(s.group) !== k);
  const test = samples.filter((s) => foldOf(s.group) === k);
  const w = fitLogistic(train);
  const t = threshold(w, train);
  for (const s of test) scored.push({ s, declined: prob(w, s.x) < t });
}
for (const protocol of PROTOCOLS)
  for (const set of sets) {
    const mine = scored.filter((x) => x.s.set === set && x.s.protocol === protocol);
    const share = (kind: Sample["kind"]) => {
      const xs = mine.filter((x) => x.s.kind === kind);
      return xs.filter((x) => x.declined).length / Math.max(1, xs.length);
    };
    console.log(
      `${FOLDS}-fold CV ${set} (${protocol}): ${fmt({
        declinedAnswerable: share("answerable"),
        declinedNotIndexed: share("not-indexed"),
        declinedFactMissing: share("fact-missing"),
      })}`,
    );
  }
// Across sets: fitted on one, scored on the other.
for (const [from, to] of [
  ["cmrc2018", "drcd"],
  ["drcd", "cmrc2018"],
] as const) {
  const train = samples.filter((s) => s.set === from);
  const w = fitLogistic(train);
  console.log(`fitted on ${from}, scored on ${report(w, threshold(w, train), [to])}`);
}

const w = fitLogistic(samples);
const t = threshold(w, samples);
const weights: DeclineWeights = { ...DECLINE_WEIGHTS, bias: w[0] ?? 0 };
EVIDENCE_FEATURES.forEach((k, i) => {
  weights[k] = w[i + 1] ?? 0;
});
console.log(`fitted on both: ${report(w, t)}`);
console.log(
  "weights:",
  JSON.stringify(Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, Number(v.toFixed(3))]))),
);
console.log(`threshold: ${t.toFixed(3)}`);
