import type { Article } from "../../corpus/types.js";
import type { Bm25Parts } from "../bm25.js";
import type { ArticleSummary } from "../types.js";
import { asBytes } from "./bm25.js";
import { type PgDb, quoteIdent } from "./db.js";
import type { Reusable } from "./generations.js";
import { articlesTable, docIndexName, GENERATIONS, passagesTable, postingsTable } from "./schema.js";

/** The tables of a generation besides its passages' (which LangChain's PGVectorStore writes). */

/** Postings (documents) written per INSERT: ~3 MB of bytea. */
const POSTINGS_BATCH = 500_000;
/** Article summaries written per INSERT (one JSON parameter). */
const ARTICLES_BATCH = 5_000;

/**
 * Copies into the new generation's passages table the rows of every passage whose article the
 * previous generation holds with the same hash, vector and all, inside the server, each renumbered to
 * its document number in the new corpus. Returns the ids of the passages copied.
 */
export async function copyUnchanged(
  db: PgDb,
  previous: Reusable,
  generation: number,
  articles: readonly Article[],
  hashes: readonly (readonly [string, string])[],
  summaries: readonly ArticleSummary[],
): Promise<Set<string>> {
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
  const rows = await db.rows<{ pid: string }>(
    `INSERT INTO ${db.t(passagesTable(generation))} (id, text, metadata, embedding)
     SELECT o.id, o.text, jsonb_set(o.metadata, '{doc}', to_jsonb(m.doc)), o.embedding
       FROM ${db.t(passagesTable(previous.generation))} o
       JOIN unnest($1::text[], $2::int[]) AS m(pid, doc) ON o.metadata->>'passageId' = m.pid
     RETURNING metadata->>'passageId' AS pid`,
    [ids, docs],
  );
  return new Set(rows.map((r) => r.pid));
}

/**
 * Indexes a generation's passages by BM25 document number, as bots fetch the passages of each
 * question's hits by it, with statistics on the expression: without them the planner expects
 * thousands of rows for 50 document numbers and scans the whole table (~100 ms at 100,000 passages
 * instead of ~2).
 */
export async function indexDocNumbers(db: PgDb, generation: number): Promise<void> {
  const table = db.t(passagesTable(generation));
  await db.run(
    `CREATE INDEX ${quoteIdent(docIndexName(generation))} ON ${table} (((metadata->>'doc')::int))`,
  );
  await db.run(`ANALYZE ${table}`);
}

/**
 * Writes a generation's BM25 postings table, one row per term, in batches of about
 * {@link POSTINGS_BATCH} postings. Stored uncompressed (`EXTERNAL`): they are read on every question
 * and hardly compress.
 */
export async function writePostings(db: PgDb, generation: number, bm25: Bm25Parts): Promise<void> {
  const table = db.t(postingsTable(generation));
  await db.run(`CREATE TABLE ${table} (term text PRIMARY KEY, docs bytea NOT NULL, tfs bytea NOT NULL)`);
  await db.run(
    `ALTER TABLE ${table} ALTER COLUMN docs SET STORAGE EXTERNAL, ALTER COLUMN tfs SET STORAGE EXTERNAL`,
  );
  const { terms, offsets, docs, tfs } = bm25;
  let batch: { terms: string[]; docs: Buffer[]; tfs: Buffer[] } = { terms: [], docs: [], tfs: [] };
  let size = 0;
  const flush = async () => {
    if (batch.terms.length === 0) return;
    await db.run(
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
 * Writes a generation's articles table (one row per article in corpus order, with its first BM25
 * document number), {@link ARTICLES_BATCH} summaries per INSERT; indexes it by zone (a zone page's
 * articles) and stores the zone counts in the generation's row (an article naming a zone twice
 * counts once, as the embedded store counts).
 */
export async function writeArticles(
  db: PgDb,
  generation: number,
  summaries: readonly ArticleSummary[],
): Promise<void> {
  const name = articlesTable(generation);
  const table = db.t(name);
  await db.run(`CREATE TABLE ${table} (
    pos int PRIMARY KEY, id text NOT NULL UNIQUE, zones text[] NOT NULL, doc_start int NOT NULL,
    summary jsonb NOT NULL)`);
  let doc = 0;
  for (let start = 0; start < summaries.length; start += ARTICLES_BATCH) {
    const batch = summaries.slice(start, start + ARTICLES_BATCH);
    await db.run(
      `INSERT INTO ${table} (pos, id, zones, doc_start, summary)
       SELECT $2::int + e.ord::int - 1, e.v->>'id', ARRAY(SELECT jsonb_array_elements_text(e.v->'zones')),
         $3::int + coalesce(sum(jsonb_array_length(e.v->'passageIds')) OVER (ORDER BY e.ord
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int,
         e.v
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, ord)`,
      [JSON.stringify(batch), start, doc],
    );
    for (const a of batch) doc += a.passageIds.length;
  }
  await db.run(`CREATE INDEX ${quoteIdent(`${name}_zones_idx`)} ON ${table} USING gin (zones)`);
  await db.run(`ANALYZE ${table}`);
  await db.run(
    `UPDATE ${db.t(GENERATIONS)} SET zone_counts = (
       SELECT coalesce(jsonb_agg(jsonb_build_object('zone', z, 'articles', n)), '[]'::jsonb)
         FROM (SELECT u.z, count(*)::int AS n FROM ${table} a
                 CROSS JOIN LATERAL (SELECT DISTINCT unnest(a.zones) AS z) u GROUP BY u.z) c)
     WHERE id = $1`,
    [generation],
  );
}
