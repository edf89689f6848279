/**
 * A sentence read once for the short answer's candidates (`short-spans.ts`): its characters (and
 * normalised ones, offset for offset), jieba's words with their tags, where a cut may fall (never
 * inside a number, a name, a Latin word or a name joined by `·`), its numbers, dates, clauses, noun
 * chunks and what lies inside brackets or quotes. Pure given jieba.
 */
import { getJieba } from "../corpus/zones.js";
import { findDates, findNumbers } from "./evidence.js";
import { PAIRS, splitClauses } from "./span.js";

export interface Token {
  start: number;
  end: number;
  tag: string;
  word: string;
}

/** A sentence prepared once for every candidate: characters, normalised characters, words, clauses. */
export interface Prepared {
  chars: string[];
  norm: string;
  /** `norm` as code points; the same length as `chars`. */
  normChars: string[];
  tokens: Token[];
  /** Token index of each character. */
  tokenAt: number[];
  /** Whether a cut may fall before character i (i = 0 … length). */
  cut: boolean[];
  /** Whether each character belongs to a number (digits, separators, magnitude, unit). */
  numeric: boolean[];
  /** Whether each character belongs to a date expression. */
  dated: boolean[];
  /** Date expressions, as code-point ranges. */
  dates: [number, number][];
  /** Whether each character belongs to a number that is not a date: an amount. */
  amount: boolean[];
  /** For each character, the noun chunk (a maximal run of nouns, names, numbers, measure words) holding it, or -1. */
  chunkAt: number[];
  chunkRanges: [number, number][];
  /** Clause ranges, trailing punctuation out. */
  clauses: { start: number; end: number }[];
  /** Whether each character is inside a bracket or quote pair (not the marks). */
  bracketed: boolean[];
}

export const PUNCT = /[\p{P}\p{S}\s]/u;
export const OPENERS = new Set(PAIRS.map(([o]) => o));
export const CLOSERS = new Set(PAIRS.map(([, c]) => c));
const LATIN = /[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/u;
const NAME_JOINER = /[·•・．]/u;
const HAN = /\p{Script=Han}/u;
/** jieba's tags of names: people, places, organisations, other proper nouns. */
const NAME_TAG = /^n[rstz]/;
/** The last word of a company's name. */
const COMPANY = /(?:公司|集团)$/u;

/** Code-point offsets of a UTF-16 index in `s`. */
export function cpIndex(s: string): (utf16: number) => number {
  const map: number[] = [];
  let cp = 0;
  for (let i = 0; i < s.length; i++) {
    map[i] = cp;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) map[++i] = cp;
    cp++;
  }
  map[s.length] = cp;
  return (i) => map[i] ?? cp;
}

