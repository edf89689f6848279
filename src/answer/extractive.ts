import { splitSentences } from "../corpus/sentences.js";
import type { Passage } from "../index/types.js";
import { findDates, findNumbers, hasPersonCue, hasYear, unitMatches } from "./evidence.js";
import { ORDINAL_UNIT, type QuestionShape, YEAR_UNIT } from "./question.js";
import { answerSpan } from "./span.js";

/** Text operations the sentence picker needs, provided by the index (same normalisation as retrieval). */
export interface TextTools {
  /** NFKC, Traditional→Simplified, lowercase. */
  normalize(s: string): string;
  /** Content words of an (unnormalised) text, stop words removed. */
  words(s: string): string[];
  /** Inverse document frequency of a normalised word over the indexed passages. */
  idf(word: string): number;
  /**
   * The passage's text prepared for scoring (see {@link preparePassage}), usually from a cache:
   * normalising every sentence of every candidate is most of an answer's cost otherwise.
   */
  passageText?(passage: Passage): PassageText;
}

/** One sentence of a passage, prepared once for scoring against any question. */
export interface SentenceText {
  /** Verbatim from the passage. */
  sentence: string;
  /** Normalised with the tools' `normalize`. */
  norm: string;
  /**
   * `norm` with all but letters and digits removed: it holds a character bigram as a substring
   * exactly when the bigram set of `norm` has it, so no set is built or kept per sentence.
   */
  chars: string;
  /** Filled on first use: the sentence's numbers (with units), whether it has a date, a person. */
  numbers?: { text: string; unit: string }[];
  dated?: boolean;
  person?: boolean;
  /** The sentence with the one before it, as a quote may join them (see {@link withAntecedent}). */
  withPrevious?: string;
}

/** What sentence scoring needs of a passage that does not depend on the question. */
export interface PassageText {
  sentences: SentenceText[];
  /** Normalised headline, section, zones and text: a question word found here counts in part. */
  context: string;
  /** `context` reduced like {@link SentenceText.chars}. */
  contextChars: string;
  /** Normalised headline. */
  title: string;
}

const NOT_WORD_CHAR = /[^\p{Script=Han}\p{L}\p{N}]/gu;

/** Prepares a passage for {@link pickSentences}: sentences split and normalised, context and headline. */
export function preparePassage(passage: Passage, normalize: (s: string) => string): PassageText {
  const context = normalize(
    `${passage.title} ${passage.section ?? ""} ${passage.zones.join(" ")} ${passage.text}`,
  );
  return {
    sentences: splitSentences(passage.text).map((sentence) => {
      const norm = normalize(sentence);
      return { sentence, norm, chars: norm.replace(NOT_WORD_CHAR, "") };
    }),
    context,
    contextChars: context.replace(NOT_WORD_CHAR, ""),
    title: normalize(passage.title),
  };
}

/**
 * {@link preparePassage} behind a least-recently-used cache of `capacity` passages, keyed by the
 * passage object: a question reads ~8 passages and popular ones recur, while memory stays bounded
 * (a prepared passage is a few times its text) however large the index.
 */
export function cachedPassageText(
  normalize: (s: string) => string,
  capacity = 4096,
): (passage: Passage) => PassageText {
  const cache = new Map<Passage, PassageText>();
  return (passage) => {
    const hit = cache.get(passage);
    if (hit !== undefined) {
      cache.delete(passage);
      cache.set(passage, hit);
      return hit;
    }
    const prepared = preparePassage(passage, normalize);
    cache.set(passage, prepared);
    if (cache.size > capacity) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return prepared;
  };
}

/** A retrieved passage, its place in the fused ranking (0 = best) and its fused score relative to the best (0–1). */
export interface Candidate {
  passage: Passage;
  rank: number;
  /** Defaults to 1/(1 + rank) when the caller has no scores. */
  relevance?: number;
}

/** Weights of the sentence score. */
export interface PickWeights {
  /** Share of the sentence score from plain support (the rest from focus coverage). */
  support: number;
  /** Weight of the passage's retrieval relevance (0–1) in a sentence's score. */
  retrieval: number;
}

export const DEFAULT_PICK: PickWeights = {
  retrieval: 0.5,
  support: 0.15,
};

