/** One numbered source behind an answer; always built from passage metadata, never from model text. */
export interface Citation {
  n: number;
  passageId: string;
  articleId: string;
  title: string;
  zones: string[];
  /** A verbatim substring (after whitespace clean-up) of the cited passage. */
  quote: string;
  source: string;
}

/** The answer object of the CLI contract (`ask --json`). */
export interface Answer {
  question: string;
  answer: string;
  abstained: boolean;
  mode: "extractive" | "llm";
  citations: Citation[];
}
