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
  numberAsked: { amount: 1.658, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is a whole amount, from its first digit (or `约`/`近` before it) to its unit: `40.7%`, not `增速达40.7%`. */
  numberExact: { amount: 0.323, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has the unit the question expects (`个` for `多少个`, `%` for a rate, `元` for money). */
  unitMatch: { amount: 1.003, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has another unit than the one asked for (`3条` for `多少公里`). */
  unitMismatch: { amount: -1.553, time: 0, name: 0, reason: 0, thing: 0 },
  /** A `第几` question and the span is an ordinal (`第二代`). */
  ordinal: { amount: 2.851, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a number while the question asks for neither a number nor a date. */
  numberOff: { amount: 0, time: 0, name: -0.926, reason: -1.435, thing: -0.358 },
  /** Share of the span that is a date, for a question asking when. */
  dateAsked: { amount: 0, time: 1.241, name: 0, reason: 0, thing: 0 },
  /** The span is one whole date expression (`2019年4月`, `6月份`), for a question asking when. */
  dateExact: { amount: 0, time: 0.723, name: 0, reason: 0, thing: 0 },
  /** The span names a year, for a question asking which year. */
  yearAsked: { amount: 0, time: 0.984, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a date while the question does not ask when. */
  dateOff: { amount: 0.01, time: 0, name: 0.383, reason: -1.743, thing: 0.262 },
  /** A `谁` question and the span is a name (jieba's `nr`, an unknown word of 2–4 characters, or names joined by `·`). */
  personAsked: { amount: 0, time: 0, name: 1.412, reason: 0, thing: 0 },
  /** A `谁` question and the span is a role word rather than a name (`主裁判`, `音乐家`). */
  personRole: { amount: 0, time: 0, name: 0.9, reason: 0, thing: 0 },
  /** A `哪里`/`哪个国家` question and the span is a place (jieba's `ns`, or a place ending: `省`, `县`, `街` …). */
  placeAsked: { amount: -0.242, time: -0.014, name: 0.944, reason: 0, thing: 0 },
  /** A place question and the span follows `位于`, `坐落于`, `出生于` …. */
  placeCue: { amount: -0.025, time: 0, name: 1.731, reason: 0, thing: 0 },
  /** A question asking another name and the span follows `又称`, `简称`, `俗名为` …. */
  aliasCue: { amount: 0.301, time: -0.002, name: -0.094, reason: 2.45, thing: 2.946 },
  /** A `哪个机构/公司` question and the span is an organisation (jieba's `nt`, or an ending: `公司`, `局`, `大学` …). */
  orgAsked: { amount: -0.16, time: -0.003, name: 1.796, reason: 0, thing: 0 },
  /** A question asking for a work (`哪部影片`, `什么书`) and the span is a title in `《》`. */
  workAsked: { amount: 1.246, time: 0, name: 2.145, reason: 0, thing: 0 },
  /** A `哪些`/`哪两个` question and the span is a list (`、`, `和`, `及` between items). */
  severalAsked: { amount: 3.944, time: 0, name: 2.737, reason: 0, thing: 2.963 },
  /** A `什么`/`哪个` question and the span is one proper noun or foreign word. */
  entityNamed: { amount: 0, time: 0, name: -0.423, reason: 0, thing: 0.298 },
  /** A why or how question and the span is a whole clause. */
  clauseAsked: { amount: 2.142, time: -0.001, name: 0.648, reason: 0.636, thing: 0 },
  /** A why question and the span is or follows a cause (`因为`, `由于`, `为了`). */
  causeAsked: { amount: -0.086, time: 0, name: 0.112, reason: 2, thing: 0 },
  /** The number in the span is counted with the question's own measure word (`号` in `几号球衣`). */
  measureMatch: { amount: -0.151, time: 1.046, name: 0, reason: 0, thing: 0 },
  /** The span starts or ends inside a date expression (`11月12日` of `2008年11月12日`). */
  dateCut: { amount: 0.611, time: -0.46, name: -0.819, reason: -0.779, thing: -0.763 },
  /** The span is a title in `《》`. */
  title: { amount: 0.374, time: -0.134, name: 2.358, reason: 0.688, thing: 3.258 },
  /** The span is a quotation in `“”`/`「」`. */
  quoted: { amount: 0.41, time: -0.244, name: 1.152, reason: 3.064, thing: 2.546 },
  /** The span is a parenthesis `（…）`: usually a gloss, not the answer. */
  parenthetical: { amount: -0.685, time: -0.588, name: -1.32, reason: -0.48, thing: -1.259 },
  /** The span is a list. */
  enumeration: { amount: -0.738, time: 0.01, name: -0.036, reason: 0.253, thing: 0.367 },
  /** The question's text before its question word ends right before the span in the sentence (characters matched, up to 4). */
  leftAnchor: { amount: 0.848, time: 1.247, name: 1.697, reason: 1.11, thing: 1.65 },
  /** The question's text after its question word starts right after the span (up to 4 characters). */
  rightAnchor: { amount: 0.21, time: 0.55, name: 1.007, reason: 1.004, thing: 0.447 },
  /** As `rightAnchor`, after the noun the question word asks about (`合作开发` after `哪两个公司`). */
  rightAnchorSkip: { amount: 0.935, time: 0.988, name: 0.418, reason: 0.539, thing: 0.859 },
  /** The question's content word right before its question word stands at most 2 characters before the span. */
  leftTerm: { amount: 0.816, time: 0.515, name: 0.812, reason: 1.009, thing: 0.986 },
  /** The question's content word right after its question word stands at most 2 characters after the span. */
  rightTerm: { amount: 0.017, time: 0.773, name: 1.066, reason: 0.774, thing: 0.972 },
  /** Closeness to the nearest question word in the sentence, 1/(1 + characters between). */
  near: { amount: 1.163, time: 0.179, name: 0.484, reason: 0.313, thing: 0.685 },
  /** Share of the question's words within 6 characters before the span. */
  leftWindow: { amount: 1.194, time: -0.569, name: -0.633, reason: 0.485, thing: 0.144 },
  /** Share of the question's words within 6 characters after the span. */
  rightWindow: { amount: 1.512, time: 0.608, name: 1.153, reason: 1.849, thing: 1.989 },
  /** The smaller of the two windows: question words on both sides. */
  bothWindows: { amount: 0.418, time: 1.596, name: -0.167, reason: 0.271, thing: -0.486 },
  /** The span opens its clause and question words follow it closely: the subject of what the question restates. */
  subject: { amount: 0.07, time: 0.687, name: -0.308, reason: 0.967, thing: -0.344 },
  /** Share of the question's words before its question word that stand before the span: the question's order kept. */
  leftBefore: { amount: 0.665, time: 0.04, name: 0.234, reason: 0.693, thing: 0.831 },
  /** Share of the question's words after its question word that stand after the span. */
  rightAfter: { amount: -0.318, time: 0.843, name: 1.03, reason: -0.821, thing: -0.099 },
  /** Share of the question's words before its question word that stand after the span: the order reversed. */
  leftAfter: { amount: -0.101, time: 0.747, name: 0.228, reason: 0.628, thing: 0.448 },
  /** Share of the question's words after its question word that stand before the span. */
  rightBefore: { amount: -0.742, time: -0.296, name: -0.926, reason: -1.589, thing: -0.946 },
  /** The span opens a sentence: its topic. */
  sentenceStart: { amount: 1.495, time: 1.038, name: 0.288, reason: -0.206, thing: 0.57 },
  /** The span ends with the noun the question word asks about, or its last character (`激变星` for `哪一种变星`). */
  headEnd: { amount: 1.734, time: -0.402, name: 2.109, reason: 2.16, thing: 1.81 },
  /** Share of the span made of the question's own words: what the question already states is not the answer. */
  stated: { amount: -0.976, time: -1.599, name: -1.752, reason: -1.706, thing: -1.555 },
  /** `stated` times `clauseCover`: the question's own words in the clause that restates it are least likely the answer. */
  statedInClause: { amount: -1.736, time: -1.465, name: -1.876, reason: -2.331, thing: -2.174 },
  /** The span closes its clause right after question words (`leftWindow` at a clause end): the object of what the question restates. */
  endAfterWords: { amount: 2.384, time: 1.559, name: 2.165, reason: 1.475, thing: 2.214 },
  /** The span closes its clause and question words open the next (`rightWindow` at a clause end). */
  endBeforeWords: { amount: -1.766, time: -0.116, name: -1.763, reason: -0.553, thing: -2.352 },
  /** Share of the span's characters found anywhere in the question. */
  statedChars: { amount: 0.316, time: -0.305, name: -1.165, reason: -0.827, thing: -0.348 },
  /** Share of the question's words in the span's clause: the clause that answers restates the question. */
  clauseCover: { amount: 1.207, time: 0.751, name: 2.137, reason: 2.15, thing: 1.846 },
  /** The span's clause holds the most question words of any clause. */
  clauseBest: { amount: 0.362, time: 0.728, name: -0.017, reason: -0.556, thing: 0.065 },
  /** The span holds the noun the question word asks about (`三茂铁路股份有限公司` for `哪家公司`). */
  headInside: { amount: 0.435, time: -0.561, name: 0.586, reason: 0.034, thing: 0.845 },
  /** The noun the question word asks about follows the span (`综合娱乐` before `频道`). */
  headAfter: { amount: 1.246, time: -0.62, name: 0.286, reason: 0.769, thing: 0.776 },
  /** The span follows a linking word (`是`, `为`, `叫`, `由`, `于` …). */
  copula: { amount: 0.843, time: 1.163, name: 0.535, reason: 0.697, thing: 0.503 },
  /** The span opens its clause. */
  puncBefore: { amount: 0.591, time: 1.234, name: 0.892, reason: 0.601, thing: 0.795 },
  /** The span closes its clause. */
  puncAfter: { amount: 0.866, time: 0.749, name: 0.934, reason: 1.448, thing: 1.033 },
  /** `的` follows the span: it modifies a noun after it. */
  deAfter: { amount: 0.857, time: 0.041, name: 0.408, reason: -0.46, thing: 0.473 },
  /** A bracket follows the span (a name glossed in another script). */
  bracketAfter: { amount: 0.626, time: -1.192, name: 1.278, reason: 1.811, thing: 1.37 },
  /** A noun stands right before the span in its clause: the phrase may go on to the left. */
  nounBefore: { amount: 0.127, time: -0.96, name: -0.189, reason: -0.397, thing: 0.132 },
  /** A noun stands right after the span: the phrase may go on to the right. */
  nounAfter: { amount: 0.155, time: -0.542, name: -0.668, reason: -0.885, thing: -0.212 },
  /** A verb follows the span. */
  verbAfter: { amount: 0.28, time: 0.44, name: 0.219, reason: -0.686, thing: 0.088 },
  /** The span lies inside a bracket or quote. */
  insideBrackets: { amount: -1.326, time: -0.629, name: -1.229, reason: 0.087, thing: -0.693 },
  /** The span starts with a function word (`的`, `在`, `和` …). */
  startsFunction: { amount: -0.827, time: -1.175, name: -0.623, reason: -0.35, thing: -1.205 },
  /** The span ends with a function word. */
  endsFunction: { amount: 0.137, time: -0.806, name: -0.521, reason: -0.804, thing: -0.681 },
  /** The span starts with a verb. */
  startsVerb: { amount: -0.488, time: -0.602, name: -0.509, reason: 0.388, thing: -0.102 },
  /** The span ends with a verb. */
  endsVerb: { amount: -0.224, time: -0.509, name: -0.371, reason: -0.144, thing: -0.022 },
  /** The span holds a verb: a clause rather than a name. */
  hasVerb: { amount: -0.879, time: -0.837, name: -1.217, reason: 0.307, thing: -0.418 },
  /** The span ends with a noun, a name, a number or a measure word. */
  endsNoun: { amount: 0.71, time: 0.575, name: 0.692, reason: 0.193, thing: 0.127 },
  /** The span is its whole clause. */
  wholeClause: { amount: -0.789, time: -0.038, name: -0.518, reason: 0.636, thing: 0.481 },
  /** The span is one noun chunk exactly (a maximal run of nouns, names, numbers and measure words). */
  chunk: { amount: -0.338, time: 0.224, name: 0.596, reason: 0.795, thing: 1.047 },
  /** The span lies inside a noun chunk, cutting it. */
  inChunk: { amount: 0.125, time: 0.984, name: 0.701, reason: 1.334, thing: 1.142 },
  /** The span is several whole noun chunks (with what joins them). */
  chunks: { amount: -0.47, time: -0.452, name: -0.201, reason: -0.206, thing: -0.281 },
  /** Where the span starts in the quote (0 first, 1 last). */
  position: { amount: 0.819, time: 0.146, name: 0.229, reason: 0.083, thing: 0.417 },
  /** The span's words, up to 10, over 10. */
  tokens: { amount: -1.505, time: -1.426, name: -0.895, reason: 0.142, thing: -0.878 },
  /** One character. */
  len1: { amount: -1.857, time: -1.239, name: -1.621, reason: -1.817, thing: -1.438 },
  /** Two characters. */
  len2: { amount: 0.316, time: -1.27, name: -0.126, reason: -0.705, thing: -0.473 },
  /** Three or four characters. */
  len3to4: { amount: 1.064, time: -0.039, name: 0.591, reason: 0.688, thing: 0.472 },
  /** Five to seven characters. */
  len5to7: { amount: 0.616, time: 0.431, name: 0.331, reason: 0.384, thing: 0.313 },
  /** Eight to twelve characters. */
  len8to12: { amount: -0.504, time: 0.036, name: 0.098, reason: 0.423, thing: 0.082 },
  /** Thirteen to twenty characters. */
  len13to20: { amount: -0.991, time: -0.182, name: 0.023, reason: 0.499, thing: 0.433 },
  /** More than twenty characters. */
  len21up: { amount: 0.392, time: 1.076, name: 0.006, reason: 0.894, thing: 0.617 },
  /** The span's first word is a common noun. */
  "first:noun": { amount: -1.507, time: -0.738, name: -0.515, reason: 0.204, thing: -0.468 },
  /** The span's first word is a name (person, place, organisation, other proper noun, foreign word). */
  "first:name": { amount: -0.318, time: -0.209, name: 0.941, reason: 0.549, thing: 0.161 },
  /** The span's first word is a verb. */
  "first:verb": { amount: -0.488, time: -0.769, name: -0.2, reason: -0.215, thing: -0.214 },
  /** The span's first word is an adjective. */
  "first:adjective": { amount: -0.793, time: -1.15, name: -0.556, reason: 0.52, thing: -0.441 },
  /** The span's first word is a numeral or measure word. */
  "first:number": { amount: 0.583, time: 0.831, name: -1.058, reason: -0.107, thing: -1.044 },
  /** The span's first word is a time word. */
  "first:time": { amount: -0.907, time: 0.523, name: -0.22, reason: 0.087, thing: -0.261 },
  /** The span's first word is a direction or place word (`中`, `上`, `附近`). */
  "first:direction": { amount: -0.742, time: 0.448, name: 0.189, reason: -0.153, thing: 0.019 },
  /** The span's first word is a particle (`的`, `了`). */
  "first:particle": { amount: -2.03, time: -0.766, name: -1.695, reason: -1.635, thing: -2.044 },
  /** The span's first word is a preposition (`在`, `由`, `于`). */
  "first:preposition": { amount: -1.437, time: -1.218, name: -1.709, reason: 0.851, thing: -0.557 },
  /** The span's first word is a conjunction (`和`, `或`). */
  "first:conjunction": { amount: -1.237, time: -0.928, name: -1.302, reason: -0.248, thing: -0.289 },
  /** The span's first word is an adverb. */
  "first:adverb": { amount: -0.016, time: 0.04, name: -0.887, reason: 0.269, thing: 0.05 },
  /** The span's first word is a pronoun. */
  "first:pronoun": { amount: -0.858, time: -0.41, name: -0.876, reason: -0.014, thing: -0.55 },
  /** The span's first word is another word (an idiom, an abbreviation, an unknown word). */
  "first:other": { amount: -0.516, time: -1.002, name: 0.592, reason: 0.158, thing: -0.07 },
  /** The span's last word is a common noun. */
  "last:noun": { amount: -0.644, time: -1.114, name: -0.479, reason: 0.091, thing: 0.112 },
  /** The span's last word is a name (person, place, organisation, other proper noun, foreign word). */
  "last:name": { amount: -0.646, time: -0.956, name: 0.173, reason: -0.042, thing: 0.024 },
  /** The span's last word is a verb. */
  "last:verb": { amount: 0.244, time: -0.339, name: -0.11, reason: 0.133, thing: -0.133 },
  /** The span's last word is an adjective. */
  "last:adjective": { amount: 0.373, time: -0.417, name: -0.095, reason: 0.469, thing: -0.363 },
  /** The span's last word is a numeral or measure word. */
  "last:number": { amount: 0.203, time: 0.509, name: -1.34, reason: -1.019, thing: -0.839 },
  /** The span's last word is a time word. */
  "last:time": { amount: 0.906, time: 1.43, name: 0.41, reason: 0.419, thing: 0.805 },
  /** The span's last word is a direction or place word (`中`, `上`, `附近`). */
  "last:direction": { amount: 0.076, time: 1.417, name: 0.903, reason: -0.332, thing: -0.151 },
  /** The span's last word is a particle (`的`, `了`). */
  "last:particle": { amount: -1.119, time: -0.466, name: -0.552, reason: -0.937, thing: -0.534 },
  /** The span's last word is a preposition (`在`, `由`, `于`). */
  "last:preposition": { amount: -1.175, time: -0.997, name: -1.151, reason: -0.015, thing: -1.058 },
  /** The span's last word is a conjunction (`和`, `或`). */
  "last:conjunction": { amount: -0.98, time: -0.611, name: -1.199, reason: -0.929, thing: -1.113 },
  /** The span's last word is an adverb. */
  "last:adverb": { amount: -0.426, time: -1.055, name: -1.185, reason: 0.448, thing: -0.37 },
  /** The span's last word is a pronoun. */
  "last:pronoun": { amount: -0.224, time: -0.732, name: -0.801, reason: -0.154, thing: -0.686 },
  /** The span's last word is another word (an idiom, an abbreviation, an unknown word). */
  "last:other": { amount: -1.001, time: -0.163, name: -0.055, reason: 0.168, thing: 0.064 },
  /** The word right before the span is a common noun. */
  "before:noun": { amount: -0.141, time: -0.803, name: 0.437, reason: -0.256, thing: -0.412 },
  /** The word right before the span is a name (person, place, organisation, other proper noun, foreign word). */
  "before:name": { amount: -0.145, time: -0.384, name: -0.991, reason: -0.511, thing: -0.927 },
  /** The word right before the span is a verb. */
  "before:verb": { amount: 0.058, time: -0.225, name: 0.222, reason: 0.475, thing: 0.487 },
  /** The word right before the span is an adjective. */
  "before:adjective": { amount: -0.177, time: 0.053, name: -0.533, reason: -0.806, thing: -0.644 },
  /** The word right before the span is a numeral or measure word. */
  "before:number": { amount: -0.858, time: -1.066, name: -0.071, reason: -0.439, thing: -0.014 },
  /** The word right before the span is a time word. */
  "before:time": { amount: -1.132, time: -0.718, name: 0.007, reason: 0.207, thing: -0.848 },
  /** The word right before the span is a direction or place word (`中`, `上`, `附近`). */
  "before:direction": { amount: -0.913, time: -0.458, name: -0.316, reason: -0.263, thing: -1.149 },
  /** The word right before the span is a particle (`的`, `了`). */
  "before:particle": { amount: 0.654, time: -0.64, name: 0.686, reason: 0.01, thing: 0.567 },
  /** The word right before the span is a preposition (`在`, `由`, `于`). */
  "before:preposition": { amount: 0.382, time: 0.787, name: 0.991, reason: 0.741, thing: 0.812 },
  /** The word right before the span is a conjunction (`和`, `或`). */
  "before:conjunction": { amount: 0.965, time: 0.075, name: 0.071, reason: 1.158, thing: 0.086 },
  /** The word right before the span is an adverb. */
  "before:adverb": { amount: 0.498, time: 0.693, name: 0.122, reason: -0.065, thing: -0.401 },
  /** The word right before the span is a pronoun. */
  "before:pronoun": { amount: 0.057, time: 0.269, name: -0.067, reason: 0.481, thing: -0.215 },
  /** The word right before the span is another word (an idiom, an abbreviation, an unknown word). */
  "before:other": { amount: -0.027, time: -0.653, name: -0.133, reason: -0.033, thing: -0.49 },
  /** The word right after the span is a common noun. */
  "after:noun": { amount: -0.752, time: -0.031, name: -0.332, reason: -1.303, thing: -1.148 },
  /** The word right after the span is a name (person, place, organisation, other proper noun, foreign word). */
  "after:name": { amount: -0.527, time: 0.149, name: -0.892, reason: -1.889, thing: -1.393 },
  /** The word right after the span is a verb. */
  "after:verb": { amount: -0.701, time: -0.13, name: 0.175, reason: 0.163, thing: -0.02 },
  /** The word right after the span is an adjective. */
  "after:adjective": { amount: -0.334, time: 0.554, name: -0.654, reason: -1.457, thing: -0.779 },
  /** The word right after the span is a numeral or measure word. */
  "after:number": { amount: -0.912, time: 0.322, name: -0.271, reason: -2.01, thing: -0.683 },
  /** The word right after the span is a time word. */
  "after:time": { amount: -1.716, time: -0.194, name: -0.061, reason: -0.264, thing: -0.718 },
  /** The word right after the span is a direction or place word (`中`, `上`, `附近`). */
  "after:direction": { amount: -0.402, time: 0.341, name: -0.365, reason: -0.735, thing: -0.209 },
  /** The word right after the span is a particle (`的`, `了`). */
  "after:particle": { amount: 0.017, time: -0.241, name: -0.194, reason: -0.06, thing: -0.111 },
  /** The word right after the span is a preposition (`在`, `由`, `于`). */
  "after:preposition": { amount: -0.321, time: 0.488, name: 1.002, reason: 0.042, thing: 0.75 },
  /** The word right after the span is a conjunction (`和`, `或`). */
  "after:conjunction": { amount: 0.754, time: -0.912, name: 0.384, reason: 0.757, thing: 0.313 },
  /** The word right after the span is an adverb. */
  "after:adverb": { amount: 0.514, time: 0.655, name: 0.671, reason: -0.897, thing: 0.492 },
  /** The word right after the span is a pronoun. */
  "after:pronoun": { amount: 0.484, time: 0.115, name: -0.946, reason: -1.023, thing: -0.515 },
  /** The word right after the span is another word (an idiom, an abbreviation, an unknown word). */
  "after:other": { amount: -0.552, time: 0.048, name: -0.372, reason: -1.27, thing: -0.886 },
};

/**
 * How the span is chosen from the ranker's distribution (`decodeSpan` in short.ts), by class: a span's
 * worth against a span it contains is their F1 to this power, so a lower hedge favours the longer,
 * safer span. Fitted with the threshold: the hedge whose threshold gives the best F1.
 */
export const SHORT_HEDGE: Record<ShortClass, number> = { amount: 1, time: 1, name: 0.5, reason: 0.5, thing: 0.15 };

/**
 * Below this expected worth no short answer is given, by class: the lowest threshold at which the
 * class's short answers hold a gold answer at least 80% of the time on CMRC 2018 and DRCD (fitted).
 */
export const SHORT_THRESHOLD: Record<ShortClass, number> = { amount: 0.47, time: 0.19, name: 0.45, reason: 0.71, thing: 0.7 };
