import { corpusFiles, loadCorpus } from "../corpus/load.js";
import { err, type Result } from "../result.js";
import { buildIndex, type IndexEmbeddings } from "./build.js";
import { type LoadedIndex, loadIndex } from "./load.js";
import { corpusChanged, type IndexError, readManifest } from "./manifest.js";

/** Why an index is being (re)built, for the user-facing log line. */
export type RebuildReason = "missing" | "corpus-changed" | "corrupt" | "format";

/** Notes `ensureIndex` reports as it goes (the caller decides how to show them). */
export interface EnsureEvents {
  rebuilding?: (reason: RebuildReason, detail: string) => void;
  built?: (summary: { articles: number; passages: number; buildMs: number }) => void;
}

/**
 * Opens the index in `dir`, first building it from `inputs` when it is missing, damaged, of an older
 * format, or older than the corpus (files added, removed or changed). An index built with other
 * embeddings is refused, never silently rebuilt: switching embeddings is a deliberate re-ingest.
 */
export async function ensureIndex(
  dir: string,
  inputs: string[],
  embeddings: IndexEmbeddings,
  events: EnsureEvents = {},
): Promise<Result<LoadedIndex, IndexError>> {
  const manifest = await readManifest(dir);
  let reason: RebuildReason | null = null;
  let detail = "";
  if (!manifest.ok) {
    reason = manifest.error.code === "embeddings-mismatch" ? null : manifest.error.code;
    detail = manifest.error.message;
  } else {
    if (corpusChanged(manifest.value, await corpusFiles(manifest.value.corpus.inputs))) {
      reason = "corpus-changed";
      detail = "语料文件有变化 (corpus files changed)";
    }
  }
  if (reason === null) {
    const loaded = await loadIndex(dir, embeddings);
    if (loaded.ok || loaded.error.code === "embeddings-mismatch" || loaded.error.code === "missing")
      return loaded;
    reason = loaded.error.code;
    detail = loaded.error.message;
  }
  const buildFrom = manifest.ok ? manifest.value.corpus.inputs : inputs;
  events.rebuilding?.(reason, detail);
  const corpus = await loadCorpus(buildFrom);
  if (corpus.articles.length === 0) {
    return err({
      code: "missing",
      message: `没有可用的语料，无法建立索引 (no articles found in ${buildFrom.join(", ")})：请把报道放进 data/corpus/ 后运行 npm run ingest`,
    });
  }
  const summary = await buildIndex({ corpus, embeddings, dir, inputs: buildFrom });
  events.built?.(summary);
  return loadIndex(dir, embeddings);
}
