/**
 * Whole articles for the answers that read more than the retrieved passages (an overview's digest,
 * a how question's measures): where they come from, their sentences, their headline or a stand-in,
 * and the citation of one of their sentences.
 */
import { splitSentences } from "../corpus/sentences.js";
import type { ArticleSummary, Passage } from "../index/types.js";
import { splitClauses } from "./span.js";
import type { Citation } from "./types.js";

/** What the answer layer reads whole articles through (an index or a store provides it). */
export interface ArticleSource {
  /** The articles naming a zone, in corpus order. */
  zoneArticles(zone: string): Promise<ArticleSummary[]>;
  loadArticles(ids: readonly string[]): Promise<(ArticleSummary | undefined)[]>;
  loadPassages(ids: readonly string[]): Promise<(Passage | undefined)[]>;
}

/** One sentence of an article, verbatim, with the passage it stands in. */
export interface ArticleSentence {
  sentence: string;
  passage: Passage;
  /** Position in the article (0 = its first sentence). */
  at: number;
}

/** An article's sentences in order, from its passages (those the source no longer holds are skipped). */
export async function articleSentences(
  source: Pick<ArticleSource, "loadPassages">,
  article: ArticleSummary,
): Promise<ArticleSentence[]> {
  const passages = (await source.loadPassages(article.passageIds)).filter(
    (p): p is Passage => p !== undefined,
  );
  passages.sort((a, b) => a.ordinal - b.ordinal);
  const out: ArticleSentence[] = [];
  for (const passage of passages)
    for (const sentence of splitSentences(passage.text)) out.push({ sentence, passage, at: out.length });
  return out;
}

/** Newest first by the corpus's date (`2023-07-28`, `2020-06`); undated articles last, ties in corpus order. */
export function newestFirst<T extends { date?: string | undefined }>(articles: readonly T[]): T[] {
  return articles
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (y.a.date ?? "").localeCompare(x.a.date ?? "") || x.i - y.i)
    .map(({ a }) => a);
}

/**
 * A lead's dateline or byline (`湖北日报讯（记者…）`, `中新网8月1日电`, `IT之家 7 月 28 日消息，`,
 * `极目新闻记者 某某 通讯员 某某`): not a headline, and not the fact a line shows.
 */
const DATELINE =
  /^(?:原标题[:：]|[\p{Script=Han}A-Za-z（）()·\s]{2,16}?(?:讯(?!员)|电(?!话|池|力|网|视|影)|消息)(?:\s*[（(][^）)]*[）)])?[，,:：\s]*|\p{Script=Han}{2,10}\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:电|讯|消息)(?:\s*[（(][^）)]*[）)])?[，,\s]*|[（(][^）)]{0,30}[）)]\s*|[^（()）)，。]{1,8}[）)]\s*)+/u;

/** A source's name and byline glued to the end of a headline (`…合伙人湖北日报讯`, `…防骗墙”！极目新闻记者`). */
const TRAILING_BYLINE =
  /(?:\p{Script=Han}{2}(?:日报|晚报|新闻|网|社|台))?(?:讯|记者|通讯员)$|\p{Script=Han}{2,10}\d{1,2}月\d{1,2}日电\s*[（(]?(?:记者)?$/u;

/**
 * A headline as shown to a person: less the source's name or byline a news feed glued to its end
 * (`…防骗墙”！极目新闻记者`, `…合伙人湖北日报讯`); the stored title (and `--json`'s) stays as given.
 */
export function headlineOf(title: string): string {
  return title.replace(TRAILING_BYLINE, "").trim() || title;
}

/** A clause saying only when (`8月13日，`, `近日，`, `15日上午，`): a stand-in headline skips it. */
const WHEN_CLAUSE =
  /^(?:当地时间)?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:近日|日前|昨日|今天|当天|眼下|目前|近期|上午|下午|晚间|凌晨|早上|晚上|傍晚)*[，,]$/u;

/** Names of reporters and photographers before the story starts (`叶文波通讯员尹晓婧…8月17日，`). */
const BYLINE_RUN =
  /^[^，。！？]{0,60}?(?:记者|通讯员|实习生|供图|摄影?)[^，。！？]{0,60}?(?=\d{1,2}月\d{1,2}日|近日|日前|昨日|今天|今年|当天|连日来|\d{4}年)/u;

/** Longest stand-in headline, in characters. */
const STAND_IN_CHARS = 24;

/** A sentence without the dateline and byline a lead opens with: what it reports. */
export function withoutDateline(sentence: string): string {
  const out = sentence.replace(DATELINE, "").replace(BYLINE_RUN, "").trim();
  return out === "" ? sentence : out;
}

/**
 * The headline to show for an article: its own, or — when the source has none and the corpus put the
 * lead's first characters in its place (the text starts with `title`) — a short stand-in made from the
 * lead: dateline and byline out, its first sentence when short, else its first clauses, at most
 * {@link STAND_IN_CHARS} characters (from `main`, the sentence the digest shows, when the lead is names).
 */
export function shownHeadline(title: string, lead: string, main?: string): string {
  const squash = (s: string) => s.replace(/\s+/gu, "").replace(/…$/u, "");
  const t = squash(title);
  if (t === "" || !squash(lead).startsWith(t)) return headlineOf(title);
  const first = splitSentences(withoutDateline(lead))[0] ?? lead;
  // A lead that opens with names of reporters (`极目新闻记者某某通讯员某某…`) makes no headline: the
  // article's main sentence stands in.
  const from = main !== undefined && BYLINE_WORD.test(first.slice(0, 12)) ? withoutDateline(main) : first;
  const sentence = from.replace(/[。！？!?]+$/u, "");
  if ([...sentence].length <= STAND_IN_CHARS + 8) return sentence;
  let out = "";
  for (const clause of splitClauses(sentence)) {
    if (out === "" && WHEN_CLAUSE.test(clause)) continue;
    if (out !== "" && [...out].length + [...clause].length > STAND_IN_CHARS) break;
    out += clause;
    if ([...out].length >= 8) break;
  }
  const chars = [...out.replace(/[，,：:；;、]+$/u, "")];
  return chars.length > STAND_IN_CHARS ? `${chars.slice(0, STAND_IN_CHARS).join("")}…` : `${chars.join("")}…`;
}

/** Words of a byline. */
const BYLINE_WORD = /记者|通讯员|实习生/;

/**
 * A sentence as a line shows it: whole when short, else its clauses up to about `max` characters with
 * `…` (verbatim up to there); the citation quotes it whole.
 */
export function shortened(sentence: string, max = 90): string {
  const s = withoutDateline(sentence).replace(/[。！？!?]+$/u, "");
  if ([...s].length <= max) return s;
  let out = "";
  for (const clause of splitClauses(s)) {
    if ([...out].length + [...clause].length > max) break;
    out += clause;
  }
  if (out === "") out = [...s].slice(0, max).join("");
  return `${out.replace(/[，,：:；;、]+$/u, "")}…`;
}

/** The citation of a quote (verbatim) from a passage. */
export function passageCitation(
  n: number,
  p: Pick<Passage, "id" | "articleId" | "title" | "zones" | "source">,
  quote: string,
): Citation {
  return {
    n,
    passageId: p.id,
    articleId: p.articleId,
    title: p.title,
    zones: p.zones,
    quote,
    source: p.source,
  };
}

/** The citation of one sentence of an article. */
export function sentenceCitation(n: number, s: ArticleSentence): Citation {
  return passageCitation(n, s.passage, s.sentence);
}
