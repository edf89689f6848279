import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFetcher } from "../../../src/corpus/feeds/http.js";
import { fetchSources } from "../../../src/corpus/feeds/sources.js";
import { createFeedPoll, FEEDS_FOLDER } from "../../../src/corpus/feeds/step.js";
import { loadCorpus } from "../../../src/corpus/load.js";
import { PAPER_ARTICLES, paperPdf } from "../../helpers/epaper.js";
import {
  atom,
  FURNITURE_TEXT,
  jsonFeed,
  PAGE_A,
  PAGE_B,
  pageA,
  pageB,
  rss,
} from "../../helpers/news-pages.js";
import { type Site, startSite } from "../../helpers/news-site.js";

const fetcher = () => createFetcher({ hostIntervalMs: 0, retryBaseMs: 1, retries: 1, timeoutMs: 5_000 });

let site: Site;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-feeds-"));
  site = await startSite({
    [PAGE_A.path]: { body: pageA() },
    [PAGE_B.path]: { headers: { "content-type": "text/html" }, body: pageB() },
    "/rss.xml": {
      headers: { "content-type": "application/rss+xml" },
      body: rss("园区新闻", [
        { link: "", title: PAGE_A.title, date: "Mon, 15 Jul 2024 01:30:00 GMT" },
        // Relative links, resolved against the feed's address.
        { link: PAGE_B.path, title: PAGE_B.title },
        { link: "news/gone.html", title: "已删除的稿件" },
      ]).replace("<link></link>", `<link>PAGE_A</link>`),
    },
  });
  // The first item's link is absolute: the site's own address, known only now.
  const feed = site.routes.get("/rss.xml") as { body: string };
  feed.body = feed.body.replace("PAGE_A", site.url(PAGE_A.path));
});
afterEach(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

async function files(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".md")).sort();
}

