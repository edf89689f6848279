/**
 * The short answer's candidates and their named features. A candidate is a verbatim span of the
 * quoted sentence that starts and ends at a word boundary (jieba's), within one clause, and never
 * cuts inside a number, a name, a Latin word, brackets or quotes; for a why, how or which-ones
 * question also a run of two to four whole clauses of one sentence (its answer may be several). Its features say whether it is
 * the kind of fact the question asks for, where it stands against the question's words in the
 * sentence, and its shape (length, the words at its edges, the punctuation around it); the weights
 * in `short-weights.ts` rank them. Pure given jieba.
 * About 1,100 lines: the feature list and the function computing them are read together, and the
 * per-sentence tables that keep the per-candidate work small (hundreds of candidates a sentence).
 */
import { LRUCache } from "lru-cache";
import { CN_DIGITS, findDates, findNumbers, hasYear, unitMatches } from "./evidence.js";
import { ORDINAL_UNIT } from "./question.js";
import { ALIAS_CUE, ORG_SUFFIX, PLACE_CUE, PLACE_SUFFIX, ROLE_END, SHORT_COPULA } from "./question-words.js";
import type { ShortQuestion } from "./short-question.js";
import { CLOSERS, cpIndex, OPENERS, type Prepared, PUNCT, prepare, utf16Offsets } from "./short-sentence.js";
import { breaksMarks, PAIRS, unbalancedMarks } from "./span.js";

/**
 * Word classes at a span's edges (jieba's part-of-speech tags, grouped): what a span starts and ends
 * with, and what stands right before and after it, say whether it is a whole phrase.
 */
const WORD_CLASSES = {
  noun: /^(?:n(?!r|s|t|z)|vn|an)/,
  name: /^(?:nr|ns|nt|nz|eng)/,
  verb: /^v(?!n)/,
  adjective: /^a(?!n)|^b|^z/,
  number: /^(?:m|q)/,
  time: /^t/,
  direction: /^[fs]$/,
  particle: /^u/,
  preposition: /^p/,
  conjunction: /^c/,
  adverb: /^d/,
  pronoun: /^r/,
  other: /^(?:x|l|i|j|o|e|y|h|k|g)/,
} as const;
type WordClass = keyof typeof WORD_CLASSES;
const EDGES = ["first", "last", "before", "after"] as const;
const EDGE_FEATURES = EDGES.flatMap((edge) =>
  (Object.keys(WORD_CLASSES) as WordClass[]).map((cls) => `${edge}:${cls}` as const),
);

const CLASS_TESTS = Object.entries(WORD_CLASSES) as [WordClass, RegExp][];

/** Each tag's word class, as its place in `CLASS_NAMES` (tags are few: read once each). */
const TAG_CLASS = new Map<string, number>();

/** The word class of a tag (of a word that is not punctuation), as its place in `CLASS_NAMES`. */
function classOfTag(tag: string): number {
  let cls = TAG_CLASS.get(tag);
  if (cls === undefined) {
    cls = CLASS_TESTS.findIndex(([, re]) => re.test(tag));
    // No test passing: `other` (the last class).
    if (cls < 0) cls = CLASS_TESTS.length - 1;
    TAG_CLASS.set(tag, cls);
  }
  return cls;
}

/** The named features of a candidate span, in a fixed order (the weights object has one per name). */
export const SPAN_FEATURES = [
  "numberAsked",
  "numberExact",
  "unitMatch",
  "unitMismatch",
  "ordinal",
  "numberOff",
  "dateAsked",
  "dateExact",
  "yearAsked",
  "dateOff",
  "personAsked",
  "personRole",
  "placeAsked",
  "placeCue",
  "aliasCue",
  "orgAsked",
  "workAsked",
  "severalAsked",
  "entityNamed",
  "clauseAsked",
  "causeAsked",
  "measureMatch",
  "dateCut",
  "title",
  "quoted",
  "parenthetical",
  "enumeration",
  "leftAnchor",
  "rightAnchor",
  "rightAnchorSkip",
  "rightAnchorBefore",
  "rightWholeBefore",
  "leftTerm",
  "rightTerm",
  "near",
  "leftWindow",
  "rightWindow",
  "bothWindows",
  "subject",
  "leftBefore",
  "rightAfter",
  "leftAfter",
  "rightBefore",
  "sentenceStart",
  "headEnd",
  "stated",
  "statedInClause",
  "endAfterWords",
  "endBeforeWords",
  "statedChars",
  "clauseCover",
  "clauseBest",
  "headInside",
  "headAfter",
  "copula",
  "puncBefore",
  "puncAfter",
  "deAfter",
  "bracketAfter",
  "nounBefore",
  "nounAfter",
  "verbAfter",
  "insideBrackets",
  "startsFunction",
  "endsFunction",
  "startsVerb",
  "endsVerb",
  "hasVerb",
  "endsNoun",
  "wholeClause",
  "clauseRun",
  "chunk",
  "inChunk",
  "chunks",
  "position",
  "tokens",
  "len1",
  "len2",
  "len3to4",
  "len5to7",
  "len8to12",
  "len13to20",
  "len21up",
  ...EDGE_FEATURES,
] as const;

export type SpanFeature = (typeof SPAN_FEATURES)[number];
/** Each feature's place in a row. */
const F = Object.fromEntries(SPAN_FEATURES.map((f, i) => [f, i])) as Record<SpanFeature, number>;
const CLASS_NAMES = Object.keys(WORD_CLASSES) as WordClass[];
/** The place in a row of (edge, word class), by edge then by the class's place in {@link CLASS_NAMES}. */
const EDGE_AT = EDGES.map((edge) => CLASS_NAMES.map((cls) => F[`${edge}:${cls}`]));

/** A candidate short answer: code-point offsets into the sentence, its text (verbatim) and features. */
export interface SpanCandidate {
  start: number;
  end: number;
  text: string;
  /** Values in {@link SPAN_FEATURES} order, each 0–1. */
  x: Float64Array;
}

/** Longest candidate, in characters: longer than this is a sentence, not a short answer. */
export const MAX_SHORT_CHARS = 30;
/** A run of whole clauses: at most this many clauses, and characters. */
const RUN_CLAUSES = 4;
const MAX_RUN_CHARS = 60;

const FUNCTION_TAG = /^(?:u|p|c|d|r|y|e|o|f)/;
const FUNCTION_CHAR = /^[的了着是在和与及等也都又就而并或被把对于为以从由将已之其该此这那]/u;
const OPENER_OF = new Map(PAIRS.map(([o, c]) => [c, o]));
const CLOSER_OF = new Map(PAIRS.map(([o, c]) => [o, c]));
/** Words joining the items of a list, and what stands right before and after one (a letter, a digit or a mark). */
const LIST_WORDS = ["和", "及", "与", "以及", "或"];
const LIST_BEFORE = "[\\p{L}\\p{N}）」》”]";
const LIST_AFTER = "[\\p{L}\\p{N}（「《“]";
/** A list in a span's text: a `、`, or a joining word between items. Read span by span as `TextTests.listEnd`. */
export const ENUM = new RegExp(`、|(?<=${LIST_BEFORE})(?:${LIST_WORDS.join("|")})(?=${LIST_AFTER})`, "u");
const NOUNISH = /^(?:n|eng|x)/;
const EMPTY_BRACKETS = /[（(][\p{P}\s]*[）)]/u;
/** An amount as a short answer gives it: a word saying how exact it is may go before (`近1200家`), no verb (`达`). */
const AMOUNT_HEDGES = [
  "约",
  "近",
  "逾",
  "超过",
  "超",
  "不到",
  "不足",
  "大约",
  "将近",
  "接近",
  "至少",
  "最多",
];
export const NUMBER_START = new RegExp(`^(?:${AMOUNT_HEDGES.join("|")})?(?:\\d|[${CN_DIGITS}])`);
const AMOUNT_ENDS = ["以上", "以下", "以内", "左右", "上下"];
export const NUMBER_END = new RegExp(`(?:${AMOUNT_ENDS.join("|")})$`);
const ORDINAL = /^第[\d零〇一二两三四五六七八九十百千]+/u;
/** A linking word ending the question before its question word. */
const LEFT_LINK = /(?:是|为|有|达|约|在|的)+$/;
/** Characters from the question's words on either side of a span that count as next to it. */
const WINDOW = 6;
const CAUSE = /^(?:因为|由于|因|为了)|(?:因为|由于|因|为了)$/;

