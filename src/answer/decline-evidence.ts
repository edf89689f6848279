/**
 * The evidence that the best sentence answers the question: named features of the best pick and its
 * article, each 0–1, that the decision to decline (`decline.ts`) weighs.
 */
import type { Passage } from "../index/types.js";
import { CN_DIGITS } from "./evidence.js";
import type { SentencePick } from "./extractive.js";
import { type FocusTerm, focusCoverage, headlineShare } from "./focus.js";
import { NAMED_INDICATORS } from "./indicators.js";
import { NOT_WORD_CHAR, preparePassage, type TextTools } from "./passage.js";
import type { QuestionShape } from "./question.js";
import { stated, type Term } from "./question-terms.js";
import { COUNTRY_NAMES, FUNCTION_CHARS, PLACE_NAMES, QUESTION_NOISE } from "./question-words.js";
import { utf16Offsets } from "./short-sentence.js";
import { passageZone } from "./zones.js";

/**
 * Named features of the evidence that the best sentence answers the question, each 0–1 (see
 * `decline.ts` for how they are weighed). Shares are of the question's idf-weighted words.
 */
export interface Evidence {
  /** Support of the best passage's best sentence: words and character bigrams, its passage counting in part. */
  support: number;
  /** Share of the question's words the quoted sentence itself (with its antecedent) states. */
  sentence: number;
  /** Share of the question's character bigrams the quoted sentence states. */
  bigrams: number;
  /** Coverage of the question's focus (words next to the question word, words the headline lacks). */
  focus: number;
  /** Share of the question's words that nowhere in the best passage or its headline stand. */
  missing: number;
  /** Weight of the heaviest question word the best passage lacks, over the heaviest question word's. */
  missingTop: number;
  /** 1 when the sentence holds the kind of fact asked for, or the question asks for no kind. */
  typed: number;
  /** 1 when the question asks for a number or a date and the quoted sentence holds none. */
  untyped: number;
  /** Lead of the best article's score over the next article's, relative to the best (0 when no other article is retrieved). */
  margin: number;
  /** 1 when the question names a zone the best passage is not about. */
  offZone: number;
  /** Longest run of the question's characters (question words out) the quote repeats, over the run's possible length. */
  run: number;
  /** Share of the question's words that no indexed passage holds at all. */
  unknown: number;
  /** Share of the question's character bigrams that nowhere in the best passage or its headline stand. */
  gaps: number;
  /** Longest stretch of consecutive question bigrams the best passage lacks (a name it never says), over 4, capped at 1. */
  gapRun: number;
  /** Share of the question's words the best passage's headline states. */
  headline: number;
  /** Share of the words next to the question word (`上市公司` in `有多少家上市公司`) the article's passages lack. */
  slotMissing: number;
  /** 1 when the question names the best article's whole headline (`李成栋是哪里人` of the page `李成栋`). */
  named: number;
  /** Share of the question's characters (question words and function characters out) the article's passages hold. */
  chars: number;
  /**
   * Share of the periods the question names (`7月`, `上半年`, `二季度`, a year the article also dates
   * things by) that the article's passages do not state: news repeats a story month after month.
   */
  period: number;
  /** Weight of the heaviest question word the quote itself lacks, over the heaviest question word's. */
  sentenceTop: number;
}

/** What {@link evidenceOf} needs of the question. */
export interface EvidenceQuestion {
  normQuestion: string;
  terms: Term[];
  total: number;
  qBigrams: Set<string>;
  focus: FocusTerm[];
  /** The share of its characters a word missing whole counts for in the focus (`PICK_WEIGHTS.partial`). */
  partial: number;
  slot: ReadonlySet<string>;
  shape: QuestionShape;
  questionZones: readonly string[];
  tools: TextTools;
  /** What is read of the question alone ({@link askedEvidence}): found once for all the sentences weighed. */
  asked?: AskedEvidence;
}

