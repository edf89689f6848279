import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { err, ok, type Result } from "../result.js";
import { nextTurn } from "../stop-signals.js";
import { settleHnswWorkers } from "./hnsw-worker.js";
import { INDEX_FILES, type IndexError, readManifest } from "./manifest.js";

/**
 * Files a folder may hold and still count as empty for an index: the repository's `embeddings/`
 * ships with a README. A rebuild carries them (and anything else not an index file) over.
 */
export const PLACEHOLDER_FILES: ReadonlySet<string> = new Set(["README.md", ".gitignore", ".gitkeep"]);

/** The names an index writes into its folder; every other entry there belongs to someone else. */
export const INDEX_FILE_NAMES: ReadonlySet<string> = new Set(Object.values(INDEX_FILES));

/**
 * True for an entry of an index folder that the index wrote: its files, the segments and ledgers
 * incremental updates add (`seg-N/`, `ledger-N.json`), a manifest being replaced, an update's lock.
 */
export function isIndexFile(name: string): boolean {
  return (
    INDEX_FILE_NAMES.has(name) ||
    /^(?:seg-\d+|ledger-\d+\.json|manifest\.json\.tmp-\d+|update\.lock)$/.test(name)
  );
}

/** What is at an index path: nothing yet, an empty folder, or an index this tool wrote. */
export type IndexTarget = "absent" | "empty" | "ours";

/**
 * Decides whether an index may be written at `dir` without touching anything that is not ours.
 * A missing or empty folder may be created or filled; an existing one only when it holds an index
 * this tool wrote (a manifest of ours, or — when that is damaged — nothing but index files).
 * Anything else is refused with a message that names the folder and says what to do; an odd or
 * unwritable path (a file, `/proc/…`, no permission) gets one readable line. Nothing is changed.
 */
export async function checkIndexTarget(dir: string): Promise<Result<IndexTarget, IndexError>> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory())
      return err(unusable(dir, "这是一个文件而不是文件夹 (it is a file, not a folder)"));
    entries = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") return err(unusable(dir, fsReason(e)));
    const parent = await writableParent(dir);
    return parent.ok ? ok("absent") : parent;
  }
  const parent = await writableParent(dir);
  if (!parent.ok) return parent;
  const own = entries.filter((name) => !PLACEHOLDER_FILES.has(name));
  if (own.length === 0) return ok("empty");
  const manifest = await readManifest(dir);
  // Older or damaged indexes of ours are rebuilt; a manifest of another shape is not ours.
  if (manifest.ok || manifest.error.code === "format") return ok("ours");
  if (own.every(isIndexFile)) return ok("ours");
  const foreign = own.filter((name) => !isIndexFile(name));
  const shown = foreign.slice(0, 3).join("、") + (foreign.length > 3 ? ` 等 ${foreign.length} 项` : "");
  return err({
    code: "foreign",
    message:
      `${dir} 不是本工具建立的索引文件夹（里面有 ${shown}），为免覆盖其中的文件，未做任何改动；` +
      `请用 --index 指定一个空文件夹或新路径 (${dir} holds files that are not a gaoxin-qa index; ` +
      "nothing was changed — pass --index an empty or new folder)",
  });
}

/**
 * The folder an index's temporary build directory goes into (beside the index) must take one: tried
 * with an empty probe directory of ours, removed at once (permission bits alone say nothing to root,
 * and nothing about `/proc` or a read-only mount).
 */
async function writableParent(dir: string): Promise<Result<IndexTarget, IndexError>> {
  const probe = `${resolve(dir)}.probe-${process.pid}-${Date.now()}`;
  try {
    await makeTempDir(probe);
  } catch (e) {
    await releaseTempDir(probe);
    return err(unusable(dir, fsReason(e)));
  }
  await releaseTempDir(probe);
  return ok("absent");
}

function unusable(dir: string, reason: string): IndexError {
  return { code: "unusable", message: `无法在 ${dir} 建立索引：${reason}` };
}

