/**
 * Loading a corpus from files and folders. Every expected failure — a missing path, an empty,
 * binary or non-UTF-8 file, a bad line — becomes a CorpusProblem and the rest is still read.
 */
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { z } from "zod";
import type { ParsedFile } from "./article.js";
import { parseJsonl } from "./jsonl.js";
import { parseMarkdown } from "./markdown.js";
import { parseNewspaperPage } from "./newspaper.js";
import type { Article, CorpusFile, CorpusProblem, LoadedCorpus } from "./types.js";

const READERS: Record<string, (text: string, path: string, stem: string) => ParsedFile> = {
  ".txt": (text, path, stem) => parseNewspaperPage(text, path, stem),
  ".md": (text, path, stem) => parseMarkdown(text, path, stem),
  ".jsonl": (text, path) => parseJsonl(text, path),
};

/**
 * What a folder walk does with a file: read it (a known extension), pass over it without a word (hidden
 * files, a README, the folder's own metadata), or name it as skipped (a `.docx`, a `.pdf`: a user who
 * dropped it in expects it to count, so silence would hide that it did not).
 */
function walkAction(name: string): "read" | "ignore" | "unsupported" {
  if (name.startsWith(".")) return "ignore";
  // Corpus folders document themselves in README.md (see /work/shared/corpus); that is not news.
  if (/^readme\.(?:md|txt)$/i.test(name)) return "ignore";
  if (extname(name).toLowerCase() in READERS) return "read";
  // Sidecar metadata (`*.meta.json`, e.g. a page's date) is read with its page, not as news.
  if (/\.meta\.json$/i.test(name)) return "ignore";
  return "unsupported";
}

/**
 * A page's metadata file beside it: `000_x.txt` → `000_x.meta.json`, `{"date": "2020-06", "note": …}`.
 * A raw page often has no dateline; its date, established some other way (the note says how), is
 * given to every article of the page that has none of its own.
 */
const PageMeta = z.object({
  date: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
    .optional(),
  note: z.string().optional(),
});

/** The metadata file a page may have beside it. */
export function sidecarPath(path: string): string {
  return `${path.slice(0, path.length - extname(path).length)}.meta.json`;
}

/** Reads a page's metadata file: null when there is none, else its bytes and what it says (or why not). */
async function readSidecar(
  path: string,
): Promise<{ file: CorpusFile; date?: string } | { file: CorpusFile; problem: string } | null> {
  const meta = sidecarPath(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(meta);
  } catch {
    return null;
  }
  const file = { path: meta, sha256: createHash("sha256").update(bytes).digest("hex") };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return { file, problem: "not valid JSON" };
  }
  const parsed = PageMeta.safeParse(json);
  if (!parsed.success) return { file, problem: parsed.error.issues[0]?.message ?? "invalid metadata" };
  return parsed.data.date === undefined ? { file } : { file, date: parsed.data.date };
}

/** Why a file of another type is skipped, in the words `ingest` and `ask` print. */
function unsupported(ext: string): string {
  return `unsupported file type "${ext || "(none)"}" (expected .txt, .md or .jsonl)`;
}

function message(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT") return "no such file or directory";
  if (err.code === "EACCES" || err.code === "EPERM") return "permission denied";
  return err.message ?? String(e);
}

/** Files under `dir`, recursively, sorted by name at each level so every run reads the same order. */
async function walk(dir: string, problems: CorpusProblem[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, message: `cannot read folder: ${message(e)}` });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    // A symbolic link counts as what it points to; a dangling one is reported when read.
    const isDir = e.isDirectory() || (e.isSymbolicLink() && (await stat(p).catch(() => null))?.isDirectory());
    if (isDir) {
      if (!e.name.startsWith(".")) out.push(...(await walk(p, problems)));
    } else {
      const action = walkAction(e.name);
      if (action === "read") out.push(p);
      else if (action === "unsupported") problems.push({ path: p, message: unsupported(extname(e.name)) });
    }
  }
  return out;
}

