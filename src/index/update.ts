import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ENCODING_LABEL } from "../corpus/encoding.js";
import { corpusFiles, duplicateProblem, loadCorpus, readFileArticles, sidecarPath } from "../corpus/load.js";
import type { Article, CorpusFile, CorpusProblem, DecodedFile } from "../corpus/types.js";
import { err, ok, type Result } from "../result.js";
import { buildIndex, efSearchFor, type IndexEmbeddings, writeSegment, zoneWords } from "./build.js";
import {
  articleHash,
  BASE_SEGMENT,
  isDuplicateProblem,
  type Ledger,
  type LedgerArticle,
  type LedgerFile,
  readLedger,
  writeLedger,
} from "./ledger.js";
import { type HnswParams, INDEX_FILES, type IndexManifest, readManifest } from "./manifest.js";
import { isAlive } from "./target.js";
import { createTokenizer } from "./tokenize.js";

/**
 * Segments an index may have before an update compacts it with a full rebuild: every dense search
 * visits each segment's HNSW graph.
 */
export const MAX_SEGMENTS = 8;

/** Options for {@link updateIndex}. */
export interface UpdateOptions {
  dir: string;
  /** Corpus files or folders, as given on the command line. */
  inputs: string[];
  embeddings: IndexEmbeddings;
  /** Rebuild everything even when an update would do. */
  full?: boolean;
  hnsw?: Partial<HnswParams>;
  onProgress?: (done: number, total: number) => void;
}

/** What {@link updateIndex} did. */
export interface UpdateSummary {
  dir: string;
  /** `full`: rebuilt from scratch; `incremental`: only new and changed articles embedded; `unchanged`: nothing to do. */
  mode: "full" | "incremental" | "unchanged";
  /** Why a full rebuild was done (empty when asked for, or when there was no usable index). */
  reason: string;
  articles: number;
  passages: number;
  dimensions: number;
  buildMs: number;
  added: number;
  changed: number;
  removed: number;
  /** Passages embedded and indexed by this run. */
  embedded: number;
  /** Corpus files or lines that could not be read (for unchanged files: as they were last read). */
  problems: CorpusProblem[];
  /** Files this run read in another encoding than UTF-8 (GBK/GB18030, UTF-16). */
  decoded?: DecodedFile[];
}

/**
 * Why an update wrote nothing (the index is left as it was): the corpus has no readable article, or
 * another process is updating the same index.
 */
export interface UpdateError {
  code: "no-articles" | "busy";
  message: string;
  problems: CorpusProblem[];
}

const noArticles = (inputs: readonly string[], problems: CorpusProblem[]): UpdateError => ({
  code: "no-articles",
  message: `没有读到任何文章 (no articles in ${inputs.join(", ")})，索引未改动 (index unchanged)`,
  problems,
});

/** An article to embed, and its ledger entry (segment and passage count filled in once written). */
interface Fresh {
  article: Article;
  entry: LedgerArticle;
}

/** What an incremental update would do. */
interface Plan {
  manifest: IndexManifest;
  ledger: Ledger;
  files: CorpusFile[];
  fresh: Fresh[];
  added: number;
  changed: number;
  removed: number;
  problems: CorpusProblem[];
  decoded: DecodedFile[];
}

/**
 * Brings the index in `dir` up to date with the corpus. When an index of this format, built from the
 * same inputs with the same embeddings, is there, only articles that are new or changed (by content
 * hash) are chunked, embedded and indexed — as one more segment — and deleted ones leave the ledger;
 * files whose bytes are unchanged are hashed, not parsed. Otherwise it rebuilds in full, and also to
 * compact: past {@link MAX_SEGMENTS} segments, when over half the stored passages are deleted, or
 * when the corpus's zone names (jieba's extra words, which change every passage's tokens) change.
 *
 * The new manifest is renamed into place last, so an update killed midway leaves the previous
 * version loading; files only older versions used are removed afterwards.
 */
