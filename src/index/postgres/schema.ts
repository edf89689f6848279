import { readMigrationFiles } from "../../migrations.js";
import { type PgDb, quoteIdent } from "./db.js";

/**
 * The PostgreSQL store's tables. Bookkeeping: `gaoxin_generations` (one row per generation,
 * `loading` until complete: its manifest, BM25 parameters and document lengths, article hashes,
 * zone counts) and `gaoxin_current` (the one row naming the generation bots answer from). Each
 * generation's data is in tables of its own, named by its number. The bookkeeping tables' shape is
 * set by the numbered files in `migrations/`, applied once per schema.
 */

/** Generations: one row each, `loading` until complete. */
export const GENERATIONS = "gaoxin_generations";
/** The one row naming the generation bots answer from. */
export const CURRENT = "gaoxin_current";
/** The migrations applied to this schema. */
const MIGRATIONS = "gaoxin_schema_migrations";
/** `pg_notify` channel announcing a switch (payload: the generation id). */
export const GENERATION_CHANNEL = "gaoxin_generation";

/** The name of a generation's passages table (and, with `_`, the prefix of its indexes). */
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

/** What pgvector's `createHnswIndex` names the index when given the generation's namespace. */
export function hnswIndexName(generation: number): string {
  return `${passagesTable(generation)}_embedding_embedding_hnsw_idx`;
}

/** The name of the index on a passages table's BM25 document number. */
export function docIndexName(generation: number): string {
  return `${passagesTable(generation)}_doc_idx`;
}

/** The versioned schema files, applied in name order (`001_…sql`, `002_…sql`). */
const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);

/** A migration file's text refers to the store's schema as `@schema@`. */
const SCHEMA_TOKEN = /@schema@/g;

/** First key of the advisory lock each migration is applied under (the second: the schema's hash). */
const MIGRATE_LOCK = 0x6761_6f6d;

/**
 * Brings the store's schema to the current layout: creates the schema when `create` (an ingest;
 * a bot only reads), then applies each migration not yet recorded, in its own transaction under an
 * advisory lock, checking again inside it, so that bots and an ingest starting at once apply each
 * exactly once. A database of the layout before migrations (its tables made by older code) is
 * brought up to date by the same files. Returns the versions applied.
 */
export async function migrate(db: PgDb, opts: { create: boolean }): Promise<number[]> {
  const schema = quoteIdent(db.schema);
  if (opts.create) await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  else if (!(await db.tableExists(GENERATIONS))) return [];
  await db.run(`CREATE TABLE IF NOT EXISTS ${db.t(MIGRATIONS)} (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of readMigrationFiles(MIGRATIONS_DIR)) {
    const done = await db.rows(`SELECT 1 FROM ${db.t(MIGRATIONS)} WHERE version = $1`, [m.version]);
    if (done.length > 0) continue;
    await db.transaction(async (tx) => {
      await tx.run("SELECT pg_advisory_xact_lock($1, hashtext($2))", [MIGRATE_LOCK, db.schema]);
      const again = await tx.rows(`SELECT 1 FROM ${db.t(MIGRATIONS)} WHERE version = $1`, [m.version]);
      if (again.length > 0) return;
      await tx.run(m.sql.replace(SCHEMA_TOKEN, schema));
      await tx.run(`INSERT INTO ${db.t(MIGRATIONS)} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}

/** The generation bots answer from, or null before the first ingest. */
export async function currentGeneration(db: PgDb): Promise<number | null> {
  if (!(await db.tableExists(CURRENT))) return null;
  const [row] = await db.rows<{ generation: string }>(`SELECT generation FROM ${db.t(CURRENT)}`);
  return row ? Number(row.generation) : null;
}