/** Text of a file, or why it is not text: NUL bytes or invalid UTF-8 mean binary. */
function decode(bytes: Uint8Array): { ok: true; text: string } | { ok: false; why: string } {
  if (bytes.includes(0)) return { ok: false, why: "binary file (NUL bytes)" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, why: "not valid UTF-8" };
  }
}

/** Reads one file into `into`; records its hash whenever its bytes could be read. */
async function readOne(
  path: string,
  into: { articles: Article[]; problems: CorpusProblem[]; files: CorpusFile[]; ids: Map<string, string> },
): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    into.problems.push({ path, message: `cannot read file: ${message(e)}` });
    return;
  }
  into.files.push({ path, sha256: createHash("sha256").update(bytes).digest("hex") });
  // Recorded whenever the page's bytes are, as corpusFiles does, so a change to it is noticed.
  const meta = extname(path).toLowerCase() === ".txt" ? await readSidecar(path) : null;
  if (meta !== null) {
    into.files.push(meta.file);
    if ("problem" in meta) into.problems.push({ path: meta.file.path, message: meta.problem });
  }
  const text = decode(bytes);
  if (!text.ok) {
    into.problems.push({ path, message: text.why });
    return;
  }
  if (text.text.trim() === "") {
    into.problems.push({ path, message: "empty file" });
    return;
  }
  const ext = extname(path).toLowerCase();
  const reader = READERS[ext];
  if (!reader) {
    into.problems.push({ path, message: unsupported(ext) });
    return;
  }
  const parsed = reader(text.text, path, basename(path, extname(path)));
  into.problems.push(...parsed.problems);
  if (meta !== null && "date" in meta && meta.date !== undefined)
    for (const a of parsed.articles) if (a.date === undefined) a.date = meta.date;
  for (const a of parsed.articles) {
    const first = into.ids.get(a.id);
    if (first !== undefined) {
      into.problems.push({
        path,
        message: `duplicate article id "${a.id}" (first read from ${first}); skipped`,
      });
      continue;
    }
    into.ids.set(a.id, path);
    into.articles.push(a);
  }
}

/**
 * The corpus files under `paths`, in the order `loadCorpus` reads them, each path once. Yields as it
 * walks, so problems with one input are reported before the files of the next are read.
 */
async function* corpusPaths(paths: readonly string[], problems: CorpusProblem[]): AsyncGenerator<string> {
  const seen = new Set<string>();
  for (const p of paths) {
    let files: string[];
    try {
      const st = await stat(p);
      files = st.isDirectory() ? await walk(p, problems) : [p];
    } catch (e) {
      problems.push({ path: p, message: message(e) });
      continue;
    }
    for (const f of files) {
      const key = resolve(f);
      if (seen.has(key)) continue;
      seen.add(key);
      yield f;
    }
  }
}

/**
 * The files `loadCorpus(paths)` would record, with the sha256 of their bytes, without parsing any
 * of them: enough to tell whether an index is older than its corpus, and far cheaper at 100,000
 * passages than reading every article.
 */
export async function corpusFiles(paths: readonly string[]): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for await (const path of corpusPaths(paths, [])) {
    try {
      files.push({
        path,
        sha256: createHash("sha256")
          .update(await readFile(path))
          .digest("hex"),
      });
      if (extname(path).toLowerCase() === ".txt") {
        const meta = await readSidecar(path);
        if (meta !== null) files.push(meta.file);
      }
    } catch {
      // Unreadable: loadCorpus records no hash for it (or its metadata file) either.
    }
  }
  return files;
}

/**
 * Reads every corpus file under `paths` (files or folders, folders recursively and in sorted
 * order): `.txt` as a newspaper page or plain article, `.md` as an article, `.jsonl` as one article
 * a line. Files of other types are skipped and named as problems; hidden files and README.md in
 * folders are passed over. A file given twice is read once. Never throws for bad input.
 */
export async function loadCorpus(paths: readonly string[]): Promise<LoadedCorpus> {
  const into = {
    articles: [] as Article[],
    problems: [] as CorpusProblem[],
    files: [] as CorpusFile[],
    ids: new Map<string, string>(),
  };
  for await (const f of corpusPaths(paths, into.problems)) await readOne(f, into);
  return { articles: into.articles, problems: into.problems, files: into.files };
}
