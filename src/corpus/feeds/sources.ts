/**
 * The fetch step before an ingest: read the feeds and pages the operator listed (command line and
 * FEEDS, never a chat user), and write each article as a Markdown file under the feeds folder, where
 * the ordinary ingest reads it like any other corpus file. Nothing indexed is lost on the way: a
 * page that fails now keeps the article fetched before; a file a person edited is not overwritten;
 * a file a person deleted is not brought back by a feed (naming its URL with `--url` does).
 */
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { sidecarPath } from "../load.js";
import { decodeBody } from "./charset.js";
import { normalizeDate } from "./dates.js";
import { discoverFeed, type ParsedFeed, parseFeedItems } from "./feed.js";
import {
  articleMarkdown,
  articlePath,
  type FetchState,
  frontMatterUrl,
  type PageRecord,
  readState,
  relativeTo,
  sha256,
  writeAtomic,
  writeState,
} from "./files.js";
import type { Fetcher } from "./http.js";
import { extractArticle, type PageHints } from "./page.js";

/** A feed lists its newest items first; older ones beyond this were fetched when they were new. */
export const MAX_ITEMS_PER_FEED = 100;

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/** One feed or page that gave nothing this time, with the reason in one line. */
export interface FetchProblem {
  url: string;
  message: string;
}

/** What a fetch step did. Paths are the article files, as written. */
export interface FetchReport {
  added: string[];
  updated: string[];
  /** Pages fetched (or answered 304) whose article is as it was. */
  unchanged: number;
  /** Articles a person edited or deleted, left as they are. */
  kept: FetchProblem[];
  failed: FetchProblem[];
}

