/**
 * Scoring the short answer as reading-comprehension sets are scored (CMRC 2018's and DRCD's own
 * script): character-level F1 from the longest common substring of prediction and gold, after NFKC,
 * lowercasing and dropping whitespace and punctuation; exact match after the same clean-up; the best
 * over the gold answers.
 */

/**
 * The characters scored: NFKC, lowercase, no whitespace, no punctuation — but `%` and `‰` (a unit)
 * and a number's decimal point and separators stay.
 */
export function scoredChars(s: string): string[] {
  const chars = [...s.normalize("NFKC").toLowerCase()];
  // A decimal point or thousands separator is part of its number (`40.7`, `1,161`).
  const inNumber = (i: number) =>
    /[.,]/.test(chars[i] ?? "") && /\d/.test(chars[i - 1] ?? "") && /\d/.test(chars[i + 1] ?? "");
  return chars.filter((c, i) => c === "%" || c === "‰" || inNumber(i) || !/[\p{P}\s]/u.test(c));
}

function longestCommonSubstring(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        const v = (prev[j - 1] ?? 0) + 1;
        cur[j] = v;
        if (v > best) best = v;
      }
    }
    prev = cur;
  }
  return best;
}

/** Character-level F1 of a prediction against one gold answer (0 when either is empty). */
export function charF1(prediction: string, gold: string): number {
  const p = scoredChars(prediction);
  const g = scoredChars(gold);
  if (p.length === 0 || g.length === 0) return 0;
  const common = longestCommonSubstring(p, g);
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The best F1 over the gold answers; 0 for no prediction. */
export function bestF1(prediction: string | null, golds: readonly string[]): number {
  if (prediction === null) return 0;
  return Math.max(0, ...golds.map((g) => charF1(prediction, g)));
}

/** Whether the prediction equals a gold answer once cleaned up. */
export function exactMatch(prediction: string | null, golds: readonly string[]): boolean {
  if (prediction === null) return false;
  const p = scoredChars(prediction).join("");
  return p !== "" && golds.some((g) => scoredChars(g).join("") === p);
}

const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** Whether the prediction holds a gold answer whole (NFKC, spaces out, lowercase), as answer hit counts. */
export function holdsGold(prediction: string | null, golds: readonly string[]): boolean {
  if (prediction === null) return false;
  const p = squash(prediction);
  return golds.some((g) => g !== "" && p.includes(squash(g)));
}
