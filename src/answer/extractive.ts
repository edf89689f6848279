/**
 * Sentence scoring: every sentence of the retrieved passages gets a table of named features, the
 * weights in {@link PICK_WEIGHTS} turn them into a passage-ranking and a sentence-choosing score, and
 * the best pick carries the {@link Evidence} the decision to decline weighs. Passage preparation is in
 * `passage.ts`, question analysis in `question-terms.ts`, span cutting in `span.ts`.
 */
import { ORIGINAL_TITLE } from "../corpus/news-marks.js";
import type { Passage } from "../index/types.js";
import { escapeRegExp } from "../regexp.js";
import { answerProbability } from "./decline.js";
import {
  askedEvidence,
  countriesNamed,
  type Evidence,
  type EvidenceQuestion,
  evidenceOf,
  periodStanceOf,
  runIn,
} from "./decline-evidence.js";
import { findNumbers, hasYear, LENGTH_UNIT, PEOPLE_COUNT } from "./evidence.js";
import { askedPlaceKind, factsIn, isDated, namingPlaceOf, typedSentence } from "./facts.js";
import { coverage, focusCoverage, focusTerms, headlineShare, statedIn } from "./focus.js";
import {
  genericHeadOf,
  NOT_WORD_CHAR,
  preparePassage,
  refersBack,
  type SentenceText,
  type TextTools,
  withAntecedent,
  withAttribution,
} from "./passage.js";
import {
  askedRole,
  asksForList,
  asksForSeveral,
  NAME_UNIT,
  peopleAsked,
  type QuestionShape,
  YEAR_UNIT,
} from "./question.js";
import {
  bigrams,
  changeCues,
  countedBy,
  countedByAny,
  questionCues,
  questionTerms,
  slotWords,
  stated,
  type Term,
  timeWords,
} from "./question-terms.js";
import {
  DEFINITION_ASKED,
  DEFINITION_STATED,
  EVALUATIVE,
  FUNCTION_CHARS,
  OUTCOME_ASKED,
  OUTCOME_STATED,
  PERSON_ROLE,
  QUESTION_NOISE,
  ZONE_ANAPHOR,
} from "./question-words.js";
import { respectiveAnswer } from "./respectively.js";
import { answerSpan, tidy } from "./span.js";
import { passageZone } from "./zones.js";

export type { Evidence };

/** A retrieved passage, its place in the fused ranking (0 = best) and its fused score relative to the best (0–1). */
export interface Candidate {
  passage: Passage;
  rank: number;
  /** Defaults to 1/(1 + rank) when the caller has no scores. */
  relevance?: number;
}

/**
 * The weights of the sentence scores, in one place. Each says what it rewards and the measurement
 * behind it (figures: full CMRC 2018 / DRCD dev sets, paragraphs pooled, at the time it was set;
 * "set by hand" where no sweep was recorded). A sentence's features are in {@link SentenceFeatures}.
 */
