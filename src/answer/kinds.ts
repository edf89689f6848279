/**
 * The kinds of question people ask, told apart before answering: a fact (the default), an overview
 * of a zone or topic (`X有什么新闻`, `X最近怎么样`, `介绍一下X`), how something was done (`怎么稳就业的`,
 * `采取了哪些措施`), or several facts at once (`多少家、复工率多少`). Pure, over the normalised question.
 */
import {
  ACTOR,
  BOTH_ASKED,
  COUNTED_PAIR,
  EVENTS_ASKED,
  HOW_ASKED,
  MEASURES_ASKED,
  NEWS_ASKED,
  OVERVIEW_ASKED,
  SEVERAL_SPLIT,
  STATE_ASKED,
  TIME_WORDS,
} from "./question-words.js";

/** What a question asks for, as a kind of answer. */
export type QuestionKind = "fact" | "overview" | "how" | "several";

/** A question's kind and what the answer needs to know of it. */
export interface QuestionIntent {
  kind: QuestionKind;
  /** Whether it asks for what is newest (`最近`, `最新`, `近期`, `目前`): the newest articles first. */
  recent: boolean;
  /** An overview's subject besides its zones (`5G` of `西安高新区5G有什么新闻`); empty for a zone alone. */
  topic: string;
  /** The parts of a several-facts question, in the question's order (each with its own question word). */
  parts: string[];
}

/** A question word in a part of a several-facts question. */
const ASKS = /多少|几(?=[个家人名位次年月日天种项条岁十百千万亿倍成号]|$)|什么时候|哪一?年|哪个|哪些|谁|什么/;

/** Marks and emoji a question ends with (`？？？`, `😀`, `👍🏻`, `❤️`), joiners and skin tones too. */
const TRAILING = /(?:[?？!！。.~～\s]|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})+$/u;

/**
 * The kind of a normalised question (conversational wrappers already out, see `plainQuestion`);
 * `zones` are the zones it names, which an overview's subject may be alone; `withoutZones` takes every
 * spelling of a zone out of a text (`光谷`); `endsWithPlace` tells whether a text ends with a place name.
 */
