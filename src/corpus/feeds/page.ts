/**
 * A news web page → the article on it: headline, date, site name and body paragraphs, without the
 * navigation, share bars, related links, copyright footer and view counters around it. The main
 * text is found by Readability (Firefox's reader view) over a server-side DOM (linkedom); what it
 * lets through inside the article block is dropped by the furniture list (./boilerplate.ts).
 *
 * - Headline: `og:title`, else the page's `<h1>` that is not the site's name, else the feed item's
 *   title, else the `<title>` with the site's name cut off — never the whole `<title>`.
 * - Date: `article:published_time` (or another publication-time meta), else a visible
 *   `发布时间：…`, else the feed's date.
 * - Source: `og:site_name` (or the `SiteName` meta Chinese government sites carry), else the last
 *   part of `<title>` after the headline (`…_合肥高新区管委会`), else the feed's title, else the host.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { err, ok, type Result } from "../../result.js";
import { cleanText } from "../text.js";
import type { Paragraph } from "../types.js";
import { isFurniture } from "./boilerplate.js";
import { normalizeDate, visibleDate } from "./dates.js";

/** What a feed already said about the page, used where the page says nothing. */
export interface PageHints {
  title?: string;
  date?: string;
  /** The feed's title: the site's name, usually. */
  source?: string;
}

/** The article read from a page. */
export interface PageArticle {
  title: string;
  date?: string;
  source: string;
  /** The page's address (after redirects). */
  url: string;
  byline?: string;
  paragraphs: Paragraph[];
}

/** Less main text than this is not an article (an index page, a "page not found" served as 200). */
const MIN_BODY_CHARS = 30;
/** A heading inside the article longer than this is a paragraph set in bold, not a subhead. */
const MAX_SECTION_CHARS = 40;

// Publication-time metas, most specific first (Open Graph, schema.org, the Chinese government
// site standard's PubDate, common CMS names).
const DATE_METAS = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="PubDate"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish_date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
  'meta[name="date"]',
];
const SITE_METAS = [
  'meta[property="og:site_name"]',
  'meta[name="SiteName"]',
  'meta[name="sitename"]',
  'meta[name="application-name"]',
];

// DOM nodes from linkedom; only these members are used.
interface El {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute?(name: string): string | null;
}
interface Doc {
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  title: string;
  body: El | null;
}

const attr = (doc: Doc, selectors: readonly string[]): string | undefined => {
  for (const sel of selectors) {
    const v = doc.querySelector(sel)?.getAttribute?.("content")?.trim();
    if (v) return v;
  }
  return undefined;
};

const textOf = (el: El | null | undefined): string => cleanText(el?.textContent ?? "");

/** `<title>` split into its parts (`headline - site`, `headline_site`, `headline｜site`). */
function titleParts(title: string): string[] {
  return title
    .split(/\s+[-–—|·]\s+|\s*[_｜|]\s*|\s*--\s*/u)
    .map((p) => cleanText(p))
    .filter((p) => p !== "");
}

const BLOCK = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "BLOCKQUOTE",
  "TABLE",
  "TBODY",
  "TR",
  "TD",
  "TH",
  "PRE",
  "FIGURE",
  "CENTER",
  "HEADER",
  "FOOTER",
  "ASIDE",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "FIGCAPTION", "BUTTON", "SELECT", "IFRAME", "svg"]);

/** The text blocks of the extracted article in order; headings flagged. */
function blocksOf(root: El): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  let buf = "";
  const flush = (heading = false) => {
    const t = cleanText(buf);
    if (t !== "") out.push({ text: t, heading });
    buf = "";
  };
  const walk = (n: El) => {
    if (n.nodeType === 3) {
      buf += n.textContent ?? "";
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n.tagName ?? "").toUpperCase();
    if (SKIP.has(tag) || SKIP.has(n.tagName ?? "")) return;
    if (tag === "BR") return flush();
    const heading = /^H[1-6]$/.test(tag);
    const block = heading || BLOCK.has(tag);
    if (block) flush();
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) flush(heading);
  };
  walk(root);
  flush();
  return out;
}

/**
 * Reads the article on a page. `hints` come from the feed that listed it. A page with no article
 * text on it (an index, an error page) is a one-line failure.
 */
export function extractArticle(
  html: string,
  url: string,
  hints: PageHints = {},
): Result<PageArticle, string> {
  const document: Doc = parseHTML(html).document;
  // Everything read from the whole page comes before Readability, which rewrites the document.
  const parts = titleParts(document.title ?? "");
  const siteMeta = attr(document, SITE_METAS);
  const siteNames = new Set(
    [siteMeta, hints.source, ...parts.slice(1)].filter((s): s is string => !!s).map(cleanText),
  );
  const isSite = (t: string) => siteNames.has(t) || [...siteNames].some((s) => s.includes(t));
  const stripSite = (t: string) => titleParts(t).find((p) => !isSite(p)) ?? t;
  const og = attr(document, ['meta[property="og:title"]', 'meta[name="ArticleTitle"]']);
  const h1 = Array.from(document.querySelectorAll("h1"))
    .map(textOf)
    .find((t) => t !== "" && [...t].length <= 120 && !isSite(t));
  const title =
    (og && !isSite(cleanText(og)) ? stripSite(cleanText(og)) : undefined) ??
    h1 ??
    (hints.title ? cleanText(hints.title) : undefined) ??
    parts.find((p) => !isSite(p));
  if (!title) return err("no headline on the page (no og:title, <h1> or feed title)");
  const date =
    normalizeDate(attr(document, DATE_METAS)) ??
    visibleDate(textOf(document.body)) ??
    normalizeDate(hints.date) ??
    normalizeDate(document.querySelector("time[datetime]")?.getAttribute?.("datetime") ?? undefined);
  const host = new URL(url).host;
  const source =
    (siteMeta ? cleanText(siteMeta) : undefined) ??
    (parts.length > 1 ? parts.at(-1) : undefined) ??
    (hints.source ? cleanText(hints.source) : undefined) ??
    host;

  const reader = new Readability(document, { serializer: (node): El => node, charThreshold: 100 });
  const read = reader.parse();
  const content = read?.content;
  if (!content) return err("no article text found on the page");
  const paragraphs: Paragraph[] = [];
  let section: string | null = null;
  for (const b of blocksOf(content)) {
    if (b.text === title || isFurniture(b.text)) continue;
    if (b.heading && [...b.text].length <= MAX_SECTION_CHARS) {
      section = b.text;
      continue;
    }
    paragraphs.push({ section, text: b.text });
  }
  const chars = paragraphs.reduce((n, p) => n + [...p.text].length, 0);
  if (chars < MIN_BODY_CHARS) return err("no article text found on the page");
  const byline = read?.byline ? cleanText(read.byline) : "";
  return ok({
    title,
    ...(date ? { date } : {}),
    source,
    url,
    ...(byline && [...byline].length <= 40 && !isSite(byline) ? { byline } : {}),
    paragraphs,
  });
}
