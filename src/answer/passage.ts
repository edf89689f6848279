/**
 * Passage preparation: a passage's sentences split and normalised once, whatever the question, and
 * the quote a sentence needs (with the sentence before it when it cannot be read alone).
 */
import { LRUCache } from "lru-cache";
import { isFurnitureSentence } from "../corpus/feeds/boilerplate.js";
import { splitSentences } from "../corpus/sentences.js";
import type { Passage } from "../index/types.js";
import type { SentenceRead } from "./short-spans.js";

/** Text operations the sentence picker needs, provided by the index (same normalisation as retrieval). */
export interface TextTools {
  /** NFKC, Traditional→Simplified, lowercase. */
  normalize(s: string): string;
  /** Content words of an (unnormalised) text, stop words removed. */
  words(s: string): string[];
  /** Inverse document frequency of a normalised word over the indexed passages. */
  idf(word: string): number;
  /** Whether any indexed passage holds a normalised word (default: every word is held). */
  known?(word: string): boolean;
  /**
   * The passage's text prepared for scoring (see {@link preparePassage}), usually from a cache:
   * normalising every sentence of every candidate is most of an answer's cost otherwise.
   */
  passageText?(passage: Passage): PassageText;
  /**
   * A quote read for the short answer's candidates (see `readSentence`), usually from a cache: the
   * questions quoting one sentence read it once (jieba's tags and the tables over its characters).
   */
  readQuote?(quote: string): SentenceRead;
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

export const NOT_WORD_CHAR = /[^\p{Script=Han}\p{L}\p{N}]/gu;

/** Prepares a passage for {@link pickSentences}: sentences split and normalised, context and headline. */
export function preparePassage(passage: Passage, normalize: (s: string) => string): PassageText {
  const context = normalize(
    `${passage.title} ${passage.section ?? ""} ${passage.zones.join(" ")} ${passage.text}`,
  );
  return {
    // Page furniture a news text kept (`来源：…责任编辑：…返回搜狐`) is never a sentence to quote.
    sentences: splitSentences(passage.text)
      .filter((sentence) => !isFurnitureSentence(sentence))
      .map((sentence) => {
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
  const cache = new LRUCache<Passage, PassageText>({ max: capacity });
  return (passage) => {
    const hit = cache.get(passage);
    if (hit !== undefined) return hit;
    const prepared = preparePassage(passage, normalize);
    cache.set(passage, prepared);
    return prepared;
  };
}

/**
 * Prepares every passage of `passages` (holes skipped) through `passageText`, the cache of
 * {@link cachedPassageText}, when they all fit in its `capacity`; else none, as they would only evict
 * one another. For a long-lived service over a small index: the first question to read a passage
 * otherwise pays for preparing it, and early on most passages are read for the first time. Returns
 * how many were prepared.
 */
export function prepareAhead(
  passageText: (passage: Passage) => PassageText,
  passages: readonly (Passage | undefined)[],
  capacity: number,
): number {
  if (passages.length > capacity) return 0;
  let prepared = 0;
  for (const passage of passages)
    if (passage !== undefined) {
      passageText(passage);
      prepared++;
    }
  return prepared;
}

/**
 * A sentence opening with a pronoun or demonstrative continues the previous sentence's subject; one
 * opening with a relative date (`同年11月9日`, `次日`, `当时`) takes its year or day from the previous
 * one. Discourse words that merely start with such a character (`那么`, `本来`, `其实`) do not.
 */
export const ANAPHORIC =
  /^(?!那么|本来|其实)(?:它|其|该|这|此|他|她|牠|彼|那|本|同年|次年|翌年|当年|同月|次月|翌月|翌日|次日|当天|当日|当时)/;

/**
 * A sentence opening with a word that points back at what the previous one said (`对此，有台媒报道…`), or
 * with the generic word for a thing the previous sentence named (`…2023ACM中国图灵大会在武汉举行开幕式。`
 * `大会主题为…`; `…《长洲船闸过闸船舶积分管理办法（试行）》…` `办法8月8日试行后…`): the thing is named there.
 */
export function refersBack(previous: string, norm: string): boolean {
  if (ANAPHORIC.test(norm)) return true;
  if (POINTS_BACK.test(norm)) return true;
  const head = genericHeadOf(norm);
  return head !== null && namedHead(head).test(previous);
}

/** The generic word for a named thing a normalised sentence opens with (`大会` of `大会主题为…`), or null. */
export const genericHeadOf = (norm: string): string | null => GENERIC_HEAD.exec(norm)?.[1] ?? null;

/**
 * Words opening a sentence that point back at the previous one's matter or at the parties it names
 * (`双方`, `两国`, `上述`; DRCD `南北關係發展與和平繁榮宣言於何時開始簽定` gained, news and CMRC unchanged).
 */
const POINTS_BACK = /^(?:对此|为此|就此|据此|由此|双方|两国|上述)/u;

/**
 * Generic words for a named thing (`大会` for `2023ACM中国图灵大会`), opening a sentence that goes on
 * about it. Not a kind of thing that is seldom a name's last word (`赛事`, `活动`: DRCD lost
 * `歐洲足球錦標賽在哪一年時舉辦了第一屆的賽事` to `賽事創辦時名稱為…` read with `…國家級足球賽事，於1960年…`),
 * nor a document followed by what it says (`报告显示`, `通知要求`): the document is the source, not the
 * subject, and joined with the sentence naming it (`…达能发布2023年上半年业绩报告。报告显示，…`) the quote
 * looked like an answer to questions about other reports (news answered wrongly when not indexed 0.314 →
 * 0.318 with them).
 */
const GENERIC_HEAD =
  /^(大会|会议|论坛|展会|博览会|项目|平台|公司|集团|办法|方案|通知|报告|计划|工程|演习|展览|基地|园区|协议|条例|规定)(?!\p{Script=Han}?(?:和|与|及|、)|(?:显示|指出|提出|要求|称|表示|强调|明确|认为|介绍|说))/u;

/** Generic words whose things are named with other words (`展会`: `…旅游博览会`, `…交易会`). */
const HEAD_NAMED_AS: Readonly<Record<string, string>> = { 展会: "(?:博览|展览|交易|展)会" };

/** A name ending in the generic word `head` (`图灵大会`), not a demonstrative's (`该大会`, `本次大会`). */
const namedHead = (head: string): RegExp =>
  new RegExp(
    `[\\p{Script=Han}A-Za-z0-9》”)）](?<![该本此这那各每全某多个两几一其次届])(?:${HEAD_NAMED_AS[head] ?? head})`,
    "u",
  );

/**
 * A speaker named after a quotation closes (`…增加了360人。”` `郴州高新区企业台达电子公司负责人说。`): the
 * sentence after the quote that says who spoke, and nothing else.
 */
const ATTRIBUTION = /^[^，。！？；“”「」]{2,30}(?:说|表示|介绍|称|指出|透露|坦言)[。！]?$/u;

/** How many sentences after a quoted one its quotation may go on before it closes. */
const QUOTATION_REACH = 2;

/**
 * Sentence `at` of `sentences` quoted to the attribution after its quotation (`…同比增长2.3%。目前全厂…
 * 增加了360人。”郴州高新区企业台达电子公司负责人说。`) when the quotation closes within a few sentences and
 * the sentence after it only names its speaker, all standing together in the passage's text and short
 * enough to quote; otherwise null.
 */
export function withAttribution(text: string, sentences: readonly SentenceText[], at: number): string | null {
  let quoted = "";
  for (let j = at; j <= at + QUOTATION_REACH; j++) {
    const s = sentences[j];
    if (s === undefined || (j > at && /^[“「『]/u.test(s.sentence))) return null;
    quoted += s.sentence;
    if (!/[”」』]$/u.test(s.sentence)) continue;
    const next = sentences[j + 1];
    if (next === undefined || !ATTRIBUTION.test(next.sentence)) return null;
    const all = quoted + next.sentence;
    return [...all].length <= MAX_ANTECEDENT_QUOTE && text.includes(all) ? all : null;
  }
  return null;
}

/** A quote longer than this keeps the sentence alone. */
const MAX_ANTECEDENT_QUOTE = 160;

/**
 * Sentence `s` quoted with the sentence `before` it, when the two stand together in
 * the passage's text (not across a line break) and are short enough to quote; otherwise the sentence.
 */
export function withAntecedent(text: string, before: SentenceText, s: SentenceText): string {
  // Question-independent: found once per prepared sentence and kept with it.
  if (s.withPrevious === undefined) {
    const both = before.sentence + s.sentence;
    s.withPrevious = [...both].length <= MAX_ANTECEDENT_QUOTE && text.includes(both) ? both : s.sentence;
  }
  return s.withPrevious;
}
