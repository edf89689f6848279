import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { cp, mkdir, open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SynchronousInMemoryDocstore } from "@langchain/community/stores/doc/in_memory";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import hnswlib from "hnswlib-node";
import type { Article, LoadedCorpus } from "../corpus/types.js";
import { nextTurn } from "../stop-signals.js";
import { Bm25Index } from "./bm25.js";
import { chunkArticle } from "./chunk.js";
import { HnswWorker } from "./hnsw-worker.js";
import { BASE_SEGMENT, ledgerOf, writeLedger } from "./ledger.js";
import {
  FORMAT_VERSION,
  type HnswParams,
  INDEX_FILES,
  IndexFailure,
  type IndexManifest,
} from "./manifest.js";
import { checkIndexTarget, fsReason, isAlive, isIndexFile, releaseTempDir, trackTempDir } from "./target.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import type { ArticleSummary, Passage } from "./types.js";

/** Embeddings as the index needs them: LangChain's interface plus an id recorded in the manifest. */
export type IndexEmbeddings = EmbeddingsInterface & { id: string; dimensions?: number };

/**
 * Hashed bag-of-words vectors are hard for HNSW (near-orthogonal, no low-dimensional structure): at
 * 20,000 passages M 16 / efConstruction 200 needed efSearch 800 for recall@10 0.99. A denser graph
 * (M 32) with a cheaper build (efConstruction 100) reaches it at efSearch 400 there and 800 at
 * 100,000 passages (see {@link efSearchFor}); measured with `npm run bench`.
 */
/** What building a graph needs; the search-time ef is chosen once the index's size is known. */
export type GraphParams = Omit<HnswParams, "efSearch">;

export const DEFAULT_HNSW: GraphParams = { space: "cosine", m: 32, efConstruction: 100 };

/** The search-time ef that keeps recall@10 ≥ 0.99 for an index of `passages` (hnswlib's default is 10). */
export function efSearchFor(passages: number): number {
  return passages <= 25_000 ? 400 : 800;
}

/** Passages embedded per call: large enough for remote APIs to batch, small enough to stream 100k passages. */
const EMBED_BATCH = 256;

export const EMBEDDED_TEXT = "title\\nsection\\ntext";

/**
 * The text embedded for a passage: title and subhead first. A passage often never names its zone
 * or topic (`增速达40.7%`) while its headline does, so the headline carries the passage's subject.
 */
export function embeddingText(p: Passage): string {
  return [p.title, p.section ?? "", p.text].filter((s) => s.length > 0).join("\n");
}

/** Every zone any article names, sorted: added to jieba's dictionary at build and at load. */
export function zoneWords(articles: readonly { zones: readonly string[] }[]): string[] {
  return [...new Set(articles.flatMap((a) => a.zones))].sort();
}

/**
 * What BM25 indexes for a passage: the headline twice (questions about a paragraph of an article
 * often name its subject, which the headline states; measured +0.2–0.3 points R@1 on CMRC/DRCD),
 * the section, the text.
 */
export function lexicalText(p: Passage): string {
  return `${p.title}\n${p.title}\n${p.section ?? ""}\n${p.text}`;
}

/** What `buildIndex` did. */
export interface BuildSummary {
  dir: string;
  articles: number;
  passages: number;
  dimensions: number;
  buildMs: number;
  /** Article ids seen more than once; only the first article with the id was indexed. */
  duplicateArticleIds: string[];
}

/** Options for {@link buildIndex}. */
export interface BuildOptions {
  corpus: LoadedCorpus;
  embeddings: IndexEmbeddings;
  dir: string;
  /** The input paths as given on the command line, recorded in the manifest. */
  inputs: string[];
  hnsw?: Partial<HnswParams>;
  /** Called as passages are indexed (inserted into the HNSW graph), with how many so far. */
  onProgress?: (done: number, total: number) => void;
}

