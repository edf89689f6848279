/**
 * Whole articles for the answers that read more than the retrieved passages (an overview's digest,
 * a how question's measures): where they come from, their sentences, their headline or a stand-in,
 * and the citation of one of their sentences.
 */

import { LRUCache } from "lru-cache";
import { isFurnitureSentence } from "../corpus/feeds/boilerplate.js";
import { ORIGINAL_TITLE, openingAgain, SOURCE_NAME, STORY_OPENING } from "../corpus/news-marks.js";
import { splitSentences } from "../corpus/sentences.js";
import type { ArticleSummary, Passage } from "../index/types.js";
import { splitClauses, unbalancedMarks } from "./span.js";
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
  return passageSentences(passages);
}

/**
 * The sentences of one article's passages, in the article's order (the passages sorted by ordinal); page furniture
 * (`相关阅读：…广告声明：…`, `返回搜狐`) left out, as the picker leaves it out.
 */
export function passageSentences(passages: readonly Passage[]): ArticleSentence[] {
  const out: ArticleSentence[] = [];
  for (const passage of [...passages].sort((a, b) => a.ordinal - b.ordinal))
    for (const sentence of splitSentences(passage.text))
      if (!isFurnitureSentence(sentence)) out.push({ sentence, passage, at: out.length });
  return out;
}

/** A sentence this long, found word for word in two stories, is one copied (shorter ones are stock phrases). */
export const REPRINT_SENTENCE = 15;

/** The sentences of an article a reprint repeats word for word: those of {@link REPRINT_SENTENCE} characters or more. */
export function reprintSentences(sentences: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) if ([...s].length >= REPRINT_SENTENCE) out.add(s);
  return out;
}

/**
 * Whether two articles tell one story (another site's copy, its lead or headline rewritten): two of
 * their long sentences ({@link reprintSentences}) the same word for word.
 */
export function sameStory(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const s of a) if (b.has(s) && ++shared >= 2) return true;
  return false;
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
  /^(?:原标题[:：]|[\p{Script=Han}A-Za-z（）()·\s]{2,16}?(?:讯(?!员)|电(?!话|池|力|网|视|影|子|脑|商|信|器|动|气|台|缆|费|量|源|厂|站|梯|竞)|消息)(?:\s*[（(][^）)]*[）)])?[，,:：\s]*|[\p{Script=Han}A-Za-z\-－·]{2,16}\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:电|讯|消息)(?:\s*[（(][^）)]*[）)])?[，,\s]*|[（(][^）)]{0,30}[）)]\s*|[^（()）)，。]{1,8}[）)]\s*)+/u;

/**
 * A source's name and byline glued to the end of a headline (`…合伙人湖北日报讯`, `…防骗墙”！极目新闻记者`,
 * `…系列活动三秦都市报-三秦网讯（`, `…诈骗10万余元中新网重庆新闻8月17日电(记者`). A dateline counts only
 * after a source's name: a bare run of Han characters before `8月17日电` would eat the headline's own words.
 */
const TRAILING_BYLINE = new RegExp(
  `(?:${SOURCE_NAME}(?:\\s*[-－—]\\s*${SOURCE_NAME})?)?(?:讯|记者|通讯员)\\s*(?:[（(][^）)]{0,12})?$|${SOURCE_NAME}\\p{Script=Han}{0,8}?\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日[电讯]\\s*(?:[（(][^）)]{0,12})?$`,
  "u",
);

/**
 * A headline as shown to a person. The stored title (and `--json`'s) stays as given; shown, it loses
 * the source's name or byline a news feed glued to its end, a `原标题：` label (and the text that ran on
 * after it: where the headline's first words come again, the story has begun), and when the title is
 * only the text's first characters cut mid-word (`8月18日上午，西安高新区“送法入企”…在比亚迪工`), it
 * becomes a short stand-in made from them, like {@link shownHeadline}'s.
 */
