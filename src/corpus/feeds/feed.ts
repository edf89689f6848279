/**
 * A feed (RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed, told apart by feedsmith) → the articles it
 * lists: each item's page address, made absolute against the feed's own address, with the title and
 * date the feed gives, which stand in when the page itself lacks them.
 */
import { parseFeed } from "feedsmith";
import { parseHTML } from "linkedom";
import { err, ok, type Result } from "../../result.js";
import { parseHttpUrl } from "./http.js";

/** One article a feed lists. */
export interface FeedItem {
  url: string;
  title?: string;
  /** As the feed writes it (RFC 822 in RSS, ISO 8601 in Atom and JSON Feed). */
  date?: string;
}

/** What a feed says: its own title (the site's name, usually) and its items, first listed first. */
export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

const text = (v: unknown): string | undefined => {
  const s = typeof v === "string" ? v : (v as { value?: unknown } | undefined)?.value;
  return typeof s === "string" && s.trim() !== "" ? s.trim() : undefined;
};

/** Parses a decoded feed whose address is `feedUrl`. A malformed or unknown format is one line. */
export function parseFeedItems(body: string, feedUrl: string): Result<ParsedFeed, string> {
  let parsed: ReturnType<typeof parseFeed<string>>;
  try {
    parsed = parseFeed<string>(body.replace(/^\uFEFF/, ""));
  } catch (e) {
    return err(`not a feed (RSS, Atom or JSON Feed): ${(e as Error).message}`);
  }
  const raw: { link?: string; title?: unknown; date?: string }[] = [];
  let title: string | undefined;
  switch (parsed.format) {
    case "rss":
      title = text(parsed.feed.title);
      for (const i of parsed.feed.items ?? [])
        raw.push({
          link: i.link ?? (i.guid?.isPermaLink !== false ? i.guid?.value : undefined),
          title: i.title,
          date: i.pubDate ?? i.dc?.dates?.[0],
        });
      break;
    case "rdf":
      title = text(parsed.feed.title);
      for (const i of parsed.feed.items ?? [])
        raw.push({ link: i.link, title: i.title, date: i.dc?.dates?.[0] });
      break;
    case "atom":
      title = text(parsed.feed.title);
      for (const e of parsed.feed.entries ?? []) {
        const links = e.links ?? [];
        const link = links.find((l) => (l.rel ?? "alternate") === "alternate") ?? links[0];
        raw.push({ link: link?.href, title: e.title, date: e.published ?? e.updated });
      }
      break;
    case "json":
      title = text(parsed.feed.title);
      for (const i of parsed.feed.items ?? [])
        raw.push({
          link: i.url ?? i.external_url,
          title: i.title,
          date: i.date_published ?? i.date_modified,
        });
      break;
  }
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const r of raw) {
    // Relative links are resolved against the feed's address (RSS has no xml:base in practice).
    const url = r.link === undefined ? null : parseHttpUrl(r.link, feedUrl);
    if (url === null || seen.has(url.href)) continue;
    seen.add(url.href);
    const t = text(r.title);
    items.push({ url: url.href, ...(t ? { title: t } : {}), ...(r.date ? { date: r.date } : {}) });
  }
  return ok({ ...(title ? { title } : {}), items });
}

const FEED_TYPES = [
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
];

/**
 * The feed a web page names for itself (`<link rel="alternate" type="application/rss+xml" href>`,
 * as feed readers find it), made absolute; null when it names none. So `--feed` may be given a
 * site's news page instead of its feed's address.
 */
export function discoverFeed(html: string, pageUrl: string): string | null {
  // linkedom's types speak of the DOM library this project does not load: name what is used.
  const document: {
    querySelectorAll(sel: string): ArrayLike<{ getAttribute(name: string): string | null }>;
  } = parseHTML(html).document;
  for (const link of Array.from(document.querySelectorAll('link[rel~="alternate"][href]'))) {
    const type = (link.getAttribute("type") ?? "").trim().toLowerCase();
    if (!FEED_TYPES.includes(type)) continue;
    const url = parseHttpUrl(link.getAttribute("href") ?? "", pageUrl);
    if (url) return url.href;
  }
  return null;
}