/** What an index keeps of an article: its fields for listing zones and articles, and its passage ids. */
function summarise(a: Article, passages: readonly Passage[]): ArticleSummary {
  const s: ArticleSummary = {
    id: a.id,
    title: a.title,
    byline: a.byline,
    mainZone: a.mainZone,
    zones: a.zones,
    source: a.source,
    passageIds: passages.map((p) => p.id),
  };
  if (a.date !== undefined) s.date = a.date;
  if (a.url !== undefined) s.url = a.url;
  return s;
}

/** Keeps the first article of each id; returns the rest's ids as duplicates. */
export function firstOfEachId(all: readonly Article[]): { articles: Article[]; duplicates: string[] } {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const articles: Article[] = [];
  for (const a of all) {
    if (seen.has(a.id)) duplicates.push(a.id);
    else {
      seen.add(a.id);
      articles.push(a);
    }
  }
  return { articles, duplicates };
}

/** The passages of `articles` and each article's summary, in build order. */
function chunkArticles(articles: readonly Article[]): { passages: Passage[]; summaries: ArticleSummary[] } {
  const passages: Passage[] = [];
  const summaries: ArticleSummary[] = [];
  for (const a of articles) {
    const ps = chunkArticle(a);
    passages.push(...ps);
    summaries.push(summarise(a, ps));
  }
  return { passages, summaries };
}

/**
 * The corpus's articles (the first of each id; later ones listed as duplicates), their passages and
 * summaries, in build order: what every store indexes (the embedded store's base segment, a
 * PostgreSQL generation).
 */
export function chunkCorpus(corpus: LoadedCorpus): {
  articles: Article[];
  passages: Passage[];
  summaries: ArticleSummary[];
  duplicateArticleIds: string[];
} {
  const { articles, duplicates } = firstOfEachId(corpus.articles);
  return { articles, ...chunkArticles(articles), duplicateArticleIds: duplicates };
}

/** Options for {@link writeSegment}. */
export interface SegmentOptions {
  articles: readonly Article[];
  embeddings: IndexEmbeddings;
  /** An existing, empty directory to write the segment's files into. */
  dir: string;
  hnsw: GraphParams;
  /** BM25's tokenizer (with the index's user words). */
  tokenizer: Tokenizer;
  onProgress?: (done: number, total: number) => void;
}

/** What {@link writeSegment} wrote. */
export interface SegmentSummary {
  passages: number;
  dimensions: number;
  /** Passages per article, in article order. */
  passageCounts: number[];
}

/** Passages tokenised between two turns of the event loop: about 60 ms of jieba here. */
const TOKENIZE_BATCH = 64;

/**
 * The BM25 index of `passages` (see {@link lexicalText}), tokenised a batch at a time with a turn of the
 * event loop between batches: tokenising never yielded, and a Ctrl-C or SIGTERM during it waited for all
 * of it (10 s at 11,664 passages, minutes at 100,000). After a stop (`haltWork`) it goes no further.
 */
export async function lexicalIndex(passages: readonly Passage[], tokenizer: Tokenizer): Promise<Bm25Index> {
  const builder = Bm25Index.builder();
  for (let start = 0; start < passages.length; start += TOKENIZE_BATCH) {
    await nextTurn();
    for (const p of passages.slice(start, start + TOKENIZE_BATCH))
      builder.add(tokenizer.terms(lexicalText(p)));
  }
  return builder.finish();
}

/**
 * Chunks, tokenises and embeds `articles` and writes one segment of an index into `dir`: LangChain
 * HNSWLib files, `passages.jsonl`, `articles.jsonl`, `bm25.json` and `bm25.bin`. A full build writes one segment; an incremental
 * update writes one more for the articles that are new or changed (see update.ts).
 */
