import type { Percentiles } from "./stats.js";
import type { BenchReport, CorpusResult } from "./types.js";

const int = (x: number): string => Math.round(x).toLocaleString("en-US");
const fixed = (x: number, digits: number): string => x.toFixed(digits);
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const pct = (p: Percentiles): string => `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`;

/** Rows of the table: a label and how to show one corpus's figure. */
const ROWS: [string, (c: CorpusResult) => string][] = [
  ["passages (articles)", (c) => `${int(c.ingest.passages)} (${int(c.ingest.articles)})`],
  ["ingest, s", (c) => fixed(c.ingest.seconds, 2)],
  ["ingest, passages/s", (c) => int(c.ingest.passagesPerSecond)],
  ["ingest peak RSS, MiB", (c) => int(c.ingest.peakRssMiB)],
  ["index on disk, MB", (c) => fixed(c.indexBytes / 1e6, 1)],
  [
    "add one article (incremental update), s",
    (c) => (c.add ? `${fixed(c.add.seconds, 2)} (${int(c.add.embedded)} passages embedded)` : "–"),
  ],
  ["… then load the updated index, s", (c) => (c.add ? fixed(c.add.loadSeconds, 2) : "–")],
  ["cold start `node --import tsx src/cli/ask.ts`, s", (c) => fixed(c.coldStart.median, 2)],
  [
    "cold start `npm run ask`, s",
    (c) => (c.coldStartNpm.runs.length > 0 ? fixed(c.coldStartNpm.median, 2) : "–"),
  ],
  ["load index + service (in process), s", (c) => fixed(c.query.loadSeconds, 2)],
  ["RSS after load and first answer, MiB", (c) => int(c.query.rssAfterLoadMiB)],
  ["retrieval p50 / p95 / p99, ms", (c) => pct(c.query.retrieve)],
  ["`ask` p50 / p95 / p99, ms", (c) => pct(c.query.ask)],
  ["`ask`, 50 in flight, p50 / p95 / p99, ms", (c) => pct(c.query.askConcurrent)],
  [
    "questions/s (1 / 50 in flight)",
    (c) => `${int(c.query.askPerSecond)} / ${int(c.query.askConcurrentPerSecond)}`,
  ],
  ["HNSW recall@10 (efSearch)", (c) => `${fixed(c.query.recallAt10, 4)} (${c.query.hnsw.efSearch})`],
  ["R@1 on CMRC dev (first citation)", (c) => (c.query.r1 ? fixed(c.query.r1.recallAt1, 3) : "–")],
];

/** The report as Markdown: the machine, one table (a column a corpus), the HNSW and LangChain notes. */
export function renderReport(r: BenchReport): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}, ${m.platform}; ` +
      `${r.startedAt.slice(0, 10)}; bench ran ${int(r.seconds)} s.`,
  );
  lines.push(`Command: \`${r.command}\``, "");
  const head = ["", ...r.corpora.map((c) => (c.synthetic ? `${c.name} (synthetic)` : c.name))];
  lines.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`);
  for (const [label, show] of ROWS) lines.push(`| ${[label, ...r.corpora.map(show)].join(" | ")} |`);
  lines.push("");
  const first = r.corpora[0];
  if (first) {
    const h = first.query.hnsw;
    const q = first.query;
    lines.push(
      `HNSW (LangChain HNSWLib / hnswlib-node, ${h.space}): M ${h.m}, efConstruction ${h.efConstruction}, efSearch as in the table (it grows with the index); ` +
        `recall@10 against an exact dot-product scan over the vectors stored in the graph, ${r.corpora.map((c) => c.query.recallQueries).join(" / ")} queries. ` +
        `Latency over ${q.ask.n} questions a corpus, after 5 warm-up questions; ${q.inFlight} in flight = ${q.inFlight} answers started at once on the one event loop. ` +
        `Cold start: median of ${first.coldStart.runs.length} runs, process start to the JSON answer printed (tsx's compile cache warm).`,
    );
  }
  const lc = r.langchain;
  if (lc) {
    const ours = r.corpora.find((c) => c.name === lc.ours.corpus);
    lines.push(
      "",
      `Plain LangChain pipeline over the same ${lc.ours.corpus} paragraphs with the same local embeddings ` +
        `(RecursiveCharacterTextSplitter ${lc.chunkSize}/${lc.chunkOverlap} → ${int(lc.chunks)} chunks, HNSWLib.fromDocuments, similaritySearch k 4): ` +
        `build ${fixed(lc.buildSeconds, 1)} s; search p50 / p95 / p99 ${pct(lc.search)} ms; ` +
        `R@1 on CMRC dev (${int(lc.r1.questions)} questions) ${fixed(lc.r1.recallAt1, 3)} — ours ${fixed(lc.ours.r1.recallAt1, 3)} ` +
        `(×${fixed(lc.ours.r1.recallAt1 / Math.max(lc.r1.recallAt1, 1e-9), 2)})` +
        (ours
          ? `; our ingest ${fixed(ours.ingest.seconds, 1)} s (×${fixed(ours.ingest.seconds / Math.max(lc.buildSeconds, 1e-9), 2)} its build), ` +
            `our retrieval p50 ×${fixed(ours.query.retrieve.p50 / Math.max(lc.search.p50, 1e-9), 1)} and full \`ask\` p50 ×${fixed(ours.query.ask.p50 / Math.max(lc.search.p50, 1e-9), 1)} its search.`
          : "."),
    );
  }
  for (const n of r.notes) lines.push("", `Note: ${n}`);
  return `${lines.join("\n")}\n`;
}
