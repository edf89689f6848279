/** The lines of a raw newspaper page, as the page reader (../newspaper.ts) works on them. */
import { cleanText, lineWidth } from "../text.js";

/** One non-empty input line. */
export interface Line {
  raw: string;
  text: string;
  width: number;
  /** 1-based line number in the file, counting blank lines. */
  no: number;
}

export interface Body {
  lines: Line[];
  byline: string | null;
}

export /** A raw line, cleaned and measured. */
function toLine(raw: string, no: number): Line {
  const text = cleanText(raw);
  return { raw: raw.trim(), text, width: lineWidth(text), no };
}