export function headlineOf(title: string): string {
  let t = title.replace(TRAILING_BYLINE, "").trim();
  const half = t.length / 2;
  if (Number.isInteger(half) && half >= 4 && t.slice(0, half) === t.slice(half)) t = t.slice(0, half);
  const labelled = ORIGINAL_TITLE.test(t);
  if (labelled) {
    t = t.replace(ORIGINAL_TITLE, "");
    const again = openingAgain(t, 8);
    if (again > 0) t = t.slice(0, again);
  } else if (opensLikeLead(t)) return standIn(t, true) || title;
  // The story's first clause ran on after the headline (`…夏日送清凉7月21日上午，龙湖天街…`); after a
  // label, a quote or bracket opened and cut off is the story's too (`…让民生更有温度“以前不知道政府还`).
  t = t.replace(STORY_START, "");
  if (labelled) t = t.replace(UNCLOSED_TAIL, "");
  t = t.replace(/[，,：:；;、]+$/u, "");
  if (!labelled && [...t].length >= 28 && /[，。；]/u.test(t)) t = standIn(t, true);
  return withoutOpenQuote(t) || title;
}

/** Where a story's first clause starts inside a title that ran on: a date, `今年以来`, `据…消息` and a comma, after a headline's worth of words. */
const STORY_START = new RegExp(`(?<=[\\p{Script=Han}”》」）)!！?？]{8}[^，,]*?)(?:${STORY_OPENING}).*$`, "u");

/** A quote or bracket opened after a headline's worth of characters and never closed. */
const UNCLOSED_TAIL = /(?<=^.{8,})[“（(《「][^”）)》」]*$/u;

/** A title that is a lead's first characters: it opens with a dateline or a when-clause. */
function opensLikeLead(t: string): boolean {
  if (datelineOf(t) !== "") return true;
  const first = splitClauses(t)[0] ?? "";
  return first !== t && SKIPPED_CLAUSE.test(first);
}

/**
 * The dateline a text opens with, or "". `会同电信部门…`, `…识破电诈骗局` and `EX2）为…` open with none: a
 * dateline names a source (`讯`, `电`, `消息`, a reporter) and has a date, or ends at punctuation or a space.
 */
function datelineOf(text: string): string {
  const dateline = text.match(DATELINE)?.[0] ?? "";
  // A reporter's name and the bracket closing a byline split off before it (`刘相琳)记者17日从…`).
  const remnant = /^\p{Script=Han}{2,4}[)）]/u.test(dateline);
  const marked = remnant || /讯|电|消息|原标题|记者|通讯员/u.test(dateline);
  return marked && (/\d/u.test(dateline) || /[：:，,）)\s]$/u.test(dateline)) ? dateline : "";
}

/** A point in time (`8月13日`, `15日上午`, `7月28日晚`, `近日`). */
const TIME_POINT =
  "(?:\\d{4}年)?(?:\\d{1,2}月)?(?:\\d{1,2}日)?(?:\\d{1,2}时)?(?:近日|日前|昨日|今天|当天|眼下|目前|近期|凌晨|上午|中午|下午|晚间|早上|晚上|傍晚|晚|早)*";

/** A clause saying only when (`8月13日，`, `近日，`, `7月21日凌晨至21日上午，`, `昨天（8月4日），`): a stand-in headline skips it. */
const WHEN_CLAUSE = new RegExp(
  `^(?:当地时间)?(?:昨天|前天|今天|昨日|今日)?[（(]?${TIME_POINT}[）)]?(?:[至—\\-－~～]${TIME_POINT})?[，,]$`,
  "u",
);

/** A clause a stand-in headline skips: when, or whose report it is (`据央广网报道，`, `据重庆市水文监测总站监测，`). */
const SKIPPED_CLAUSE = new RegExp(
  `${WHEN_CLAUSE.source}|^据[^，,]{1,24}(?:报道|消息|监测|介绍|了解)[，,]$`,
  "u",
);

/** Names of reporters and photographers before the story starts (`叶文波通讯员尹晓婧…8月17日，`). */
const BYLINE_RUN =
  /^[^，。！？]{0,60}?(?:记者(?!问)|通讯员|实习生|供图|摄影?)[^，。！？]{0,60}?(?=\d{1,2}月\d{1,2}日|近日|近期|日前|昨日|昨天|前天|今天|今年|当天|连日来|\d{4}年)/u;

