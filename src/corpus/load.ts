/**
 * Loading a corpus from files and folders. Every expected failure — a missing path, an empty or
 * binary file, one in an encoding other than UTF-8, GBK/GB18030 or UTF-16, a bad line — becomes a
 * CorpusProblem and the rest is still read.
 */
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { createReadStream } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { z } from "zod";
import type { ParsedFile } from "./article.js";
import { bomEncoding, CONVERT_HINT, ENCODING_LABEL, looksLikeGb, type TextEncodingName } from "./encoding.js";
import { JsonlReader } from "./jsonl.js";
import { parseMarkdown } from "./markdown.js";
import { parseNewspaperPage } from "./newspaper.js";
import { readImage } from "./ocr.js";
import { readPdf } from "./pdf.js";
import type { Article, CorpusFile, CorpusProblem, DecodedFile, LoadedCorpus } from "./types.js";

/** Readers by extension; `.jsonl` is read line by line as it streams in (see `readFileArticles`). */
const READERS: Record<string, (text: string, path: string, stem: string) => ParsedFile> = {
  ".txt": (text, path, stem) => parseNewspaperPage(text, path, stem),
  ".md": (text, path, stem) => parseMarkdown(text, path, stem),
  ".jsonl": () => ({ articles: [], problems: [] }),
};

/**
 * Readers of binary pages, given the whole file: e-paper PDFs (text layer) and scanned page images
 * (OCR, when tesseract is installed). A page's metadata file gives them a date as it does a `.txt`.
 */
const BINARY_READERS: Record<
  string,
  (bytes: Buffer, path: string, stem: string) => Promise<{ articles: Article[]; problems: CorpusProblem[] }>
> = {
  ".pdf": readPdf,
  ".png": readImage,
  ".jpg": readImage,
  ".jpeg": readImage,
};

/** Largest PDF or image read (an e-paper page is 1–20 MB). */
const MAX_BINARY_BYTES = 256 * 1024 * 1024;

/** Whether `path` is a page that may have a metadata file beside it. */
const takesSidecar = (path: string) => {
  const ext = extname(path).toLowerCase();
  return ext === ".txt" || ext in BINARY_READERS;
};

/**
 * What a folder walk does with a file: read it (a known extension), pass over it without a word (hidden
 * files, a README, the folder's own metadata), or name it as skipped (a `.docx`, a `.csv`: a user who
 * dropped it in expects it to count, so silence would hide that it did not).
 */
function walkAction(name: string): "read" | "ignore" | "unsupported" {
  if (name.startsWith(".")) return "ignore";
  // Corpus folders document themselves in README.md (see /work/shared/corpus); that is not news.
  if (/^readme\.(?:md|txt)$/i.test(name)) return "ignore";
  if (extname(name).toLowerCase() in READERS || extname(name).toLowerCase() in BINARY_READERS) return "read";
  // Sidecar metadata (`*.meta.json`, e.g. a page's date) is read with its page, not as news.
  if (/\.meta\.json$/i.test(name)) return "ignore";
  return "unsupported";
}

/**
 * A page's metadata file beside it: `000_x.txt` → `000_x.meta.json`, `{"date": "2020-06", "note": …}`.
 * A raw page often has no dateline; its date, established some other way (the note says how), is
 * given to every article of the page that has none of its own; so is `url`, the address the page was
 * fetched from (an e-paper PDF fetched with `ingest --url`), for citations to link back to.
 */
const PageMeta = z.object({
  date: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
    .optional(),
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) URL" }).optional(),
  note: z.string().optional(),
});

/** The metadata file a page may have beside it. */
export function sidecarPath(path: string): string {
  return `${path.slice(0, path.length - extname(path).length)}.meta.json`;
}

/** Reads a page's metadata file: null when there is none, else its bytes and what it says (or why not). */
async function readSidecar(
  path: string,
): Promise<{ file: CorpusFile; date?: string; url?: string } | { file: CorpusFile; problem: string } | null> {
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
  const { date, url } = parsed.data;
  return { file, ...(date !== undefined ? { date } : {}), ...(url !== undefined ? { url } : {}) };
}