export function prepare(sentence: string, normalize: (s: string) => string): Prepared {
  const chars = [...sentence];
  const whole = [...normalize(sentence)];
  // Normalising may change a length (`㎡` → `m2`): then character by character, keeping the original
  // where one character becomes several, so offsets stay those of the sentence.
  const normChars =
    whole.length === chars.length
      ? whole
      : chars.map((c) => {
          const n = [...normalize(c)];
          return n.length === 1 ? (n[0] ?? c) : c;
        });
  const norm = normChars.join("");
  const n = chars.length;
  const tokens: Token[] = [];
  let at = 0;
  for (const t of getJieba().tag(norm, true)) {
    const len = [...t.word].length;
    tokens.push({ start: at, end: at + len, tag: t.tag, word: t.word });
    at += len;
  }
  if (at !== n) {
    // jieba dropped or changed something: every character is a word then.
    tokens.length = 0;
    for (let i = 0; i < n; i++) tokens.push({ start: i, end: i + 1, tag: "x", word: normChars[i] ?? "" });
  }
  const tokenAt = new Array<number>(n).fill(0);
  tokens.forEach((t, k) => {
    for (let i = t.start; i < t.end; i++) tokenAt[i] = k;
  });
  const cut = new Array<boolean>(n + 1).fill(false);
  for (const t of tokens) {
    cut[t.start] = true;
    cut[t.end] = true;
  }
  const cp = cpIndex(norm);
  const numeric = new Array<boolean>(n).fill(false);
  for (const m of findNumbers(norm)) {
    const s = cp(m.index);
    const e = cp(m.index + m.text.length);
    for (let i = s; i < e; i++) numeric[i] = true;
    for (let i = s + 1; i < e; i++) cut[i] = false;
  }
  const dated = new Array<boolean>(n).fill(false);
  const dates: [number, number][] = [];
  for (const d of findDates(norm)) {
    dates.push([cp(d.index), cp(d.index + d.text.length)]);
    for (let i = cp(d.index); i < cp(d.index + d.text.length); i++) dated[i] = true;
  }
  // Each character's classes, read once (a character is tested as the one before a cut and after it).
  const digit = normChars.map((c) => /\d/.test(c));
  const latin = normChars.map((c) => LATIN.test(c));
  const joiner = normChars.map((c) => NAME_JOINER.test(c));
  const inWord = normChars.map((c) => /[-'&.]/.test(c));
  for (let i = 1; i < n; i++) {
    const a = normChars[i - 1] ?? "";
    const b = normChars[i] ?? "";
    // Inside a number (`40.7`, `2,000`), a Latin word (`ω-force`) or a name joined by `·` (`雷蒙·钱德勒`).
    const digitRun = digit[i - 1] === true && (digit[i] === true || b === "." || b === ",");
    const sepRun = (a === "." || a === ",") && digit[i] === true && digit[i - 2] === true;
    const latinRun =
      (latin[i - 1] === true && latin[i] === true) ||
      (latin[i - 1] === true && inWord[i] === true && latin[i + 1] === true) ||
      (inWord[i - 1] === true && latin[i] === true && latin[i - 2] === true);
    const joined = joiner[i - 1] === true || joiner[i] === true;
    // A model named by a character and a number (`卡-52`, `歼-20`): `37架卡` is no answer.
    const model =
      (b === "-" && digit[i + 1] === true && HAN.test(a)) ||
      (a === "-" && digit[i] === true && HAN.test(normChars[i - 2] ?? ""));
    if (digitRun || sepRun || latinRun || joined || model) cut[i] = false;
  }
  // Names jieba tags (people, places, organisations, other proper nouns) stay whole.
  for (const t of tokens) if (NAME_TAG.test(t.tag)) for (let i = t.start + 1; i < t.end; i++) cut[i] = false;
  cut[0] = true;
  cut[n] = true;
  const clauses: { start: number; end: number }[] = [];
  let from = 0;
  for (const piece of splitClauses(sentence)) {
    const len = [...piece].length;
    // A quote may hold two sentences: split at their end too.
    let s = from;
    const pieceChars = [...piece];
    for (let i = 0; i < len; i++) {
      if (/[。！？!?]/.test(pieceChars[i] ?? "") && !CLOSERS.has(pieceChars[i + 1] ?? "")) {
        clauses.push(trimRange(chars, s, from + i + 1));
        s = from + i + 1;
      }
    }
    if (s < from + len) clauses.push(trimRange(chars, s, from + len));
    from += len;
  }
  const bracketed = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = chars[i] ?? "";
    if (OPENERS.has(c) && !CLOSERS.has(c)) stack.push(i);
    else if (CLOSERS.has(c) && stack.length > 0) {
      const open = stack.pop() ?? 0;
      for (let k = open + 1; k < i; k++) bracketed[k] = true;
    }
  }
  const chunkAt = new Array<number>(n).fill(-1);
  const chunkRanges: [number, number][] = [];
  for (let k = 0; k < tokens.length; ) {
    if (!isNoun(tokens[k])) {
      k++;
      continue;
    }
    let j = k;
    while (isNoun(tokens[j + 1])) j++;
    const range: [number, number] = [tokens[k]?.start ?? 0, tokens[j]?.end ?? 0];
    for (let i = range[0]; i < range[1]; i++) chunkAt[i] = chunkRanges.length;
    chunkRanges.push(range);
    // A company's name stays whole from its first place or name on (`苏州贝尔特光伏电子科技有限公司`,
    // not `电子科技有限公司`); words before that (`园区企业`) may be left out.
    if (COMPANY.test(tokens[j]?.word ?? "")) {
      let first = k;
      while (first < j && !NAME_TAG.test(tokens[first]?.tag ?? "")) first++;
      if (first === j) first = k;
      for (let i = (tokens[first]?.start ?? 0) + 1; i < range[1]; i++) cut[i] = false;
    }
    k = j + 1;
  }
  return {
    chunkAt,
    chunkRanges,
    chars,
    norm,
    normChars,
    tokens,
    tokenAt,
    cut,
    numeric,
    dated,
    dates,
    amount: numeric.map((v, i) => v && !dated[i]),
    clauses: clauses.filter((c) => c.end > c.start),
    bracketed,
  };
}

/** Whether a word belongs in a noun chunk: a noun, name, number, measure word, distinguishing word or abbreviation. */
const isNoun = (t: Token | undefined): boolean =>
  t !== undefined && !PUNCT.test(t.word) && /^(?:n|vn|an|eng|m|q|b|x|j)/.test(t.tag);

/** A range with punctuation and spaces trimmed at its ends (marks of a pair and a closing `%` kept). */
function trimRange(chars: readonly string[], start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && PUNCT.test(chars[s] ?? "") && !OPENERS.has(chars[s] ?? "")) s++;
  // `%` and `‰` are a number's unit, not punctuation (`增速达40.7%。`).
  while (
    e > s &&
    PUNCT.test(chars[e - 1] ?? "") &&
    !CLOSERS.has(chars[e - 1] ?? "") &&
    !/[%‰]/.test(chars[e - 1] ?? "")
  )
    e--;
  return { start: s, end: e };
}

/** The UTF-16 offset in the joined code points of each code point, and of their end. */
export function utf16Offsets(chars: readonly string[]): number[] {
  const out = [0];
  for (let k = 0; k < chars.length; k++) out.push((out[k] ?? 0) + (chars[k] ?? "").length);
  return out;
}
