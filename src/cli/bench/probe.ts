/**
 * One measurement in a fresh process, so each figure (peak memory above all) belongs to one corpus
 * and one job alone. Run by the bench orchestrator (`run.ts`) as
 * `node --import tsx src/cli/bench/probe.ts <ingest|query|langchain> --spec FILE`; prints one JSON
 * object on stdout.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { hybridSearch } from "../../answer/retrieve.js";
import { createAnswerService } from "../../answer/service.js";
import { loadCorpus } from "../../corpus/load.js";
import { buildIndex } from "../../index/build.js";
import { loadIndex } from "../../index/load.js";
import { INDEX_FILES } from "../../index/manifest.js";
import { updateIndex } from "../../index/update.js";
import { createEmbeddings } from "../common.js";
import { percentiles, recallAtK } from "./stats.js";
import type { AddResult, IngestResult, LangchainResult, ProbeSpec, QueryResult } from "./types.js";

const MiB = 1024 * 1024;
const now = (): number => performance.now();
const peakRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

async function ingest(spec: ProbeSpec): Promise<IngestResult> {
  const started = now();
  const corpus = await loadCorpus(spec.inputs ?? []);
  const read = now();
  const summary = await buildIndex({
    corpus,
    embeddings: createEmbeddings(),
    dir: spec.index ?? "",
    inputs: spec.inputs ?? [],
  });
  const seconds = (now() - started) / 1000;
  return {
    articles: summary.articles,
    passages: summary.passages,
    seconds,
    readSeconds: (read - started) / 1000,
    passagesPerSecond: summary.passages / seconds,
    peakRssMiB: peakRssMiB(),
    problems: corpus.problems
      .slice(0, 5)
      .map((p) => `${p.path}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message}`),
  };
}

/** Runs `job` over `items` with `inFlight` started at once; each latency counts from its own start. */
async function timed<T>(items: readonly T[], inFlight: number, job: (item: T) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = now();
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      const t = now();
      await job(item);
      latencies.push(now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
  const seconds = (now() - started) / 1000;
  return { latency: percentiles(latencies), perSecond: items.length / (seconds || 1e-9) };
}

async function query(spec: ProbeSpec): Promise<QueryResult> {
  const dir = spec.index ?? "";
  const questions = spec.questions ?? [];
  const started = now();
  const embeddings = createEmbeddings();
  const loaded = await loadIndex(dir, embeddings);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const index = loaded.value;
  const service = createAnswerService(index);
  const loadSeconds = (now() - started) / 1000;
  await service.ask(questions[0] ?? "高新区");
  const firstAnswerSeconds = (now() - started) / 1000;
  const rssAfterLoadMiB = process.memoryUsage().rss / MiB;

  // A few questions first, so that lazily built state is not charged to the percentiles.
  for (const q of questions.slice(0, 5)) await service.ask(q);
  const retrieve = await timed(questions, 1, (q) => hybridSearch(index, q, 8));
  const ask = await timed(questions, 1, (q) => service.ask(q));
  const askConcurrent = await timed(questions, spec.inFlight ?? 50, (q) => service.ask(q));

  let r1: QueryResult["r1"];
  if (spec.r1 && spec.r1.length > 0) {
    let right = 0;
    for (const q of spec.r1) {
      const a = await service.ask(q.question);
      if (a.citations[0]?.articleId === q.context_id) right++;
    }
    r1 = { questions: spec.r1.length, recallAt1: right / spec.r1.length };
  }
  const peakAfterQueries = peakRssMiB();

  const recall = await hnswRecall(
    dir,
    index.manifest.hnsw.efSearch,
    questions.slice(0, spec.recallQueries ?? 200),
    (q) => embeddings.embedQuery(q),
  );
  return {
    loadSeconds,
    firstAnswerSeconds,
    rssAfterLoadMiB,
    peakRssMiB: peakAfterQueries,
    retrieve: retrieve.latency,
    retrievePerSecond: retrieve.perSecond,
    ask: ask.latency,
    askPerSecond: ask.perSecond,
    askConcurrent: askConcurrent.latency,
    askConcurrentPerSecond: askConcurrent.perSecond,
    inFlight: spec.inFlight ?? 50,
    recallAt10: recall.recall,
    recallQueries: recall.queries,
    hnsw: index.manifest.hnsw,
    ...(r1 ? { r1 } : {}),
  };
}

/**
 * recall@10 of the index's HNSW graph (LangChain's `hnswlib.index`, searched at the manifest's
 * efSearch) against an exact dot-product scan over the very vectors stored in the graph.
 */
async function hnswRecall(
  dir: string,
  efSearch: number,
  questions: readonly string[],
  embed: (q: string) => Promise<number[]>,
): Promise<{ recall: number; queries: number }> {
  const args = JSON.parse(await readFile(join(dir, INDEX_FILES.hnswArgs), "utf8")) as {
    numDimensions: number;
  };
  const dim = args.numDimensions;
  const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
  await hnsw.readIndex(join(dir, INDEX_FILES.hnsw));
  hnsw.setEf(efSearch);
  const n = hnsw.getCurrentCount();
  const k = Math.min(10, n);
  // hnswlib's cosine space stores unit vectors: a dot product is the cosine.
  const matrix = new Float32Array(n * dim);
  for (let label = 0; label < n; label++) matrix.set(hnsw.getPoint(label), label * dim);
  const dot = (q: Float32Array, label: number): number => {
    let s = 0;
    const base = label * dim;
    for (let i = 0; i < dim; i++) s += (q[i] as number) * (matrix[base + i] as number);
    return s;
  };
  let sum = 0;
  let queries = 0;
  for (const question of questions) {
    const v = await embed(question);
    const norm = Math.hypot(...v);
    if (k === 0 || norm === 0) continue;
    const q = Float32Array.from(v, (x) => x / norm);
    const approx = hnsw.searchKnn(Array.from(q), k).neighbors.map((label) => dot(q, label));
    const top: number[] = [];
    for (let label = 0; label < n; label++) {
      const s = dot(q, label);
      if (top.length < k) {
        top.push(s);
        top.sort((a, b) => b - a);
      } else if (s > (top[k - 1] as number)) {
        top[k - 1] = s;
        top.sort((a, b) => b - a);
      }
    }
    sum += recallAtK(approx, top);
    queries++;
  }
  return { recall: queries > 0 ? sum / queries : 1, queries };
}

/**
 * What a developer would write with LangChain in an afternoon: split the paragraphs with
 * `RecursiveCharacterTextSplitter`, `HNSWLib.fromDocuments`, `similaritySearch` — over the same
 * paragraphs and with the same local embeddings as the index.
 */
async function langchain(spec: ProbeSpec): Promise<LangchainResult> {
  const { RecursiveCharacterTextSplitter } = await import("@langchain/textsplitters");
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  const rows: { id: string; text: string }[] = [];
  for (const path of spec.inputs ?? []) {
    for (const line of (await readFile(path, "utf8")).split("\n")) {
      if (line.trim() !== "") rows.push(JSON.parse(line) as { id: string; text: string });
    }
  }
  const chunkSize = 300;
  const chunkOverlap = 30;
  const started = now();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize, chunkOverlap });
  const docs = await splitter.createDocuments(
    rows.map((r) => r.text),
    rows.map((r) => ({ id: r.id })),
  );
  const store = await HNSWLib.fromDocuments(docs, createEmbeddings());
  const buildSeconds = (now() - started) / 1000;
  const questions = spec.questions ?? [];
  for (const q of questions.slice(0, 5)) await store.similaritySearch(q);
  const search = await timed(questions, 1, (q) => store.similaritySearch(q));
  let right = 0;
  const r1 = spec.r1 ?? [];
  for (const q of r1) {
    const [best] = await store.similaritySearch(q.question, 1);
    if (best?.metadata.id === q.context_id) right++;
  }
  return {
    chunkSize,
    chunkOverlap,
    chunks: docs.length,
    buildSeconds,
    search: search.latency,
    searchPerSecond: search.perSecond,
    r1: { questions: r1.length, recallAt1: r1.length > 0 ? right / r1.length : 0 },
    peakRssMiB: peakRssMiB(),
  };
}