/** Every occurrence (code-point ranges) of `word` in the code points `text`. */
function occurrences(text: string, word: string, cp: (i: number) => number): [number, number][] {
  const out: [number, number][] = [];
  if (word === "") return out;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1))
    out.push([cp(i), cp(i + word.length)]);
  return out;
}

/** How many characters of the end of `left` stand in `norm` right before code point `at`. */
function suffixMatch(normChars: readonly string[], at: number, left: readonly string[]): number {
  let k = 0;
  while (k < left.length && at - k - 1 >= 0 && normChars[at - k - 1] === left[left.length - 1 - k]) k++;
  return k;
}

/** How many characters of the start of `right` stand in `norm` from code point `at`. */
function prefixMatch(normChars: readonly string[], at: number, right: readonly string[]): number {
  let k = 0;
  while (k < right.length && normChars[at + k] === right[k]) k++;
  return k;
}

/** Any mark of a pair: a span without one cannot leave one unbalanced. */
const MARKS = new Set([...PAIRS.flat(), '"']);

/** The UTF-16 units of characters of one unit each (a character of two, or none, would be a wrong test). */
function units(chars: readonly string[]): Set<number> {
  if (chars.some((c) => c.length !== 1)) throw new Error(`not one UTF-16 unit each: ${chars.join(" ")}`);
  return new Set(chars.map((c) => c.charCodeAt(0)));
}
/** {@link MARKS} as UTF-16 units. */
const MARK_UNITS = units([...MARKS]);

/** Whether `text` is wrapped in one of the pairs, the marks inside left as balanced as in `text`. */
function wrapped(text: string, pairs: readonly (readonly [string, string])[]): boolean {
  // Every opening mark is one character: a text opening with none of them is not wrapped.
  if (!MARKS.has(text[0] ?? "")) return false;
  for (const [o, c] of pairs)
    if (text.startsWith(o) && text.endsWith(c) && !breaksMarks(text.slice(1, -1), text)) return true;
  return false;
}

const TITLE: readonly (readonly [string, string])[] = [["《", "》"]];
const BRACKETS: readonly (readonly [string, string])[] = [
  ["（", "）"],
  ["(", ")"],
];
const QUOTES: readonly (readonly [string, string])[] = [
  ["“", "”"],
  ["「", "」"],
  ["『", "』"],
  ["‘", "’"],
  ['"', '"'],
];
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PERCENT = /[%‰]/;
const OPEN_BRACKET = /[（(]/;
const PLAIN_VERB = /^v(?!n)/;

/** How many of `flags` are set before each position (and up to the end). */
function countsUpTo(flags: readonly boolean[]): number[] {
  const out = [0];
  for (let i = 0; i < flags.length; i++) out.push((out[i] ?? 0) + (flags[i] ? 1 : 0));
  return out;
}

/**
 * The marks of the pairs (and straight quotes) a span from a fixed start leaves unbalanced, read one
 * character at a time as the span grows: as `unbalancedMarks` of the span, without reading it again
 * for each end. Only the pairs the sentence has any mark of are followed.
 */
class MarkBalance {
  private readonly pairs: (readonly [string, string])[];
  private readonly keys: string[];
  private readonly depth: number[];
  private readonly broken: boolean[];
  private straight = 0;
  private readonly own: ReadonlySet<string>;
  private readonly quotes: boolean;

  constructor(sentence: string, own: ReadonlySet<string>) {
    this.pairs = PAIRS.filter(([o, c]) => sentence.includes(o) || sentence.includes(c));
    this.keys = this.pairs.map(([o, c]) => o + c);
    this.depth = this.pairs.map(() => 0);
    this.broken = this.pairs.map(() => false);
    this.quotes = sentence.includes('"');
    this.own = own;
  }

  /** Starts a new span. */
  reset(): void {
    this.depth.fill(0);
    this.broken.fill(false);
    this.straight = 0;
  }

  /** The span grows by one character. */
  add(ch: string): void {
    if (!MARKS.has(ch)) return;
    if (ch === '"') this.straight++;
    for (let k = 0; k < this.pairs.length; k++) {
      const [open, close] = this.pairs[k] ?? ["", ""];
      if (ch === open) this.depth[k] = (this.depth[k] ?? 0) + 1;
      else if (ch === close) {
        if (this.depth[k] === 0) this.broken[k] = true;
        else this.depth[k] = (this.depth[k] ?? 0) - 1;
      }
    }
  }

  /** Whether the span leaves a mark unbalanced that the sentence does not (as `breaksMarks`). */
  breaks(): boolean {
    for (let k = 0; k < this.keys.length; k++)
      if ((this.broken[k] === true || (this.depth[k] ?? 0) > 0) && !this.own.has(this.keys[k] ?? ""))
        return true;
    return this.quotes && this.straight % 2 === 1 && !this.own.has('""');
  }
}

/** A candidate's place in the sentence (code points) and its text, verbatim. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The candidate short answers of a sentence for a question, each with its features. `normalize` is
 * the index's normalisation (NFKC, Traditional → Simplified, lowercase), which the question had too.
 * The candidates' feature rows are views of one matrix (see `candidateMatrix`).
 */
export function spanCandidates(
  sentence: string,
  q: ShortQuestion,
  normalize: (s: string) => string,
): SpanCandidate[] {
  const d = SPAN_FEATURES.length;
  let rows = new Float64Array(64 * d);
  const row = new Float64Array(d);
  const found = eachCandidate(readSentence(sentence, normalize), q, row, (i) => {
    if ((i + 1) * d > rows.length) {
      const grown = new Float64Array(rows.length * 2);
      grown.set(rows);
      rows = grown;
    }
    rows.set(row, i * d);
  });
  const matrix = rows;
  return found.map((f, i) => ({ ...f, x: matrix.subarray(i * d, (i + 1) * d) }));
}

/** A row for {@link scoredSpans}, written over for each candidate. */
const scratch = new Float64Array(SPAN_FEATURES.length);

/**
 * A candidate's score from its row of features (in {@link SPAN_FEATURES} order) and the places of
 * its values other than 0 (`nz[0]` … `nz[count - 1]`, in the order written).
 */
export type RowScorer = (row: Float64Array, nz: Int32Array, count: number) => number;

/**
 * The linear score under `weights` (one per feature, in {@link SPAN_FEATURES} order) as `rowScore`
 * sums it, bit for bit, reading only the values other than 0 (in the same order).
 */
export function linearScorer(weights: ArrayLike<number>): RowScorer {
  return (row, nz, count) => {
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const i = nz[k] ?? 0;
      sum += (weights[i] ?? 0) * (row[i] ?? 0);
    }
    return sum;
  };
}

/**
 * The candidate short answers of a sentence, as {@link spanCandidates} finds them, each with its
 * score under `score`: what answering needs, without a row of features kept per candidate. The
 * sentence is read by `read` (a cache of {@link readSentence}, or it afresh).
 */
export function scoredSpans(
  sentence: string,
  q: ShortQuestion,
  normalize: (s: string) => string,
  score: RowScorer,
  read: SentenceReader = (text) => readSentence(text, normalize),
): { spans: Span[]; scores: number[] } {
  const scores: number[] = [];
  const spans = eachCandidate(read(sentence), q, scratch, () => {
    scores.push(score(scratch, written.at, written.count));
  });
  return { spans, scores };
}

/**
 * A row's linear score: the sum of weight × feature in {@link SPAN_FEATURES} order. Most features of
 * a candidate are 0: skipping them leaves the sum as it was, bit for bit (a weight times 0 adds ±0,
 * and the sum, starting at +0, never is -0).
 */
export function rowScore(weights: ArrayLike<number>, x: ArrayLike<number>, at: number): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const v = x[at + i] ?? 0;
    if (v !== 0) sum += (weights[i] ?? 0) * v;
  }
  return sum;
}