/** One line for a file-system error, in words a user can act on, with the system's code. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const words: Record<string, string> = {
    ENOENT: "上级路径不存在或无法创建 (a parent folder does not exist and cannot be created)",
    ENOTDIR: "路径中有一段是文件而不是文件夹 (part of the path is a file)",
    EACCES: "没有写入权限 (permission denied)",
    EPERM: "不允许在此写入 (operation not permitted)",
    EROFS: "文件系统只读 (read-only file system)",
    ENOSPC: "磁盘已满 (no space left on device)",
    EEXIST: "路径已被占用 (path exists)",
  };
  return `${words[code] ?? (e instanceof Error ? e.message.split("\n")[0] : String(e))}${code ? ` [${code}]` : ""}`;
}

/**
 * Scratch of this process, by name — temporary directories (an index being built beside its folder, an
 * evaluation's pooled store, a bench's work folder) and anything else made for one run and removed after
 * it (a bench's or an evaluation's PostgreSQL schema) — with how to remove each. Normal returns and
 * errors remove their own; `removeTempDirs` is for a signal handler at an entry point.
 */
const liveScratch = new Map<string, () => Promise<void>>();

/** Scratch being made right now (`mkdir`, `mkdtemp` in flight): a stop waits for it before removing. */
const making = new Set<Promise<unknown>>();

/** How a temporary directory is removed. Retried: a build still writing into it (a stop signal's removal) makes one pass fail with ENOTEMPTY. */
const removeDir = (path: string) => () => rm(path, { recursive: true, force: true, maxRetries: 3 });

/** Records a temporary directory of this process until {@link releaseTempDir} (or {@link keepTempDir}). */
export function trackTempDir(path: string): void {
  liveScratch.set(path, removeDir(path));
}

/**
 * Records scratch that is not a folder (a PostgreSQL schema), named `name`, and how to remove it, until
 * {@link releaseScratch} (or {@link keepTempDir}).
 */
export function trackScratch(name: string, remove: () => Promise<void>): void {
  liveScratch.set(name, remove);
}

/** Forgets scratch without removing it: the user asked to keep it (`eval --keep`, `bench --keep`). */
export function keepTempDir(name: string): void {
  liveScratch.delete(name);
}

/**
 * Removes a temporary directory (if still there), then forgets it: forgotten first, a stop signal
 * arriving during the removal exited with it half done (an evaluation's pool left whole in /tmp).
 */
export async function releaseTempDir(path: string): Promise<void> {
  await removeDir(path)();
  liveScratch.delete(path);
}

/** Removes the scratch {@link trackScratch} recorded as `name` (if still recorded), then forgets it. */
export async function releaseScratch(name: string): Promise<void> {
  await liveScratch.get(name)?.();
  liveScratch.delete(name);
}

/**
 * Makes `path` (or, with `temp`, a new folder named `path` and six random characters, as `mkdtemp`),
 * tracked: a stop signal arriving while it is being made waits for it and removes it (an empty
 * `….probe-…` folder was left when the signal came during its `mkdir`); after a stop it makes nothing
 * and never settles. Parents are made as needed.
 */
export async function makeTempDir(path: string, opts: { temp?: boolean } = {}): Promise<string> {
  // After a stop nothing more is made (this never resolves): work still going while the handler removes
  // its scratch made a probe folder after the removal, and it was left (seen under load).
  await nextTurn();
  const made = (async () => {
    await mkdir(dirname(path), { recursive: true });
    const dir = opts.temp ? await mkdtemp(path) : path;
    if (!opts.temp) await mkdir(path);
    trackTempDir(dir);
    return dir;
  })();
  making.add(made);
  try {
    return await made;
  } finally {
    making.delete(made);
  }
}

/**
 * Removes all the scratch this process still has (for SIGINT/SIGTERM handlers, which exit next): first
 * halts the HNSW workers building into it, as exiting while one is inside hnswlib aborts the process
 * (see {@link settleHnswWorkers}), and waits for folders being made.
 */
export async function removeTempDirs(): Promise<void> {
  await settleHnswWorkers();
  await Promise.allSettled([...making]);
  // Work cut short may still record one while these are removed: removed in the next pass.
  for (let pass = 0; pass < 3 && liveScratch.size > 0; pass++)
    await Promise.allSettled(
      [...liveScratch].map(async ([name, remove]) => {
        await remove();
        liveScratch.delete(name);
      }),
    );
}

/**
 * True when a process with this id exists (this one included): a build or update it runs must be
 * left alone. EPERM means it exists but belongs to someone else.
 */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