/** Drops `spec.added` into the corpus folder as a `.jsonl` file and adds it with an incremental update. */
async function add(spec: ProbeSpec): Promise<AddResult> {
  const [folder] = spec.inputs ?? [];
  const dir = spec.index ?? "";
  if (folder === undefined || spec.added === undefined) throw new Error("add: needs inputs[0] and added");
  await writeFile(join(folder, `added-${spec.added.id}.jsonl`), `${JSON.stringify(spec.added)}\n`);
  const embeddings = createEmbeddings();
  const started = now();
  const updated = await updateIndex({ dir, inputs: spec.inputs ?? [], embeddings });
  const seconds = (now() - started) / 1000;
  if (!updated.ok) throw new Error(updated.error.message);
  const loadStarted = now();
  const loaded = await loadIndex(dir, embeddings);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return {
    seconds,
    mode: updated.value.mode,
    embedded: updated.value.embedded,
    passages: updated.value.passages,
    loadSeconds: (now() - loadStarted) / 1000,
    peakRssMiB: peakRssMiB(),
  };
}

const [command, flag, specPath] = process.argv.slice(2);
if (flag !== "--spec" || specPath === undefined) {
  process.stderr.write("usage: probe.ts <ingest|query|langchain|add> --spec FILE\n");
  process.exit(2);
}
const spec = JSON.parse(await readFile(specPath, "utf8")) as ProbeSpec;
const jobs = { ingest, query, langchain, add } as const;
const job = jobs[command as keyof typeof jobs];
if (!job) {
  process.stderr.write(`unknown probe ${command}\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await job(spec))}\n`);
