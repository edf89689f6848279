import { PGVectorStore } from "@langchain/community/vectorstores/pgvector";
import { Document } from "@langchain/core/documents";
import { LRUCache } from "lru-cache";
import type { Pool, PoolClient } from "pg";
import type { Article } from "../corpus/types.js";
import { err, ok, type Result } from "../result.js";
import { type ArticleCatalog, sortZones } from "./articles.js";
import { Bm25Index, type Bm25Params, type Bm25Parts, Bm25Scorer, type TermPostings } from "./bm25.js";
import {
  type BuildOptions,
  type BuildSummary,
  chunkCorpus,
  DEFAULT_HNSW,
  EMBEDDED_TEXT,
  efSearchFor,
  embeddingText,
  type IndexEmbeddings,
  lexicalText,
  zoneWords,
} from "./build.js";
import { articleHash } from "./ledger.js";
import { assembleIndex, embeddingsMismatch, type LexicalIndex, type LoadedIndex } from "./load.js";
import { FORMAT_VERSION, type HnswParams, type IndexError, type IndexManifest } from "./manifest.js";
import { createTokenizer } from "./tokenize.js";
import type { ArticleSummary, Passage, ZoneCount } from "./types.js";

/**
 * The PostgreSQL + pgvector store. Each ingest writes a new *generation*: its passages, metadata and
 * vectors in a table of its own (rows of unchanged articles copied from the current generation, the
 * rest embedded through LangChain's PGVectorStore), its HNSW index built after the rows are in
 * (pgvector inserts ~20× slower into a table that already has one), its BM25 postings and its
 * articles each in a table of their own (its zone counts in `gaoxin_generations`). One transaction
 * then points `gaoxin_current` at it and notifies; bots poll (and LISTEN) and swap. An ingest killed midway leaves a `loading` generation no
 * bot ever reads, removed by the next ingest.
 */

/** Generations: one row each, `loading` until complete. */
const GENERATIONS = "gaoxin_generations";
/** The one row naming the generation bots answer from. */
const CURRENT = "gaoxin_current";
/** `pg_notify` channel announcing a switch (payload: the generation id). */
export const GENERATION_CHANNEL = "gaoxin_generation";
/** `pg_try_advisory_lock` key held by a running ingest: one writer at a time. */
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
type PassageMetadata = Omit<Passage, "text" | "id"> & { passageId: string; doc: number };

/** The name of a generation's passages table (and, with `_`, the prefix of its HNSW index). */
export function passagesTable(generation: number): string {
  return `gaoxin_passages_${generation}`;
}

/**
 * The name of a generation's BM25 postings table: one row per term, its documents (Uint32, ascending)
 * and term frequencies (Uint16) as bytea, read per question for the question's terms only.
 */
export function postingsTable(generation: number): string {
  return `gaoxin_postings_${generation}`;
}

/**
 * The name of a generation's articles table: one row per article in corpus order (`pos`), its id,
 * zones, first BM25 document number and summary. Bots read from it the articles a citation, a
 * passage or a zone page needs, instead of holding the whole list.
 */
export function articlesTable(generation: number): string {
  return `gaoxin_articles_${generation}`;
}

/** Article summaries written per INSERT (one JSON parameter). */
const ARTICLES_BATCH = 5_000;
/** First key of the advisory lock a bot holds while it gives an older generation its articles table. */
const ARTICLES_LOCK = 0x6761_6f61;

/** Postings (documents) written per INSERT: ~3 MB of bytea. */
const POSTINGS_BATCH = 500_000;

/** What pgvector's `createHnswIndex` names the index when given the generation's namespace. */
function hnswIndexName(generation: number): string {
  return `${passagesTable(generation)}_embedding_embedding_hnsw_idx`;
}

/**
 * `hnsw.ef_search` for the searches: the fusion depth unless STORE_EF_SEARCH raises it (never below
 * it: pgvector's default of 40 returns at most 40 rows whatever the LIMIT), capped at pgvector's
 * maximum of 1,000. Not the embedded store's recall-tuned ef (800 at 100,000 passages): answers lean
 * on BM25, and CMRC dev pooled among 100,000 passages scored no lower at ef 50 than at 800
 * (docs/scale-out.md), at a fifth of the time per question.
 */
export function pgEfSearch(depth: number, override?: number | null): number {
  return Math.min(1000, Math.max(depth, override ?? depth));
}

