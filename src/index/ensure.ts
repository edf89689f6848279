import { readdir, rename, stat } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { corpusFiles, missingInputs } from "../corpus/load.js";
import type { CorpusProblem } from "../corpus/types.js";
import { err, type Result } from "../result.js";
import type { IndexEmbeddings } from "./build.js";
import { readLedger } from "./ledger.js";
import { type EmbeddedIndex, loadIndex } from "./load.js";
import { corpusChanged, type IndexError, type IndexManifest, LEDGER_NAME, readManifest } from "./manifest.js";
import { checkIndexTarget, isAlive } from "./target.js";

/** Why an index is being (re)built, for the user-facing log line. */
export type RebuildReason = "missing" | "corpus-changed" | "corrupt" | "format";

/** Notes `ensureIndex` reports as it goes (the caller decides how to show them). */
export interface EnsureEvents {
  rebuilding?: (reason: RebuildReason, detail: string) => void;
  /** An ingest killed between its two renames left the index aside; it was put back. */
  recovered?: (from: string) => void;
  built?: (summary: { articles: number; passages: number; buildMs: number }) => void;
  /**
   * Corpus inputs the index was built from that are not there at all (a relative path from another
   * working directory): the index is used as built, not emptied of their articles.
   */
  inputsMissing?: (paths: readonly string[]) => void;
  /** Corpus files (or lines) skipped while building, each with why — as `ingest` reports them. */
  skipped?: (problems: readonly CorpusProblem[]) => void;
}

/**
 * Whether the corpus an index was built from changed since (files added, removed or changed), or is
 * not there at all: an input not found is more likely read from elsewhere (a relative path from another
 * directory, a disk not mounted) than deleted on purpose, and updating would drop every article it gave
 * (a 360-article index asked from another checkout was rebuilt from the six of the default page), so
 * `missing` names those inputs and `changed` is false. `npm run ingest` updates it when that is meant.
 */
export async function corpusState(manifest: IndexManifest): Promise<{ missing: string[]; changed: boolean }> {
  const missing = await missingInputs(manifest.corpus.inputs);
  if (missing.length > 0) return { missing, changed: false };
  return { missing, changed: corpusChanged(manifest, await corpusFiles(manifest.corpus.inputs)) };
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
): Promise<Result<EmbeddedIndex, IndexError>> {
  const recovered = await recoverInterruptedSwap(dir);
  if (recovered !== null) events.recovered?.(recovered);
  const manifest = await readManifest(dir);
  let reason: RebuildReason | null = null;
  let detail = "";
  if (!manifest.ok) {
    reason = manifest.error.code === "embeddings-mismatch" ? null : rebuildReason(manifest.error);
    detail = manifest.error.message;
  } else {
    const corpus = await corpusState(manifest.value);
    if (corpus.missing.length > 0) events.inputsMissing?.(corpus.missing);
    else if (corpus.changed) {
      reason = "corpus-changed";
      detail = "语料文件有变化 (corpus files changed)";
    }
  }
  if (reason === null) {
    // loadIndex checks every file, docstore.json included, and names what is damaged.
    const loaded = await loadIndex(dir, embeddings);
    if (loaded.ok || loaded.error.code === "embeddings-mismatch" || loaded.error.code === "missing")
      return loaded;
    reason = rebuildReason(loaded.error);
    detail = loaded.error.message;
  }
  // Nothing is built over a folder that is not ours, or where it cannot be written.
  const target = await checkIndexTarget(dir);
  if (!target.ok) return target;
  // A damaged manifest no longer says what the index was built from; its ledger still does. Rebuilding
  // from `inputs` alone would silently drop every article read from elsewhere (an index of the page and
  // the 2023 news became the page's six articles): say so instead, and touch nothing.
  if (!manifest.ok && manifest.error.code === "corrupt") {
    const refused = await inputsLost(dir, inputs);
    if (refused !== null) return err(refused);
  }
  const buildFrom = manifest.ok ? manifest.value.corpus.inputs : inputs;
  events.rebuilding?.(reason, detail);
  // Building needs the corpus parsers and LangChain's HNSWLib (hundreds of modules): loaded only now,
  // so that opening a ready index starts fast. A changed corpus is an update (only new and changed
  // articles are embedded); anything else is rebuilt in full.
  const { updateIndex } = await import("./update.js");
  const updated = await updateIndex({
    dir,
    inputs: buildFrom,
    embeddings,
    full: reason !== "corpus-changed",
  });
  const problems = updated.ok ? updated.value.problems : updated.error.problems;
  if (problems.length > 0) events.skipped?.(problems);
  // Another process is updating it: the version in place is whole; that process brings the new one.
  if (!updated.ok && updated.error.code === "busy") return loadIndex(dir, embeddings);
  if (!updated.ok) {
    return err({
      code: "missing",
      message: `没有可用的语料，无法建立索引 (no articles found in ${buildFrom.join(", ")})：请把报道放进 ${buildFrom.join("、")} 后运行 npm run ingest`,
    });
  }
  events.built?.(updated.value);
  return loadIndex(dir, embeddings);
}