/** The best sentence of a passage for a question, with how well it answers. */
export interface SentencePick {
  passage: Passage;
  rank: number;
  /** The sentence, verbatim from the passage. */
  sentence: string;
  /**
   * What the citation quotes, verbatim from the passage: the sentence, preceded by the sentence
   * before it when it cannot be read alone — it opens with a pronoun (`它的训练地点在…`) or a relative
   * date (`同年12月`), or gives a month and day without the year a `哪一年` question asks for.
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
}

interface Term {
  word: string;
  weight: number;
}

/**
 * The weighted words of an already normalised question: idf-weighted jieba words, question words
 * out, sub-words of longer words dropped.
 */
function questionTerms(normQuestion: string, tools: TextTools): Term[] {
  const words = [...new Set(tools.words(normQuestion).map((w) => tools.normalize(w)))].filter(
    (w) => w.length > 0 && !QUESTION_WORD.test(w),
  );
  // cutForSearch emits both 高新区 and 高新; weigh a covered sub-word only through its longer word.
  const kept = words.filter((w) => !words.some((o) => o !== w && o.length > w.length && o.includes(w)));
  return kept.map((word) => ({
    word,
    weight: tools.idf(word) * Math.min(1.5, 0.7 + 0.15 * [...word].length),
  }));
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s.replace(NOT_WORD_CHAR, "")];
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

// Words that only shape the question (`多少钱`, `一共`, `哪几个`): matching them proves nothing.
const QUESTION_WORD =
  /^(?:多少|几|哪|什么|怎么|怎样|如何|为何|为什么|是否|一共|总共|共计|大概|大约|请问|到底|究竟|呢|吗)/;

// Single-character function words: bigrams across them (`推的`, `收要`) match nothing meaningful.
const FUNCTION_CHARS = /[的了是在和与及要把被将会能对为从向于也都又还就吗呢吧啊]/g;

const QUESTION_NOISE =
  /多少|几个|几家|几年|什么|哪个|哪些|哪里|是否|是不是|怎么|如何|为什么|谁|吗|呢|请问|一共|总共|共计/g;

/** How much a question word counts when it is not in the sentence but in its passage or headline. */
const CONTEXT_WEIGHT = 0.4;

function coverage(terms: Term[], total: number, text: string, context: string): number {
  if (total === 0) return 0;
  let got = 0;
  for (const t of terms) {
    if (text.includes(t.word)) got += t.weight;
    else if (context.includes(t.word)) got += CONTEXT_WEIGHT * t.weight;
  }
  return got / total;
}

/** How much a question word that the headline already states counts toward a sentence's focus. */
const TOPIC_WEIGHT = 0.15;

/** A question word as the focus score of one passage weighs it, with its characters for partial matches. */
interface FocusTerm {
  word: string;
  weight: number;
  chars: string[];
}

/** How much more a question word next to the question word (`用途` in `有什么用途`) counts toward focus. */
const SLOT_WEIGHT = 3;

/** How many characters may separate such a word from the question word (`的`, `是`, `了` …). */
const SLOT_GAP = 4;

/** Where a question asks: the answer stands in this slot of the sentence that answers. */
const ASKING = /什么|哪[一个些里儿种家位条所座国年]?|谁|多少|几|何[时处种地人]?|怎么|怎样|如何/g;

/**
 * The question's words that stand right next to what it asks (`吴淞路闸桥起到了什么作用` → `起到`,
 * `作用`): the sentence that answers says them around the answer, while the rest of the question
 * often only restates the topic every sentence of the article shares.
 */
function slotWords(normQuestion: string, terms: readonly Term[]): Set<string> {
  const out = new Set<string>();
  for (const m of normQuestion.matchAll(ASKING)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    for (const t of terms) {
      for (let i = normQuestion.indexOf(t.word); i >= 0; i = normQuestion.indexOf(t.word, i + 1)) {
        const before = start - (i + t.word.length);
        const after = i - end;
        if ((before >= 0 && before <= SLOT_GAP) || (after >= 0 && after <= SLOT_GAP)) out.add(t.word);
      }
    }
  }
  return out;
}

/**
 * The question's words weighed for one passage: those its headline states count less, those next to
 * the question word more.
 */
function focusTerms(terms: Term[], title: string, slot: ReadonlySet<string>): FocusTerm[] {
  return terms.map((t) => ({
    word: t.word,
    weight: t.weight * (title.includes(t.word) ? TOPIC_WEIGHT : 1) * (slot.has(t.word) ? SLOT_WEIGHT : 1),
    chars: [...t.word],
  }));
}

/**
 * Coverage of the question's focus: words the headline states (the topic every sentence shares)
 * count less, and a word missing from the sentence still counts in part when most of its
 * characters are there (`用途`/`用于`, `原来的地址`/`原址`).
 */
function focusCoverage(terms: FocusTerm[], text: string): number {
  let got = 0;
  let total = 0;
  for (const t of terms) {
    const w = t.weight;
    total += w;
    if (text.includes(t.word)) {
      got += w;
      continue;
    }
    const chars = t.chars;
    if (chars.length < 2) continue;
    const present = chars.filter((c) => text.includes(c)).length / chars.length;
    if (present >= 0.5) got += 0.5 * present * w;
  }
  return total === 0 ? 0 : got / total;
}

/** Cue words a sentence answering a why / alias question usually carries. */
const CUES: [RegExp, RegExp][] = [
  [/为什么|为何|原因|何故|怎么会/, /因为|由于|因此|所以|原因|导致|为了|因而|以致|因/],
  [
    /又(?:叫|称|名)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|叫做|外号|绰号/,
    /又(?:叫|称|名|作)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|亦称|或称|通称|昵称|外号|绰号/,
  ],
];

/** The sentence cues of the why / alias patterns the question matches. */
function questionCues(question: string): RegExp[] {
  return CUES.filter(([q]) => q.test(question)).map(([, cue]) => cue);
}

function cueBonus(cues: readonly RegExp[], sentence: string): number {
  let bonus = 0;
  for (const cue of cues) if (cue.test(sentence)) bonus += 0.06;
  return bonus;
}

/**
 * For `多少旗`, `几盘`: a number counted with the question's own measure word (`四十九旗`, `一至五盘`),
 * whatever that word is — the list of units that numbers are read with cannot hold them all.
 */
function countedBy(normQuestion: string): RegExp | null {
  const m = /(?:多少|几)(?!乎|何|时|年|月|日|天|岁)(\p{Script=Han})/u.exec(normQuestion);
  if (!m?.[1]) return null;
  return new RegExp(`(?:\\d|[零〇一二两三四五六七八九十百千万亿])(?:余|多)?[万亿千百]*${m[1]}`);
}

/** Whether a prepared sentence has a date; found once and kept with it for the next question. */
function isDated(s: SentenceText): boolean {
  s.dated ??= findDates(s.norm).length > 0;
  return s.dated;
}

/** A rank: `第二`, `第5`, `第十一`. */
const ORDINAL = /第(?:\d+|[一二三四五六七八九十百千两]+)/;

/** Whether a prepared sentence holds the kind of fact asked for; what it finds is kept for the next question. */
function typedSentence(s: SentenceText, shape: QuestionShape): boolean {
  switch (shape.type) {
    case "number":
      if (shape.unit === ORDINAL_UNIT) return ORDINAL.test(s.norm);
      s.numbers ??= findNumbers(s.norm).map((n) => ({ text: n.text, unit: n.unit }));
      return s.numbers.some(
        (n) => unitMatches(n.unit, shape.unit) || (shape.unit === null && /\d/.test(n.text)),
      );
    case "date":
      return isDated(s) && (shape.unit !== YEAR_UNIT || hasYear(s.norm));
    case "person":
      s.person ??= hasPersonCue(s.norm);
      return s.person;
    default:
      return true;
  }
}

/**
 * The facts of the asked-for kind a normalised text states — numbers with the expected unit (or counted
 * with the question's measure word), ranks, dates (with a year when one is asked for) — or null when
 * the question asks for no kind of fact that text shows (an entity, a place, a person, a reason).
 */
function factsIn(text: string, shape: QuestionShape, counted: RegExp | null): string[] | null {
  switch (shape.type) {
    case "number": {
      if (shape.unit === ORDINAL_UNIT) return [...text.matchAll(new RegExp(ORDINAL, "g"))].map((m) => m[0]);
      const out = findNumbers(text)
        .filter((n) => unitMatches(n.unit, shape.unit) || (shape.unit === null && /\d/.test(n.text)))
        .map((n) => n.text);
      const c = counted === null ? null : new RegExp(counted, "g");
      if (c !== null) for (const m of text.matchAll(c)) out.push(m[0]);
      return out;
    }
    case "date":
      return findDates(text)
        .map((d) => d.text)
        .filter((d) => shape.unit !== YEAR_UNIT || hasYear(d));
    default:
      return null;
  }
}

/** Weight of the share of the question's words a passage's headline states, in its ranking score. */
const HEADLINE_WORDS = 0.1;

/** Added to a passage's ranking score when the question names its whole headline (`李成栋是哪里人`). */
const HEADLINE_NAMED = 0.1;

/**
 * A field-weighted (BM25F-like) prior from the headline: the question's words found in it, and the
 * headline named whole. The sentence scores see the headline only as weak context, yet a question
 * usually names what its article is about.
 */
function headlineBonus(title: string, normQuestion: string, stated: number): number {
  const named = [...title].length >= 2 && normQuestion.includes(title) ? HEADLINE_NAMED : 0;
  return HEADLINE_WORDS * stated + named;
}

/** Share (0–1) of the question's weighted words that a headline states. */
function headlineShare(title: string, terms: readonly Term[], total: number): number {
  if (total === 0) return 0;
  let stated = 0;
  for (const t of terms) if (title.includes(t.word)) stated += t.weight;
  return stated / total;
}

/**
 * Focus added to an article's first sentence, times the cube of the headline's share of the question:
 * a question about little beyond the headline's subject (`李成栋是哪里人`, `邹游的职业是什么`) is most
 * often answered where the article introduces it.
 */
const LEAD_BONUS = 0.15;

/**
 * A sentence opening with a pronoun or demonstrative continues the previous sentence's subject; one
 * opening with a relative date (`同年11月9日`, `次日`, `当时`) takes its year or day from the previous
 * one. Discourse words that merely start with such a character (`那么`, `本来`, `其实`) do not.
 */
const ANAPHORIC =
  /^(?!那么|本来|其实)(?:它|其|该|这|此|他|她|牠|彼|那|本|同年|次年|翌年|当年|同月|次月|翌月|翌日|次日|当天|当日|当时)/;

/** A quote longer than this keeps the sentence alone. */
const MAX_ANTECEDENT_QUOTE = 160;

/**
 * Sentence `s` quoted with the sentence `before` it, when the two stand together in
 * the passage's text (not across a line break) and are short enough to quote; otherwise the sentence.
 */
function withAntecedent(text: string, before: SentenceText, s: SentenceText): string {
  // Question-independent: found once per prepared sentence and kept with it.
  if (s.withPrevious === undefined) {
    const both = before.sentence + s.sentence;
    s.withPrevious = [...both].length <= MAX_ANTECEDENT_QUOTE && text.includes(both) ? both : s.sentence;
  }
  return s.withPrevious;
}

/** One sentence's figures: `rankScore` orders passages, `pickScore` chooses the sentence. */
interface Scored {
  passage: Passage;
  rank: number;
  sentence: string;
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
  weights: PickWeights = DEFAULT_PICK,
): SentencePick[] {
  const normQuestion = tools.normalize(question);
  const terms = questionTerms(normQuestion, tools);
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const qBigrams = bigrams(normQuestion.replace(QUESTION_NOISE, " ").replace(FUNCTION_CHARS, " "));
  const cues = questionCues(normQuestion);
  const slot = slotWords(normQuestion, terms);
  const counted = shape.type === "number" && shape.unit === null ? countedBy(normQuestion) : null;
  const typedBonus = shape.type !== "other" && shape.type !== "entity" ? 0.08 : 0;
  // A person is named without a role word or speech verb as often as with one (`馬基維利所著的君主論`):
  // the cue earns the bonus, its absence costs nothing.
  const untypedFactor = shape.type === "number" ? 0.45 : shape.type === "person" ? 1 : 0.7;
  const byPassage: Scored[][] = [];
  for (const { passage, rank, relevance } of candidates) {
    const prepared = tools.passageText?.(passage) ?? preparePassage(passage, tools.normalize);
    const { context, contextChars } = prepared;
    const focus = focusTerms(terms, prepared.title, slot);
    const stated = headlineShare(prepared.title, terms, total);
    const lead = passage.ordinal === 0 ? LEAD_BONUS * stated ** 3 : 0;
    const prior =
      weights.retrieval * (relevance ?? 1 / (1 + rank)) + headlineBonus(prepared.title, normQuestion, stated);
    const offZone = questionZones.length > 0 && !questionZones.some((z) => passage.zones.includes(z));
    const scored: Scored[] = [];
    let previous: SentenceText | undefined;
    for (const s of prepared.sentences) {
      const norm = s.norm;
      const lexical = coverage(terms, total, norm, context);
      let bigramShare = 0;
      if (qBigrams.size > 0) {
        // `chars.includes(b)` is exactly "b is among the sentence's bigrams" (see SentenceText).
        let hit = 0;
        for (const b of qBigrams) {
          if (s.chars.includes(b)) hit++;
          else if (contextChars.includes(b)) hit += CONTEXT_WEIGHT;
        }
        bigramShare = hit / qBigrams.size;
      }
      const support = 0.6 * lexical + 0.4 * bigramShare;
      // A sentence opening with a pronoun or a relative date, or dated by month and day alone when the
      // question asks for the year, is quoted with the sentence before it, and scored as quoted.
      const yearless =
        shape.unit === YEAR_UNIT &&
        previous !== undefined &&
        !hasYear(norm) &&
        isDated(s) &&
        hasYear(previous.norm);
      const quote =
        previous !== undefined && (yearless || ANAPHORIC.test(norm))
          ? withAntecedent(passage.text, previous, s)
          : s.sentence;
      const typed =
        typedSentence(s, shape) || counted?.test(norm) === true || (yearless && quote !== s.sentence);
      const typeFactor = typed ? 1 : untypedFactor;
      const bonus = (typed ? typedBonus : 0) + cueBonus(cues, norm);
      const zoneFactor = offZone ? 0.6 : 1;
      let focusShare = focusCoverage(focus, norm);
      if (quote !== s.sentence && previous !== undefined)
        focusShare = Math.max(focusShare, focusCoverage(focus, previous.norm + norm));
      if (previous === undefined) focusShare += lead;
      previous = s;
      scored.push({
        passage,
        rank,
        sentence: s.sentence,
        quote,
        support,
        typed,
        rankScore: (support * typeFactor + bonus + prior) * zoneFactor,
        pickScore:
          ((weights.support * support + (1 - weights.support) * focusShare) * typeFactor + bonus) *
          zoneFactor,
      });
    }
    if (scored.length > 0) byPassage.push(scored);
  }
  const best = (xs: Scored[], key: "rankScore" | "pickScore"): Scored =>
    xs.reduce((a, b) => (b[key] > a[key] ? b : a));
  const ranked = byPassage
    .map((xs) => ({ xs, score: best(xs, "rankScore").rankScore }))
    .sort((a, b) => b.score - a.score || (a.xs[0]?.rank ?? 0) - (b.xs[0]?.rank ?? 0));
  const top = ranked[0];
  if (top === undefined) return [];
  // The quote may come from any retrieved passage of the top article (the answer often sits in the
  // sentence next to the one that matches the question best).
  const articleId = top.xs[0]?.passage.articleId;
  const sameArticle = ranked.filter((r) => r.xs[0]?.passage.articleId === articleId).flatMap((r) => r.xs);
  const chosen = best(sameArticle, "pickScore");
  const pick = (x: Scored, score: number): SentencePick => ({
    passage: x.passage,
    rank: x.rank,
    sentence: x.sentence,
    quote: x.quote,
    span: "",
    score,
    support: x.support,
    typed: x.typed,
  });
  const first = pick(chosen, top.score);
  // Abstention judges the evidence of the whole top passage, not only the quoted sentence.
  first.support = Math.max(chosen.support, best(top.xs, "rankScore").support);
  first.typed = chosen.typed;
  first.span = answerSpan(first.sentence, {
    norm: normQuestion,
    terms,
    slot,
    facts: (text) => factsIn(text, shape, counted),
    person: shape.type === "person",
    normalize: tools.normalize,
  });
  const rest = ranked
    .filter((r) => r.xs[0]?.passage.id !== chosen.passage.id)
    .map((r) => pick(best(r.xs, "pickScore"), r.score));
  return [first, ...rest];
}
