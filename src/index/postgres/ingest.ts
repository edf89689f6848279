import { PGVectorStore } from "@langchain/community/vectorstores/pgvector";
import { Document } from "@langchain/core/documents";
import type { Article, LoadedCorpus } from "../../corpus/types.js";
import {
  type BuildOptions,
  type BuildSummary,
  chunkCorpus,
  DEFAULT_HNSW,
  EMBEDDED_TEXT,
  efSearchFor,
  embeddingText,
  type IndexEmbeddings,
  lexicalIndex,
  zoneWords,
} from "../build.js";
import { articleHash } from "../ledger.js";
import { FORMAT_VERSION, type HnswParams, type IndexManifest } from "../manifest.js";
import { createTokenizer } from "../tokenize.js";
import type { ArticleSummary, Passage } from "../types.js";
import { asBytes } from "./bm25.js";
import type { PgDb, Session } from "./db.js";
import {
  abandonedGenerations,
  createGeneration,
  dropGenerations,
  expiredGenerations,
  type Reusable,
  recordGeneration,
  reusableGeneration,
  switchTo,
} from "./generations.js";
import { hnswIndexName, migrate, passagesTable } from "./schema.js";
import { copyUnchanged, indexDocNumbers, writeArticles, writePostings } from "./write.js";

/**
 * An ingest into PostgreSQL writes a new *generation*: its passages, metadata and vectors in a table
 * of its own (rows of unchanged articles copied from the current generation, the rest embedded
 * through LangChain's PGVectorStore), its HNSW index built after the rows are in (pgvector inserts
 * ~20× slower into a table that already has one), its BM25 postings and its articles each in a
 * table of their own. One transaction then points `gaoxin_current` at it and notifies; bots poll
 * (and LISTEN) and swap. An ingest killed midway leaves a `loading` generation no bot ever reads,
 * removed by the next ingest.
 */

/** First key of the advisory lock a running ingest holds (the second: the schema's hash). */
const INGEST_LOCK = 0x6761_6f78;
/** Passages embedded and inserted per batch. */
const BATCH = 256;
/** Ready generations kept besides the current one, so a bot still loading the previous one finds it. */
const KEEP_PREVIOUS = 1;
/**
 * Seconds an older generation is kept after it stopped being current: a bot that has not yet seen
 * two quick ingests (`--watch`) still answers from it, and switches at its next check.
 */
const RETAIN_SECONDS = 600;

/** What a passage row's metadata holds besides the text (`doc`: its BM25 document number). */
export type PassageMetadata = Omit<Passage, "text" | "id"> & { passageId: string; doc: number };

/** What `ingestToPostgres` did. */
export interface PgIngestSummary extends Omit<BuildSummary, "dir"> {
  generation: number;
  /** Embedding and inserting the rows. */
  loadMs: number;
  /** Building the HNSW index over them. */
  indexMs: number;
  /** Generations removed: older ones, and ones an ingest killed midway left behind. */
  dropped: number[];
  /** The current generation already holds this corpus, article for article: nothing was written. */
  unchanged: boolean;
  /** Passages copied from the current generation (their articles unchanged), not embedded again. */
  reused: number;
  /** Passages embedded. */
  embedded: number;
  /** Articles new to, changed from and gone since the current generation (all new without one to compare). */
  added: number;
  changed: number;
  removed: number;
}

/** Options of {@link ingestToPostgres}: `buildIndex`'s, with the database in place of a folder. */
export interface PgIngestOptions extends Omit<BuildOptions, "dir"> {
  db: PgDb;
  /** Called with the new generation once its rows are in, before its HNSW index is built. */
  onLoaded?: (generation: number) => void | Promise<void>;
  /** Embed every passage again, reusing nothing of the current generation. */
  full?: boolean;
  /** Seconds a replaced generation older than the previous one is kept (default {@link RETAIN_SECONDS}). */
  retainSeconds?: number;
}

/** Another ingest holds the lock: nothing was changed. */
export class PgStoreError extends Error {
  constructor(
    readonly code: "busy",
    message: string,
  ) {
    super(message);
    this.name = "PgStoreError";
  }
}

/** The corpus cut into what a generation holds, and what of it the current generation already has. */
interface Plan {
  articles: Article[];
  passages: Passage[];
  summaries: ArticleSummary[];
  duplicateArticleIds: string[];
  hashes: [string, string][];
  previous: Reusable | null;
}

/**
 * Writes `corpus` as a new generation and makes it current — or nothing, when the current generation
 * holds it article for article. One ingest per schema at a time (an advisory lock); the steps below
 * in order, so a failure at any point leaves the generation `loading`, unread, for the next ingest
 * to drop.
 */
