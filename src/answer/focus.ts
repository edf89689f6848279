/**
 * Coverage of a question's words by a text: plain (idf-weighted, its passage counting in part), and
 * the focus — words the headline already states counting less, words next to the question word more,
 * a word missing whole counting in part when most of its characters are there. Used by sentence
 * scoring (`extractive.ts`) and by the evidence behind declining (`decline-evidence.ts`).
 */
import type { PickWeights } from "./extractive.js";
import { stated, type Term } from "./question-terms.js";

/**
 * Share of the question's weighted words a text states, a word found only in its passage counting
 * `contextWeight`. `inContext` says for each term whether the passage states it (the same for every
 * sentence of a passage: found once per passage, see {@link statedIn}).
 */
export function coverage(
  terms: Term[],
  total: number,
  text: string,
  inContext: readonly boolean[],
  contextWeight: number,
): number {
  if (total === 0) return 0;
  let got = 0;
  terms.forEach((t, k) => {
    if (stated(text, t)) got += t.weight;
    else if (inContext[k] === true) got += contextWeight * t.weight;
  });
  return got / total;
}

/** For each term, whether `text` states it (for {@link coverage}'s `inContext`). */
export const statedIn = (terms: readonly Term[], text: string): boolean[] =>
  terms.map((t) => stated(text, t));

/** A question word as the focus score of one passage weighs it, with its characters for partial matches. */
export interface FocusTerm {
  word: string;
  alts?: readonly string[] | undefined;
  weight: number;
  chars: string[];
}

/**
 * The question's words weighed for one passage: those its headline states count less, those next to
 * the question word more.
 */
export function focusTerms(
  terms: Term[],
  title: string,
  slot: ReadonlySet<string>,
  w: PickWeights,
): FocusTerm[] {
  return terms.map((t) => ({
    word: t.word,
    alts: t.alts,
    weight: t.weight * (title.includes(t.word) ? w.topic : 1) * (slot.has(t.word) ? w.slot : 1),
    chars: [...t.word],
  }));
}

/**
 * Coverage of the question's focus: words the headline states (the topic every sentence shares)
 * count less, and a word missing from the sentence still counts in part when most of its
 * characters are there (`用途`/`用于`, `原来的地址`/`原址`).
 */
export function focusCoverage(terms: FocusTerm[], text: string, partial: number): number {
  let got = 0;
  let total = 0;
  for (const t of terms) {
    const w = t.weight;
    total += w;
    if (stated(text, t)) {
      got += w;
      continue;
    }
    const chars = t.chars;
    if (chars.length < 2) continue;
    let held = 0;
    for (const c of chars) if (text.includes(c)) held++;
    const present = held / chars.length;
    if (present >= 0.5) got += partial * present * w;
  }
  return total === 0 ? 0 : got / total;
}

/** Share (0–1) of the question's weighted words that a headline states. */
export function headlineShare(title: string, terms: readonly Term[], total: number): number {
  if (total === 0) return 0;
  let stated = 0;
  for (const t of terms) if (title.includes(t.word)) stated += t.weight;
  return stated / total;
}
