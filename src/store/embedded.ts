import type { LoadedCorpus } from "../corpus/types.js";
import type { IndexEmbeddings } from "../index/build.js";
import { corpusState, ensureIndex, inputsLost } from "../index/ensure.js";
import { loadIndex } from "../index/load.js";
import { readManifest } from "../index/manifest.js";
import { checkIndexTarget } from "../index/target.js";
import { err, ok, type Result } from "../result.js";
import { chooseInputs } from "./inputs.js";
import type {
  EmbeddedIngest,
  IndexUpdate,
  IngestError,
  IngestOptions,
  NewIndex,
  Store,
  UpdateError,
  Watch,
} from "./types.js";

/** Settings of {@link embeddedStore}. */
export interface EmbeddedSettings {
  /** The index folder (INDEX_DIR, `--index`). */
  dir: string;
  /** What to read when the index names no corpus of its own yet (CORPUS_DIR). */
  corpusDir: string;
  embeddings: IndexEmbeddings;
  /** Seconds between a watching bot's looks at the index and its corpus (INGEST_INTERVAL); 0: no watch. */
  watchSeconds: number;
}

/**
 * The embedded store: an index folder that each process loads whole. Opening builds a missing,
 * damaged or stale index (see `ensureIndex`); an ingest updates it in place (see `updateIndex`);
 * `/reindex` and a watching bot update it from the corpus it was built from and load the result.
 * One update at a time in this process (and across processes, `updateIndex`'s lock file).
 */
