/**
 * Ends a sentence. The ASCII `.` is left out on purpose: it is the decimal point in `40.7%`. So are
 * `；`/`;`: they join the clauses of one sentence (`投资增长40.7%；产值增长12%。`), and a quote cut at
 * one reads as half a sentence. Measured on CMRC 2018 / DRCD dev (paragraphs pooled), quoting whole
 * sentences raised quote hit from 0.872 / 0.869 to 0.876 / 0.877; the mean quote grew from 57 to 59 / 61
 * characters.
 */
const TERMINATORS = new Set(["。", "！", "？", "!", "?"]);

/** Closers that belong to the sentence they follow: `他说：“好。”` ends after the `”`. */
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》"]);

/**
 * Splits Chinese text into sentences on `。！？` and `!?`, and at every line break.
 * Terminal punctuation (runs such as `？！` included) and closing quotes or brackets stay with
 * their sentence. Pieces are trimmed of whitespace at their edges and empty pieces dropped, so
 * the pieces joined equal the input minus that edge whitespace. Never splits on spaces.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(text);
  let current = "";
  const flush = (): void => {
    const piece = current.trim();
    if (piece.length > 0) out.push(piece);
    current = "";
  };
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (c === "\n" || c === "\r") {
      flush();
      i += 1;
      continue;
    }
    current += c;
    i += 1;
    if (TERMINATORS.has(c)) {
      // Absorb `？！`, `。”`, `！）` and the like, so a closer never starts the next sentence.
      while (i < chars.length) {
        const next = chars[i] as string;
        if (!TERMINATORS.has(next) && !CLOSERS.has(next)) break;
        current += next;
        i += 1;
      }
      flush();
    }
  }
  flush();
  return out;
}

/** Length in characters (code points), not UTF-16 units: what a reader counts. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}
