import { endsWithPlace, ZONE_SUFFIX_FIRST, zoneMentions } from "../corpus/zones.js";
import type { Hit, Passage } from "../index/types.js";
import { type ArticleSource, gluedHeadline, passageCitation, withoutDateline } from "./article-text.js";
import { answerProbability, DECLINE_THRESHOLD } from "./decline.js";
import {
  aboutOtherCountry,
  countedThingMissing,
  countriesNamed,
  countUnstated,
  feeMissing,
  fineOnlyAllowed,
  indicatorMissing,
  lastYearAsked,
  namesAll,
  onlyPricesPerUnit,
  otherCountryStated,
  otherPeriod,
  periodContradicted,
  provincesNamed,
  speaksOfYearBefore,
} from "./decline-evidence.js";
import { overviewAnswer } from "./digest.js";
import { everydayQuestion } from "./everyday.js";
import { CN_DIGITS, findDates, findDurations, findNumbers, PEOPLE_COUNT } from "./evidence.js";
import {
  type Candidate,
  type Evidence,
  factsOfKind,
  pickSentences,
  type SentencePick,
} from "./extractive.js";
import { factsIn, zoneNames } from "./facts.js";
import { questionIntent } from "./kinds.js";
import { howAnswer } from "./measures.js";
import type { TextTools } from "./passage.js";
import {
  asksAmount,
  asksForByline,
  asksForSeveral,
  DURATION_UNIT,
  hasChinese,
  PEOPLE,
  peopleAsked,
  plainQuestion,
  type QuestionShape,
  questionShape,
  validateQuestion,
  ZONE_UNIT,
} from "./question.js";
import { bigrams, countedByAny, countedThing } from "./question-terms.js";
import { GOODS_AND_CASES, NUMERAL_WORDS } from "./question-words.js";
import { newestCandidates } from "./recent.js";
import { severalAnswer } from "./several.js";
import { shortAnswer } from "./short.js";
import { splitClauses, tidy } from "./span.js";
import type { Answer, AnswerStage, Citation, ShortAnswer } from "./types.js";
import { zoneByLastPlace } from "./zones.js";

/** Everything `answerQuestion` needs, built once at an entry point. */
export interface AnswerDeps {
  /** The retrieval seam: best passages for a query, fused and zone-boosted. */
  retrieve: (query: string, k: number, zones: readonly string[]) => Promise<Hit[]>;
  tools: TextTools;
  /** Canonical zone names a text mentions (from the corpus reader). */
  findZones: (text: string) => string[];
  /** Zones the corpus covers. */
  knownZones: ReadonlySet<string>;
  onProgress?: (stage: AnswerStage) => void;
  /** Told the evidence behind each question's best sentence (for fitting the decision to decline). */
  onEvidence?: (question: string, evidence: Evidence, read: EvidenceRead) => void;
  /** Whole articles, for overviews and how questions (without it they read the retrieved passages only). */
  articles?: ArticleSource;
  /** A text with every spelling of a zone taken out (`光谷` too); without it, only canonical names go. */
  withoutZones?: (text: string) => string;
}

/**
 * What the answerer read when it weighed the evidence: the question as read (normalised, wrappers
 * out), its shape, the quote, and the normalisation (so a fitting script can read more of the same).
 */
export interface EvidenceRead {
  question: string;
  shape: QuestionShape;
  quote: string;
  normalize: (s: string) => string;
  /** The picks, best first. */
  picks: readonly SentencePick[];
}

/** Tunables of the extractive answerer. */
export interface ExtractiveOptions {
  /** Passages read for sentences. */
  candidates: number;
  /** Citations listed at most. */
  maxCitations: number;
  /** Below this answer probability (see `decline.ts`) the evidence is too weak: abstain. */
  minProbability: number;
  /** A related source is listed only with at least this share of the question's words. */
  minSupport: number;
  /** Other sources are listed when their score is at least this share of the best one's. */
  relatedFloor: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  // 8, not 12: 12 passages read with the re-ranking by evidence gave news 0.823 / 0.752 / 0.721 instead
  // of 0.823 / 0.755 / 0.719, and 31.8% instead of 33.9% of its not-indexed questions answered wrongly
  // (cross-validated), but ask took ~1.4× as long at p50 on the CMRC pool (docs/quality.md, "Speed").
  candidates: 8,
  maxCitations: 5,
  minProbability: DECLINE_THRESHOLD,
  minSupport: 0.5,
  relatedFloor: 0.75,
};

/**
 * The share of a how question's topic each of two measures must state for them to answer though the
 * decision to decline (made for facts) would not: `招商引资` half-stated as `招商队伍` passes;
 * `怎么建5G基站的` asked of a zone no article tells of it, whose sentences state only `建`, does not.
 */