/** A photo's credit opening a sentence: a name and `供图`, or a reporter's name and `摄` (not `拍摄`). */
const PHOTO_CREDIT = /^(?:\p{Script=Han}{2,4}供图|记者\p{Script=Han}{2,4}摄)(?=\p{Script=Han})/u;

/** Longest stand-in headline, in characters. */
const STAND_IN_CHARS = 24;

/** Shorter than this (characters, dateline out), a line is a caption or a subhead, not a fact told. */
const CAPTION_CHARS = 15;

/** Whether a sentence is as short as a caption or subhead (`防溺水安全知识宣讲活动。`), its dateline out. */
export function captionLength(sentence: string): boolean {
  return [...withoutDateline(sentence)].length < CAPTION_CHARS;
}

/** A headline run into a dateline (`暖“新”服务沁人心中新网浙江新闻8月14日电`): up to the dateline. */
const HEADLINE_BEFORE_DATELINE =
  /^[^。！？]{4,60}?(?=(?:本报|新华社|中新网|中新社)[^。，]{0,8}?\d{1,2}月\d{1,2}日电)/u;

/** The headline a source ran into its dateline (`16条中小河流出现涨水过程中新网重庆7月21日电…`), or null. */
export function gluedHeadline(sentence: string): string | null {
  return HEADLINE_BEFORE_DATELINE.exec(sentence.replace(ORIGINAL_TITLE, ""))?.[0].trim() ?? null;
}

/**
 * A sentence without the dateline and byline a lead opens with: what it reports. With `keepDate` (a
 * when question), a dateline giving a date stays (`中新网上海7月31日电…`); the source and byline before
 * a date in the story go (`湘潭日报讯（通讯员…）8月4日，…` → `8月4日，…`).
 */
export function withoutDateline(sentence: string, keepDate = false): string {
  // A `原标题：` label goes whatever follows it (`原标题：苏州…电子科技有限公司…被处罚` has no dateline),
  // as does a headline the source ran into the dateline (`…群众“高兴办”本报济南8月1日电（记者…）`).
  const body = sentence.replace(ORIGINAL_TITLE, "").replace(HEADLINE_BEFORE_DATELINE, "");
  const dateline = datelineOf(body);
  if (keepDate && /\d/u.test(dateline)) return body.trim() === "" ? sentence : body;
  const rest = body.slice(dateline.length);
  const byline = rest.match(BYLINE_RUN)?.[0] ?? "";
  // Names of reporters, or a photo's credit right before the date: not `摄政时期是指…` nor `拍摄电影，…`.
  const names = /记者|通讯员|实习生/u.test(byline) || /(?:供图|摄)$/u.test(byline);
  // A photo's credit glued to the next sentence (`贾克帅供图活动现场，…`, `记者李蔚东摄党纪法规…`), no date after it.
  const after = names ? rest.slice(byline.length) : rest.replace(PHOTO_CREDIT, "");
  const out = after.trim();
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
  if (t === "" || ORIGINAL_TITLE.test(title) || !squash(lead).startsWith(t)) return headlineOf(title);
  // The source ran its headline into the dateline: that headline it is.
  const glued = HEADLINE_BEFORE_DATELINE.exec(lead)?.[0];
  if (glued !== undefined) return standIn(glued.trim());
  const first = splitSentences(withoutDateline(lead))[0] ?? lead;
  // A lead that opens with names of reporters (`极目新闻记者某某通讯员某某…`) makes no headline: the
  // article's main sentence stands in.
  const from = main !== undefined && BYLINE_WORD.test(first.slice(0, 12)) ? withoutDateline(main) : first;
  return standIn(from);
}

/** A sentence that is one quotation from its first character to its last (a full stop may close it). */
export const QUOTED_WHOLE = /^[“"「『].*[”"」』][。！？]?$/u;

/** The sentences an article's shown headline is read from: its lead (the first three) and the next few. */
const HEADLINE_SENTENCES = 6;

