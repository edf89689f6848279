import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentGeneration } from "../../src/index/postgres/schema.js";
import { cliInProcess, workdir } from "../helpers/cli.js";
import { PAPER_ARTICLES, paperPdf } from "../helpers/epaper.js";
import { FURNITURE_TEXT, PAGE_A, PAGE_B, pageA, pageB, rss } from "../helpers/news-pages.js";
import { type Site, startSite } from "../helpers/news-site.js";
import { startTestDatabase } from "../helpers/pglite.js";

/**
 * The acceptance run, as a person does it: a zone site on 127.0.0.1 whose RSS feed lists a
 * UTF-8 page wrapped in navigation and footer, a GBK page declared only in <meta>, and a link that
 * is gone; an e-paper PDF with two articles in a folder of its own. One `ingest` reads them all.
 */

/** The commands run in this process (see cliInProcess): the test is about what they fetch, index and answer. */
const cli = cliInProcess;

let site: Site;
let feed: string;
beforeAll(async () => {
  site = await startSite({
    [PAGE_A.path]: { body: pageA() },
    [PAGE_B.path]: { headers: { "content-type": "text/html" }, body: pageB() },
  });
  feed = site.url("/rss.xml");
  site.routes.set("/rss.xml", {
    headers: { "content-type": "application/rss+xml; charset=utf-8" },
    body: rss("园区新闻", [
      { link: site.url(PAGE_A.path), title: PAGE_A.title, date: "Mon, 15 Jul 2024 01:30:00 GMT" },
      { link: PAGE_B.path, title: PAGE_B.title, date: "Thu, 18 Jul 2024 02:20:00 GMT" },
      { link: "/news/gone.html", title: "已删除的稿件" },
    ]),
  });
});
afterAll(async () => {
  await site?.close();
});

/** A copy of the default corpus and a folder with the e-paper PDF beside it. */
async function setUp(): Promise<{ dir: string; args: string[] }> {
  const dir = await workdir();
  await mkdir(join(dir, "epaper"));
  await writeFile(join(dir, "epaper/2024-07-16-03.pdf"), await paperPdf(2));
  return { dir, args: ["--input", "data/corpus", "--input", "epaper", "--feed", feed] };
}

// Each fetched article's figures, the e-paper's, and the page they must cite.
const QUESTIONS = [
  {
    q: "西安高新区半导体产业产值达到多少",
    figure: "890亿元",
    title: PAGE_A.title,
    url: PAGE_A.path,
    date: PAGE_A.date,
  },
  {
    q: "合肥高新区新增多少家专精特新小巨人企业",
    figure: "38家",
    title: PAGE_B.title,
    url: PAGE_B.path,
    date: PAGE_B.date,
  },
  { q: "南京高新区软件和信息服务业收入多少", figure: "1286亿元", title: PAPER_ARTICLES[0].title },
  { q: "青岛高新区上半年新签约重点项目多少个", figure: "42个", title: PAPER_ARTICLES[1].title },
];

describe("ingest --feed with pages, a gone link and an e-paper PDF", () => {
  it("makes every article answerable with its figures, fetched ones citing their page and date", async () => {
    const { dir, args } = await setUp();
    const first = await cli("ingest.ts", args, dir);
    // A source failed, so the exit code says something was skipped; the rest is indexed.
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain(`${site.url("/news/gone.html")}: HTTP 404 Not Found`);
    expect(first.stdout).toContain("fetched 2 new, 0 updated, 0 unchanged, 1 failed");
    for (const t of QUESTIONS) {
      const r = await cli("ask.ts", ["--json", t.q], dir);
      expect(r.code, r.stderr).toBe(0);
      const a = JSON.parse(r.stdout);
      expect(a.abstained, t.q).toBe(false);
      const c = a.citations[0];
      expect(c.title, t.q).toBe(t.title);
      expect(c.quote, t.q).toContain(t.figure);
      if (t.url) expect(c).toMatchObject({ url: site.url(t.url), date: t.date });
      else expect(c.url).toBeUndefined();
      for (const f of FURNITURE_TEXT) expect(JSON.stringify(a.citations), f).not.toContain(f);
    }
    const plain = await cli("ask.ts", [QUESTIONS[0]?.q ?? ""], dir);
    expect(plain.stdout).toContain(`原文 ${site.url(PAGE_A.path)}`);

    // The same command again: nothing new fetched, no article twice.
    const zoneCounts = async () =>
      JSON.parse((await cli("zones.ts", ["--json"], dir)).stdout) as { zone: string; articles: number }[];
    const before = await zoneCounts();
    const again = await cli("ingest.ts", args, dir);
    expect(again.stdout).toContain("fetched 0 new, 0 updated, 2 unchanged, 1 failed");
    // The host's folder, its two articles and the fetch state.
    expect(await readdir(join(dir, "data/corpus/feeds"), { recursive: true })).toHaveLength(4);
    const after = await zoneCounts();
    expect(after).toEqual(before);
    const count = new Map(after.map((z) => [z.zone, z.articles]));
    // Zones only these articles name: one article each (西安 also has one on the default page).
    for (const z of ["合肥高新区", "南京高新区", "青岛高新区"]) expect(count.get(z), z).toBe(1);
    expect(count.get("西安高新区")).toBe(2);
  }, 240_000);

  it("without --input, fetches into the first folder the index was built from, so the page is indexed", async () => {
    const dir = await workdir();
    await mkdir(join(dir, "zone-news"));
    await writeFile(join(dir, "zone-news/note.md"), "# 园区简讯\n\n西安高新区举办创新大会。\n");
    const built = await cli("ingest.ts", ["--input", "zone-news", "--input", "data/corpus"], dir);
    expect(built.code, built.stderr).toBe(0);
    // A plain ingest reads zone-news and data/corpus again; the page goes into zone-news/feeds/.
    const r = await cli("ingest.ts", ["--url", site.url(PAGE_B.path)], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(join(dir, "zone-news/feeds"))).not.toHaveLength(0);
    const a = JSON.parse((await cli("ask.ts", ["--json", QUESTIONS[1]?.q ?? ""], dir)).stdout);
    expect(a.abstained).toBe(false);
    expect(a.citations[0]).toMatchObject({ url: site.url(PAGE_B.path), title: PAGE_B.title });
  }, 240_000);

  it("refuses a malformed --feed address in one line before fetching anything", async () => {
    const { dir } = await setUp();
    const r = await cli("ingest.ts", ["--feed", "not-a-url"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('--feed "not-a-url": 不是 http(s) 网址 (not an http(s) URL)');
  });

  it("with STORE=postgres writes the fetched articles as a generation like any other ingest", async () => {
    const db = await startTestDatabase();
    try {
      const { dir, args } = await setUp();
      const r = await cli("ingest.ts", args, dir, { STORE: "postgres", DATABASE_URL: db.url });
      expect(r.stdout, r.stderr).toMatch(/fetched 2 new.*\n.*generation 1 is current/);
      expect(await currentGeneration(db.db)).toBe(1);
      const ask = await cli("ask.ts", ["--json", QUESTIONS[1]?.q ?? ""], dir, {
        STORE: "postgres",
        DATABASE_URL: db.url,
      });
      expect(JSON.parse(ask.stdout).citations[0]).toMatchObject({
        url: site.url(PAGE_B.path),
        date: PAGE_B.date,
      });
    } finally {
      await db.close();
    }
  }, 240_000);
});
