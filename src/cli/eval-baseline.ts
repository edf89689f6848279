import type { Answer, Citation } from "../answer/types.js";
import { splitSentences } from "../corpus/sentences.js";
import type { LoadedIndex } from "../index/load.js";
import { normalizeText } from "../index/tokenize.js";

/** Sources the baseline lists, as many as an answer cites at most. */
const BASELINE_SOURCES = 5;

/**
 * The baseline `eval` prints beside the bot: plain BM25 over the pooled index (no dense search, no
 * re-ranking), and the sentence of the first passage sharing the most of the question's words as
 * both the quote and the answer line. It never declines. What the bot adds is measured against it.
 */
export async function baselineAnswer(index: LoadedIndex, question: string): Promise<Answer> {
  const hits = await index.lexicalSearch(question, BASELINE_SOURCES);
  const words = [...new Set(index.tokenizer.words(question))];
  const citations: Citation[] = hits.map((h, i) => ({
    n: i + 1,
    passageId: h.passage.id,
    articleId: h.passage.articleId,
    title: h.passage.title,
    zones: h.passage.zones,
    quote: i === 0 ? bestOverlap(h.passage.text, words) : h.passage.text,
    source: h.passage.source,
  }));
  const first = citations[0];
  return {
    question,
    answer: first === undefined ? "" : `${first.quote}[1]`,
    abstained: first === undefined,
    mode: "extractive",
    citations,
  };
}

/** The sentence holding the most of `words` (the first of equals). */
function bestOverlap(text: string, words: readonly string[]): string {
  let best = text;
  let most = -1;
  for (const s of splitSentences(text)) {
    const norm = normalizeText(s);
    const n = words.filter((w) => norm.includes(w)).length;
    if (n > most) {
      most = n;
      best = s;
    }
  }
  return best;
}