/**
 * Why rebuilding the index in `dir` from `inputs` alone must not happen, or null when it may: its
 * `manifest.json` is damaged (it no longer says what the index was built from) and its newest ledger
 * records files outside every one of `inputs`, whose articles the rebuild would silently drop (an index
 * of the page and the 2023 news became the page's six articles). For `ask`, `zones`, a plain `ingest`,
 * `/reindex` and `--watch`: none of them is told the inputs, so they take CORPUS_DIR.
 */
export async function inputsLost(dir: string, inputs: readonly string[]): Promise<IndexError | null> {
  const manifest = await readManifest(dir);
  if (manifest.ok || manifest.error.code !== "corrupt") return null;
  const elsewhere = await ledgerFilesOutside(dir, inputs);
  if (elsewhere.length === 0) return null;
  return {
    code: "unusable",
    message: `${dir} 的 manifest.json 已损坏，而索引里还有 ${inputs.join("、")} 以外的语料（${elsewhere.slice(0, 3).join("、")}${elsewhere.length > 3 ? " 等" : ""}）：为不丢失这些报道，没有自动重建。请指明全部语料重建：npm run ingest -- --input ${inputs[0] ?? "data/corpus"} --input … (manifest.json is damaged and the index holds articles from other inputs: not rebuilt)`,
  };
}

/**
 * The corpus files an index's newest ledger records that lie outside every one of `inputs` (none when it
 * has no readable ledger): what a rebuild from `inputs` alone would drop.
 */
async function ledgerFilesOutside(dir: string, inputs: readonly string[]): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const generation = (name: string) => Number(/\d+/.exec(name)?.[0] ?? 0);
  const newest = names
    .filter((name) => LEDGER_NAME.test(name))
    .sort((a, b) => generation(b) - generation(a))[0];
  if (newest === undefined) return [];
  const ledger = await readLedger(join(dir, newest));
  if (!ledger.ok) return [];
  const roots = inputs.map((i) => resolve(i));
  const inside = (path: string) => {
    const full = resolve(path);
    return roots.some((r) => full === r || full.startsWith(`${r}${sep}`));
  };
  return [...new Set(ledger.value.files.map((f) => f.path).filter((path) => !inside(path)))];
}

/** The rebuild reason for an index that cannot be used as it is (those codes only come from reading one). */
function rebuildReason(error: IndexError): RebuildReason {
  return error.code === "missing" || error.code === "corrupt" || error.code === "format"
    ? error.code
    : "corrupt";
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `buildIndex` swaps a new index in with two renames (`dir` → `dir.old-…`, `dir.tmp-…` → `dir`). An
 * ingest killed between them leaves no `dir`: put back the newest complete index left aside (the new
 * one first, as it has its manifest, which is written last). Returns what was put back, or null.
 */
async function recoverInterruptedSwap(dir: string): Promise<string | null> {
  if (await isDir(dir)) return null;
  let names: string[];
  try {
    names = await readdir(dirname(dir));
  } catch {
    return null;
  }
  const prefix = basename(dir);
  const aside = names
    .map((name) => ({ name, m: /^\.(tmp|old)-(\d+)-(\d+)$/.exec(name.slice(prefix.length)) }))
    .filter((x) => x.name.startsWith(prefix) && x.m !== null && !isAlive(Number(x.m[2])))
    .sort((a, b) => Number(b.m?.[3]) - Number(a.m?.[3]) || (a.m?.[1] === "tmp" ? -1 : 1));
  for (const { name } of aside) {
    const path = join(dirname(dir), name);
    if (!(await readManifest(path)).ok) continue;
    try {
      await rename(path, dir);
      return path;
    } catch {
      return null;
    }
  }
  return null;
}