/** Why a file of another type is skipped, in the words `ingest` and `ask` print. */
function unsupported(ext: string): string {
  return `unsupported file type "${ext || "(none)"}" (expected .txt, .md, .jsonl, .pdf, .png or .jpg)`;
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

/** Longest page (`.txt`/`.md`) read as one text; a bigger one is reported, not half-read. */
const MAX_PAGE_CHARS = 64 * 1024 * 1024;

/** Why a file stopped being read: it is not text, or a page too large to hold. */
class Unreadable extends Error {}

/** Bytes that are not valid in the encoding tried, `at` the offset where that was found. */
class NotDecodable extends Unreadable {
  constructor(
    readonly encoding: TextEncodingName,
    readonly at: number,
    readonly end: boolean,
  ) {
    super(
      `not valid ${ENCODING_LABEL[encoding]} (${end ? `truncated character at the end, byte ${at}` : `near byte ${at}`})`,
    );
  }
}

/** The first bytes of a file (fewer for a short one): enough to tell its encoding. */
async function head(path: string, n = 64 * 1024): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Streams a file's bytes once: hashes them, checks they are text in `encoding` (NUL characters, or
 * bytes that are not valid in it, mean binary) and hands the decoded text on in pieces, so a file of
 * any size is read in constant memory beyond what `onText` keeps. A byte-order mark is dropped.
 * Throws {@link Unreadable} with the reason, or the file system's error.
 */
async function streamText(
  path: string,
  onText: (text: string) => void,
  encoding: TextEncodingName = "utf-8",
): Promise<string> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder(encoding, { fatal: true });
  // In UTF-16 every ASCII character has a zero byte: there, only a decoded NUL means binary.
  const wide = encoding.startsWith("utf-16");
  let offset = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    const nul = wide ? -1 : bytes.indexOf(0);
    if (nul >= 0) throw new Unreadable(`binary file (NUL bytes at byte ${offset + nul})`);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new NotDecodable(encoding, offset, false);
    }
    if (wide && text.includes("\0")) throw new Unreadable(`binary file (NUL characters near byte ${offset})`);
    offset += bytes.length;
    onText(text);
  }
  try {
    onText(decoder.decode());
  } catch {
    throw new NotDecodable(encoding, offset, true);
  }
  return hash.digest("hex");
}

/** Splits streamed text into lines (`\r\n`, `\r` or `\n`), handing each on without its break. */
function lineSplitter(onLine: (line: string) => void): { push(text: string): void; end(): void } {
  let pending = "";
  return {
    push(text) {
      pending += text;
      const re = /\r\n|\r|\n/g;
      let start = 0;
      for (let m = re.exec(pending); m !== null; m = re.exec(pending)) {
        // A `\r` ending the piece may be the first half of a `\r\n`: wait for the next piece.
        if (m[0] === "\r" && m.index === pending.length - 1) break;
        onLine(pending.slice(start, m.index));
        start = m.index + m[0].length;
      }
      pending = pending.slice(start);
    },
    end() {
      if (pending !== "") onLine(pending);
      pending = "";
    },
  };
}

/** sha256 of a file's bytes, hex; streamed so large corpus files are not held in memory. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** What one file gave: its hash (when its bytes could be read), articles and problems. */
export interface ReadResult {
  sha256?: string;
  articles: Article[];
  problems: CorpusProblem[];
  /** A page's metadata file (`<page>.meta.json`), recorded beside the page so a change to it is noticed. */
  sidecars: CorpusFile[];
  /** The encoding the file was read in, when not UTF-8 (GBK/GB18030, UTF-16). */
  encoding?: TextEncodingName;
}

