import type { HnswParams } from "../../index/manifest.js";
import type { Percentiles } from "./stats.js";

/** What the orchestrator asks a probe process to do (written to a JSON file). */
export interface ProbeSpec {
  /** Corpus inputs (ingest) or `.jsonl` articles (langchain). */
  inputs?: string[];
  index?: string;
  /** Questions timed one by one and in flight, and used for HNSW recall. */
  questions?: string[];
  /** Questions with their paragraph, for R@1. */
  r1?: { question: string; context_id: string }[];
  inFlight?: number;
  recallQueries?: number;
  /** An article to drop into the corpus folder (`inputs[0]`) and add with an incremental update. */
  added?: { id: string; title: string; text: string };
}

export interface IngestResult {
  articles: number;
  passages: number;
  /** Reading the corpus through building and writing the index. */
  seconds: number;
  /** Of which reading and parsing the corpus files. */
  readSeconds: number;
  passagesPerSecond: number;
  peakRssMiB: number;
  /** The first few corpus files or lines that could not be read. */
  problems: string[];
}

/** One article dropped into the corpus folder of an ingested corpus, then `updateIndex`. */
export interface AddResult {
  /** The update: hashing the corpus, reading the new file, embedding and indexing it, writing. */
  seconds: number;
  mode: string;
  /** Passages embedded by the update. */
  embedded: number;
  passages: number;
  /** Loading the updated index afterwards (what a running bot's swap costs before it is in service). */
  loadSeconds: number;
  peakRssMiB: number;
}

export interface QueryResult {
  /** loadIndex + createAnswerService, in a fresh process. */
  loadSeconds: number;
  /** … and the first answer. */
  firstAnswerSeconds: number;
  rssAfterLoadMiB: number;
  peakRssMiB: number;
  retrieve: Percentiles;
  retrievePerSecond: number;
  ask: Percentiles;
  askPerSecond: number;
  askConcurrent: Percentiles;
  askConcurrentPerSecond: number;
  inFlight: number;
  recallAt10: number;
  recallQueries: number;
  hnsw: HnswParams;
  r1?: { questions: number; recallAt1: number };
}

export interface LangchainResult {
  chunkSize: number;
  chunkOverlap: number;
  chunks: number;
  buildSeconds: number;
  search: Percentiles;
  searchPerSecond: number;
  r1: { questions: number; recallAt1: number };
  peakRssMiB: number;
}

/** One corpus measured end to end. */
export interface CorpusResult {
  name: string;
  synthetic: boolean;
  ingest: IngestResult;
  indexBytes: number;
  /** `node --import tsx src/cli/ask.ts --index DIR --json "…"`: process start to answer, seconds. */
  coldStart: { median: number; runs: number[] };
  /** The same through `npm run --silent ask`. */
  coldStartNpm: { median: number; runs: number[] };
  query: QueryResult;
  /** Synthetic corpora: one article added by an incremental update after the queries. */
  add?: AddResult;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface BenchReport {
  machine: Machine;
  command: string;
  startedAt: string;
  seconds: number;
  corpora: CorpusResult[];
  /** The plain LangChain pipeline over the CMRC + DRCD dev paragraphs, R@1 on CMRC dev. */
  langchain?: LangchainResult & { ours: { r1: { questions: number; recallAt1: number }; corpus: string } };
  /** Parts skipped, and why (e.g. ../shared/bench not found). */
  notes: string[];
}