export function questionIntent(
  normQuestion: string,
  zones: readonly string[],
  withoutZones: (text: string) => string = (t) => t,
  endsWithPlace: (text: string) => boolean = () => false,
): QuestionIntent {
  // A chat message often ends in emoji (`最近怎么样😀`): they end the question as its marks do.
  const q = normQuestion.replace(TRAILING, "");
  const recent = TIME_WORDS.test(q);
  const fact: QuestionIntent = { kind: "fact", recent, topic: "", parts: [] };
  const subjectOf = (rest: string): string => {
    let topic = withoutZones(rest);
    for (const z of zones) topic = topic.replaceAll(z, "");
    // `环保方面`, `人才相关`: the field is the topic, the word for "field" is not (no article says it).
    return (
      topic
        .replace(new RegExp(TIME_WORDS.source, "g"), "")
        .replace(/(?:方面|领域|相关|这块|这一块)(?:的)?$/u, "")
        // `成都高新区和重庆高新区各有几篇`: with the zones out, what joined them and counted them goes too.
        .replace(/^(?:[和与及、跟同]|以及)+|(?:[和与及、跟同]|以及)?(?:各|分别|一共|总共|都)$/gu, "")
        .replace(/^[的的了，,\s]+|[的了，,\s]+$/gu, "")
        // `说说最近的新闻`: the news itself is no topic.
        .replace(/^(?:新闻|消息|报道|动态|新鲜事|近况)$/u, "")
    );
  };
  const intro = OVERVIEW_ASKED.exec(q);
  if (intro?.[1] !== undefined) return { ...fact, kind: "overview", topic: subjectOf(intro[1]) };
  const news = NEWS_ASKED.exec(q);
  // `有什么新闻`, `最新消息` asked of nothing: what is new in the corpus as a whole.
  if (news !== null) {
    return { ...fact, kind: "overview", recent: true, topic: subjectOf(q.slice(0, news.index)) };
  }
  // `重庆高新区最近有什么诈骗案`: the zone's news on 诈骗; `有哪些活动` asked of no zone and no time is a fact.
  const events = EVENTS_ASKED.exec(q);
  if (events !== null && (zones.length > 0 || recent)) {
    const kind = events[1] ?? "";
    const topic = subjectOf(q.slice(0, events.index)) + (kind !== "" || events[2] !== "活动" ? kind : "活动");
    return { ...fact, kind: "overview", recent: true, topic };
  }
  // `郴州高新区最近怎么样`: about a zone and nothing else; `成都大运会的赛事组织如何` asks a fact.
  const state = STATE_ASKED.exec(q);
  const situation = state === null ? "" : subjectOf(q.slice(0, state.index));
  if (state !== null && (zones.length > 0 || state.index === 0) && situation === "")
    return { ...fact, kind: "overview", recent: true };
  // `涿州受灾情况怎么样`: the news on 涿州 and 受灾, each article's sentence stating it (no article: a fact).
  // `片仔癀最近怎么样`: asked with a time word, how a thing is doing is its news too.
  if (situation !== "" && (state?.[0].startsWith("情况") || TIME_WORDS.test(state?.[0] ?? "")))
    return { ...fact, kind: "overview", recent: true, topic: situation };
  // `淮南是怎么整治非法卖油的`: a city (the words before `怎么` end with a place) acts as a zone does.
  const how = HOW_ASKED.exec(q);
  const actor =
    zones.length > 0 ||
    ACTOR.test(q) ||
    (how !== null && endsWithPlace(q.slice(0, how.index).replace(/是$/u, "")));
  // `珠海高新区有哪些举措`, `兰州高新区干了啥`: what a zone did, on no topic, is its news.
  const measures = MEASURES_ASKED.exec(q);
  if (
    measures !== null &&
    zones.length > 0 &&
    subjectOf(q.slice(0, measures.index) + q.slice(measures.index + measures[0].length)) === ""
  )
    return { ...fact, kind: "overview", recent: true };
  if ((measures !== null || (how !== null && actor)) && !/多少/.test(q)) return { ...fact, kind: "how" };
  // `复工率和复工企业数分别是多少`: each thing with the question word (`复工率是多少`, `复工企业数是多少`);
  // `保险公司和外包公司分别赔了多少`: with the verb asked (`保险公司赔了多少`).
  const both = BOTH_ASKED.exec(q);
  if (both !== null && !ASKS.test(both[1] ?? "") && !ASKS.test(both[2] ?? "")) {
    const asked = `${both[3] ?? "是"}${both[4]}`;
    const first = `${both[1]}${sharedTail(both[1] ?? "", both[2] ?? "")}`;
    return { ...fact, kind: "several", parts: [`${first}${asked}`, `${both[2]}${asked}`] };
  }
  // `发现了多少问题和线索`: each thing counted (`发现了多少问题`, `发现了多少线索`).
  const pair = COUNTED_PAIR.exec(q);
  if (pair !== null && !ASKS.test(q.slice(0, pair.index))) {
    const asked = `${q.slice(0, pair.index)}${pair[1]}`;
    return { ...fact, kind: "several", parts: [`${asked}${pair[2]}`, `${asked}${pair[3]}`] };
  }
  const parts = q.split(SEVERAL_SPLIT).filter((p) => p.trim() !== "");
  if (parts.length >= 2 && parts.every((p) => ASKS.test(p))) return { ...fact, kind: "several", parts };
  return fact;
}

/**
 * What the second of two coordinated things adds after the head they share, which applies to both:
 * `工业投资和民间投资增速` asks both growth rates (`投资` shared, `增速` after it); `宏基站和微基站` adds
 * nothing. Empty when the first's last two characters are not in the second.
 */
function sharedTail(first: string, second: string): string {
  const head = [...first].slice(-2).join("");
  if (!/^\p{Script=Han}{2}$/u.test(head)) return "";
  const at = second.lastIndexOf(head);
  return at < 0 ? "" : second.slice(at + head.length);
}