/**
 * The one headline an article is shown under, wherever it is shown (a digest's line, a source line, `/zone`,
 * `/zones`, a passage's card): {@link shownHeadline} of its title and lead (its first three sentences), the
 * stand-in, when the lead opens with names of reporters, made from the first of its first six sentences that
 * tells something — not names, a caption, a question, someone's words quoted whole or a `原标题：` line. It
 * depends on the article alone: a digest's main sentence depends on the question, and an article shown under
 * it had another headline in its source line and in `/zone` (《极目新闻记者叶文波通讯员…》).
 */
export function articleHeadline(title: string, sentences: readonly string[]): string {
  const lead = sentences.slice(0, 3).join("");
  // A feed that cut the headline at a space inside its quotes (`…开展“红色传承` + `爱党拥军”系列主题活动8月4日，…`)
  // ran the rest into the text: the headline is both, up to where the story opens.
  const cut = unclosedQuote(title) && !lead.startsWith(title.trim());
  const rest = cut ? (HEADLINE_REST.exec(lead) ?? HEADLINE_REST_QUOTED.exec(lead))?.[0] : undefined;
  if (rest !== undefined)
    return shownHeadline(`${title}${/^[”》]/u.test(rest) ? "" : " "}${rest}`, lead, undefined);
  const main = sentences.slice(0, HEADLINE_SENTENCES).find((s) => {
    const t = s.trim();
    return (
      !BYLINE_WORD.test(withoutDateline(t).slice(0, 12)) &&
      !captionLength(t) &&
      !/[？?][”"]?$/u.test(t) &&
      !QUOTED_WHOLE.test(t) &&
      !ORIGINAL_TITLE.test(t)
    );
  });
  return shownHeadline(title, lead, main);
}

/** Whether a title opens a quote (`“`, `《`) it never closes. */
const unclosedQuote = (title: string): boolean =>
  (title.match(/[“《]/gu)?.length ?? 0) > (title.match(/[”》]/gu)?.length ?? 0);

/** The rest of a cut headline at the start of the text up to its closing quote (`共筑成长”主题活动为了加强…` → `共筑成长”`). */
const HEADLINE_REST_QUOTED = /^[^，。！？,]{0,16}?[”》]/u;
/** Better, when the story's opening follows: the rest up to it (`爱党拥军”系列主题活动8月4日，…`). */
const HEADLINE_REST = new RegExp(
  `${HEADLINE_REST_QUOTED.source}[^，。！？,]{0,16}?(?=${STORY_OPENING})`,
  "u",
);

/** The headline to show for a citation or passage: the one the service set, else the title's {@link headlineOf}. */
export function shownTitle(item: { title: string; headline?: string | undefined }): string {
  return item.headline ?? headlineOf(item.title);
}

/**
 * The shown headline ({@link articleHeadline}) of each of `articles`, by article id, read from their
 * passages in one load.
 */
export async function articleHeadlines(
  source: Pick<ArticleSource, "loadPassages">,
  articles: readonly ArticleSummary[],
): Promise<Map<string, string>> {
  const passages = await source.loadPassages(articles.flatMap((a) => a.passageIds));
  const byArticle = new Map<string, Passage[]>();
  for (const p of passages)
    if (p !== undefined) byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), p]);
  return new Map(
    articles.map((a) => [
      a.id,
      articleHeadline(
        a.title,
        passageSentences(byArticle.get(a.id) ?? []).map((s) => s.sentence),
      ),
    ]),
  );
}

/**
 * {@link articleHeadlines} behind a least-recently-used cache of `capacity` articles, by id: a service
 * cites the same articles again (about four questions a paragraph on CMRC), and an index's article does
 * not change under it (a new index gets a new service, see `live.ts`).
 */
export function cachedArticleHeadlines(
  capacity: number,
): (
  source: Pick<ArticleSource, "loadPassages">,
  articles: readonly ArticleSummary[],
) => Promise<Map<string, string>> {
  const cache = new LRUCache<string, string>({ max: capacity });
  return async (source, articles) => {
    const missing = articles.filter((a) => !cache.has(a.id));
    const read = missing.length === 0 ? new Map<string, string>() : await articleHeadlines(source, missing);
    for (const [id, headline] of read) cache.set(id, headline);
    const out = new Map<string, string>();
    for (const a of articles) {
      const headline = read.get(a.id) ?? cache.get(a.id);
      if (headline !== undefined) out.set(a.id, headline);
    }
    return out;
  };
}

