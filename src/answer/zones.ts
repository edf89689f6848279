import type { ArticleSummary, Passage } from "../index/types.js";
import {
  articleHeadline,
  headlineOf,
  newestFirst,
  passageSentences,
  reprintSentences,
  sameStory,
} from "./article-text.js";
import { dateKey } from "./date-key.js";
import { zoneFigures } from "./figures.js";
import type { ZoneDetail, ZoneHeadline } from "./types.js";

const collator = new Intl.Collator("zh-Hans-CN");

/**
 * Resolves what a user typed to a zone the corpus covers: `重庆市高新区`, `重庆高新区` and `重庆` all give
 * `重庆高新区`. `canonical` is the corpus reader's canonicaliser.
 */
export function resolveZone(
  name: string,
  known: readonly string[],
  canonical: (raw: string) => string | null,
): string | null {
  const q = name.trim();
  if (q === "") return null;
  const c = canonical(q) ?? canonical(`${q}高新区`);
  if (c !== null && known.includes(c)) return c;
  if (known.includes(q)) return q;
  const stem = q.replace(/(?:市|省)?(?:国家)?(?:高新技术产业开发区|高新技术开发区|高新区)?$/, "");
  const hits = known.filter((z) => stem !== "" && z.startsWith(stem));
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/**
 * The one zone the corpus covers whose name ends with `zone`'s whole name, a place before it
 * (`滨海高新区` → `天津滨海高新区`): people leave out the city of a zone they know. Null when `zone` is
 * covered itself, or when no zone or several end so.
 */
export function zoneByLastPlace(zone: string, known: ReadonlySet<string>): string | null {
  if (known.has(zone)) return null;
  const hits = [...known].filter((z) => z.length > zone.length && z.endsWith(zone));
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/**
 * Which of the zones a question names a passage is about: one its zones list, or, when the corpus reader
 * read no zone in it, one whose place the passage names beside a bare `高新区` (`临湘市应急局牵头…对高新区
 * 停产拆除企业…开展检查` is about 临湘高新区: a county-level city is not among the cities the reader reads a
 * bare `高新区` after). Undefined when none. Pure.
 */
export function passageZone(
  questionZones: readonly string[],
  passage: Pick<Passage, "zones" | "text">,
): string | undefined {
  const listed = questionZones.find((z) => passage.zones.includes(z));
  if (listed !== undefined || passage.zones.length > 0 || !passage.text.includes("高新区")) return listed;
  return questionZones.find((z) => {
    const place = z.replace(/高新区$/u, "");
    return place.length >= 2 && place !== z && passage.text.includes(place);
  });
}

/** Zone names for autocomplete: those starting with the typed text first, then those containing it. */
export function suggestZones(prefix: string, known: readonly string[], limit = 25): string[] {
  const q = prefix.trim();
  const sorted = [...known].sort(collator.compare);
  if (q === "") return sorted.slice(0, limit);
  const starts = sorted.filter((z) => z.startsWith(q));
  const contains = sorted.filter((z) => !z.startsWith(q) && z.includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/** How many of a zone's newest articles a zone list shows: enough to see what is going on there. */
export const NEWEST_SHOWN = 3;

/**
 * A zone's articles newest first, by date; articles of the same date, or undated (after the dated ones),
 * keep their corpus order.
 */
export function byNewest<T extends { date?: string | undefined }>(articles: readonly T[]): T[] {
  return articles
    .map((a, i) => ({ a, i, key: dateKey(a.date) }))
    .sort((x, y) =>
      x.key === y.key ? x.i - y.i : x.key === null ? 1 : y.key === null ? -1 : x.key < y.key ? 1 : -1,
    )
    .map(({ a }) => a);
}

/** Articles read for a zone's newest headlines: {@link NEWEST_SHOWN} and room for reprints passed over. */
export const NEWEST_READ = NEWEST_SHOWN * 4;

/**
 * A zone's newest articles, at most `n`, `headlines` giving each its shown headline (by article id; the
 * title's {@link headlineOf} where it gives none): in {@link byNewest} order. A copy under a headline
 * already shown (another site's reprint, a day later) is not shown again.
 */
export function newestHeadlines(
  articles: readonly { id: string; title: string; date?: string }[],
  headlines: ReadonlyMap<string, string> = new Map(),
  n = NEWEST_SHOWN,
): ZoneHeadline[] {
  const shown = new Set<string>();
  const out: ZoneHeadline[] = [];
  for (const a of byNewest(articles)) {
    if (out.length >= n) break;
    const headline = headlines.get(a.id) ?? headlineOf(a.title);
    if (shown.has(headline)) continue;
    shown.add(headline);
    out.push({ title: a.title, headline, ...(a.date !== undefined ? { date: a.date } : {}) });
  }
  return out;
}

/**
 * One zone in detail: its articles, newest first, each story once — another site's copy of a story listed (two long
 * sentences the same word for word, see `sameStory`) is counted with its newest copy, not listed again —
 * and its key figures (see figures.ts) from those, each cited.
 */
export function zoneDetail(
  zone: string,
  articles: readonly ArticleSummary[],
  passageById: (id: string) => Passage | undefined,
  maxFigures = 8,
): ZoneDetail {
  const mine = articles.filter((a) => a.zones.includes(zone));
  // Newest first: a zone with a month of news has more articles than one embed field shows.
  const newest = newestFirst(mine);
  const copies = new Map<string, number>();
  const kept: { id: string; said: Set<string> }[] = [];
  const copyOf = new Set<string>();
  const headlines = new Map<string, string>();
  for (const a of newest) {
    const passages = a.passageIds.map(passageById).filter((p): p is Passage => p !== undefined);
    const sentences = passageSentences(passages).map((x) => x.sentence);
    headlines.set(a.id, articleHeadline(a.title, sentences));
    const said = reprintSentences(sentences.map((x) => x.replace(/\s+/gu, "")));
    const story = kept.find((k) => sameStory(said, k.said));
    if (story === undefined) kept.push({ id: a.id, said });
    else {
      copies.set(story.id, (copies.get(story.id) ?? 0) + 1);
      copyOf.add(a.id);
    }
  }
  const stories = newest.filter((a) => !copyOf.has(a.id));
  return {
    zone,
    articles: stories.map((a) => ({
      id: a.id,
      title: a.title,
      headline: headlines.get(a.id) ?? headlineOf(a.title),
      byline: a.byline,
      ...(a.date !== undefined ? { date: a.date } : {}),
      ...(copies.has(a.id) ? { copies: copies.get(a.id) } : {}),
    })),
    figures: zoneFigures(zone, stories, passageById, maxFigures),
  };
}
