import type { IndexEmbeddings } from "../index/build.js";
import { loadIndex } from "../index/load.js";
import { readManifest } from "../index/manifest.js";
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
}

/** Options for {@link createReindexer}. */
export interface ReindexOptions extends AnswerServiceOptions {
  indexDir: string;
  /** The corpus to build from when the index on disk does not name its own (as `npm run ingest`). */
  corpusPaths: string[];
  embeddings: IndexEmbeddings;
  /** Puts the new service in use (e.g. `SwappableService.swap`). */
  install: (service: AnswerService) => void;
}

/**
 * A rebuild as `npm run ingest` does it — read the corpus, build into a temporary directory beside
 * `indexDir` and swap it in atomically — then load the new index and hand its service to `install`.
 * It reads the corpus the index in use was built from (its manifest's inputs), as `ensureIndex`
 * does at start, falling back to `corpusPaths`. On any failure nothing is installed.
 */
export function createReindexer(opts: ReindexOptions): Reindexer {
  let running = false;

  async function rebuild(): Promise<Result<ReindexSummary, ReindexError>> {
    const started = performance.now();
    const manifest = await readManifest(opts.indexDir);
    const inputs = manifest.ok ? manifest.value.corpus.inputs : opts.corpusPaths;
    // Imported when a rebuild runs, as ensureIndex does: the bot starts without the build code.
    const [{ loadCorpus }, { buildIndex }] = await Promise.all([
      import("../corpus/load.js"),
      import("../index/build.js"),
    ]);
    const corpus = await loadCorpus(inputs);
    if (corpus.articles.length === 0) {
      return err({
        code: "no-articles",
        message: `没有读到任何文章 (no articles in ${inputs.join(", ")})，索引未改动 (index unchanged)`,
      });
    }
    const built = await buildIndex({ corpus, embeddings: opts.embeddings, dir: opts.indexDir, inputs });
    const loaded = await loadIndex(opts.indexDir, opts.embeddings);
    if (!loaded.ok) return err({ code: "failed", message: loaded.error.message });
    opts.install(createAnswerService(loaded.value, opts));
    return ok({
      articles: built.articles,
      passages: built.passages,
      seconds: (performance.now() - started) / 1000,
      skipped: corpus.problems.length,
    });
  }

  return {
    get running() {
      return running;
    },
    async run() {
      if (running) return err({ code: "busy", message: "索引正在重建 (a rebuild is already running)" });
      running = true;
      try {
        return await rebuild();
      } catch (error) {
        // A full disk, an unreachable embeddings API: the old index is still in place and serving.
        return err({ code: "failed", message: (error as Error).message ?? String(error) });
      } finally {
        running = false;
      }
    },
  };
}