export async function updateIndex(opts: UpdateOptions): Promise<Result<UpdateSummary, UpdateError>> {
  const lock = await takeLock(opts.dir);
  if (lock === "busy") {
    return err({
      code: "busy",
      message: `另一个进程正在更新 ${opts.dir} 的索引，本次跳过 (another process is updating the index in ${opts.dir}; skipped)`,
      problems: [],
    });
  }
  try {
    return await update(opts);
  } finally {
    await lock?.release();
  }
}

/** The lock file an update holds inside the index folder: its process id. */
export const LOCK_FILE = "update.lock";

/**
 * Takes `dir/update.lock`, so that a bot's `INGEST_INTERVAL` and an `ingest --watch` never write
 * one index at once: "busy" while a live process holds it; a lock left by a process that is gone
 * is taken over. Null when there is no index folder yet (nothing to share).
 */
async function takeLock(dir: string): Promise<{ release(): Promise<void> } | "busy" | null> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: "wx" });
      return { release: () => rm(path, { force: true }) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return null;
      if (code !== "EEXIST") throw e;
      const holder = Number(await readFile(path, "utf8").catch(() => ""));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return "busy";
      await rm(path, { force: true });
    }
  }
  return "busy";
}

async function update(opts: UpdateOptions): Promise<Result<UpdateSummary, UpdateError>> {
  const started = performance.now();
  const planned = opts.full ? ok(null) : await plan(opts);
  if (!planned.ok || planned.value === null) return full(opts, started, planned.ok ? "" : planned.error);
  const p = planned.value;
  const { manifest } = p;
  const dir = opts.dir;
  const liveArticles = p.ledger.files.reduce((n, f) => n + f.articles.length, 0);
  if (liveArticles === 0) return err(noArticles(opts.inputs, p.problems));
  const summary = (mode: UpdateSummary["mode"], passages: number, embedded: number): UpdateSummary => ({
    dir,
    mode,
    reason: "",
    articles: liveArticles,
    passages,
    dimensions: manifest.embeddings.dimensions,
    buildMs: Math.round(performance.now() - started),
    added: p.added,
    changed: p.changed,
    removed: p.removed,
    embedded,
    problems: p.problems,
    decoded: p.decoded,
  });
  if (
    p.fresh.length === 0 &&
    p.removed === 0 &&
    JSON.stringify(manifest.corpus.files) === JSON.stringify(p.files)
  )
    return ok(summary("unchanged", manifest.counts.passages, 0));

  const tokenizer = createTokenizer({
    userWords: zoneWords(p.ledger.files.flatMap((f) => f.articles.map((a) => ({ zones: a[4] })))),
  });
  if (tokenizer.userWords.join("\n") !== manifest.userWords.join("\n"))
    return full(opts, started, "the corpus's zone names changed, and with them every passage's tokens");

  const live = new Map<string, number>();
  for (const f of p.ledger.files) for (const a of f.articles) live.set(a[2], (live.get(a[2]) ?? 0) + a[3]);
  const kept = manifest.segments
    .map((name, i) => ({ name, stored: manifest.segmentPassages[i] ?? 0 }))
    .filter((s) => s.name === BASE_SEGMENT || live.has(s.name));
  const number = Math.max(0, ...manifest.segments.map((s) => Number(s.slice("seg-".length)) || 0)) + 1;
  const name = `seg-${number}`;
  if (p.fresh.length > 0 && kept.length + 1 > MAX_SEGMENTS)
    return full(opts, started, `compacting: ${MAX_SEGMENTS} segments`);

  let embedded = 0;
  if (p.fresh.length > 0) {
    const segDir = join(dir, name);
    // A segment of this name can only be one left by an update killed before its manifest.
    await rm(segDir, { recursive: true, force: true });
    await mkdir(segDir);
    const written = await writeSegment({
      articles: p.fresh.map((f) => f.article),
      embeddings: opts.embeddings,
      dir: segDir,
      hnsw: { space: "cosine", m: manifest.hnsw.m, efConstruction: manifest.hnsw.efConstruction },
      tokenizer,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    embedded = written.passages;
    p.fresh.forEach((f, i) => {
      f.entry[2] = name;
      f.entry[3] = written.passageCounts[i] ?? 0;
    });
    kept.push({ name, stored: embedded });
  }
  const passages = p.ledger.files.reduce((n, f) => n + f.articles.reduce((m, a) => m + a[3], 0), 0);
  const stored = kept.reduce((n, s) => n + s.stored, 0);
  if (stored - passages > passages)
    return full(opts, started, "compacting: over half the stored passages are deleted");

  const ledger = `ledger-${number}.json`;
  await writeLedger(join(dir, ledger), p.ledger);
  const next: IndexManifest = {
    ...manifest,
    hnsw: { ...manifest.hnsw, efSearch: efSearchFor(passages) },
    corpus: { inputs: manifest.corpus.inputs, files: p.files },
    counts: { articles: liveArticles, passages },
    segments: kept.map((s) => s.name),
    segmentPassages: kept.map((s) => s.stored),
    ledger,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - started),
  };
  const tmp = join(dir, `${INDEX_FILES.manifest}.tmp-${process.pid}`);
  await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`);
  // The commit point: until this rename, the previous version is the index.
  await rename(tmp, join(dir, INDEX_FILES.manifest));
  await removeUnused(dir, next, manifest.ledger);
  return ok(summary("incremental", passages, embedded));
}

/**
 * Compares the corpus with the index's ledger: null-free plan, or why an update cannot be done
 * (then the caller rebuilds in full).
 */
async function plan(opts: UpdateOptions): Promise<Result<Plan, string>> {
  const m = await readManifest(opts.dir);
  if (!m.ok) return err("");
  const manifest = m.value;
  if (manifest.embeddings.id !== opts.embeddings.id) return err("the embeddings changed");
  if (JSON.stringify(manifest.corpus.inputs) !== JSON.stringify(opts.inputs)) return err("");
  if (opts.hnsw && Object.entries(opts.hnsw).some(([k, v]) => manifest.hnsw[k as keyof HnswParams] !== v))
    return err("");
  const before = await readLedger(join(opts.dir, manifest.ledger));
  if (!before.ok) return err("");
  const oldFiles = new Map(before.value.files.map((f) => [f.path, f]));
  const oldArticles = new Map<string, LedgerArticle>();
  for (const f of before.value.files) for (const a of f.articles) oldArticles.set(a[0], a);

  const files: CorpusFile[] = [];
  const ledgerFiles: LedgerFile[] = [];
  const fresh: Fresh[] = [];
  const firstFile = new Map<string, string>();
  let added = 0;
  let changed = 0;
  const walkProblems: CorpusProblem[] = [];
  const decoded: DecodedFile[] = [];
  const current = await corpusFiles(opts.inputs, walkProblems);
  const shaOf = new Map(current.map((f) => [f.path, f.sha256]));
  // A page's metadata file (its date) is listed right after it and goes with it: unchanged only
  // when both are; its entry carries no articles of its own.
  const sidecars = new Set(
    current
      .filter((f) => shaOf.has(sidecarOf(f.path)) && f.path !== sidecarOf(f.path))
      .map((f) => sidecarOf(f.path)),
  );
  const keep = (f: CorpusFile, entry: LedgerFile): void => {
    files.push(f);
    ledgerFiles.push(entry);
  };
  for (const { path, sha256 } of current) {
    if (sidecars.has(path)) continue;
    const old = oldFiles.get(path);
    const side = sidecarOf(path);
    if (old && old.sha256 === sha256 && oldFiles.get(side)?.sha256 === shaOf.get(side)) {
      // A file read before with an id dropped as a duplicate may now give that article: rebuild.
      if (old.problems.some(isDuplicateProblem)) return err("");
      for (const a of old.articles) {
        if (firstFile.has(a[0])) return err("");
        firstFile.set(a[0], path);
      }
      keep({ path, sha256 }, { ...old, articles: old.articles.map((a) => [...a] as LedgerArticle) });
      const oldSide = oldFiles.get(side);
      if (oldSide && sidecars.has(side)) keep({ path: side, sha256: oldSide.sha256 }, oldSide);
      continue;
    }
    const read = await readFileArticles(path);
    if (read.encoding !== undefined) decoded.push({ path, encoding: ENCODING_LABEL[read.encoding] });
    if (read.sha256 === undefined) {
      // Unreadable now (gone, no permission): its articles leave the index, and it is reported.
      walkProblems.push(...read.problems);
      continue;
    }
    const entry: LedgerFile = { path, sha256: read.sha256, articles: [], problems: read.problems };
    for (const article of read.articles) {
      const first = firstFile.get(article.id);
      if (first !== undefined) {
        entry.problems.push(duplicateProblem(path, article.id, first));
        continue;
      }
      firstFile.set(article.id, path);
      const hash = articleHash(article);
      const was = oldArticles.get(article.id);
      if (was && was[1] === hash) {
        entry.articles.push([...was] as LedgerArticle);
        continue;
      }
      if (was) changed++;
      else added++;
      const e: LedgerArticle = [article.id, hash, "", 0, article.zones];
      entry.articles.push(e);
      fresh.push({ article, entry: e });
    }
    keep({ path, sha256: read.sha256 }, entry);
    for (const f of read.sidecars) keep(f, { ...f, articles: [], problems: [] });
  }
  let removed = 0;
  for (const id of oldArticles.keys()) if (!firstFile.has(id)) removed++;
  return ok({
    manifest,
    ledger: { files: ledgerFiles },
    files,
    fresh,
    added,
    changed,
    removed,
    problems: [...walkProblems, ...ledgerFiles.flatMap((f) => f.problems)],
    decoded,
  });
}

/** The metadata file a `.txt` page may have beside it; other files have none (their own path). */
function sidecarOf(path: string): string {
  return /\.txt$/i.test(path) ? sidecarPath(path) : path;
}

/** Reads the whole corpus and builds the index anew (see `buildIndex`). */
async function full(
  opts: UpdateOptions,
  started: number,
  reason: string,
): Promise<Result<UpdateSummary, UpdateError>> {
  const corpus = await loadCorpus(opts.inputs);
  if (corpus.articles.length === 0) return err(noArticles(opts.inputs, corpus.problems));
  const built = await buildIndex({
    corpus,
    embeddings: opts.embeddings,
    dir: opts.dir,
    inputs: opts.inputs,
    ...(opts.hnsw ? { hnsw: opts.hnsw } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return ok({
    dir: opts.dir,
    mode: "full",
    reason,
    articles: built.articles,
    passages: built.passages,
    dimensions: built.dimensions,
    buildMs: Math.round(performance.now() - started),
    added: built.articles,
    changed: 0,
    removed: 0,
    embedded: built.passages,
    decoded: corpus.decoded ?? [],
    problems: [
      ...corpus.problems,
      ...built.duplicateArticleIds.map((id) => ({
        path: opts.dir,
        message: `duplicate article id "${id}"; skipped`,
      })),
    ],
  });
}

/**
 * Removes segments and ledgers the manifest no longer names (the previous ledger is kept one round,
 * for a reader that opened the previous manifest a moment ago).
 */
async function removeUnused(dir: string, manifest: IndexManifest, previousLedger: string): Promise<void> {
  const keep = new Set([...manifest.segments, manifest.ledger, previousLedger]);
  for (const name of await readdir(dir)) {
    if (keep.has(name)) continue;
    if (/^seg-\d+$/.test(name) || /^ledger-\d+\.json$/.test(name))
      await rm(join(dir, name), { recursive: true, force: true });
  }
}
