/**
 * Reading one `.md` article: the first `# ` line is the title, `## ` (or deeper) lines are
 * section titles, blank-line-separated blocks are paragraphs. `key: value` lines before the title
 * (or inside a `---` front-matter block) may give `date`, `url`, `source` (the publisher) and
 * `byline`/`author`; other keys are ignored.
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