/** What {@link evidenceOf} reads of the question alone, the same whatever sentence it weighs. */
export interface AskedEvidence {
  /** The question's words, those naming a zone it names out (see {@link evidenceOf}), and their weight. */
  terms: Term[];
  total: number;
  /** The weight of its heaviest word, and of its words no indexed passage holds. */
  heaviest: number;
  unknown: number;
  /** The normalised question, the zones it names out. */
  normQuestion: string;
  /** The longest run of its characters a text repeats, over the run's possible length ({@link runIn}). */
  run: (text: string) => number;
  /** The character bigrams of each of its pieces between question words ({@link bigramGaps}). */
  pieceBigrams: string[][];
  /** Its characters, question words and function characters out ({@link charShare}). */
  chars: string[];
}

/** {@link AskedEvidence} of a question. */
export function askedEvidence(
  q: Pick<EvidenceQuestion, "normQuestion" | "terms" | "questionZones" | "tools">,
): AskedEvidence {
  // The zone a question names picks the articles (retrieval filters by it, `offZone` weighs it): as
  // evidence it would make `珠海高新区有多少家上市公司` look half answered by any sentence of that zone.
  const zoneWords = (w: string) => q.questionZones.some((z) => z.includes(w) || w.includes(z));
  const terms = q.terms.filter((t) => !zoneWords(t.word));
  const normQuestion = q.questionZones.reduce((text, z) => text.replaceAll(z, " "), q.normQuestion);
  let heaviest = 0;
  let unknown = 0;
  for (const t of terms) {
    heaviest = Math.max(heaviest, t.weight);
    if (q.tools.known?.(t.word) === false) unknown += t.weight;
  }
  const asked = normQuestion.replace(QUESTION_NOISE, " ").replace(NOT_WORD_CHAR, " ");
  return {
    terms,
    total: terms.reduce((sum, t) => sum + t.weight, 0),
    heaviest,
    unknown,
    normQuestion,
    run: runIn(asked),
    pieceBigrams: asked.split(" ").map((piece) => {
      const cs = [...piece];
      return cs.slice(1).map((c, i) => `${cs[i]}${c}`);
    }),
    chars: [
      ...normQuestion.replace(QUESTION_NOISE, " ").replace(FUNCTION_CHARS, " ").replace(NOT_WORD_CHAR, ""),
    ],
  };
}

/** The named features of the evidence behind the best pick (see {@link Evidence}). */
export function evidenceOf(
  first: SentencePick,
  quote: string,
  article: readonly Passage[],
  nextScore: number | undefined,
  q: EvidenceQuestion,
): Evidence {
  const { tools } = q;
  const asked = q.asked ?? askedEvidence(q);
  const { terms, total, heaviest, unknown, normQuestion } = asked;
  const norm = tools.normalize(quote);
  const passage = article[0] ?? first.passage;
  // The article's retrieved passages together: a question's words may stand in the paragraph next door.
  const prepared = (article.length > 0 ? article : [passage]).map(
    (p) => tools.passageText?.(p) ?? preparePassage(p, tools.normalize),
  );
  const context = prepared.map((p) => p.context).join(" ");
  const contextChars = prepared.map((p) => p.contextChars).join(" ");
  const title = prepared[0]?.title ?? "";
  let inSentence = 0;
  let missing = 0;
  let heaviestMissing = 0;
  let slotTotal = 0;
  let slotMissing = 0;
  let heaviestOut = 0;
  for (const t of terms) {
    const inQuote = stated(norm, t);
    const inContext = stated(context, t);
    if (!inQuote) heaviestOut = Math.max(heaviestOut, t.weight);
    if (q.slot.has(t.word)) {
      slotTotal += t.weight;
      if (!inContext) slotMissing += t.weight;
    }
    if (inQuote) inSentence += t.weight;
    if (!inContext) {
      missing += t.weight;
      heaviestMissing = Math.max(heaviestMissing, t.weight);
    }
  }
  const chars = norm.replace(NOT_WORD_CHAR, "");
  let bigramHits = 0;
  for (const b of q.qBigrams) if (chars.includes(b)) bigramHits++;
  const needsType = q.shape.type === "number" || q.shape.type === "date";
  const offZone = q.questionZones.length > 0 && passageZone(q.questionZones, passage) === undefined;
  return {
    support: first.support,
    sentence: total === 0 ? 0 : inSentence / total,
    bigrams: q.qBigrams.size === 0 ? 0 : bigramHits / q.qBigrams.size,
    focus: Math.min(1, focusCoverage(q.focus, norm, q.partial)),
    missing: total === 0 ? 1 : missing / total,
    missingTop: heaviest === 0 ? 1 : heaviestMissing / heaviest,
    typed: first.typed ? 1 : 0,
    untyped: needsType && !first.typed ? 1 : 0,
    // No other article retrieved (a zone filter leaves one): no lead is shown.
    margin:
      nextScore === undefined || first.score <= 0 ? 0 : Math.max(0, (first.score - nextScore) / first.score),
    offZone: offZone ? 1 : 0,
    run: asked.run(chars),
    unknown: total === 0 ? 0 : unknown / total,
    ...bigramGaps(asked.pieceBigrams, contextChars),
    headline: headlineShare(title, terms, total),
    slotMissing: slotTotal === 0 ? 0 : slotMissing / slotTotal,
    named: [...title].length >= 2 && normQuestion.includes(title) ? 1 : 0,
    chars: charShare(asked.chars, contextChars),
    period: periodsMissing(normQuestion, context),
    sentenceTop: heaviest === 0 ? 0 : heaviestOut / heaviest,
  };
}