const HOW_OVER_DECLINE = 0.45;

/** How near the best score a sentence of a passage naming the question's province must score to answer instead. */
const PLACE_REACH = 0.8;

export const NOT_FOUND = "语料中没有找到能回答这个问题的内容。";

/** Declined with the closest sources listed under it. */
const NOT_FOUND_CLOSEST = `${NOT_FOUND}最接近的报道列在下面。`;

/** The reply to a question with no Chinese in it: the corpus and the matching are Chinese. */
export const ASK_IN_CHINESE = "我只回答中文问题，请用中文提问。(I answer questions in Chinese.)";

function citation(n: number, pick: SentencePick): Citation {
  return passageCitation(n, pick.passage, pick.quote);
}

function abstain(question: string, message: string, picks: SentencePick[], max: number): Answer {
  return {
    question,
    answer: message,
    short: null,
    abstained: true,
    mode: "extractive",
    citations: picks.slice(0, max).map((p, i) => citation(i + 1, p)),
  };
}

/**
 * Answers a question from the corpus without a language model: retrieves passages, picks the sentence
 * that states the asked-for fact, and cites it. Abstains, listing the closest sources, when the corpus
 * does not support an answer (weak evidence, or a zone the corpus does not cover).
 */
export async function answerQuestion(
  rawQuestion: string,
  deps: AnswerDeps,
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): Promise<Answer> {
  const valid = validateQuestion(rawQuestion);
  if (!valid.ok) {
    return {
      question: rawQuestion,
      answer: valid.error.message,
      short: null,
      abstained: true,
      mode: "extractive",
      citations: [],
    };
  }
  const question = valid.value;
  // Without a single Chinese character the question matches only by accident: listing unrelated
  // sources as "closest" would mislead.
  if (!hasChinese(question) && /\p{L}/u.test(question)) return abstain(question, ASK_IN_CHINESE, [], 0);
  // Retrieval and scoring read the question without its conversational wrappers and with its everyday
  // phrasing in the corpus's words (`找到工作` → `就业`); the answer keeps the question as asked.
  const plain = plainQuestion(question);
  const everyday = everydayQuestion(deps.tools.normalize(plain));
  const asked =
    everyday.alts.size > 0 || everyday.question !== deps.tools.normalize(plain) ? everyday.question : plain;
  const normalized = deps.tools.normalize(asked);
  const shape = questionShape(normalized);
  // `滨海高新区` asked of a corpus that covers `天津滨海高新区`: the city left out, the same zone.
  const named = deps
    .findZones(normalized)
    .map((z) => zoneByLastPlace(z, deps.knownZones) ?? z)
    .filter((z, i, zs) => zs.indexOf(z) === i);
  const known = named.filter((z) => deps.knownZones.has(z));
  const intent = questionIntent(normalized, named, deps.withoutZones, endsWithPlace);
  const unknown = named.filter((z) => !deps.knownZones.has(z));
  deps.onProgress?.("retrieving");
  if (
    intent.kind === "overview" &&
    (unknown.length === 0 || known.length > 0) &&
    deps.articles !== undefined
  ) {
    const digest = await overviewAnswer(question, known, intent.topic, { ...deps, articles: deps.articles });
    // A topic no article is about (`介绍一下X的生活习性`) may still be a fact some sentence states.
    if (!digest.abstained || intent.topic === "") return digest;
  }
  const hits = await deps.retrieve(asked, opts.candidates, known);
  const top = hits[0]?.score ?? 1;
  const candidates: Candidate[] = hits.map((h, rank) => ({
    passage: h.passage,
    rank,
    relevance: top > 0 ? h.score / top : 0,
  }));
  let picks = pickSentences(asked, shape, candidates, deps.tools, known, { alts: everyday.alts });
  if (intent.recent && intent.kind === "fact" && deps.articles !== undefined) {
    // `最近`/`目前`: of the articles answering about as well, the newest answers.
    const newest = await newestCandidates(picks, candidates, deps.articles);
    if (newest !== candidates)
      picks = pickSentences(asked, shape, [...newest], deps.tools, known, { alts: everyday.alts });
  }
  // An article is read whole (two store calls) at most once per question, whichever checks below need it.
  const articleReads = new Map<string, ReturnType<typeof wholeArticle>>();
  const readArticle = (passage: Passage, articles: ArticleSource) => {
    const read = articleReads.get(passage.articleId) ?? wholeArticle(passage, articles);
    articleReads.set(passage.articleId, read);
    return read;
  };
  // `吉林上半年GDP涨了多少`: a figure asked of a province (and no zone) whose best article never names it
  // (and would be declined below) is answered from the passages that do, when one scores near the best
  // (`年初以来，吉林省…上半年，全省地区生产总值同比增长7.7%`, not 佛山南海区's `上半年GDP…同比增长4.5%`).
  const first = picks[0];
  if (shape.type === "number" && intent.kind === "fact" && known.length === 0 && first !== undefined) {
    const places = provincesNamed(normalized);
    const names = (text: string) => namesAll(deps.tools.normalize(text), places);
    const naming = (p: Passage) => names(`${p.title}${p.text}`);
    if (
      places.length > 0 &&
      deps.articles !== undefined &&
      !naming(first.passage) &&
      picks.some((p) => p.score >= PLACE_REACH * first.score && naming(p.passage)) &&
      !names((await readArticle(first.passage, deps.articles)).text)
    ) {
      const inPlace = candidates.filter((c) => naming(c.passage));
      picks = pickSentences(asked, shape, inPlace, deps.tools, known, { alts: everyday.alts });
    }
  }

  if (unknown.length > 0 && known.length === 0) {
    return abstain(
      question,
      `语料中没有关于${unknown.join("、")}的报道，无法回答。现有报道涉及：${[...deps.knownZones].slice(0, 12).join("、")}。`,
      picks,
      3,
    );
  }
  const best = picks[0];
  if (best === undefined) return abstain(question, NOT_FOUND, [], 0);
  if (asksForByline(normalized)) {
    const byline = bylineAnswer(question, asked, picks, known, deps.tools);
    if (byline !== null) return byline;
  }
  if (best.evidence !== undefined)
    deps.onEvidence?.(question, best.evidence, {
      question: normalized,
      shape,
      quote: best.quote,
      normalize: deps.tools.normalize,
      picks,
    });
  if (best.evidence === undefined || answerProbability(best.evidence) < opts.minProbability) {
    // Asked how a zone did something, its article listing two measures on the topic answers even when
    // the words of the question are not all in one sentence (`株洲高新区是怎么招商引资的`: `组建12支招商
    // 队伍`, `项目招引`), which the decision to decline, made for facts, weighs against it.
    const how =
      intent.kind === "how" && known.length > 0
        ? await howAnswer(question, normalized, picks, known, deps.tools, deps.articles, HOW_OVER_DECLINE)
        : null;
    return how ?? abstain(question, NOT_FOUND_CLOSEST, picks, 3);
  }
  // `巨桥村有多少低保户` answered with a sentence that counts nothing (a date is no count:
  // `8月4日，…员工关爱活动在软件园启动` for `有多少人参加`) says no more than that the article does not give
  // the figure: the closest sources are listed instead.
  // `郴州高新区去年新增就业多少人` answered with `截至今年5月底…3400人` states another year's figure as
  // the one asked: the article does not give it, so the closest sources are listed instead.
  const quoted = deps.tools.normalize(best.quote);
  if (
    shape.type === "number" &&
    intent.kind === "fact" &&
    (periodContradicted(normalized, quoted) ||
      countedThingMissing(normalized, quoted) ||
      countUnstated(normalized, quoted) ||
      indicatorMissing(normalized, quoted, everyday.alts) ||
      countNowhere(normalized, quoted) ||
      otherPeopleCounted(normalized, quoted, everyday.alts) ||
      otherCountryStated(normalized, quoted) ||
      (shape.unit === "元" &&
        (onlyPricesPerUnit(normalized, quoted) ||
          feeMissing(normalized, quoted) ||
          fineOnlyAllowed(normalized, quoted))) ||
      ((asksAmount(normalized) || shape.unit === "岁") &&
        !countsAnything(best.quote, ASKS_HOUR.test(normalized) ? "时" : shape.unit)) ||
      // `偷电缆的王某被判了几年` answered with `王某盗窃电缆总长1000余米`: a length of time asked, a quote with no
      // word of time at all (a length may be said in many ways: `一个半赛季`, `每年`, `尚需时日`).
      (shape.unit === DURATION_UNIT && findDurations(quoted).length === 0 && !TIME_UNIT_CHAR.test(quoted)))
  ) {
    return abstain(question, NOT_FOUND_CLOSEST, picks, 3);
  }
  // `骆女士的钱追回来了吗` answered with `骆女士向对方转账近12万元`: a yes-or-no question whose sentence does
  // not state what is asked of (its last word, `追回`) does not answer it, whatever else it shares.
  if (intent.kind === "fact" && asksYesOrNo(normalized)) {
    const asked = deps.tools
      .words(normalized.replace(YES_NO_END, ""))
      .at(-1)
      ?.replace(/[来去了过]+$/u, "");
    // The report may state it in its own words (`有人受伤吗`: `未造成人员伤亡`, `造成2人受伤`).
    const stated = [asked ?? "", ...(everyday.alts.get(asked ?? "") ?? [])];
    if (asked !== undefined && asked !== "" && !stated.some((w) => quoted.includes(w))) {
      return abstain(question, NOT_FOUND_CLOSEST, picks, 3);
    }
  }
  // `腾讯三季度营收多少` answered with `第二季度实现营收1492.08亿元`: a sentence stating another period of the
  // kind asked (a quarter, a half-year, a phase of works) and not the one asked holds another fact.
  if (intent.kind === "fact" && otherPeriod(normalized, quoted)) {
    return abstain(question, NOT_FOUND_CLOSEST, picks, 3);
  }
  // `湖北上半年GDP多少` answered with `佛山南海区上半年GDP达1712.60亿元`: a question naming a province (and
  // no zone) that the answering article never mentions is answered with another place's fact; so is
  // `意大利今年二季度的GDP同比增长了多少` with `一季度GDP同比增长4.5%` of a report on China's (`国内`, `我国`)
  // or another country's economy that never names 意大利.
  // `西安高新区去年投资了多少` answered with `总投资达166亿元`: a quote naming no year, from an article that
  // never speaks of the year before its own, tells of that article's year. The article is read (two store
  // calls) only when the passage alone does not settle it, and once for both.
  if (intent.kind === "fact" && deps.articles !== undefined) {
    const places = known.length === 0 ? provincesNamed(normalized) : [];
    const countries = known.length === 0 ? countriesNamed(normalized) : [];
    // The passage is normalised only when a place or a country is named (most questions name neither).
    const passageText =
      places.length > 0 || countries.length > 0
        ? deps.tools.normalize(`${best.passage.title}${best.passage.text}`)
        : "";
    const placeInDoubt = places.length > 0 && !namesAll(passageText, places);
    const countryInDoubt = countries.length > 0 && !countries.some((c) => passageText.includes(c));
    const yearInDoubt = lastYearAsked(normalized, quoted);
    if (placeInDoubt || countryInDoubt || yearInDoubt) {
      const article = await readArticle(best.passage, deps.articles);
      const read = deps.tools.normalize(article.text);
      if (
        (placeInDoubt && !namesAll(read, places)) ||
        (countryInDoubt && aboutOtherCountry(read, countries)) ||
        (yearInDoubt && !speaksOfYearBefore(read, article.date))
      )
        return abstain(question, NOT_FOUND_CLOSEST, picks, 3);
    }
  }
  if (intent.kind === "how") {
    const measures = await howAnswer(question, normalized, picks, known, deps.tools, deps.articles);
    if (measures !== null) return measures;
  }
  if (intent.kind === "several") {
    const several = severalAnswer(question, intent.parts, best, candidates, known, deps.tools, everyday.alts);
    if (several !== null) return several;
  }
  // Further sources are listed only when they are close to the best one: a list of weak matches hides it.
  // A reprint quoting the same sentence adds nothing: one story is cited once.
  const related = picks
    .slice(1)
    .filter((p) => p.score >= opts.relatedFloor * best.score && p.support >= opts.minSupport)
    .filter((p, i, xs) => p.quote !== best.quote && xs.findIndex((q) => q.quote === p.quote) === i);
  const cited = [best, ...related].slice(0, opts.maxCitations);
  const citations = cited.map((p, i) => citation(i + 1, p));
  const line = answerLine(best, cited, shape, normalized, deps.tools.normalize);
  // A `哪个高新区` question whose line names one zone is answered by that name as the line spells it.
  const spelled = shape.unit === ZONE_UNIT && line.zone === null ? zoneSpelled(line.text) : null;
  // A zone the corpus does not know by name (`南京玄武徐庄高新区`) is still named with its suffix.
  const withSuffix = (s: ShortAnswer | null): ShortAnswer | null => {
    if (s === null || shape.unit !== ZONE_UNIT) return s;
    const at = line.text.indexOf(s.text);
    const suffix = at < 0 ? null : ZONE_SUFFIX_FIRST.exec(line.text.slice(at + s.text.length));
    return suffix === null ? s : { ...s, text: s.text + suffix[0] };
  };
  // A zone named from the article is the fact asked for; an answer gathered from several articles has
  // no one fact of a few characters, nor has a question asking several (`多少家、复工率多少`) that one
  // sentence answers whole: its first fact alone in bold would read as the whole answer. Nor has a how
  // question answered from one sentence (its article states no two measures): a way of doing is no span
  // (`涿州高新区是怎么救灾的` had its whole sentence in bold).
  const short =
    line.zone !== null
      ? { text: line.zone, qualifier: null }
      : line.gathered || intent.kind === "several" || intent.kind === "how"
        ? null
        : (spelled ??
          withSuffix(shortAnswer(normalized, shape, best.quote, deps.tools.normalize, deps.tools.readQuote)));
  // A line that states a number of the kind asked was cut by the question's predicate (`21310人受伤`,
  // not `10761人死亡`): it stays, whatever the short answer says. (Not so for dates: re-cut there, DRCD
  // answer hit on dates 0.796 → 0.827, CMRC 0.867 → 0.871, news one question more; kept for numbers,
  // news lost four of them.)
  // (Read only when the two disagree: most answers' line holds their short answer.)
  const stated =
    short !== null &&
    !line.text.includes(short.text) &&
    shape.type === "number" &&
    (factsOfKind(deps.tools.normalize(line.text), shape, null) ?? []).length > 0;
  const agreed = lineAndShort(line.text, short, best.quote, stated);
  return {
    question,
    answer: agreed.text,
    short: agreed.short,
    abstained: false,
    mode: "extractive",
    citations,
  };
}

