import { EVERYDAY_TERMS } from "./question-words.js";

/** A question with its everyday phrasing read as the corpus's terms. */
export interface EverydayQuestion {
  /** The (normalised) question with each everyday phrase replaced by its term; unchanged when none. */
  question: string;
  /** For each term put in: the words that state it in a report (`就业` → `上岗`, `招聘` …). */
  alts: Map<string, string[]>;
}

/**
 * Reads a normalised question's everyday phrasing as the words news reports use (see
 * {@link EVERYDAY_TERMS}): `帮多少人找到了工作` → `帮多少人就业`, `捐了多少钱` → `捐款多少钱`,
 * `涨了多少` → `增长了多少`, `村里` → `村`. Pure.
 */
export function everydayQuestion(normQuestion: string): EverydayQuestion {
  let question = normQuestion;
  const alts = new Map<string, string[]>();
  for (const entry of EVERYDAY_TERMS) {
    const m = entry.asked.exec(question);
    if (m === null) continue;
    const term = entry.term.replace("$1", m[1] ?? "");
    question = question.slice(0, m.index) + term + question.slice(m.index + m[0].length);
    const stem = entry.term.replace("$1", "");
    if (entry.stated.length > 0) alts.set(stem, [...entry.stated]);
  }
  return { question, alts };
}
