// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted weights that happen to sit near a constant (1.442 ≈ log2 e), not constants
/**
 * The short answer's weights (see `short.ts`). `SHORT_WEIGHTS`: the conditional logit that ranked the
 * candidates before the network (`short-net-weights.ts`), kept as the fitting script's baseline
 * (`--ranker logit`), not read at answer time: for each named feature of a candidate span
 * (`short-spans.ts`), a weight for each class of question — what a good answer looks like differs
 * between a question asking how much and one asking why. The hedge, the give model and its threshold
 * are read at answer time. Fitted by `npx tsx scripts/learn-short.ts --ranker net --holds 0.82
 * --give-holds 0.825 --write` (the logit's rows: without `--ranker net`; `clauseRun`'s not refitted, 0) on the CMRC 2018, DRCD and news dev sets (every paragraph pooled, each answered question's
 * first cited quote); features are 0–1, so a weight is the change in a span's log-odds from none to
 * all of a feature. The cross-validated figures are in docs/quality.md ("The short answer"). Longer
 * than the usual 500 lines: one commented row per feature, fitted numbers only.
 */
import type { GiveFeature } from "./short.js";
import type { SpanFeature } from "./short-spans.js";

/** The classes of question with weights of their own: how much; when; who, where, which organisation or work; why or how; anything else. */
export type ShortClass = "amount" | "time" | "name" | "reason" | "thing";

export type ShortWeights = Record<SpanFeature, Record<ShortClass, number>>;

