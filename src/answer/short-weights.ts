// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights that happen to sit near a constant (1.442 ≈ log2 e), not constants
/**
 * The short answer's weights (see `short.ts`): for each named feature of a candidate span
 * (`short-spans.ts`), a weight for each class of question — what a good answer looks like differs
 * between a question asking how much and one asking why. Fitted by `npx tsx scripts/learn-short.ts
 * --write` on the CMRC 2018, DRCD and news dev sets (every paragraph pooled, each answered question's
 * first cited quote); features are 0–1, so a weight is the change in a span's log-odds from none to
 * all of a feature. The cross-validated figures are in docs/quality.md ("The short answer"). Longer
 * than the usual 500 lines: one commented row per feature, fitted numbers only.
 */
import type { SpanFeature } from "./short-spans.js";

/** The classes of question with weights of their own: how much; when; who, where, which organisation or work; why or how; anything else. */
export type ShortClass = "amount" | "time" | "name" | "reason" | "thing";

export type ShortWeights = Record<SpanFeature, Record<ShortClass, number>>;

// Fitted (see the header); a row's comment says what the feature measures.
export const SHORT_WEIGHTS: ShortWeights = {
  /** Share of the span that is an amount (a number with its unit, not a date), for a question asking how many or how much. */
  numberAsked: { amount: 1.6, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is a whole amount, from its first digit (or `约`/`近` before it) to its unit: `40.7%`, not `增速达40.7%`. */
  numberExact: { amount: 0.361, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has the unit the question expects (`个` for `多少个`, `%` for a rate, `元` for money). */
  unitMatch: { amount: 0.977, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has another unit than the one asked for (`3条` for `多少公里`). */
  unitMismatch: { amount: -1.591, time: 0, name: 0, reason: 0, thing: 0 },
  /** A `第几` question and the span is an ordinal (`第二代`). */
  ordinal: { amount: 2.88, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a number while the question asks for neither a number nor a date. */
  numberOff: { amount: 0, time: 0, name: -0.966, reason: -1.439, thing: -0.393 },
  /** Share of the span that is a date, for a question asking when. */
  dateAsked: { amount: 0, time: 1.241, name: 0, reason: 0, thing: 0 },
  /** The span is one whole date expression (`2019年4月`, `6月份`), for a question asking when. */
  dateExact: { amount: 0, time: 0.724, name: 0, reason: 0, thing: 0 },
  /** The span names a year, for a question asking which year. */
  yearAsked: { amount: 0, time: 0.984, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a date while the question does not ask when. */
  dateOff: { amount: -0.018, time: 0, name: 0.382, reason: -1.743, thing: 0.26 },
  /** A `谁` question and the span is a name (jieba's `nr`, an unknown word of 2–4 characters, or names joined by `·`). */
  personAsked: { amount: 0, time: 0, name: 1.413, reason: 0, thing: 0 },
  /** A `谁` question and the span is a role word rather than a name (`主裁判`, `音乐家`). */
  personRole: { amount: 0, time: 0, name: 0.899, reason: 0, thing: 0 },
  /** A `哪里`/`哪个国家` question and the span is a place (jieba's `ns`, or a place ending: `省`, `县`, `街` …). */
  placeAsked: { amount: -0.278, time: -0.014, name: 0.944, reason: 0, thing: 0 },
  /** A place question and the span follows `位于`, `坐落于`, `出生于` …. */
  placeCue: { amount: -0.025, time: 0, name: 1.731, reason: 0, thing: 0 },
  /** A question asking another name and the span follows `又称`, `简称`, `俗名为` …. */
  aliasCue: { amount: 0.297, time: -0.002, name: -0.094, reason: 2.45, thing: 2.947 },
  /** A `哪个机构/公司` question and the span is an organisation (jieba's `nt`, or an ending: `公司`, `局`, `大学` …). */
  orgAsked: { amount: -0.174, time: -0.003, name: 1.795, reason: 0, thing: 0 },
  /** A question asking for a work (`哪部影片`, `什么书`) and the span is a title in `《》`. */
  workAsked: { amount: 1.205, time: 0, name: 2.147, reason: 0, thing: 0 },
  /** A `哪些`/`哪两个` question and the span is a list (`、`, `和`, `及` between items). */
  severalAsked: { amount: 3.88, time: 0, name: 2.736, reason: 0, thing: 2.962 },
  /** A `什么`/`哪个` question and the span is one proper noun or foreign word. */
  entityNamed: { amount: 0, time: 0, name: -0.423, reason: 0, thing: 0.299 },
  /** A why or how question and the span is a whole clause. */
  clauseAsked: { amount: 2.086, time: -0.001, name: 0.648, reason: 0.635, thing: 0 },
  /** A why question and the span is or follows a cause (`因为`, `由于`, `为了`). */
  causeAsked: { amount: -0.081, time: 0, name: 0.113, reason: 2, thing: 0 },
  /** The number in the span is counted with the question's own measure word (`号` in `几号球衣`). */
  measureMatch: { amount: -0.184, time: 1.046, name: 0, reason: 0, thing: 0 },
  /** The span starts or ends inside a date expression (`11月12日` of `2008年11月12日`). */
  dateCut: { amount: 0.671, time: -0.46, name: -0.819, reason: -0.779, thing: -0.764 },
  /** The span is a title in `《》`. */
  title: { amount: 0.354, time: -0.133, name: 2.365, reason: 0.688, thing: 3.27 },
  /** The span is a quotation in `“”`/`「」`. */
  quoted: { amount: 0.418, time: -0.244, name: 1.162, reason: 3.069, thing: 2.559 },
  /** The span is a parenthesis `（…）`: usually a gloss, not the answer. */
  parenthetical: { amount: -0.646, time: -0.588, name: -1.314, reason: -0.478, thing: -1.25 },
  /** The span is a list. */
  enumeration: { amount: -0.685, time: 0.011, name: -0.035, reason: 0.254, thing: 0.368 },
  /** The question's text before its question word ends right before the span in the sentence (characters matched, up to 4). */
  leftAnchor: { amount: 0.781, time: 1.248, name: 1.697, reason: 1.11, thing: 1.65 },
  /** The question's text after its question word starts right after the span (up to 4 characters). */
  rightAnchor: { amount: 0.259, time: 0.55, name: 1.007, reason: 1.004, thing: 0.449 },
  /** As `rightAnchor`, after the noun the question word asks about (`合作开发` after `哪两个公司`). */
  rightAnchorSkip: { amount: 0.948, time: 0.989, name: 0.417, reason: 0.538, thing: 0.862 },
  /** The question's content word right before its question word stands at most 2 characters before the span. */
  leftTerm: { amount: 0.952, time: 0.515, name: 0.813, reason: 1.009, thing: 0.986 },
  /** The question's content word right after its question word stands at most 2 characters after the span. */
  rightTerm: { amount: 0.042, time: 0.773, name: 1.065, reason: 0.774, thing: 0.969 },
  /** Closeness to the nearest question word in the sentence, 1/(1 + characters between). */
  near: { amount: 1.204, time: 0.179, name: 0.484, reason: 0.314, thing: 0.685 },
  /** Share of the question's words within 6 characters before the span. */
  leftWindow: { amount: 1.14, time: -0.569, name: -0.632, reason: 0.486, thing: 0.144 },
  /** Share of the question's words within 6 characters after the span. */
  rightWindow: { amount: 1.381, time: 0.606, name: 1.155, reason: 1.85, thing: 1.988 },
  /** The smaller of the two windows: question words on both sides. */
  bothWindows: { amount: 0.42, time: 1.595, name: -0.169, reason: 0.269, thing: -0.489 },
  /** The span opens its clause and question words follow it closely: the subject of what the question restates. */
  subject: { amount: 0.143, time: 0.685, name: -0.309, reason: 0.968, thing: -0.356 },
  /** Share of the question's words before its question word that stand before the span: the question's order kept. */
  leftBefore: { amount: 0.577, time: 0.039, name: 0.231, reason: 0.691, thing: 0.833 },
  /** Share of the question's words after its question word that stand after the span. */
  rightAfter: { amount: -0.327, time: 0.843, name: 1.03, reason: -0.822, thing: -0.099 },
  /** Share of the question's words before its question word that stand after the span: the order reversed. */
  leftAfter: { amount: -0.087, time: 0.749, name: 0.225, reason: 0.628, thing: 0.447 },
  /** Share of the question's words after its question word that stand before the span. */
  rightBefore: { amount: -0.822, time: -0.297, name: -0.927, reason: -1.59, thing: -0.944 },
  /** The span opens a sentence: its topic. */
  sentenceStart: { amount: 1.472, time: 1.038, name: 0.288, reason: -0.205, thing: 0.574 },
  /** The span ends with the noun the question word asks about, or its last character (`激变星` for `哪一种变星`). */
  headEnd: { amount: 1.773, time: -0.403, name: 2.108, reason: 2.16, thing: 1.811 },
  /** Share of the span made of the question's own words: what the question already states is not the answer. */
  stated: { amount: -0.93, time: -1.6, name: -1.752, reason: -1.707, thing: -1.555 },
  /** `stated` times `clauseCover`: the question's own words in the clause that restates it are least likely the answer. */
  statedInClause: { amount: -1.742, time: -1.465, name: -1.876, reason: -2.331, thing: -2.175 },
  /** The span closes its clause right after question words (`leftWindow` at a clause end): the object of what the question restates. */
  endAfterWords: { amount: 2.415, time: 1.558, name: 2.168, reason: 1.475, thing: 2.216 },
  /** The span closes its clause and question words open the next (`rightWindow` at a clause end). */
  endBeforeWords: { amount: -1.869, time: -0.119, name: -1.765, reason: -0.552, thing: -2.343 },
  /** Share of the span's characters found anywhere in the question. */
  statedChars: { amount: 0.161, time: -0.305, name: -1.165, reason: -0.827, thing: -0.345 },
  /** Share of the question's words in the span's clause: the clause that answers restates the question. */
  clauseCover: { amount: 1.245, time: 0.752, name: 2.132, reason: 2.153, thing: 1.85 },
  /** The span's clause holds the most question words of any clause. */
  clauseBest: { amount: 0.305, time: 0.729, name: -0.017, reason: -0.558, thing: 0.063 },
  /** The span holds the noun the question word asks about (`三茂铁路股份有限公司` for `哪家公司`). */
  headInside: { amount: 0.468, time: -0.561, name: 0.588, reason: 0.034, thing: 0.846 },
  /** The noun the question word asks about follows the span (`综合娱乐` before `频道`). */
  headAfter: { amount: 1.266, time: -0.62, name: 0.287, reason: 0.769, thing: 0.776 },
  /** The span follows a linking word (`是`, `为`, `叫`, `由`, `于` …). */
  copula: { amount: 0.749, time: 1.163, name: 0.534, reason: 0.697, thing: 0.503 },
  /** The span opens its clause. */
  puncBefore: { amount: 0.591, time: 1.234, name: 0.892, reason: 0.601, thing: 0.796 },
  /** The span closes its clause. */
  puncAfter: { amount: 0.906, time: 0.749, name: 0.932, reason: 1.448, thing: 1.03 },
  /** `的` follows the span: it modifies a noun after it. */
  deAfter: { amount: 0.881, time: 0.041, name: 0.409, reason: -0.46, thing: 0.474 },
  /** A bracket follows the span (a name glossed in another script). */
  bracketAfter: { amount: 0.562, time: -1.193, name: 1.278, reason: 1.81, thing: 1.368 },
  /** A noun stands right before the span in its clause: the phrase may go on to the left. */
  nounBefore: { amount: 0.221, time: -0.96, name: -0.189, reason: -0.398, thing: 0.133 },
  /** A noun stands right after the span: the phrase may go on to the right. */
  nounAfter: { amount: 0.219, time: -0.542, name: -0.668, reason: -0.885, thing: -0.213 },
  /** A verb follows the span. */
  verbAfter: { amount: 0.271, time: 0.44, name: 0.219, reason: -0.686, thing: 0.091 },
  /** The span lies inside a bracket or quote. */
  insideBrackets: { amount: -1.315, time: -0.631, name: -1.23, reason: 0.086, thing: -0.695 },
  /** The span starts with a function word (`的`, `在`, `和` …). */
  startsFunction: { amount: -0.812, time: -1.175, name: -0.623, reason: -0.35, thing: -1.204 },
  /** The span ends with a function word. */
  endsFunction: { amount: 0.122, time: -0.805, name: -0.517, reason: -0.801, thing: -0.677 },
  /** The span starts with a verb. */
  startsVerb: { amount: -0.502, time: -0.602, name: -0.509, reason: 0.389, thing: -0.102 },
  /** The span ends with a verb. */
  endsVerb: { amount: -0.249, time: -0.508, name: -0.37, reason: -0.147, thing: -0.024 },
  /** The span holds a verb: a clause rather than a name. */
  hasVerb: { amount: -0.83, time: -0.838, name: -1.216, reason: 0.306, thing: -0.42 },
  /** The span ends with a noun, a name, a number or a measure word. */
  endsNoun: { amount: 0.679, time: 0.574, name: 0.689, reason: 0.189, thing: 0.12 },
  /** The span is its whole clause. */
  wholeClause: { amount: -0.755, time: -0.039, name: -0.52, reason: 0.635, thing: 0.481 },
  /** The span is one noun chunk exactly (a maximal run of nouns, names, numbers and measure words). */
  chunk: { amount: -0.312, time: 0.225, name: 0.599, reason: 0.796, thing: 1.049 },
  /** The span lies inside a noun chunk, cutting it. */
  inChunk: { amount: 0.21, time: 0.984, name: 0.704, reason: 1.335, thing: 1.143 },
  /** The span is several whole noun chunks (with what joins them). */
  chunks: { amount: -0.47, time: -0.451, name: -0.2, reason: -0.206, thing: -0.28 },
  /** Where the span starts in the quote (0 first, 1 last). */
  position: { amount: 0.829, time: 0.146, name: 0.228, reason: 0.085, thing: 0.418 },
  /** The span's words, up to 10, over 10. */
  tokens: { amount: -1.482, time: -1.426, name: -0.893, reason: 0.148, thing: -0.867 },
  /** One character. */
  len1: { amount: -1.866, time: -1.239, name: -1.621, reason: -1.817, thing: -1.437 },
  /** Two characters. */
  len2: { amount: 0.324, time: -1.27, name: -0.125, reason: -0.704, thing: -0.471 },
  /** Three or four characters. */
  len3to4: { amount: 1.068, time: -0.039, name: 0.592, reason: 0.689, thing: 0.474 },
  /** Five to seven characters. */
  len5to7: { amount: 0.678, time: 0.431, name: 0.331, reason: 0.384, thing: 0.313 },
  /** Eight to twelve characters. */
  len8to12: { amount: -0.533, time: 0.036, name: 0.098, reason: 0.423, thing: 0.081 },
  /** Thirteen to twenty characters. */
  len13to20: { amount: -1.028, time: -0.181, name: 0.023, reason: 0.497, thing: 0.428 },
  /** More than twenty characters. */
  len21up: { amount: 0.355, time: 1.073, name: 0.003, reason: 0.893, thing: 0.612 },
  /** The span's first word is a common noun. */
  "first:noun": { amount: -1.476, time: -0.738, name: -0.515, reason: 0.203, thing: -0.466 },
  /** The span's first word is a name (person, place, organisation, other proper noun, foreign word). */
  "first:name": { amount: -0.263, time: -0.209, name: 0.942, reason: 0.548, thing: 0.162 },
  /** The span's first word is a verb. */
  "first:verb": { amount: -0.498, time: -0.769, name: -0.199, reason: -0.215, thing: -0.21 },
  /** The span's first word is an adjective. */
  "first:adjective": { amount: -0.66, time: -1.15, name: -0.554, reason: 0.521, thing: -0.44 },
  /** The span's first word is a numeral or measure word. */
  "first:number": { amount: 0.643, time: 0.831, name: -1.055, reason: -0.108, thing: -1.041 },
  /** The span's first word is a time word. */
  "first:time": { amount: -0.821, time: 0.524, name: -0.219, reason: 0.082, thing: -0.257 },
  /** The span's first word is a direction or place word (`中`, `上`, `附近`). */
  "first:direction": { amount: -0.697, time: 0.448, name: 0.191, reason: -0.153, thing: 0.02 },
  /** The span's first word is a particle (`的`, `了`). */
  "first:particle": { amount: -2.029, time: -0.766, name: -1.695, reason: -1.635, thing: -2.044 },
  /** The span's first word is a preposition (`在`, `由`, `于`). */
  "first:preposition": { amount: -1.432, time: -1.217, name: -1.708, reason: 0.85, thing: -0.556 },
  /** The span's first word is a conjunction (`和`, `或`). */
  "first:conjunction": { amount: -1.174, time: -0.927, name: -1.301, reason: -0.248, thing: -0.286 },
  /** The span's first word is an adverb. */
  "first:adverb": { amount: 0.204, time: 0.04, name: -0.886, reason: 0.268, thing: 0.052 },
  /** The span's first word is a pronoun. */
  "first:pronoun": { amount: -0.807, time: -0.409, name: -0.875, reason: -0.015, thing: -0.549 },
  /** The span's first word is another word (an idiom, an abbreviation, an unknown word). */
  "first:other": { amount: -0.542, time: -1.002, name: 0.592, reason: 0.157, thing: -0.069 },
  /** The span's last word is a common noun. */
  "last:noun": { amount: -0.614, time: -1.113, name: -0.471, reason: 0.1, thing: 0.126 },
  /** The span's last word is a name (person, place, organisation, other proper noun, foreign word). */
  "last:name": { amount: -0.633, time: -0.955, name: 0.18, reason: -0.033, thing: 0.037 },
  /** The span's last word is a verb. */
  "last:verb": { amount: 0.165, time: -0.338, name: -0.107, reason: 0.143, thing: -0.122 },
  /** The span's last word is an adjective. */
  "last:adjective": { amount: 0.373, time: -0.417, name: -0.09, reason: 0.475, thing: -0.354 },
  /** The span's last word is a numeral or measure word. */
  "last:number": { amount: 0.21, time: 0.51, name: -1.333, reason: -1.011, thing: -0.823 },
  /** The span's last word is a time word. */
  "last:time": { amount: 0.893, time: 1.43, name: 0.415, reason: 0.424, thing: 0.813 },
  /** The span's last word is a direction or place word (`中`, `上`, `附近`). */
  "last:direction": { amount: 0.104, time: 1.418, name: 0.907, reason: -0.329, thing: -0.147 },
  /** The span's last word is a particle (`的`, `了`). */
  "last:particle": { amount: -1.066, time: -0.466, name: -0.55, reason: -0.935, thing: -0.532 },
  /** The span's last word is a preposition (`在`, `由`, `于`). */
  "last:preposition": { amount: -1.119, time: -0.997, name: -1.149, reason: -0.013, thing: -1.056 },
  /** The span's last word is a conjunction (`和`, `或`). */
  "last:conjunction": { amount: -0.881, time: -0.611, name: -1.198, reason: -0.927, thing: -1.111 },
  /** The span's last word is an adverb. */
  "last:adverb": { amount: -0.393, time: -1.054, name: -1.185, reason: 0.451, thing: -0.365 },
  /** The span's last word is a pronoun. */
  "last:pronoun": { amount: -0.255, time: -0.732, name: -0.798, reason: -0.153, thing: -0.683 },
  /** The span's last word is another word (an idiom, an abbreviation, an unknown word). */
  "last:other": { amount: -0.956, time: -0.162, name: -0.047, reason: 0.176, thing: 0.077 },
  /** The word right before the span is a common noun. */
  "before:noun": { amount: -0.267, time: -0.803, name: 0.436, reason: -0.256, thing: -0.412 },
  /** The word right before the span is a name (person, place, organisation, other proper noun, foreign word). */
  "before:name": { amount: -0.207, time: -0.383, name: -0.991, reason: -0.511, thing: -0.927 },
  /** The word right before the span is a verb. */
  "before:verb": { amount: 0.153, time: -0.226, name: 0.222, reason: 0.476, thing: 0.487 },
  /** The word right before the span is an adjective. */
  "before:adjective": { amount: -0.178, time: 0.053, name: -0.534, reason: -0.806, thing: -0.642 },
  /** The word right before the span is a numeral or measure word. */
  "before:number": { amount: -0.874, time: -1.066, name: -0.069, reason: -0.44, thing: -0.013 },
  /** The word right before the span is a time word. */
  "before:time": { amount: -1.13, time: -0.718, name: 0.006, reason: 0.206, thing: -0.846 },
  /** The word right before the span is a direction or place word (`中`, `上`, `附近`). */
  "before:direction": { amount: -0.9, time: -0.458, name: -0.316, reason: -0.263, thing: -1.15 },
  /** The word right before the span is a particle (`的`, `了`). */
  "before:particle": { amount: 0.634, time: -0.641, name: 0.686, reason: 0.011, thing: 0.567 },
  /** The word right before the span is a preposition (`在`, `由`, `于`). */
  "before:preposition": { amount: 0.388, time: 0.787, name: 0.992, reason: 0.742, thing: 0.813 },
  /** The word right before the span is a conjunction (`和`, `或`). */
  "before:conjunction": { amount: 1.146, time: 0.075, name: 0.071, reason: 1.158, thing: 0.087 },
  /** The word right before the span is an adverb. */
  "before:adverb": { amount: 0.493, time: 0.693, name: 0.122, reason: -0.065, thing: -0.401 },
  /** The word right before the span is a pronoun. */
  "before:pronoun": { amount: 0.052, time: 0.269, name: -0.067, reason: 0.479, thing: -0.215 },
  /** The word right before the span is another word (an idiom, an abbreviation, an unknown word). */
  "before:other": { amount: -0.254, time: -0.653, name: -0.133, reason: -0.033, thing: -0.49 },
  /** The word right after the span is a common noun. */
  "after:noun": { amount: -0.773, time: -0.03, name: -0.331, reason: -1.303, thing: -1.146 },
  /** The word right after the span is a name (person, place, organisation, other proper noun, foreign word). */
  "after:name": { amount: -0.553, time: 0.149, name: -0.892, reason: -1.889, thing: -1.393 },
  /** The word right after the span is a verb. */
  "after:verb": { amount: -0.651, time: -0.13, name: 0.176, reason: 0.163, thing: -0.023 },
  /** The word right after the span is an adjective. */
  "after:adjective": { amount: -0.315, time: 0.555, name: -0.654, reason: -1.456, thing: -0.778 },
  /** The word right after the span is a numeral or measure word. */
  "after:number": { amount: -0.915, time: 0.322, name: -0.271, reason: -2.011, thing: -0.682 },
  /** The word right after the span is a time word. */
  "after:time": { amount: -1.699, time: -0.194, name: -0.062, reason: -0.264, thing: -0.717 },
  /** The word right after the span is a direction or place word (`中`, `上`, `附近`). */
  "after:direction": { amount: -0.31, time: 0.341, name: -0.364, reason: -0.735, thing: -0.209 },
  /** The word right after the span is a particle (`的`, `了`). */
  "after:particle": { amount: 0.081, time: -0.241, name: -0.195, reason: -0.059, thing: -0.112 },
  /** The word right after the span is a preposition (`在`, `由`, `于`). */
  "after:preposition": { amount: -0.232, time: 0.488, name: 1.005, reason: 0.043, thing: 0.751 },
  /** The word right after the span is a conjunction (`和`, `或`). */
  "after:conjunction": { amount: 0.834, time: -0.912, name: 0.385, reason: 0.758, thing: 0.313 },
  /** The word right after the span is an adverb. */
  "after:adverb": { amount: 0.546, time: 0.659, name: 0.67, reason: -0.897, thing: 0.494 },
  /** The word right after the span is a pronoun. */
  "after:pronoun": { amount: 0.503, time: 0.115, name: -0.946, reason: -1.023, thing: -0.515 },
  /** The word right after the span is another word (an idiom, an abbreviation, an unknown word). */
  "after:other": { amount: -0.476, time: 0.048, name: -0.372, reason: -1.269, thing: -0.886 },
};

/**
 * How the span is chosen from the ranker's distribution (`decodeSpan` in short.ts), by class: a span's
 * worth against a span it contains is their F1 to this power, so a lower hedge favours the longer,
 * safer span. Fitted with the threshold: the hedge whose threshold gives the best F1.
 */
export const SHORT_HEDGE: Record<ShortClass, number> = {
  amount: 0.3,
  time: 0.3,
  name: 0.15,
  reason: 0.15,
  thing: 0.15,
};

/**
 * Below this expected worth no short answer is given, by class: the lowest threshold at which the
 * class's short answers hold a gold answer at least 80% of the time on CMRC 2018 and DRCD (fitted).
 */
export const SHORT_THRESHOLD: Record<ShortClass, number> = {
  amount: 0.55,
  time: 0,
  name: 0.5,
  reason: 0.77,
  thing: 0.7,
};