export const PICK_WEIGHTS = {
  /** Passage ranking: the retrieval relevance (0–1) added to the best sentence's support. Set by hand with BM25 k1 0.9, b 0.4. */
  retrieval: 0.5,
  /** Support: share from idf-weighted question words; the rest is from character bigrams (paraphrase, segmentation slips). Set by hand. */
  lexical: 0.6,
  /** A question word (or bigram) found in the passage or headline but not the sentence counts this much. Set by hand. */
  context: 0.4,
  /** Focus: a question word the headline already states counts this much (the topic every sentence shares). Set by hand. */
  topic: 0.15,
  /** Focus: a question word within 4 characters of the question word counts this many times (it frames the answer slot); quote hit 0.843→0.849 CMRC, 0.844→0.853 DRCD. */
  slot: 3,
  /** Focus: a word missing whole but with at least half its characters present counts this share of them (`用途`/`用于`). Set by hand. */
  partial: 0.5,
  /** Passage prior: the share of the question's words its headline states; with `headlineNamed`, R@1 0.982→0.987 CMRC, 0.955→0.956 DRCD. */
  headlineWords: 0.1,
  /** Passage prior: the question names the whole headline (`李成栋是哪里人`). Measured with `headlineWords`. */
  headlineNamed: 0.1,
  /** Focus added to an article's first sentence, times the cube of the headline's share of the question. Set with the antecedent-quote work (quote hit up on both sets). */
  lead: 0.15,
  /** Added when the sentence holds the asked-for kind of fact (a number with the right unit, a date, a zone). Set by hand. */
  typed: 0.08,
  /** Added per why/alias cue the sentence carries (`因为`, `又称`) when the question asks why or for another name. Set by hand. */
  cue: 0.06,
  /**
   * Sentence choice ({@link pickScore}): the weight of each of its {@link PICK_TERMS}. Set by hand as
   * 0.15 × support (words 0.6, bigrams 0.4) + 0.85 × (focus + lead), times the type factor, plus the
   * bonus. Refitted by scripts/learn-pick.ts (quote hit within the first article, 5-fold CV by
   * article; hand CMRC 0.878, DRCD 0.883, news 0.755): a search on the quote hit kept these values
   * (0.878 / 0.882 / 0.754), a conditional logit lost (0.872 / 0.879 / 0.757), per question type too
   * (docs/quality.md, "Sentence scoring").
   */
  pickWords: 0.09,
  pickBigrams: 0.06,
  pickFocus: 0.85,
  pickLead: 0.85,
  /** Sentence choice: added when the sentence holds the asked-for kind of fact (as `typed` for ranking). */
  pickTyped: 0.08,
  /** Sentence choice: added per why/alias cue (as `cue` for ranking). */
  pickCue: 0.06,
  /** Sentence choice: the longest stretch of the question the sentence repeats (as `run` for ranking); 0.01–0.4 gained nothing in the refit. */
  pickRun: 0,
  /** Factor on a number question's sentence that holds no such number. Set by hand. */
  untypedNumber: 0.45,
  /**
   * A number question's best sentence in the first article, stating no number that could answer it,
   * gives way to the article's best one stating a number of the asked unit when that scores at least
   * this share of it. At 0.75 (`ask --batch`, kept indexes): news and CMRC dev answers unchanged, DRCD
   * one gained (`1900年`; asked with no unit, `多大` read in `多伦多大学` and a bare `数量` had lost two);
   * the ninth and tenth sessions' everyday questions gain `360余万元` and `50万人次` (0.82 and 0.79 of
   * the best), lose none; `拉萨…产值` (0.47) keeps its sentence.
   */
  typedGiveWay: 0.75,
  /** Factor on a person question's sentence with no role word or speech verb: none, a name often stands alone. Set by hand. */
  untypedPerson: 1,
  /** Factor on any other question's sentence without its kind of fact. Set by hand. */
  untypedOther: 0.7,
  /** Factor on a passage not about the zone the question names. Set by hand on the page's questions. */
  offZone: 0.6,
  /**
   * Passage ranking: subtracted from a sentence that names no place of the kind a which-question asks
   * for other than the question's own (`乌克兰哪个州遭到了导弹袭击` against `…敖德萨…多次遭到导弹和无人机袭击`; see
   * {@link kindNamer}). Not in the sentence choice, which has its own give-way. `ask --batch` on the
   * dev sets: news answer hit 538 → 540, quote hit 554 → 557, DRCD 2959 → 2961 and 3114 → 3117, CMRC
   * unchanged, at 0.4 (0.2: news quote hit 556, DRCD answer hit 2960; 0.6 and 1 as 0.4; 0.1 moved news
   * nothing); `eval`: news R@1 0.827 → 0.829, DRCD 0.959 → 0.960 (docs/quality.md, "The nineteenth session").
   */
  kindUnnamed: 0.4,
  /**
   * Passage prior: the longest stretch of the question the sentence repeats (0–1). News questions
   * restate the sentence that answers them, while a similar story shares the words, not the stretch:
   * news R@1 0.803→0.813 at 0.3 (0.806 at 0.1, 0.817 at 0.5 and 0.813–0.814 at 0.8–1.2 with quote hit
   * falling); at 0.25 (measured with 12 passages read), CMRC 0.987→0.988, DRCD 0.956→0.957, quote hit
   * unchanged. With `evidence` and the decline refitted, 8 passages read: news 0.823 / 0.755 / 0.725.
   */
  run: 0.25,
  /**
   * Passage re-ranking: the answer probability of each of the first {@link EVIDENCE_DEPTH} passages'
   * article (its best sentence's evidence as the decline model weighs it, its lead over rivals left
   * out) is added, times this, to its score, when it is within reach of the first. News R@1 0.814→0.823,
   * answer hit 0.715→0.724 at 1 (0.821 at 2, 0.820 at 4, the same with 10 passages probed); CMRC
   * 0.988→0.989, DRCD 0.957→0.959 (12 passages read when measured).
   */
  evidence: 1,
} as const;

/** How many of the best passages {@link PICK_WEIGHTS}.evidence re-ranks (10 ranked as 6 did on news). */
const EVIDENCE_DEPTH = 6;

export type PickWeights = { [K in keyof typeof PICK_WEIGHTS]: number };

/**
 * The named features of one sentence for one question: what {@link PICK_WEIGHTS} weighs. All 0–1
 * except the retrieval prior.
 */
export interface SentenceFeatures {
  /** Share of the question's idf-weighted words in the sentence (its passage counting `context`). */
  words: number;
  /** Share of the question's character bigrams in the sentence (its passage counting `context`). */
  bigrams: number;
  /** Coverage of the question's focus (headline words less, slot words more, partial matches). */
  focus: number;
  /** The article's first sentence, weighed by the cube of the headline's share of the question. */
  lead: number;
  /** Whether the sentence holds the asked-for kind of fact. */
  typed: boolean;
  /** How many why/alias cues the question asks for the sentence carries. */
  cues: number;
  /** Retrieval relevance of the passage (0–1). */
  relevance: number;
  /** Share of the question's words the passage's headline states. */
  headline: number;
  /** Whether the question names the passage's whole headline. */
  headlineNamed: boolean;
  /** Whether the question names a zone the passage is not about. */
  offZone: boolean;
  /** Whether the question asks which place of a kind (`哪个州`) and the sentence names none but the question's. */
  kindUnnamed: boolean;
  /** Longest stretch of the question (question words out) the sentence repeats, over the longest piece's length. */
  run: number;
}

/** The support score of a sentence: question words and bigrams. */
const supportOf = (f: SentenceFeatures, w: PickWeights): number =>
  w.lexical * f.words + (1 - w.lexical) * f.bigrams;

/** The factor a sentence gets for holding (or lacking) the asked-for kind of fact. */
function typeFactor(f: SentenceFeatures, shape: QuestionShape, w: PickWeights): number {
  if (f.typed) return 1;
  return shape.type === "number"
    ? w.untypedNumber
    : shape.type === "person"
      ? w.untypedPerson
      : w.untypedOther;
}

/** Whether the question asks for a kind of fact a sentence can be checked for. */
const hasType = (shape: QuestionShape): boolean =>
  shape.type !== "other" && (shape.type !== "entity" || shape.unit !== null);

/** The bonus of a sentence: the asked-for kind of fact, and why/alias cues. */
const bonusOf = (f: SentenceFeatures, shape: QuestionShape, w: PickWeights): number =>
  (f.typed && hasType(shape) ? w.typed : 0) + w.cue * f.cues;

