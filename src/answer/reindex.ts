import { corpusFiles } from "../corpus/load.js";
import type { IndexEmbeddings } from "../index/build.js";
import { loadIndex } from "../index/load.js";
import { corpusChanged, readManifest } from "../index/manifest.js";
import { err, ok, type Result } from "../result.js";
import { type AnswerServiceOptions, createAnswerService } from "./service.js";
import type { AnswerService } from "./types.js";

/** What a rebuild made. */
export interface ReindexSummary {
  articles: number;
  passages: number;
  /** From the start of the rebuild to the new index answering. */
  seconds: number;
  /** Corpus files or lines that could not be read and were skipped. */
  skipped: number;
}

/** Why a rebuild did not happen; in every case the index in use keeps answering. */
export interface ReindexError {
  code: "busy" | "no-articles" | "failed";
  message: string;
}

/** Rebuilds the index from the corpus and puts it in service; one rebuild at a time. */
export interface Reindexer {
  /** True while a rebuild runs. */
  readonly running: boolean;
  /** Rebuilds, or refuses with `busy` while another rebuild runs. Never throws. */
  run(): Promise<Result<ReindexSummary, ReindexError>>;
  /**
   * Puts a newer index in service: one another process wrote (`npm run ingest`, `--watch`), or one
   * this call updates because corpus files were added, changed or removed. Null when the index in
   * service is current (or a rebuild is running). Never throws.
   */
  refresh(): Promise<Result<ReindexSummary, ReindexError> | null>;
}

/**
 * Calls `reindexer.refresh()` every `intervalMs` (never two at once) and hands each outcome that did
 * something to `onResult`. Returns a function that stops it. The timer does not keep the process alive.
 */
export function watchIndex(
  reindexer: Reindexer,
  intervalMs: number,
  onResult: (result: Result<ReindexSummary, ReindexError>) => void,
): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    reindexer
      .refresh()
      .then((result) => {
        if (result !== null) onResult(result);
      })
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Options for {@link createReindexer}. */
export interface ReindexOptions extends AnswerServiceOptions {
  indexDir: string;
  /** The corpus to build from when the index on disk does not name its own (as `npm run ingest`). */
  corpusPaths: string[];
  embeddings: IndexEmbeddings;
  /** Puts the new service in use (e.g. `SwappableService.swap`). */
  install: (service: AnswerService) => void;
  /** `builtAt` of the index in service at creation (its manifest's), so `refresh` knows what is new. */
  builtAt?: string;
}

/**
 * A rebuild as `npm run ingest` does it — read the corpus, build into a temporary directory beside
 * `indexDir` and swap it in atomically — then load the new index and hand its service to `install`.
 * It reads the corpus the index in use was built from (its manifest's inputs), as `ensureIndex`
 * does at start, falling back to `corpusPaths`. On any failure nothing is installed.
 */
export function createReindexer(opts: ReindexOptions): Reindexer {
  let running = false;
  let installed = opts.builtAt;

  /** Loads the index on disk and puts it in service. */
  async function install(): Promise<Result<{ articles: number; passages: number }, ReindexError>> {
    const loaded = await loadIndex(opts.indexDir, opts.embeddings);
    if (!loaded.ok) return err({ code: "failed", message: loaded.error.message });
    opts.install(createAnswerService(loaded.value, opts));
    installed = loaded.value.manifest.builtAt;
    return ok(loaded.value.manifest.counts);
  }

  async function rebuild(): Promise<Result<ReindexSummary, ReindexError>> {
    const started = performance.now();
    const manifest = await readManifest(opts.indexDir);
    const inputs = manifest.ok ? manifest.value.corpus.inputs : opts.corpusPaths;
    // Imported when a rebuild runs, as ensureIndex does: the bot starts without the build code.
    const { updateIndex } = await import("../index/update.js");
    const updated = await updateIndex({ dir: opts.indexDir, inputs, embeddings: opts.embeddings });
    if (!updated.ok) return err({ code: updated.error.code, message: updated.error.message });
    const built = updated.value;
    const put = await install();
    if (!put.ok) return put;
    return ok({
      articles: built.articles,
      passages: built.passages,
      seconds: (performance.now() - started) / 1000,
      skipped: built.problems.length,
    });
  }

  /** Runs `job` as the one rebuild at a time; a failure leaves the old index in service. */
  async function exclusive<T>(job: () => Promise<Result<T, ReindexError>>): Promise<Result<T, ReindexError>> {
    if (running) return err({ code: "busy", message: "索引正在重建 (a rebuild is already running)" });
    running = true;
    try {
      return await job();
    } catch (error) {
      // A full disk, an unreachable embeddings API: the old index is still in place and serving.
      return err({ code: "failed", message: (error as Error).message ?? String(error) });
    } finally {
      running = false;
    }
  }

  return {
    get running() {
      return running;
    },
    run: () => exclusive(rebuild),
    async refresh() {
      if (running) return null;
      const manifest = await readManifest(opts.indexDir);
      if (manifest.ok && manifest.value.builtAt !== installed) {
        // Another process updated the index: put its version in service as it is.
        const started = performance.now();
        return exclusive(async () => {
          const put = await install();
          if (!put.ok) return put;
          return ok({ ...put.value, seconds: (performance.now() - started) / 1000, skipped: 0 });
        });
      }
      const inputs = manifest.ok ? manifest.value.corpus.inputs : opts.corpusPaths;
      if (manifest.ok && !corpusChanged(manifest.value, await corpusFiles(inputs))) return null;
      return exclusive(rebuild);
    },
  };
}