/**
 * What the candidates read of a sentence whatever the question is: the sentence prepared (jieba's
 * words and tags, cuts, numbers, dates, clauses) and the tables over its characters and words. Read
 * once for every question quoting the sentence (see {@link cachedSentenceRead}); never changed after.
 */
export interface SentenceRead extends SentenceTextTests {
  sentence: string;
  p: Prepared;
  /** Code-point offsets of UTF-16 indices in the normalised sentence. */
  cp: (utf16: number) => number;
  /** The starts of the clauses that open a sentence (a quote may hold two). */
  sentenceStarts: ReadonlySet<number>;
  /** The marks the sentence itself leaves unbalanced (`unbalancedMarks`). */
  unbalanced: ReadonlySet<string>;
  /** The UTF-16 offset of each code point of the sentence as quoted (and of its end). */
  verbatim16: number[];
  /** The UTF-16 offset of each code point of the normalised sentence (and of its end). */
  utf16: number[];
  /** The first punctuation at or after each position (the sentence's length if none). */
  nextPunct: number[];
  /** Whether each character is punctuation or a space. */
  punct: boolean[];
  /** How many characters before each position are letters or digits. */
  lettersUpTo: number[];
  /** Whether the sentence has an opening bracket (only then can a span hold empty brackets). */
  brackets: boolean;
  /** Per character: a span may not end on it; it closes a pair only; it opens one only; it is a mark of a pair. */
  badEnd: boolean[];
  closerOnly: boolean[];
  openerOnly: boolean[];
  isMark: boolean[];
  tags: TagTests;
  /** The word class of each of the sentence's words, as its place in {@link CLASS_NAMES} (-1: punctuation). */
  tokenClass: number[];
  /** How many characters before each position belong to an amount, a date (`Prepared.amount`, `.dated`). */
  amountUpTo: number[];
  datedUpTo: number[];
}

/** Reads a sentence for the candidates of any question (see {@link SentenceRead}). Pure given jieba. */
export function readSentence(sentence: string, normalize: (s: string) => string): SentenceRead {
  const p = prepare(sentence, normalize);
  const n = p.chars.length;
  const sentenceStarts = new Set(
    p.clauses
      .filter(
        (c, i) =>
          i === 0 ||
          /[。！？!?]/.test(p.chars[c.start - 1] ?? "") ||
          /[。！？!?]/.test(p.chars.slice(p.clauses[i - 1]?.end ?? 0, c.start).join("")),
      )
      .map((c) => c.start),
  );
  // The first punctuation at or after each position.
  const nextPunct = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--)
    nextPunct[i] = PUNCT.test(p.normChars[i] ?? "") ? i : (nextPunct[i + 1] ?? n);
  const punct = p.chars.map((ch) => PUNCT.test(ch));
  const utf16 = utf16Offsets(p.normChars);
  return {
    sentence,
    p,
    cp: cpIndex(p.norm),
    sentenceStarts,
    unbalanced: unbalancedMarks(sentence),
    verbatim16: utf16Offsets(p.chars),
    utf16,
    nextPunct,
    punct,
    lettersUpTo: countsUpTo(p.chars.map((ch) => LETTER_OR_DIGIT.test(ch))),
    brackets: OPEN_BRACKET.test(sentence),
    badEnd: p.chars.map((ch, i) => punct[i] === true && !CLOSERS.has(ch) && !PERCENT.test(ch)),
    closerOnly: p.chars.map((ch) => CLOSERS.has(ch) && !OPENERS.has(ch)),
    openerOnly: p.chars.map((ch) => OPENERS.has(ch) && !CLOSERS.has(ch)),
    isMark: p.chars.map((ch) => MARKS.has(ch)),
    tags: tagTests(p),
    tokenClass: p.tokens.map((t) => (PUNCT.test(t.word) ? -1 : classOfTag(t.tag))),
    amountUpTo: countsUpTo(p.amount),
    datedUpTo: countsUpTo(p.dated),
    ...sentenceTextTests(p, utf16),
  };
}

/** A sentence read for the candidates (see {@link readSentence}): afresh, or from a cache. */
export type SentenceReader = (sentence: string) => SentenceRead;

/**
 * {@link readSentence} behind a least-recently-used cache of `capacity` sentences, keyed by the
 * sentence: the questions quoting a sentence already read (a popular fact, another question on the
 * same passage) skip jieba and the tables. A read sentence is about 25 KB (57 characters).
 */
export function cachedSentenceRead(normalize: (s: string) => string, capacity: number): SentenceReader {
  const cache = new LRUCache<string, SentenceRead>({
    max: capacity,
    memoMethod: (sentence) => readSentence(sentence, normalize),
  });
  return (sentence) => cache.memo(sentence);
}

/**
 * The candidates of a sentence (as {@link readSentence} read it), in order of start (then end): for
 * each, its features are written into `row` (zero before) and `take` is called with its index; `row`
 * is then zero again.
 */
