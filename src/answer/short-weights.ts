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
  numberAsked: { amount: 1.727, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is a whole amount, from its first digit (or `约`/`近` before it) to its unit: `40.7%`, not `增速达40.7%`. */
  numberExact: { amount: 0.222, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has the unit the question expects (`个` for `多少个`, `%` for a rate, `元` for money). */
  unitMatch: { amount: 1.049, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has another unit than the one asked for (`3条` for `多少公里`). */
  unitMismatch: { amount: -1.337, time: 0, name: 0, reason: 0, thing: 0 },
  /** A `第几` question and the span is an ordinal (`第二代`). */
  ordinal: { amount: 2.791, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a number while the question asks for neither a number nor a date. */
  numberOff: { amount: 0, time: 0, name: -0.919, reason: -1.45, thing: -0.361 },
  /** Share of the span that is a date, for a question asking when. */
  dateAsked: { amount: 0, time: 1.233, name: 0, reason: 0, thing: 0 },
  /** The span is one whole date expression (`2019年4月`, `6月份`), for a question asking when. */
  dateExact: { amount: 0, time: 0.719, name: 0, reason: 0, thing: 0 },
  /** The span names a year, for a question asking which year. */
  yearAsked: { amount: 0, time: 0.988, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a date while the question does not ask when. */
  dateOff: { amount: 0.116, time: 0, name: 0.378, reason: -1.747, thing: 0.27 },
  /** A `谁` question and the span is a name (jieba's `nr`, an unknown word of 2–4 characters, or names joined by `·`). */
  personAsked: { amount: 0, time: 0, name: 1.419, reason: 0, thing: 0 },
  /** A `谁` question and the span is a role word rather than a name (`主裁判`, `音乐家`). */
  personRole: { amount: 0, time: 0, name: 0.904, reason: 0, thing: 0 },
  /** A `哪里`/`哪个国家` question and the span is a place (jieba's `ns`, or a place ending: `省`, `县`, `街` …). */
  placeAsked: { amount: 0.253, time: -0.014, name: 0.935, reason: 0, thing: 0 },
  /** A place question and the span follows `位于`, `坐落于`, `出生于` …. */
  placeCue: { amount: -0.032, time: 0, name: 1.724, reason: 0, thing: 0 },
  /** A question asking another name and the span follows `又称`, `简称`, `俗名为` …. */
  aliasCue: { amount: 0.315, time: -0.002, name: -0.098, reason: 2.457, thing: 2.967 },
  /** A `哪个机构/公司` question and the span is an organisation (jieba's `nt`, or an ending: `公司`, `局`, `大学` …). */
  orgAsked: { amount: -0.18, time: -0.002, name: 1.793, reason: 0, thing: 0 },
  /** A question asking for a work (`哪部影片`, `什么书`) and the span is a title in `《》`. */
  workAsked: { amount: 1.254, time: 0, name: 2.146, reason: 0, thing: 0 },
  /** A `哪些`/`哪两个` question and the span is a list (`、`, `和`, `及` between items). */
  severalAsked: { amount: 3.953, time: 0, name: 2.737, reason: 0, thing: 2.973 },
  /** A `什么`/`哪个` question and the span is one proper noun or foreign word. */
  entityNamed: { amount: 0, time: 0, name: -0.407, reason: 0, thing: 0.303 },
  /** A why or how question and the span is a whole clause. */
  clauseAsked: { amount: 2.143, time: -0.001, name: 0.676, reason: 0.637, thing: 0 },
  /** A why question and the span is or follows a cause (`因为`, `由于`, `为了`). */
  causeAsked: { amount: -0.09, time: 0, name: 0.119, reason: 2.041, thing: 0 },
  /** The number in the span is counted with the question's own measure word (`号` in `几号球衣`). */
  measureMatch: { amount: -0.137, time: 1.053, name: 0, reason: 0, thing: 0 },
  /** The span starts or ends inside a date expression (`11月12日` of `2008年11月12日`). */
  dateCut: { amount: 0.535, time: -0.444, name: -0.819, reason: -0.781, thing: -0.762 },
  /** The span is a title in `《》`. */
  title: { amount: 0.317, time: -0.145, name: 2.354, reason: 0.663, thing: 3.24 },
  /** The span is a quotation in `“”`/`「」`. */
  quoted: { amount: 0.405, time: -0.226, name: 1.136, reason: 3.074, thing: 2.535 },
  /** The span is a parenthesis `（…）`: usually a gloss, not the answer. */
  parenthetical: { amount: -1.009, time: -0.605, name: -1.013, reason: -0.391, thing: -0.97 },
  /** The span is a list. */
  enumeration: { amount: -0.7, time: 0.017, name: -0.046, reason: 0.248, thing: 0.359 },
  /** The question's text before its question word ends right before the span in the sentence (characters matched, up to 4). */
  leftAnchor: { amount: 0.649, time: 1.17, name: 1.851, reason: 1.236, thing: 1.814 },
  /** The question's text after its question word starts right after the span (up to 4 characters). */
  rightAnchor: { amount: 0.164, time: 0.543, name: 0.985, reason: 0.993, thing: 0.419 },
  /** As `rightAnchor`, after the noun the question word asks about (`合作开发` after `哪两个公司`). */
  rightAnchorSkip: { amount: 0.911, time: 0.971, name: 0.411, reason: 0.531, thing: 0.832 },
  /** The question's content word right before its question word stands at most 2 characters before the span. */
  leftTerm: { amount: 0.977, time: 0.63, name: 0.932, reason: 1.012, thing: 1.061 },
  /** The question's content word right after its question word stands at most 2 characters after the span. */
  rightTerm: { amount: 0.138, time: 0.78, name: 1.045, reason: 0.773, thing: 0.959 },
  /** Closeness to the nearest question word in the sentence, 1/(1 + characters between). */
  near: { amount: 1.199, time: 0.21, name: 0.553, reason: 0.324, thing: 0.751 },
  /** Share of the question's words within 6 characters before the span. */
  leftWindow: { amount: 1.2, time: -0.595, name: -0.591, reason: 0.535, thing: 0.187 },
  /** Share of the question's words within 6 characters after the span. */
  rightWindow: { amount: 1.491, time: 0.59, name: 1.119, reason: 1.853, thing: 1.95 },
  /** The smaller of the two windows: question words on both sides. */
  bothWindows: { amount: 0.403, time: 1.612, name: -0.197, reason: 0.272, thing: -0.523 },
  /** The span opens its clause and question words follow it closely: the subject of what the question restates. */
  subject: { amount: 0.069, time: 0.687, name: -0.326, reason: 0.974, thing: -0.355 },
  /** Share of the question's words before its question word that stand before the span: the question's order kept. */
  leftBefore: { amount: 0.752, time: 0.059, name: 0.266, reason: 0.654, thing: 0.814 },
  /** Share of the question's words after its question word that stand after the span. */
  rightAfter: { amount: -0.4, time: 0.837, name: 1.021, reason: -0.825, thing: -0.07 },
  /** Share of the question's words before its question word that stand after the span: the order reversed. */
  leftAfter: { amount: -0.148, time: 0.739, name: 0.235, reason: 0.631, thing: 0.453 },
  /** Share of the question's words after its question word that stand before the span. */
  rightBefore: { amount: -0.809, time: -0.297, name: -0.947, reason: -1.609, thing: -0.955 },
  /** The span opens a sentence: its topic. */
  sentenceStart: { amount: 1.549, time: 1.039, name: 0.295, reason: -0.193, thing: 0.59 },
  /** The span ends with the noun the question word asks about, or its last character (`激变星` for `哪一种变星`). */
  headEnd: { amount: 1.737, time: -0.398, name: 2.12, reason: 2.14, thing: 1.805 },
  /** Share of the span made of the question's own words: what the question already states is not the answer. */
  stated: { amount: -1.026, time: -1.615, name: -1.762, reason: -1.715, thing: -1.551 },
  /** `stated` times `clauseCover`: the question's own words in the clause that restates it are least likely the answer. */
  statedInClause: { amount: -1.789, time: -1.469, name: -1.888, reason: -2.353, thing: -2.193 },
  /** The span closes its clause right after question words (`leftWindow` at a clause end): the object of what the question restates. */
  endAfterWords: { amount: 2.433, time: 1.578, name: 2.176, reason: 1.473, thing: 2.236 },
  /** The span closes its clause and question words open the next (`rightWindow` at a clause end). */
  endBeforeWords: { amount: -1.78, time: -0.123, name: -1.756, reason: -0.554, thing: -2.339 },
  /** Share of the span's characters found anywhere in the question. */
  statedChars: { amount: 0.443, time: -0.318, name: -1.176, reason: -0.824, thing: -0.363 },
  /** Share of the question's words in the span's clause: the clause that answers restates the question. */
  clauseCover: { amount: 1.244, time: 0.765, name: 2.138, reason: 2.166, thing: 1.846 },
  /** The span's clause holds the most question words of any clause. */
  clauseBest: { amount: 0.307, time: 0.729, name: -0.018, reason: -0.557, thing: 0.056 },
  /** The span holds the noun the question word asks about (`三茂铁路股份有限公司` for `哪家公司`). */
  headInside: { amount: 0.423, time: -0.556, name: 0.594, reason: 0.077, thing: 0.848 },
  /** The noun the question word asks about follows the span (`综合娱乐` before `频道`). */
  headAfter: { amount: 1.238, time: -0.625, name: 0.268, reason: 0.781, thing: 0.775 },
  /** The span follows a linking word (`是`, `为`, `叫`, `由`, `于` …). */
  copula: { amount: 0.8, time: 1.149, name: 0.49, reason: 0.669, thing: 0.454 },
  /** The span opens its clause. */
  puncBefore: { amount: 0.592, time: 1.215, name: 0.899, reason: 0.594, thing: 0.767 },
  /** The span closes its clause. */
  puncAfter: { amount: 0.867, time: 0.767, name: 0.939, reason: 1.442, thing: 1.032 },
  /** `的` follows the span: it modifies a noun after it. */
  deAfter: { amount: 0.88, time: 0.036, name: 0.402, reason: -0.458, thing: 0.467 },
  /** A bracket follows the span (a name glossed in another script). */
  bracketAfter: { amount: 0.592, time: -1.195, name: 1.292, reason: 1.815, thing: 1.365 },
  /** A noun stands right before the span in its clause: the phrase may go on to the left. */
  nounBefore: { amount: 0.182, time: -0.943, name: -0.167, reason: -0.354, thing: 0.15 },
  /** A noun stands right after the span: the phrase may go on to the right. */
  nounAfter: { amount: 0.14, time: -0.546, name: -0.66, reason: -0.883, thing: -0.206 },
  /** A verb follows the span. */
  verbAfter: { amount: 0.264, time: 0.435, name: 0.216, reason: -0.69, thing: 0.086 },
  /** The span lies inside a bracket or quote. */
  insideBrackets: { amount: -1.334, time: -0.64, name: -1.243, reason: 0.066, thing: -0.711 },
  /** The span starts with a function word (`的`, `在`, `和` …). */
  startsFunction: { amount: -0.816, time: -1.171, name: -0.583, reason: -0.328, thing: -1.165 },
  /** The span ends with a function word. */
  endsFunction: { amount: 0.155, time: -0.807, name: -0.524, reason: -0.804, thing: -0.679 },
  /** The span starts with a verb. */
  startsVerb: { amount: -0.487, time: -0.597, name: -0.489, reason: 0.4, thing: -0.107 },
  /** The span ends with a verb. */
  endsVerb: { amount: -0.229, time: -0.509, name: -0.368, reason: -0.146, thing: -0.032 },
  /** The span holds a verb: a clause rather than a name. */
  hasVerb: { amount: -0.869, time: -0.835, name: -1.215, reason: 0.303, thing: -0.409 },
  /** The span ends with a noun, a name, a number or a measure word. */
  endsNoun: { amount: 0.736, time: 0.576, name: 0.692, reason: 0.177, thing: 0.13 },
  /** The span is its whole clause. */
  wholeClause: { amount: -0.842, time: -0.048, name: -0.537, reason: 0.637, thing: 0.47 },
  /** The span is one noun chunk exactly (a maximal run of nouns, names, numbers and measure words). */
  chunk: { amount: -0.363, time: 0.222, name: 0.604, reason: 0.805, thing: 1.072 },
  /** The span lies inside a noun chunk, cutting it. */
  inChunk: { amount: 0.097, time: 0.993, name: 0.691, reason: 1.321, thing: 1.138 },
  /** The span is several whole noun chunks (with what joins them). */
  chunks: { amount: -0.477, time: -0.469, name: -0.199, reason: -0.206, thing: -0.268 },
  /** Where the span starts in the quote (0 first, 1 last). */
  position: { amount: 0.743, time: 0.129, name: 0.216, reason: 0.113, thing: 0.413 },
  /** The span's words, up to 10, over 10. */
  tokens: { amount: -1.559, time: -1.406, name: -0.882, reason: 0.156, thing: -0.872 },
  /** One character. */
  len1: { amount: -1.852, time: -1.233, name: -1.614, reason: -1.824, thing: -1.449 },
  /** Two characters. */
  len2: { amount: 0.355, time: -1.27, name: -0.128, reason: -0.714, thing: -0.48 },
  /** Three or four characters. */
  len3to4: { amount: 1.073, time: -0.028, name: 0.59, reason: 0.685, thing: 0.469 },
  /** Five to seven characters. */
  len5to7: { amount: 0.623, time: 0.432, name: 0.329, reason: 0.375, thing: 0.311 },
  /** Eight to twelve characters. */
  len8to12: { amount: -0.519, time: 0.031, name: 0.091, reason: 0.426, thing: 0.088 },
  /** Thirteen to twenty characters. */
  len13to20: { amount: -1.014, time: -0.189, name: 0.023, reason: 0.503, thing: 0.44 },
  /** More than twenty characters. */
  len21up: { amount: 0.382, time: 1.072, name: 0.011, reason: 0.913, thing: 0.648 },
  /** The span's first word is a common noun. */
  "first:noun": { amount: -1.543, time: -0.732, name: -0.536, reason: 0.184, thing: -0.512 },
  /** The span's first word is a name (person, place, organisation, other proper noun, foreign word). */
  "first:name": { amount: -0.301, time: -0.207, name: 0.912, reason: 0.527, thing: 0.117 },
  /** The span's first word is a verb. */
  "first:verb": { amount: -0.468, time: -0.769, name: -0.202, reason: -0.238, thing: -0.213 },
  /** The span's first word is an adjective. */
  "first:adjective": { amount: -0.736, time: -1.146, name: -0.546, reason: 0.507, thing: -0.499 },
  /** The span's first word is a numeral or measure word. */
  "first:number": { amount: 0.579, time: 0.828, name: -1.105, reason: -0.126, thing: -1.102 },
  /** The span's first word is a time word. */
  "first:time": { amount: -0.941, time: 0.502, name: -0.268, reason: 0.106, thing: -0.279 },
  /** The span's first word is a direction or place word (`中`, `上`, `附近`). */
  "first:direction": { amount: -0.802, time: 0.439, name: 0.186, reason: -0.19, thing: -0.04 },
  /** The span's first word is a particle (`的`, `了`). */
  "first:particle": { amount: -2.051, time: -0.769, name: -1.704, reason: -1.65, thing: -2.034 },
  /** The span's first word is a preposition (`在`, `由`, `于`). */
  "first:preposition": { amount: -1.472, time: -1.199, name: -1.614, reason: 0.784, thing: -0.508 },
  /** The span's first word is a conjunction (`和`, `或`). */
  "first:conjunction": { amount: -1.244, time: -0.93, name: -1.289, reason: -0.318, thing: -0.331 },
  /** The span's first word is an adverb. */
  "first:adverb": { amount: -0.097, time: 0.062, name: -0.914, reason: 0.192, thing: 0.016 },
  /** The span's first word is a pronoun. */
  "first:pronoun": { amount: -0.82, time: -0.44, name: -0.934, reason: -0.056, thing: -0.599 },
  /** The span's first word is another word (an idiom, an abbreviation, an unknown word). */
  "first:other": { amount: -0.52, time: -1, name: 0.565, reason: 0.127, thing: -0.107 },
  /** The span's last word is a common noun. */
  "last:noun": { amount: -0.66, time: -1.118, name: -0.488, reason: 0.104, thing: 0.108 },
  /** The span's last word is a name (person, place, organisation, other proper noun, foreign word). */
  "last:name": { amount: -0.678, time: -0.958, name: 0.17, reason: -0.029, thing: 0.024 },
  /** The span's last word is a verb. */
  "last:verb": { amount: 0.248, time: -0.339, name: -0.115, reason: 0.134, thing: -0.122 },
  /** The span's last word is an adjective. */
  "last:adjective": { amount: 0.313, time: -0.414, name: -0.089, reason: 0.476, thing: -0.349 },
  /** The span's last word is a numeral or measure word. */
  "last:number": { amount: 0.219, time: 0.514, name: -1.343, reason: -1.007, thing: -0.84 },
  /** The span's last word is a time word. */
  "last:time": { amount: 0.853, time: 1.43, name: 0.472, reason: 0.425, thing: 0.801 },
  /** The span's last word is a direction or place word (`中`, `上`, `附近`). */
  "last:direction": { amount: 0.159, time: 1.405, name: 0.914, reason: -0.323, thing: -0.141 },
  /** The span's last word is a particle (`的`, `了`). */
  "last:particle": { amount: -1.178, time: -0.467, name: -0.56, reason: -0.939, thing: -0.543 },
  /** The span's last word is a preposition (`在`, `由`, `于`). */
  "last:preposition": { amount: -1.206, time: -0.995, name: -1.148, reason: -0.022, thing: -1.063 },
  /** The span's last word is a conjunction (`和`, `或`). */
  "last:conjunction": { amount: -0.994, time: -0.61, name: -1.219, reason: -0.926, thing: -1.118 },
  /** The span's last word is an adverb. */
  "last:adverb": { amount: -0.433, time: -1.05, name: -1.183, reason: 0.453, thing: -0.354 },
  /** The span's last word is a pronoun. */
  "last:pronoun": { amount: -0.21, time: -0.734, name: -0.801, reason: -0.151, thing: -0.687 },
  /** The span's last word is another word (an idiom, an abbreviation, an unknown word). */
  "last:other": { amount: -1.043, time: -0.154, name: -0.062, reason: 0.182, thing: 0.07 },
  /** The word right before the span is a common noun. */
  "before:noun": { amount: -0.117, time: -0.754, name: 0.488, reason: -0.26, thing: -0.346 },
  /** The word right before the span is a name (person, place, organisation, other proper noun, foreign word). */
  "before:name": { amount: -0.152, time: -0.381, name: -0.962, reason: -0.547, thing: -0.893 },
  /** The word right before the span is a verb. */
  "before:verb": { amount: 0.083, time: -0.233, name: 0.22, reason: 0.473, thing: 0.473 },
  /** The word right before the span is an adjective. */
  "before:adjective": { amount: -0.13, time: 0.087, name: -0.508, reason: -0.806, thing: -0.635 },
  /** The word right before the span is a numeral or measure word. */
  "before:number": { amount: -0.88, time: -1.042, name: -0.049, reason: -0.452, thing: -0.013 },
  /** The word right before the span is a time word. */
  "before:time": { amount: -1.088, time: -0.725, name: -0.012, reason: 0.221, thing: -0.863 },
  /** The word right before the span is a direction or place word (`中`, `上`, `附近`). */
  "before:direction": { amount: -0.894, time: -0.466, name: -0.322, reason: -0.244, thing: -1.11 },
  /** The word right before the span is a particle (`的`, `了`). */
  "before:particle": { amount: 0.641, time: -0.65, name: 0.677, reason: -0.006, thing: 0.545 },
  /** The word right before the span is a preposition (`在`, `由`, `于`). */
  "before:preposition": { amount: 0.346, time: 0.785, name: 0.98, reason: 0.747, thing: 0.805 },
  /** The word right before the span is a conjunction (`和`, `或`). */
  "before:conjunction": { amount: 1.011, time: 0.071, name: 0.065, reason: 1.153, thing: 0.063 },
  /** The word right before the span is an adverb. */
  "before:adverb": { amount: 0.465, time: 0.682, name: 0.101, reason: -0.069, thing: -0.415 },
  /** The word right before the span is a pronoun. */
  "before:pronoun": { amount: 0.086, time: 0.269, name: -0.062, reason: 0.471, thing: -0.208 },
  /** The word right before the span is another word (an idiom, an abbreviation, an unknown word). */
  "before:other": { amount: -0.03, time: -0.657, name: -0.118, reason: -0.04, thing: -0.442 },
  /** The word right after the span is a common noun. */
  "after:noun": { amount: -0.687, time: -0.037, name: -0.327, reason: -1.297, thing: -1.145 },
  /** The word right after the span is a name (person, place, organisation, other proper noun, foreign word). */
  "after:name": { amount: -0.495, time: 0.149, name: -0.892, reason: -1.889, thing: -1.392 },
  /** The word right after the span is a verb. */
  "after:verb": { amount: -0.671, time: -0.121, name: 0.175, reason: 0.165, thing: -0.018 },
  /** The word right after the span is an adjective. */
  "after:adjective": { amount: -0.366, time: 0.545, name: -0.66, reason: -1.456, thing: -0.774 },
  /** The word right after the span is a numeral or measure word. */
  "after:number": { amount: -0.93, time: 0.317, name: -0.266, reason: -2.003, thing: -0.676 },
  /** The word right after the span is a time word. */
  "after:time": { amount: -1.37, time: -0.191, name: -0.063, reason: -0.26, thing: -0.714 },
  /** The word right after the span is a direction or place word (`中`, `上`, `附近`). */
  "after:direction": { amount: -0.449, time: 0.349, name: -0.368, reason: -0.73, thing: -0.21 },
  /** The word right after the span is a particle (`的`, `了`). */
  "after:particle": { amount: 0.012, time: -0.246, name: -0.189, reason: -0.058, thing: -0.102 },
  /** The word right after the span is a preposition (`在`, `由`, `于`). */
  "after:preposition": { amount: -0.305, time: 0.494, name: 1.012, reason: 0.047, thing: 0.753 },
  /** The word right after the span is a conjunction (`和`, `或`). */
  "after:conjunction": { amount: 0.829, time: -0.899, name: 0.385, reason: 0.764, thing: 0.315 },
  /** The word right after the span is an adverb. */
  "after:adverb": { amount: 0.429, time: 0.668, name: 0.672, reason: -0.884, thing: 0.502 },
  /** The word right after the span is a pronoun. */
  "after:pronoun": { amount: 0.535, time: 0.12, name: -0.961, reason: -1.021, thing: -0.525 },
  /** The word right after the span is another word (an idiom, an abbreviation, an unknown word). */
  "after:other": { amount: -0.599, time: 0.052, name: -0.362, reason: -1.261, thing: -0.884 },
};

/**
 * How the span is chosen from the ranker's distribution (`decodeSpan` in short.ts), by class: a span's
 * worth against a span it contains is their F1 to this power, so a lower hedge favours the longer,
 * safer span. Fitted with the threshold: the hedge whose threshold gives the best F1.
 */
export const SHORT_HEDGE: Record<ShortClass, number> = {
  amount: 0.5,
  time: 0.5,
  name: 0.5,
  reason: 0.5,
  thing: 0.5,
};

/**
 * Below this expected worth no short answer is given, by class: the lowest threshold at which the
 * class's short answers hold a gold answer at least 80% of the time on CMRC 2018 and DRCD (fitted).
 */
export const SHORT_THRESHOLD: Record<ShortClass, number> = {
  amount: 0.5,
  time: 0.5,
  name: 0.5,
  reason: 0.5,
  thing: 0.5,
};