export async function ingestToPostgres(opts: PgIngestOptions): Promise<PgIngestSummary> {
  const started = performance.now();
  const { db } = opts;
  await migrate(db, { create: true });
  return db.session(async (lock) => {
    await takeIngestLock(lock, db);
    try {
      // Holding the lock, any generation still `loading` belongs to an ingest that died.
      const dropped = await dropGenerations(db, await abandonedGenerations(db));
      const plan = await planGeneration(db, opts);
      const base = {
        articles: plan.articles.length,
        passages: plan.passages.length,
        duplicateArticleIds: plan.duplicateArticleIds,
        dropped,
        ...articleChanges(plan),
      };
      if (plan.previous && sameArticles(plan.previous.hashes, plan.hashes))
        return {
          ...base,
          generation: plan.previous.generation,
          dimensions: plan.previous.dimensions,
          loadMs: 0,
          indexMs: 0,
          buildMs: Math.round(performance.now() - started),
          unchanged: true,
          reused: plan.passages.length,
          embedded: 0,
        };
      const generation = await createGeneration(db);
      const store = vectorStore(db, opts.embeddings, generation);
      const rows = await writePassages(db, store, generation, plan, opts);
      const loadMs = performance.now() - started;
      await opts.onLoaded?.(generation);
      const hnsw: HnswParams = {
        ...DEFAULT_HNSW,
        efSearch: efSearchFor(plan.passages.length),
        ...opts.hnsw,
        space: "cosine",
      };
      const indexStarted = performance.now();
      await buildHnswIndex(db, store, generation, rows.dimensions, hnsw);
      const indexMs = performance.now() - indexStarted;
      await writeLexicalAndArticles(db, generation, plan, {
        inputs: opts.inputs,
        files: opts.corpus.files,
        embeddings: { id: opts.embeddings.id, dimensions: rows.dimensions },
        hnsw,
        started,
      });
      await lock.transaction((tx) => switchTo(tx, db, generation));
      const expired = await expiredGenerations(db, {
        keepPrevious: KEEP_PREVIOUS,
        retainSeconds: Math.max(0, Math.floor(opts.retainSeconds ?? RETAIN_SECONDS)),
      });
      dropped.push(...(await dropGenerations(db, expired)));
      return {
        ...base,
        generation,
        dimensions: rows.dimensions,
        loadMs: Math.round(loadMs),
        indexMs: Math.round(indexMs),
        buildMs: Math.round(performance.now() - started),
        unchanged: false,
        reused: rows.copied,
        embedded: rows.embedded,
      };
    } finally {
      await lock.run("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    }
  });
}

/** Takes the schema's ingest lock on `lock`'s connection, or throws {@link PgStoreError} `busy`. */
async function takeIngestLock(lock: Session, db: PgDb): Promise<void> {
  const [got] = await lock.rows<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
    INGEST_LOCK,
    db.schema,
  ]);
  if (got?.ok !== true)
    throw new PgStoreError("busy", "another ingest is writing to this database; try again when it ends");
}

/** Step 1: the corpus's articles, passages and hashes, and the current generation if rows can be copied from it. */
async function planGeneration(db: PgDb, opts: PgIngestOptions): Promise<Plan> {
  const { articles, passages, summaries, duplicateArticleIds } = chunkCorpus(opts.corpus);
  const hashes: [string, string][] = articles.map((a) => [a.id, articleHash(a)]);
  const previous = opts.full ? null : await reusableGeneration(db, opts.embeddings);
  return { articles, passages, summaries, duplicateArticleIds, hashes, previous };
}

/** How the corpus differs from the current generation, article by article. */
function articleChanges(plan: Plan): { added: number; changed: number; removed: number } {
  if (!plan.previous) return { added: plan.articles.length, changed: 0, removed: 0 };
  const before = new Map(plan.previous.hashes);
  let added = 0;
  let changed = 0;
  for (const [id, hash] of plan.hashes) {
    const was = before.get(id);
    if (was === undefined) added++;
    else if (was !== hash) changed++;
  }
  const now = new Set(plan.hashes.map(([id]) => id));
  const removed = plan.previous.hashes.filter(([id]) => !now.has(id)).length;
  return { added, changed, removed };
}

function sameArticles(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  return a.length === b.length && a.every(([id, hash], i) => b[i]?.[0] === id && b[i]?.[1] === hash);
}

/**
 * Step 2: the generation's passages table — the rows of unchanged articles copied from the current
 * generation inside the server (renumbered to their place in this corpus), the rest embedded
 * {@link BATCH} at a time and inserted through PGVectorStore — then its index on document numbers.
 */