/** A period a question names: a year, a month (`6月份` is `6月`), a half year, a quarter, a span of months. */
const PERIOD =
  /\d{4}年|\d{1,2}[-－~～至到]\d{1,2}月|\d{1,2}月|[上下]半年|[一二三四1-4]季度|前[一二三两]季度/g;

/**
 * Share of the periods the question names that the article's text does not state. A year counts only
 * when the article dates things by year at all (news often says `今年`).
 */
export function periodsMissing(normQuestion: string, context: string): number {
  const periods = [...new Set(normQuestion.match(PERIOD) ?? [])];
  if (periods.length === 0) return 0;
  const datesByYear = /\d{4}年/.test(context);
  const missing = periods.filter((p) => !context.includes(p) && (datesByYear || !/^\d{4}年$/.test(p)));
  return missing.length / periods.length;
}

/**
 * A year named relative to the report (`去年`, `今年`), not a comparison's base (`比去年`, `去年同期`).
 */
const RELATIVE_YEAR = /(?<![比较同])(?:去年|今年|前年|明年)(?!同期|底|末)/g;

/** A month a figure is counted over (`7月`, `6月份`), not a day (`6月8日`) nor a span's end (`1-6月`). */
const FIGURE_MONTH = /(?<![\d\-－—~～至到])(\d{1,2})月(?!\d|[日号底末初中上下旬])/g;

/**
 * Whether the quote counts its figures over another period than the one the question names: a year
 * named relative to the report (`郴州高新区去年新增就业多少人` against `截至今年5月底…3400人`) or a month
 * (`美国7月份的消费者价格指数` against `6月份，消费者价格指数…上涨3%`), the quote naming one of the same kind
 * and never the question's. Years by number are not read: an encyclopedia question's year is mostly
 * its story's time, not a figure's (DRCD: four right answers of six whose quote names another year).
 */
export function periodContradicted(normQuestion: string, normQuote: string): boolean {
  const asked = periodsOf(RELATIVE_YEAR, normQuestion);
  // A quote naming a year by number may name the one asked (`去年招了多少本科生`: `2022年首次招录本科生503名…今年起
  // 学生正式入驻` in a report of 2023): its `今年` need not be its figure's year (the article's date settles
  // `去年`, `lastYearAsked`).
  const namesYear = /\d{4}年/u.test(normQuote);
  const stated = namesYear ? new Set<string>() : periodsOf(RELATIVE_YEAR, normQuote);
  // News counts this year's figures by months alone (`1-4月`, `上半年`) or as they are now (`目前`): no
  // year stated is `今年`.
  if (!namesYear && stated.size === 0 && MONTHS_OF_A_YEAR.test(normQuote)) stated.add("今年");
  return (
    namesOther(asked, stated) ||
    namesOther(periodsOf(FIGURE_MONTH, normQuestion), periodsOf(FIGURE_MONTH, normQuote))
  );
}

/**
 * Whether a (normalised) sentence names periods of a kind the question names (quarters, half-years,
 * phases) but none of the question's: `第二季度实现营收…` does not answer `三季度营收多少`.
 */