export interface FetchSourcesOptions {
  fetcher: Fetcher;
  /** The feeds folder, e.g. `data/corpus/feeds`. */
  dir: string;
  feeds: readonly string[];
  urls: readonly string[];
  /**
   * Whether a `urls` page whose file a person deleted is fetched again (default true: the command
   * names it). A watch passes false after its first round, so a deletion holds while it runs.
   */
  restoreDeleted?: boolean;
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** Fetches every feed and page and writes their articles; never throws for a bad source. */
export async function fetchSources(opts: FetchSourcesOptions): Promise<FetchReport> {
  const { fetcher, dir } = opts;
  const state = await readState(dir);
  const report: FetchReport = { added: [], updated: [], unchanged: 0, kept: [], failed: [] };
  const done = new Set<string>();
  const page = (url: string, hints: PageHints, restore: boolean) => {
    if (done.has(url)) return Promise.resolve();
    done.add(url);
    return fetchPage(url, hints, restore, { fetcher, dir, state, report });
  };
  for (const feedUrl of opts.feeds) {
    const got = await readFeed(feedUrl, { fetcher, dir, state, report });
    if (got === null) continue;
    const { parsed, remember } = got;
    const items = parsed.items.slice(0, MAX_ITEMS_PER_FEED);
    for (const item of items) {
      const hints: PageHints = {
        ...(item.title ? { title: item.title } : {}),
        ...(item.date ? { date: item.date } : {}),
        ...(parsed.title ? { source: parsed.title } : {}),
      };
      await page(item.url, hints, false);
    }
    // Remembered only once its items were read, so a run cut short reads the feed again next time.
    remember();
    await writeState(dir, state);
  }
  for (const url of opts.urls) await page(url, {}, opts.restoreDeleted ?? true);
  await writeState(dir, state);
  return report;
}

/**
 * Fetches and parses a feed, following a web page to the feed it names. Null when there is nothing
 * to read: the feed answered 304, or it failed (reported). `remember` keeps its validators.
 */
async function readFeed(
  feedUrl: string,
  run: Run,
): Promise<{ parsed: ParsedFeed; remember: () => void } | null> {
  const { fetcher, state, report } = run;
  const get = async (url: string) => {
    const r = await fetcher.get(url, { ...(state.feeds[url] ?? {}), accept: FEED_ACCEPT });
    if (!r.ok) report.failed.push({ url: feedUrl, message: r.error.message });
    return r.ok && r.value.kind === "fetched" ? r.value : null;
  };
  let key = feedUrl;
  let got = await get(feedUrl);
  if (got === null) return null;
  if (/html/i.test(got.contentType)) {
    // A site's page given for its feed: follow the feed it names.
    const named = discoverFeed(decodeBody(got.body, got.contentType), got.url);
    if (named === null) {
      report.failed.push({
        url: feedUrl,
        message: 'a web page, not a feed, and it names no feed (<link rel="alternate">)',
      });
      return null;
    }
    key = named;
    got = await get(named);
    if (got === null) return null;
  }
  const fetched = got;
  const json =
    /json/i.test(fetched.contentType) || /^\s*[{[]/.test(fetched.body.subarray(0, 64).toString("latin1"));
  const parsed = parseFeedItems(decodeBody(fetched.body, fetched.contentType, !json), fetched.url);
  if (!parsed.ok) {
    report.failed.push({ url: feedUrl, message: parsed.error });
    return null;
  }
  const remember = () => {
    state.feeds[key] = {
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    };
  };
  return { parsed: parsed.value, remember };
}

interface Run {
  fetcher: Fetcher;
  dir: string;
  state: FetchState;
  report: FetchReport;
}

/** Fetches one page and writes (or leaves) its article. */
async function fetchPage(url: string, hints: PageHints, restore: boolean, run: Run): Promise<void> {
  const { fetcher, dir, state, report } = run;
  const before: PageRecord = state.pages[url] ?? {};
  const written = before.file !== undefined && (await exists(join(dir, before.file)));
  if (before.file !== undefined && !written && !restore) {
    // Deleted by a person: a feed listing it again does not bring it back.
    return;
  }
  const r = await fetcher.get(url, {
    ...(written && before.etag ? { etag: before.etag } : {}),
    ...(written && before.lastModified ? { lastModified: before.lastModified } : {}),
    accept: PAGE_ACCEPT,
  });
  if (!r.ok) {
    report.failed.push({ url, message: r.error.message });
    return;
  }
  if (r.value.kind === "not-modified") {
    report.unchanged++;
    return;
  }
  const fetched = r.value;
  const type = fetched.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const validators = {
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
  };
  // An e-paper page published as a PDF is kept as one, for the PDF reader, with its address beside it.
  if (type === "application/pdf" || fetched.body.subarray(0, 5).toString("latin1") === "%PDF-") {
    const file = before.file ?? articlePath(fetched.url, ".pdf");
    const date = normalizeDate(hints.date);
    const meta = `${JSON.stringify({ url: fetched.url, ...(date ? { date } : {}) })}\n`;
    if (await save(run, url, before, file, fetched.body, validators))
      await writeAtomic(sidecarPath(join(dir, file)), meta);
    return;
  }
  if (type !== "" && !/html/.test(type)) {
    const feed = /rss|atom|feed\+json|xml/.test(type) ? "; a feed? give it with --feed" : "";
    report.failed.push({ url, message: `not an HTML page or PDF (${type})${feed}` });
    return;
  }
  const article = extractArticle(decodeBody(fetched.body, fetched.contentType), fetched.url, hints);
  if (!article.ok) {
    report.failed.push({ url, message: article.error });
    return;
  }
  await save(
    run,
    url,
    before,
    before.file ?? articlePath(fetched.url),
    Buffer.from(articleMarkdown(article.value)),
    validators,
    fetched.url,
  );
}

/**
 * Writes `content` to `file` (relative to the feeds folder) unless it holds exactly that already,
 * or a person edited it. Records the outcome in the report and the state; true when written.
 */
async function save(
  run: Run,
  url: string,
  before: PageRecord,
  file: string,
  content: Buffer,
  validators: { etag?: string; lastModified?: string },
  markdownUrl?: string,
): Promise<boolean> {
  const { dir, state, report } = run;
  const path = join(dir, file);
  const current = await readFile(path).catch(() => null);
  const record = { file: relativeTo(dir, path), sha256: sha256(content), ...validators };
  if (current?.equals(content)) {
    report.unchanged++;
    state.pages[url] = record;
    return false;
  }
  // Ours to replace only if it is what we wrote (same hash), or, the state lost, an article of ours
  // for this very URL; otherwise a person edited it and it stays.
  const ours =
    current === null ||
    (before.sha256 !== undefined
      ? sha256(current) === before.sha256
      : markdownUrl !== undefined && frontMatterUrl(current.toString("utf8")) === markdownUrl);
  if (!ours) {
    report.kept.push({ url, message: `${path} was edited by hand; kept as it is` });
    return false;
  }
  await writeAtomic(path, content);
  (current === null ? report.added : report.updated).push(path);
  state.pages[url] = record;
  return true;
}
