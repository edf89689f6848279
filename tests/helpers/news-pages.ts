/**
 * News pages and feeds as zone sites serve them, for the fetch tests. Invented articles (written for
 * these tests, no licence needed) in the shapes real sites use: a UTF-8 page wrapped in navigation,
 * a share bar, a view counter, related links and a copyright footer; a GBK page that declares its
 * charset only in a `<meta http-equiv>`; RSS, Atom and JSON feeds listing them.
 */
import iconv from "iconv-lite";

/** Text around the article on page A that must never reach the corpus. */
export const FURNITURE_TEXT = [
  "首页",
  "政务公开",
  "投资服务",
  "分享到",
  "浏览次数",
  "版权所有",
  "陕ICP备",
  "成都高新区举办创新大会",
  "打印本页",
];

export const PAGE_A = {
  path: "/news/2024/0715/xian.html",
  title: "西安高新区上半年规上工业营收增长12.6%",
  site: "西安高新区新闻网",
  date: "2024-07-15",
  paragraphs: [
    "今年上半年，西安高新区规模以上工业企业实现营业收入2356亿元，同比增长12.6%。",
    "其中，半导体产业产值达到890亿元，同比增长23.5%，成为拉动增长的主要力量。",
    "西安高新区管委会表示，下半年将加快推进重点项目建设，力争全年营业收入突破5000亿元。",
  ],
};

/** Page A: the article inside a site's navigation, share bar, counters, related links and footer. */
export function pageA(): string {
  const p = PAGE_A;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${p.title} - ${p.site}</title>
<meta property="og:site_name" content="${p.site}">
<meta property="article:published_time" content="${p.date}T09:30:00+08:00">
</head><body>
<div class="top"><a href="/">${p.site}</a> | <a href="/login">登录</a></div>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li>
<li><a href="/gk/">政务公开</a></li><li><a href="/tz/">投资服务</a></li><li><a href="/hd/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; 园区动态</div>
<div class="main"><div class="article">
<h1>${p.title}</h1>
<div class="info">发布时间：${p.date} 09:30　来源：${p.site}　浏览次数：1234　【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
<div class="content" id="zoom">
${p.paragraphs.map((t) => `<p>　　${t}</p>`).join("\n")}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/news/1.html">成都高新区举办创新大会</a></li><li><a href="/news/2.html">武汉东湖高新区新增企业超万家</a></li>
<li><a href="/news/3.html">深圳高新区发布人才新政</a></li></ul></div>
</div></div>
<div class="footer"><p>版权所有 © 2024 西安高新区管委会　陕ICP备12345678号</p><p>地址：西安市高新区锦业路1号　技术支持：某某网络公司</p></div>
</body></html>`;
}

export const PAGE_B = {
  path: "/news/hefei.html",
  title: "合肥高新区新增国家级专精特新小巨人企业38家",
  site: "合肥高新区管委会",
  date: "2024-07-18",
  paragraphs: [
    "记者从合肥高新区获悉，今年以来，合肥高新区新增国家级专精特新“小巨人”企业38家，累计达到156家。",
    "目前，园区研发投入强度达到6.8%，高新技术企业总数突破2800家，居全国高新区前列。",
  ],
};

/** Page B, GBK-encoded; the charset is declared only in a `<meta http-equiv>` (serve without one). */
export function pageB(): Buffer {
  const p = PAGE_B;
  const html = `<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>${p.title}_${p.site}</title>
</head><body>
<div class="head"><a href="/">${p.site}</a></div>
<div class="menu"><a href="/">网站首页</a> <a href="/zw/">政务信息</a> <a href="/fw/">办事服务</a></div>
<table width="100%"><tr><td class="title"><h1>${p.title}</h1></td></tr>
<tr><td class="time">发布时间：${p.date} 10:20　来源：本站</td></tr>
<tr><td class="text">
${p.paragraphs.map((t) => `<p>${t}</p>`).join("\n")}
</td></tr></table>
<div class="foot">版权所有：${p.site}　皖ICP备87654321号</div>
</body></html>`;
  return iconv.encode(html, "gbk");
}

export interface FeedEntry {
  link: string;
  title: string;
  /** RFC 822 for RSS. */
  date?: string;
}

/** An RSS 2.0 feed. */
export function rss(title: string, items: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>http://example.invalid/</link><description>news</description>
${items
  .map(
    (i) =>
      `<item><title>${i.title}</title><link>${i.link}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ""}</item>`,
  )
  .join("\n")}
</channel></rss>`;
}

/** The same items as an Atom feed. */
export function atom(title: string, items: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>urn:test</id><updated>2024-07-18T00:00:00Z</updated>
${items.map((i, n) => `<entry><title>${i.title}</title><id>urn:test:${n}</id><link rel="alternate" href="${i.link}"/><updated>2024-07-18T00:00:00Z</updated></entry>`).join("\n")}
</feed>`;
}

/** The same items as a JSON Feed. */
export function jsonFeed(title: string, items: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title,
    items: items.map((i, n) => ({ id: String(n), url: i.link, title: i.title })),
  });
}
