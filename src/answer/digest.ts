/**
 * Overviews (`西安高新区有什么新闻`, `郴州高新区最近怎么样`, `介绍一下珠海高新区`, `5G有什么新闻`): a short
 * digest of the zone's or topic's articles, newest first — each line its date, its headline (or a
 * stand-in made from its lead) and the one sentence stating its main fact, cited — the articles about
 * the zone before those that mention it in passing, at most {@link DIGEST_ARTICLES}, then how many
 * more there are and where to see them.
 */
import { ORIGINAL_TITLE } from "../corpus/news-marks.js";
import { ZONE_SUFFIX } from "../corpus/zones.js";
import type { ArticleSummary } from "../index/types.js";
import type { AnswerDeps } from "./answer.js";
import {
  type ArticleSentence,
  type ArticleSource,
  articleHeadline,
  articleSentences,
  captionLength,
  lineSentence,
  newestFirst,
  QUOTED_WHOLE,
  reprintSentences,
  sameStory,
  sentenceCitation,
  shortened,
} from "./article-text.js";
import { findNumbers } from "./evidence.js";
import type { TextTools } from "./passage.js";
import { ATTENDANCE, EVALUATIVE } from "./question-words.js";
import type { Answer, Citation } from "./types.js";

/** Articles a digest lists at most: five lines fit one Discord message with their sources. */
export const DIGEST_ARTICLES = 5;

/** Passages a topic digest reads to find its articles. */
const TOPIC_PASSAGES = 40;

/** What a digest needs besides the question. */
export type DigestDeps = Pick<AnswerDeps, "retrieve" | "tools" | "findZones"> & {
  articles: ArticleSource;
  /** Every zone the corpus covers: what is new in the corpus as a whole is read from them. */
  knownZones?: ReadonlySet<string>;
};

/** One article of a digest: its summary, whether it is about the zone, and its main sentence. */
interface Entry {
  article: ArticleSummary;
  about: boolean;
  main: ArticleSentence;
  headline: string;
  /** Its main sentence normalised, and its long sentences (`reprintSentences`): what a reprint repeats. */
  said: string;
  sentences: ReadonlySet<string>;
}

/**
 * The sentence stating an article's main fact: for an article about the subject, the early sentence
 * that names it and states a figure (the lede, usually), not an evaluation — for a topic (`topical`), of
 * the sentences stating it wherever they stand; otherwise the first sentence that mentions the subject
 * (so the line says why the article is listed).
 */