function eachCandidate(
  read: SentenceRead,
  q: ShortQuestion,
  row: Float64Array,
  take: (index: number) => void,
): Span[] {
  const { p, cp, sentence, sentenceStarts, verbatim16, punct, lettersUpTo, brackets, badEnd } = read;
  const { closerOnly, openerOnly, isMark } = read;
  const n = p.chars.length;
  // Where the question's words stand in the sentence.
  const covered = new Array<boolean>(n).fill(false);
  const spots: [number, number, number][] = [];
  const termWeight = q.terms.reduce((a, t) => a + [...t].length, 0) || 1;
  for (const t of q.terms) {
    for (const [s, e] of occurrences(p.norm, t, cp)) {
      spots.push([s, e, [...t].length / termWeight]);
      for (let i = s; i < e; i++) covered[i] = true;
    }
  }
  const qChars = new Set([...q.norm.replace(PUNCT, "")]);
  // The share of the question's words a clause (or a run of clauses) states.
  const coverOf = (start: number, end: number) => {
    const text = p.normChars.slice(start, end).join("");
    return q.terms.reduce((a, t) => a + (text.includes(t) ? [...t].length : 0), 0) / termWeight;
  };
  const clauseCover = p.clauses.map(({ start, end }) => coverOf(start, end));
  const bestCover = Math.max(0, ...clauseCover);
  const left = [...q.left];
  const leftBare = [...q.left.replace(LEFT_LINK, "")];
  const right = [...q.right];
  const rightSkip = [...q.right.slice(q.head.length)];
  const sideSpots = (words: readonly string[]) => {
    const total = words.reduce((a, t) => a + [...t].length, 0) || 1;
    return words.flatMap((t) =>
      occurrences(p.norm, t, cp).map(([a, b]) => [a, b, [...t].length / total] as [number, number, number]),
    );
  };
  const leftSpots = sideSpots(q.leftTerms);
  const rightSpots = sideSpots(q.rightTerms);
  // Each side's share depends on one end of a span only: read once per position, not per candidate.
  // (Only where a cut may fall: no span starts or ends elsewhere.)
  const shares = (spots: readonly [number, number, number][], side: "before" | "after") =>
    sideShares(spots, side, p.cut);
  const beforeSpots = q.before === null ? [] : occurrences(p.norm, q.before, cp);
  const afterSpots = q.after === null ? [] : occurrences(p.norm, q.after, cp);
  // A span may not leave a mark unbalanced that the sentence has balanced (as `breaksMarks`).
  const marks = new MarkBalance(sentence, read.unbalanced);
  // The question's characters in the sentence, counted up to each position (`statedChars`).
  const inQuestion = [0];
  for (let i = 0; i < n; i++)
    inQuestion.push((inQuestion[i] ?? 0) + (qChars.has(p.normChars[i] ?? "") ? 1 : 0));
  const utf16 = read.utf16;
  const sentenceWide = {
    starts: startSide(p, q, { spots, left, leftBare, right, beforeSpots }, utf16),
    ends: endSide(p, q, { spots, right, rightSkip, afterSpots }, utf16),
    tags: read.tags,
    tokenClass: read.tokenClass,
    inQuestion,
    nextPunct: read.nextPunct,
    coveredUpTo: countsUpTo(covered),
    amountUpTo: read.amountUpTo,
    datedUpTo: read.datedUpTo,
    spots,
    qChars,
    left,
    leftBare,
    right,
    rightSkip,
    headLength: [...q.head].length,
    beforeSpots,
    afterSpots,
    leftBefore: shares(leftSpots, "before"),
    rightAfter: shares(rightSpots, "after"),
    leftAfter: shares(leftSpots, "after"),
    rightBefore: shares(rightSpots, "before"),
    utf16,
    markFirst: read.markFirst,
    numberStartLength: read.numberStartLength,
    numberEndWord: read.numberEndWord,
    listEnd: read.listEnd,
    numeralUpTo: read.numeralUpTo,
    ...headTests(p, q, utf16),
  };
  const found: Span[] = [];
  const startRows = START_ROWS.fit(n + 1);
  const endRows = END_ROWS.fit(n + 1);
  const runs = q.kinds.reason || q.kinds.manner || q.kinds.several;
  // A run's start and end read as the edges of a clause of its own: rows apart from the clauses'.
  const runStarts = RUN_START_ROWS.fit(n + 1);
  const runEnds = RUN_END_ROWS.fit(n + 1);
  p.clauses.forEach((clause, ci) => {
    const c: Context = {
      ...sentenceWide,
      clauseCover: clauseCover[ci] ?? 0,
      bestClause: (clauseCover[ci] ?? 0) === bestCover && bestCover > 0,
      sentenceStart: sentenceStarts.has(clause.start),
    };
    // What a candidate's start alone or its end alone gives, once per position of the clause.
    for (let at = clause.start; at <= clause.end; at++) {
      if (!p.cut[at]) continue;
      if (at < clause.end) startFeatures(p, q, at, clause, c, startRows);
      if (at > clause.start) endFeatures(p, at, clause, c, endRows);
    }
    // Runs of whole clauses within a sentence, for a why, how or which-ones question: its answer may be
    // several clauses (`依照角色行当的身份、性格、情绪以及环境，配合相应的锣鼓点`).
    for (let cj = ci + 1; runs && cj < Math.min(p.clauses.length, ci + RUN_CLAUSES); cj++) {
      const last = p.clauses[cj];
      const s = clause.start;
      const e = last?.end ?? s;
      if (last === undefined || sentenceStarts.has(last.start) || e - s > MAX_RUN_CHARS) break;
      if (badEnd[e - 1] === true) continue;
      marks.reset();
      for (let i = s; i < e; i++) if (isMark[i] === true) marks.add(p.chars[i] ?? "");
      if (marks.breaks()) continue;
      // The run is its own clause (`features` reads clause -1 as the span itself).
      const cover = coverOf(s, e);
      const run = { ...c, clauseCover: cover, bestClause: cover >= bestCover && bestCover > 0 };
      const edges = { start: s, end: e };
      startFeatures(p, q, s, edges, run, runStarts);
      endFeatures(p, e, edges, run, runEnds);
      features(p, q, s, e, -1, run, row, 0);
      merge(row, 0, runStarts, s, runEnds, e);
      const text = sentence.slice(verbatim16[s], verbatim16[e]);
      take(found.length);
      for (let i = 0; i < written.count; i++) row[written.at[i] ?? 0] = 0;
      found.push({ start: s, end: e, text });
    }
    for (let s = clause.start; s < clause.end; s++) {
      if (!p.cut[s]) continue;
      const first = p.chars[s] ?? "";
      if (punct[s] === true && !OPENERS.has(first)) continue;
      marks.reset();
      for (let e = s + 1; e <= clause.end && e - s <= MAX_SHORT_CHARS; e++) {
        if (isMark[e - 1] === true) marks.add(p.chars[e - 1] ?? "");
        if (!p.cut[e]) continue;
        if (badEnd[e - 1] === true) continue;
        if ((lettersUpTo[e] ?? 0) === (lettersUpTo[s] ?? 0)) continue;
        const text = sentence.slice(verbatim16[s], verbatim16[e]);
        // A mark at an edge is part of the span only with its partner inside (`《图雅的婚事》`, not `360人。”`).
        if (closerOnly[e - 1] === true && !text.includes(OPENER_OF.get(p.chars[e - 1] ?? "") ?? "")) continue;
        if (openerOnly[s] === true && !text.includes(CLOSER_OF.get(first) ?? "")) continue;
        // Brackets left empty by the source (`（，）`, where a name in another script was dropped) say nothing.
        if (brackets && EMPTY_BRACKETS.test(text)) continue;
        if (marks.breaks()) continue;
        features(p, q, s, e, ci, c, row, 0);
        merge(row, 0, startRows, s, endRows, e);
        take(found.length);
        // Only the values written other than 0 need clearing: every feature but the edges' is written each time.
        for (let i = 0; i < written.count; i++) row[written.at[i] ?? 0] = 0;
        found.push({ start: s, end: e, text });
      }
    }
  });
  return found;
}

interface Context extends TextTests {
  /** Per position, as a span's start: what the question's words before it and the text before it say (`StartSide`). */
  starts: StartSide;
  /** Per position, as a span's end: what the question's words after it and the text after it say (`EndSide`). */
  ends: EndSide;
  /** Per word of the sentence: which tests of its tag pass (`TagTests`). */
  tags: TagTests;
  /** How many characters before each position are the question's words (as `covered` of the sentence). */
  coveredUpTo: number[];
  /** How many characters before each position belong to an amount, a date (`Prepared.amount`, `.dated`). */
  amountUpTo: number[];
  datedUpTo: number[];
  /** Where the question's words stand: start, end, the word's share of the question's words. */
  spots: [number, number, number][];
  qChars: Set<string>;
  clauseCover: number;
  bestClause: boolean;
  left: string[];
  /** `left` without a linking word at its end (`是`, `为`, `有`). */
  leftBare: string[];
  right: string[];
  rightSkip: string[];
  /** The question's head noun's length in characters. */
  headLength: number;
  beforeSpots: [number, number][];
  afterSpots: [number, number][];
  /**
   * The shares of the question's words before its question word that stand before each position,
   * and so on (`sideShares`), indexed by a span's start (…Before) or end (…After).
   */
  leftBefore: number[];
  rightAfter: number[];
  leftAfter: number[];
  rightBefore: number[];
  /** The UTF-16 offset of each code point of the normalised sentence (and of its end). */
  utf16: number[];
  /** How many of the sentence's characters before each position the question has. */
  inQuestion: number[];
  /** The first punctuation at or after each position (the sentence's length if none). */
  nextPunct: number[];
  /** The word class of each of the sentence's words, as its place in {@link CLASS_NAMES} (-1: punctuation). */
  tokenClass: number[];
  /** Whether the candidate's clause opens a sentence. */
  sentenceStart: boolean;
}

/**
 * What tests of a span's normalised text read of its start or end only, or of what lies wholly inside
 * it, read once per sentence (index: a code-point position; `…16`: UTF-16 offsets), so a candidate's
 * text is sliced only for the kinds of question that read it further. Each gives what its test of the
 * text gives, for every span (a test checks them against the text's own).
 */
export interface TextTests {
  /** The first character of a span from here is a mark of a pair (`MARKS`). */
  markFirst: boolean[];
  /** The fewest UTF-16 units from here that `NUMBER_START` matches (0: none within 3). */
  numberStartLength: number[];
  /** The two UTF-16 units before here are a word `NUMBER_END` reads (`以上`, `左右` …). */
  numberEndWord: boolean[];
  /** The least end of a span from here that `ENUM` finds a list in (past the sentence's end: none). */
  listEnd: number[];
  /** The least UTF-16 end of the question's head noun wholly after here (past the end: none). */
  headEnd16: number[];
  /** The UTF-16 unit before here is the head noun's last. */
  headLastBefore: boolean[];
  /** How many characters before each position can start a number (`NUMBER_RE`: a digit or a Chinese numeral). */
  numeralUpTo: number[];
}

