/**
 * How questions (`郴州高新区怎么稳就业的`, `是如何布局5G的`, `采取了哪些措施`): up to
 * {@link MAX_MEASURES} sentences of the best article that state what was done — who did what, with
 * figures where given — not evaluations (`这是…又一例`, `具有重要意义`), in the article's order, each cited.
 */

import type { Passage } from "../index/types.js";
import {
  type ArticleSentence,
  type ArticleSource,
  articleHeadline,
  articleSentences,
  captionLength,
  lineSentence,
  passageSentences,
  sentenceCitation,
  withoutDateline,
} from "./article-text.js";
import { findNumbers } from "./evidence.js";
import type { SentencePick } from "./extractive.js";
import type { TextTools } from "./passage.js";
import { questionTerms, stated } from "./question-terms.js";
import { ACTION_VERBS, EVALUATIVE, HOW_ASKED, MEASURES_ASKED, REACTION } from "./question-words.js";
import type { Answer } from "./types.js";

/** Sentences a how answer lists at most. */
export const MAX_MEASURES = 4;

/**
 * Weights of a sentence in a how answer: the question's topic (its words, idf-weighted, zones out),
 * an action verb, a figure, and what makes a sentence not a measure. Set by hand on the page's how
 * questions and checked on the 2023 zone news (docs/quality.md, "Kinds of question").
 */
const MEASURE_WEIGHTS = {
  /** Share of the question's topic words the sentence states. */
  topic: 1,
  /** The sentence has an action verb (`建立`, `开辟`, `发放` …). */
  action: 0.5,
  /** The sentence states a figure with a unit (`836人`, `238万元`). */
  figure: 0.25,
  /** A quoted remark (`“…”某某说。`): someone's words, not the zone's action. */
  remark: -0.3,
  /** Below this a sentence is not listed. */
  floor: 0.45,
} as const;

/** A sentence ending with who said the words before it (`…陈老伯拿着宣传单说道。`). */
const SAID_BY = /(?:说道|感慨道|感叹道|笑着说|笑道)[。！!]?$/u;

