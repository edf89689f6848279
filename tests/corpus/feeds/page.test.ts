import { describe, expect, it } from "vitest";
import { decodeBody } from "../../../src/corpus/feeds/charset.js";
import { normalizeDate, visibleDate } from "../../../src/corpus/feeds/dates.js";
import { extractArticle } from "../../../src/corpus/feeds/page.js";
import { FURNITURE_TEXT, PAGE_A, PAGE_B, pageA, pageB } from "../../helpers/news-pages.js";

const A_URL = `http://127.0.0.1:8080${PAGE_A.path}`;

describe("extractArticle", () => {
  it("keeps the article of a page and drops its navigation, share bar, counters, related links and footer", () => {
    const r = extractArticle(pageA(), A_URL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      title: PAGE_A.title,
      date: PAGE_A.date,
      source: PAGE_A.site,
      url: A_URL,
    });
    expect(r.value.paragraphs.map((p) => p.text)).toEqual(PAGE_A.paragraphs);
    const all = JSON.stringify(r.value);
    for (const f of FURNITURE_TEXT) expect(all).not.toContain(f);
  });

  it("takes the headline from <h1>, not the <title> with the site's name, and the date printed after 发布时间", () => {
    const html = decodeBody(pageB(), "text/html");
    const r = extractArticle(html, "http://127.0.0.1/news/hefei.html", {
      date: "Sat, 20 Jul 2024 02:00:00 GMT",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.title).toBe(PAGE_B.title);
    expect(r.value.date).toBe(PAGE_B.date);
    expect(r.value.source).toBe(PAGE_B.site);
    expect(r.value.paragraphs.map((p) => p.text)).toEqual(PAGE_B.paragraphs);
    expect(JSON.stringify(r.value)).not.toMatch(/版权所有|网站首页|ICP/);
  });

  it("falls back to the feed's title and date when the page has neither heading nor date", () => {
    const html = `<html><head><title>首页 - 某某高新区</title></head><body><div class="article">
      <p>今年以来，长沙高新区新增上市企业5家，总数达到41家，占全市一半以上，资本市场的“长沙高新板块”进一步壮大。</p>
      <p>园区还新设产业基金3支，总规模达到120亿元，重点投向先进制造和信息技术产业。</p></div></body></html>`;
    const r = extractArticle(html, "http://127.0.0.1/a.html", {
      title: "长沙高新区新增上市企业5家",
      date: "Tue, 11 Jun 2024 18:00:00 GMT",
      source: "长沙高新区",
    });
    expect(r.ok && r.value).toMatchObject({
      title: "长沙高新区新增上市企业5家",
      date: "2024-06-12",
      // The page's own <title> names its site; the feed's title is the last resort.
      source: "某某高新区",
    });
  });

  it("cuts the site's name off og:title and <title> and never uses a logo <h1>", () => {
    const html = `<html><head><title>株洲高新区产值增长9% | 株洲新闻网</title><meta property="og:site_name" content="株洲新闻网">
      </head><body><header><h1>株洲新闻网</h1></header><article>
      <p>据统计，今年前5个月，株洲高新区规模工业总产值同比增长9%，其中轨道交通装备产业增长15%，拉动作用明显。</p></article></body></html>`;
    const r = extractArticle(html, "http://127.0.0.1/b.html");
    expect(r.ok && r.value.title).toBe("株洲高新区产值增长9%");
  });

  it("drops photo captions and credits inside the article block", () => {
    const html = `<html><head><title>杭州高新区新增独角兽企业3家_杭州高新区</title></head><body><div id="zoom">
      <p>今年以来，杭州高新区新增独角兽企业3家，累计达到21家，数量居全省首位，创新活力持续迸发。</p>
      <p><img src="a.jpg"></p><p>图为企业生产车间。</p><p>（记者 王五 摄）</p>
      <p>园区还将设立总规模50亿元的产业引导基金，支持创新型企业加快成长。</p></div></body></html>`;
    const r = extractArticle(html, "http://127.0.0.1/c.html");
    expect(r.ok && r.value.paragraphs.map((p) => p.text)).toEqual([
      "今年以来，杭州高新区新增独角兽企业3家，累计达到21家，数量居全省首位，创新活力持续迸发。",
      "园区还将设立总规模50亿元的产业引导基金，支持创新型企业加快成长。",
    ]);
  });

  it("refuses a page with no article text on it", () => {
    const r = extractArticle(
      "<html><head><title>404</title></head><body><h1>页面不存在</h1></body></html>",
      "http://x/y",
    );
    expect(r).toEqual({ ok: false, error: "no article text found on the page" });
  });
});

describe("decodeBody", () => {
  const gbk = pageB();
  it("reads the charset from <meta http-equiv> when the header has none", () => {
    expect(decodeBody(gbk, "text/html")).toContain(PAGE_B.title);
  });
  it("lets the header's charset win over the page's, and a BOM win over both", () => {
    const utf8 = Buffer.from("<meta charset=gbk><p>中文</p>");
    expect(decodeBody(utf8, "text/html; charset=utf-8")).toContain("中文");
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>中文</p>")]);
    expect(decodeBody(bom, "text/html; charset=gbk")).toContain("中文");
  });
  it("reads undeclared GBK (not valid UTF-8) as GB18030, and Big5 when declared", () => {
    const undeclared = Buffer.from(gbk.toString("latin1").replace(/charset=gbk/, "x"), "latin1");
    expect(decodeBody(undeclared, "text/html")).toContain(PAGE_B.title);
    const big5 = Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]);
    expect(decodeBody(big5, "text/html; charset=big5")).toBe("中文");
  });
  it("reads an XML feed's encoding declaration", () => {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="gb2312"?><rss><title>'),
      Buffer.from([0xd6, 0xd0]),
      Buffer.from("</title></rss>"),
    ]);
    expect(decodeBody(xml, "application/xml", true)).toContain("<title>中</title>");
  });
});

describe("dates", () => {
  it("normalises the forms pages and feeds write to YYYY-MM-DD in China's time zone", () => {
    expect(normalizeDate("2024-07-15T09:30:00+08:00")).toBe("2024-07-15");
    expect(normalizeDate("2024-07-14T20:00:00Z")).toBe("2024-07-15");
    expect(normalizeDate("Sun, 14 Jul 2024 20:00:00 GMT")).toBe("2024-07-15");
    expect(normalizeDate("2024/7/5 10:20")).toBe("2024-07-05");
    expect(normalizeDate("2024年7月5日")).toBe("2024-07-05");
    expect(normalizeDate("2024-02-30")).toBeUndefined();
    expect(normalizeDate("yesterday")).toBeUndefined();
  });
  it("finds the date printed after 发布时间 or 日期", () => {
    expect(visibleDate("首页 发布时间：2024-07-18 10:20 来源：本站")).toBe("2024-07-18");
    expect(visibleDate("日期: 2024年7月5日")).toBe("2024-07-05");
    expect(visibleDate("今年以来，合肥高新区新增企业38家")).toBeUndefined();
  });
});