describe("fetchSources", () => {
  it("writes each item of a feed as an article file, resolving relative links, and names the one that is gone", async () => {
    const report = await fetchSources({ fetcher: fetcher(), dir, feeds: [site.url("/rss.xml")], urls: [] });
    expect(report.added).toHaveLength(2);
    expect(report.failed).toEqual([{ url: site.url("/news/gone.html"), message: "HTTP 404 Not Found" }]);
    const corpus = await loadCorpus([dir]);
    expect(corpus.problems).toEqual([]);
    const byTitle = new Map(corpus.articles.map((a) => [a.title, a]));
    expect(byTitle.get(PAGE_A.title)).toMatchObject({
      url: site.url(PAGE_A.path),
      date: PAGE_A.date,
      publisher: PAGE_A.site,
      mainZone: "西安高新区",
    });
    expect(byTitle.get(PAGE_B.title)).toMatchObject({ url: site.url(PAGE_B.path), date: PAGE_B.date });
    const text = JSON.stringify(corpus.articles);
    for (const f of FURNITURE_TEXT) expect(text).not.toContain(f);
    // Files live under the host's folder.
    expect((await files(dir)).every((f) => f.startsWith("127.0.0.1_"))).toBe(true);
  });

  it("changes nothing when run again on the same pages, and asks with the validators it was given", async () => {
    site.routes.set(PAGE_A.path, (req, res) => {
      if (req.headers["if-none-match"] === '"a1"') res.writeHead(304).end();
      else res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"a1"' }).end(pageA());
    });
    const first = await fetchSources({ fetcher: fetcher(), dir, feeds: [site.url("/rss.xml")], urls: [] });
    const written = await files(dir);
    const mtimes = await Promise.all(written.map(async (f) => (await stat(join(dir, f))).mtimeMs));
    const again = await fetchSources({ fetcher: fetcher(), dir, feeds: [site.url("/rss.xml")], urls: [] });
    expect(first.added).toHaveLength(2);
    expect(again).toMatchObject({ added: [], updated: [], unchanged: 2 });
    expect(await files(dir)).toEqual(written);
    expect(await Promise.all(written.map(async (f) => (await stat(join(dir, f))).mtimeMs))).toEqual(mtimes);
    expect(site.requests.filter((r) => r.path === PAGE_A.path).at(-1)?.headers["if-none-match"]).toBe('"a1"');
  });

  it("asks nothing more of a feed answered 304", async () => {
    site.routes.set("/feed.json", (req, res) => {
      if (req.headers["if-none-match"] === '"f1"') res.writeHead(304).end();
      else
        res
          .writeHead(200, { "content-type": "application/feed+json", etag: '"f1"' })
          .end(jsonFeed("园区", [{ link: site.url(PAGE_A.path), title: PAGE_A.title }]));
    });
    await fetchSources({ fetcher: fetcher(), dir, feeds: [site.url("/feed.json")], urls: [] });
    const pageRequests = site.count(PAGE_A.path);
    const again = await fetchSources({ fetcher: fetcher(), dir, feeds: [site.url("/feed.json")], urls: [] });
    expect(again).toMatchObject({ added: [], updated: [], failed: [] });
    expect(site.count(PAGE_A.path)).toBe(pageRequests);
  });

  it("updates the article when the page changed, in the same file", async () => {
    await fetchSources({ fetcher: fetcher(), dir, feeds: [], urls: [site.url(PAGE_A.path)] });
    const [file] = await files(dir);
    site.routes.set(PAGE_A.path, { body: pageA().replace("2356亿元", "2360亿元") });
    const r = await fetchSources({ fetcher: fetcher(), dir, feeds: [], urls: [site.url(PAGE_A.path)] });
    expect(r.updated).toEqual([join(dir, file ?? "")]);
    expect(await files(dir)).toEqual([file]);
    expect(await readFile(join(dir, file ?? ""), "utf8")).toContain("2360亿元");
  });

  it("keeps a file a person edited, and does not bring back one a person deleted", async () => {
    await fetchSources({ fetcher: fetcher(), dir, feeds: [site.url("/rss.xml")], urls: [] });
    const [a, b] = await files(dir);
    const edited = `${await readFile(join(dir, a ?? ""), "utf8")}\n编者按：人工补充的说明。\n`;
    await writeFile(join(dir, a ?? ""), edited);
    await rm(join(dir, b ?? ""));
    site.routes.set(PAGE_A.path, { body: pageA().replace("2356亿元", "2360亿元") });
    site.routes.set(PAGE_B.path, { headers: { "content-type": "text/html" }, body: pageB() });
    // A changed feed is read again (here: one more, broken, item).
    const feed = site.routes.get("/rss.xml") as { body: string };
    site.routes.set("/rss.xml", {
      ...feed,
      body: feed.body.replace("</channel>", "<item><title>x</title></item></channel>"),
    });
    const r = await fetchSources({ fetcher: fetcher(), dir, feeds: [site.url("/rss.xml")], urls: [] });
    expect(r.kept).toHaveLength(1);
    expect(r.kept[0]?.message).toContain("edited by hand");
    expect(await readFile(join(dir, a ?? ""), "utf8")).toBe(edited);
    expect(await files(dir)).toEqual([a]);
    // Named explicitly, the deleted page comes back.
    const explicit = await fetchSources({
      fetcher: fetcher(),
      dir,
      feeds: [],
      urls: [site.url(PAGE_B.path)],
    });
    expect(explicit.added).toEqual([join(dir, b ?? "")]);
  });

  it("reads Atom and JSON feeds alike", async () => {
    site.routes.set("/atom.xml", {
      headers: { "content-type": "application/atom+xml" },
      body: atom("园区", [{ link: PAGE_A.path, title: PAGE_A.title }]),
    });
    site.routes.set("/feed.json", {
      headers: { "content-type": "application/feed+json" },
      body: jsonFeed("园区", [{ link: site.url(PAGE_B.path), title: PAGE_B.title }]),
    });
    const r = await fetchSources({
      fetcher: fetcher(),
      dir,
      feeds: [site.url("/atom.xml"), site.url("/feed.json")],
      urls: [],
    });
    expect(r.failed).toEqual([]);
    expect(r.added).toHaveLength(2);
  });

  it("reports a malformed feed, a page that is not HTML and a page with no article, and goes on with the rest", async () => {
    site.routes.set("/bad.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: "<rss><channel><item><title>x</item>",
    });
    site.routes.set("/file.zip", { headers: { "content-type": "application/zip" }, body: "PK" });
    site.routes.set("/index.html", {
      body: "<html><head><title>新闻中心 - 园区</title></head><body><ul><li><a href='/a'>a</a></li></ul></body></html>",
    });
    const r = await fetchSources({
      fetcher: fetcher(),
      dir,
      feeds: [site.url("/bad.xml")],
      urls: [site.url("/file.zip"), site.url("/index.html"), site.url(PAGE_A.path)],
    });
    expect(r.failed.map((f) => f.url)).toEqual([
      site.url("/bad.xml"),
      site.url("/file.zip"),
      site.url("/index.html"),
    ]);
    expect(r.failed[0]?.message).toMatch(/^not a feed/);
    expect(r.failed[1]?.message).toBe("not an HTML page or PDF (application/zip)");
    expect(r.failed[2]?.message).toBe("no article text found on the page");
    // A feed given as a page says what to do.
    const feedAsPage = await fetchSources({
      fetcher: fetcher(),
      dir,
      feeds: [],
      urls: [site.url("/rss.xml")],
    });
    expect(feedAsPage.failed[0]?.message).toBe(
      "not an HTML page or PDF (application/rss+xml); a feed? give it with --feed",
    );
    expect(r.added).toHaveLength(1);
  });

  it("follows a site's page to the feed it names, and names a page that names none", async () => {
    site.routes.set("/news/", {
      body: `<html><head><title>园区新闻</title><link rel="alternate" type="application/rss+xml" href="../rss.xml"></head><body></body></html>`,
    });
    site.routes.set("/about.html", { body: "<html><head><title>关于</title></head><body></body></html>" });
    const r = await fetchSources({
      fetcher: fetcher(),
      dir,
      feeds: [site.url("/news/"), site.url("/about.html")],
      urls: [],
    });
    expect(r.added).toHaveLength(2);
    expect(r.failed.map((f) => f.url)).toEqual([site.url("/news/gone.html"), site.url("/about.html")]);
    expect(r.failed[1]?.message).toContain("names no feed");
  });

  it("writes one article for two addresses that redirect to the same page", async () => {
    site.routes.set("/short", { status: 301, headers: { location: PAGE_A.path } });
    const r = await fetchSources({
      fetcher: fetcher(),
      dir,
      feeds: [],
      urls: [site.url("/short"), site.url(PAGE_A.path)],
    });
    expect(r.added).toHaveLength(1);
    expect(await files(dir)).toHaveLength(1);
  });

  it("polls FEEDS for the bot: new articles logged when they come, a failing source named once until its reason changes", async () => {
    const lines: { level: string; msg: string }[] = [];
    const log = {
      info: (_: object, msg: string) => lines.push({ level: "info", msg }),
      warn: (_: object, msg: string) => lines.push({ level: "warn", msg }),
    };
    const poll = await createFeedPoll([site.url("/rss.xml")], [dir], fetcher(), log);
    await poll?.();
    expect(lines.filter((l) => l.level === "warn").map((l) => l.msg)).toEqual([
      `抓取失败 (fetch failed) ${site.url("/news/gone.html")}: HTTP 404 Not Found（已跳过 skipped）`,
    ]);
    expect(lines.filter((l) => l.level === "info")[0]?.msg).toContain("fetched 2 new");
    expect(await files(join(dir, FEEDS_FOLDER))).toHaveLength(2);
    lines.length = 0;
    await poll?.();
    expect(lines).toEqual([]);
    site.routes.set("/news/gone.html", { status: 410 });
    await poll?.();
    expect(lines.map((l) => l.msg)).toEqual([
      `抓取失败 (fetch failed) ${site.url("/news/gone.html")}: HTTP 410 Gone（已跳过 skipped）`,
    ]);
    // A /reindex during a look joins the round under way instead of fetching beside it.
    const feedRequests = site.count("/rss.xml");
    await Promise.all([poll?.(), poll?.()]);
    expect(site.count("/rss.xml")).toBe(feedRequests + 1);
    expect(await createFeedPoll([], [dir], fetcher(), log)).toBeNull();
  });

  it("keeps an e-paper PDF fetched from the web as a PDF, its address beside it for the citations", async () => {
    const pdf = await paperPdf(2);
    site.routes.set("/epaper/2024-07-16/03.pdf", {
      headers: { "content-type": "application/pdf" },
      body: pdf,
    });
    const url = site.url("/epaper/2024-07-16/03.pdf");
    const r = await fetchSources({ fetcher: fetcher(), dir, feeds: [], urls: [url] });
    expect(r.added).toHaveLength(1);
    expect(r.added[0]).toMatch(/\.pdf$/);
    const corpus = await loadCorpus([dir]);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((a) => [a.title, a.url])).toEqual(PAPER_ARTICLES.map((a) => [a.title, url]));
    const again = await fetchSources({ fetcher: fetcher(), dir, feeds: [], urls: [url] });
    expect(again).toMatchObject({ added: [], updated: [], unchanged: 1 });
  });
});