async function writePassages(
  db: PgDb,
  store: PGVectorStore,
  generation: number,
  plan: Plan,
  opts: PgIngestOptions,
): Promise<{ dimensions: number; copied: number; embedded: number }> {
  const { embeddings } = opts;
  const { previous, passages } = plan;
  const total = passages.length;
  let dimensions = previous?.dimensions ?? embeddings.dimensions ?? 0;
  let copied = new Set<string>();
  if (previous) {
    await store.ensureTableInDatabase(previous.dimensions);
    copied = await copyUnchanged(db, previous, generation, plan.articles, plan.hashes, plan.summaries);
  }
  const fresh = passages.flatMap((p, doc) => (copied.has(p.id) ? [] : [{ p, doc }]));
  opts.onProgress?.(copied.size, total);
  for (let start = 0; start < fresh.length; start += BATCH) {
    const batch = fresh.slice(start, start + BATCH);
    const vectors = await embeddings.embedDocuments(batch.map(({ p }) => embeddingText(p)));
    if (start === 0 && !previous) {
      dimensions = vectors[0]?.length ?? dimensions;
      await store.ensureTableInDatabase(dimensions);
    }
    vectors.forEach((v, i) => {
      if (v.length !== dimensions)
        throw new Error(`embedding ${start + i} has ${v.length} dimensions, expected ${dimensions}`);
    });
    const docs = batch.map(({ p: { text, id, ...rest }, doc }) => {
      const metadata: PassageMetadata = { passageId: id, doc, ...rest };
      return new Document({ pageContent: text, metadata });
    });
    await store.addVectors(vectors, docs);
    opts.onProgress?.(Math.min(total, copied.size + start + BATCH), total);
  }
  if (fresh.length === 0 && !previous) {
    if (dimensions === 0) dimensions = (await embeddings.embedQuery("高新区")).length;
    await store.ensureTableInDatabase(dimensions);
  }
  await indexDocNumbers(db, generation);
  return { dimensions, copied: copied.size, embedded: fresh.length };
}

/** LangChain's PGVectorStore on a generation's passages table, in the store's schema. */
function vectorStore(db: PgDb, embeddings: IndexEmbeddings, generation: number): PGVectorStore {
  return new PGVectorStore(embeddings, {
    pool: db.pool,
    schemaName: db.schema,
    tableName: passagesTable(generation),
    chunkSize: 500,
  });
}

/**
 * Step 3: the HNSW index, namespaced per generation (`createHnswIndex` otherwise gives every table
 * the same index name with IF NOT EXISTS, and the new table would silently get none). It only logs
 * a failure: checked here, or the generation would go live unindexed.
 */
async function buildHnswIndex(
  db: PgDb,
  store: PGVectorStore,
  generation: number,
  dimensions: number,
  hnsw: HnswParams,
): Promise<void> {
  await store.createHnswIndex({
    dimensions,
    m: hnsw.m,
    efConstruction: hnsw.efConstruction,
    namespace: passagesTable(generation),
  });
  if (!(await db.indexExists(hnswIndexName(generation))))
    throw new Error(`the HNSW index of generation ${generation} was not created`);
}

/**
 * Step 4: BM25 (built by the embedded store's code) into the postings table, the article summaries
 * into the articles table, and the manifest, BM25 parameters, document lengths and article hashes
 * into the generation's row.
 */
async function writeLexicalAndArticles(
  db: PgDb,
  generation: number,
  plan: Plan,
  facts: {
    inputs: string[];
    files: LoadedCorpus["files"];
    embeddings: IndexManifest["embeddings"];
    hnsw: HnswParams;
    started: number;
  },
): Promise<void> {
  const tokenizer = createTokenizer({ userWords: zoneWords(plan.articles) });
  const bm25 = (await lexicalIndex(plan.passages, tokenizer)).parts();
  await writePostings(db, generation, bm25);
  await writeArticles(db, generation, plan.summaries);
  const manifest: IndexManifest = {
    formatVersion: FORMAT_VERSION,
    embeddings: facts.embeddings,
    hnsw: facts.hnsw,
    embeddedText: EMBEDDED_TEXT,
    userWords: tokenizer.userWords.slice(),
    corpus: { inputs: facts.inputs, files: facts.files },
    counts: { articles: plan.articles.length, passages: plan.passages.length },
    // A generation is one table of its own: one segment, and no ledger file (the article hashes
    // the next ingest compares with are in the generation's row).
    segments: [passagesTable(generation)],
    segmentPassages: [plan.passages.length],
    ledger: "",
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - facts.started),
  };
  await recordGeneration(db, generation, {
    manifest,
    bm25,
    lengths: asBytes(bm25.lengths),
    hashes: plan.hashes,
  });
}