/** A headline repeated or a source line (`（原标题：…）来源：`): not something reported. */
const NOT_REPORT = /原标题|来源[:：]|责任编辑|^[（(【]/;

/** The article's sentences: all of them from the source, or those of its retrieved passages. */
async function sentencesOf(
  best: Passage,
  picks: readonly SentencePick[],
  articles: ArticleSource | undefined,
): Promise<ArticleSentence[]> {
  const summary = articles === undefined ? undefined : (await articles.loadArticles([best.articleId]))[0];
  if (articles !== undefined && summary !== undefined) return articleSentences(articles, summary);
  return passageSentences([
    ...new Map(
      picks.filter((p) => p.passage.articleId === best.articleId).map((p) => [p.passage.id, p.passage]),
    ).values(),
  ]);
}

/**
 * The how answer from the first of the picks' articles, in their order, that states two measures on the
 * question's topic — after the first, only articles about a zone the question names
 * (`武汉东湖高新区怎么反诈的`: the first tells of one event, a later one of the police's lessons to 500
 * companies) — or null when none does (the caller then answers as for a fact). A measure states more
 * than `minTopic` of the topic's weight (any of it by default).
 */
export async function howAnswer(
  question: string,
  normQuestion: string,
  picks: readonly SentencePick[],
  zones: readonly string[],
  tools: TextTools,
  articles: ArticleSource | undefined,
  minTopic = 0,
): Promise<Answer | null> {
  // Past the first article only to another about a zone the question names: asked of no zone, a
  // later article's `措施` are another story's (`五部门…采取了什么措施` listed a second policy's).
  const firsts = picks.filter(
    (p, i) =>
      picks.findIndex((q) => q.passage.articleId === p.passage.articleId) === i &&
      (i === 0 || (p.passage.mainZone !== null && zones.includes(p.passage.mainZone))),
  );
  for (const best of firsts) {
    const answer = await articleMeasures(
      question,
      normQuestion,
      best,
      picks,
      zones,
      tools,
      articles,
      minTopic,
    );
    if (answer !== null) return answer;
  }
  return null;
}

/** The how answer from `best`'s article, or null when it states fewer than two measures on the topic. */
async function articleMeasures(
  question: string,
  normQuestion: string,
  best: SentencePick,
  picks: readonly SentencePick[],
  zones: readonly string[],
  tools: TextTools,
  articles: ArticleSource | undefined,
  minTopic: number,
): Promise<Answer | null> {
  const sentences = await sentencesOf(best.passage, picks, articles);
  // The topic is what was done (`稳就业`, `布局5G`), not who did it: the zone and the words before the
  // question's `怎么`/`采取` (`马会`, `兰州高新区的党组织`) name the actor every sentence shares.
  const asked = HOW_ASKED.exec(normQuestion) ?? MEASURES_ASKED.exec(normQuestion);
  // `X反诈做了啥`: what was done comes before `做了`, so only the zone names the actor there.
  const doneLast = asked !== null && /^[做干]了/u.test(asked[0]);
  const actor = asked === null || doneLast ? "" : normQuestion.slice(0, asked.index);
  const terms = questionTerms(normQuestion, tools).filter(
    (t) => !zones.some((z) => z.includes(t.word) || t.word.includes(z)) && !actor.includes(t.word),
  );
  // Over the decision to decline, the topic must be named: `重庆高新区防汛是怎么做的` leaves only `做`.
  if (minTopic > 0 && !terms.some((t) => [...t.word].length >= 2)) return null;
  const total = terms.reduce((s, t) => s + t.weight, 0) || 1;
  const w = MEASURE_WEIGHTS;
  const title = tools.normalize(best.passage.title).replace(/[\s。！？!?]+$/u, "");
  const scored = sentences.map((s) => {
    const norm = tools.normalize(s.sentence);
    // The headline repeated as the first line of the text is what the article is about, not a measure.
    const headline = norm.replace(/[\s。！？!?]+$/u, "") === title;
    if (EVALUATIVE.test(norm) || NOT_REPORT.test(norm) || headline)
      return { s, topic: 0, score: Number.NEGATIVE_INFINITY };
    const topic = terms.reduce((sum, t) => sum + topicShare(norm, t), 0) / total;
    // Who said the words quoted before it (`…巨桥村村民陈老伯拿着志愿者给的宣传单说道`): a remark's tail.
    const saidBy = SAID_BY.test(s.sentence);
    // The sentence that answers the question best (as for a fact) is listed whatever its verbs, unless
    // it only says who spoke.
    if (s.passage.id === best.passage.id && s.sentence === best.sentence && !saidBy)
      return { s, topic, score: 10 };
    const action = ACTION_VERBS.test(norm) ? 1 : 0;
    const figure = findNumbers(norm).some((n) => n.unit !== "") ? 1 : 0;
    const remark = saidBy || /^[“"]|[”"][^，。]{0,30}(?:说|表示)[。！]?$/u.test(s.sentence) ? 1 : 0;
    // How people took it (`大家纷纷表示…`), and a caption or subhead (`防溺水安全知识宣讲活动。`) naming
    // an event: neither says who did what.
    const caption = captionLength(s.sentence) && figure === 0;
    if (caption || REACTION.test(withoutDateline(norm))) return { s, topic, score: Number.NEGATIVE_INFINITY };
    const score = w.topic * topic + w.action * action + w.figure * figure + w.remark * remark;
    return { s, topic, score: action === 0 ? Number.NEGATIVE_INFINITY : score };
  });
  // A measure is on the question's topic: it states some of it (an event the article reports before
  // the measures, `毒马案…揭发案件`, states none of `采取…措施`).
  const chosen = scored
    .filter((x) => x.score >= w.floor && x.topic > minTopic)
    .sort((a, b) => b.score - a.score || a.s.at - b.s.at)
    .slice(0, MAX_MEASURES)
    .map((x) => x.s)
    .sort((a, b) => a.at - b.at);
  // One measure is a fact: answered as one, with its span. A list needs two sentences on the question's topic.
  if (chosen.length < 2 || scored.filter((x) => chosen.includes(x.s) && x.topic > minTopic).length < 2)
    return null;
  const headline = articleHeadline(
    best.passage.title,
    sentences.map((s) => s.sentence),
  );
  // A lead's dateline and byline are not a measure, nor the subtitle the feed ran into it: the line starts
  // after them (the citation keeps them).
  const lines = chosen.map(
    (s, i) => `${i + 1}. ${withoutDateline(lineSentence(s)).replace(/[。！？!?]+$/u, "")}[${i + 1}]`,
  );
  return {
    question,
    answer: `据《${headline}》：\n${lines.join("\n")}`,
    abstained: false,
    mode: "extractive",
    kind: "how",
    citations: chosen.map((s, i) => sentenceCitation(i + 1, s)),
  };
}

/**
 * How much of a topic word a sentence states: all of it when stated, half when a four-character word
 * is not but one of its two-character halves is (`招商引资` is `招商` + `引资`: `组建12支招商队伍`).
 */
function topicShare(norm: string, t: { word: string; weight: number; alts?: readonly string[] }): number {
  if (stated(norm, t)) return t.weight;
  const chars = [...t.word];
  if (chars.length !== 4) return 0;
  const halves = [chars.slice(0, 2).join(""), chars.slice(2).join("")];
  return halves.some((h) => norm.includes(h)) ? t.weight / 2 : 0;
}
