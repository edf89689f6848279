/**
 * How long the new sources take, on the test pages (docs/sources.md): the fetch step against a
 * news site on 127.0.0.1 (no waits between requests, so it measures our work, not politeness),
 * main-text extraction of one page, reading a two-column e-paper PDF, and OCR of a scanned page when
 * tesseract is installed. Prints a Markdown table.
 *
 *   npx tsx scripts/bench-sources.ts [--pages 50] [--repeat 20]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Resvg } from "@resvg/resvg-js";
import { createFetcher } from "../src/corpus/feeds/http.js";
import { extractArticle } from "../src/corpus/feeds/page.js";
import { fetchSources } from "../src/corpus/feeds/sources.js";
import { ocrUnavailable, readImage } from "../src/corpus/ocr.js";
import { readPdf } from "../src/corpus/pdf.js";
import { CHART_FONT_FILES } from "../src/report/chart.js";
import { PAPER_ARTICLES, paperPdf } from "../tests/helpers/epaper.js";
import { PAGE_A, pageA, rss } from "../tests/helpers/news-pages.js";
import { startSite } from "../tests/helpers/news-site.js";

const { values } = parseArgs({ options: { pages: { type: "string" }, repeat: { type: "string" } } });
const pages = Number(values.pages ?? 50);
const repeat = Number(values.repeat ?? 20);

/** Mean milliseconds of `repeat` runs of `f`, after one run to warm up. */
async function mean(f: () => unknown, n = repeat): Promise<number> {
  await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  return (performance.now() - t) / n;
}

const rows: [string, string][] = [];

// The fetch step: a feed of `pages` items, each page A under its own path.
const site = await startSite();
const paths = Array.from({ length: pages }, (_, i) => `/news/${i}.html`);
for (const p of paths) site.routes.set(p, { body: pageA().replace(PAGE_A.title, `${PAGE_A.title}（${p}）`) });
site.routes.set("/rss.xml", {
  headers: { "content-type": "application/rss+xml" },
  body: rss(
    "园区新闻",
    paths.map((p) => ({ link: p, title: p })),
  ),
});
const fetcher = createFetcher({ hostIntervalMs: 0 });
const dir = await mkdtemp(join(tmpdir(), "gaoxin-bench-sources-"));
try {
  let t = performance.now();
  const first = await fetchSources({ fetcher, dir, feeds: [site.url("/rss.xml")], urls: [] });
  const firstMs = performance.now() - t;
  t = performance.now();
  const again = await fetchSources({ fetcher, dir, feeds: [site.url("/rss.xml")], urls: [] });
  const againMs = performance.now() - t;
  rows.push([
    `fetch step, feed of ${pages} pages, first run (${first.added.length} written)`,
    `${(firstMs / 1000).toFixed(2)} s`,
  ]);
  rows.push([
    `fetch step, same feed again (${again.unchanged} unchanged)`,
    `${(againMs / 1000).toFixed(2)} s`,
  ]);
} finally {
  await site.close();
  await rm(dir, { recursive: true, force: true });
}

const html = pageA();
rows.push([
  `extractArticle, page A (mean of ${repeat * 5})`,
  `${(await mean(() => extractArticle(html, "http://x/a"), repeat * 5)).toFixed(2)} ms`,
]);

const pdf = await paperPdf(2);
rows.push([
  `readPdf, two-column page (mean of ${repeat})`,
  `${(await mean(() => readPdf(pdf, "p.pdf", "p"))).toFixed(1)} ms`,
]);

const why = await ocrUnavailable();
if (why === null) {
  const a = PAPER_ARTICLES[0];
  const lines = [a.title, ...a.body.flatMap((p) => p.match(/.{1,20}/gu) ?? [])];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="820" height="${120 + lines.length * 44}"><rect width="100%" height="100%" fill="white"/><g font-family="Noto Sans S Chinese">${lines.map((l, i) => `<text x="40" y="${70 + i * 44}" font-size="${i === 0 ? 36 : 28}">${l}</text>`).join("")}</g></svg>`;
  const png = new Resvg(svg, { font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false } })
    .render()
    .asPng();
  rows.push([
    "readImage (tesseract chi_sim), 820-pixel-wide page (mean of 3)",
    `${((await mean(() => readImage(png, "s.png", "s"), 3)) / 1000).toFixed(2)} s`,
  ]);
} else rows.push(["readImage (tesseract chi_sim)", `not measured: ${why}`]);

process.stdout.write(
  `| what | time |\n| --- | --- |\n${rows.map(([w, t]) => `| ${w} | ${t} |`).join("\n")}\n`,
);