/**
 * A short stand-in headline from a lead's sentence: dateline and byline out, the sentence when short,
 * else its first clauses, at most {@link STAND_IN_CHARS} characters and `…`; `cut` when the text
 * stops mid-word (a title that is a lead's first characters).
 */
function standIn(lead: string, cut = false): string {
  return withoutOpenQuote(standInText(lead, cut));
}

/**
 * A headline or stand-in that opens a quote it never closes (a title that is the lead's first characters,
 * or a lead whose first sentence ended inside a quotation: `“全国重点文物保护单位万佛石塔的修缮设计方案有没有
 * 组织专家论证？相关决策…”`) shown without its opening mark.
 */
function withoutOpenQuote(s: string): string {
  const open = s[0] ?? "";
  const pair = [...unbalancedMarks(s)].find((p) => p[0] === open);
  return pair !== undefined && !s.includes(pair[1] ?? "") ? s.slice(1) : s;
}

/** {@link standIn} before its unclosed opening mark goes. */
function standInText(lead: string, cut = false): string {
  const sentences = splitSentences(withoutDateline(lead));
  // An exclamation too short to say what happened (`20人落网！武汉东湖高新公安…打掉一荐股诈骗团伙`) is read with
  // the sentence after it.
  const opening = sentences[0] ?? lead;
  const first =
    [...opening.replace(/[。！？!?]+$/u, "")].length < 8 && sentences[1] !== undefined
      ? opening + sentences[1]
      : opening;
  const sentence = first.replace(/[。！？!?]+$/u, "");
  if (!cut && [...sentence].length <= STAND_IN_CHARS + 8) return sentence;
  // A title cut mid-word (`cut`) shows its clauses after the when-clauses, and `…`.
  const clauses = splitClauses(sentence);
  while (
    cut &&
    clauses.length > 1 &&
    SKIPPED_CLAUSE.test(clauses[0] ?? "") &&
    [...clauses.slice(1).join("")].length >= 8
  )
    clauses.shift();
  const rest = clauses.join("");
  if (cut && [...rest].length <= STAND_IN_CHARS + 8)
    return sentence === first ? `${rest.replace(/…+$/u, "")}…` : rest;
  let out = "";
  for (const clause of clauses) {
    if (out === "" && SKIPPED_CLAUSE.test(clause)) continue;
    if (out !== "" && [...out].length + [...clause].length > STAND_IN_CHARS) break;
    out += clause;
    if ([...out].length >= 8) break;
  }
  const chars = [...out.replace(/[，,：:；;、]+$/u, "")];
  return chars.length > STAND_IN_CHARS ? `${chars.slice(0, STAND_IN_CHARS).join("")}…` : `${chars.join("")}…`;
}

/**
 * An article's first sentence without the subtitle the feed ran into its lead (`贴心服务叩开群众心门今年来，…`,
 * `高新警方给财会人员上“反诈课”近日，…`): a phrase of up to {@link STAND_IN_CHARS} characters with no
 * punctuation but quotes, then the lead's opening (a date or time word and a comma). Unchanged otherwise.
 */
export function withoutSubtitle(sentence: string): string {
  const m = SUBTITLE_RUN.exec(sentence);
  return m === null ? sentence : sentence.slice(m[0].length);
}

/** An article's sentence as a line shows it: the first without the feed's subtitle ({@link withoutSubtitle}). */
export const lineSentence = (s: ArticleSentence): string =>
  s.at === 0 ? withoutSubtitle(s.sentence) : s.sentence;
const SUBTITLE_RUN = new RegExp(
  `^[\\p{Script=Han}“”"]{6,${STAND_IN_CHARS}}?(?=(?:${STORY_OPENING})|今年来[，,])`,
  "u",
);

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
  // A lead-in clause (`据了解，`) before one long list says nothing alone: cut the list at an item.
  if ([...out].length < max / 3) {
    const head = [...s].slice(0, max).join("");
    const item = Math.max(head.lastIndexOf("、"), head.lastIndexOf("，"));
    out = item > [...out].length ? head.slice(0, item) : head;
  }
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