/** Any numeral, in digits, in Chinese or Roman (`3400`, `三千四百`, `八成`, `Ⅳ级`, `半数`, `双倍`): what a number answer needs. */
const NUMERAL = new RegExp(`[\\d０-９${CN_DIGITS}\u2160-\u217f]|半数|双倍`, "u");

/** A character of a unit of time (`年`, `小时`, `赛季`, `时日`): a quote with none states no length of time. */
const TIME_UNIT_CHAR = /[年月天日周时季秒旬]/u;

/** A question asking the hour (`几点被查的`, `几点几分`): a time of day answers it. Not `几点建议` (points). */
const ASKS_HOUR = /几点(?!建议|意见|要求|措施|做法|原因|内容|经验|体会|启示)|几时(?!候)/u;

/** Question words: a question holding one asks for a fact, whatever its ending. */
const ASKS_WHICH = /什么|哪|谁|多少|几|怎么|怎样|如何|为什么|为何|何时|何处|何种/u;

/**
 * Whether a normalised question asks yes or no by its ending (`追回来了吗`, `退了没有`), holding no
 * question word (`哪一種商圈比較少或是沒有` asks which: DRCD lost a right answer to the ending alone).
 */
export function asksYesOrNo(normQuestion: string): boolean {
  return YES_NO_END.test(normQuestion) && !ASKS_WHICH.test(normQuestion);
}

