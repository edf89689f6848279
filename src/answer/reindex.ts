import { err, ok, type Result } from "../result.js";
import type { NewIndex, Store } from "../store/types.js";

/** What `/reindex` did. */
export interface ReindexSummary {
  articles: number;
  passages: number;
  /** From the start of the rebuild (or look) to the new index answering. */
  seconds: number;
  /** Corpus files or lines that could not be read and were skipped. */
  skipped: number;
  /** False when nothing changed: the index in service was already current, and stays. */
  changed: boolean;
  /** PostgreSQL: the generation in service (bots never write one; `npm run ingest` does). */
  generation?: number;
}

/** Why a rebuild did not happen; in every case the index in use keeps answering. */
export interface ReindexError {
  code: "busy" | "no-articles" | "failed";
  message: string;
}

/** `/reindex`: brings the store's newest index into service; one at a time. */
export interface Reindexer {
  /** True while a rebuild runs. */
  readonly running: boolean;
  /** Rebuilds (or looks), or refuses with `busy` while another one runs. Never throws. */
  run(): Promise<Result<ReindexSummary, ReindexError>>;
}

/**
 * The reindexer of a store: `store.reindex()` — the embedded store updates its index from the corpus
 * it was built from, PostgreSQL loads the current generation if it is newer — and the new index, if
 * any, handed to `install` (which swaps it in once warm). On any failure nothing is installed.
 */
export function createReindexer(
  store: Pick<Store, "reindex">,
  install: (update: NewIndex) => Promise<void>,
): Reindexer {
  let running = false;
  return {
    get running() {
      return running;
    },
    async run() {
      if (running) return err({ code: "busy", message: "索引正在重建 (a rebuild is already running)" });
      running = true;
      try {
        const update = await store.reindex();
        if (!update.ok) return update;
        const u = update.value;
        const generation = u.generation !== undefined ? { generation: u.generation } : {};
        if (!u.changed)
          return ok({
            articles: u.articles,
            passages: u.passages,
            seconds: u.seconds,
            skipped: 0,
            changed: false,
            ...generation,
          });
        await install(u);
        return ok({
          ...u.index.manifest.counts,
          seconds: u.seconds,
          skipped: u.skipped,
          changed: true,
          ...generation,
        });
      } catch (error) {
        return err({ code: "failed", message: (error as Error).message ?? String(error) });
      } finally {
        running = false;
      }
    },
  };
}
