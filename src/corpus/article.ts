import { splitSentences } from "./sentences.js";
import { cleanText, endsSentence, joinLines } from "./text.js";
import type { Article, CorpusProblem, Paragraph } from "./types.js";
import { bareZone, findZones, zoneCounts } from "./zones.js";

/** What each reader returns for one file: the articles it could read and what it could not. */
export interface ParsedFile {
  articles: Article[];
  problems: CorpusProblem[];
}

/** What a reader knows about an article before its zones are worked out. */
export interface ArticleDraft {
  id: string;
  title: string;
  byline: string | null;
  source: string;
  paragraphs: Paragraph[];
  date?: string;
  url?: string;
  publisher?: string;
}

/**
 * Completes an article with its zones: the main zone is the first one the headline names (a
 * headline is about one zone), else the zone the body mentions most; `zones` lists the main zone
 * first, then every other zone in order of first appearance in headline, subheads and body.
 */
export function makeArticle(d: ArticleDraft): Article {
  const headZones = findZones(d.title);
  // Paragraphs are joined with newlines so that no zone name is glued across two of them.
  const bodyText = d.paragraphs.map((p) => `${p.section ?? ""}\n${p.text}`).join("\n");
  // An article naming no zone in full may still be about one: `鞍山市…高新区转移9人` is 鞍山高新区's.
  const mainZone = headZones[0] ?? zoneCounts(bodyText)[0]?.zone ?? bareZone(`${d.title}\n${bodyText}`);
  const zones = [...new Set([...(mainZone ? [mainZone] : []), ...headZones, ...findZones(bodyText)])];
  const a: Article = {
    id: d.id,
    title: d.title,
    byline: d.byline,
    mainZone,
    zones,
    source: d.source,
    paragraphs: d.paragraphs,
  };
  if (d.date !== undefined) a.date = d.date;
  if (d.url !== undefined) a.url = d.url;
  if (d.publisher !== undefined) a.publisher = d.publisher;
  return a;
}

/**
 * Paragraphs of running text that has no page layout (a `.jsonl` record, a `.md` block):
 * blank lines always separate paragraphs; inside a block a line ending a sentence ends a
 * paragraph, and a line that does not is a hard wrap joined to the next one, so a sentence is
 * never cut in two.
 */
export function paragraphsFromText(text: string, section: string | null = null): Paragraph[] {
  const out: Paragraph[] = [];
  let buf: string[] = [];
  const flush = () => {
    const t = cleanText(joinLines(buf));
    if (t !== "") out.push({ section, text: t });
    buf = [];
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    buf.push(line);
    if (endsSentence(cleanText(line))) flush();
  }
  flush();
  return out;
}

/** A fallback title for an article printed without one: its first sentence, at most `max` characters. */
export function titleFromBody(paragraphs: readonly Paragraph[], max = 30): string {
  const first = splitSentences(paragraphs[0]?.text ?? "")[0] ?? "";
  const chars = [...first.replace(/[。！？；!?;]+$/u, "")];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}