export function otherPeriod(normQuestion: string, normSentence: string): boolean {
  return PERIOD_KINDS.some((kind) =>
    namesOther(periodsOf(kind, normQuestion), periodsOf(kind, normSentence)),
  );
}

/** How a text stands to the periods a question names: it names one of them, only others of their kinds, or none. */
export type PeriodStance = "asked" | "other" | "none";

/**
 * How a (normalised) text stands to the periods a question names, kind by kind (quarters, half-years,
 * phases of works, the month a figure is counted over): `asked` when it names one the question names,
 * `other` when it names only others of those kinds (`一季度GDP同比增长4.5%` for `二季度的GDP同比增长了多少`),
 * `none` when it names no period of those kinds.
 */
export function periodStance(normQuestion: string, normText: string): PeriodStance {
  return periodStanceOf(normQuestion)(normText);
}

/**
 * {@link periodStance} for one question, its periods read once: what the picker and the answer line
 * ask of every sentence and clause. A question naming no period makes every text `none` at once.
 */
export function periodStanceOf(normQuestion: string): (normText: string) => PeriodStance {
  const asked = [...PERIOD_KINDS, FIGURE_MONTH]
    .map((kind) => ({ kind, periods: periodsOf(kind, normQuestion) }))
    .filter((k) => k.periods.size > 0);
  if (asked.length === 0) return () => "none";
  return (normText) => {
    let other = false;
    for (const { kind, periods } of asked) {
      const stated = periodsOf(kind, normText);
      if ([...periods].some((p) => stated.has(p))) return "asked";
      if (stated.size > 0) other = true;
    }
    return other ? "other" : "none";
  };
}

/** The question asks periods of a kind, the sentence names some of that kind, and none it asks. */
const namesOther = (asked: ReadonlySet<string>, stated: ReadonlySet<string>): boolean =>
  asked.size > 0 && stated.size > 0 && ![...asked].some((p) => stated.has(p));

/**
 * The periods of a kind a text names, numerals read as digits (`三季度` and `3季度` are one); a kind
 * with a group (a month's number) is read by it.
 */
function periodsOf(kind: RegExp, text: string): Set<string> {
  return new Set(
    [...text.matchAll(kind)].map((m) =>
      (m[1] ?? m[0]).replace(/[一二两三四五六]/gu, (d) => DIGIT_OF[d] ?? d),
    ),
  );
}

/**
 * Periods of one kind, each read as one token: quarters (`第三季度`, `三季度`, `3季度`; `前三季度` is a span
 * of its own), half-years, and phases of works (`一期工程`, `二期`).
 */
const PERIOD_KINDS: readonly RegExp[] = [
  /前[一二三两1-3]季度|[一二三四1-4]季度/gu,
  /[上下]半年/gu,
  /(?<![第周学分同近长短初末中早晚后前本上下预定工刑假日星延到过档每为这那哪])[一二三四五六]期(?![间限待货刊望盼])/gu,
];

const DIGIT_OF: Readonly<Record<string, string>> = {
  一: "1",
  二: "2",
  两: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
};

/** The provinces a (normalised) question names (see {@link PLACE_NAMES}). */
export function provincesNamed(normQuestion: string): string[] {
  return [...new Set(normQuestion.match(PLACE_NAMES) ?? [])];
}

/** The countries a (normalised) text names (see {@link COUNTRY_NAMES}). */
export function countriesNamed(normText: string): string[] {
  return [...new Set(normText.match(COUNTRY_NAMES) ?? [])];
}

/**
 * Whether a (normalised) article is about another country than those a question names: it names none
 * of `countries` and names another (`意大利今年二季度的GDP` against a report on 德国 and 法国), or speaks of
 * China as a Chinese report does (`我国`, `国内`). An article naming no country at all may leave its own
 * unsaid, as an encyclopedia's paragraph does (counting `中国` too cost DRCD a right answer).
 */
export function aboutOtherCountry(normArticle: string, countries: readonly string[]): boolean {
  return (
    countries.length > 0 &&
    !countries.some((c) => normArticle.includes(c)) &&
    (countriesNamed(normArticle).length > 0 || HOME_COUNTRY.test(normArticle))
  );
}