export function embeddedStore(s: EmbeddedSettings): Store {
  const { dir, embeddings } = s;
  /** The `builtAt` of the index this process last handed out: what "newer" is measured against. */
  let installed: string | undefined;
  let busy = false;

  const storedInputs = async () => {
    const m = await readManifest(dir);
    return m.ok ? m.value.corpus.inputs : null;
  };

  /** Runs `job` as the one update at a time; a failure leaves the index in use untouched. */
  async function exclusive<T>(job: () => Promise<Result<T, UpdateError>>): Promise<Result<T, UpdateError>> {
    if (busy) return err({ code: "busy", message: "索引正在重建 (a rebuild is already running)" });
    busy = true;
    try {
      return await job();
    } catch (error) {
      // A full disk, an unreachable embeddings API: the old index is still in place and serving.
      return err({ code: "failed", message: (error as Error).message ?? String(error) });
    } finally {
      busy = false;
    }
  }

  /** Loads the index on disk as the newest one handed out. */
  async function load(started: number, skipped: number): Promise<Result<NewIndex, UpdateError>> {
    const loaded = await loadIndex(dir, embeddings);
    if (!loaded.ok) return err({ code: "failed", message: loaded.error.message });
    installed = loaded.value.manifest.builtAt;
    return ok({ index: loaded.value, seconds: (performance.now() - started) / 1000, skipped });
  }

  /** Updates the index from the corpus it was built from; `changed: false` when nothing was new. */
  async function update(started: number): Promise<Result<IndexUpdate, UpdateError>> {
    // Imported when an update runs, as ensureIndex does: the bot starts without the build code.
    const { updateIndex } = await import("../index/update.js");
    const inputs = (await storedInputs()) ?? [s.corpusDir];
    const lost = await inputsLost(dir, inputs);
    if (lost !== null) return err({ code: "failed", message: lost.message });
    const updated = await updateIndex({ dir, inputs, embeddings });
    if (!updated.ok) return err({ code: updated.error.code, message: updated.error.message });
    const u = updated.value;
    const after = await readManifest(dir);
    if (u.mode === "unchanged" && after.ok && after.value.builtAt === installed)
      return ok({
        changed: false as const,
        articles: u.articles,
        passages: u.passages,
        seconds: (performance.now() - started) / 1000,
      });
    const loaded = await load(started, u.problems.length);
    return loaded.ok ? ok({ changed: true as const, ...loaded.value }) : loaded;
  }

  /** A watch round: an index another process wrote, or a changed corpus updated here; null when neither. */
  async function refresh(): Promise<Result<NewIndex, UpdateError> | null> {
    if (busy) return null;
    const started = performance.now();
    const manifest = await readManifest(dir);
    if (manifest.ok && manifest.value.builtAt !== installed) return exclusive(() => load(started, 0));
    // Inputs not there at all are not a corpus emptied (see corpusState): the index stays as built.
    if (manifest.ok && !(await corpusState(manifest.value)).changed) return null;
    const done = await exclusive(() => update(started));
    if (!done.ok) return done;
    const u = done.value;
    return u.changed ? ok(u) : null;
  }

  return {
    kind: "embedded",
    location: dir,
    async open(events) {
      const loaded = await ensureIndex(dir, [s.corpusDir], embeddings, events);
      if (loaded.ok) installed = loaded.value.manifest.builtAt;
      return loaded;
    },
    async inputs() {
      return chooseInputs(undefined, await storedInputs(), s.corpusDir).inputs;
    },
    async ingest(source, opts = {}) {
      // Refuse a folder that is not ours (or cannot be written) before reading a whole corpus.
      const target = await checkIndexTarget(dir);
      if (!target.ok) return err({ code: "failed", message: target.error.message, problems: [] });
      if (source.corpus !== undefined) return ingestCorpus(source.corpus, source.inputs ?? [], opts);
      const { inputs, dropped } = chooseInputs(source.inputs, await storedInputs(), s.corpusDir);
      // Told no inputs, with a damaged manifest: CORPUS_DIR alone would drop what else the index holds.
      const lost = source.inputs?.length ? null : await inputsLost(dir, inputs);
      if (lost !== null) return err({ code: "failed", message: lost.message, problems: [] });
      const { updateIndex } = await import("../index/update.js");
      const updated = await updateIndex({
        dir,
        inputs,
        embeddings,
        full: opts.full ?? false,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
      if (!updated.ok) return err(updated.error);
      const { dir: _, buildMs, dimensions: __, decoded, ...rest } = updated.value;
      return ok({
        kind: "embedded",
        dir,
        inputs,
        droppedInputs: dropped,
        ms: buildMs,
        decoded: decoded ?? [],
        ...rest,
      });
    },
    reindex: () => exclusive(() => update(performance.now())),
    watch(listener): Watch | null {
      if (s.watchSeconds <= 0) return null;
      let round: Promise<void> | null = null;
      const check = (): Promise<void> =>
        (round ??= (async () => {
          const result = await refresh();
          if (result === null) return;
          if (result.ok) await listener.onIndex(result.value);
          else listener.onError(result.error);
        })().finally(() => {
          round = null;
        }));
      const timer = setInterval(() => void check(), s.watchSeconds * 1000);
      timer.unref();
      return {
        everyMs: s.watchSeconds * 1000,
        check,
        async stop() {
          clearInterval(timer);
          await round;
        },
      };
    },
    close: async () => {},
  };

  /**
   * A corpus read elsewhere (an evaluation's pool) built as the whole index, or nothing when the
   * index there was built from the same files: building from the same bytes gives the same index.
   */
  async function ingestCorpus(
    corpus: LoadedCorpus,
    inputs: readonly string[],
    opts: IngestOptions,
  ): Promise<Result<EmbeddedIngest, IngestError>> {
    const started = performance.now();
    if (corpus.articles.length === 0)
      return err({
        code: "no-articles",
        message: `没有读到任何文章 (no articles in ${inputs.join(", ")})`,
        problems: corpus.problems,
      });
    const manifest = await readManifest(dir);
    const same =
      !opts.full &&
      manifest.ok &&
      manifest.value.embeddings.id === embeddings.id &&
      JSON.stringify(manifest.value.corpus.files) === JSON.stringify(corpus.files);
    const base = {
      kind: "embedded" as const,
      dir,
      inputs: [...inputs],
      droppedInputs: [],
      reason: "",
      added: 0,
      changed: 0,
      removed: 0,
      problems: corpus.problems,
      decoded: corpus.decoded ?? [],
    };
    if (same && manifest.ok)
      return ok({
        ...base,
        mode: "unchanged",
        ...manifest.value.counts,
        embedded: 0,
        ms: Math.round(performance.now() - started),
      });
    const { buildIndex } = await import("../index/build.js");
    const built = await buildIndex({
      corpus,
      embeddings,
      dir,
      inputs: [...inputs],
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    const duplicates = built.duplicateArticleIds.map((id) => ({
      path: inputs.join(", "),
      message: `duplicate article id "${id}"; skipped`,
    }));
    return ok({
      ...base,
      problems: [...corpus.problems, ...duplicates],
      mode: "full",
      articles: built.articles,
      passages: built.passages,
      added: built.articles,
      embedded: built.passages,
      ms: built.buildMs,
    });
  }
}
