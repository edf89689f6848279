import type { Evidence } from "./decline-evidence.js";

/**
 * The decision to decline, as one calibrated score: a logistic model over the named features of
 * {@link Evidence}, fitted by `scripts/learn-decline.ts` on the split-article protocol of the CMRC
 * 2018 and DRCD dev sets and the CRUD-RAG news dev set (half of the articles indexed; a question about
 * an indexed article is "answerable", one about the other half is not unless another article answers
 * it), 5-fold cross-validated by article. The score is
 * the model's probability that the corpus answers the question; below {@link DECLINE_THRESHOLD} the
 * bot declines.
 */
export type DeclineWeights = { bias: number } & { [K in keyof Evidence]: number };

// Fitted by `npx tsx scripts/learn-decline.ts` (CMRC and DRCD under both of its splits and the news
// set under eval's, 14,213 samples, classes weighed equally, L2 1e-3); features are 0–1, so a weight
// is the change in log-odds from none to all of a feature. 5-fold cross-validated (by article), on the
// split `npm run eval` uses: CMRC declines 1.7% of answerable questions and 90.6% of the others, DRCD
// 5.3% and 96.0%, news 2.9% of answerable ones and answers 33.9% of the others wrongly (see
// docs/quality.md). Refitted after passages were re-ranked by the stretch of the question they
// repeat and by this model's probability (`PICK_WEIGHTS.run`, `.evidence`): the old weights then
// declined only 89.9% of CMRC's unanswerable questions. Each weight is the fitted one unless its
// comment says otherwise.
export const DECLINE_WEIGHTS: DeclineWeights = {
  /** Log-odds with no evidence at all. */
  bias: -2.615,
  /** Words and bigrams of the question in the best sentence, its passage counting in part: the main evidence. */
  support: 1.303,
  /** The question's words in the quoted sentence itself: the answer sentence restates the question. */
  sentence: 1.083,
  /** The question's character bigrams in the quote: catches words jieba segments differently. */
  bigrams: 0.435,
  /** The focus (words next to the question word, words the headline lacks) in the quote. */
  focus: 0.667,
  /** Question words the article's retrieved passages lack: a question about something else. */
  missing: -2.067,
  /** The heaviest question word missing, relative: adds little once `missing` is known. */
  missingTop: -0.144,
  /** The quote holds the asked-for kind of fact: nearly every sentence does, so it separates little. */
  typed: -0.382,
  /** A number or date asked for and none in the quote. */
  untyped: -0.732,
  /**
   * The best article's lead over the next one with another headline: a question about an indexed
   * article singles one out. Paragraphs of one page are not rivals: measured against the next
   * headline instead of the next article, DRCD's answerable questions declined under eval's split
   * fell from 8.1% to 6.9% (docs/quality.md, "Declining").
   */
  margin: 2.6,
  /**
   * The question names a zone the passage is not about. The dev sets name no zones, so this weight
   * is not fitted: set by hand at −3, enough to decline such a question however well its words
   * match (the page's questions about zones the corpus lacks are declined before any weighing).
   */
  offZone: -3,
  /** The longest stretch of the question the quote repeats. */
  run: 1.068,
  /** Question words no indexed passage holds: the question is about something the corpus lacks. */
  unknown: -1.584,
  /** Question bigrams the article's passages lack (names jieba splits into known pieces). */
  gaps: -2.141,
  /** The longest run of such bigrams: positive once `gaps` is weighed (long runs are mostly paraphrase). */
  gapRun: 0.542,
  /** The question's words in the article's headline: questions usually name what their article is about. */
  headline: 1.03,
  /** The words next to the question word missing from the article: positive once `missing` is weighed (they are mostly paraphrased). */
  slotMissing: 0.332,
  /**
   * The question names the article's whole headline (a page named for its subject). With `chars`,
   * cross-validated, CMRC declines of unanswerable questions rose from 89.2% to 90.4% and DRCD's of
   * answerable ones fell from 6.9% to 5.7%. News questions, which never repeat a whole headline,
   * score as before: the page's questions move by at most 0.10 in probability, none across the threshold.
   */
  named: 1.971,
  /**
   * The question's characters the article holds: paraphrase keeps characters where words differ
   * (`北边`/`北与`, `旧名`/`昔名`). Measured with `named`.
   */
  chars: 1.702,
  /**
   * Periods the question names (`7月`, `上半年`) that the article does not state: news repeats a story
   * month after month. Added with the news set; the fit gives it a clear weight, but it moves the
   * decline rates little (docs/quality.md, "Declining").
   */
  period: -0.885,
  /** The heaviest question word the quote itself lacks (`轻工业` of a question answered about `工业`). */
  sentenceTop: -0.267,
};

/** Below this answer probability the bot declines: the widest margin to both goals on both sets (fitted). */
export const DECLINE_THRESHOLD = 0.355;

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