/** A Chinese numeral or an ASCII digit: what every number `findNumbers` finds starts with. */
const NUMERAL_CHAR = new RegExp(`^[0-9${CN_DIGITS}]$`);
/** Characters a match of `NUMBER_START` may begin with, `NUMBER_END` end with, `ENUM` hold first: elsewhere none is tried. */
const NUMBER_FIRST = units([...AMOUNT_HEDGES.map((w) => w[0] ?? ""), ..."0123456789", ...CN_DIGITS]);
const NUMBER_LAST = units(AMOUNT_ENDS.map((w) => w.at(-1) ?? ""));
const LIST_FIRST = new Set(["、", ...LIST_WORDS.map((w) => w[0] ?? "")]);
const ENUM_BEFORE = new RegExp(`^${LIST_BEFORE}$`, "u");
const ENUM_AFTER = new RegExp(`^${LIST_AFTER}$`, "u");

/** The {@link TextTests} that do not read the question: all but the head noun's. */
type SentenceTextTests = Omit<TextTests, "headEnd16" | "headLastBefore">;

/** The {@link TextTests} of a sentence for a question. */
export function textTests(p: Prepared, q: ShortQuestion, utf16: readonly number[]): TextTests {
  return { ...sentenceTextTests(p, utf16), ...headTests(p, q, utf16) };
}

/** The {@link TextTests} of a sentence that do not read the question. */
function sentenceTextTests(p: Prepared, utf16: readonly number[]): SentenceTextTests {
  const n = p.chars.length;
  const end16 = utf16[n] ?? 0;
  const numberStartLength = new Array<number>(n + 1).fill(0);
  const numberEndWord = new Array<boolean>(n + 1).fill(false);
  const markFirst = new Array<boolean>(n + 1).fill(false);
  const norm = p.norm;
  // (The marks and the first and last characters tested are each one UTF-16 unit: read as codes, no
  // string made per position; past the end `charCodeAt` gives NaN, in no set.)
  for (let i = 0; i <= n; i++) {
    const at = utf16[i] ?? 0;
    const first = norm.charCodeAt(at);
    markFirst[i] = MARK_UNITS.has(first);
    // `NUMBER_START` is anchored at the start and matches at most 3 units: a text matches when its
    // first 3 units do, so when it holds the fewest units from its start that do.
    for (let k = 1; k <= 3 && at + k <= end16 && NUMBER_FIRST.has(first); k++)
      if (NUMBER_START.test(norm.slice(at, at + k))) {
        numberStartLength[i] = k;
        break;
      }
    // `NUMBER_END`'s words are all two units, at the end.
    numberEndWord[i] =
      at >= 2 && NUMBER_LAST.has(norm.charCodeAt(at - 1)) && NUMBER_END.test(norm.slice(at - 2, at));
  }
  // `ENUM` in a span: a `、`, or a joining word with a letter or digit (or a mark) on each side, all
  // inside the span (a slice's lookarounds see nothing outside it). Each such run, as [from, to).
  const listEnd = new Array<number>(n + 2).fill(n + 1);
  const need = (from: number, to: number) => {
    if (to < (listEnd[from] ?? n + 1)) listEnd[from] = to;
  };
  for (let j = 0; j < n; j++) {
    if (!LIST_FIRST.has(p.normChars[j] ?? "")) continue;
    if (p.normChars[j] === "、") need(j, j + 1);
    if (j === 0 || !ENUM_BEFORE.test(p.normChars[j - 1] ?? "")) continue;
    // (The words are of one or two characters, each one UTF-16 unit.)
    for (const word of LIST_WORDS)
      if (p.norm.startsWith(word, utf16[j] ?? 0) && ENUM_AFTER.test(p.normChars[j + word.length] ?? ""))
        need(j - 1, j + word.length + 1);
  }
  for (let i = n; i >= 0; i--) listEnd[i] = Math.min(listEnd[i] ?? n + 1, listEnd[i + 1] ?? n + 1);
  return {
    markFirst,
    numberStartLength,
    numberEndWord,
    listEnd,
    numeralUpTo: countsUpTo(p.normChars.map((ch) => NUMERAL_CHAR.test(ch))),
  };
}

/** The head noun's {@link TextTests} of a sentence for a question. */
function headTests(
  p: Prepared,
  q: ShortQuestion,
  utf16: readonly number[],
): Pick<TextTests, "headEnd16" | "headLastBefore"> {
  const n = p.chars.length;
  const end16 = utf16[n] ?? 0;
  // The head noun wholly inside a span: its first occurrence from the span's start ends by the span's end.
  const headEnd16 = new Array<number>(n + 1).fill(end16 + 1);
  const headLastBefore = new Array<boolean>(n + 1).fill(false);
  if (q.head !== "") {
    const last = q.head.charCodeAt(q.head.length - 1);
    let next = p.norm.indexOf(q.head);
    for (let i = 0; i <= n; i++) {
      const at = utf16[i] ?? 0;
      while (next >= 0 && next < at) next = p.norm.indexOf(q.head, next + 1);
      if (next >= 0) headEnd16[i] = next + q.head.length;
      headLastBefore[i] = at >= 1 && p.norm.charCodeAt(at - 1) === last;
    }
  }
  return { headEnd16, headLastBefore };
}

/**
 * For each position where a cut may fall, the share of words (counted once each) standing before it
 * (side "before") or from it on ("after"); 0 elsewhere. Each position sums its words' shares in the
 * order of `spots`.
 */
export function sideShares(
  spots: readonly [number, number, number][],
  side: "before" | "after",
  cut: readonly boolean[],
): number[] {
  // A word found twice counts once (the same share and length: the same word): each spot's word is
  // the first spot of the same share and length.
  const word = spots.map(([a, b, w]) => spots.findIndex(([a2, b2, w2]) => w2 === w && b2 - a2 === b - a));
  // Where each spot stands on the side read: its end (before) or its start (after).
  const edge = spots.map(([a, b]) => (side === "before" ? b : a));
  const weight = spots.map(([, , w]) => w);
  const seenAt = new Array<number>(spots.length).fill(-1);
  return cut.map((canCut, at) => {
    if (!canCut) return 0;
    let total = 0;
    for (let j = 0; j < spots.length; j++) {
      const x = edge[j] ?? 0;
      const k = word[j] ?? j;
      if (!(side === "before" ? x <= at : x >= at) || seenAt[k] === at) continue;
      seenAt[k] = at;
      total += weight[j] ?? 0;
    }
    return Math.min(1, total);
  });
}

/** The share of a span's characters counted in `upTo` (prefix counts, as {@link countsUpTo} gives). */
const share = (upTo: readonly number[], s: number, e: number): number =>
  e > s ? ((upTo[e] ?? 0) - (upTo[s] ?? 0)) / (e - s) : 0;

/** Whether a word from `first` to `last` (token indices) passes a tag test counted in `upTo` (`TagTests`). */
const tagged = (upTo: readonly number[], first: number, last: number): boolean =>
  (upTo[last + 1] ?? 0) - (upTo[first] ?? 0) > 0;

/** Whether a span's start or end falls inside a date expression. */
function cutsDate(dates: readonly [number, number][], s: number, e: number): boolean {
  for (const [a, b] of dates) if ((s > a && s < b) || (e > a && e < b)) return true;
  return false;
}

/** What a span starting at each position reads (index: the position, 0 … length). */
interface StartSide {
  /** Nearness of the closest question word ending before it, `1 / (1 + gap)`, 0 if none. */
  near: number[];
  /** Share of the question's words ending at most {@link WINDOW} characters before it (at most 1). */
  window: number[];
  /** How many characters of the question's end before its question word stand right before it (either form of `left`). */
  leftK: number[];
  /** How many characters of the question's end after its question word stand right before it. */
  rightBeforeK: number[];
  /** The question's word right before its question word ends at most 2 characters before it. */
  term: boolean[];
  /** The 4 characters before it end with a linking word (`是`, `位于`, `因为` …), or the 6 with an alias cue. */
  copula: boolean[];
  placeCue: boolean[];
  aliasCue: boolean[];
  cause: boolean[];
  /** It starts with a function character (`的`, `在` …). */
  functionChar: boolean[];
}