/** Passage-ranking score of a sentence: support, type, bonus, and the passage's retrieval and headline prior. */
export function rankScore(f: SentenceFeatures, shape: QuestionShape, w: PickWeights = PICK_WEIGHTS): number {
  const prior =
    w.retrieval * f.relevance + (w.headlineWords * f.headline + (f.headlineNamed ? w.headlineNamed : 0));
  return (
    (supportOf(f, w) * typeFactor(f, shape, w) + bonusOf(f, shape, w) + prior + w.run * f.run) *
      (f.offZone ? w.offZone : 1) -
    (f.kindUnnamed ? w.kindUnnamed : 0)
  );
}

/** The terms of the sentence-choosing score, each weighed by the weight of its name in {@link PICK_WEIGHTS}. */
export const PICK_TERMS = [
  "pickWords",
  "pickBigrams",
  "pickFocus",
  "pickLead",
  "pickTyped",
  "pickCue",
  "pickRun",
] as const;
export type PickTerm = (typeof PICK_TERMS)[number];

/**
 * A sentence's {@link PICK_TERMS}: its words, bigrams, focus and lead times the type factor, the
 * asked-for kind of fact, its cues and its run. {@link pickScore} is their weighted sum (the fitting
 * script reads them; pickScore adds them up without building the record).
 */
export function pickTerms(f: SentenceFeatures, shape: QuestionShape, w: PickWeights = PICK_WEIGHTS) {
  const t = typeFactor(f, shape, w);
  return {
    pickWords: f.words * t,
    pickBigrams: f.bigrams * t,
    pickFocus: f.focus * t,
    pickLead: f.lead * t,
    pickTyped: f.typed && hasType(shape) ? 1 : 0,
    pickCue: f.cues,
    pickRun: f.run,
  } satisfies Record<PickTerm, number>;
}

/** Sentence-choosing score: the weighted {@link pickTerms}, times the off-zone factor. */
export function pickScore(f: SentenceFeatures, shape: QuestionShape, w: PickWeights = PICK_WEIGHTS): number {
  const t = typeFactor(f, shape, w);
  return (
    ((w.pickWords * f.words + w.pickBigrams * f.bigrams + w.pickFocus * f.focus + w.pickLead * f.lead) * t +
      (f.typed && hasType(shape) ? w.pickTyped : 0) +
      w.pickCue * f.cues +
      w.pickRun * f.run) *
    (f.offZone ? w.offZone : 1)
  );
}

/** The best sentence of a passage for a question, with how well it answers. */
export interface SentencePick {
  passage: Passage;
  rank: number;
  /** The sentence, verbatim from the passage. */
  sentence: string;
  /**
   * What the citation quotes, verbatim from the passage: the sentence, preceded by the sentence
   * before it when it cannot be read alone — it opens with a pronoun (`它的训练地点在…`), a relative
   * date (`同年12月`), a word pointing back (`对此，`) or the generic word for a thing that sentence names
   * (`大会主题为…` after `…图灵大会在武汉举行开幕式。`; see `refersBack`), or gives a month and day without
   * the year a `哪一年` question asks for.
   */
  quote: string;
  /** The part of the sentence that states the fact (verbatim), for the answer line. */
  span: string;
  /** Final score used for ranking (lexical support × answer type × retrieval prior). */
  score: number;
  /** Share of the question's weighted words found in the sentence or its passage, 0–1. */
  support: number;
  /** Whether the sentence holds the kind of fact asked for (a number with the right unit, a date …). */
  typed: boolean;
  /** For the best pick only: the evidence that it answers, for the decision to decline. */
  evidence?: Evidence;
}

/** A scored sentence as a pick, with the score it ranks by. */
function scoredPick(x: Scored, score: number): SentencePick {
  return {
    passage: x.passage,
    rank: x.rank,
    sentence: x.sentence,
    quote: x.quote,
    span: "",
    score,
    support: x.support,
    typed: x.typed,
  };
}

/** A passage's scored sentences and its ranking score (its best sentence's `rankScore`, re-ranked). */
interface Ranked {
  xs: Scored[];
  score: number;
}

/** One sentence's figures: `rankScore` orders passages, `pickScore` chooses the sentence. */
interface Scored {
  passage: Passage;
  rank: number;
  sentence: string;
  /** The sentence normalised (with the tools' `normalize`). */
  norm: string;
  /** The sentence, with the one before it when it cannot be read alone (see {@link SentencePick.quote}). */
  quote: string;
  support: number;
  typed: boolean;
  rankScore: number;
  pickScore: number;
}

/**
 * Scores every sentence of every candidate passage. Passages are ordered by how well their best
 * sentence supports the question (the question's words, idf-weighted, and its character bigrams)
 * plus their retrieval relevance; the quoted sentence is then chosen within the best passage's
 * article by the question's focus — words the headline does not already state — so that
 * `环氧氯丙烷有什么用途` quotes the sentence about its use, not the one that names it most.
 * Returns each passage's chosen sentence, best passage first.
 */
