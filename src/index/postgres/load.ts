import { LRUCache } from "lru-cache";
import { err, ok, type Result } from "../../result.js";
import { type ArticleCatalog, sortZones } from "../articles.js";
import type { IndexEmbeddings } from "../build.js";
import { assembleIndex, embeddingsMismatch, type LoadedIndex } from "../load.js";
import type { IndexError } from "../manifest.js";
import type { ArticleSummary, Passage, ZoneCount } from "../types.js";
import { remoteBm25 } from "./bm25.js";
import type { PgDb } from "./db.js";
import { readGeneration } from "./generations.js";
import type { PassageMetadata } from "./ingest.js";
import { articlesTable, currentGeneration, passagesTable } from "./schema.js";

/** A loaded generation: an index like the embedded store's, its nearest search done by pgvector. */
export interface PgLoadedIndex extends LoadedIndex {
  generation: number;
}

/** Passages of recent searches each loaded index keeps, so citations find them synchronously. */
const PASSAGE_CACHE = 2048;
/** Article summaries each loaded index keeps (the cited articles of recent answers). */
const ARTICLE_CACHE = 1024;

/** pgvector's own `hnsw.ef_search`: no search here runs with less. */
const PGVECTOR_EF_SEARCH = 40;

/**
 * `hnsw.ef_search` for a search of the `k` nearest: `k` (pgvector returns at most ef_search rows
 * whatever the LIMIT; never below its default, 40) unless STORE_EF_SEARCH raises it, capped at
 * pgvector's maximum of 1,000. Not the embedded store's recall-tuned ef (800 at 100,000 passages):
 * answers lean on BM25, and CMRC dev pooled among 100,000 passages scored no lower at ef 50 (the
 * fusion depth) than at 800 (docs/scale-out.md), at a fifth of the time per question.
 */
export function pgEfSearch(k: number, override?: number | null): number {
  return Math.min(1000, Math.max(k, PGVECTOR_EF_SEARCH, override ?? 0));
}

const corrupt = (generation: number, what: string): IndexError => ({
  code: "corrupt",
  message: `数据库中的索引第 ${generation} 代已损坏 (generation ${generation} is corrupt: ${what})；请运行 npm run ingest 重建`,
});

/** The message of a database that holds no generation yet. */
export const NO_GENERATION =
  "数据库里还没有索引 (no index in the database yet)：请先运行 STORE=postgres npm run ingest";

/**
 * Loads a generation (the current one by default) for answering: its zone counts, the BM25
 * document lengths and document frequencies into memory; the articles and passages stay in the
 * database, each search fetching the passages it returns (pgvector's rows carry them; BM25's hits
 * are fetched by document number), the last {@link PASSAGE_CACHE} kept for `passageById`.
 * Nearest-neighbour search runs on connections whose `hnsw.ef_search` is {@link pgEfSearch}.
 */
export async function loadPostgresIndex(
  db: PgDb,
  embeddings: IndexEmbeddings,
  opts: {
    generation?: number | undefined;
    /** `hnsw.ef_search` above the number of nearest passages asked for (STORE_EF_SEARCH). */
    efSearch?: number | null;
  } = {},
): Promise<Result<PgLoadedIndex, IndexError>> {
  const gen = opts.generation ?? (await currentGeneration(db));
  if (gen === null) return err({ code: "missing", message: NO_GENERATION });
  const row = await readGeneration(db, gen);
  if (row?.state !== "ready" || !row.manifest) return err(corrupt(gen, "not a complete generation"));
  const manifest = row.manifest;
  const mismatch = embeddingsMismatch(`generation ${gen}`, manifest, embeddings);
  if (mismatch) return err(mismatch);
  const bm25 = await remoteBm25(db, gen, row.bm25_params, row.bm25_lengths);
  if (!bm25.ok) return err(corrupt(gen, bm25.error));
  const count = manifest.counts.passages;
  if (!Array.isArray(row.zone_counts)) return err(corrupt(gen, "its zone counts are missing"));
  const checked = await checkTables(db, gen, manifest.counts);
  if (checked !== null) return err(corrupt(gen, checked));
  if (bm25.value.size !== count) return err(corrupt(gen, "BM25 postings do not match the passages"));

  const passages = passageReader(db, gen, count);
  const table = db.t(passagesTable(gen));
  const index = assembleIndex({
    manifest,
    // Only its length is read: the passages themselves are fetched per search.
    passages: new Array<Passage>(count),
    catalog: pgCatalog(db, gen, sortZones(row.zone_counts)),
    bm25: bm25.value,
    embeddings,
    byId: new Map(),
    passagesAt: passages.at,
    async nearest(vector, k) {
      // Written through LangChain's PGVectorStore, read here: its search runs on any pooled
      // connection, and this one must run where `hnsw.ef_search` is set (and needs no vectors back).
      const found = await db.searchRows<{ text: string; metadata: PassageMetadata; _distance: number }>(
        pgEfSearch(k, opts.efSearch),
        `SELECT text, metadata, embedding <=> $1 AS _distance FROM ${table} ORDER BY _distance ASC LIMIT $2`,
        [`[${vector.join(",")}]`, k],
      );
      return found.map((r) => {
        const { doc, passage } = rowPassage(r.text, r.metadata);
        passages.remember(doc, passage);
        // pgvector's <=> is cosine distance, 1 − cos, as hnswlib's.
        return { passage, score: 1 - r._distance };
      });
    },
  });
  return ok({
    ...index,
    passageById: passages.byId,
    loadPassages: passages.load,
    generation: gen,
  });
}

