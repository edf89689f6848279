import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { readPdf } from "../../src/corpus/pdf.js";
import {
  PAPER_ARTICLES,
  PAPER_CAPTION,
  PAPER_DATE,
  paperPdf,
  scannedPdf,
  unembeddedFontPdf,
} from "../helpers/epaper.js";

/** The body of a made-up article as the reader should give it back (no `本报讯`, no indent). */
const expected = (i: number) => (PAPER_ARTICLES[i]?.body ?? []).map((p) => p.replace(/^本报讯 /, ""));

describe("readPdf", () => {
  for (const columns of [1, 2] as const) {
    it(`reads both articles of a ${columns}-column e-paper page in reading order, each under its headline`, async () => {
      const r = await readPdf(await paperPdf(columns), "paper.pdf", "paper");
      expect(r.problems).toEqual([]);
      expect(r.articles.map((a) => a.id)).toEqual(["paper-1", "paper-2"]);
      expect(r.articles.map((a) => a.title)).toEqual(PAPER_ARTICLES.map((a) => a.title));
      r.articles.forEach((a, i) => {
        expect(a.paragraphs.map((p) => p.text)).toEqual(expected(i));
        expect(a.date).toBe(PAPER_DATE);
      });
      // The page header is not news.
      expect(JSON.stringify(r.articles)).not.toContain("星期二");
    });
  }

  for (const columns of [1, 2] as const) {
    it(`keeps a photo caption in small type as its article's last paragraph (${columns} column${columns === 1 ? "" : "s"})`, async () => {
      const r = await readPdf(await paperPdf(columns, true), "paper.pdf", "paper");
      expect(r.problems).toEqual([]);
      expect(r.articles.map((a) => a.title)).toEqual(PAPER_ARTICLES.map((a) => a.title));
      const [first, second] = r.articles;
      expect(first?.paragraphs.map((p) => p.text)).toEqual([
        ...expected(0),
        `图片说明：${PAPER_CAPTION.text}图片来源：${PAPER_CAPTION.credit}。`,
      ]);
      expect(first?.paragraphs.at(-1)?.section).toBe("图片说明");
      expect(second?.paragraphs.map((p) => p.text)).toEqual(expected(1));
    });
  }

  it("keeps a sentence whole across the column break", async () => {
    const r = await readPdf(await paperPdf(2), "paper.pdf", "paper");
    const text = r.articles[0]?.paragraphs.map((p) => p.text).join("");
    expect(text).toContain("软件从业人员突破18万人，其中研发人员占比超过六成。");
  });

  it("reads a PDF whose Chinese font is not embedded (a predefined CMap, as iText writes)", async () => {
    const text = "珠海高新区1-4月工业投资增速达40.7%，主要经济指标呈现回升势头。";
    const r = await readPdf(unembeddedFontPdf(text), "itext.pdf", "itext");
    expect(r.articles.map((a) => a.paragraphs.map((p) => p.text).join(""))).toEqual([text]);
  });

  it("reports a PDF without a text layer as such, and a damaged file, without throwing", async () => {
    const scan = await readPdf(await scannedPdf(), "scan.pdf", "scan");
    expect(scan.articles).toEqual([]);
    expect(scan.problems[0]?.message).toMatch(/^PDF has no text layer/);
    const broken = await readPdf(Buffer.from("%PDF-1.4\n%broken"), "broken.pdf", "broken");
    expect(broken.articles).toEqual([]);
    expect(broken.problems[0]?.message).toMatch(/^not a readable PDF/);
  });
});

describe("a .pdf in a corpus folder", () => {
  it("is read like any page: hashed with its metadata file, articles dated by the page's own header first", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gaoxin-pdf-"));
    try {
      await writeFile(join(dir, "page3.pdf"), await paperPdf(2));
      await writeFile(join(dir, "page3.meta.json"), JSON.stringify({ date: "2024-07-17" }));
      const corpus = await loadCorpus([dir]);
      expect(corpus.problems).toEqual([]);
      expect(corpus.articles.map((a) => [a.id, a.mainZone, a.date])).toEqual([
        ["page3-1", "南京高新区", "2024-07-16"],
        ["page3-2", "青岛高新区", "2024-07-16"],
      ]);
      expect(corpus.files.map((f) => f.path.slice(dir.length + 1))).toEqual(["page3.pdf", "page3.meta.json"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