export function pickSentences(
  question: string,
  shape: QuestionShape,
  candidates: Candidate[],
  tools: TextTools,
  questionZones: string[] = [],
  opts: {
    weights?: PickWeights;
    /** Other words stating a question word (an everyday phrase's terms, see `everyday.ts`). */
    alts?: ReadonlyMap<string, readonly string[]>;
    /** Told every scored sentence with its features (for fitting the weights: scripts/learn-pick.ts). */
    observe?: (passage: Passage, quote: string, features: SentenceFeatures) => void;
  } = {},
): SentencePick[] {
  const weights = opts.weights ?? PICK_WEIGHTS;
  const normQuestion = tools.normalize(question);
  const terms = questionTerms(normQuestion, tools, opts.alts);
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const qBigrams = bigrams(normQuestion.replace(QUESTION_NOISE, " ").replace(FUNCTION_CHARS, " "));
  const cues = questionCues(normQuestion);
  const slot = slotWords(normQuestion, terms);
  const counted =
    shape.type !== "number"
      ? null
      : shape.unit === null
        ? countedBy(normQuestion)
        : shape.unit === "个"
          ? countedByAny(normQuestion)
          : null;
  const several = shape.type === "entity" && asksForSeveral(normQuestion);
  const asksWho = shape.type === "person" || shape.type === "entity";
  const runOf = runIn(normQuestion.replace(QUESTION_NOISE, " ").replace(NOT_WORD_CHAR, " "));
  const bigramList = [...qBigrams];
  // `哪一个国家所管辖` is read as an `other` question: any question not asking an amount, a date or a person.
  const namesKind =
    shape.type === "entity" || shape.type === "place" || shape.type === "other"
      ? kindNamer(normQuestion)
      : null;
  const byPassage: Scored[][] = [];
  for (const { passage, rank, relevance } of candidates) {
    const prepared = tools.passageText?.(passage) ?? preparePassage(passage, tools.normalize);
    const { context, contextChars } = prepared;
    // Whether the passage holds each of the question's bigrams: the same for each of its sentences.
    const bigramInContext = bigramList.map((b) => contextChars.includes(b));
    // And each of its words: the passage's text is long, and read for every sentence otherwise.
    const termInContext = statedIn(terms, context);
    const focus = focusTerms(terms, prepared.title, slot, weights);
    const headline = headlineShare(prepared.title, terms, total);
    const zoneHere = passageZone(questionZones, passage);
    const passageFeatures = {
      relevance: relevance ?? 1 / (1 + rank),
      headline,
      headlineNamed: [...prepared.title].length >= 2 && normQuestion.includes(prepared.title),
      offZone: questionZones.length > 0 && zoneHere === undefined,
    };
    const scored: Scored[] = [];
    let previous: SentenceText | undefined;
    for (const [at, s] of prepared.sentences.entries()) {
      const norm = s.norm;
      let bigramShare = 0;
      if (qBigrams.size > 0) {
        // `chars.includes(b)` is exactly "b is among the sentence's bigrams" (see SentenceText).
        let hit = 0;
        bigramList.forEach((b, k) => {
          if (s.chars.includes(b)) hit++;
          else if (bigramInContext[k] === true) hit += weights.context;
        });
        bigramShare = hit / qBigrams.size;
      }
      // A sentence opening with a pronoun or a relative date, or dated by month and day alone when the
      // question asks for the year, is quoted with the sentence before it, and scored as quoted.
      const yearless =
        shape.unit === YEAR_UNIT &&
        previous !== undefined &&
        !hasYear(norm) &&
        isDated(s) &&
        hasYear(previous.norm);
      // Asked who or which, a quotation is quoted and scored with the attribution after it: the speaker
      // (`台达电子公司负责人说`) may be the answer (`哪家企业在岗3719人`).
      const said = asksWho ? withAttribution(passage.text, prepared.sentences, at) : null;
      const quote =
        previous !== undefined && (yearless || refersBack(previous.norm, norm))
          ? withAntecedent(passage.text, previous, s)
          : (said ?? s.sentence);
      const heard = said !== null ? tools.normalize(said) : norm;
      // `该区累计在谈项目146个`: in an article about the zone the question names, `该区` is that zone.
      const read =
        zoneHere !== undefined && ZONE_ANAPHOR.test(heard) ? heard.replace(ZONE_ANAPHOR, zoneHere) : heard;
      let focusShare = focusCoverage(focus, read, weights.partial);
      // Scored as quoted, with the sentence before it — unless it only judges what that sentence says
      // (`这是…纪工委助力…保护的缩影之一`): the fact is the sentence before, which is then chosen itself.
      if (quote !== s.sentence && previous !== undefined && !EVALUATIVE.test(norm))
        focusShare = Math.max(focusShare, focusCoverage(focus, previous.norm + norm, weights.partial));
      const features: SentenceFeatures = {
        ...passageFeatures,
        words: coverage(terms, total, read, termInContext, weights.context),
        bigrams: bigramShare,
        focus: focusShare,
        lead: previous === undefined && passage.ordinal === 0 ? weights.lead * headline ** 3 : 0,
        typed: typedSentence(s, shape) || counted?.test(norm) === true || (yearless && quote !== s.sentence),
        cues: cues.filter((cue) => cue.test(norm)).length,
        run: runOf(s.chars),
        kindUnnamed: namesKind !== null && !namesKind(norm),
      };
      opts.observe?.(passage, quote, features);
      previous = s;
      scored.push({
        passage,
        rank,
        sentence: s.sentence,
        norm,
        quote,
        support: supportOf(features, weights),
        typed: features.typed,
        rankScore: rankScore(features, shape, weights),
        pickScore: pickScore(features, shape, weights),
      });
    }
    if (scored.length > 0) byPassage.push(scored);
  }
  const best = (xs: Scored[], key: "rankScore" | "pickScore"): Scored =>
    xs.reduce((a, b) => (b[key] > a[key] ? b : a));
  const byScore = (a: Ranked, b: Ranked) => b.score - a.score || (a.xs[0]?.rank ?? 0) - (b.xs[0]?.rank ?? 0);
  // What the evidence reads of the question alone: read once for the probes and the answer.
  const asked = askedEvidence({ normQuestion, terms, questionZones, tools });
  // The quote read normalised is its sentence's `norm` when it is the sentence alone: not normalised again.
  const evidenceQuestion = (title: string, quoted: Scored): EvidenceQuestion => ({
    normQuestion,
    terms,
    total,
    qBigrams,
    focus: focusTerms(terms, tools.normalize(title), slot, weights),
    partial: weights.partial,
    slot,
    shape,
    questionZones,
    tools: {
      ...tools,
      normalize: (text) => (text === quoted.sentence ? quoted.norm : tools.normalize(text)),
    },
    asked,
  });
  let ranked: Ranked[] = byPassage
    .map((xs) => ({ xs, score: best(xs, "rankScore").rankScore }))
    .sort(byScore);
  if (weights.evidence > 0 && ranked.length > 1) {
    // The first passages re-ranked by how well their article's best sentence answers, as the decision
    // to decline weighs it (words the article lacks, the stretch of the question it repeats …).
    const all = ranked;
    // A passage more than the weight behind the first cannot become first: it is not probed.
    const reach = (all[0]?.score ?? 0) - weights.evidence;
    const depth = Math.min(EVIDENCE_DEPTH, all.filter((r) => r.score >= reach).length);
    const probed = all.slice(0, depth).map((r) => {
      const articleId = r.xs[0]?.passage.articleId;
      const mine = all.filter((o) => o.xs[0]?.passage.articleId === articleId);
      const c = best(
        mine.flatMap((o) => o.xs),
        "pickScore",
      );
      const probe: SentencePick = {
        ...scoredPick(c, r.score),
        support: Math.max(c.support, best(r.xs, "rankScore").support),
      };
      const passages = mine.flatMap((o) => (o.xs[0] === undefined ? [] : [o.xs[0].passage]));
      const e = evidenceOf(probe, c.quote, passages, undefined, evidenceQuestion(c.passage.title, c));
      return { ...r, score: r.score + weights.evidence * answerProbability(e) };
    });
    ranked = [...probed.sort(byScore), ...all.slice(depth)];
  }
  const top = ranked[0];
  if (top === undefined) return [];
  // The quote may come from any retrieved passage of the top article (the answer often sits in the
  // sentence next to the one that matches the question best).
  const articleId = top.xs[0]?.passage.articleId;
  const sameArticle = ranked.filter((r) => r.xs[0]?.passage.articleId === articleId).flatMap((r) => r.xs);
  let chosen = best(sameArticle, "pickScore");
  // The chosen sentence gives way to the best of `others` (sentences holding what it lacks) when that
  // scores nearly as well (`share` of its score).
  const giveWayTo = (others: Scored[], share = weights.typedGiveWay): void => {
    const alt = others.length > 0 ? best(others, "pickScore") : undefined;
    if (alt !== undefined && alt.pickScore >= share * chosen.pickScore) chosen = alt;
  };
  // A number question's best sentence that states no number that could answer it (`13位购房者…告上法院`
  // for `要回了多少钱`) gives way to the article's best sentence stating one of its kind
  // (`执行标的额达360余万元`) when that scores nearly as well.
  if (
    shape.type === "number" &&
    shape.unit !== null &&
    !chosen.typed &&
    !mayStateAmount(chosen.norm, shape.unit)
  ) {
    // People are counted with 名 and 位 too (现代汉语词典: 名, 位, 量词，用于人): `组织30名干部职工前往`
    // answers `去了多少人`.
    giveWayTo(
      sameArticle.filter((x) => x.typed || (shape.unit === "人" && peopleCounted(x.norm).length > 0)),
    );
  }
  // A `原标题：` headline states its figure rounded (`…锂电池出口金额同比增长超50%`): asked for the figure, it
  // gives way to the article's best body sentence stating the same measure (the slot words it states) with a
  // figure of the kind, not rounded (`…出口金额同比增长58.1%`), when that scores nearly as well.
  if (shape.type === "number" && ORIGINAL_TITLE.test(chosen.sentence) && ROUNDED.test(chosen.norm)) {
    const measure = terms.filter((t) => slot.has(t.word) && stated(chosen.norm, t));
    giveWayTo(
      sameArticle.filter(
        (x) =>
          x.typed &&
          !ORIGINAL_TITLE.test(x.sentence) &&
          !ROUNDED.test(x.norm) &&
          measure.every((t) => stated(x.norm, t)),
      ),
    );
  }
  // Asked a thing's name (`那个假APP叫什么名字`), a best sentence quoting none (`该仿冒APP显示提款失败`) gives
  // way to the article's best one quoting one (`下载名为“浦发银贷”的APP`) when that scores nearly as well.
  if (shape.unit === NAME_UNIT && !chosen.typed) giveWayTo(sameArticle.filter((x) => x.typed));
  // Asked what a term means (`什么是容缺受理`), a best sentence not defining anything (`…推行“容缺受理”模式`)
  // gives way to the article's best one that does (`“容缺受理”是指…`) when that scores half as well.
  // (`静电感应是物体内的电荷…` defines it too: a sentence saying the term and then `是`/`指` stays.)
  const term = definedTerm(normQuestion);
  if (term !== null) {
    const defines = definingOf(term);
    if (!defines.test(chosen.norm))
      giveWayTo(
        sameArticle.filter((x) => defines.test(x.norm)),
        DEFINITION_GIVE_WAY,
      );
  }
  // Asked to count people of a kind (`微军训这次来了多少个学生`), a best sentence never naming them nor counting
  // anyone with 名 or 位 (`每班约40人参与`) gives way to the article's best one counting them (`42名中小学生齐聚…`)
  // when that scores half as well. (`首批500多名本科生入驻` counts students without saying `学生`: it stays.)
  // The people may be named in a report's words (`工人` as `一线工作者`: the question word's alternatives).
  const kind = shape.unit === "人" ? peopleAsked(normQuestion) : null;
  const people: Pick<Term, "word" | "alts"> | null =
    kind === null ? null : (terms.find((t) => t.word === kind) ?? { word: kind });
  if (people !== null && !stated(chosen.norm, people) && peopleCounted(chosen.norm).length === 0)
    giveWayTo(
      sameArticle.filter((x) => stated(x.norm, people) && peopleCounted(x.norm).length > 0),
      PEOPLE_GIVE_WAY,
    );
  // A best sentence naming them without counting anyone (`…开展仲夏音乐会青年交友活动` for `来了多少青年`) gives
  // way to the article's sentence counting them (`邀请…80多名青年职工参加`) however little else of the question it
  // says: the article is the one chosen, and that sentence states the count asked.
  if (people !== null && !chosen.typed && peopleCounted(chosen.norm).length === 0) {
    const counting = [people.word, ...(people.alts ?? [])].map(kindCounted);
    giveWayTo(
      sameArticle.filter((x) => counting.some((c) => c.test(x.norm))),
      KIND_COUNTED_GIVE_WAY,
    );
  }
  // Asked for several things (`给一线工人送了些啥`, `孩子们都画了些啥`), a best sentence listing nothing
  // (`…总工会为一线工作者送清凉`) gives way to the article's best one listing three or more (`为他们送上矿泉水、饮料、
  // 西瓜和…`) when that scores nearly as well.
  if (shape.type === "entity" && asksForList(normQuestion) && !lists(chosen.norm))
    giveWayTo(sameArticle.filter((x) => lists(x.norm)));
  // Asked which person of a role (`是哪个人大代表讲的`), a best sentence naming no one after the role (`…开展“护苗助成长”
  // 人大代表防溺水宣讲活动`) gives way to the article's best one that does (`相城区人大代表沈伟通过播放宣传短片…`) when
  // that scores nearly as well.
  const role = shape.type === "person" ? askedRole(normQuestion) : null;
  if (role !== null) {
    const named = namedAfterRole(role);
    if (!named.test(chosen.norm)) giveWayTo(sameArticle.filter((x) => named.test(x.norm)));
  }
  // Asked which place or body of a kind (`送到哪个社区了`), a best sentence that never names that kind
  // (`…爱心蔬菜被送往困难家庭…`) gives way to the article's best one naming one of it (`…前往南纬路街道锦江社区
  // 开展慰问活动`) when that scores nearly as well.
  // So does one naming the kind without naming one of it (`龙先生来到派出所报警` for `在哪个派出所报的警`).
  const head = shape.type === "entity" || shape.type === "place" ? askedPlaceKind(normQuestion) : null;
  const naming = head === null ? null : namingPlaceOf(head);
  if (naming !== null && !naming.test(chosen.norm)) giveWayTo(sameArticle.filter((x) => naming.test(x.norm)));
  // A best sentence stating another period of the kind asked (`一季度…增长4.5%` for `二季度…多少`) states
  // another fact: it gives way to the article's best sentence stating the period asked and a fact of
  // the kind when that scores nearly as well.
  const period = periodStanceOf(normQuestion);
  if (period(chosen.norm) === "other")
    giveWayTo(sameArticle.filter((x) => x.typed && period(x.norm) === "asked"));
  // Asked how a case ended (`水果店最后怎么处理的`), a best sentence stating no outcome (`原标题：新余一水果店“反向抹零”
  // 被查处…`) gives way to the article's best one that does (`…当事商家被责令整改`) when that scores nearly as well.
  if (OUTCOME_ASKED.test(normQuestion) && !OUTCOME_STATED.test(chosen.norm))
    giveWayTo(sameArticle.filter((x) => OUTCOME_STATED.test(x.norm)));
  const first = scoredPick(chosen, top.score);
  // Abstention judges the evidence of the whole top passage, not only the quoted sentence.
  first.support = Math.max(chosen.support, best(top.xs, "rankScore").support);
  first.typed = chosen.typed;
  // The lead is over the next article with another headline: parts of one story (paragraphs of one
  // page, a follow-up under the same headline) are not rival answers.
  const headline = top.xs[0]?.passage.title;
  // A reprint (another article whose best sentence is the chosen one, word for word) is the same story too.
  const nextArticle = ranked.find(
    (r) =>
      r.xs[0]?.passage.articleId !== articleId &&
      r.xs[0]?.passage.title !== headline &&
      !r.xs.some((x) => x.sentence === chosen.sentence),
  )?.score;
  // The article's retrieved passages, and those of the same story (same headline): a question's words
  // may stand in the paragraph next door.
  const articlePassages = ranked
    .filter((r) => r.xs[0]?.passage.articleId === articleId || r.xs[0]?.passage.title === headline)
    .flatMap((r) => (r.xs[0] === undefined ? [] : [r.xs[0].passage]));
  first.evidence = evidenceOf(
    first,
    chosen.quote,
    articlePassages,
    nextArticle,
    evidenceQuestion(first.passage.title, chosen),
  );
  // A word of the question's time phrase (`月末` of `截至2023年7月末为多少`) frames when, not what: the
  // clause answering is the one with the amount, not one that says another `6月末`.
  const timed = timeWords(normQuestion, terms);
  // A `分别` list (`完工量、新接订单量…分别占49.6%、72.6%…`): the clauses from its things to its amounts.
  const listed =
    shape.type === "number" && !several
      ? respectiveAnswer(first.sentence, normQuestion, tools.normalize)
      : null;
  const listedSpan =
    listed !== null && (factsIn(tools.normalize(listed.value), shape, counted) ?? []).length > 0
      ? tidy(listed.span)
      : null;
  // A quote read with the sentence before it (`“…还有几天时间来训练和调整…。”当天，…出征仪式…`) whose earlier
  // sentence states more of the question's focus than the chosen one: the answer is there, so the line is cut
  // from the whole quote, not from the sentence that only opened with a word pointing back.
  // Read only when the quote holds a sentence before the chosen one (the focus is built then, not per question).
  const antecedentAnswers = (pick: SentencePick, normSentence: string): boolean => {
    if (pick.quote === pick.sentence || !pick.quote.endsWith(pick.sentence)) return false;
    const focusHere = focusTerms(terms, tools.normalize(pick.passage.title), slot, weights);
    const before = tools.normalize(pick.quote.slice(0, -pick.sentence.length));
    return (
      focusCoverage(focusHere, before, weights.partial) >
      focusCoverage(focusHere, normSentence, weights.partial)
    );
  };
  first.span =
    listedSpan !== null
      ? listedSpan
      : answerSpan(
          (asksWho &&
            first.quote !== first.sentence &&
            (first.quote.startsWith(first.sentence) ||
              namedBefore(first, chosen.norm, terms, tools.normalize))) ||
            (asksName(shape) && namedThere(first, chosen.norm, normQuestion)) ||
            (shape.type !== "number" && shape.type !== "date" && antecedentAnswers(first, chosen.norm))
            ? first.quote
            : first.sentence,
          {
            norm: normQuestion,
            terms,
            slot: new Set([...slot].filter((w) => !timed.has(w))),
            // `哪些高新区`: every zone the sentence names answers, so the sentence is shown whole.
            facts: (text) => (several ? null : factsOfKind(text, shape, counted)),
            person: shape.type === "person",
            counts: shape.type === "number",
            ...(shape.change === true ? { cues: changeCues(normQuestion) } : {}),
            period,
            normalize: tools.normalize,
          },
        );
  const rest = ranked
    .filter((r) => r.xs[0]?.passage.id !== chosen.passage.id)
    .map((r) => scoredPick(best(r.xs, "pickScore"), r.score));
  return [first, ...rest];
}