/**
 * Checks that the generation's tables hold what its manifest counts: its articles (their document
 * numbers ending at the passage count) and its passages numbered 0 to count − 1. Null when they do.
 */
async function checkTables(
  db: PgDb,
  gen: number,
  counts: { articles: number; passages: number },
): Promise<string | null> {
  const name = articlesTable(gen);
  if (!(await db.tableExists(name))) return `${name} is missing`;
  const articles = db.t(name);
  // Document n is the n-th passage of the articles in order (as ingest numbered them): the last
  // article's passages end at the passage count.
  const [l] = await db.rows<{ n: number; docs: number | null }>(
    `SELECT (SELECT count(*)::int FROM ${articles}) AS n,
       (SELECT doc_start + jsonb_array_length(summary->'passageIds') FROM ${articles}
         ORDER BY pos DESC LIMIT 1) AS docs`,
  );
  if (l?.n !== counts.articles || (l.docs ?? 0) !== counts.passages)
    return `${name} does not hold the manifest's ${counts.articles} articles`;
  const [c] = await db.rows<{ n: number; docs: number; lo: number | null; hi: number | null }>(
    `SELECT count(*)::int AS n, count(DISTINCT (metadata->>'doc')::int)::int AS docs,
       min((metadata->>'doc')::int) AS lo, max((metadata->>'doc')::int) AS hi FROM ${db.t(passagesTable(gen))}`,
  );
  const count = counts.passages;
  const complete = c?.n === count && c.docs === count && (count === 0 || (c.lo === 0 && c.hi === count - 1));
  return complete ? null : `${passagesTable(gen)} does not hold the manifest's ${count} passages`;
}

/**
 * A generation's passages as bots read them: by document number (BM25's hits, kept) and by id
 * (citations, the passage view, zone pages: not kept, they would push out the recent searches'),
 * with the last {@link PASSAGE_CACHE} of searches at hand synchronously for `passageById`.
 */
function passageReader(db: PgDb, gen: number, count: number) {
  const table = db.t(passagesTable(gen));
  const articles = db.t(articlesTable(gen));
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
  return {
    remember,
    byId(id: string): Passage | undefined {
      const doc = docById.get(id);
      return doc === undefined ? undefined : recent.peek(doc);
    },
    /** An id's document number is its article's first plus its ordinal; the row's own id must match. */
    async load(ids: readonly string[]): Promise<(Passage | undefined)[]> {
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
        const found = await db.rows<{ text: string; metadata: PassageMetadata }>(
          `SELECT p.text, p.metadata FROM unnest($1::text[], $2::text[], $3::int[]) AS w(aid, pid, ord)
             JOIN ${articles} a ON a.id = w.aid
             JOIN ${table} p ON (p.metadata->>'doc')::int = a.doc_start + w.ord
               AND p.metadata->>'passageId' = w.pid`,
          [want.map((w) => w.article), want.map((w) => w.id), want.map((w) => w.ordinal)],
        );
        for (const r of found) {
          const { passage } = rowPassage(r.text, r.metadata);
          got.set(passage.id, passage);
        }
      }
      return ids.map((id) => got.get(id));
    },
    async at(docs: readonly number[]): Promise<(Passage | undefined)[]> {
      const got = new Map<number, Passage>();
      const missing: number[] = [];
      for (const d of docs) {
        const p = recent.peek(d);
        if (p) got.set(d, p);
        else if (d >= 0 && d < count) missing.push(d);
      }
      if (missing.length > 0) {
        const found = await db.rows<{ text: string; metadata: PassageMetadata }>(
          `SELECT text, metadata FROM ${table} WHERE (metadata->>'doc')::int = ANY($1::int[])`,
          [missing],
        );
        for (const r of found) {
          const { doc, passage } = rowPassage(r.text, r.metadata);
          got.set(doc, passage);
        }
      }
      for (const [d, p] of got) remember(d, p);
      return docs.map((d) => got.get(d));
    },
  };
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
function pgCatalog(db: PgDb, generation: number, zones: ZoneCount[]): ArticleCatalog {
  const table = db.t(articlesTable(generation));
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
        const found = await db.rows<{ summary: ArticleSummary }>(
          `SELECT summary FROM ${table} WHERE id = ANY($1::text[])`,
          [[...missing]],
        );
        for (const { summary } of found) {
          got.set(summary.id, summary);
          recent.set(summary.id, summary);
        }
      }
      return ids.map((id) => got.get(id));
    },
    async zoneArticles(zone) {
      const found = await db.rows<{ summary: ArticleSummary }>(
        `SELECT summary FROM ${table} WHERE zones @> ARRAY[$1::text] ORDER BY pos`,
        [zone],
      );
      return found.map((r) => r.summary);
    },
  };
}
