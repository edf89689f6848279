/**
 * The short answer's candidates and their named features. A candidate is a verbatim span of the
 * quoted sentence that starts and ends at a word boundary (jieba's), within one clause, and never
 * cuts inside a number, a name, a Latin word, brackets or quotes. Its features say whether it is
 * the kind of fact the question asks for, where it stands against the question's words in the
 * sentence, and its shape (length, the words at its edges, the punctuation around it); the weights
 * in `short-weights.ts` rank them. Pure given jieba.
 * About 600 lines: the feature list and the function computing them are read together, and the
 * per-sentence tables that keep the per-candidate work small (hundreds of candidates a sentence).
 */
import { findDates, findNumbers, hasYear, unitMatches } from "./evidence.js";
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

/** The word class of a jieba word; `punct` for punctuation. */
function wordClass(tag: string, word: string): WordClass | "punct" {
  if (PUNCT.test(word)) return "punct";
  for (const [cls, re] of CLASS_TESTS) if (re.test(tag)) return cls;
  return "other";
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
type EdgeFeature = (typeof EDGE_FEATURES)[number];

const FEATURE_INDEX = new Map<string, number>(SPAN_FEATURES.map((f, i) => [f, i]));
/** Where each of `features`' named values goes in a row, in the order it lists them (read on its first call). */
let literalOrder: number[] | undefined;
/** The place in a row of each edge's word class: one feature per (edge, class), at most one of an edge's set. */
const EDGE_INDEX = Object.fromEntries(
  EDGES.map((edge) => [
    edge,
    new Map(
      (Object.keys(WORD_CLASSES) as WordClass[]).map((cls) => [
        cls,
        FEATURE_INDEX.get(`${edge}:${cls}`) ?? -1,
      ]),
    ),
  ]),
) as Record<(typeof EDGES)[number], Map<string, number>>;

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

const FUNCTION_TAG = /^(?:u|p|c|d|r|y|e|o|f)/;
const FUNCTION_CHAR = /^[的了着是在和与及等也都又就而并或被把对于为以从由将已之其该此这那]/u;
const OPENER_OF = new Map(PAIRS.map(([o, c]) => [c, o]));
const CLOSER_OF = new Map(PAIRS.map(([o, c]) => [o, c]));
const ENUM = /、|(?<=[\p{L}\p{N}）」》”])(?:和|及|与|以及|或)(?=[\p{L}\p{N}（「《“])/u;
const NOUNISH = /^(?:n|eng|x)/;
const EMPTY_BRACKETS = /[（(][\p{P}\s]*[）)]/u;
/** An amount as a short answer gives it: a word saying how exact it is may go before (`近1200家`), no verb (`达`). */
const NUMBER_START =
  /^(?:约|近|逾|超过|超|不到|不足|大约|将近|接近|至少|最多)?(?:\d|[零〇一二两三四五六七八九十百千万亿])/;
const NUMBER_END = /(?:以上|以下|以内|左右|上下)$/;
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
const MARK = new RegExp(`[${[...new Set(PAIRS.flat())].join("").replace(/[\]\\^-]/g, "\\$&")}"]`, "u");

const wrapped = (text: string, pairs: readonly (readonly [string, string])[]): boolean =>
  pairs.some(([o, c]) => text.startsWith(o) && text.endsWith(c) && !breaksMarks(text.slice(1, -1), text));

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

/**
 * The candidate short answers of a sentence for a question, each with its features. `normalize` is
 * the index's normalisation (NFKC, Traditional → Simplified, lowercase), which the question had too.
 */
export function spanCandidates(
  sentence: string,
  q: ShortQuestion,
  normalize: (s: string) => string,
): SpanCandidate[] {
  const p = prepare(sentence, normalize);
  const n = p.chars.length;
  const cp = cpIndex(p.norm);
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
  const clauseCover = p.clauses.map(({ start, end }) => {
    const text = p.normChars.slice(start, end).join("");
    return q.terms.reduce((a, t) => a + (text.includes(t) ? [...t].length : 0), 0) / termWeight;
  });
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
  const shares = (spots: readonly [number, number, number][], side: "before" | "after") =>
    Array.from({ length: n + 1 }, (_, at) => sideShare(spots, at, side));
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
  const beforeSpots = q.before === null ? [] : occurrences(p.norm, q.before, cp);
  const afterSpots = q.after === null ? [] : occurrences(p.norm, q.after, cp);
  // A span may not leave a mark unbalanced that the sentence has balanced (as `breaksMarks`).
  const own = unbalancedMarks(sentence);
  const verbatim16 = utf16Offsets(p.chars);
  // The question's characters in the sentence, counted up to each position (`statedChars`).
  const inQuestion = [0];
  for (let i = 0; i < n; i++)
    inQuestion.push((inQuestion[i] ?? 0) + (qChars.has(p.normChars[i] ?? "") ? 1 : 0));
  // The first punctuation at or after each position.
  const nextPunct = new Array<number>(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--)
    nextPunct[i] = PUNCT.test(p.normChars[i] ?? "") ? i : (nextPunct[i + 1] ?? n);
  const sentenceWide = {
    tokenClass: p.tokens.map((t) => wordClass(t.tag, t.word)),
    inQuestion,
    nextPunct,
    covered,
    spots,
    qChars,
    left,
    leftBare,
    right,
    rightSkip,
    beforeSpots,
    afterSpots,
    leftBefore: shares(leftSpots, "before"),
    rightAfter: shares(rightSpots, "after"),
    leftAfter: shares(leftSpots, "after"),
    rightBefore: shares(rightSpots, "before"),
    utf16: utf16Offsets(p.normChars),
  };
  const out: SpanCandidate[] = [];
  p.clauses.forEach((clause, ci) => {
    const c: Context = {
      ...sentenceWide,
      clauseCover: clauseCover[ci] ?? 0,
      bestClause: (clauseCover[ci] ?? 0) === bestCover && bestCover > 0,
      sentenceStart: sentenceStarts.has(clause.start),
    };
    for (let s = clause.start; s < clause.end; s++) {
      if (!p.cut[s]) continue;
      const first = p.chars[s] ?? "";
      if (PUNCT.test(first) && !OPENERS.has(first)) continue;
      for (let e = s + 1; e <= clause.end && e - s <= MAX_SHORT_CHARS; e++) {
        if (!p.cut[e]) continue;
        const last = p.chars[e - 1] ?? "";
        if (PUNCT.test(last) && !CLOSERS.has(last) && !/[%‰]/.test(last)) continue;
        const text = sentence.slice(verbatim16[s], verbatim16[e]);
        // A mark at an edge is part of the span only with its partner inside (`《图雅的婚事》`, not `360人。”`).
        if (CLOSERS.has(last) && !OPENERS.has(last) && !text.includes(OPENER_OF.get(last) ?? "")) continue;
        if (OPENERS.has(first) && !CLOSERS.has(first) && !text.includes(CLOSER_OF.get(first) ?? "")) continue;
        // Brackets left empty by the source (`（，）`, where a name in another script was dropped) say nothing.
        if (!/[\p{L}\p{N}]/u.test(text) || EMPTY_BRACKETS.test(text)) continue;
        if (MARK.test(text) && [...unbalancedMarks(text)].some((m) => !own.has(m))) continue;
        out.push({
          start: s,
          end: e,
          text,
          x: features(p, q, s, e, ci, c),
        });
      }
    }
  });
  return out;
}

interface Context {
  covered: boolean[];
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
  beforeSpots: [number, number][];
  afterSpots: [number, number][];
  /**
   * The shares of the question's words before its question word that stand before each position,
   * and so on (`sideShare`), indexed by a span's start (…Before) or end (…After).
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
  /** The word class of each of the sentence's words. */
  tokenClass: (WordClass | "punct")[];
  /** Whether the candidate's clause opens a sentence. */
  sentenceStart: boolean;
}

/** The share of words (counted once each) standing before `at` (side "before") or from `at` on ("after"). */
function sideShare(spots: readonly [number, number, number][], at: number, side: "before" | "after"): number {
  // A word found twice counts once (the same share and length: the same word).
  const seen: [number, number][] = [];
  let total = 0;
  for (const [a, b, w] of spots) {
    if (!(side === "before" ? b <= at : a >= at) || seen.some(([v, len]) => v === w && len === b - a))
      continue;
    seen.push([w, b - a]);
    total += w;
  }
  return Math.min(1, total);
}

const share = (flags: readonly boolean[], s: number, e: number): number => {
  let k = 0;
  for (let i = s; i < e; i++) if (flags[i]) k++;
  return e > s ? k / (e - s) : 0;
};

/**
 * A candidate's features, in {@link SPAN_FEATURES} order. Hundreds of candidates a sentence: what
 * only one kind of question reads is computed only for that kind, and nothing is read twice.
 */
function features(p: Prepared, q: ShortQuestion, s: number, e: number, ci: number, c: Context): Float64Array {
  const k = q.kinds;
  const text = p.norm.slice(c.utf16[s], c.utf16[e]);
  const len = e - s;
  const clause = p.clauses[ci] ?? { start: s, end: e };
  const firstTok = p.tokens[p.tokenAt[s] ?? 0];
  const lastTok = p.tokens[p.tokenAt[e - 1] ?? 0];
  const tokenCount = (p.tokenAt[e - 1] ?? 0) - (p.tokenAt[s] ?? 0) + 1;
  const firstAt = p.tokenAt[s] ?? 0;
  const lastAt = p.tokenAt[e - 1] ?? 0;
  const nameTag = (re: RegExp) => {
    for (let t = firstAt; t <= lastAt; t++) if (re.test(p.tokens[t]?.tag ?? "")) return true;
    return false;
  };
  const numeric = share(p.amount, s, e);
  const dated = share(p.dated, s, e);
  // Read only where a feature asks (a number question, a measure word; a date question): the two
  // readers are most of the short answer's time (~1.6 ms a question on the CMRC pool, p50 3.8 ms).
  const numbers = k.number || q.measure !== null ? findNumbers(text) : [];
  const numberStart = NUMBER_START.test(text);
  // The span ends where its number does, or after a word saying how exact it is (`30%以上`, `56亿元左右`).
  const after = NUMBER_END.exec(text)?.[0].length ?? 0;
  const numberEnd = p.numeric[e - 1 - after] === true && p.numeric[e - after] !== true;
  const dates = k.date ? findDates(text) : [];
  const dateExact = dates.some((d) => d.text === text || text === `${d.text}份`) ? 1 : 0;
  const single = tokenCount === 1;
  const person =
    k.person &&
    (nameTag(/^nr/) ||
      (single && lastTok?.tag === "x" && /^\p{Script=Han}{2,4}$/u.test(text)) ||
      /\p{L}[·•・]\p{L}/u.test(text));
  const place = k.place && (nameTag(/^ns/) || PLACE_SUFFIX.test(text));
  const org = k.org && (nameTag(/^nt/) || ORG_SUFFIX.test(text));
  const title = wrapped(text, TITLE);
  const enumeration = ENUM.test(text);
  let near = 0;
  let leftWindow = 0;
  let rightWindow = 0;
  for (const [a, b, weight] of c.spots) {
    const d = b <= s ? s - b : a >= e ? a - e : -1;
    if (d >= 0) near = Math.max(near, 1 / (1 + d));
    if (b <= s && s - b <= WINDOW) leftWindow += weight;
    if (a >= e && a - e <= WINDOW) rightWindow += weight;
  }
  leftWindow = Math.min(1, leftWindow);
  rightWindow = Math.min(1, rightWindow);
  // The question's `是`/`为`/`有` before its question word is often not in the sentence (`复工率是多少`, `复工率94%`).
  const leftK = Math.max(suffixMatch(p.normChars, s, c.left), suffixMatch(p.normChars, s, c.leftBare));
  const rightK = prefixMatch(p.normChars, e, c.right);
  const skipK = rightK > 0 ? 0 : prefixMatch(p.normChars, e, c.rightSkip);
  // The thing counted stated right before the amount (`多少座5G宏基站`: `5G宏基站2337座`, not `5G微基站767座`).
  const rightBeforeK = suffixMatch(p.normChars, s, c.right);
  // The span's characters the question has, its first punctuation out (as `text.replace(PUNCT, "")`).
  const punctAt = c.nextPunct[s] ?? e;
  const stated =
    (c.inQuestion[e] ?? 0) -
    (c.inQuestion[s] ?? 0) -
    (punctAt < e && c.qChars.has(p.normChars[punctAt] ?? "") ? 1 : 0);
  const statedChars = stated / Math.max(1, len);
  const chunks = chunkFeatures(p, s, e);
  const at = c.utf16[s] ?? 0;
  const before = p.norm.slice(Math.max(0, at - 4), at);
  const nextChar = p.chars[e] ?? "";
  // The word at each edge: none before a span opening its clause, nor after one closing it.
  const edgeTokens = {
    first: firstAt,
    last: lastAt,
    before: s > clause.start ? firstAt - 1 : -1,
    after: e < clause.end ? lastAt + 1 : -1,
  };
  const f: Record<Exclude<SpanFeature, EdgeFeature>, number> = {
    numberAsked: k.number ? numeric : 0,
    numberExact: k.number && numberStart && numberEnd ? 1 : 0,
    unitMatch: k.number && numbers.some((m) => unitMatches(m.unit, q.unit)) ? 1 : 0,
    unitMismatch:
      k.number &&
      q.unit !== null &&
      q.unit !== ORDINAL_UNIT &&
      numbers.length > 0 &&
      !numbers.some((m) => unitMatches(m.unit, q.unit))
        ? 1
        : 0,
    ordinal: k.number && q.unit === ORDINAL_UNIT && ORDINAL.test(text) ? 1 : 0,
    numberOff: !k.number && !k.date && numeric > 0.5 ? 1 : 0,
    dateAsked: k.date ? dated : 0,
    dateExact: k.date ? dateExact : 0,
    yearAsked: k.year && hasYear(text) ? 1 : 0,
    dateOff: !k.date && dated > 0.5 ? 1 : 0,
    personAsked: k.person && person ? 1 : 0,
    personRole: k.person && !person && ROLE_END.test(text) ? 1 : 0,
    placeAsked: k.place && place ? 1 : 0,
    placeCue: k.place && PLACE_CUE.test(before) ? 1 : 0,
    aliasCue: k.alias && ALIAS_CUE.test(p.norm.slice(Math.max(0, at - 6), at)) ? 1 : 0,
    orgAsked: k.org && org ? 1 : 0,
    workAsked: k.work && title ? 1 : 0,
    severalAsked: k.several && enumeration ? 1 : 0,
    entityNamed: k.entity && single && /^(?:n[rstz]|eng|x)/.test(firstTok?.tag ?? "") ? 1 : 0,
    clauseAsked: (k.reason || k.manner) && s === clause.start && e === clause.end ? 1 : 0,
    causeAsked: k.reason && (CAUSE.test(text) || CAUSE.test(before)) ? 1 : 0,
    measureMatch:
      q.measure !== null &&
      numbers.some((m) => m.unit.endsWith(q.measure ?? "") || (p.normChars[e] === q.measure && numberEnd))
        ? 1
        : 0,
    dateCut: p.dates.some(([a, b]) => (s > a && s < b) || (e > a && e < b)) ? 1 : 0,
    title: title ? 1 : 0,
    quoted: wrapped(text, QUOTES) ? 1 : 0,
    parenthetical: wrapped(text, BRACKETS) ? 1 : 0,
    enumeration: enumeration ? 1 : 0,
    leftAnchor: Math.min(leftK, 4) / 4,
    rightAnchor: Math.min(rightK, 4) / 4,
    rightAnchorSkip: Math.min(skipK, 4) / 4,
    rightAnchorBefore: Math.min(rightBeforeK, 4) / 4,
    rightWholeBefore: rightBeforeK > 1 && rightBeforeK === c.right.length ? 1 : 0,
    leftTerm: c.beforeSpots.some(([, b]) => b <= s && s - b <= 2) ? 1 : 0,
    rightTerm: c.afterSpots.some(([a]) => a >= e && a - e <= 2) ? 1 : 0,
    near,
    leftWindow,
    rightWindow,
    bothWindows: Math.min(leftWindow, rightWindow),
    subject: s === clause.start ? rightWindow : 0,
    leftBefore: c.leftBefore[s] ?? 0,
    rightAfter: c.rightAfter[e] ?? 0,
    leftAfter: c.leftAfter[e] ?? 0,
    rightBefore: c.rightBefore[s] ?? 0,
    sentenceStart: c.sentenceStart && s === clause.start ? 1 : 0,
    headEnd:
      q.head !== "" && len > [...q.head].length && (text.endsWith(q.head) || text.endsWith(q.head.slice(-1)))
        ? 1
        : 0,
    stated: share(c.covered, s, e),
    statedInClause: share(c.covered, s, e) * c.clauseCover,
    endAfterWords: e === clause.end ? leftWindow : 0,
    endBeforeWords: e === clause.end ? rightWindow : 0,
    statedChars,
    clauseCover: c.clauseCover,
    clauseBest: c.bestClause ? 1 : 0,
    headInside: q.head !== "" && text.includes(q.head) ? 1 : 0,
    headAfter: q.head !== "" && p.norm.startsWith(q.head, c.utf16[e] ?? 0) ? 1 : 0,
    copula: SHORT_COPULA.test(before) ? 1 : 0,
    puncBefore: s === clause.start ? 1 : 0,
    puncAfter: e === clause.end ? 1 : 0,
    deAfter: nextChar === "的" ? 1 : 0,
    bracketAfter: nextChar === "（" || nextChar === "(" ? 1 : 0,
    nounBefore: s > clause.start && NOUNISH.test(p.tokens[(p.tokenAt[s] ?? 0) - 1]?.tag ?? "") ? 1 : 0,
    nounAfter: e < clause.end && NOUNISH.test(p.tokens[(p.tokenAt[e - 1] ?? 0) + 1]?.tag ?? "") ? 1 : 0,
    verbAfter: e < clause.end && /^v/.test(p.tokens[(p.tokenAt[e - 1] ?? 0) + 1]?.tag ?? "") ? 1 : 0,
    insideBrackets: p.bracketed[s] === true && p.bracketed[e - 1] === true ? 1 : 0,
    startsFunction: FUNCTION_TAG.test(firstTok?.tag ?? "") || FUNCTION_CHAR.test(text) ? 1 : 0,
    endsFunction: FUNCTION_TAG.test(lastTok?.tag ?? "") ? 1 : 0,
    startsVerb: /^v/.test(firstTok?.tag ?? "") ? 1 : 0,
    endsVerb: /^v/.test(lastTok?.tag ?? "") ? 1 : 0,
    hasVerb: nameTag(/^v(?!n)/) ? 1 : 0,
    endsNoun: /^(?:n|eng|x|m|q)/.test(lastTok?.tag ?? "") ? 1 : 0,
    wholeClause: s === clause.start && e === clause.end ? 1 : 0,
    chunk: chunks.chunk,
    inChunk: chunks.inChunk,
    chunks: chunks.chunks,
    position: p.chars.length > 0 ? s / p.chars.length : 0,
    tokens: Math.min(tokenCount, 10) / 10,
    len1: len === 1 ? 1 : 0,
    len2: len === 2 ? 1 : 0,
    len3to4: len >= 3 && len <= 4 ? 1 : 0,
    len5to7: len >= 5 && len <= 7 ? 1 : 0,
    len8to12: len >= 8 && len <= 12 ? 1 : 0,
    len13to20: len >= 13 && len <= 20 ? 1 : 0,
    len21up: len >= 21 ? 1 : 0,
  };
  const x = new Float64Array(SPAN_FEATURES.length);
  // In the order `f` lists them (the same every call): reading them by name is most of the time.
  literalOrder ??= Object.keys(f).map((name) => FEATURE_INDEX.get(name) ?? -1);
  const values = Object.values(f);
  for (let i = 0; i < values.length; i++) x[literalOrder[i] ?? -1] = values[i] ?? 0;
  // Each edge's word class: one of its features is 1 (none at a clause edge or on punctuation).
  for (const edge of EDGES) {
    const at = edgeTokens[edge];
    const i = at < 0 ? undefined : EDGE_INDEX[edge].get(c.tokenClass[at] ?? "punct");
    if (i !== undefined) x[i] = 1;
  }
  return x;
}

/** Whether a span is one noun chunk exactly, lies inside one, or spans several whole ones (a list). */
function chunkFeatures(
  p: Prepared,
  s: number,
  e: number,
): { chunk: number; inChunk: number; chunks: number } {
  const first = p.chunkAt[s] ?? -1;
  const last = p.chunkAt[e - 1] ?? -1;
  const range = p.chunkRanges[first];
  const whole = first >= 0 && last >= 0 && p.chunkRanges[first]?.[0] === s && p.chunkRanges[last]?.[1] === e;
  return {
    chunk: whole && first === last ? 1 : 0,
    inChunk: first >= 0 && first === last && range !== undefined && (range[0] < s || range[1] > e) ? 1 : 0,
    chunks: whole && last > first ? 1 : 0,
  };
}