/**
 * Whether a normalised sentence lists three or more things with the enumeration comma (`矿泉水、饮料、西瓜`,
 * `JM5400、JM7200、JM9`, `“整车工程能力、4.0智慧工厂、供应链管理”`); not a caption's `图5、6、7`, nor a
 * motto of two-character words quoted (`“奉献、友爱、互助、进步”的…精神`).
 */
export const lists = (norm: string): boolean =>
  [...norm.replace(MOTTO, "“”").matchAll(LISTING)].some(
    (m) => !m[0].split("、").every((item) => OFFICE.test(item)),
  );
const MOTTO = /“(?:\p{Script=Han}{2}、)+\p{Script=Han}{2}”/gu;
const LISTING = /(?:[\p{Script=Han}A-Za-z0-9《》]{2,12}、){2}[\p{Script=Han}A-Za-z0-9《》]{2,12}/gu;
/**
 * The offices a roster of people lists before each name (`党委副书记、纪委书记、工会主席王红岩`): a list of someone's titles,
 * not of the things asked (`反诈民警给孩子们讲了些啥`). An item ends in one ({@link PERSON_ROLE}, or a member's or
 * assistant's title), or in one and the name after it (and a verb: `黄芳出席`).
 */
const OFFICE = new RegExp(
  `(?:${PERSON_ROLE.source}|会员|理事|助理|科员|模范|成员|站长|科长|董事|秘书长|总监|主编)(?:\\p{Script=Han}{2,4})?$`,
  "u",
);