/**
 * Whether a (normalised) quote states another country's figure than the one a question names: it
 * never names that country and names another, China included (`美国有多少家公司上榜` against
 * `中国共有142家公司上榜`).
 */
export function otherCountryStated(normQuestion: string, normQuote: string): boolean {
  const asked = countriesNamed(normQuestion);
  return (
    asked.length > 0 &&
    !asked.some((c) => normQuote.includes(c)) &&
    (countriesNamed(normQuote).length > 0 || normQuote.includes("中国") || HOME_COUNTRY.test(normQuote))
  );
}

/** How a Chinese report names China as its own country (`国内生产总值` is any country's GDP). */
const HOME_COUNTRY = /我国|国内(?!生产总值)/u;

/** Whether a (normalised) text names every one of `places`. */
export function namesAll(normText: string, places: readonly string[]): boolean {
  return places.every((p) => normText.includes(p));
}

/** A year a report names: relative (`去年`), by number (`2019年`), or a comparison's base (`同期`, `同比`). */
const A_YEAR = /去年|前年|上年|\d{4}年|同期|同比/u;

/**
 * Whether a question asks last year's fact (`西安高新区去年投资了多少`) and its quote names no year: then
 * only its article can tell whether the quote speaks of that year (see {@link speaksOfYearBefore}).
 */
export function lastYearAsked(normQuestion: string, normQuote: string): boolean {
  return /去年|前年/u.test(normQuestion) && !A_YEAR.test(normQuote);
}

/**
 * Whether a (normalised) article speaks of the year before its own: `去年`, `前年`, `上年`, or its date's
 * year less one by number. One that never does tells of its own year (`总投资达166亿元` is 2020's).
 */
export function speaksOfYearBefore(normArticle: string, date: string | undefined): boolean {
  if (/去年|前年|上年/u.test(normArticle)) return true;
  const year = Number(date?.slice(0, 4));
  return Number.isInteger(year) && year > 0 && normArticle.includes(`${year - 1}年`);
}

/** `多少家上市公司`: a measure word asked, then the thing counted (group 1 the measure, 2 the thing). */
const COUNTED_ASKED =
  /(?:多少|几)(个|家|名|位|座|项|所|台|辆|套|条|只|艘|架|款|部|篇|件|场|批|户|间|栋)(\p{Script=Han}{2,})/u;

/**
 * Whether the quote counts with the measure word asked but shares not one character with the thing
 * asked to be counted: `重庆高新区联盟有多少家上市公司` against `…等10家高新区发起成立`. Characters, not
 * words: a report may say the thing otherwise (`出入口` as `8个出口`, `队员` as `球员`); a first word
 * missing whole cost CMRC two right answers and DRCD one.
 */
export function countedThingMissing(normQuestion: string, normQuote: string): boolean {
  const m = COUNTED_ASKED.exec(normQuestion);
  if (m?.[1] === undefined || m[2] === undefined) return false;
  if ([...m[2]].some((c) => normQuote.includes(c))) return false;
  return new RegExp(`[\\d零〇一二两三四五六七八九十百千万]+(?:余|多)?[万亿千百]*${m[1]}`, "u").test(
    normQuote,
  );
}

/**
 * A count asked with a measure word of its own, then the thing counted (`多少款创新医疗科技`, `几处火场`):
 * group 1 the measure word, 2 the thing. Not `个`, which a report may answer with any measure word
 * (`countedByAny`).
 */
const MEASURED_ASKED =
  /(?:多少|几)(款|家|座|项|所|台|辆|套|条|只|艘|架|部|篇|件|场|批|户|间|栋|处|届)(\p{Script=Han}{2})/u;

/**
 * Whether a question counting a thing with a measure word of its own (`展示了多少款创新医疗科技`,
 * `有多少处火场`) is met by a quote that counts nothing with that measure word nor any number of the
 * thing (`…开幕倒计时100天`, `火场数量约占全国总数的四分之一`): the quote states another figure, not the
 * count asked. A report may count the thing with another measure word (`28间分店` for `多少家分店`, `建议147件`
 * for `多少条建议`).
 */