/**
 * Reads one file: `.jsonl` line by line as it streams in, a page (`.txt`, `.md`) as one text, a PDF
 * or page image whole; a page's metadata file (`.txt`, `.pdf`, image) gives its date and url to
 * every article without one. A file that is not text,
 * or cannot be read, gives no articles and one problem saying why.
 */
export async function readFileArticles(path: string): Promise<ReadResult> {
  const body = await readBody(path);
  const meta = body.sha256 !== undefined && takesSidecar(path) ? await readSidecar(path) : null;
  if (meta === null) return { ...body, sidecars: [] };
  for (const a of body.articles) {
    if ("date" in meta && meta.date !== undefined && a.date === undefined) a.date = meta.date;
    if ("url" in meta && meta.url !== undefined && a.url === undefined) a.url = meta.url;
  }
  const problems =
    "problem" in meta ? [{ path: meta.file.path, message: meta.problem }, ...body.problems] : body.problems;
  return { ...body, problems, sidecars: [meta.file] };
}

async function readBody(path: string): Promise<Omit<ReadResult, "sidecars">> {
  const ext = extname(path).toLowerCase();
  const binary = BINARY_READERS[ext];
  if (binary) {
    let bytes: Buffer;
    try {
      if ((await stat(path)).size > MAX_BINARY_BYTES)
        return {
          articles: [],
          problems: [{ path, message: `larger than ${MAX_BINARY_BYTES / 1024 / 1024} MiB` }],
        };
      bytes = await readFile(path);
    } catch (e) {
      return { articles: [], problems: [{ path, message: `cannot read file: ${message(e)}` }] };
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { sha256, ...(await binary(bytes, path, basename(path, extname(path)))) };
  }
  const reader = READERS[ext];
  if (!reader) {
    let sha256: string | undefined;
    try {
      sha256 = await streamText(path, () => {});
    } catch {
      // Unreadable or not text: nothing to hash either way.
    }
    return {
      ...(sha256 !== undefined ? { sha256 } : {}),
      articles: [],
      problems: [{ path, message: unsupported(ext) }],
    };
  }
  // UTF-16 says so with its byte-order mark; anything else is read as UTF-8 first, and as GBK/GB18030
  // when it is not UTF-8 but reads as Chinese there.
  let encoding: TextEncodingName = "utf-8";
  try {
    encoding = bomEncoding(await head(path)) ?? "utf-8";
  } catch (e) {
    return { articles: [], problems: [{ path, message: `cannot read file: ${message(e)}` }] };
  }
  let read = await readText(path, ext, reader, encoding);
  if (read.error instanceof NotDecodable && encoding === "utf-8") {
    const notUtf8 = read.error;
    if (looksLikeGb(await head(path).catch(() => new Uint8Array()))) {
      encoding = "gb18030";
      read = await readText(path, ext, reader, encoding);
    }
    if (read.error instanceof NotDecodable)
      return { ...withoutError(read), problems: [{ path, message: `${notUtf8.message}: ${CONVERT_HINT}` }] };
  }
  return { ...withoutError(read), ...(encoding !== "utf-8" && read.error === undefined ? { encoding } : {}) };
}

/** A read's outcome without the error it carried for the caller. */
function withoutError(read: TextRead): Omit<ReadResult, "sidecars"> {
  const { error: _error, ...rest } = read;
  return rest;
}

/** One reading of a file in one encoding; `error` is why it stopped, when it did. */
type TextRead = Omit<ReadResult, "sidecars"> & { error?: Unreadable };

async function readText(
  path: string,
  ext: string,
  reader: (text: string, path: string, stem: string) => ParsedFile,
  encoding: TextEncodingName,
): Promise<TextRead> {
  let blank = true;
  let sha256: string | undefined;
  try {
    if (ext === ".jsonl") {
      const jsonl = new JsonlReader(path);
      const lines = lineSplitter((line) => jsonl.push(line));
      sha256 = await streamText(
        path,
        (text) => {
          if (blank && text.trim() !== "") blank = false;
          lines.push(text);
        },
        encoding,
      );
      lines.end();
      if (blank) return { sha256, articles: [], problems: [{ path, message: "empty file" }] };
      return { sha256, articles: jsonl.articles, problems: jsonl.problems };
    }
    const parts: string[] = [];
    let length = 0;
    sha256 = await streamText(
      path,
      (text) => {
        length += text.length;
        if (length > MAX_PAGE_CHARS)
          throw new Unreadable(
            `too large for one page (over ${MAX_PAGE_CHARS / 1024 / 1024}M characters): split it into several files, or write it as .jsonl (one article a line)`,
          );
        parts.push(text);
      },
      encoding,
    );
    const text = parts.join("");
    if (text.trim() === "") return { sha256, articles: [], problems: [{ path, message: "empty file" }] };
    return { sha256, ...reader(text, path, basename(path, extname(path))) };
  } catch (e) {
    if (!(e instanceof Unreadable))
      return { articles: [], problems: [{ path, message: `cannot read file: ${message(e)}` }] };
    // Its bytes could be read: hashed all the same, so the index notices when the file is fixed.
    sha256 ??= await hashFile(path).catch(() => undefined);
    return {
      ...(sha256 !== undefined ? { sha256 } : {}),
      articles: [],
      problems: [{ path, message: e.message }],
      error: e,
    };
  }
}

/** The problem of an article whose id an earlier file already gave. */
export function duplicateProblem(path: string, id: string, first: string): CorpusProblem {
  return { path, message: `duplicate article id "${id}" (first read from ${first}); skipped` };
}

/** Reads one file into `into`; records its hash whenever its bytes could be read. */
async function readOne(
  path: string,
  into: {
    articles: Article[];
    problems: CorpusProblem[];
    files: CorpusFile[];
    ids: Map<string, string>;
    decoded: DecodedFile[];
  },
): Promise<void> {
  const read = await readFileArticles(path);
  if (read.encoding !== undefined) into.decoded.push({ path, encoding: ENCODING_LABEL[read.encoding] });
  if (read.sha256 !== undefined) into.files.push({ path, sha256: read.sha256 }, ...read.sidecars);
  into.problems.push(...read.problems);
  for (const a of read.articles) {
    const first = into.ids.get(a.id);
    if (first !== undefined) {
      into.problems.push(duplicateProblem(path, a.id, first));
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
 * The corpus inputs (files or folders, as an index records them) that do not exist at all: a path
 * relative to another working directory, an unmounted disk, a folder renamed. Not the files missing
 * inside a folder that exists — those were removed from the corpus.
 */
export async function missingInputs(paths: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const p of paths) {
    try {
      await stat(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR")
        missing.push(p);
    }
  }
  return missing;
}

/**
 * The files `loadCorpus(paths)` would record, with the sha256 of their bytes, without parsing any
 * of them: enough to tell whether an index is older than its corpus, and far cheaper at 100,000
 * passages than reading every article. What the walk could not use (a missing path, a `.docx`)
 * goes into `problems`.
 */
export async function corpusFiles(
  paths: readonly string[],
  problems: CorpusProblem[] = [],
): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for await (const path of corpusPaths(paths, problems)) {
    try {
      files.push({ path, sha256: await hashFile(path) });
      if (takesSidecar(path)) {
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
 * a line; UTF-8, or GBK/GB18030 and UTF-16 (named in `decoded`). Files of other types are skipped and named as problems; hidden files and README.md in
 * folders are passed over. A file given twice is read once. Never throws for bad input.
 */
export async function loadCorpus(paths: readonly string[]): Promise<LoadedCorpus> {
  const into = {
    articles: [] as Article[],
    problems: [] as CorpusProblem[],
    files: [] as CorpusFile[],
    ids: new Map<string, string>(),
    decoded: [] as DecodedFile[],
  };
  for await (const f of corpusPaths(paths, into.problems)) await readOne(f, into);
  return { articles: into.articles, problems: into.problems, files: into.files, decoded: into.decoded };
}