/** A question ending as one asking yes or no (`追回来了吗`, `退了没有`); what it asks of comes before. */
const YES_NO_END = /(?:了|过)?(?:吗|(?<![什怎这那多要])么|没有|没)[?？!！。\s]*$/u;

/** A number's unit that may state money: a currency, a bare magnitude (`52亿`, `3000余`), or a share of one (`4%`, `两成`, `一倍`: an indicator asked as money may be answered so). */
const MAY_BE_MONEY = /元|块|%|％|百分|成|倍|美金|镑|欧|卢布|日币|韩币|港币|台币|^[万亿千百余多]*$/u;

/** Units that count people or things, never money (`百名`, `3家`, `12场`). */
const COUNTED_UNIT = new RegExp(
  `^(?:人次|人|名|位|个|家|座|辆|台|套|项|次|批|所|条|只|头|张|部|架|艘|届|期|种|篇|首|款|栋|层|户|间|岁|${GOODS_AND_CASES})$`,
  "u",
);

/** A text with its dates (`8月15日`, `2023年`) and times of day (`8点30分`, `19时`) blanked: they count nothing. */
function withoutDates(text: string): string {
  let rest = text;
  for (const d of findDates(text)) rest = rest.replace(d.text, " ");
  return rest.replace(CLOCK_TIME, " ");
}

