import type { EnsureEvents } from "../index/ensure.js";
import type { LoadedIndex } from "../index/load.js";
import type { IndexError } from "../index/manifest.js";
import { err, ok, type Result } from "../result.js";
import type { NewIndex, Store, Watch } from "../store/types.js";
import { createReindexer, type Reindexer } from "./reindex.js";
import { type AnswerServiceOptions, createAnswerService } from "./service.js";
import { createSwappableService, type SwappableService } from "./swappable.js";
import type { AnswerService, IndexStats } from "./types.js";

/** Where a live service reports the indexes it puts in service, and watch rounds that failed. */
export interface LiveLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Options of {@link openLiveService}. */
export interface LiveOptions extends AnswerServiceOptions {
  /** How a missing or stale embedded index being built is reported. */
  events?: EnsureEvents;
  /** Follow the store (a bot): each newer index goes into service. */
  watch?: boolean;
  log?: LiveLogger;
}

/** A bot's answer service: always answering, its index replaced as the store moves on. */
export interface LiveService {
  service: SwappableService;
  /** `/reindex`. */
  reindex: Reindexer;
  /** The store's watch, when it watches. */
  watch: Watch | null;
  /** Stops watching. */
  stop(): Promise<void>;
}

/** The answer service over a store's index, for a command that answers and exits. */
export async function openService(
  store: Store,
  opts: AnswerServiceOptions & { events?: EnsureEvents } = {},
): Promise<Result<AnswerService, IndexError>> {
  const opened = await store.open(opts.events);
  return opened.ok ? ok(createAnswerService(opened.value, opts)) : err(opened.error);
}

/**
 * Opens the store's index for a bot and keeps it in service as the store moves on (`watch`), and for
 * `/reindex`. Every new index — another process's ingest, a changed corpus, a `/reindex` — goes in
 * the same way: its service is built and warmed up while the old one answers, then swapped in;
 * questions in flight finish on the index they started on.
 */
export async function openLiveService(
  store: Store,
  opts: LiveOptions = {},
): Promise<Result<LiveService, IndexError>> {
  const first = await store.open(opts.events);
  if (!first.ok) return err(first.error);
  const service = createSwappableService(createAnswerService(first.value, opts));
  const install = async (index: LoadedIndex): Promise<IndexStats> => {
    const fresh = createAnswerService(index, opts);
    await fresh.warmUp?.();
    service.swap(fresh);
    return fresh.stats();
  };
  const installed = async (u: NewIndex, how: string) => {
    const stats = await install(u.index);
    const generation = u.generation !== undefined ? { generation: u.generation } : {};
    opts.log?.info(
      { ...generation, ...stats, seconds: Number(u.seconds.toFixed(2)), skipped: u.skipped },
      how,
    );
  };
  // reindex-flow logs a /reindex's outcome itself.
  const reindex = createReindexer(store, async (u) => void (await install(u.index)));
  const watch = opts.watch
    ? store.watch({
        onIndex: (u) => installed(u, "index updated: new version in service"),
        onError: (e) => opts.log?.warn(e, "index update failed: previous version still in service"),
      })
    : null;
  return ok({ service, reindex, watch, stop: async () => watch?.stop() });
}
