import { charLength, splitSentences } from "../corpus/sentences.js";
import type { Article } from "../corpus/types.js";
import type { Passage } from "./types.js";

/** Passage length bounds in characters. */
export interface ChunkOptions {
  min?: number;
  max?: number;
}

export const DEFAULT_MIN_CHARS = 100;
export const DEFAULT_MAX_CHARS = 300;

/**
 * Joins sentences into passage text. Chinese needs no separator; two Latin-script ends would
 * run together (`done.Next`), so they get one space.
 */
export function joinSentences(sentences: readonly string[]): string {
  let out = "";
  for (const s of sentences) {
    if (out.length > 0 && /[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(s)) out += " ";
    out += s;
  }
  return out;
}

/**
 * Cuts a sentence longer than `2 × max` at `，` into clauses of at most `max` characters (a
 * single clause longer than that stays whole). Sentences up to `2 × max` are kept whole:
 * a quote that long is still readable, and cutting mid-sentence loses its subject.
 */
export function splitLongSentence(sentence: string, max: number): string[] {
  if (charLength(sentence) <= 2 * max) return [sentence];
  const clauses = sentence.split(/(?<=，)/u);
  const out: string[] = [];
  let current = "";
  for (const clause of clauses) {
    if (current.length > 0 && charLength(current) + charLength(clause) > max) {
      out.push(current);
      current = "";
    }
    current += clause;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Groups a run of sentences into passages: greedy up to `max` characters, so a passage shorter
 * than `min` is one that could not take its neighbour without passing `max`. A short last
 * passage is merged back into the one before when the two fit.
 */
export function groupSentences(sentences: readonly string[], min: number, max: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const s of sentences) {
    if (current.length > 0 && charLength(joinSentences([...current, s])) > max) {
      groups.push(current);
      current = [];
    }
    current.push(s);
  }
  if (current.length > 0) {
    const prev = groups[groups.length - 1];
    if (
      prev &&
      charLength(joinSentences(current)) < min &&
      charLength(joinSentences([...prev, ...current])) <= max
    ) {
      prev.push(...current);
    } else {
      groups.push(current);
    }
  }
  return groups;
}

/**
 * Splits an article into passages of whole sentences, about `min`–`max` characters (default
 * 100–300), never across a section boundary. Ids are `<article id>#<ordinal>`, stable while the
 * article text is unchanged. A sentence longer than `max` is a passage of its own; only one
 * longer than `2 × max` is cut, at `，`.
 */
export function chunkArticle(article: Article, opts: ChunkOptions = {}): Passage[] {
  const min = opts.min ?? DEFAULT_MIN_CHARS;
  const max = opts.max ?? DEFAULT_MAX_CHARS;
  const passages: Passage[] = [];
  // Consecutive paragraphs under the same subhead form one run; passages may span paragraphs
  // within a run (newspaper paragraphs are often a single short sentence) but not across runs.
  let runSection: string | null = null;
  let run: string[] = [];
  const flushRun = (): void => {
    for (const group of groupSentences(run, min, max)) {
      const ordinal = passages.length;
      passages.push({
        id: `${article.id}#${ordinal}`,
        articleId: article.id,
        ordinal,
        text: joinSentences(group),
        title: article.title,
        section: runSection,
        mainZone: article.mainZone,
        zones: [...article.zones],
        byline: article.byline,
        source: article.source,
      });
    }
    run = [];
  };
  for (const paragraph of article.paragraphs) {
    if (paragraph.section !== runSection) {
      flushRun();
      runSection = paragraph.section;
    }
    for (const sentence of splitSentences(paragraph.text)) run.push(...splitLongSentence(sentence, max));
  }
  flushRun();
  return passages;
}