function mainSentence(
  sentences: readonly ArticleSentence[],
  mentioned: readonly boolean[],
  about: boolean,
  tools: TextTools,
  topical = false,
): ArticleSentence | undefined {
  if (!about) return sentences.find((s) => mentioned[s.at]) ?? sentences[0];
  // A topic's digest (`珠海高新区复工有什么新闻`) shows the sentence stating the topic, wherever it stands.
  const stating = topical ? sentences.filter((s) => mentioned[s.at]) : [];
  let best: ArticleSentence | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const s of stating.length > 0 ? stating : sentences.slice(0, 6)) {
    const norm = tools.normalize(s.sentence);
    const score =
      (mentioned[s.at] ? 1 : 0) +
      // A figure, not a vague number (`几千年的历史演进`, `数十年来`): the story's own fact.
      (findNumbers(norm).some((n) => n.unit !== "" && !vague(norm, n)) ? 0.5 : 0) -
      (EVALUATIVE.test(norm) ? 2 : 0) -
      (ATTENDANCE.test(norm) ? 1 : 0) -
      // A question the story asks (`林纬奇之后，谁来担任片仔癀的董事长？`) states nothing.
      (/[？?][”"]?$/u.test(s.sentence.trim()) ? 1 : 0) -
      // Someone's words quoted whole (`“公司产能不足的问题很快缓解…”`) are the story's hook, not its fact.
      (QUOTED_WHOLE.test(s.sentence.trim()) ? 1 : 0) -
      (captionLength(s.sentence) ? 1 : 0) -
      // A republished story's `原标题：` line is its headline, shown already.
      (ORIGINAL_TITLE.test(s.sentence) ? 2 : 0) -
      0.15 * s.at;
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

/** A number that states no figure: `几千年`, `数十家` (现代汉语词典：几，表示大于一而小于十的不定的数目). */
const vague = (norm: string, n: { text: string; index: number }): boolean =>
  /^[几幾数數]/u.test(n.text) || /[几幾数數]$/u.test(norm.slice(0, n.index));

/** Articles a digest reads at most to tell those about its zone from those mentioning it in passing. */
const DIGEST_READ = 30;

/** The articles of a topic (`5G`): those whose retrieved passages state every word of it, in order of retrieval. */
async function topicArticles(
  topic: string,
  zones: readonly string[],
  deps: DigestDeps,
): Promise<ArticleSummary[]> {
  const words = [...new Set(deps.tools.words(topic).map((w) => deps.tools.normalize(w)))];
  const hits = await deps.retrieve(`${zones.join(" ")} ${topic}`.trim(), TOPIC_PASSAGES, zones);
  const ids: string[] = [];
  for (const h of hits) {
    const text = deps.tools.normalize(`${h.passage.title} ${h.passage.text}`);
    if (words.length > 0 && words.every((w) => text.includes(w)) && !ids.includes(h.passage.articleId))
      ids.push(h.passage.articleId);
  }
  const found = (await deps.articles.loadArticles(ids)).filter((a): a is ArticleSummary => a !== undefined);
  return zones.length === 0 ? found : found.filter((a) => zones.some((z) => a.zones.includes(z)));
}

/** The articles found for an overview and the entries to show, the articles about it first. */
interface Digest {
  found: ArticleSummary[];
  entries: (Entry & { date: string | undefined })[];
  /** How many of the articles read were copies of a story listed (another site's reprint), not listed again. */
  copies: number;
}

/** The entries of a digest of `zone` and/or `topic`: at most `max`, about the subject first, newest first. */
async function digestOf(
  zone: string | undefined,
  zones: readonly string[],
  topic: string,
  deps: DigestDeps,
  max: number,
): Promise<Digest> {
  const found =
    topic !== ""
      ? await topicArticles(topic, zones, deps)
      : zone !== undefined
        ? await deps.articles.zoneArticles(zone)
        : [];
  if (found.length === 0) return { found, entries: [], copies: 0 };
  const words = deps.tools.words(topic).map((w) => deps.tools.normalize(w));
  const mentions = (sentence: string): boolean => {
    const norm = deps.tools.normalize(sentence);
    return zone === undefined || topic !== ""
      ? words.every((w) => norm.includes(w))
      : deps.findZones(norm).includes(zone);
  };
  // Read the likeliest first: the articles whose main zone it is, newest first.
  const likely = (a: ArticleSummary) => zone === undefined || a.mainZone === zone;
  const reading = [...newestFirst(found.filter(likely)), ...newestFirst(found.filter((a) => !likely(a)))];
  const about: Entry[] = [];
  const passing: Entry[] = [];
  let copies = 0;
  for (const article of reading.slice(0, DIGEST_READ)) {
    if (about.length >= max) break;
    const sentences = await articleSentences(deps.articles, article);
    let mentioned = sentences.map((s) => mentions(s.sentence));
    // An article whose zone was read from a bare `高新区` (`鞍山市…高新区转移9人`, corpus/zones.ts `bareZone`)
    // names it only so: those sentences are where it is mentioned.
    if (zone !== undefined && topic === "" && article.mainZone === zone && !mentioned.some(Boolean))
      mentioned = sentences.map((s) => ZONE_SUFFIX.test(s.sentence));
    // About the subject: named in the headline or lead, or more than once; else mentioned in passing.
    // A topic of several words (`涿州受灾`) is about an article only where one sentence states them all.
    const isAbout =
      (topic !== "" && mentioned.some(Boolean)) ||
      mentions(article.title) ||
      mentioned.slice(0, 2).some(Boolean) ||
      mentioned.filter(Boolean).length >= 2;
    const main = mainSentence(sentences, mentioned, isAbout, deps.tools, topic !== "");
    if (main === undefined) continue;
    // A reprint (another site's copy: its main sentence the same, or two of its sentences word for word
    // in a story already listed, its lead rewritten: `原标题：…` run into it) is one story: listed once,
    // the newest copy.
    const said = deps.tools.normalize(main.sentence);
    const own = reprintSentences(sentences.map((x) => deps.tools.normalize(x.sentence)));
    const copied = (e: Entry) => e.said === said || sameStory(own, e.sentences);
    if (about.some(copied)) {
      copies++;
      continue;
    }
    // A copy about the subject stands for the story where another copy only mentioned it.
    const passed = passing.findIndex(copied);
    if (passed >= 0) {
      copies++;
      if (!isAbout) continue;
      passing.splice(passed, 1);
    }
    (isAbout ? about : passing).push({
      article,
      about: isAbout,
      main,
      headline: articleHeadline(
        article.title,
        sentences.map((s) => s.sentence),
      ),
      said,
      sentences: own,
    });
  }
  const entries = [
    ...newestFirst(about.map((e) => ({ ...e, date: e.article.date }))),
    ...newestFirst(passing.map((e) => ({ ...e, date: e.article.date }))),
  ].slice(0, max);
  return { found, entries, copies };
}

/** One digest line: date, headline (`（提及）` when the article mentions the subject in passing), main sentence, cited. */
const entryLine = (e: Entry, n: number): string => {
  const date = e.article.date !== undefined ? `${e.article.date} ` : "";
  return `${date}《${e.headline}》${e.about ? "" : "（提及）"}：${shortened(lineSentence(e.main))}[${n}]`;
};

/**
 * The digest answer to an overview question about `zones` (the first names the digest) and/or a
 * `topic`; several zones and no topic (`成都高新区和重庆高新区各有几篇报道`) get a line each: the count and
 * the newest article. Declines, with no sources, when there is neither or nothing is found.
 */
export async function overviewAnswer(
  question: string,
  zones: readonly string[],
  topic: string,
  deps: DigestDeps,
  max = DIGEST_ARTICLES,
): Promise<Answer> {
  const zone = zones[0];
  // The topic as the question spells it (`5G`, not the normalised `5g`).
  const at = question.toLowerCase().indexOf(topic);
  const shown = topic !== "" && at >= 0 ? question.slice(at, at + topic.length) : topic;
  const subject = `${zone ?? ""}${shown}`;
  const declined = (answer: string): Answer => ({
    question,
    answer,
    abstained: true,
    mode: "extractive",
    kind: "overview",
    citations: [],
  });
  if (subject === "") {
    // `最近有什么新闻`, of no zone or topic: the zones with the newest articles about them, each its
    // newest one; a zone whose newest is only a mention is passed over.
    // Each zone's articles are read once, for the order and again for its line.
    const read = new Map<string, Promise<ArticleSummary[]>>();
    const articles: ArticleSource = {
      zoneArticles(zone) {
        const found = read.get(zone) ?? deps.articles.zoneArticles(zone);
        read.set(zone, found);
        return found;
      },
      loadArticles: (ids) => deps.articles.loadArticles(ids),
      loadPassages: (ids) => deps.articles.loadPassages(ids),
    };
    const ranked = await zonesByNewest([...(deps.knownZones ?? [])], articles);
    const digests: [string, Digest][] = [];
    for (const zone of ranked.slice(0, DIGEST_READ)) {
      if (digests.length >= max) break;
      const d = await digestOf(zone, [zone], "", { ...deps, articles }, 1);
      if (d.entries[0]?.about === true) digests.push([zone, d]);
    }
    if (digests.length === 0)
      return declined(
        "想了解哪个高新区或哪方面的新闻？请在问题里说出来，例如：西安高新区有什么新闻。用 /zones 查看全部高新区。",
      );
    const more = ranked.length - digests.length;
    // The line shows the zone's newest article about it, which may be older than one naming it first.
    const shown = newestFirst(digests.map((d) => ({ d, date: d[1].entries[0]?.date }))).map((x) => x.d);
    return zonesLines(question, shown, {
      head: "各高新区的最新报道（最新在前）：",
      tail:
        more > 0
          ? `另有 ${more} 个高新区的报道，用 /zones 查看全部，用 /zone 加高新区名称查看一个高新区。`
          : "用 /zone 加高新区名称查看一个高新区的全部报道。",
    });
  }
  if (zones.length > 1 && topic === "") return zonesAnswer(question, zones.slice(0, max), deps);
  const { found, entries, copies } = await digestOf(zone, zones, topic, deps, max);
  if (entries.length === 0) return declined(`语料中没有关于${subject}的报道。`);
  const citations: Citation[] = entries.map((e, i) => sentenceCitation(i + 1, e.main));
  const lines = entries.map((e, i) => `${i + 1}. ${entryLine(e, i + 1)}`);
  // Copies of a listed story are said apart from the articles not shown: `另有 2 篇` sent a reader to
  // `/zone` for two reprints of what they had just read.
  const more = found.length - entries.length - copies;
  const merged = copies > 0 ? `（${copies} 篇转载已并入上面的报道）` : "";
  let tail = "";
  if (more > 0 && zone !== undefined && topic === "")
    tail = `\n另有 ${more} 篇，用 /zone ${zone} 查看全部${merged}。`;
  else if (more > 0) tail = `\n另有 ${more} 篇相关报道${merged}。`;
  else if (copies > 0) tail = `\n另有 ${copies} 篇是上面报道的转载。`;
  return {
    question,
    answer: `${subject}的报道（共 ${found.length} 篇，最新在前）：\n${lines.join("\n")}${tail}`,
    abstained: false,
    mode: "extractive",
    kind: "overview",
    citations,
  };
}

/**
 * The zones ordered by the date of their newest article about them (its main zone; one naming a zone
 * in passing does not make it news of that zone, and an article about several is listed once), newest
 * first, ties in the corpus's order.
 */
async function zonesByNewest(zones: readonly string[], articles: ArticleSource): Promise<string[]> {
  const dated = await Promise.all(
    zones.map(async (zone) => {
      const about = (await articles.zoneArticles(zone)).filter((a) => a.mainZone === zone);
      return { zone, found: about.length > 0, date: newestFirst(about)[0]?.date };
    }),
  );
  return newestFirst(dated.filter((d) => d.found)).map((d) => d.zone);
}

/** Several zones at once: per zone, how many articles and its newest one, cited; zones with none say so. */
async function zonesAnswer(question: string, zones: readonly string[], deps: DigestDeps): Promise<Answer> {
  const digests: [string, Digest][] = [];
  for (const zone of zones) digests.push([zone, await digestOf(zone, [zone], "", deps, 1)]);
  return zonesLines(question, digests, {
    head: `${zones.join("、")}的报道：`,
    tail: "用 /zone 加高新区名称查看一个高新区的全部报道。",
  });
}

/** One line per zone (how many articles, its newest one, cited) between a head and a tail line. */
function zonesLines(
  question: string,
  digests: readonly [string, Digest][],
  words: { head: string; tail: string },
): Answer {
  const lines: string[] = [];
  const citations: Citation[] = [];
  for (const [zone, { found, entries }] of digests) {
    const e = entries[0];
    if (e === undefined) {
      lines.push(`${lines.length + 1}. ${zone}：语料中没有报道`);
      continue;
    }
    citations.push(sentenceCitation(citations.length + 1, e.main));
    lines.push(
      `${lines.length + 1}. ${zone}（共 ${found.length} 篇），最新：${entryLine(e, citations.length)}`,
    );
  }
  return {
    question,
    answer: `${words.head}\n${lines.join("\n")}\n${words.tail}`,
    abstained: citations.length === 0,
    mode: "extractive",
    kind: "overview",
    citations,
  };
}