/**
 * A person named right after `role` (`人大代表沈伟通过…`, `老师周溯，`, `队长阿古斯丁·马雷罗告诉`): two or three
 * characters, or a name written with `·`, then a verb of doing or saying, or a comma.
 */
const namedAfterRole = (role: string): RegExp =>
  new RegExp(
    `${escapeRegExp(role)}(?:\\p{Script=Han}{1,6}·\\p{Script=Han}{1,6}|\\p{Script=Han}{2,3})(?=通过|表示|说|告诉|介绍|带领|向|为|在|对|就|指出|强调|是|[,，、:：])`,
    "u",
  );

/** A figure stated roughly (`超50%`, `近3000人`, `约2亿元`, `逾百家`). */
const ROUNDED = /(?:超过?|近|约|逾)[\d一二三四五六七八九十两百千万]/u;

/** The share of the best sentence's score at which one counting the people asked for takes its place. */
const PEOPLE_GIVE_WAY = 0.5;

/** The share of the best sentence's score at which one counting the very kind of people asked for takes its place. */
const KIND_COUNTED_GIVE_WAY = 0.05;

/** A count of people of `kind` (`80多名青年职工`, `42名中小学生`, `30位老人`). */
const kindCounted = (kind: string): RegExp => new RegExp(`${PEOPLE_COUNT}${escapeRegExp(kind)}`, "u");