export async function writeSegment(opts: SegmentOptions): Promise<SegmentSummary> {
  const { articles, embeddings, dir, hnsw, tokenizer } = opts;
  const { passages, summaries } = chunkArticles(articles);

  // Embedding runs here while a worker thread inserts into the HNSW graph (hnswlib inserts on one
  // thread, and it is the largest part of an ingest); BM25 tokenising follows while the worker
  // catches up. The graph is built directly rather than through HNSWLib.addDocuments, which would
  // re-initialise it with hnswlib's defaults and hold every vector in memory at once.
  let worker: HnswWorker | undefined;
  let dimensions = embeddings.dimensions ?? 0;
  const total = passages.length;
  try {
    opts.onProgress?.(0, total);
    for (let start = 0; start < total; start += EMBED_BATCH) {
      // Local embeddings are synchronous: without a turn of the event loop per batch, a Ctrl-C or
      // SIGTERM waited for the whole embedding (22 s at 11,664 passages) before it was handled.
      await nextTurn();
      const batch = passages.slice(start, start + EMBED_BATCH);
      const vectors = await embeddings.embedDocuments(batch.map(embeddingText));
      if (!worker) {
        dimensions = vectors[0]?.length ?? dimensions;
        worker = new HnswWorker(
          { dimensions, maxElements: total, m: hnsw.m, efConstruction: hnsw.efConstruction, randomSeed: 100 },
          (done) => opts.onProgress?.(done, total),
        );
      }
      vectors.forEach((v, i) => {
        if (v.length !== dimensions)
          throw new Error(`embedding ${start + i} has ${v.length} dimensions, expected ${dimensions}`);
      });
      await worker.add(vectors, start);
    }
    const bm25 = await lexicalIndex(passages, tokenizer);
    let index: hnswlib.HierarchicalNSW;
    if (worker) {
      // The worker writes the graph; it is read back so that HNSWLib itself saves the index's files.
      const graph = join(dir, INDEX_FILES.hnsw);
      await worker.write(graph);
      index = new hnswlib.HierarchicalNSW("cosine", dimensions);
      await index.readIndex(graph);
    } else {
      // An empty corpus still gets a loadable (empty) index.
      if (dimensions === 0) dimensions = (await embeddings.embedQuery("高新区")).length;
      index = new hnswlib.HierarchicalNSW("cosine", dimensions);
      index.initIndex({ maxElements: 1, m: hnsw.m, efConstruction: hnsw.efConstruction });
    }
    // The docstore maps HNSW labels to passage ids; the text lives once, in passages.jsonl.
    const docstore = new SynchronousInMemoryDocstore(
      new Map(
        passages.map((p, i) => [String(i), new Document({ pageContent: "", metadata: { passageId: p.id } })]),
      ),
    );
    const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dimensions, index, docstore });
    await store.save(dir);
    await writeChunks(join(dir, INDEX_FILES.passages), jsonLines(passages));
    await writeChunks(join(dir, INDEX_FILES.articles), jsonLines(summaries));
    await writeChunks(join(dir, INDEX_FILES.bm25), bm25.metaChunks());
    await writeBytes(join(dir, INDEX_FILES.bm25Postings), bm25.postingsChunks());
    return { passages: total, dimensions, passageCounts: summaries.map((s) => s.passageIds.length) };
  } finally {
    await worker?.stop();
  }
}

/**
 * Chunks, tokenises and embeds a corpus and writes the index into `dir`: one segment (see
 * {@link writeSegment}), `ledger.json` and `manifest.json`. It builds in a sibling temporary
 * directory and swaps it in with renames, so an ingest killed midway leaves the previous index serving.
 * Throws {@link IndexFailure} (nothing changed) when `dir` is a folder that is not an index of
 * ours or cannot be written; callers check with `checkIndexTarget` first to show that as a message.
 */