/** What a span ending at each position reads (index: the position, 0 … length). */
interface EndSide {
  /** Nearness of the closest question word starting after it, `1 / (1 + gap)`, 0 if none. */
  near: number[];
  /** Share of the question's words starting at most {@link WINDOW} characters after it (at most 1). */
  window: number[];
  /** How many characters of the question after its question word follow it, and of that without its head noun when none do. */
  rightK: number[];
  skipK: number[];
  /** The question's word right after its question word starts at most 2 characters after it. */
  term: boolean[];
  /** The question's head noun follows it. */
  headAfter: boolean[];
}

/** Tests of each word's tag (index: the word's place in the sentence). */
interface TagTests {
  /** How many words before each (and up to the end) are tagged a verb (not `vn`), a person, a place, an organisation. */
  plainVerbUpTo: number[];
  personUpTo: number[];
  placeUpTo: number[];
  orgUpTo: number[];
  function: boolean[];
  verb: boolean[];
  nounish: boolean[];
  endsNoun: boolean[];
  entity: boolean[];
}

/**
 * The start side of every position: the question's words before it (`spots`, the shares of each word's
 * characters) and what the text before it says. Read once per sentence, not once per candidate.
 */
function startSide(
  p: Prepared,
  q: ShortQuestion,
  w: {
    spots: readonly [number, number, number][];
    left: readonly string[];
    leftBare: readonly string[];
    right: readonly string[];
    beforeSpots: readonly [number, number][];
  },
  utf16: readonly number[],
): StartSide {
  const n = p.chars.length;
  const out: StartSide = {
    near: [],
    window: [],
    leftK: [],
    rightBeforeK: [],
    term: [],
    copula: [],
    placeCue: [],
    aliasCue: [],
    cause: [],
    functionChar: [],
  };
  const k = q.kinds;
  for (let s = 0; s <= n; s++) {
    // A span starts only where a cut may fall: elsewhere nothing is read.
    if (!p.cut[s]) {
      out.near.push(0);
      out.window.push(0);
      out.leftK.push(0);
      out.rightBeforeK.push(0);
      for (const flags of [out.term, out.copula, out.placeCue, out.aliasCue, out.cause, out.functionChar])
        flags.push(false);
      continue;
    }
    let near = 0;
    let window = 0;
    for (const [, b, weight] of w.spots) {
      if (b > s) continue;
      near = Math.max(near, 1 / (1 + (s - b)));
      if (s - b <= WINDOW) window += weight;
    }
    out.near.push(near);
    out.window.push(Math.min(1, window));
    // The question's `是`/`为`/`有` before its question word is often not in the sentence (`复工率是多少`, `复工率94%`).
    out.leftK.push(Math.max(suffixMatch(p.normChars, s, w.left), suffixMatch(p.normChars, s, w.leftBare)));
    // The thing counted stated right before the amount (`多少座5G宏基站`: `5G宏基站2337座`, not `5G微基站767座`).
    out.rightBeforeK.push(suffixMatch(p.normChars, s, w.right));
    out.term.push(w.beforeSpots.some(([, b]) => b <= s && s - b <= 2));
    const at = utf16[s] ?? 0;
    const before = p.norm.slice(Math.max(0, at - 4), at);
    out.copula.push(SHORT_COPULA.test(before));
    out.placeCue.push(k.place && PLACE_CUE.test(before));
    out.aliasCue.push(k.alias && ALIAS_CUE.test(p.norm.slice(Math.max(0, at - 6), at)));
    out.cause.push(k.reason && CAUSE.test(before));
    out.functionChar.push(FUNCTION_CHAR.test(p.normChars[s] ?? ""));
  }
  return out;
}

/** The end side of every position: the question's words after it and what follows it (see {@link startSide}). */
function endSide(
  p: Prepared,
  q: ShortQuestion,
  w: {
    spots: readonly [number, number, number][];
    right: readonly string[];
    rightSkip: readonly string[];
    afterSpots: readonly [number, number][];
  },
  utf16: readonly number[],
): EndSide {
  const n = p.chars.length;
  const out: EndSide = { near: [], window: [], rightK: [], skipK: [], term: [], headAfter: [] };
  for (let e = 0; e <= n; e++) {
    // A span ends only where a cut may fall: elsewhere nothing is read.
    if (!p.cut[e]) {
      out.near.push(0);
      out.window.push(0);
      out.rightK.push(0);
      out.skipK.push(0);
      out.term.push(false);
      out.headAfter.push(false);
      continue;
    }
    let near = 0;
    let window = 0;
    for (const [a, , weight] of w.spots) {
      if (a < e) continue;
      near = Math.max(near, 1 / (1 + (a - e)));
      if (a - e <= WINDOW) window += weight;
    }
    out.near.push(near);
    out.window.push(Math.min(1, window));
    const rightK = prefixMatch(p.normChars, e, w.right);
    out.rightK.push(rightK);
    out.skipK.push(rightK > 0 ? 0 : prefixMatch(p.normChars, e, w.rightSkip));
    out.term.push(w.afterSpots.some(([a]) => a >= e && a - e <= 2));
    out.headAfter.push(q.head !== "" && p.norm.startsWith(q.head, utf16[e] ?? 0));
  }
  return out;
}

/** The tests of every word's tag that a candidate's edges read. */
function tagTests(p: Prepared): TagTests {
  const tags = p.tokens.map((t) => t.tag);
  return {
    plainVerbUpTo: countsUpTo(tags.map((t) => PLAIN_VERB.test(t))),
    personUpTo: countsUpTo(tags.map((t) => /^nr/.test(t))),
    placeUpTo: countsUpTo(tags.map((t) => /^ns/.test(t))),
    orgUpTo: countsUpTo(tags.map((t) => /^nt/.test(t))),
    function: tags.map((t) => FUNCTION_TAG.test(t)),
    verb: tags.map((t) => /^v/.test(t)),
    nounish: tags.map((t) => NOUNISH.test(t)),
    endsNoun: tags.map((t) => /^(?:n|eng|x|m|q)/.test(t)),
    entity: tags.map((t) => /^(?:n[rstz]|eng|x)/.test(t)),
  };
}

/**
 * A candidate's own features, those that read both its start and its end, written in
 * {@link SPAN_FEATURES} order into `x` from `o` on (`x` is zero there); those of its start alone or its
 * end alone are written once per position ({@link startFeatures}, {@link endFeatures}) and merged in
 * ({@link merge}). Hundreds of candidates a sentence: what only one kind of question reads is computed
 * only for that kind, and nothing is read twice.
 */