/** The share of the best sentence's score at which one defining the term asked about takes its place. */
const DEFINITION_GIVE_WAY = 0.5;

/** The term a definition question asks about (`什么是代位注销` → `代位注销`, `X是什么意思` → `X`), or null. */
export function definedTerm(normQuestion: string): string | null {
  if (!DEFINITION_ASKED.test(normQuestion)) return null;
  const q = normQuestion.replace(/[?？。！!\s]+$/u, "");
  const m =
    /^什么(?:是|叫)(?:做)?[“"「]?(.+?)[”"」]?$/u.exec(q) ??
    /^[“"「]?(.+?)[”"」]?(?:的(?:含义|定义|意思)|是什么意思|指的?是什么|是指什么)/u.exec(q);
  const term = m?.[1] ?? "";
  return [...term].length >= 2 && [...term].length <= 12 ? term : null;
}

/**
 * A sentence defining `term`: it names it and then says what it is (`“容缺受理”是指…`, `X（…）是…`, `X，又称Y，
 * 是指…`, `所谓X…`).
 */
function definingOf(term: string): RegExp {
  const t = escapeRegExp(term);
  return new RegExp(
    `${t}[”"」]?(?:（[^）]*）|\\([^)]*\\))?(?:[，,]?(?:是|指|为|即)|[，,](?:又|亦|或)(?:称|名|叫))|${t}.{0,24}?(?:${DEFINITION_STATED.source})|所谓[“"「]?${t}`,
    "u",
  );
}

/**
 * For a question asking which country, state, province or place of another kind (`哪个国家指责…`,
 * `乌克兰哪个州…`, `送到哪个社区了`), a test whether a normalised sentence names one that the question does
 * not: the answer is a name of that kind, so a sentence naming none (or only the question's own) does
 * not state it. Null for other questions. Countries are those of `COUNTRY_NAMES`, 中国, and names ending
 * in `王国`, `帝国`, `汗国`, `共和国`, `公国` (`回鹘汗国`); other kinds are named as `namingPlaceOf` reads them.
 */
