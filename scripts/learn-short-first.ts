/**
 * Fits the short answer's first score (src/answer/short-first-weights.ts): per class of question, a
 * linear score over the cheap features of a candidate (`FIRST_FEATURES` of short-spans.ts) whose
 * distribution over a quote's candidates is as close as it gets to the shipped network's
 * (`SHORT_NET`): the softmax of the network's scores is the target, the cross-entropy to it the loss
 * (Adam, `--steps` full passes, L2 1e-4). Answering then gives only the `SHORT_FIRST_KEEP` candidates
 * with the best first score their full features and the network. No gold answer is read: the first
 * score learns which candidates the network would put its mass on, so it is refitted after the
 * network is (`learn-short.ts --write`).
 *
 * Data: the quotes of `learn-short.ts --cache FILE` (every answered question's first cited quote of
 * the three dev sets), every candidate of each (none chosen first). Prints, for every fifth article
 * held out (fitted on the others) and then fitted on all: of a quote's candidates how many are kept,
 * how often the network's most probable one is among them, the network's mass left out.
 *
 *   npx tsx scripts/learn-short-first.ts --cache FILE [--keep 32] [--steps 150] [--write]
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { plainQuestion, questionShape } from "../src/answer/question.js";
import { candidateMatrix, netScore, shortClass, softmax } from "../src/answer/short.js";
import { SHORT_FIRST_KEEP } from "../src/answer/short-first-weights.js";
import { SHORT_NET } from "../src/answer/short-net-weights.js";
import { shortQuestion } from "../src/answer/short-question.js";
import { FIRST_FEATURES, SPAN_FEATURES, spanCandidates } from "../src/answer/short-spans.js";
import type { ShortClass } from "../src/answer/short-weights.js";
import { normalizeText } from "../src/index/tokenize.js";

const { values } = parseArgs({
  options: {
    cache: { type: "string" },
    keep: { type: "string", default: String(SHORT_FIRST_KEEP) },
    steps: { type: "string", default: "150" },
    write: { type: "boolean", default: false },
  },
});
if (values.cache === undefined) throw new Error("--cache FILE (learn-short.ts's) is needed");
const keep = Number(values.keep);
const steps = Number(values.steps);
const CLASSES: ShortClass[] = ["amount", "time", "name", "reason", "thing"];
const D = SPAN_FEATURES.length;
const cheap = FIRST_FEATURES.map((f) => SPAN_FEATURES.indexOf(f));

/** One quote: its candidates' cheap features (sparse), the network's probabilities, the class. */
interface Quote {
  cls: ShortClass;
  n: number;
  at: Int32Array;
  i: Int32Array;
  v: Float64Array;
  p: number[];
  heldOut: boolean;
}

const hash = (s: string): number => {
  let h = 0;
  for (const c of s) h = (h * 31 + (c.codePointAt(0) ?? 0)) | 0;
  return Math.abs(h);
};