function features(
  p: Prepared,
  q: ShortQuestion,
  s: number,
  e: number,
  ci: number,
  c: Context,
  x: Float64Array,
  o: number,
): void {
  own.count = 0;
  const { starts, ends, tags } = c;
  const k = q.kinds;
  const len = e - s;
  const len16 = (c.utf16[e] ?? 0) - (c.utf16[s] ?? 0);
  // Only a text opening with a mark can be wrapped in a pair.
  const marked = c.markFirst[s] === true;
  // The span's normalised text, sliced only for the tests that read more than its edges (`TextTests`).
  const text =
    k.number || q.measure !== null || k.date || k.year || k.person || k.place || k.org || k.reason || marked
      ? p.norm.slice(c.utf16[s], c.utf16[e])
      : "";
  const clause = p.clauses[ci] ?? { start: s, end: e };
  const firstAt = p.tokenAt[s] ?? 0;
  const lastAt = p.tokenAt[e - 1] ?? 0;
  const lastTok = p.tokens[lastAt];
  const tokenCount = lastAt - firstAt + 1;
  const numeric = share(c.amountUpTo, s, e);
  const dated = share(c.datedUpTo, s, e);
  // Read only where a feature asks (a number question, a measure word; a date question): the two
  // readers are most of the short answer's time (~1.6 ms a question on the CMRC pool, p50 3.8 ms).
  // (No numeral in the span: no number.)
  const numbers =
    (k.number || q.measure !== null) && (c.numeralUpTo[e] ?? 0) > (c.numeralUpTo[s] ?? 0)
      ? findNumbers(text)
      : [];
  const startLength = c.numberStartLength[s] ?? 0;
  const numberStart = startLength > 0 && len16 >= startLength;
  // The span ends where its number does, or after a word saying how exact it is (`30%以上`, `56亿元左右`).
  const after = c.numberEndWord[e] === true && len16 >= 2 ? 2 : 0;
  const numberEnd = p.numeric[e - 1 - after] === true && p.numeric[e - after] !== true;
  const dates = k.date ? findDates(text) : [];
  const dateExact = dates.some((d) => d.text === text || text === `${d.text}份`) ? 1 : 0;
  const single = tokenCount === 1;
  const person =
    k.person &&
    (tagged(tags.personUpTo, firstAt, lastAt) ||
      (single && lastTok?.tag === "x" && /^\p{Script=Han}{2,4}$/u.test(text)) ||
      /\p{L}[·•・]\p{L}/u.test(text));
  const place = k.place && (tagged(tags.placeUpTo, firstAt, lastAt) || PLACE_SUFFIX.test(text));
  const org = k.org && (tagged(tags.orgUpTo, firstAt, lastAt) || ORG_SUFFIX.test(text));
  const title = marked && wrapped(text, TITLE);
  const enumeration = (c.listEnd[s] ?? e + 1) <= e;
  // A word of the question before the span counts by the span's start only, one after it by its end.
  const near = Math.max(starts.near[s] ?? 0, ends.near[e] ?? 0);
  const leftWindow = starts.window[s] ?? 0;
  const rightWindow = ends.window[e] ?? 0;
  // The span's characters the question has, its first punctuation out (as `text.replace(PUNCT, "")`).
  const punctAt = c.nextPunct[s] ?? e;
  const stated =
    (c.inQuestion[e] ?? 0) -
    (c.inQuestion[s] ?? 0) -
    (punctAt < e && c.qChars.has(p.normChars[punctAt] ?? "") ? 1 : 0);
  const statedChars = stated / Math.max(1, len);
  const statedShare = share(c.coveredUpTo, s, e);
  put(x, o, F.numberAsked, k.number ? numeric : 0);
  put(x, o, F.numberExact, k.number && numberStart && numberEnd ? 1 : 0);
  put(x, o, F.unitMatch, k.number && numbers.some((m) => unitMatches(m.unit, q.unit)) ? 1 : 0);
  put(
    x,
    o,
    F.unitMismatch,
    k.number &&
      q.unit !== null &&
      q.unit !== ORDINAL_UNIT &&
      numbers.length > 0 &&
      !numbers.some((m) => unitMatches(m.unit, q.unit))
      ? 1
      : 0,
  );
  put(x, o, F.ordinal, k.number && q.unit === ORDINAL_UNIT && ORDINAL.test(text) ? 1 : 0);
  put(x, o, F.numberOff, !k.number && !k.date && numeric > 0.5 ? 1 : 0);
  put(x, o, F.dateAsked, k.date ? dated : 0);
  put(x, o, F.dateExact, k.date ? dateExact : 0);
  put(x, o, F.yearAsked, k.year && hasYear(text) ? 1 : 0);
  put(x, o, F.dateOff, !k.date && dated > 0.5 ? 1 : 0);
  put(x, o, F.personAsked, k.person && person ? 1 : 0);
  put(x, o, F.personRole, k.person && !person && ROLE_END.test(text) ? 1 : 0);
  put(x, o, F.placeAsked, k.place && place ? 1 : 0);
  put(x, o, F.orgAsked, k.org && org ? 1 : 0);
  put(x, o, F.workAsked, k.work && title ? 1 : 0);
  put(x, o, F.severalAsked, k.several && enumeration ? 1 : 0);
  put(x, o, F.entityNamed, k.entity && single && tags.entity[firstAt] === true ? 1 : 0);
  put(x, o, F.clauseAsked, (k.reason || k.manner) && s === clause.start && e === clause.end ? 1 : 0);
  put(x, o, F.causeAsked, k.reason && (CAUSE.test(text) || starts.cause[s] === true) ? 1 : 0);
  put(
    x,
    o,
    F.measureMatch,
    q.measure !== null &&
      numbers.some((m) => m.unit.endsWith(q.measure ?? "") || (p.normChars[e] === q.measure && numberEnd))
      ? 1
      : 0,
  );
  put(x, o, F.dateCut, cutsDate(p.dates, s, e) ? 1 : 0);
  put(x, o, F.title, title ? 1 : 0);
  put(x, o, F.quoted, marked && wrapped(text, QUOTES) ? 1 : 0);
  put(x, o, F.parenthetical, marked && wrapped(text, BRACKETS) ? 1 : 0);
  put(x, o, F.enumeration, enumeration ? 1 : 0);
  put(x, o, F.near, near);
  put(x, o, F.bothWindows, Math.min(leftWindow, rightWindow));
  put(x, o, F.subject, s === clause.start ? rightWindow : 0);
  put(
    x,
    o,
    F.headEnd,
    // (Ending with the head noun, it ends with its last unit.)
    q.head !== "" && len > c.headLength && c.headLastBefore[e] === true ? 1 : 0,
  );
  put(x, o, F.stated, statedShare);
  put(x, o, F.statedInClause, statedShare * c.clauseCover);
  put(x, o, F.endAfterWords, e === clause.end ? leftWindow : 0);
  put(x, o, F.statedChars, statedChars);
  put(
    x,
    o,
    F.headInside,
    q.head !== "" && (c.headEnd16[s] ?? Number.POSITIVE_INFINITY) <= (c.utf16[e] ?? 0) ? 1 : 0,
  );
  put(x, o, F.insideBrackets, p.bracketed[s] === true && p.bracketed[e - 1] === true ? 1 : 0);
  put(x, o, F.hasVerb, tagged(tags.plainVerbUpTo, firstAt, lastAt) ? 1 : 0);
  put(x, o, F.wholeClause, s === clause.start && e === clause.end ? 1 : 0);
  put(x, o, F.clauseRun, ci < 0 ? 1 : 0);
  chunkFeatures(p, s, e, x, o);
  put(x, o, F.tokens, Math.min(tokenCount, 10) / 10);
  put(x, o, F.len1, len === 1 ? 1 : 0);
  put(x, o, F.len2, len === 2 ? 1 : 0);
  put(x, o, F.len3to4, len >= 3 && len <= 4 ? 1 : 0);
  put(x, o, F.len5to7, len >= 5 && len <= 7 ? 1 : 0);
  put(x, o, F.len8to12, len >= 8 && len <= 12 ? 1 : 0);
  put(x, o, F.len13to20, len >= 13 && len <= 20 ? 1 : 0);
  put(x, o, F.len21up, len >= 21 ? 1 : 0);
}

/**
 * The features of a span's start alone, by position (`startFeatures`), and of its end alone
 * (`endFeatures`): their places and values other than 0, in list order, `width` at most a position.
 */
class SideRows {
  at = new Int32Array(0);
  value = new Float64Array(0);
  count = new Int32Array(0);
  constructor(readonly width: number) {}

  /**
   * Room for `positions` positions: kept from sentence to sentence (each position a candidate reads
   * is written for its sentence first), grown when a sentence is longer than any before.
   */
  fit(positions: number): this {
    if (this.count.length < positions) {
      this.at = new Int32Array(positions * this.width);
      this.value = new Float64Array(positions * this.width);
      this.count = new Int32Array(positions);
    }
    return this;
  }

  /** Notes feature `i` of position `pos` when it is not 0 (each position's features in list order). */
  put(pos: number, i: number, v: number): void {
    if (v === 0) return;
    const k = pos * this.width + (this.count[pos] ?? 0);
    this.at[k] = i;
    this.value[k] = v;
    this.count[pos] = (this.count[pos] ?? 0) + 1;
  }

  /** Notes the feature of an edge's word class (the edge's place in {@link EDGES}; none for punctuation). */
  edge(pos: number, edge: number, cls: number | undefined): void {
    const i = cls === undefined || cls < 0 ? undefined : EDGE_AT[edge]?.[cls];
    if (i !== undefined) this.put(pos, i, 1);
  }
}

