/**
 * Reading a `.jsonl` corpus: one article a line, `{"id", "title", "text"}` required and
 * `"date"`, `"url"`, `"source"` (the publisher) optional. A bad line is reported with its 1-based
 * line number and skipped; the other lines are still read.
 */
import { z } from "zod";
import { makeArticle, type ParsedFile, paragraphsFromText } from "./article.js";
import { cleanText } from "./text.js";
import type { CorpusProblem } from "./types.js";

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
 * Parses JSON Lines text from `source`. Article ids are the records' `id`s, unchanged; a repeated
 * id is a problem on the later line, which is skipped. Blank lines are ignored.
 */
export function parseJsonl(text: string, source: string): ParsedFile {
  const problems: CorpusProblem[] = [];
  const articles: ParsedFile["articles"] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ path: source, line, message: `malformed JSON: ${(e as Error).message}` });
      return;
    }
    const r = Record.safeParse(value, { reportInput: true });
    if (!r.success) {
      problems.push({ path: source, line, message: `bad record: ${describe(r.error)}` });
      return;
    }
    const rec = r.data;
    const first = seen.get(rec.id);
    if (first !== undefined) {
      problems.push({
        path: source,
        line,
        message: `duplicate id "${rec.id}" (first on line ${first}); skipped`,
      });
      return;
    }
    const paragraphs = paragraphsFromText(rec.text);
    if (paragraphs.length === 0) {
      problems.push({ path: source, line, message: `record "${rec.id}" has no readable text` });
      return;
    }
    seen.set(rec.id, line);
    articles.push(
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
  });
  return { articles, problems };
}
