import type { Bm25Params } from "../bm25.js";
import { EMBEDDED_TEXT, type IndexEmbeddings } from "../build.js";
import { embeddingsMismatch } from "../load.js";
import type { IndexManifest } from "../manifest.js";
import type { ZoneCount } from "../types.js";
import type { PgDb, Sql } from "./db.js";
import {
  articlesTable,
  CURRENT,
  GENERATION_CHANNEL,
  GENERATIONS,
  passagesTable,
  postingsTable,
} from "./schema.js";

/**
 * The life of a generation in `gaoxin_generations`: created `loading`, filled, switched to (ready and
 * current, in one transaction that notifies bots), dropped once no bot can still be reading it.
 */

/** A generation's row as bots read it. */
export interface GenerationRow {
  state: "loading" | "ready";
  manifest: IndexManifest | null;
  bm25_params: Partial<Bm25Params> | null;
  bm25_lengths: Buffer | null;
  zone_counts: ZoneCount[] | null;
}

/** A new, empty generation (`loading`): its number. */
export async function createGeneration(db: PgDb): Promise<number> {
  const [row] = await db.rows<{ id: string }>(`INSERT INTO ${db.t(GENERATIONS)} DEFAULT VALUES RETURNING id`);
  if (!row) throw new Error("no generation number returned");
  return Number(row.id);
}

/** What a complete generation's row holds besides its tables. */
export interface GenerationFacts {
  manifest: IndexManifest;
  bm25: Bm25Params;
  lengths: Buffer;
  hashes: readonly (readonly [string, string])[];
}

/** Writes a generation's manifest, BM25 parameters and lengths, and article hashes into its row. */
export async function recordGeneration(db: PgDb, generation: number, facts: GenerationFacts): Promise<void> {
  await db.run(
    `UPDATE ${db.t(GENERATIONS)} SET manifest = $2, bm25_params = $3, bm25_lengths = $4, article_hashes = $5
     WHERE id = $1`,
    [
      generation,
      JSON.stringify(facts.manifest),
      JSON.stringify({ k1: facts.bm25.k1, b: facts.bm25.b }),
      facts.lengths,
      JSON.stringify(facts.hashes),
    ],
  );
}

/** A generation's row, or undefined when there is none of that number. */
export async function readGeneration(db: PgDb, generation: number): Promise<GenerationRow | undefined> {
  const [row] = await db.rows<GenerationRow>(
    `SELECT state, manifest, bm25_params, bm25_lengths, zone_counts FROM ${db.t(GENERATIONS)} WHERE id = $1`,
    [generation],
  );
  return row;
}

/** Marks `generation` ready and current, and notifies listening bots, in one transaction. */
export async function switchTo(tx: Sql, db: PgDb, generation: number): Promise<void> {
  await tx.run(`UPDATE ${db.t(GENERATIONS)} SET state = 'ready' WHERE id = $1`, [generation]);
  await tx.run(
    `UPDATE ${db.t(GENERATIONS)} SET replaced_at = now() WHERE id IN (SELECT generation FROM ${db.t(CURRENT)})`,
  );
  await tx.run(
    `INSERT INTO ${db.t(CURRENT)} (singleton, generation) VALUES (true, $1)
     ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation, switched_at = now()`,
    [generation],
  );
  await tx.run("SELECT pg_notify($1, $2)", [GENERATION_CHANNEL, String(generation)]);
}

/** Generations an ingest left `loading` (it died): only safe to call holding the ingest lock. */
export async function abandonedGenerations(db: PgDb): Promise<number[]> {
  const rows = await db.rows<{ id: string }>(
    `SELECT id FROM ${db.t(GENERATIONS)} WHERE state = 'loading'
       AND id NOT IN (SELECT generation FROM ${db.t(CURRENT)}) ORDER BY id`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Ready generations no bot needs any more: all but the current one and the `keepPrevious` before
 * it, and of those only the ones replaced at least `retainSeconds` ago (a bot that has not yet seen
 * two quick ingests still answers from its generation, and switches at its next check).
 */
export async function expiredGenerations(
  db: PgDb,
  opts: { keepPrevious: number; retainSeconds: number },
): Promise<number[]> {
  const rows = await db.rows<{ id: string }>(
    `SELECT id FROM ${db.t(GENERATIONS)} g
     WHERE g.state = 'ready'
       AND g.id NOT IN (SELECT generation FROM ${db.t(CURRENT)})
       AND g.id NOT IN (SELECT id FROM ${db.t(GENERATIONS)} WHERE state = 'ready'
                          AND id NOT IN (SELECT generation FROM ${db.t(CURRENT)})
                        ORDER BY id DESC LIMIT $1)
       AND (g.replaced_at IS NULL OR g.replaced_at <= now() - make_interval(secs => $2))
     ORDER BY id`,
    [opts.keepPrevious, opts.retainSeconds],
  );
  return rows.map((r) => Number(r.id));
}

/** Drops the tables and rows of `generations`, never the current one; returns those dropped. */
export async function dropGenerations(db: PgDb, generations: readonly number[]): Promise<number[]> {
  const current = await db.rows<{ generation: string }>(`SELECT generation FROM ${db.t(CURRENT)}`);
  const live = new Set(current.map((r) => Number(r.generation)));
  const dropped: number[] = [];
  for (const id of generations) {
    if (live.has(id)) continue;
    const tables = [passagesTable(id), postingsTable(id), articlesTable(id)].map((t) => db.t(t));
    await db.run(`DROP TABLE IF EXISTS ${tables.join(", ")}`);
    await db.run(`DELETE FROM ${db.t(GENERATIONS)} WHERE id = $1`, [id]);
    dropped.push(id);
  }
  return dropped;
}

/** The current generation, when the next one can copy its rows: same embeddings, same embedded text. */
export interface Reusable {
  generation: number;
  dimensions: number;
  hashes: [string, string][];
}

/** The current generation if the next ingest can copy rows from it, else null. */
export async function reusableGeneration(db: PgDb, embeddings: IndexEmbeddings): Promise<Reusable | null> {
  const [row] = await db.rows<{ id: string; manifest: IndexManifest | null; article_hashes: unknown }>(
    `SELECT g.id, g.manifest, g.article_hashes FROM ${db.t(GENERATIONS)} g
       JOIN ${db.t(CURRENT)} c ON c.generation = g.id WHERE g.state = 'ready'`,
  );
  const manifest = row?.manifest;
  if (!row || !manifest || !Array.isArray(row.article_hashes)) return null;
  if (embeddingsMismatch("", manifest, embeddings) !== null || manifest.embeddedText !== EMBEDDED_TEXT)
    return null;
  return {
    generation: Number(row.id),
    dimensions: manifest.embeddings.dimensions,
    hashes: row.article_hashes as [string, string][],
  };
}

/** The manifest of the current generation, or null before the first ingest. */
export async function currentManifest(db: PgDb): Promise<IndexManifest | null> {
  if (!(await db.tableExists(CURRENT))) return null;
  const [row] = await db.rows<{ manifest: IndexManifest | null }>(
    `SELECT g.manifest FROM ${db.t(GENERATIONS)} g JOIN ${db.t(CURRENT)} c ON c.generation = g.id`,
  );
  return row?.manifest ?? null;
}
