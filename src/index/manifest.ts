import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CorpusFile } from "../corpus/types.js";

export { hashFile } from "../corpus/load.js";

import { err, ok, type Result } from "../result.js";

/**
 * Bumped whenever the files of an index change shape or passages are cut differently; an older
 * index is rebuilt. 3: sentences (and so passage boundaries) no longer end at semicolons. 4: an
 * index is segments plus a ledger of articles, so that ingest can add and remove articles in place;
 * passages and articles as JSON Lines and BM25 postings as binary, so a million passages load.
 */
export const FORMAT_VERSION = 4;

/** The files of an index directory. `hnswlib.index`, `args.json`, `docstore.json` are LangChain HNSWLib's. */
export const INDEX_FILES = {
  manifest: "manifest.json",
  /** One passage a line, in HNSW label order. */
  passages: "passages.jsonl",
  /** One article summary a line. */
  articles: "articles.jsonl",
  /** BM25 parameters, vocabulary and array sizes; the postings are in `bm25.bin`. */
  bm25: "bm25.json",
  bm25Postings: "bm25.bin",
  hnsw: "hnswlib.index",
  hnswArgs: "args.json",
  hnswDocstore: "docstore.json",
  ledger: "ledger.json",
} as const;

/** Names a segment directory may have: the index directory itself, or `seg-N` inside it. */
export const SEGMENT_NAME = /^(?:\.|seg-\d+)$/;
/** Names the ledger may have: `ledger.json`, or `ledger-N.json` after an incremental update. */
export const LEDGER_NAME = /^ledger(?:-\d+)?\.json$/;

/** HNSW graph parameters, chosen explicitly because hnswlib's default search ef (10) loses recall. */
export interface HnswParams {
  space: "cosine";
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** `manifest.json`: what an index was built from and with. */
export interface IndexManifest {
  formatVersion: number;
  embeddings: { id: string; dimensions: number };
  hnsw: HnswParams;
  /** What was embedded for each passage, e.g. `title\nsection\ntext`. */
  embeddedText: string;
  /** Extra jieba words (the corpus's zone names), so query tokenisation matches the build's. */
  userWords: string[];
  corpus: { inputs: string[]; files: CorpusFile[] };
  /** Live articles and passages over all segments. */
  counts: { articles: number; passages: number };
  /** Segment directories, oldest first: `.` (a full build's), then `seg-N` for each update since. */
  segments: string[];
  /** Passages stored in each segment (live or deleted), in the order of `segments`. */
  segmentPassages: number[];
  /** The ledger file (see ledger.ts). */
  ledger: string;
  builtAt: string;
  buildMs: number;
}

/** Why an index could not be used. Each message says what is wrong and how to fix it. */
export interface IndexError {
  code: "missing" | "corrupt" | "embeddings-mismatch" | "format" | "foreign" | "unusable";
  message: string;
}

/**
 * An {@link IndexError} thrown where a value cannot be returned (`buildIndex` refusing its target,
 * an entry point that cannot start without an index); its message is for people, with no stack needed.
 */
export class IndexFailure extends Error {
  constructor(readonly error: IndexError) {
    super(error.message);
    this.name = "IndexFailure";
  }
}

export const REBUILD_HINT = "请运行 npm run ingest 重建索引 (run `npm run ingest` to rebuild the index)";

/** Reads and checks `manifest.json` alone: cheap enough to decide whether a rebuild is due. */
export async function readManifest(dir: string): Promise<Result<IndexManifest, IndexError>> {
  let raw: string;
  try {
    raw = await readFile(join(dir, INDEX_FILES.manifest), "utf8");
  } catch {
    return err({
      code: "missing",
      message: `索引目录 ${dir} 中没有索引 (no index in ${dir}: manifest.json not found)；请先运行 npm run ingest 建立索引 (run \`npm run ingest\` first)`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return err({ code: "corrupt", message: `${dir}/manifest.json 已损坏 (not valid JSON)；${REBUILD_HINT}` });
  }
  const m = json as Partial<IndexManifest> | null;
  if (typeof m !== "object" || m === null || typeof m.formatVersion !== "number") {
    return err({
      code: "corrupt",
      message: `${dir}/manifest.json 缺少 formatVersion (missing formatVersion)；${REBUILD_HINT}`,
    });
  }
  if (m.formatVersion !== FORMAT_VERSION) {
    return err({
      code: "format",
      message: `${dir} 的索引格式版本为 ${m.formatVersion}，本程序需要 ${FORMAT_VERSION} (index format ${m.formatVersion}, expected ${FORMAT_VERSION})；${REBUILD_HINT}`,
    });
  }
  const good =
    typeof m.embeddings?.id === "string" &&
    typeof m.embeddings.dimensions === "number" &&
    typeof m.hnsw?.efSearch === "number" &&
    Array.isArray(m.userWords) &&
    Array.isArray(m.corpus?.files) &&
    Array.isArray(m.corpus.inputs) &&
    typeof m.counts?.passages === "number" &&
    Array.isArray(m.segments) &&
    m.segments.length > 0 &&
    m.segments.every((x) => typeof x === "string" && SEGMENT_NAME.test(x)) &&
    Array.isArray(m.segmentPassages) &&
    m.segmentPassages.length === m.segments.length &&
    typeof m.ledger === "string" &&
    LEDGER_NAME.test(m.ledger) &&
    typeof m.builtAt === "string";
  if (!good)
    return err({
      code: "corrupt",
      message: `${dir}/manifest.json 字段不完整 (fields missing)；${REBUILD_HINT}`,
    });
  return ok(m as IndexManifest);
}

/**
 * True when the corpus files differ from those the index was built from: a file added, removed,
 * or with other bytes. Paths are compared as given, so pass them the way the loader recorded them.
 */
export function corpusChanged(manifest: IndexManifest, currentFiles: readonly CorpusFile[]): boolean {
  const built = new Map(manifest.corpus.files.map((f) => [f.path, f.sha256]));
  if (built.size !== new Set(currentFiles.map((f) => f.path)).size) return true;
  return currentFiles.some((f) => built.get(f.path) !== f.sha256);
}
