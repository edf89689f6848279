import type { Pool } from "pg";
import type { IndexEmbeddings } from "../index/build.js";
import type { IndexError } from "../index/manifest.js";
import { type GenerationWatcher, loadPostgresIndex, watchGenerations } from "../index/postgres.js";
import { err, ok, type Result } from "../result.js";
import { DEFAULT_FUSION } from "./retrieve.js";
import { type AnswerServiceOptions, createAnswerService } from "./service.js";
import { createSwappableService, type SwappableService } from "./swappable.js";

/** Where the bot reports generation switches. */
export interface StoreLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Options of {@link openPostgresService}. */
export interface PostgresServiceOptions extends AnswerServiceOptions {
  pool: Pool;
  embeddings: IndexEmbeddings;
  /** How often to look for a new generation. */
  pollMs: number;
  /** pgvector's `hnsw.ef_search` (null/absent: the fusion depth, 50). */
  efSearch?: number | null;
  storeLogger?: StoreLogger;
}

/** A service answering from the current generation, swapping to each new one as ingest switches. */
export interface PostgresService {
  service: SwappableService;
  generation(): number;
  watcher: GenerationWatcher;
}

/**
 * Opens the answer service over the database's current generation and keeps it current: when an
 * ingest switches generations, the new one is loaded and warmed up while the old one answers, then
 * swapped in (questions in flight finish on the old one). A generation that fails to load is logged
 * and the old one keeps answering.
 */
export async function openPostgresService(
  opts: PostgresServiceOptions,
): Promise<Result<PostgresService, IndexError>> {
  const load = (generation?: number) =>
    loadPostgresIndex(opts.pool, opts.embeddings, {
      generation,
      minEfSearch: DEFAULT_FUSION.depth,
      efSearch: opts.efSearch ?? null,
    });
  const first = await load();
  if (!first.ok) return err(first.error);
  const service = createSwappableService(createAnswerService(first.value, opts));
  let generation = first.value.generation;
  const watcher = watchGenerations({
    pool: opts.pool,
    current: generation,
    intervalMs: opts.pollMs,
    async onChange(next) {
      const started = performance.now();
      const loaded = await load(next);
      if (!loaded.ok) {
        opts.storeLogger?.error(
          { generation: next, detail: loaded.error.message },
          "new generation not loaded",
        );
        return false;
      }
      const fresh = createAnswerService(loaded.value, opts);
      await fresh.warmUp?.();
      service.swap(fresh);
      opts.storeLogger?.info(
        { from: generation, generation: next, ...fresh.stats(), ms: Math.round(performance.now() - started) },
        "switched to the new generation",
      );
      generation = next;
      return true;
    },
    onError: (error) => opts.storeLogger?.error({ err: error }, "checking for a new generation failed"),
  });
  return ok({ service, generation: () => generation, watcher });
}
