/**
 * Several facts at once (`珠海高新区复工企业有多少家、复工率多少`, `现在在岗多少人，比春节前多了多少人`):
 * each part answered from the clause that states it, within the best article, joined in the question's
 * order, each cited.
 */
import { passageCitation } from "./article-text.js";
import { type Candidate, pickSentences, type SentencePick } from "./extractive.js";
import type { TextTools } from "./passage.js";
import { questionShape } from "./question.js";
import type { Answer, Citation } from "./types.js";

/**
 * The answer to a several-facts question from the candidates of the best article, or null when the
 * parts do not each find a sentence (the caller then answers as for one fact).
 */
export function severalAnswer(
  question: string,
  parts: readonly string[],
  best: SentencePick,
  candidates: readonly Candidate[],
  zones: string[],
  tools: TextTools,
  alts: ReadonlyMap<string, readonly string[]>,
): Answer | null {
  const article = candidates.filter((c) => c.passage.articleId === best.passage.articleId);
  const answers: SentencePick[] = [];
  for (const part of parts) {
    // A part that does not name the question's zone (`复工率多少`) is about it all the same.
    const asked = zones.some((z) => part.includes(z)) ? part : `${zones.join("")}${part}`;
    const pick = pickSentences(asked, questionShape(tools.normalize(asked)), article, tools, zones, {
      alts,
    })[0];
    if (pick === undefined) return null;
    answers.push(pick);
  }
  const citations: Citation[] = [];
  const lines: string[] = [];
  const spans = new Set<string>();
  for (const pick of answers) {
    if (spans.has(pick.span)) continue;
    spans.add(pick.span);
    let n = citations.findIndex((c) => c.passageId === pick.passage.id && c.quote === pick.quote) + 1;
    if (n === 0) {
      n = citations.length + 1;
      citations.push(passageCitation(n, pick.passage, pick.quote));
    }
    lines.push(`${pick.span}[${n}]`);
  }
  // One span answering every part (the sentence states them together): a single fact line.
  if (lines.length === 1) return null;
  return {
    question,
    answer: `${lines.join("；")}。`,
    abstained: false,
    mode: "extractive",
    kind: "several",
    citations,
  };
}