/** Creates the bookkeeping tables (and the vector extension) if they are missing. */
export async function ensureSchema(pool: Pool): Promise<void> {
  await pool.query("CREATE EXTENSION IF NOT EXISTS vector");
  await pool.query(`CREATE TABLE IF NOT EXISTS ${GENERATIONS} (
    id bigserial PRIMARY KEY,
    state text NOT NULL DEFAULT 'loading' CHECK (state IN ('loading', 'ready')),
    manifest jsonb,
    articles jsonb,
    bm25_terms jsonb,
    bm25_params jsonb,
    bm25_offsets bytea,
    bm25_docs bytea,
    bm25_tfs bytea,
    bm25_lengths bytea,
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  // [article id, content hash] in corpus order: what the next ingest compares its corpus with.
  await pool.query(`ALTER TABLE ${GENERATIONS} ADD COLUMN IF NOT EXISTS article_hashes jsonb`);
  // Each zone with its article count ([{zone, articles}]), computed when the articles table is written.
  await pool.query(`ALTER TABLE ${GENERATIONS} ADD COLUMN IF NOT EXISTS zone_counts jsonb`);
  // When a generation stopped being current (null: it still is, or never was).
  await pool.query(`ALTER TABLE ${GENERATIONS} ADD COLUMN IF NOT EXISTS replaced_at timestamptz`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${CURRENT} (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation bigint NOT NULL REFERENCES ${GENERATIONS} (id),
    switched_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** The generation bots answer from, or null before the first ingest. */
export async function currentGeneration(pool: Pool): Promise<number | null> {
  if (!(await tableExists(pool, CURRENT))) return null;
  const { rows } = await pool.query(`SELECT generation FROM ${CURRENT}`);
  return rows[0] ? Number(rows[0].generation) : null;
}

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
}

/** Options of {@link ingestToPostgres}: `buildIndex`'s, with a pool in place of a folder. */
export interface PgIngestOptions extends Omit<BuildOptions, "dir"> {
  pool: Pool;
  /** Called with the new generation once its rows are in, before its HNSW index is built. */
  onLoaded?: (generation: number) => void | Promise<void>;
  /** Embed every passage again, reusing nothing of the current generation. */
  full?: boolean;
  /** Seconds a replaced generation older than the previous one is kept (default {@link RETAIN_SECONDS}). */
  retainSeconds?: number;
}

/** Another ingest holds the lock, or the corpus is empty: nothing was changed. */
export class PgStoreError extends Error {
  constructor(
    readonly code: "busy" | "no-index",
    message: string,
  ) {
    super(message);
    this.name = "PgStoreError";
  }
}

const asBytes = (a: Uint32Array | Uint16Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * Writes `corpus` as a new generation and makes it current: rows first (through PGVectorStore), then
 * the HNSW index (namespaced per generation: `createHnswIndex` otherwise gives every table the same
 * index name with IF NOT EXISTS, and the new table would silently get none), then the BM25 postings,
 * then the switch in one transaction with `pg_notify`. One ingest at a time (an advisory lock).
 */
export async function ingestToPostgres(opts: PgIngestOptions): Promise<PgIngestSummary> {
  const started = performance.now();
  const { pool, embeddings } = opts;
  await ensureSchema(pool);
  const lock = await pool.connect();
  try {
    const got = await lock.query("SELECT pg_try_advisory_lock($1) AS ok", [INGEST_LOCK]);
    if (got.rows[0]?.ok !== true)
      throw new PgStoreError("busy", "another ingest is writing to this database; try again when it ends");
    // Holding the lock, any generation still `loading` belongs to an ingest that died.
    const dropped = await dropGenerations(pool, "state = 'loading'");
    const { articles, passages, summaries, duplicateArticleIds } = chunkCorpus(opts.corpus);
    const hashes: [string, string][] = articles.map((a) => [a.id, articleHash(a)]);
    const previous = opts.full ? null : await reusableGeneration(pool, embeddings);
    if (previous && sameArticles(previous.hashes, hashes)) {
      // Nothing to write: the bots already answer from this corpus.
      return {
        generation: previous.generation,
        articles: articles.length,
        passages: passages.length,
        dimensions: previous.dimensions,
        loadMs: 0,
        indexMs: 0,
        buildMs: Math.round(performance.now() - started),
        duplicateArticleIds,
        dropped,
        unchanged: true,
        reused: passages.length,
        embedded: 0,
      };
    }
    const { rows } = await pool.query(`INSERT INTO ${GENERATIONS} DEFAULT VALUES RETURNING id`);
    const generation = Number(rows[0].id);
    const store = new PGVectorStore(embeddings, {
      pool,
      tableName: passagesTable(generation),
      chunkSize: 500,
    });

    const total = passages.length;
    let dimensions = previous?.dimensions ?? embeddings.dimensions ?? 0;
    // Passages of articles the current generation holds unchanged are copied from its table, vector
    // and all, inside the server (renumbered to their place in this corpus); only the rest are embedded.
    const copied = previous
      ? await copyUnchanged(pool, store, previous, generation, articles, hashes, summaries)
      : new Set<string>();
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
    await ensureDocIndex(pool, generation);
    const loadMs = performance.now() - started;
    await opts.onLoaded?.(generation);

    const hnsw: HnswParams = { ...DEFAULT_HNSW, efSearch: efSearchFor(total), ...opts.hnsw, space: "cosine" };
    const indexStarted = performance.now();
    await store.createHnswIndex({
      dimensions,
      m: hnsw.m,
      efConstruction: hnsw.efConstruction,
      namespace: passagesTable(generation),
    });
    // createHnswIndex logs a failure and returns: without this check the generation would go live unindexed.
    if (!(await indexExists(pool, hnswIndexName(generation))))
      throw new Error(`the HNSW index of generation ${generation} was not created`);
    const indexMs = performance.now() - indexStarted;

    const userWords = zoneWords(articles);
    const tokenizer = createTokenizer({ userWords });
    const bm25 = Bm25Index.build(
      (function* () {
        for (const p of passages) yield tokenizer.terms(lexicalText(p));
      })(),
    ).parts();
    const manifest: IndexManifest = {
      formatVersion: FORMAT_VERSION,
      embeddings: { id: embeddings.id, dimensions },
      hnsw,
      embeddedText: EMBEDDED_TEXT,
      userWords: tokenizer.userWords.slice(),
      corpus: { inputs: opts.inputs, files: opts.corpus.files },
      counts: { articles: articles.length, passages: total },
      // A generation is one table of its own: one segment, and no ledger file (the article hashes
      // the next ingest compares with are in the generation's row).
      segments: [passagesTable(generation)],
      segmentPassages: [total],
      ledger: "",
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
    };
    await writePostings(pool, generation, bm25);
    await writeArticles(pool, generation, summaries);
    // Only the document lengths stay in the row (each bot scores with them); the postings and the
    // articles are in tables of their own, read per question. The articles column and the
    // bm25_terms/offsets/docs/tfs columns are left empty.
    await pool.query(
      `UPDATE ${GENERATIONS} SET manifest = $2, bm25_params = $3, bm25_lengths = $4,
         article_hashes = $5 WHERE id = $1`,
      [
        generation,
        JSON.stringify(manifest),
        JSON.stringify({ k1: bm25.k1, b: bm25.b }),
        asBytes(bm25.lengths),
        JSON.stringify(hashes),
      ],
    );
    await switchTo(lock, generation);
    const kept = await pool.query(
      `SELECT id FROM ${GENERATIONS} WHERE state = 'ready' AND id <> $1 ORDER BY id DESC LIMIT $2`,
      [generation, KEEP_PREVIOUS],
    );
    const keep = [generation, ...kept.rows.map((r) => Number(r.id))];
    const retain = Math.max(0, Math.floor(opts.retainSeconds ?? RETAIN_SECONDS));
    dropped.push(
      ...(await dropGenerations(
        pool,
        `NOT (id = ANY('{${keep.join(",")}}'::bigint[]))
           AND (replaced_at IS NULL OR replaced_at <= now() - make_interval(secs => ${retain}))`,
      )),
    );
    return {
      generation,
      articles: articles.length,
      passages: total,
      dimensions,
      loadMs: Math.round(loadMs),
      indexMs: Math.round(indexMs),
      buildMs: Math.round(performance.now() - started),
      duplicateArticleIds,
      dropped,
      unchanged: false,
      reused: copied.size,
      embedded: fresh.length,
    };
  } finally {
    await lock.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    lock.release();
  }
}

/** The current generation, when the next one can copy its rows: same embeddings, same embedded text. */
interface Reusable {
  generation: number;
  dimensions: number;
  hashes: [string, string][];
}

async function reusableGeneration(pool: Pool, embeddings: IndexEmbeddings): Promise<Reusable | null> {
  const { rows } = await pool.query(
    `SELECT g.id, g.manifest, g.article_hashes FROM ${GENERATIONS} g JOIN ${CURRENT} c ON c.generation = g.id
     WHERE g.state = 'ready'`,
  );
  const row = rows[0];
  const manifest = row?.manifest as IndexManifest | undefined;
  if (!manifest || !Array.isArray(row.article_hashes)) return null;
  if (embeddingsMismatch("", manifest, embeddings) !== null || manifest.embeddedText !== EMBEDDED_TEXT)
    return null;
  return {
    generation: Number(row.id),
    dimensions: manifest.embeddings.dimensions,
    hashes: row.article_hashes,
  };
}

function sameArticles(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  return a.length === b.length && a.every(([id, hash], i) => b[i]?.[0] === id && b[i]?.[1] === hash);
}

/**
 * Copies into the new generation's table (created here) the rows of every passage whose article the
 * previous generation holds with the same hash, each renumbered to its document number in the new
 * corpus. Returns the ids of the passages copied.
 */
async function copyUnchanged(
  pool: Pool,
  store: PGVectorStore,
  previous: Reusable,
  generation: number,
  articles: readonly Article[],
  hashes: readonly [string, string][],
  summaries: readonly ArticleSummary[],
): Promise<Set<string>> {
  await store.ensureTableInDatabase(previous.dimensions);
  const before = new Map(previous.hashes);
  const ids: string[] = [];
  const docs: number[] = [];
  let doc = 0;
  articles.forEach((a, i) => {
    const summary = summaries[i] as ArticleSummary;
    const same = before.get(a.id) === hashes[i]?.[1];
    for (const pid of summary.passageIds) {
      if (same) {
        ids.push(pid);
        docs.push(doc);
      }
      doc++;
    }
  });
  if (ids.length === 0) return new Set();
  const { rows } = await pool.query(
    `INSERT INTO ${passagesTable(generation)} (id, text, metadata, embedding)
     SELECT o.id, o.text, jsonb_set(o.metadata, '{doc}', to_jsonb(m.doc)), o.embedding
       FROM ${passagesTable(previous.generation)} o
       JOIN unnest($1::text[], $2::int[]) AS m(pid, doc) ON o.metadata->>'passageId' = m.pid
     RETURNING metadata->>'passageId' AS pid`,
    [ids, docs],
  );
  return new Set(rows.map((r) => r.pid as string));
}

/**
 * Writes a generation's BM25 postings table, one row per term, in batches of about
 * {@link POSTINGS_BATCH} postings. Stored uncompressed (`EXTERNAL`): they are read on every question
 * and hardly compress.
 */
async function writePostings(pool: Pool, generation: number, bm25: Bm25Parts): Promise<void> {
  const table = postingsTable(generation);
  await pool.query(`CREATE TABLE ${table} (term text PRIMARY KEY, docs bytea NOT NULL, tfs bytea NOT NULL)`);
  await pool.query(
    `ALTER TABLE ${table} ALTER COLUMN docs SET STORAGE EXTERNAL, ALTER COLUMN tfs SET STORAGE EXTERNAL`,
  );
  const { terms, offsets, docs, tfs } = bm25;
  let batch: { terms: string[]; docs: Buffer[]; tfs: Buffer[] } = { terms: [], docs: [], tfs: [] };
  let size = 0;
  const flush = async () => {
    if (batch.terms.length === 0) return;
    await pool.query(
      `INSERT INTO ${table} (term, docs, tfs) SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[])`,
      [batch.terms, batch.docs, batch.tfs],
    );
    batch = { terms: [], docs: [], tfs: [] };
    size = 0;
  };
  for (let t = 0; t < terms.length; t++) {
    const from = offsets[t] as number;
    const to = offsets[t + 1] as number;
    batch.terms.push(terms[t] as string);
    batch.docs.push(asBytes(docs.subarray(from, to)));
    batch.tfs.push(asBytes(tfs.subarray(from, to)));
    size += to - from;
    if (size >= POSTINGS_BATCH) await flush();
  }
  await flush();
}

/**
 * Fills a generation's articles table (created here) from summaries given as a JSON array: `source`
 * is the SQL of that array (a parameter, or the generation row's old `articles` column), `$2` the
 * position of its first article and `$3` the BM25 document number of its first passage.
 */
function insertArticlesSql(generation: number, source: string): string {
  return `INSERT INTO ${articlesTable(generation)} (pos, id, zones, doc_start, summary)
    SELECT $2::int + e.ord::int - 1, e.v->>'id', ARRAY(SELECT jsonb_array_elements_text(e.v->'zones')),
      $3::int + coalesce(sum(jsonb_array_length(e.v->'passageIds')) OVER (ORDER BY e.ord
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int,
      e.v
    FROM jsonb_array_elements(${source}) WITH ORDINALITY AS e(v, ord)`;
}

async function createArticlesTable(db: Pool | PoolClient, generation: number): Promise<void> {
  await db.query(`CREATE TABLE ${articlesTable(generation)} (
    pos int PRIMARY KEY, id text NOT NULL UNIQUE, zones text[] NOT NULL, doc_start int NOT NULL,
    summary jsonb NOT NULL)`);
}

/** Indexes a filled articles table by zone (a zone page's articles) and stores the zone counts. */
async function finishArticlesTable(db: Pool | PoolClient, generation: number): Promise<void> {
  const table = articlesTable(generation);
  await db.query(`CREATE INDEX ${table}_zones_idx ON ${table} USING gin (zones)`);
  await db.query(`ANALYZE ${table}`);
  // An article naming a zone twice counts once, as the embedded store counts.
  await db.query(
    `UPDATE ${GENERATIONS} SET zone_counts = (
       SELECT coalesce(jsonb_agg(jsonb_build_object('zone', z, 'articles', n)), '[]'::jsonb)
         FROM (SELECT u.z, count(*)::int AS n FROM ${table} a
                 CROSS JOIN LATERAL (SELECT DISTINCT unnest(a.zones) AS z) u GROUP BY u.z) c)
     WHERE id = $1`,
    [generation],
  );
}

/** Writes a generation's articles table and zone counts, {@link ARTICLES_BATCH} summaries per INSERT. */
async function writeArticles(pool: Pool, generation: number, summaries: readonly ArticleSummary[]) {
  await createArticlesTable(pool, generation);
  let doc = 0;
  for (let start = 0; start < summaries.length; start += ARTICLES_BATCH) {
    const batch = summaries.slice(start, start + ARTICLES_BATCH);
    await pool.query(insertArticlesSql(generation, "$1::jsonb"), [JSON.stringify(batch), start, doc]);
    for (const a of batch) doc += a.passageIds.length;
  }
  await finishArticlesTable(pool, generation);
}

/**
 * Gives a generation written before articles had a table of their own (its article list one JSON
 * value in its row) that table, inside the server: the bot never holds the list. One bot does it
 * (an advisory lock per generation); the others wait and find the table made.
 */
async function articlesFromList(pool: Pool, generation: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, $2::int)", [ARTICLES_LOCK, generation]);
    if (!(await tableExists(client, articlesTable(generation)))) {
      // The database may predate the column too (its ingests ran older code).
      await client.query(`ALTER TABLE ${GENERATIONS} ADD COLUMN IF NOT EXISTS zone_counts jsonb`);
      await createArticlesTable(client, generation);
      await client.query(
        insertArticlesSql(generation, `(SELECT articles FROM ${GENERATIONS} WHERE id = $1)`),
        [generation, 0, 0],
      );
      await finishArticlesTable(client, generation);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

async function tableExists(db: Pool | PoolClient, table: string): Promise<boolean> {
  return (await db.query("SELECT to_regclass($1) AS t", [table])).rows[0]?.t !== null;
}

/** Whether the current schema has an index of this name. */
async function indexExists(db: Pool | PoolClient, name: string): Promise<boolean> {
  const found = await db.query(
    "SELECT 1 FROM pg_indexes WHERE indexname = $1 AND schemaname = current_schema()",
    [name],
  );
  return found.rowCount === 1;
}

/** Marks `generation` ready and current, and notifies listening bots, in one transaction. */
async function switchTo(client: PoolClient, generation: number): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(`UPDATE ${GENERATIONS} SET state = 'ready' WHERE id = $1`, [generation]);
    await client.query(
      `UPDATE ${GENERATIONS} SET replaced_at = now() WHERE id IN (SELECT generation FROM ${CURRENT})`,
    );
    await client.query(
      `INSERT INTO ${CURRENT} (singleton, generation) VALUES (true, $1)
       ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation, switched_at = now()`,
      [generation],
    );
    await client.query("SELECT pg_notify($1, $2)", [GENERATION_CHANNEL, String(generation)]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}

/** Drops the tables and rows of the generations matching `where` (never the current one). */
async function dropGenerations(pool: Pool, where: string): Promise<number[]> {
  const { rows } = await pool.query(
    `SELECT id FROM ${GENERATIONS} WHERE ${where}
       AND id NOT IN (SELECT generation FROM ${CURRENT}) ORDER BY id`,
  );
  const ids = rows.map((r) => Number(r.id));
  for (const id of ids) {
    await pool.query(`DROP TABLE IF EXISTS ${passagesTable(id)}, ${postingsTable(id)}, ${articlesTable(id)}`);
    await pool.query(`DELETE FROM ${GENERATIONS} WHERE id = $1`, [id]);
  }
  return ids;
}

/** A loaded generation: an index like the embedded store's, its nearest search done by pgvector. */
export interface PgLoadedIndex extends LoadedIndex {
  generation: number;
}

const corrupt = (generation: number, what: string): IndexError => ({
  code: "corrupt",
  message: `数据库中的索引第 ${generation} 代已损坏 (generation ${generation} is corrupt: ${what})；请运行 npm run ingest 重建`,
});

/** Passages of recent searches each loaded index keeps, so citations find them synchronously. */
const PASSAGE_CACHE = 2048;
/** Article summaries each loaded index keeps (the cited articles of recent answers). */
const ARTICLE_CACHE = 1024;
/** Vocabulary rows read per query at load (document frequencies): keeps the rows read at once small. */
const DF_PAGE = 20_000;

/** The name of the index on a passages table's BM25 document number. */
function docIndexName(generation: number): string {
  return `${passagesTable(generation)}_doc_idx`;
}

/**
 * Indexes a generation's passages by BM25 document number, as bots fetch the passages of each
 * question's hits. Generations written before bots fetched passages get it at their first load;
 * two bots creating it at once is harmless (the loser's error is ignored when the index exists).
 */
async function ensureDocIndex(pool: Pool, generation: number): Promise<void> {
  const name = docIndexName(generation);
  if (await indexExists(pool, name)) return;
  try {
    await pool.query(
      `CREATE INDEX IF NOT EXISTS ${name} ON ${passagesTable(generation)} (((metadata->>'doc')::int))`,
    );
    // Statistics on the new expression: without them the planner expects thousands of rows for 50
    // document numbers and scans the whole table (~100 ms at 100,000 passages instead of ~2).
    await pool.query(`ANALYZE ${passagesTable(generation)}`);
  } catch (e) {
    if (!(await indexExists(pool, name))) throw e;
  }
}

/** A passage row as stored: its text, and its metadata with its id and document number. */
function rowPassage(text: string, metadata: PassageMetadata): { doc: number; passage: Passage } {
  const { passageId, doc, ...rest } = metadata;
  return { doc, passage: { id: passageId, ...rest, text } };
}

/** `<article id>#<ordinal>` split, or null for an id of another shape. */
function splitPassageId(id: string): { article: string; ordinal: number } | null {
  const m = /^(.*)#(\d{1,9})$/s.exec(id);
  return m ? { article: m[1] as string, ordinal: Number(m[2]) } : null;
}

/**
 * The articles of a generation as its bots see them: the zone counts in memory, the summaries read
 * from its articles table (the last {@link ARTICLE_CACHE} fetched by id kept).
 */
function pgCatalog(pool: Pool, generation: number, zones: ZoneCount[]): ArticleCatalog {
  const table = articlesTable(generation);
  const recent = new LRUCache<string, ArticleSummary>({ max: ARTICLE_CACHE });
  return {
    zones,
    async loadArticles(ids) {
      const got = new Map<string, ArticleSummary>();
      const missing = new Set<string>();
      for (const id of ids) {
        const a = recent.get(id);
        if (a) got.set(id, a);
        else missing.add(id);
      }
      if (missing.size > 0) {
        const found = await pool.query(`SELECT summary FROM ${table} WHERE id = ANY($1::text[])`, [
          [...missing],
        ]);
        for (const { summary } of found.rows as { summary: ArticleSummary }[]) {
          got.set(summary.id, summary);
          recent.set(summary.id, summary);
        }
      }
      return ids.map((id) => got.get(id));
    },
    async zoneArticles(zone) {
      const found = await pool.query(
        `SELECT summary FROM ${table} WHERE zones @> ARRAY[$1::text] ORDER BY pos`,
        [zone],
      );
      return (found.rows as { summary: ArticleSummary }[]).map((r) => r.summary);
    },
  };
}

/**
 * Loads a generation (the current one by default) for answering: its zone counts, the BM25
 * document lengths and document frequencies into memory; the articles and passages stay in the
 * database, each search fetching the passages it returns (pgvector's rows carry them; BM25's hits
 * are fetched by document number), the last {@link PASSAGE_CACHE} kept for `passageById`. Nearest-neighbour search
 * goes through PGVectorStore on `pool`, every search on a connection whose `hnsw.ef_search` is at
 * least `minEfSearch` (the fusion depth).
 */
export async function loadPostgresIndex(
  pool: Pool,
  embeddings: IndexEmbeddings,
  opts: {
    generation?: number | undefined;
    minEfSearch: number;
    /** `hnsw.ef_search` above `minEfSearch` (STORE_EF_SEARCH); absent or null: `minEfSearch`. */
    efSearch?: number | null;
  },
): Promise<Result<PgLoadedIndex, IndexError>> {
  const generation = opts.generation;
  const gen = generation ?? (await currentGeneration(pool));
  if (gen === null)
    return err({
      code: "missing",
      message: "数据库里还没有索引 (no index in the database yet)：请先运行 STORE=postgres npm run ingest",
    });
  const { rows } = await pool.query(
    `SELECT state, manifest, articles IS NOT NULL AS has_list, bm25_params, bm25_lengths
       FROM ${GENERATIONS} WHERE id = $1`,
    [gen],
  );
  const row = rows[0];
  if (row?.state !== "ready") return err(corrupt(gen, "not a complete generation"));
  const manifest = row.manifest as IndexManifest;
  const mismatch = embeddingsMismatch(`generation ${gen}`, manifest, embeddings);
  if (mismatch) return err(mismatch);
  const bm25 = await remoteBm25(pool, gen, row.bm25_params, row.bm25_lengths);
  if (!bm25.ok) return err(corrupt(gen, bm25.error));
  const table = passagesTable(gen);
  const articles = articlesTable(gen);
  const count = manifest.counts.passages;
  if (!(await tableExists(pool, articles))) {
    // Written before articles had a table of their own: made from the row's list, once.
    if (row.has_list !== true) return err(corrupt(gen, `${articles} is missing`));
    await articlesFromList(pool, gen);
  }
  const counts = await pool.query(`SELECT zone_counts FROM ${GENERATIONS} WHERE id = $1`, [gen]);
  const zones = counts.rows[0]?.zone_counts as ZoneCount[] | null;
  if (!Array.isArray(zones)) return err(corrupt(gen, "its zone counts are missing"));
  // Document n is the n-th passage of the articles in order (as ingest numbered them): the last
  // article's passages end at the passage count.
  const listed = await pool.query(
    `SELECT (SELECT count(*)::int FROM ${articles}) AS n,
       (SELECT doc_start + jsonb_array_length(summary->'passageIds') FROM ${articles}
         ORDER BY pos DESC LIMIT 1) AS docs`,
  );
  const l = listed.rows[0] as { n: number; docs: number | null };
  if (l.n !== manifest.counts.articles || (l.docs ?? 0) !== count)
    return err(corrupt(gen, `${articles} does not hold the manifest's ${manifest.counts.articles} articles`));
  const counted = await pool.query(
    `SELECT count(*)::int AS n, count(DISTINCT (metadata->>'doc')::int)::int AS docs,
       min((metadata->>'doc')::int) AS lo, max((metadata->>'doc')::int) AS hi FROM ${table}`,
  );
  const c = counted.rows[0] as { n: number; docs: number; lo: number | null; hi: number | null };
  const complete = c.n === count && c.docs === count && (count === 0 || (c.lo === 0 && c.hi === count - 1));
  if (!complete) return err(corrupt(gen, `${table} does not hold the manifest's ${count} passages`));
  if (bm25.value.size !== count) return err(corrupt(gen, "BM25 postings do not match the passages"));
  await ensureDocIndex(pool, gen);

  // `docById` indexes the cached passages by id; a passage pushed out leaves it too.
  const docById = new Map<string, number>();
  const recent = new LRUCache<number, Passage>({
    max: PASSAGE_CACHE,
    dispose: (gone, doc, reason) => {
      if (reason === "evict" && docById.get(gone.id) === doc) docById.delete(gone.id);
    },
  });
  const remember = (doc: number, passage: Passage) => {
    recent.set(doc, passage);
    docById.set(passage.id, doc);
  };
  /**
   * Passages by id, not kept (a zone's page: they would push out the recent searches' passages).
   * An id's document number is its article's first plus its ordinal; the row's own id must match.
   */
  const passagesById = async (ids: readonly string[]): Promise<(Passage | undefined)[]> => {
    const got = new Map<string, Passage>();
    const want: { article: string; ordinal: number; id: string }[] = [];
    for (const id of new Set(ids)) {
      const doc = docById.get(id);
      const p = doc === undefined ? undefined : recent.peek(doc);
      const split = splitPassageId(id);
      if (p) got.set(id, p);
      else if (split) want.push({ ...split, id });
    }
    if (want.length > 0) {
      const found = await pool.query(
        `SELECT p.text, p.metadata FROM unnest($1::text[], $2::text[], $3::int[]) AS w(aid, pid, ord)
           JOIN ${articles} a ON a.id = w.aid
           JOIN ${table} p ON (p.metadata->>'doc')::int = a.doc_start + w.ord
             AND p.metadata->>'passageId' = w.pid`,
        [want.map((w) => w.article), want.map((w) => w.id), want.map((w) => w.ordinal)],
      );
      for (const r of found.rows as { text: string; metadata: PassageMetadata }[]) {
        const { passage } = rowPassage(r.text, r.metadata);
        got.set(passage.id, passage);
      }
    }
    return ids.map((id) => got.get(id));
  };
  const passagesAt = async (docs: readonly number[]): Promise<(Passage | undefined)[]> => {
    const got = new Map<number, Passage>();
    const missing: number[] = [];
    for (const d of docs) {
      const p = recent.peek(d);
      if (p) got.set(d, p);
      else if (d >= 0 && d < count) missing.push(d);
    }
    if (missing.length > 0) {
      const found = await pool.query(
        `SELECT text, metadata FROM ${table} WHERE (metadata->>'doc')::int = ANY($1::int[])`,
        [missing],
      );
      for (const r of found.rows as { text: string; metadata: PassageMetadata }[]) {
        const { doc, passage } = rowPassage(r.text, r.metadata);
        got.set(doc, passage);
      }
    }
    for (const [d, p] of got) remember(d, p);
    return docs.map((d) => got.get(d));
  };

  const store = new PGVectorStore(embeddings, {
    pool: withEfSearch(pool, pgEfSearch(opts.minEfSearch, opts.efSearch)),
    tableName: table,
    skipInitializationCheck: true,
  });
  const index = assembleIndex({
    manifest,
    // Only its length is read: the passages themselves are fetched per search.
    passages: new Array<Passage>(count),
    catalog: pgCatalog(pool, gen, sortZones(zones)),
    bm25: bm25.value,
    embeddings,
    byId: new Map(),
    passagesAt,
    async nearest(vector, k) {
      const found = await store.similaritySearchVectorWithScore(vector, k);
      return found.map(([row, distance]) => {
        const { doc, passage } = rowPassage(row.pageContent, row.metadata as PassageMetadata);
        remember(doc, passage);
        // pgvector's <=> is cosine distance, 1 − cos, as hnswlib's.
        return { passage, score: 1 - distance };
      });
    },
  });
  return ok({
    ...index,
    passageById: (id) => {
      const doc = docById.get(id);
      return doc === undefined ? undefined : recent.peek(doc);
    },
    loadPassages: passagesById,
    generation: gen,
  });
}

/**
 * BM25 over a generation's postings table: the vocabulary's document frequencies and the document
 * lengths in memory (a few MB at 100,000 passages), each question's postings read for its terms
 * only (`term = ANY`) and scored by the same {@link Bm25Scorer} as the embedded store's.
 */
async function remoteBm25(
  pool: Pool,
  generation: number,
  params: unknown,
  lengthBytes: Buffer | null,
): Promise<Result<LexicalIndex & { size: number }, string>> {
  const table = postingsTable(generation);
  const p = params as Partial<Bm25Params> | null;
  if (typeof p?.k1 !== "number" || typeof p?.b !== "number" || !lengthBytes)
    return err("BM25 parameters or document lengths missing");
  if (!(await tableExists(pool, table)))
    return err(`${table} is missing (a generation written before postings had a table of their own)`);
  // octet_length of an uncompressed out-of-line value is read from its pointer, not its bytes. Read
  // in pages: 200,000 rows at once would leave V8 holding their transient heap for good.
  const read: [string, number][] = [];
  for (let after: string | null = null; ; ) {
    const page: { rows: unknown[][] } = await pool.query({
      text: `SELECT term, octet_length(docs) / 4 AS df FROM ${table}
        ${after === null ? "" : "WHERE term > $2"} ORDER BY term LIMIT $1`,
      values: after === null ? [DF_PAGE] : [DF_PAGE, after],
      rowMode: "array",
    });
    for (const row of page.rows as [string, number][]) read.push(row);
    if (page.rows.length < DF_PAGE) break;
    after = (page.rows.at(-1) as [string, number])[0];
  }
  const dfs = TermCounts.of(read);
  read.length = 0;
  const lengths = typed(lengthBytes, Uint32Array);
  const scorer = new Bm25Scorer({ k1: p.k1, b: p.b }, lengths);
  return ok({
    size: lengths.length,
    docFreq: (term) => dfs.get(term),
    async search(terms, k) {
      // Distinct terms in query order, as Bm25Index.search takes them; unknown ones have no row.
      const wanted = [...new Set(terms)].filter((t) => dfs.has(t));
      if (wanted.length === 0 || k <= 0) return [];
      const found = await pool.query(`SELECT term, docs, tfs FROM ${table} WHERE term = ANY($1::text[])`, [
        wanted,
      ]);
      const byTerm = new Map(
        (found.rows as { term: string; docs: Buffer; tfs: Buffer }[]).map((r) => [r.term, r]),
      );
      const postings: TermPostings[] = [];
      for (const term of wanted) {
        const r = byTerm.get(term);
        if (r === undefined) throw new Error(`${table} lost the postings of a term`);
        postings.push({
          df: dfs.get(term),
          docs: typed(r.docs, Uint32Array),
          tfs: typed(r.tfs, Uint16Array),
        });
      }
      return scorer.score(postings, k);
    },
  });
}

/**
 * Counts by term, compactly: the terms sorted (by UTF-16 code unit) and joined in one string, with
 * their start offsets and counts in typed arrays. A vocabulary of 214,084 terms takes ~3 MB this way
 * against ~12 MB of live heap as a Map; a lookup is a binary search (~18 comparisons).
 */
export class TermCounts {
  private constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
    private readonly counts: Uint32Array,
  ) {}

  static of(entries: readonly (readonly [string, number])[]): TermCounts {
    const sorted = entries.slice().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const starts = new Uint32Array(sorted.length + 1);
    const counts = new Uint32Array(sorted.length);
    sorted.forEach(([term, count], i) => {
      starts[i + 1] = (starts[i] as number) + term.length;
      counts[i] = count;
    });
    return new TermCounts(sorted.map(([term]) => term).join(""), starts, counts);
  }

  get size(): number {
    return this.counts.length;
  }

  /** The count of `term`, 0 when it is not there. */
  get(term: string): number {
    let lo = 0;
    let hi = this.counts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(term, mid);
      if (c === 0) return this.counts[mid] as number;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return 0;
  }

  has(term: string): boolean {
    return this.get(term) > 0;
  }

  /** `term` against the i-th stored term, by UTF-16 code unit as `<` orders strings. */
  private compare(term: string, i: number): number {
    const from = this.starts[i] as number;
    const len = (this.starts[i + 1] as number) - from;
    const n = Math.min(term.length, len);
    for (let k = 0; k < n; k++) {
      const d = term.charCodeAt(k) - this.text.charCodeAt(from + k);
      if (d !== 0) return d;
    }
    return term.length - len;
  }
}

/**
 * `b`'s bytes as a typed array: a view when `b` is aligned for it, else an aligned copy
 * (node-postgres's Buffers are slices of the message they arrived in).
 */
function typed<T extends Uint32Array | Uint16Array>(
  b: Buffer,
  Ctor: { new (buf: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Ctor.BYTES_PER_ELEMENT;
  if (b.byteOffset % size === 0) return new Ctor(b.buffer, b.byteOffset, Math.floor(b.byteLength / size));
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return new Ctor(out, 0, Math.floor(b.byteLength / size));
}

/** The `hnsw.ef_search` each pooled connection was last set to. */
const efOf = new WeakMap<PoolClient, number>();

/**
 * The pool as PGVectorStore's searches use it (`query` only), each query on a connection whose
 * `hnsw.ef_search` is `ef`: set once per connection, and again only when a generation with another
 * ef is searched on it. pgvector's default (40) caps a `LIMIT 50` search at 40 rows.
 */
function withEfSearch(pool: Pool, ef: number): Pool {
  const query = async (text: string, values?: unknown[]) => {
    const client = await pool.connect();
    try {
      if (efOf.get(client) !== ef) {
        await client.query(`SET hnsw.ef_search = ${Math.floor(ef)}`);
        efOf.set(client, ef);
      }
      return await client.query(text, values);
    } finally {
      client.release();
    }
  };
  return { query } as unknown as Pool;
}

/** Watches for a switch of the current generation. */
export interface GenerationWatcher {
  /** Checks now (also done every `intervalMs`, and on a notification where LISTEN works). */
  check(): Promise<void>;
  /** Resolves true once LISTEN is in place, false if it could not be (polling still runs). */
  listening: Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Calls `onChange` with the new generation whenever `gaoxin_current` moves off `current`: polled
 * every `intervalMs`, and at once on a `pg_notify` where the server delivers it to this connection.
 * One `onChange` at a time; a failed one is retried at the next check.
 */
export function watchGenerations(opts: {
  pool: Pool;
  current: number;
  intervalMs: number;
  onChange: (generation: number) => Promise<boolean>;
  onError: (error: unknown) => void;
}): GenerationWatcher {
  let current = opts.current;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let listener: PoolClient | null = null;
  const run = async () => {
    do {
      again = false;
      try {
        const gen = await currentGeneration(opts.pool);
        if (gen !== null && gen !== current && !stopped && (await opts.onChange(gen))) current = gen;
      } catch (error) {
        opts.onError(error);
      }
    } while (again && !stopped);
  };
  const check = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void check(), opts.intervalMs);
  timer.unref();
  const listening = (async () => {
    try {
      listener = await opts.pool.connect();
      listener.on("notification", () => void check());
      listener.on("error", opts.onError);
      await listener.query(`LISTEN ${GENERATION_CHANNEL}`);
      if (stopped) listener.release(true);
      return !stopped;
    } catch (error) {
      opts.onError(error);
      return false;
    }
  })();
  return {
    check,
    listening,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      listener?.release(true);
      listener = null;
    },
  };
}