export function kindNamer(normQuestion: string): ((norm: string) => boolean) | null {
  const kind = KIND_ASKED.exec(normQuestion)?.[1] ?? askedPlaceKind(normQuestion);
  if (kind === null) return null;
  const named =
    kind === "国家" || kind === "国"
      ? (text: string) => [...countriesNamed(text), ...(text.match(STATE_NAME) ?? [])]
      : namesOf(
          kind === "州" || kind === "省" ? divisionNamed(kind) : new RegExp(namingPlaceOf(kind).source, "gu"),
        );
  const asked = new Set(named(normQuestion));
  return (norm) => named(norm).some((name) => !asked.has(name) && !normQuestion.includes(name));
}
/** The names a (global) pattern finds in a text. */
const namesOf =
  (re: RegExp) =>
  (text: string): string[] =>
    [...text.matchAll(re)].map((m) => m[0]);
/** Which country, state or province a question asks (`哪个国家`, `哪国`, `哪一个州`, `哪些省份`); other kinds as `askedPlaceKind`. */
const KIND_ASKED = /(?:哪个|哪一个|哪些|哪)(国家|国|州|省)/u;
/**
 * A state's or province's name: two characters before `州`/`省`, not a word pointing at one (`该州`, `各省`,
 * `两省`). Unlike `namingPlaceOf`, `多` may come before it (`科罗拉多州`).
 */
const divisionNamed = (kind: string): RegExp =>
  new RegExp(`\\p{Script=Han}{2}(?<![该本此这那各每全某个两几一其到往赴])${kind}`, "gu");
/** A country's name in a text beyond `COUNTRY_NAMES`: 中国, and names ending in a word for a state. */
const STATE_NAME = /中国|\p{Script=Han}{2}(?:王国|帝国|汗国|共和国|公国)/gu;

/** A (normalised) sentence opening with a pronoun, not with `此外`, `此后`, `这时` … */
const PRONOUN_FIRST = /^(?!此外|此后|此前|此时|这时|这样)(?:它|他|她|牠|其|这|此|该)/u;

/**
 * Whether a who-or-what pick quoted with the sentence before it is to be answered with the whole quote:
 * its sentence opens with a pronoun (`他们还为…讲解了…`, `牠们在建造水坝的时候…`: asked who or which, the
 * answer is often whom it stands for, named there), or the question's heaviest word is only there
 * (`…向企业代表赠送了定制纪念品。他们还…` for `送了纪念品的…还讲了什么`). Measured on the dev sets' `ask
 * --batch`: answer hit CMRC 2682 → 2695, DRCD 2942 → 2955, news unchanged; 4% of CMRC's lines and 1.5% of DRCD's longer.
 */
function namedBefore(
  pick: SentencePick,
  normSentence: string,
  terms: readonly Term[],
  normalize: (s: string) => string,
): boolean {
  if (!pick.quote.endsWith(pick.sentence)) return false;
  if (PRONOUN_FIRST.test(normSentence)) return true;
  const heaviest = terms.reduce<Term | undefined>(
    (m, t) => (m === undefined || t.weight > m.weight ? t : m),
    undefined,
  );
  if (heaviest === undefined) return false;
  const before = normalize(pick.quote.slice(0, pick.quote.length - pick.sentence.length));
  return stated(before, heaviest) && !stated(normSentence, heaviest);
}

/** Whether the question asks for something a name answers (not an amount, a date or a reason). */
const asksName = (shape: QuestionShape): boolean =>
  shape.type === "person" || shape.type === "entity" || shape.type === "place";

/**
 * Whether a pick's quote names, in the sentence before it, the thing the question asks about and its
 * sentence calls by its generic word (`哪个展会`: `…2023西安丝绸之路国际旅游博览会以…为主题…。展会邀请
 * 吉尔吉斯斯坦作为主宾国…`): the name is the answer, so the line is the whole quote.
 */
function namedThere(pick: SentencePick, normSentence: string, normQuestion: string): boolean {
  if (pick.quote === pick.sentence || !pick.quote.endsWith(pick.sentence)) return false;
  const head = genericHeadOf(normSentence);
  return head !== null && normQuestion.includes(head);
}

/**
 * Whether a normalised sentence states a number that may be the amount asked for though not read as
 * of its unit: one without a unit (`人口達2,790,060`), a bare magnitude (`1500万的游客`), or a length
 * written another way (`40km` for `多少米`).
 */
function mayStateAmount(norm: string, unit: string | null): boolean {
  return findNumbers(norm).some(
    (n) =>
      /^[余多万亿千百]*$/u.test(n.unit) ||
      (unit !== null && LENGTH_UNIT.test(unit) && LENGTH_UNIT.test(n.unit)),
  );
}

/** The counts of people with 名 or 位 a normalised sentence states (`30名干部职工`, `13位购房者`). */
const peopleCounted = (norm: string): string[] =>
  findNumbers(norm).flatMap((n) => (/^[名位]$/u.test(n.unit) ? [n.text] : []));

/**
 * The facts of the kind asked that a normalised clause states ({@link factsIn}), people counted with 名
 * or 位 among them for `多少人`: `当晚共有5000余名求职者参加` answers `有多少人来求职` as well as
 * `达成就业意向383人` does, and the words after the number (`求职者`) then choose between them.
 */
export function factsOfKind(norm: string, shape: QuestionShape, counted: RegExp | null): string[] | null {
  const facts = factsIn(norm, shape, counted);
  if (facts === null || shape.type !== "number" || shape.unit !== "人" || shape.change === true) return facts;
  return [...facts, ...peopleCounted(norm)];
}
