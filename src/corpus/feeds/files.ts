/**
 * Fetched articles as corpus files: one `.md` per page under `<dir>/<host>/`, front matter `url`,
 * `date`, `source` (and `byline`), read back by the ordinary Markdown reader like any article a
 * person wrote. Beside them, `<dir>/.fetch-state.json` (hidden, so the corpus walk passes over it)
 * remembers per URL the file written, the hash of what was written, and the ETag/Last-Modified the
 * server sent, so a page fetched again costs a 304 and an unchanged article is never rewritten.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { z } from "zod";
import type { PageArticle } from "./page.js";

/** What is remembered about one page. */
const PageState = z.object({
  /** The article file, relative to the feeds folder. */
  file: z.string().optional(),
  /** sha256 of the bytes last written there: a file with other bytes was edited by a person. */
  sha256: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});
const FeedState = z.object({ etag: z.string().optional(), lastModified: z.string().optional() });
const State = z.object({
  version: z.literal(1),
  pages: z.record(z.string(), PageState),
  feeds: z.record(z.string(), FeedState),
});
export type FetchState = z.infer<typeof State>;
export type PageRecord = z.infer<typeof PageState>;

const STATE_FILE = ".fetch-state.json";

/** The state kept in `dir`, or an empty one (first run, or a file that is not ours any more). */
export async function readState(dir: string): Promise<FetchState> {
  try {
    const parsed = State.safeParse(JSON.parse(await readFile(join(dir, STATE_FILE), "utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or unreadable: start afresh; article files already there are recognised by their url.
  }
  return { version: 1, pages: {}, feeds: {} };
}

/** Writes `text` to `path` whole or not at all (a reader never sees half a file). */
export async function writeAtomic(path: string, text: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Hidden, so a corpus walk never reads (or reports) a half-written file left by a crash.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** Saves the state beside the articles. */
export async function writeState(dir: string, state: FetchState): Promise<void> {
  await writeAtomic(join(dir, STATE_FILE), `${JSON.stringify(state, null, 1)}\n`);
}

export const sha256 = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

/** Longest readable part of a file name taken from the URL; the hash keeps names unique. */
const MAX_SLUG = 40;

/**
 * Where the article from `url` is written, relative to the feeds folder: `<host>/<path words>-<hash>.md`
 * (`.pdf` for an e-paper page). The file stem is the article id (a PDF's articles: `<stem>-<n>`), so
 * it is unique across the corpus (the URL's hash) and readable.
 */
export function articlePath(url: string, ext = ".md"): string {
  const u = new URL(url);
  const host = u.host.replace(/[^A-Za-z0-9.-]+/g, "_");
  const words = `${u.pathname.replace(/\.[A-Za-z0-9]{1,5}$/, "")}${u.search}`
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const slug = words.length > MAX_SLUG ? words.slice(words.length - MAX_SLUG).replace(/^-+/, "") : words;
  const hash = createHash("sha256").update(u.href).digest("hex").slice(0, 10);
  return join(host, `${slug === "" ? "index" : slug}-${hash}${ext}`);
}

/** Front-matter values stay on one line. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** The Markdown text of a fetched article; the same article always gives the same bytes. */
export function articleMarkdown(a: PageArticle): string {
  const front = [
    "---",
    `url: ${oneLine(a.url)}`,
    ...(a.date ? [`date: ${a.date}`] : []),
    `source: ${oneLine(a.source)}`,
    ...(a.byline ? [`byline: ${oneLine(a.byline)}`] : []),
    "---",
  ];
  const body: string[] = [];
  let section: string | null = null;
  for (const p of a.paragraphs) {
    if (p.section !== section && p.section !== null) body.push(`## ${oneLine(p.section)}`, "");
    section = p.section;
    body.push(p.text, "");
  }
  return `${[...front, "", `# ${oneLine(a.title)}`, "", ...body].join("\n").trimEnd()}\n`;
}

/** The `url:` a Markdown file's front matter gives, if any (to recognise our own files). */
export function frontMatterUrl(text: string): string | undefined {
  const m = /^---\r?\n(?:.*\r?\n)*?url:\s*(\S+)\s*\r?\n/m.exec(text);
  return m?.[1];
}

/** `path` relative to `dir`, with forward slashes, for the state file. */
export const relativeTo = (dir: string, path: string) => relative(dir, path).split("\\").join("/");
