import type { IndexEmbeddings } from "../index/build.js";
import { type EnsureEvents, ensureIndex } from "../index/ensure.js";
import type { IndexError } from "../index/manifest.js";
import { err, ok, type Result } from "../result.js";
import { type AnswerServiceOptions, createAnswerService } from "./service.js";
import type { AnswerService } from "./types.js";

/** Options for {@link openAnswerService}. */
export interface ServiceOptions extends AnswerServiceOptions {
  indexDir: string;
  /** Corpus files or folders used when the index has to be built. */
  corpusPaths: string[];
  embeddings: IndexEmbeddings;
  events?: EnsureEvents;
}

/** Opens the index (building it from the corpus if needed) and returns the answer service over it. */
export async function openAnswerService(opts: ServiceOptions): Promise<Result<AnswerService, IndexError>> {
  const loaded = await ensureIndex(opts.indexDir, opts.corpusPaths, opts.embeddings, opts.events);
  if (!loaded.ok) return err(loaded.error);
  return ok(createAnswerService(loaded.value, opts));
}
