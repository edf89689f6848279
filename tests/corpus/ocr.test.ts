import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { OCR_HINT, ocrUnavailable, readImage } from "../../src/corpus/ocr.js";
import { CHART_FONT_FILES } from "../../src/report/chart.js";
import { PAPER_ARTICLES } from "../helpers/epaper.js";

const article = PAPER_ARTICLES[0];

/** A scanned page: the headline over the article's paragraphs, black on white, 150 dpi-ish. */
function scanPng(): Buffer {
  const lines = [article.title, ...article.body.flatMap((p) => p.match(/.{1,20}/gu) ?? [])];
  const text = lines
    .map((l, i) => `<text x="40" y="${70 + i * 44}" font-size="${i === 0 ? 36 : 28}">${l}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="820" height="${120 + lines.length * 44}">
    <rect width="100%" height="100%" fill="white"/><g font-family="Noto Sans S Chinese" fill="black">${text}</g></svg>`;
  return new Resvg(svg, { font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false } }).render().asPng();
}

const why = await ocrUnavailable();
if (why !== null) console.info(`OCR tests skipped: ${why}; ${OCR_HINT}`);

describe("scanned pages (.png/.jpg)", () => {
  it.skipIf(why !== null)(
    "are read through tesseract (chi_sim): the headline and the figures come through",
    async () => {
      const r = await readImage(scanPng(), "scan.png", "scan");
      expect(r.articles).toHaveLength(1);
      const a = r.articles[0];
      expect(a?.title).toBe(article.title);
      expect(a?.mainZone).toBe("南京高新区");
      const body = a?.paragraphs.map((p) => p.text).join("") ?? "";
      for (const figure of ["1286亿元", "15.2%", "326家"]) expect(body).toContain(figure);
    },
  );

  it.skipIf(why === null)("are skipped without tesseract, with one line naming the packages", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gaoxin-ocr-"));
    try {
      await writeFile(join(dir, "scan.png"), scanPng());
      const corpus = await loadCorpus([dir]);
      expect(corpus.articles).toEqual([]);
      expect(corpus.problems).toHaveLength(1);
      expect(corpus.problems[0]?.message).toContain("apt install tesseract-ocr tesseract-ocr-chi-sim");
      expect(corpus.problems[0]?.message).not.toContain("\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