/**
 * A time of day: hours with their minutes (`8点30分`, `17时48分`), hours after a day or a part of the day
 * (`29日19时`, `早上6点`), or about an hour (`7点多`, `9时许`). `公羊救援队一共花了多少钱` was answered with `…在早上8点30分
 * 左右，用直升机将被困的5名当地居民救出`: its `8` and `30` read as bare amounts of money. Not `5点建议` (points).
 */
const CLOCK_TIME =
  /(?:(?<=日|凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间)\d{1,2}[点时](?:\d{1,2}分|半|许|多|左右)?|(?<!\d)\d{1,2}[点时](?:\d{1,2}分|许|半(?![年月天]))|(?<!\d)\d{1,2}时(?=[，。、；至到（(]))(?:\d{1,2}秒)?/gu;

/**
 * `宣讲团有多少个志愿者` answered with `…为辖区30多名青少年科普…`: asked to count people of one kind, a quote
 * that never names them and counts only people of another kind (`青少年`) states no count of them. The kind
 * may be named in its everyday alternatives (`孩子` asked, read as `儿童`: `对40余名孩子进行了…宣讲` counts them).
 */
function otherPeopleCounted(
  normQuestion: string,
  normQuote: string,
  alts: ReadonlyMap<string, readonly string[]>,
): boolean {
  const asked = peopleAsked(normQuestion);
  if (asked === null) return false;
  const kinds = [asked, ...(alts.get(asked) ?? [])];
  if (kinds.some((k) => normQuote.includes(k))) return false;
  const counts = [...normQuote.matchAll(PEOPLE_COUNTED)];
  return counts.length > 0 && counts.every((m) => !kinds.includes(m[1] ?? ""));
}
/** A count of people of one kind in a report (`30多名青少年`, `六名…志愿者`): group 1 the kind. */
const PEOPLE_COUNTED = new RegExp(`${PEOPLE_COUNT}(${PEOPLE})`, "gu");

/**
 * `深企进陕签了多少个项目` answered with `…参观产业园区和重点项目…陕(西)深(圳)两地…`: asked to count a
 * thing with `个`, a sentence that neither counts it with any measure word nor states any figure or
 * number with a unit holds no count of it.
 */
function countNowhere(normQuestion: string, normQuote: string): boolean {
  const counted = countedByAny(normQuestion);
  if (counted === null || counted.test(normQuote)) return false;
  // `一个心室` counts one; a figure (`13队球队`) or a number with a unit (`十余家`) may count it too.
  const thing = countedThing(normQuestion) ?? "";
  const rest = withoutDates(normQuote);
  return !rest.includes(`一个${thing}`) && !/\d/u.test(rest) && findNumbers(rest).length === 0;
}

/**
 * A `一` that counts nothing: alone (no numeral beside it, not an ordinal's `第一`) and followed by no
 * measure word or unit, as in `焕然一新`, `一心` — where `一倍`, `一个蛋`, `一成`, `一万` count.
 * `德仁公园占地多少亩` was answered with `…德仁公园升级改造后，面貌焕然一新…`.
 */
const LONE_ONE = new RegExp(
  `(?<![${CN_DIGITS}第])一(?![${CN_DIGITS}]|[个個倍半成名位家次项項条條种種只隻头頭张張部台臺辆輛套批所座户戶间間层層届屆期篇首款栋棟年月天日周週岁歲元件场場起例人口吨噸米亩畝斤克度级級分秒时時股笔筆份轮輪趟遍回集辑輯本册冊章节節枚颗顆粒支把架艘列片块塊处處棵株群对對双雙])`,
  "gu",
);

/**
 * Whether a sentence states a numeral other than in its dates: what an answer to `多少` needs. Asked in
 * years or days (`西元幾年`, `多少天`), a date's numbers count: `1314年` answers `幾年`; asked the hour (`时`, for
 * `几点`), a time of day does (`当晚22时许`).
 */
export function countsAnything(sentence: string, unit: string | null): boolean {
  if (unit !== null && /^(?:年|月|日|天|时)$/u.test(unit)) return NUMERAL.test(sentence);
  // A length of time counts no things (`为期两个月的专项行动` for `查出多少个非法加油点`).
  const undated = withoutDates(sentence);
  const timeless =
    unit !== null && unit !== DURATION_UNIT
      ? findDurations(undated).reduce((text, d) => text.replace(d, " "), undated)
      : undated;
  const rest = timeless.replace(NUMERAL_WORDS, " ").replace(LONE_ONE, " ");
  // Asked an amount of money (`营收多少`), a sentence whose every number counts people or things (`接待百名
  // 志愿者`) states none: money is counted in a currency or a bare magnitude (`52亿`).
  if (unit === "元") {
    const numbers = findNumbers(rest);
    if (numbers.length > 0 && numbers.every((n) => COUNTED_UNIT.test(n.unit))) return false;
    // Nor does one whose every number is in a unit of its own (`净地面积约2.5万平方米` for `租金多少钱`).
    if (numbers.length > 0 && numbers.every((n) => !MAY_BE_MONEY.test(n.unit))) return false;
  }
  return NUMERAL.test(rest);
}

/** A passage's article: its headline and every passage's text, and its date; the passage alone when the source lacks it. */
async function wholeArticle(
  passage: Passage,
  articles: ArticleSource,
): Promise<{ text: string; date: string | undefined }> {
  const [article] = await articles.loadArticles([passage.articleId]);
  if (article === undefined) return { text: `${passage.title}${passage.text}`, date: undefined };
  const passages = await articles.loadPassages(article.passageIds);
  return { text: `${article.title}${passages.map((p) => p?.text ?? "").join("")}`, date: article.date };
}

/**
 * The one zone a line names, verbatim as it spells it (`重庆市高新技术产业开发区`; read on the line itself,
 * since normalising renames zones), or null when it names none or several.
 */
function zoneSpelled(text: string): ShortAnswer | null {
  // Read as the corpus reads zones (a place, then the suffix): `记者从天津滨海高新区` names `天津滨海高新区`.
  const mentions = zoneMentions(text);
  const m = mentions[0];
  if (m === undefined || mentions.some((o) => o.zone !== m.zone)) return null;
  return { text: text.slice(m.index, m.index + m.length), qualifier: null };
}

/**
 * Whether a line names a zone: one the corpus reader recognises, or a name ending in another suffix
 * (`…开发区`); a bare `高新区` after other words (`接下来高新区综合执法局`) is none.
 */
const namesZone = (text: string): boolean =>
  zoneMentions(text).length > 0 || zoneNames(text).some((n) => !n.endsWith(ZONE_UNIT));

/**
 * The answer line and the short answer made to agree: a line leaving the short answer out is re-cut
 * to the clauses of the quote holding it (the short answer's ranker reads the question's words on
 * both sides of a fact, `光谷有多少家高新技术企业` → `高新技术企业5249家`; the clause choice mostly its
 * predicate) unless `keep` (the line states a number of the kind asked); a short answer the line then
 * still does not state would contradict it, and is not shown.
 */
export function lineAndShort(
  text: string,
  short: ShortAnswer | null,
  quote: string,
  keep: boolean,
): { text: string; short: ShortAnswer | null } {
  if (short === null || text.includes(short.text)) return { text, short };
  const recut = keep ? text : lineHolding(text, short.text, quote);
  return { text: recut, short: recut.includes(short.text) ? short : null };
}

/** The line cut to the clauses of `quote` holding `short`, cited; `text` when the quote lacks it. */
function lineHolding(text: string, short: string, quote: string): string {
  const from = quote.indexOf(short);
  if (from < 0) return text;
  const clauses = splitClauses(quote);
  let at = 0;
  let first = -1;
  let last = -1;
  clauses.forEach((c, i) => {
    if (first < 0 && at + c.length > from) first = i;
    if (last < 0 && at + c.length >= from + short.length) last = i;
    at += c.length;
  });
  if (first < 0 || last < 0) return text;
  // A clause that is the fact alone (`2003年12月，`) is read with the next, saying what happened then.
  const alone = [...tidy(clauses.slice(first, last + 1).join(""))].length <= [...short].length + 2;
  if (alone && last + 1 < clauses.length) last += 1;
  return `${tidy(withoutDateline(clauses.slice(first, last + 1).join(""), true))}[1]。`;
}

/**
 * The answer line: the best pick's span, cited. A `哪个高新区` question whose span names no zone is
 * answered with the article's zone first (`珠海高新区：1-5月，园区实际利用外资5891万美元`; `zone` says
 * which); a `哪些` question gathers the sentences of every cited article that names what is asked, each
 * cited (`gathered` says whether any was added).
 */
function answerLine(
  best: SentencePick,
  cited: readonly SentencePick[],
  shape: QuestionShape,
  normQuestion: string,
  normalize: (s: string) => string,
): { text: string; zone: string | null; gathered: boolean } {
  // A lead's dateline or byline (`胡某通讯员张某8月12日，…`, `中新网8月1日电 …`) is not the fact: the
  // line starts after it, unless the date it gives is what was asked (a `原标题：` label goes always).
  // `哪个高新区…`: the bold names the zone, so the line is the sentence saying what it did when that is
  // short (`…走访结对帮扶的白石村，向村里捐款12万元…`; the clause naming the zone left out the donation).
  const whole =
    shape.unit === ZONE_UNIT && !asksForSeveral(normQuestion) && [...best.sentence].length <= ZONE_LINE_CHARS;
  const cut = whole ? tidy(best.sentence) : partAsked(best.span, shape, normQuestion, normalize);
  const stripped = withoutDateline(
    shape.unit === ZONE_UNIT ? withWhatWasLearnt(cut, best.sentence) : cut,
    shape.type === "date",
  );
  // The figure asked may stand in the headline the source ran into the dateline (`16条中小河流出现涨水
  // 过程中新网重庆7月21日电…`): the line is then that headline, not the dateline's sentence without it.
  const facts = (text: string) => factsOfKind(normalize(text), shape, null) ?? [];
  const glued =
    shape.type === "number" && stripped !== cut && facts(stripped).length === 0 ? gluedHeadline(cut) : null;
  const span = glued !== null && facts(glued).length > 0 ? glued : stripped;
  let line = `${span}[1]`;
  let named: string | null = null;
  if (shape.unit === ZONE_UNIT && !namesZone(normalize(best.span))) {
    const zone = best.passage.mainZone ?? best.passage.zones[0];
    if (zone !== undefined) {
      line = `${zone}：${line}`;
      named = zone;
    }
  }
  let gathered = false;
  if (shape.type === "entity" && asksForSeveral(normQuestion)) {
    const articles = new Set([best.passage.articleId]);
    cited.forEach((p, i) => {
      if (i === 0 || !p.typed || articles.has(p.passage.articleId)) return;
      articles.add(p.passage.articleId);
      line += `；${tidy(p.sentence)}[${i + 1}]`;
      gathered = true;
    });
  }
  // A span ending inside a quote has its full stop already (`…污染。”[1]`).
  return { text: /[。！？!?][”』」"]$/u.test(span) && !gathered ? line : `${line}。`, zone: named, gathered };
}

/**
 * A clause that only says where the news came from (`记者从天津滨海高新区获悉`) with the clause after it,
 * which says what: a which-zone line names the zone and what it did.
 */
function withWhatWasLearnt(span: string, sentence: string): string {
  const from = sentence.indexOf(span);
  if (!/(?:获悉|了解到|得知)$/u.test(span) || from < 0) return span;
  const clauses = splitClauses(sentence);
  let at = 0;
  for (const [i, c] of clauses.entries()) {
    at += c.length;
    if (at >= from + span.length) {
      const next = clauses[i + 1];
      return next === undefined ? span : tidy(sentence.slice(from, at + next.length));
    }
  }
  return span;
}

/** Character pairs of the question the part asked for shares beyond any other part's. */
const PART_LEAD = 3;

/**
 * Of a span listing like facts in parts (`高技术制造业…同比增长41.5%…；科技型中小企业贷款余额2.36万亿元，
 * 同比增长25.1%…；…`), the part on what a number question asks: the one stating a number of its kind
 * that shares the most of the question's character pairs, when it shares {@link PART_LEAD} more than
 * any other (`自研游戏销售收入` asked: `中国自主研发游戏国内市场…` shares two fewer than `自研游戏海外市场…`,
 * and is the answer).
 */
function partAsked(
  span: string,
  shape: QuestionShape,
  normQuestion: string,
  normalize: (s: string) => string,
): string {
  if (shape.type !== "number" || !/[；;]/u.test(span)) return span;
  const pairs = bigrams(normQuestion);
  const parts = span
    .split(/(?<=[；;])/u)
    .map((part) => {
      const norm = normalize(part);
      const typed = (factsIn(norm, shape, null) ?? []).length > 0;
      return { part, score: typed ? [...pairs].filter((b) => norm.includes(b)).length : -1 };
    })
    .sort((a, b) => b.score - a.score);
  const [first, second] = parts;
  if (first === undefined || second === undefined || first.score < second.score + PART_LEAD) return span;
  return tidy(first.part);
}

/** Longest sentence a which-zone question's line shows whole. */
const ZONE_LINE_CHARS = 90;

/** Words of a byline question that say what is asked, not which article: they prove nothing. */
const BYLINE_WORDS = /^(?:记者|作者|撰稿|撰稿人|通讯员|报道|文章|新闻|写|谁)$/;

/**
 * A question about who reported an article, answered from the byline of the best article that has
 * one and that the question identifies (by a zone it names or a word of its headline), cited.
 */
function bylineAnswer(
  question: string,
  asked: string,
  picks: readonly SentencePick[],
  zones: readonly string[],
  tools: TextTools,
): Answer | null {
  const words = tools
    .words(asked)
    .map((w) => tools.normalize(w))
    .filter((w) => [...w].length >= 2 && !BYLINE_WORDS.test(w));
  const pick = picks.find((p) => {
    if (p.passage.byline === null) return false;
    const title = tools.normalize(p.passage.title);
    return zones.some((z) => p.passage.zones.includes(z)) || words.some((w) => title.includes(w));
  });
  if (pick === undefined || pick.passage.byline === null) return null;
  return {
    question,
    answer: `《${pick.passage.title}》的署名是${pick.passage.byline}[1]。`,
    short: { text: pick.passage.byline, qualifier: null },
    abstained: false,
    mode: "extractive",
    citations: [citation(1, pick)],
  };
}
