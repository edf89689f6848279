/**
 * Reading a `.jsonl` corpus: one article a line, `{"id", "title", "text"}` required and
 * `"date"`, `"url"`, `"source"` (the publisher) optional. A bad line is reported with its 1-based
 * line number and skipped; the other lines are still read.
 */
import { z } from "zod";
import { makeArticle, type ParsedFile, paragraphsFromText } from "./article.js";
import { cleanText } from "./text.js";
import type { Article, CorpusProblem } from "./types.js";

const nonEmpty = z.string().refine((s) => s.trim() !== "", "must not be empty");

const Record = z.object({
  id: nonEmpty,
  title: nonEmpty,
  text: nonEmpty,
  date: z.string().optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  byline: z.string().optional(),
});

function describe(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const field = i.path.join(".") || "record";
      return i.code === "invalid_type" && i.input === undefined
        ? `missing "${field}"`
        : `"${field}": ${i.message}`;
    })
    .join("; ");
}

/**
 * Reads JSON Lines one line at a time, so a file of any size is parsed without ever holding its text
 * whole. Article ids are the records' `id`s, unchanged; a repeated id is a problem on the later
 * line, which is skipped. Blank lines are ignored.
 */
export class JsonlReader {
  readonly articles: Article[] = [];
  readonly problems: CorpusProblem[] = [];
  private line = 0;
  private readonly seen = new Map<string, number>();

  constructor(private readonly source: string) {}

  /** Reads the next line (without its line break). */
  push(raw: string): void {
    const line = ++this.line;
    const source = this.source;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      this.problems.push({ path: source, line, message: `malformed JSON: ${(e as Error).message}` });
      return;
    }
    const r = Record.safeParse(value, { reportInput: true });
    if (!r.success) {
      this.problems.push({ path: source, line, message: `bad record: ${describe(r.error)}` });
      return;
    }
    const rec = r.data;
    const first = this.seen.get(rec.id);
    if (first !== undefined) {
      this.problems.push({
        path: source,
        line,
        message: `duplicate id "${rec.id}" (first on line ${first}); skipped`,
      });
      return;
    }
    const paragraphs = paragraphsFromText(rec.text);
    if (paragraphs.length === 0) {
      this.problems.push({ path: source, line, message: `record "${rec.id}" has no readable text` });
      return;
    }
    this.seen.set(rec.id, line);
    this.articles.push(
      makeArticle({
        id: rec.id,
        title: cleanText(rec.title),
        byline: rec.byline?.trim() ? rec.byline.trim() : null,
        source,
        paragraphs,
        ...(rec.date ? { date: rec.date } : {}),
        ...(rec.url ? { url: rec.url } : {}),
        ...(rec.source ? { publisher: rec.source } : {}),
      }),
    );
  }
}

/** Parses JSON Lines text from `source` (see {@link JsonlReader}). */
export function parseJsonl(text: string, source: string): ParsedFile {
  const reader = new JsonlReader(source);
  for (const raw of text.split(/\r\n|\r|\n/)) reader.push(raw);
  return { articles: reader.articles, problems: reader.problems };
}