export function countUnstated(normQuestion: string, normQuote: string): boolean {
  const m = MEASURED_ASKED.exec(normQuestion);
  // `只有几座山的源头看起来是火山…另一种是`: a quote repeating `几座山` says `几` as "a few", not as the count asked.
  if (m?.[1] === undefined || m[2] === undefined) return false;
  if (normQuote.includes(`几${m[1]}${m[2]}`) || normQuote.includes(`多少${m[1]}${m[2]}`)) return false;
  const numeral = `[\\d${CN_DIGITS}](?:余|多)?[万亿千百]*`;
  // Counted after the thing too: `提出的建议147件` answers `收到多少条建议`.
  return !new RegExp(
    `${numeral}(?:${m[1]}|\\p{Script=Han}{0,2}${m[2]})|${m[2]}[^，。；]{0,4}?[\\d${CN_DIGITS}]`,
    "u",
  ).test(normQuote);
}

/**
 * Whether a question asking a total of money (`一年卖了多少钱`, `营收多少`) is met by a quote whose every sum is a
 * price per unit (`价格在15到35元/斤`, `每斤15元`): a price is not the total asked for. A question asking a price
 * (`多少钱一斤`, `单价`) is answered by one.
 */
export function onlyPricesPerUnit(normQuestion: string, normQuote: string): boolean {
  if (!ASKS_TOTAL.test(normQuestion) || ASKS_PRICE.test(normQuestion)) return false;
  const sums = [...normQuote.matchAll(SUM)];
  return (
    sums.length > 0 && sums.every((m) => PER_UNIT_AFTER.test(m[2] ?? "") || PER_UNIT_BEFORE.test(m[1] ?? ""))
  );
}
/** The units a price is given per (`元/斤`, `每平方米`). */
const PRICE_UNITS = "斤|公斤|千克|吨|个|件|平方米|平米|亩|张";
/** A total asked: sold, earned or taken in, all together or over a year. */
const ASKS_TOTAL = /卖了|赚了|挣了|收入|营收|销售额|销售收入|一共|总共|共计|总额|一年/u;
/** A price asked: per piece, per unit of weight or size, or the word itself. */
const ASKS_PRICE = new RegExp(
  `单价|价格|价钱|多少钱一|每(?:${PRICE_UNITS}|人)|一(?:${PRICE_UNITS})(?:多少|几)`,
  "u",
);
/** A sum of money with up to 12 characters before it (group 1) and what follows (group 2). */
const SUM = /(.{0,12}?)\d+(?:\.\d+)?(?:[万亿])?(?:多|余)?元(.?)/gu;
const PER_UNIT_AFTER = /^[/／每]$/u;
const PER_UNIT_BEFORE = new RegExp(`每(?:${PRICE_UNITS}|人|份|次)`, "u");

/**
 * Whether a question asks a fee (`学费多少钱`, `停车费多少`) of a quote that names neither that fee nor any charge:
 * `福耀科技大学学费多少钱` was answered with `…基金会首期捐资100亿元人民币`.
 */
export function feeMissing(normQuestion: string, normQuote: string): boolean {
  const fee = FEE.exec(normQuestion)?.[0];
  return fee !== undefined && !normQuote.includes(fee) && !/收费|费用/u.test(normQuote);
}
/** Fees people ask the amount of: what a report states with the fee's own name or as a charge (`收费`). */
const FEE =
  /学费|电费|水费|燃气费|停车费|物业费|服务费|挂号费|门票费|报名费|培训费|会费|管理费|手续费|过路费|通行费|保险费|住宿费|伙食费|保洁费/u;

/**
 * Whether a question asks what a party was fined (`水果店被罚了多少钱`) of a quote stating only what the law
 * allows (`违反者…可以并处5000元以下罚款`, `最高可罚…`): a ceiling is no fine. Asked what could be fined
 * (`最多能罚多少`, `可以罚多少`), the ceiling answers.
 */
