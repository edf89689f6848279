/**
 * Reading one `.md` article: the first `# ` line is the title, `## ` (or deeper) lines are
 * section titles, blank-line-separated blocks are paragraphs. Metadata is `key: value` lines (an
 * ASCII key, `:` or `：`) before the title, inside a `---` front-matter block, or in a run right
 * after the title (blank lines may stand between): `date`, `url`, `source` (the publisher) and
 * `byline`/`author` are read, other keys are ignored; none of them is article text.
 */

import type { ParsedFile } from "./article.js";
import { makeArticle, paragraphsFromText } from "./article.js";
import { cleanText } from "./text.js";
import type { Paragraph } from "./types.js";

// Inline markup that would otherwise end up in quotes: emphasis, code, links and images.
function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/(^|[^*])\*(?!\s)([^*]+)\*/g, "$1$2");
}

const META = /^([A-Za-z_]+)\s*[:：]\s*(.*)$/;

/**
 * Reads the `key: value` lines right after the title (blank lines before them, and a `---` block, are
 * allowed) into `meta`; returns the index of the first line of the body.
 */
function metadataAfterTitle(lines: readonly string[], from: number, meta: Map<string, string>): number {
  let i = from;
  while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  const fenced = (lines[i] ?? "").trim() === "---";
  let j = fenced ? i + 1 : i;
  const found = new Map<string, string>();
  for (; j < lines.length; j++) {
    const line = (lines[j] ?? "").trim();
    if (fenced && line === "---") {
      j++;
      break;
    }
    const m = META.exec(line);
    if (!m) {
      // A fenced block that never closes is not front matter: leave it to the body.
      if (fenced) return from;
      break;
    }
    found.set((m[1] ?? "").toLowerCase(), (m[2] ?? "").trim());
  }
  if (found.size === 0) return from;
  // Front matter before the title wins over a repeat after it.
  for (const [k, v] of found) if (!meta.has(k)) meta.set(k, v);
  return j;
}

/**
 * Parses a Markdown article whose id is `id` (the file stem). An empty file, or one without a
 * `# ` title line, gives a problem with its path and line instead of an article.
 */
export function parseMarkdown(text: string, source: string, id: string): ParsedFile {
  const lines = text.split(/\r\n|\r|\n/);
  const meta = new Map<string, string>();
  let title: string | null = null;
  let i = 0;
  let inFrontMatter = false;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "---") {
      inFrontMatter = !inFrontMatter;
      continue;
    }
    const h1 = /^#\s+(.+?)\s*#*$/.exec(line);
    if (h1 && !inFrontMatter) {
      title = cleanText(stripInline(h1[1] ?? ""));
      i++;
      break;
    }
    const m = META.exec(line);
    if (m) meta.set((m[1] ?? "").toLowerCase(), (m[2] ?? "").trim());
  }
  if (text.trim() === "")
    return { articles: [], problems: [{ path: source, line: 1, message: "empty file" }] };
  if (title === null || title === "") {
    return { articles: [], problems: [{ path: source, line: 1, message: "no `# ` title line" }] };
  }

  i = metadataAfterTitle(lines, i, meta);
  const paragraphs: Paragraph[] = [];
  let section: string | null = null;
  let block: string[] = [];
  const flush = () => {
    paragraphs.push(...paragraphsFromText(block.join("\n"), section));
    block = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const h = /^#{2,6}\s+(.+?)\s*#*$/.exec(line.trim());
    if (h) {
      flush();
      section = cleanText(stripInline(h[1] ?? ""));
      continue;
    }
    // List markers and quote marks are layout; what they hold is text.
    block.push(stripInline(line.replace(/^\s*(?:[-*+]\s+|>\s?|\d+[.)]\s+)/, "")));
  }
  flush();
  if (paragraphs.length === 0) {
    return { articles: [], problems: [{ path: source, line: i, message: "title but no body text" }] };
  }

  const byline = meta.get("byline") ?? meta.get("author") ?? null;
  const date = meta.get("date");
  const url = meta.get("url");
  const publisher = meta.get("source");
  return {
    articles: [
      makeArticle({
        id,
        title,
        byline: byline === "" ? null : byline,
        source,
        paragraphs,
        ...(date ? { date } : {}),
        ...(url ? { url } : {}),
        ...(publisher ? { publisher } : {}),
      }),
    ],
    problems: [],
  };
}