const quotes: Quote[] = [];
for (const line of (await readFile(values.cache, "utf8")).split("\n")) {
  if (line.trim() === "") continue;
  const a = JSON.parse(line) as { group: string; question: string; abstained: boolean; quote: string | null };
  if (a.abstained || a.quote === null) continue;
  const norm = normalizeText(plainQuestion(a.question));
  const q = shortQuestion(norm, questionShape(norm));
  if (q.kinds.yesNo) continue;
  const cands = spanCandidates(a.quote, q, normalizeText);
  if (cands.length === 0) continue;
  const cls = shortClass(q.kinds);
  const x = candidateMatrix(cands);
  const z: number[] = [];
  const at = new Int32Array(cands.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  for (let c = 0; c < cands.length; c++) {
    const nz: number[] = [];
    for (let i = 0; i < D; i++) if (x[c * D + i] !== 0) nz.push(i);
    z.push(netScore(SHORT_NET[cls], x, c * D, nz, 0, nz.length));
    for (const i of cheap)
      if (x[c * D + i] !== 0) {
        idx.push(i);
        val.push(x[c * D + i] ?? 0);
      }
    at[c + 1] = idx.length;
  }
  quotes.push({
    cls,
    n: cands.length,
    at,
    i: Int32Array.from(idx),
    v: Float64Array.from(val),
    p: softmax(z),
    heldOut: hash(a.group) % 5 === 0,
  });
}

function scores(w: Float64Array, s: Quote): Float64Array {
  const z = new Float64Array(s.n);
  for (let c = 0; c < s.n; c++) {
    let sum = 0;
    for (let j = s.at[c] ?? 0; j < (s.at[c + 1] ?? 0); j++) sum += (w[s.i[j] ?? 0] ?? 0) * (s.v[j] ?? 0);
    z[c] = sum;
  }
  return z;
}

/** One class's weights: cross-entropy of the first score's softmax to the network's, by Adam. */
function distil(data: readonly Quote[]): Float64Array {
  const w = new Float64Array(D);
  const m = new Float64Array(D);
  const v = new Float64Array(D);
  for (let step = 1; step <= steps; step++) {
    const g = new Float64Array(D);
    for (const s of data) {
      const z = scores(w, s);
      const p = softmax([...z]);
      for (let c = 0; c < s.n; c++) {
        const d = (p[c] ?? 0) - (s.p[c] ?? 0);
        for (let j = s.at[c] ?? 0; j < (s.at[c + 1] ?? 0); j++)
          g[s.i[j] ?? 0] = (g[s.i[j] ?? 0] ?? 0) + d * (s.v[j] ?? 0);
      }
    }
    for (const i of cheap) {
      const gi = (g[i] ?? 0) / Math.max(1, data.length) + 1e-4 * (w[i] ?? 0);
      m[i] = 0.9 * (m[i] ?? 0) + 0.1 * gi;
      v[i] = 0.999 * (v[i] ?? 0) + 0.001 * gi * gi;
      w[i] =
        (w[i] ?? 0) -
        (0.05 * ((m[i] ?? 0) / (1 - 0.9 ** step))) / (Math.sqrt((v[i] ?? 0) / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return w;
}

function report(label: string, weights: Record<ShortClass, Float64Array>, data: readonly Quote[]): void {
  let kept = 0;
  let total = 0;
  let top = 0;
  let left = 0;
  for (const s of data) {
    const z = scores(weights[s.cls], s);
    const floor = s.n > keep ? ([...z].sort((a, b) => b - a)[keep - 1] ?? 0) : Number.NEGATIVE_INFINITY;
    let best = 0;
    let mass = 0;
    for (let c = 0; c < s.n; c++) {
      if ((s.p[c] ?? 0) > (s.p[best] ?? 0)) best = c;
      if ((z[c] ?? 0) >= floor) {
        kept++;
        mass += s.p[c] ?? 0;
      }
    }
    total += s.n;
    if ((z[best] ?? 0) >= floor) top++;
    left += 1 - mass;
  }
  const n = Math.max(1, data.length);
  process.stdout.write(
    `${label}: ${data.length} quotes, ${total} candidates, kept ${(kept / Math.max(1, total)).toFixed(3)}, ` +
      `the network's most probable kept ${(top / n).toFixed(4)}, its mass left out ${(left / n).toFixed(4)} (mean a quote)\n`,
  );
}

const fitAll = (data: readonly Quote[]) =>
  Object.fromEntries(CLASSES.map((cls) => [cls, distil(data.filter((s) => s.cls === cls))])) as Record<
    ShortClass,
    Float64Array
  >;
report(
  `keep ${keep}, every fifth article held out`,
  fitAll(quotes.filter((s) => !s.heldOut)),
  quotes.filter((s) => s.heldOut),
);
const all = fitAll(quotes);
report(`keep ${keep}, fitted on all`, all, quotes);

/**
 * How far the first score's share of its softmax on the kept candidates stands from the network's
 * share on them (answering reads it for the network's mass left out): the mean error and the mean
 * squared one.
 */
function shareError(data: readonly Quote[]): { bias: number; mse: number } {
  let bias = 0;
  let mse = 0;
  for (const s of data) {
    const z = scores(all[s.cls], s);
    const floor = s.n > keep ? ([...z].sort((a, b) => b - a)[keep - 1] ?? 0) : Number.NEGATIVE_INFINITY;
    const max = Math.max(...z);
    let sum = 0;
    let above = 0;
    let net = 0;
    for (let c = 0; c < s.n; c++) {
      const e = Math.exp((z[c] ?? 0) - max);
      sum += e;
      if ((z[c] ?? 0) >= floor) {
        above += e;
        net += s.p[c] ?? 0;
      }
    }
    const d = above / sum - net;
    bias += d;
    mse += d * d;
  }
  return { bias: bias / Math.max(1, data.length), mse: mse / Math.max(1, data.length) };
}
const { bias, mse } = shareError(quotes);
process.stdout.write(
  `the kept share, first score against network: mean error ${bias.toFixed(4)}, mean square ${mse.toFixed(5)}\n`,
);

if (values.write) {
  const rows = FIRST_FEATURES.map(
    (f) =>
      `  ${/^[a-zA-Z]+$/.test(f) ? f : JSON.stringify(f)}: { ${CLASSES.map((cls) => `${cls}: ${Number((all[cls][SPAN_FEATURES.indexOf(f)] ?? 0).toFixed(4))}`).join(", ")} },`,
  );
  const text = `/**
 * The short answer's first score (see \`FirstScore\` in short-spans.ts): per class of question, a weight
 * for each of \`FIRST_FEATURES\`; answering gives only the \`SHORT_FIRST_KEEP\` candidates of a quote
 * with the best first score their full features and the network. Written by
 * \`npx tsx scripts/learn-short-first.ts --cache FILE --keep ${keep} --write\` (the network's distribution
 * distilled; docs/quality.md, "The fifteenth session"). Fitted numbers only.
 */
import type { FIRST_FEATURES } from "./short-spans.js";
import type { ShortClass } from "./short-weights.js";

/** How many candidates of a quote the network scores: those with the best first score (ties kept). */
export const SHORT_FIRST_KEEP = ${keep};

export const SHORT_FIRST: Record<(typeof FIRST_FEATURES)[number], Record<ShortClass, number>> = {
${rows.join("\n")}
};
`;
  await writeFile(new URL("../src/answer/short-first-weights.ts", import.meta.url), text);
  process.stdout.write("wrote src/answer/short-first-weights.ts\n");
}