export function fineOnlyAllowed(normQuestion: string, normQuote: string): boolean {
  return (
    FINE_ASKED.test(normQuestion) &&
    !FINE_ALLOWED_ASKED.test(normQuestion) &&
    FINE_ALLOWED.test(normQuote) &&
    !FINE_IMPOSED.test(normQuote)
  );
}
/** A fine asked as imposed: `被罚了多少`, `罚了多少钱`, `罚款多少`. */
const FINE_ASKED = /罚了|被罚|罚款(?:了)?(?:多少|几)|处罚了?(?:多少|几)/u;
/** A fine asked as what may be imposed. */
const FINE_ALLOWED_ASKED = /能|可以|可能|最多|最高|至多|会|要|应该|应当|一般/u;
/** A fine the law allows: a modal before the penalty, or a ceiling. */
const FINE_ALLOWED = /(?:可以?|最高|最多|至多|应当|将)(?:并|可)?(?:处|罚)|以下(?:的)?罚款|以下罚金/u;
/** A fine imposed: `被处以`, `予以罚款`, `罚款…元` with `已`/`依法对…作出`. */
const FINE_IMPOSED =
  /被(?:处以?|罚)|予以(?:罚款|处罚)|(?:已|依法)(?:对[^，。]{1,20})?(?:作出|处以|处)[^，。]{0,12}罚/u;

/**
 * Whether the question names an indicator the quote never states: `郴州高新区1-5月GDP增长多少` against
 * `公司实现主营业务收入4.55亿元，…同比增长2.3%`, `重庆高新区2019年营收是多少` against `2019年实现地区生产总值…`.
 */
export function indicatorMissing(
  normQuestion: string,
  normQuote: string,
  alts: ReadonlyMap<string, readonly string[]> = new Map(),
): boolean {
  // An indicator the everyday reading put in (`刷单赚了多少` → `收入`) is stated by the words it was read from
  // (`何女士前前后后大概赚了80元`).
  const statedOtherwise = (i: RegExp) =>
    [...alts].some(([term, words]) => i.test(term) && words.some((w) => normQuote.includes(w)));
  return NAMED_INDICATORS.some((i) => i.test(normQuestion) && !i.test(normQuote) && !statedOtherwise(i));
}

/** A period of months within a year (`1-4月`, `5月底`, `上半年`, `一季度`), or the present (`目前`). */
const MONTHS_OF_A_YEAR = /\d{1,2}月|[上下]半年|[一二三四1-4]季度|目前|当前/;

/**
 * Share of the question's characters (question and function words out: `AskedEvidence.chars`) that a
 * passage's characters hold.
 */
function charShare(chars: readonly string[], contextChars: string): number {
  return chars.length === 0 ? 0 : chars.filter((c) => contextChars.includes(c)).length / chars.length;
}

/**
 * The question's character bigrams (question words out; those of each piece, `AskedEvidence.pieceBigrams`)
 * that a passage lacks: their share, and their longest run.
 */
function bigramGaps(
  pieceBigrams: readonly string[][],
  contextChars: string,
): { gaps: number; gapRun: number } {
  let all = 0;
  let missing = 0;
  let run = 0;
  let longest = 0;
  for (const bigrams of pieceBigrams) {
    run = 0;
    for (const bigram of bigrams) {
      all++;
      if (contextChars.includes(bigram)) run = 0;
      else {
        missing++;
        run++;
        longest = Math.max(longest, run);
      }
    }
  }
  return { gaps: all === 0 ? 0 : missing / all, gapRun: Math.min(1, longest / 4) };
}

/**
 * The longest run of characters of `question` (its pieces between spaces) found in `text`, over the
 * longest piece's length (capped at 12): a sentence that answers usually repeats a stretch of the question.
 */
export function longestRun(question: string, text: string): number {
  return runIn(question)(text);
}

/**
 * {@link longestRun} of one question, read once for every text it is matched against (each sentence
 * of the retrieved passages): its pieces, their characters' offsets and the cap.
 */
export function runIn(question: string): (text: string) => number {
  const pieces = question
    .split(" ")
    .filter((p) => p.length >= 2)
    .map((p) => ({ text: p, offsets: utf16Offsets([...p]) }));
  const cap = Math.min(12, Math.max(2, ...pieces.map((p) => p.offsets.length - 1)));
  return (text) => {
    let best = 0;
    for (const { text: p, offsets } of pieces) {
      const length = offsets.length - 1;
      for (let i = 0; i < length && length - i > best; i++) {
        let len = best + 1;
        while (i + len <= length && text.includes(p.slice(offsets[i], offsets[i + len]))) len++;
        best = Math.max(best, len - 1);
      }
    }
    return Math.min(1, best / cap);
  };
}
