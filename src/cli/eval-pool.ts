import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AnswerServiceOptions, createAnswerService } from "../answer/service.js";
import type { AnswerService } from "../answer/types.js";
import { parseJsonl } from "../corpus/jsonl.js";
import type { LoadedCorpus } from "../corpus/types.js";
import type { IndexEmbeddings } from "../index/build.js";
import { buildIndex } from "../index/build.js";
import { type LoadedIndex, loadIndex } from "../index/load.js";
import { readManifest } from "../index/manifest.js";
import { keepTempDir, makeTempDir, releaseTempDir } from "../index/target.js";
import { err, ok, type Result } from "../result.js";
import { openScratchStore, openStore, type StoreSettings } from "../store/open.js";
import type { Store } from "../store/types.js";
import { type ContextRow, contextArticles, readJsonl, toJsonl } from "./bench/synthetic.js";

/**
 * Whether a paragraph's article is in the indexed half of the split-article protocol: the articles
 * (see {@link articleKey}) are halved by a hash of their key, so the halves are the same on every
 * run and every machine.
 */
export function inIndexedHalf(key: string): boolean {
  return ((createHash("sha256").update(key).digest()[0] ?? 0) & 1) === 0;
}

/**
 * What makes paragraphs one article for the split: their title (CMRC and DRCD group a Wikipedia
 * page's paragraphs under it); a row without one (news) is an article of its own.
 */
export function articleKey(row: { context_id: string; title: string }): string {
  return row.title.trim() !== "" ? row.title : `id:${row.context_id}`;
}

/**
 * Indexes a SQuAD-style contexts file as one pool (each paragraph an article whose id is its
 * `context_id`), reusing an index in `dir` that was built from the same bytes. With `keep`, only the
 * paragraphs it accepts are indexed (and `dir` is not reused).
 */
export async function contextsService(
  contextsPath: string,
  dir: string | undefined,
  embeddings: IndexEmbeddings,
  note: (line: string) => void = () => {},
  keep?: (row: ContextRow) => boolean,
  serviceOptions: AnswerServiceOptions = {},
): Promise<AnswerService> {
  return createAnswerService(await contextsIndex(contextsPath, dir, embeddings, note, keep), serviceOptions);
}

/** The index {@link contextsService} answers from (for measuring other answerers on the same pool). */
export async function contextsIndex(
  contextsPath: string,
  dir: string | undefined,
  embeddings: IndexEmbeddings,
  note: (line: string) => void = () => {},
  keep?: (row: ContextRow) => boolean,
): Promise<LoadedIndex> {
  const reuse = keep === undefined ? dir : undefined;
  const bytes = await readFile(contextsPath);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Without --index the pool is rebuilt every run (a second or two), so a change to chunking or
  // tokenising is always measured; with --index an index built from the same bytes is reused.
  const indexDir = reuse ?? (await makeTempDir(join(tmpdir(), "gaoxin-eval-"), { temp: true }));
  const manifest = reuse === undefined ? null : await readManifest(indexDir);
  const fresh = manifest?.ok === true && manifest.value.corpus.files.some((f) => f.sha256 === sha256);
  if (!fresh) {
    const corpus = await contextsCorpus(contextsPath, bytes, note, keep);
    note(
      `正在为 ${corpus.articles.length} 个段落建立索引 (indexing ${corpus.articles.length} paragraphs) → ${indexDir}`,
    );
    await buildIndex({ corpus, embeddings, dir: indexDir, inputs: [contextsPath] });
  }
  const loaded = await loadIndex(indexDir, embeddings);
  if (reuse === undefined) await releaseTempDir(indexDir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

/**
 * A SQuAD-style contexts file as a corpus: one article per paragraph, its id the `context_id`; with
 * `keep`, only the paragraphs it accepts.
 */
export async function contextsCorpus(
  contextsPath: string,
  bytes: Buffer,
  note: (line: string) => void = () => {},
  keep?: (row: ContextRow) => boolean,
): Promise<LoadedCorpus> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const all = (await readJsonl<ContextRow>(contextsPath)) as ContextRow[];
  const rows = keep === undefined ? all : all.filter(keep);
  const parsed = parseJsonl(toJsonl(contextArticles(rows)), contextsPath);
  for (const p of parsed.problems) note(`${p.path}:${p.line ?? "?"}: ${p.message}`);
  return { articles: parsed.articles, problems: parsed.problems, files: [{ path: contextsPath, sha256 }] };
}

/** A pooled evaluation's service, and what to do with its store afterwards. */
export interface Pooled {
  service: AnswerService;
  /** The index the service answers from (eval's baseline searches it too). */
  index: LoadedIndex;
  /** Where the pool was indexed (a temporary folder, a PostgreSQL schema of its own, or `--index`). */
  location: string;
  /** Removes the store it was indexed in, unless it is to be kept (`--keep`, `--index`). */
  done(): Promise<void>;
}

/**
 * The contexts pooled into a store of their own and answered from, never the user's index (an
 * error value: why the pool could not be indexed, its store already removed): a new
 * temporary folder or PostgreSQL schema (STORE's kind), dropped by `done` unless `keepStore`; or,
 * with `index` (embedded store only), that folder, reused when built from the same bytes and kept.
 * With `keep`, only the paragraphs it accepts are indexed.
 */
export async function pooledService(
  settings: StoreSettings,
  contextsPath: string,
  opts: {
    label: string;
    note?: (line: string) => void;
    keep?: (row: ContextRow) => boolean;
    index?: string | undefined;
    keepStore?: boolean;
  },
): Promise<Result<Pooled, string>> {
  const note = opts.note ?? (() => {});
  const reuse = opts.keep === undefined ? opts.index : undefined;
  let store: Store;
  let done: () => Promise<void>;
  if (reuse !== undefined) {
    store = openStore({ ...settings, store: { kind: "embedded" }, indexDir: reuse });
    done = () => store.close();
  } else {
    const scratch = await openScratchStore(settings, opts.label);
    store = scratch;
    // Kept: not removed by a Ctrl-C either.
    if (opts.keepStore) keepTempDir(scratch.location);
    done = opts.keepStore
      ? async () => {
          note(`已保留 (kept): ${scratch.location}`);
          await scratch.close();
        }
      : () => scratch.drop();
  }
  const corpus = await contextsCorpus(contextsPath, await readFile(contextsPath), note, opts.keep);
  note(
    `正在为 ${corpus.articles.length} 个段落建立索引 (indexing ${corpus.articles.length} paragraphs) → ${store.location}`,
  );
  const ingested = await store.ingest({ corpus, inputs: [contextsPath] });
  const opened = ingested.ok ? await store.open() : err(ingested.error);
  if (!opened.ok) {
    await done();
    return err(opened.error.message);
  }
  return ok({
    service: createAnswerService(opened.value),
    index: opened.value,
    location: store.location,
    done,
  });
}
