import pg from "pg";
import { openPostgresService, type StoreLogger } from "../answer/open-postgres.js";
import { DEFAULT_FUSION } from "../answer/retrieve.js";
import { type AnswerServiceOptions, createAnswerService } from "../answer/service.js";
import type { SwappableService } from "../answer/swappable.js";
import type { AnswerService } from "../answer/types.js";
import { loadStoreConfig, type StoreConfig } from "../config.js";
import type { IndexEmbeddings } from "../index/build.js";
import { loadPostgresIndex } from "../index/postgres.js";
import { orExit } from "./common.js";

/**
 * Connections per process: a search holds one for a few milliseconds; the bot answers 4 at a time
 * by default (MAX_CONCURRENT_ANSWERS), keeps one for LISTEN, and may be loading a new generation.
 */
const PG_POOL_SIZE = 8;

/**
 * The PostgreSQL pool of an entry point, for `STORE=postgres`. An idle connection the server drops
 * is reported, not fatal (node-postgres would otherwise crash the process on it).
 */
export function createPgPool(
  databaseUrl: string,
  opts: { max?: number; onError?: (error: Error) => void } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.max ?? PG_POOL_SIZE,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (error) => opts.onError?.(error));
  return pool;
}

/** Reads STORE/DATABASE_URL (`store` in place of STORE), or exits with the one-line reason. */
export const storeConfig = (store?: "embedded" | "postgres"): StoreConfig =>
  orExit(() => loadStoreConfig(undefined, store));

/**
 * The bot's answer service over PostgreSQL: the current generation, swapped for each new one an
 * ingest switches to. Throws with the reason when the database holds no usable generation.
 */
export async function openBotPostgresService(
  store: Extract<StoreConfig, { kind: "postgres" }>,
  opts: AnswerServiceOptions & { embeddings: IndexEmbeddings; logger: StoreLogger },
): Promise<SwappableService> {
  const pool = createPgPool(store.databaseUrl, {
    onError: (error) => opts.logger.error({ err: error }, "PostgreSQL connection lost (it reconnects)"),
  });
  const opened = await openPostgresService({
    ...opts,
    pool,
    pollMs: store.pollMs,
    efSearch: store.efSearch,
    storeLogger: opts.logger,
  });
  if (!opened.ok) {
    await pool.end();
    throw new Error(opened.error.message);
  }
  opts.logger.info({ generation: opened.value.generation() }, "answering from PostgreSQL");
  return opened.value.service;
}

/** The answer service over the database's current generation, for the CLI (no watching). */
export async function currentPostgresService(
  pool: pg.Pool,
  embeddings: IndexEmbeddings,
  efSearch: number | null = null,
): Promise<AnswerService> {
  const loaded = await loadPostgresIndex(pool, embeddings, { minEfSearch: DEFAULT_FUSION.depth, efSearch });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return createAnswerService(loaded.value);
}