// Fitted (see the header); a row's comment says what the feature measures.
export const SHORT_WEIGHTS: ShortWeights = {
  /** Share of the span that is an amount (a number with its unit, not a date), for a question asking how many or how much. */
  numberAsked: { amount: 1.595, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is a whole amount, from its first digit (or `约`/`近` before it) to its unit: `40.7%`, not `增速达40.7%`. */
  numberExact: { amount: 0.339, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has the unit the question expects (`个` for `多少个`, `%` for a rate, `元` for money). */
  unitMatch: { amount: 0.983, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span's number has another unit than the one asked for (`3条` for `多少公里`). */
  unitMismatch: { amount: -1.558, time: 0, name: 0, reason: 0, thing: 0 },
  /** A `第几` question and the span is an ordinal (`第二代`). */
  ordinal: { amount: 2.911, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a number while the question asks for neither a number nor a date. */
  numberOff: { amount: 0, time: 0, name: -0.964, reason: -1.439, thing: -0.391 },
  /** Share of the span that is a date, for a question asking when. */
  dateAsked: { amount: 0, time: 1.241, name: 0, reason: 0, thing: 0 },
  /** The span is one whole date expression (`2019年4月`, `6月份`), for a question asking when. */
  dateExact: { amount: 0, time: 0.723, name: 0, reason: 0, thing: 0 },
  /** The span names a year, for a question asking which year. */
  yearAsked: { amount: 0, time: 0.984, name: 0, reason: 0, thing: 0 },
  /** The span is mostly a date while the question does not ask when. */
  dateOff: { amount: -0.016, time: 0, name: 0.385, reason: -1.742, thing: 0.261 },
  /** A `谁` question and the span is a name (jieba's `nr`, an unknown word of 2–4 characters, or names joined by `·`). */
  personAsked: { amount: 0, time: 0, name: 1.413, reason: 0, thing: 0 },
  /** A `谁` question and the span is a role word rather than a name (`主裁判`, `音乐家`). */
  personRole: { amount: 0, time: 0, name: 0.898, reason: 0, thing: 0 },
  /** A `哪里`/`哪个国家` question and the span is a place (jieba's `ns`, or a place ending: `省`, `县`, `街` …). */
  placeAsked: { amount: -0.285, time: -0.014, name: 0.945, reason: 0, thing: 0 },
  /** A place question and the span follows `位于`, `坐落于`, `出生于` …. */
  placeCue: { amount: -0.027, time: 0, name: 1.73, reason: 0, thing: 0 },
  /** A question asking another name and the span follows `又称`, `简称`, `俗名为` …. */
  aliasCue: { amount: 0.329, time: -0.002, name: -0.093, reason: 2.451, thing: 2.946 },
  /** A `哪个机构/公司` question and the span is an organisation (jieba's `nt`, or an ending: `公司`, `局`, `大学` …). */
  orgAsked: { amount: -0.179, time: -0.003, name: 1.8, reason: 0, thing: 0 },
  /** A question asking for a work (`哪部影片`, `什么书`) and the span is a title in `《》`. */
  workAsked: { amount: 1.198, time: 0, name: 2.113, reason: 0, thing: 0 },
  /** A `哪些`/`哪两个` question and the span is a list (`、`, `和`, `及` between items). */
  severalAsked: { amount: 3.85, time: 0, name: 2.733, reason: 0, thing: 2.962 },
  /** A `什么`/`哪个` question and the span is one proper noun or foreign word. */
  entityNamed: { amount: 0, time: 0, name: -0.423, reason: 0, thing: 0.302 },
  /** A why or how question and the span is a whole clause. */
  clauseAsked: { amount: 2.062, time: -0.001, name: 0.65, reason: 0.635, thing: 0 },
  /** A why question and the span is or follows a cause (`因为`, `由于`, `为了`). */
  causeAsked: { amount: -0.075, time: 0, name: 0.11, reason: 1.998, thing: 0 },
  /** The number in the span is counted with the question's own measure word (`号` in `几号球衣`). */
  measureMatch: { amount: -0.165, time: 1.046, name: 0, reason: 0, thing: 0 },
  /** The span starts or ends inside a date expression (`11月12日` of `2008年11月12日`). */
  dateCut: { amount: 0.642, time: -0.46, name: -0.821, reason: -0.779, thing: -0.764 },
  /** The span is a title in `《》`. */
  title: { amount: 0.323, time: -0.134, name: 2.358, reason: 0.688, thing: 3.265 },
  /** The span is a quotation in `“”`/`「」`. */
  quoted: { amount: 0.434, time: -0.241, name: 1.162, reason: 3.057, thing: 2.562 },
  /** The span is a parenthesis `（…）`: usually a gloss, not the answer. */
  parenthetical: { amount: -0.621, time: -0.588, name: -1.312, reason: -0.475, thing: -1.241 },
  /** The span is a list. */
  enumeration: { amount: -0.672, time: 0.011, name: -0.033, reason: 0.253, thing: 0.367 },
  /** The question's text before its question word ends right before the span in the sentence (characters matched, up to 4). */
  leftAnchor: { amount: 0.869, time: 1.248, name: 1.702, reason: 1.114, thing: 1.656 },
  /** The question's text after its question word starts right after the span (up to 4 characters). */
  rightAnchor: { amount: 0.268, time: 0.55, name: 1.011, reason: 0.996, thing: 0.461 },
  /** As `rightAnchor`, after the noun the question word asks about (`合作开发` after `哪两个公司`). */
  rightAnchorSkip: { amount: 0.942, time: 0.989, name: 0.417, reason: 0.529, thing: 0.863 },
  /** The question's text after its question word ends right before the span (its last 1–4 characters; `5G宏基站2337座` for `多少座5G宏基站`). */
  rightAnchorBefore: { amount: 1.277, time: -0.17, name: 0.332, reason: 0.453, thing: 0.092 },
  /** All of the question's text after its question word (2 characters or more) ends right before the span. */
  rightWholeBefore: { amount: 1.161, time: -0.018, name: 0.444, reason: 0.454, thing: 0.827 },
  /** The question's content word right before its question word stands at most 2 characters before the span. */
  leftTerm: { amount: 0.977, time: 0.514, name: 0.812, reason: 1.013, thing: 0.991 },
  /** The question's content word right after its question word stands at most 2 characters after the span. */
  rightTerm: { amount: 0.049, time: 0.773, name: 1.067, reason: 0.787, thing: 0.969 },
  /** Closeness to the nearest question word in the sentence, 1/(1 + characters between). */
  near: { amount: 1.072, time: 0.18, name: 0.47, reason: 0.3, thing: 0.666 },
  /** Share of the question's words within 6 characters before the span. */
  leftWindow: { amount: 1.084, time: -0.568, name: -0.631, reason: 0.483, thing: 0.138 },
  /** Share of the question's words within 6 characters after the span. */
  rightWindow: { amount: 1.504, time: 0.606, name: 1.169, reason: 1.862, thing: 1.999 },
  /** The smaller of the two windows: question words on both sides. */
  bothWindows: { amount: 0.513, time: 1.596, name: -0.176, reason: 0.28, thing: -0.484 },
  /** The span opens its clause and question words follow it closely: the subject of what the question restates. */
  subject: { amount: 0.139, time: 0.685, name: -0.308, reason: 0.966, thing: -0.356 },
  /** Share of the question's words before its question word that stand before the span: the question's order kept. */
  leftBefore: { amount: 0.585, time: 0.039, name: 0.236, reason: 0.694, thing: 0.843 },
  /** Share of the question's words after its question word that stand after the span. */
  rightAfter: { amount: -0.315, time: 0.843, name: 1.032, reason: -0.818, thing: -0.101 },
  /** Share of the question's words before its question word that stand after the span: the order reversed. */
  leftAfter: { amount: -0.113, time: 0.75, name: 0.225, reason: 0.622, thing: 0.444 },
  /** Share of the question's words after its question word that stand before the span. */
  rightBefore: { amount: -0.987, time: -0.295, name: -0.933, reason: -1.605, thing: -0.975 },
  /** The span opens a sentence: its topic. */
  sentenceStart: { amount: 1.416, time: 1.039, name: 0.288, reason: -0.205, thing: 0.568 },
  /** The span ends with the noun the question word asks about, or its last character (`激变星` for `哪一种变星`). */
  headEnd: { amount: 1.731, time: -0.403, name: 2.105, reason: 2.161, thing: 1.801 },
  /** Share of the span made of the question's own words: what the question already states is not the answer. */
  stated: { amount: -0.882, time: -1.599, name: -1.75, reason: -1.703, thing: -1.555 },
  /** `stated` times `clauseCover`: the question's own words in the clause that restates it are least likely the answer. */
  statedInClause: { amount: -1.658, time: -1.465, name: -1.873, reason: -2.325, thing: -2.171 },
  /** The span closes its clause right after question words (`leftWindow` at a clause end): the object of what the question restates. */
  endAfterWords: { amount: 2.369, time: 1.558, name: 2.166, reason: 1.479, thing: 2.216 },
  /** The span closes its clause and question words open the next (`rightWindow` at a clause end). */
  endBeforeWords: { amount: -1.912, time: -0.12, name: -1.765, reason: -0.548, thing: -2.342 },
  /** Share of the span's characters found anywhere in the question. */
  statedChars: { amount: 0.183, time: -0.304, name: -1.161, reason: -0.821, thing: -0.34 },
  /** Share of the question's words in the span's clause: the clause that answers restates the question. */
  clauseCover: { amount: 1.182, time: 0.753, name: 2.119, reason: 2.138, thing: 1.847 },
  /** The span's clause holds the most question words of any clause. */
  clauseBest: { amount: 0.297, time: 0.728, name: -0.015, reason: -0.552, thing: 0.065 },
  /** The span holds the noun the question word asks about (`三茂铁路股份有限公司` for `哪家公司`). */
  headInside: { amount: 0.565, time: -0.561, name: 0.594, reason: 0.03, thing: 0.867 },
  /** The noun the question word asks about follows the span (`综合娱乐` before `频道`). */
  headAfter: { amount: 1.334, time: -0.62, name: 0.298, reason: 0.773, thing: 0.785 },
  /** The span follows a linking word (`是`, `为`, `叫`, `由`, `于` …). */
  copula: { amount: 0.764, time: 1.162, name: 0.534, reason: 0.702, thing: 0.506 },
  /** The span opens its clause. */
  puncBefore: { amount: 0.6, time: 1.234, name: 0.89, reason: 0.603, thing: 0.795 },
  /** The span closes its clause. */
  puncAfter: { amount: 0.907, time: 0.749, name: 0.929, reason: 1.446, thing: 1.026 },
  /** `的` follows the span: it modifies a noun after it. */
  deAfter: { amount: 0.889, time: 0.041, name: 0.407, reason: -0.461, thing: 0.473 },
  /** A bracket follows the span (a name glossed in another script). */
  bracketAfter: { amount: 0.615, time: -1.193, name: 1.276, reason: 1.811, thing: 1.372 },
  /** A noun stands right before the span in its clause: the phrase may go on to the left. */
  nounBefore: { amount: 0.203, time: -0.96, name: -0.193, reason: -0.402, thing: 0.129 },
  /** A noun stands right after the span: the phrase may go on to the right. */
  nounAfter: { amount: 0.16, time: -0.542, name: -0.667, reason: -0.885, thing: -0.212 },
  /** A verb follows the span. */
  verbAfter: { amount: 0.239, time: 0.44, name: 0.221, reason: -0.685, thing: 0.091 },
  /** The span lies inside a bracket or quote. */
  insideBrackets: { amount: -1.294, time: -0.631, name: -1.23, reason: 0.09, thing: -0.695 },
  /** The span starts with a function word (`的`, `在`, `和` …). */
  startsFunction: { amount: -0.855, time: -1.175, name: -0.626, reason: -0.349, thing: -1.203 },
  /** The span ends with a function word. */
  endsFunction: { amount: 0.128, time: -0.806, name: -0.516, reason: -0.8, thing: -0.676 },
  /** The span starts with a verb. */
  startsVerb: { amount: -0.49, time: -0.602, name: -0.507, reason: 0.385, thing: -0.105 },
  /** The span ends with a verb. */
  endsVerb: { amount: -0.254, time: -0.508, name: -0.369, reason: -0.147, thing: -0.024 },
  /** The span holds a verb: a clause rather than a name. */
  hasVerb: { amount: -0.814, time: -0.838, name: -1.217, reason: 0.305, thing: -0.419 },
  /** The span ends with a noun, a name, a number or a measure word. */
  endsNoun: { amount: 0.673, time: 0.574, name: 0.69, reason: 0.189, thing: 0.12 },
  /** The span is its whole clause. */
  wholeClause: { amount: -0.745, time: -0.038, name: -0.52, reason: 0.635, thing: 0.486 },
  /** A run of whole clauses (2–4, within a sentence), for a why, how or which-ones question. */
  clauseRun: { amount: 0, time: 0, name: 0, reason: 0, thing: 0 },
  /** The span is one noun chunk exactly (a maximal run of nouns, names, numbers and measure words). */
  chunk: { amount: -0.299, time: 0.225, name: 0.598, reason: 0.8, thing: 1.045 },
  /** The span lies inside a noun chunk, cutting it. */
  inChunk: { amount: 0.229, time: 0.984, name: 0.704, reason: 1.335, thing: 1.141 },
  /** The span is several whole noun chunks (with what joins them). */
  chunks: { amount: -0.464, time: -0.451, name: -0.2, reason: -0.206, thing: -0.282 },
  /** Where the span starts in the quote (0 first, 1 last). */
  position: { amount: 0.838, time: 0.146, name: 0.228, reason: 0.086, thing: 0.418 },
  /** The span's words, up to 10, over 10. */
  tokens: { amount: -1.452, time: -1.426, name: -0.891, reason: 0.146, thing: -0.867 },
  /** One character. */
  len1: { amount: -1.845, time: -1.239, name: -1.619, reason: -1.811, thing: -1.44 },
  /** Two characters. */
  len2: { amount: 0.325, time: -1.27, name: -0.126, reason: -0.705, thing: -0.469 },
  /** Three or four characters. */
  len3to4: { amount: 1.066, time: -0.038, name: 0.593, reason: 0.686, thing: 0.474 },
  /** Five to seven characters. */
  len5to7: { amount: 0.667, time: 0.431, name: 0.331, reason: 0.38, thing: 0.314 },
  /** Eight to twelve characters. */
  len8to12: { amount: -0.55, time: 0.036, name: 0.097, reason: 0.423, thing: 0.082 },
  /** Thirteen to twenty characters. */
  len13to20: { amount: -1.019, time: -0.181, name: 0.022, reason: 0.5, thing: 0.428 },
  /** More than twenty characters. */
  len21up: { amount: 0.38, time: 1.073, name: 0.001, reason: 0.894, thing: 0.612 },
  /** The span's first word is a common noun. */
  "first:noun": { amount: -1.407, time: -0.738, name: -0.511, reason: 0.205, thing: -0.459 },
  /** The span's first word is a name (person, place, organisation, other proper noun, foreign word). */
  "first:name": { amount: -0.248, time: -0.209, name: 0.945, reason: 0.552, thing: 0.167 },
  /** The span's first word is a verb. */
  "first:verb": { amount: -0.479, time: -0.769, name: -0.198, reason: -0.21, thing: -0.206 },
  /** The span's first word is an adjective. */
  "first:adjective": { amount: -0.618, time: -1.15, name: -0.55, reason: 0.522, thing: -0.434 },
  /** The span's first word is a numeral or measure word. */
  "first:number": { amount: 0.648, time: 0.831, name: -1.056, reason: -0.104, thing: -1.036 },
  /** The span's first word is a time word. */
  "first:time": { amount: -0.838, time: 0.524, name: -0.217, reason: 0.087, thing: -0.255 },
  /** The span's first word is a direction or place word (`中`, `上`, `附近`). */
  "first:direction": { amount: -0.679, time: 0.448, name: 0.188, reason: -0.15, thing: 0.02 },
  /** The span's first word is a particle (`的`, `了`). */
  "first:particle": { amount: -2.069, time: -0.766, name: -1.692, reason: -1.665, thing: -2.039 },
  /** The span's first word is a preposition (`在`, `由`, `于`). */
  "first:preposition": { amount: -1.412, time: -1.217, name: -1.706, reason: 0.858, thing: -0.553 },
  /** The span's first word is a conjunction (`和`, `或`). */
  "first:conjunction": { amount: -1.173, time: -0.927, name: -1.295, reason: -0.243, thing: -0.289 },
  /** The span's first word is an adverb. */
  "first:adverb": { amount: 0.251, time: 0.041, name: -0.88, reason: 0.273, thing: 0.058 },
  /** The span's first word is a pronoun. */
  "first:pronoun": { amount: -0.901, time: -0.409, name: -0.872, reason: -0.011, thing: -0.55 },
  /** The span's first word is another word (an idiom, an abbreviation, an unknown word). */
  "first:other": { amount: -0.456, time: -1.002, name: 0.595, reason: 0.163, thing: -0.064 },
  /** The span's last word is a common noun. */
  "last:noun": { amount: -0.627, time: -1.113, name: -0.471, reason: 0.102, thing: 0.125 },
  /** The span's last word is a name (person, place, organisation, other proper noun, foreign word). */
  "last:name": { amount: -0.629, time: -0.955, name: 0.18, reason: -0.029, thing: 0.037 },
  /** The span's last word is a verb. */
  "last:verb": { amount: 0.145, time: -0.338, name: -0.107, reason: 0.15, thing: -0.122 },
  /** The span's last word is an adjective. */
  "last:adjective": { amount: 0.362, time: -0.417, name: -0.087, reason: 0.478, thing: -0.354 },
  /** The span's last word is a numeral or measure word. */
  "last:number": { amount: 0.204, time: 0.51, name: -1.333, reason: -1.008, thing: -0.823 },
  /** The span's last word is a time word. */
  "last:time": { amount: 0.925, time: 1.43, name: 0.417, reason: 0.429, thing: 0.813 },
  /** The span's last word is a direction or place word (`中`, `上`, `附近`). */
  "last:direction": { amount: 0.059, time: 1.417, name: 0.908, reason: -0.328, thing: -0.147 },
  /** The span's last word is a particle (`的`, `了`). */
  "last:particle": { amount: -1.077, time: -0.466, name: -0.55, reason: -0.933, thing: -0.534 },
  /** The span's last word is a preposition (`在`, `由`, `于`). */
  "last:preposition": { amount: -1.135, time: -0.997, name: -1.149, reason: -0.011, thing: -1.055 },
  /** The span's last word is a conjunction (`和`, `或`). */
  "last:conjunction": { amount: -0.876, time: -0.611, name: -1.197, reason: -0.927, thing: -1.111 },
  /** The span's last word is an adverb. */
  "last:adverb": { amount: -0.377, time: -1.054, name: -1.184, reason: 0.453, thing: -0.366 },
  /** The span's last word is a pronoun. */
  "last:pronoun": { amount: -0.192, time: -0.732, name: -0.797, reason: -0.153, thing: -0.684 },
  /** The span's last word is another word (an idiom, an abbreviation, an unknown word). */
  "last:other": { amount: -0.952, time: -0.162, name: -0.048, reason: 0.18, thing: 0.078 },
  /** The word right before the span is a common noun. */
  "before:noun": { amount: -0.371, time: -0.803, name: 0.428, reason: -0.254, thing: -0.426 },
  /** The word right before the span is a name (person, place, organisation, other proper noun, foreign word). */
  "before:name": { amount: -0.243, time: -0.383, name: -0.99, reason: -0.496, thing: -0.927 },
  /** The word right before the span is a verb. */
  "before:verb": { amount: 0.174, time: -0.225, name: 0.221, reason: 0.473, thing: 0.485 },
  /** The word right before the span is an adjective. */
  "before:adjective": { amount: -0.197, time: 0.053, name: -0.538, reason: -0.801, thing: -0.646 },
  /** The word right before the span is a numeral or measure word. */
  "before:number": { amount: -0.904, time: -1.066, name: -0.068, reason: -0.439, thing: -0.014 },
  /** The word right before the span is a time word. */
  "before:time": { amount: -1.238, time: -0.718, name: 0.003, reason: 0.202, thing: -0.846 },
  /** The word right before the span is a direction or place word (`中`, `上`, `附近`). */
  "before:direction": { amount: -0.92, time: -0.458, name: -0.318, reason: -0.257, thing: -1.145 },
  /** The word right before the span is a particle (`的`, `了`). */
  "before:particle": { amount: 0.601, time: -0.638, name: 0.682, reason: 0.005, thing: 0.564 },
  /** The word right before the span is a preposition (`在`, `由`, `于`). */
  "before:preposition": { amount: 0.355, time: 0.788, name: 0.991, reason: 0.737, thing: 0.809 },
  /** The word right before the span is a conjunction (`和`, `或`). */
  "before:conjunction": { amount: 1.107, time: 0.075, name: 0.071, reason: 1.159, thing: 0.086 },
  /** The word right before the span is an adverb. */
  "before:adverb": { amount: 0.488, time: 0.693, name: 0.121, reason: -0.062, thing: -0.403 },
  /** The word right before the span is a pronoun. */
  "before:pronoun": { amount: 0.137, time: 0.269, name: -0.066, reason: 0.482, thing: -0.216 },
  /** The word right before the span is another word (an idiom, an abbreviation, an unknown word). */
  "before:other": { amount: -0.324, time: -0.652, name: -0.133, reason: -0.022, thing: -0.484 },
  /** The word right after the span is a common noun. */
  "after:noun": { amount: -0.699, time: -0.03, name: -0.332, reason: -1.3, thing: -1.145 },
  /** The word right after the span is a name (person, place, organisation, other proper noun, foreign word). */
  "after:name": { amount: -0.475, time: 0.149, name: -0.892, reason: -1.895, thing: -1.39 },
  /** The word right after the span is a verb. */
  "after:verb": { amount: -0.608, time: -0.13, name: 0.172, reason: 0.166, thing: -0.021 },
  /** The word right after the span is an adjective. */
  "after:adjective": { amount: -0.321, time: 0.555, name: -0.655, reason: -1.453, thing: -0.777 },
  /** The word right after the span is a numeral or measure word. */
  "after:number": { amount: -0.897, time: 0.322, name: -0.272, reason: -2.01, thing: -0.683 },
  /** The word right after the span is a time word. */
  "after:time": { amount: -1.61, time: -0.194, name: -0.063, reason: -0.262, thing: -0.716 },
  /** The word right after the span is a direction or place word (`中`, `上`, `附近`). */
  "after:direction": { amount: -0.322, time: 0.341, name: -0.364, reason: -0.733, thing: -0.209 },
  /** The word right after the span is a particle (`的`, `了`). */
  "after:particle": { amount: 0.076, time: -0.241, name: -0.195, reason: -0.058, thing: -0.112 },
  /** The word right after the span is a preposition (`在`, `由`, `于`). */
  "after:preposition": { amount: -0.239, time: 0.488, name: 1.004, reason: 0.043, thing: 0.751 },
  /** The word right after the span is a conjunction (`和`, `或`). */
  "after:conjunction": { amount: 0.798, time: -0.912, name: 0.385, reason: 0.757, thing: 0.311 },
  /** The word right after the span is an adverb. */
  "after:adverb": { amount: 0.576, time: 0.659, name: 0.669, reason: -0.896, thing: 0.494 },
  /** The word right after the span is a pronoun. */
  "after:pronoun": { amount: 0.559, time: 0.115, name: -0.947, reason: -1.022, thing: -0.515 },
  /** The word right after the span is another word (an idiom, an abbreviation, an unknown word). */
  "after:other": { amount: -0.447, time: 0.048, name: -0.372, reason: -1.267, thing: -0.884 },
};

/**
 * How the span is chosen from the ranker's distribution (`decodeSpan` in short.ts), by class: a span's
 * worth against a span it contains is their F1 to this power, so a lower hedge favours the longer,
 * safer span. Fitted with the threshold: the hedge whose threshold gives the best F1. Fitted, like
 * the give model and its threshold below, on the choices of the network (`SHORT_NET`), which ranks
 * the candidates at answer time.
 */
export const SHORT_HEDGE: Record<ShortClass, number> = {
  amount: 0.5,
  time: 0.75,
  name: 0.3,
  reason: 0.15,
  thing: 0.3,
};

/**
 * Below this chance ({@link SHORT_GIVE}) no short answer is given: the lowest at which the short
 * answers given hold a gold answer at least 82.5% of the time on CMRC 2018 and on DRCD (fitted,
 * `--give-holds 0.825`: the network fits its training quotes better than unseen ones, and at 80% its
 * unseen answers held 0.773 / 0.796 against the logit's 0.783 / 0.814; at 82.5% with the clause runs
 * 0.792 / 0.826, docs/quality.md).
 * One for every class, so a set's answers are given surest first whatever they ask.
 */
export const SHORT_GIVE_THRESHOLD = 0.625;

/** Whether to give a short answer (`giveChance` in short.ts): a logistic model of the chance that the chosen span holds a gold answer. Fitted by `scripts/learn-short.ts`. */
export const SHORT_GIVE: Record<GiveFeature, number> = {
  /** Before any evidence: most chosen spans do not hold a gold answer by themselves. */
  bias: -1.881,
  /** The ranker's probability on spans the chosen one holds (`decodeSpan`): the main evidence. */
  worth: 1.65,
  /** The chosen span's expected character F1 under the ranker's distribution. */
  expected: 1.245,
  /** The ranker's probability of the chosen span itself. */
  chosen: 0.059,
  /** The ranker's highest probability of any candidate: a sure ranker is right more often. */
  top: 1.051,
  /** A how-much question (against a `thing` question, the base). */
  amount: -0.137,
  /** A when question. */
  time: -0.207,
  /** A who / where / which organisation or work question. */
  name: -0.52,
  /** A why or how question. */
  reason: 0.065,
  /** Worth, for a how-much question: the ranker's sureness means more or less by class. */
  worthAmount: 0.104,
  /** Worth, for a when question. */
  worthTime: 0.416,
  /** Worth, for a who / where / which question. */
  worthName: 0.847,
  /** Worth, for a why or how question. */
  worthReason: 0.192,
  /** The chosen span has at most 4 characters (a short span misses a longer gold answer more often). */
  short: -0.357,
  /** The chosen span has more than 12 characters. */
  long: -0.234,
  /** How many candidates the quote had (log scale, 1 at 1,000): a long quote is harder. */
  candidates: -0.584,
  /** The share of the question's words the quote states: a quote not stating the question rarely answers it. */
  quoteCover: 1.036,
  /** The question's text before its question word ends right before the chosen span (as the span feature). */
  leftAnchor: 0.238,
  /** The question's text after its question word starts right after the chosen span. */
  rightAnchor: 0.153,
  /** The question's words within 6 characters on both sides of the chosen span. */
  bothWindows: 0.264,
};