export async function buildIndex(opts: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const { corpus, embeddings, dir } = opts;
  const target = await checkIndexTarget(dir);
  if (!target.ok) throw new IndexFailure(target.error);
  const { articles, duplicates: duplicateArticleIds } = firstOfEachId(corpus.articles);
  const userWords = zoneWords(articles);
  const tokenizer = createTokenizer({ userWords });
  const graph: GraphParams = { ...DEFAULT_HNSW, ...opts.hnsw, space: "cosine" };
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    try {
      await mkdir(dirname(tmp), { recursive: true });
      await mkdir(tmp);
    } catch (e) {
      throw new IndexFailure({ code: "unusable", message: `无法在 ${dir} 建立索引：${fsReason(e)}` });
    }
    trackTempDir(tmp);
    const segment = await writeSegment({
      articles,
      embeddings,
      dir: tmp,
      hnsw: graph,
      tokenizer,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    const ledger = ledgerOf(corpus, articles, segment.passageCounts, BASE_SEGMENT);
    await writeLedger(join(tmp, INDEX_FILES.ledger), ledger);
    const buildMs = Math.round(performance.now() - started);
    const manifest: IndexManifest = {
      formatVersion: FORMAT_VERSION,
      embeddings: { id: embeddings.id, dimensions: segment.dimensions },
      hnsw: { efSearch: efSearchFor(segment.passages), ...opts.hnsw, ...graph },
      embeddedText: EMBEDDED_TEXT,
      userWords: tokenizer.userWords.slice(),
      corpus: { inputs: opts.inputs, files: corpus.files },
      counts: { articles: articles.length, passages: segment.passages },
      segments: [BASE_SEGMENT],
      segmentPassages: [segment.passages],
      ledger: INDEX_FILES.ledger,
      builtAt: new Date().toISOString(),
      buildMs,
    };
    // Written last: a directory with a manifest is a complete index.
    await writeFile(join(tmp, INDEX_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapIn(tmp, dir);
    return {
      dir,
      articles: articles.length,
      passages: segment.passages,
      dimensions: segment.dimensions,
      buildMs: Math.round(performance.now() - started),
      duplicateArticleIds,
    };
  } catch (e) {
    await releaseTempDir(tmp);
    throw e;
  }
}

/** One JSON value a line: a file of any size is read back a line at a time (see load.ts). */
function* jsonLines(items: readonly unknown[]): Generator<string> {
  for (const item of items) yield `${JSON.stringify(item)}\n`;
}

/** Writes byte arrays one after another, in slices (one write call takes at most ~2 GB). */
async function writeBytes(path: string, parts: readonly Uint8Array[]): Promise<void> {
  const file = await open(path, "w");
  try {
    for (const part of parts) {
      for (let at = 0; at < part.byteLength; ) {
        const { bytesWritten } = await file.write(part, at, Math.min(part.byteLength - at, 1 << 26));
        at += bytesWritten;
      }
    }
  } finally {
    await file.close();
  }
}

/** Writes text pieces to a file through a buffered stream, batching small pieces. */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  let pending = "";
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 1 << 20) {
      if (!out.write(pending)) await once(out, "drain");
      pending = "";
    }
  }
  out.end(pending);
  await done;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `dir` with the freshly built `tmp`: two renames, so at every moment either the old or
 * the new index is at `dir` (except for the instant between them). Everything in the old directory
 * that is not an index file (its README, a user's note) is copied over first, so nothing is lost.
 */
async function swapIn(tmp: string, dir: string): Promise<void> {
  if (!(await exists(dir))) {
    await rename(tmp, dir);
    await releaseTempDir(tmp);
    return;
  }
  for (const name of await readdir(dir)) {
    if (!isIndexFile(name)) await cp(join(dir, name), join(tmp, name), { recursive: true });
  }
  const old = `${dir}.old-${process.pid}-${Date.now()}`;
  await rename(dir, old);
  try {
    await rename(tmp, dir);
  } catch (e) {
    await rename(old, dir);
    throw e;
  }
  await releaseTempDir(tmp);
  await rm(old, { recursive: true, force: true });
  await removeStale(dir);
}

/** Removes `.tmp-`/`.old-` siblings left by killed builds whose process is gone. */
async function removeStale(dir: string): Promise<void> {
  const parent = dirname(dir);
  const prefix = basename(dir);
  const pattern = /^\.(?:tmp|old)-(\d+)-\d+$/;
  for (const name of await readdir(parent)) {
    if (!name.startsWith(prefix)) continue;
    const m = pattern.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (isAlive(pid)) continue;
    await rm(join(parent, name), { recursive: true, force: true });
  }
}