/** The features of a span's start alone: 18 named and two word classes (one of each edge's at most). */
const START_WIDTH = 20;
/** The features of a span's end alone: 16 named and two word classes. */
const END_WIDTH = 18;
const START_ROWS = new SideRows(START_WIDTH);
const END_ROWS = new SideRows(END_WIDTH);
/** The start and end rows of a run of clauses, read as a clause of its own (see `eachCandidate`). */
const RUN_START_ROWS = new SideRows(START_WIDTH);
const RUN_END_ROWS = new SideRows(END_WIDTH);

/**
 * What a candidate's start alone says, for every candidate starting at `s` (in `clause`): the
 * features of a row that read the start only, in list order ({@link features} writes the others).
 */
function startFeatures(
  p: Prepared,
  q: ShortQuestion,
  s: number,
  clause: { start: number; end: number },
  c: Context,
  rows: SideRows,
): void {
  const { starts, tags } = c;
  const k = q.kinds;
  const firstAt = p.tokenAt[s] ?? 0;
  const leftK = starts.leftK[s] ?? 0;
  const rightBeforeK = starts.rightBeforeK[s] ?? 0;
  rows.count[s] = 0;
  rows.put(s, F.placeCue, k.place && starts.placeCue[s] === true ? 1 : 0);
  rows.put(s, F.aliasCue, k.alias && starts.aliasCue[s] === true ? 1 : 0);
  rows.put(s, F.leftAnchor, Math.min(leftK, 4) / 4);
  rows.put(s, F.rightAnchorBefore, Math.min(rightBeforeK, 4) / 4);
  rows.put(s, F.rightWholeBefore, rightBeforeK > 1 && rightBeforeK === c.right.length ? 1 : 0);
  rows.put(s, F.leftTerm, starts.term[s] === true ? 1 : 0);
  rows.put(s, F.leftWindow, starts.window[s] ?? 0);
  rows.put(s, F.leftBefore, c.leftBefore[s] ?? 0);
  rows.put(s, F.rightBefore, c.rightBefore[s] ?? 0);
  rows.put(s, F.sentenceStart, c.sentenceStart && s === clause.start ? 1 : 0);
  rows.put(s, F.clauseCover, c.clauseCover);
  rows.put(s, F.clauseBest, c.bestClause ? 1 : 0);
  rows.put(s, F.copula, starts.copula[s] === true ? 1 : 0);
  rows.put(s, F.puncBefore, s === clause.start ? 1 : 0);
  rows.put(s, F.nounBefore, s > clause.start && tags.nounish[firstAt - 1] === true ? 1 : 0);
  rows.put(s, F.startsFunction, tags.function[firstAt] === true || starts.functionChar[s] === true ? 1 : 0);
  rows.put(s, F.startsVerb, tags.verb[firstAt] === true ? 1 : 0);
  rows.put(s, F.position, p.chars.length > 0 ? s / p.chars.length : 0);
  // Each edge's word class: one of its features is 1 (none on punctuation); none before a span
  // opening its clause.
  rows.edge(s, 0, c.tokenClass[firstAt]);
  if (s > clause.start) rows.edge(s, 2, c.tokenClass[firstAt - 1]);
}

/** What a candidate's end alone says, for every candidate ending at `e` (see {@link startFeatures}). */
function endFeatures(
  p: Prepared,
  e: number,
  clause: { start: number; end: number },
  c: Context,
  rows: SideRows,
): void {
  const { ends, tags } = c;
  const lastAt = p.tokenAt[e - 1] ?? 0;
  const rightK = ends.rightK[e] ?? 0;
  const skipK = ends.skipK[e] ?? 0;
  const rightWindow = ends.window[e] ?? 0;
  const nextChar = p.chars[e] ?? "";
  rows.count[e] = 0;
  rows.put(e, F.rightAnchor, Math.min(rightK, 4) / 4);
  rows.put(e, F.rightAnchorSkip, Math.min(skipK, 4) / 4);
  rows.put(e, F.rightTerm, ends.term[e] === true ? 1 : 0);
  rows.put(e, F.rightWindow, rightWindow);
  rows.put(e, F.rightAfter, c.rightAfter[e] ?? 0);
  rows.put(e, F.leftAfter, c.leftAfter[e] ?? 0);
  rows.put(e, F.endBeforeWords, e === clause.end ? rightWindow : 0);
  rows.put(e, F.headAfter, ends.headAfter[e] === true ? 1 : 0);
  rows.put(e, F.puncAfter, e === clause.end ? 1 : 0);
  rows.put(e, F.deAfter, nextChar === "的" ? 1 : 0);
  rows.put(e, F.bracketAfter, nextChar === "（" || nextChar === "(" ? 1 : 0);
  rows.put(e, F.nounAfter, e < clause.end && tags.nounish[lastAt + 1] === true ? 1 : 0);
  rows.put(e, F.verbAfter, e < clause.end && tags.verb[lastAt + 1] === true ? 1 : 0);
  rows.put(e, F.endsFunction, tags.function[lastAt] === true ? 1 : 0);
  rows.put(e, F.endsVerb, tags.verb[lastAt] === true ? 1 : 0);
  rows.put(e, F.endsNoun, tags.endsNoun[lastAt] === true ? 1 : 0);
  // None after a span closing its clause.
  rows.edge(e, 1, c.tokenClass[lastAt]);
  if (e < clause.end) rows.edge(e, 3, c.tokenClass[lastAt + 1]);
}

/** The places of the values other than 0 the last {@link features} call wrote, in list order. */
const own = { at: new Int32Array(SPAN_FEATURES.length), count: 0 };

/**
 * The places of the values other than 0 of the last candidate's row, ascending, as the features are
 * listed (a score sums only these, in that order: see `scoredSpans`).
 */
const written = { at: new Int32Array(SPAN_FEATURES.length), count: 0 };

/**
 * The candidate's row completed with its start's and end's features (`x` holds its own, from
 * {@link features}), and {@link written} the places of all its values other than 0: the three lists
 * merged in list order, as if every feature had been written in turn.
 */
function merge(x: Float64Array, o: number, starts: SideRows, s: number, ends: SideRows, e: number): void {
  let a = 0;
  let b = s * starts.width;
  const bEnd = b + (starts.count[s] ?? 0);
  let c = e * ends.width;
  const cEnd = c + (ends.count[e] ?? 0);
  let n = 0;
  const none = SPAN_FEATURES.length;
  for (;;) {
    const ia = a < own.count ? (own.at[a] ?? none) : none;
    const ib = b < bEnd ? (starts.at[b] ?? none) : none;
    const ic = c < cEnd ? (ends.at[c] ?? none) : none;
    if (ia < ib && ia < ic) {
      written.at[n++] = ia;
      a++;
    } else if (ib < ic) {
      x[o + ib] = starts.value[b] ?? 0;
      written.at[n++] = ib;
      b++;
    } else if (ic < none) {
      x[o + ic] = ends.value[c] ?? 0;
      written.at[n++] = ic;
      c++;
    } else break;
  }
  written.count = n;
}

/** Writes one feature of a row and notes its place when it is not 0 (the row is 0 there already). */
function put(x: Float64Array, o: number, i: number, v: number): void {
  if (v === 0) return;
  x[o + i] = v;
  own.at[own.count++] = i;
}

/** Whether a span is one noun chunk exactly, lies inside one, or spans several whole ones (a list). */
function chunkFeatures(p: Prepared, s: number, e: number, x: Float64Array, o: number): void {
  const first = p.chunkAt[s] ?? -1;
  const last = p.chunkAt[e - 1] ?? -1;
  const range = p.chunkRanges[first];
  const whole = first >= 0 && last >= 0 && p.chunkRanges[first]?.[0] === s && p.chunkRanges[last]?.[1] === e;
  put(x, o, F.chunk, whole && first === last ? 1 : 0);
  put(
    x,
    o,
    F.inChunk,
    first >= 0 && first === last && range !== undefined && (range[0] < s || range[1] > e) ? 1 : 0,
  );
  put(x, o, F.chunks, whole && last > first ? 1 : 0);
}
