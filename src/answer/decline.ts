import type { Evidence } from "./extractive.js";

/**
 * The decision to decline, as one calibrated score: a logistic model over the named features of
 * {@link Evidence}, fitted by `scripts/learn-decline.ts` on the split-article protocol of the CMRC
 * 2018 and DRCD dev sets (half of the articles indexed; a question about an indexed article is
 * "answerable", one about the other half is not), 5-fold cross-validated by article. The score is
 * the model's probability that the corpus answers the question; below {@link DECLINE_THRESHOLD} the
 * bot declines.
 */
export type DeclineWeights = { bias: number } & { [K in keyof Evidence]: number };

// Fitted by `npx tsx scripts/learn-decline.ts` (both sets, 6,743 questions, classes weighed equally,
// L2 1e-3); features are 0–1, so a weight is the change in log-odds from none to all of a feature.
// 5-fold cross-validated (by article): CMRC declines 2.0% of answerable questions and 88.4% of the
// others, DRCD 7.3% and 95.9% (see docs/quality.md).
export const DECLINE_WEIGHTS: DeclineWeights = {
  /** Log-odds with no evidence at all. */
  bias: -1.397,
  /** Words and bigrams of the question in the best sentence, its passage counting in part: the main evidence. */
  support: 1.65,
  /** The question's words in the quoted sentence itself: the answer sentence restates the question. */
  sentence: 1.089,
  /** The question's character bigrams in the quote: catches words jieba segments differently. */
  bigrams: 0.377,
  /** The focus (words next to the question word, words the headline lacks) in the quote. */
  focus: 0.629,
  /** Question words the article's retrieved passages lack: a question about something else. */
  missing: -2.457,
  /** The heaviest question word missing, relative: adds nothing once `missing` is known. */
  missingTop: -0.079,
  /** The quote holds the asked-for kind of fact: nearly every sentence does, so it separates little. */
  typed: -0.313,
  /** A number or date asked for and none in the quote. */
  untyped: -0.627,
  /** The best article's lead over the next: a question about an indexed article singles one out. */
  margin: 3.209,
  /**
   * The question names a zone the passage is not about. The dev sets name no zones, so this weight
   * is not fitted: it is set to outweigh the bias, as a question about another zone is not answered.
   */
  offZone: -3,
  /** The longest stretch of the question the quote repeats. */
  run: 1.2,
  /** Question words no indexed passage holds: the question is about something the corpus lacks. */
  unknown: -1.813,
  /** Question bigrams the article's passages lack (names jieba splits into known pieces). */
  gaps: -2.43,
  /** The longest run of such bigrams: positive once `gaps` is weighed (long runs are mostly paraphrase). */
  gapRun: 0.581,
  /** The question's words in the article's headline: questions usually name what their article is about. */
  headline: 2.85,
  slotMissing: 0.316,
};

/** Below this answer probability the bot declines: the widest margin to both goals on both sets. */
export const DECLINE_THRESHOLD = 0.38;

/** The feature names in a fixed order, for the learning script. */
export const EVIDENCE_FEATURES = Object.keys(DECLINE_WEIGHTS).filter(
  (k) => k !== "bias",
) as (keyof Evidence)[];

/** The probability (0–1) that the evidence answers the question. */
export function answerProbability(e: Evidence, w: DeclineWeights = DECLINE_WEIGHTS): number {
  let z = w.bias;
  for (const k of EVIDENCE_FEATURES) z += w[k] * e[k];
  return 1 / (1 + Math.exp(-z));
}
