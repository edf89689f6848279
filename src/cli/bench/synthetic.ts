import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { charLength, splitSentences } from "../../corpus/sentences.js";
import { cleanText, endsSentence } from "../../corpus/text.js";
import type { Article } from "../../corpus/types.js";
import { chunkArticle } from "../../index/chunk.js";
import { seededRandom } from "./stats.js";

/** A paragraph of a SQuAD-style set (`*.contexts.jsonl` in ../shared/bench). */
export interface ContextRow {
  context_id: string;
  title: string;
  text: string;
}

/** A question of a SQuAD-style set (`*.questions.jsonl`), or of the page's question files. */
export interface QuestionRow {
  question: string;
  context_id?: string;
  answers?: string[];
}

/** An article as a `.jsonl` corpus line holds it. */
export interface JsonlArticle {
  id: string;
  title: string;
  text: string;
}

/** Reads a JSON Lines file (blank lines skipped). */
export async function readJsonl<T>(path: string): Promise<T[]> {
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

/** SQuAD paragraphs as corpus articles: the paragraph's `context_id` is the article id. */
export function contextArticles(contexts: readonly ContextRow[]): JsonlArticle[] {
  // A few public paragraphs have no title; an article needs one, so the text's opening stands in.
  return contexts.map((c) => ({
    id: c.context_id,
    title: c.title.trim() !== "" ? c.title : [...c.text.trim()].slice(0, 20).join(""),
    text: c.text,
  }));
}

/** Writes articles as a `.jsonl` corpus file a line at a time: a million passages is ~600 MB of text. */
export async function writeJsonl(path: string, articles: readonly JsonlArticle[]): Promise<void> {
  const out = createWriteStream(path);
  const closed = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  for (const a of articles) if (!out.write(`${JSON.stringify(a)}\n`)) await once(out, "drain");
  out.end();
  await closed;
}

/** Articles as `.jsonl` corpus text. */
export function toJsonl(articles: readonly JsonlArticle[]): string {
  return articles.map((a) => JSON.stringify(a)).join("\n") + (articles.length > 0 ? "\n" : "");
}

/**
 * Sentences a synthetic article is made of: every sentence of the given texts that ends with
 * sentence punctuation (so that, one a line, each is read back as a paragraph of its own) and is
 * 8–300 characters long (so that it never has to be cut).
 */
export function sentencePool(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    for (const s of splitSentences(cleanText(t))) {
      const n = charLength(s);
      if (n >= 8 && n <= 300 && endsSentence(s)) out.push(s);
    }
  }
  return out;
}

function passagesOf(id: string, title: string, sentences: readonly string[]): number {
  const article: Article = {
    id,
    title,
    byline: null,
    mainZone: null,
    zones: [],
    source: "synthetic",
    paragraphs: sentences.map((text) => ({ section: null, text })),
  };
  return chunkArticle(article).length;
}

/**
 * A synthetic corpus of exactly `passages` passages (as the real chunker cuts them): articles of
 * 2–12 sentences drawn at random from `sentences`, under titles drawn from `titles`, one sentence
 * a line. The same arguments always give the same corpus.
 */
export function syntheticArticles(
  sentences: readonly string[],
  titles: readonly string[],
  passages: number,
  seed = 20_240_601,
): JsonlArticle[] {
  if (sentences.length === 0 || titles.length === 0)
    throw new Error("synthetic corpus needs sentences and titles");
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const out: JsonlArticle[] = [];
  let total = 0;
  while (total < passages) {
    const id = `syn-${out.length}`;
    const title = pick(titles);
    const body = Array.from({ length: 2 + Math.floor(random() * 11) }, () => pick(sentences));
    let count = passagesOf(id, title, body);
    // Trim the last article so the total lands exactly: one sentence is always one passage.
    while (total + count > passages && body.length > 1) {
      body.pop();
      count = passagesOf(id, title, body);
    }
    out.push({ id, title, text: body.join("\n") });
    total += count;
  }
  return out;
}
