import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charLength, splitSentences } from "../../src/corpus/sentences.js";
import type { Article, Paragraph } from "../../src/corpus/types.js";
import { chunkArticle, splitLongSentence } from "../../src/index/chunk.js";
import type { Passage } from "../../src/index/types.js";
import { ARTICLES, article } from "./fixtures.js";

const MIN = 100;
const MAX = 300;

// Sentences of CJK text ending in a CJK terminator, so joining them never needs a space.
const sentenceArb = fc
  .tuple(
    fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: 1, max: 120 }) },
      { weight: 2, arbitrary: fc.integer({ min: 250, max: 500 }) },
      { weight: 1, arbitrary: fc.integer({ min: 601, max: 1500 }) },
    ),
    fc.constantFrom("。", "！", "？", "；", "。”"),
    fc.integer({ min: 0, max: 1000 }),
  )
  .map(([len, end, seed]) => {
    const alphabet = "高新区工业投资增速达园区企业项目建设科技创新，";
    let s = "";
    for (let i = 0; i < len; i++) s += alphabet[(seed + i * 7) % alphabet.length];
    return s.replace(/^，+/, "") + end;
  });

const paragraphArb: fc.Arbitrary<Paragraph> = fc.record({
  section: fc.constantFrom(null, "一、项目", "二、人才"),
  text: fc.array(sentenceArb, { minLength: 1, maxLength: 8 }).map((ss) => ss.join("")),
});

const articleArb: fc.Arbitrary<Article> = fc
  .array(paragraphArb, { maxLength: 12 })
  .map((paragraphs) =>
    article({ id: "a-1", title: "测试", zones: ["珠海高新区"], mainZone: "珠海高新区", paragraphs }),
  );

/** Consecutive paragraphs with the same section, and their sentences. */
function runs(a: Article): { section: string | null; sentences: string[] }[] {
  const out: { section: string | null; sentences: string[] }[] = [];
  for (const p of a.paragraphs) {
    const last = out.at(-1);
    const sentences = splitSentences(p.text);
    if (last && last.section === p.section) last.sentences.push(...sentences);
    else out.push({ section: p.section, sentences });
  }
  return out.filter((r) => r.sentences.length > 0);
}

/** Passages of a run, consecutive in the article, for one run at a time. */
function passagesByRun(a: Article, passages: Passage[]): Passage[][] {
  const out: Passage[][] = [];
  let i = 0;
  for (const run of runs(a)) {
    const total = run.sentences.join("").length;
    const group: Passage[] = [];
    let len = 0;
    while (len < total && i < passages.length) {
      const p = passages[i++] as Passage;
      group.push(p);
      len += p.text.length;
    }
    out.push(group);
  }
  return out;
}

describe("chunkArticle (properties)", () => {
  it("keeps every sentence whole, in order, within its section; cuts only sentences over 2×max", () => {
    fc.assert(
      fc.property(articleArb, (a) => {
        const passages = chunkArticle(a, { min: MIN, max: MAX });
        const groups = passagesByRun(a, passages);
        const rs = runs(a);
        expect(groups).toHaveLength(rs.length);
        rs.forEach((run, r) => {
          const group = groups[r] as Passage[];
          for (const p of group) expect(p.section).toBe(run.section);
          expect(group.map((p) => p.text).join("")).toBe(run.sentences.join(""));
          // Passage boundaries fall on sentence boundaries, except inside sentences over 2×max.
          const sentenceEnds = new Set<number>();
          const longSpans: [number, number][] = [];
          let at = 0;
          for (const s of run.sentences) {
            if (charLength(s) > 2 * MAX) longSpans.push([at, at + s.length]);
            at += s.length;
            sentenceEnds.add(at);
          }
          let end = 0;
          for (const p of group) {
            end += p.text.length;
            const insideLong = longSpans.some(([from, to]) => end > from && end < to);
            expect(sentenceEnds.has(end) || insideLong).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("keeps lengths within bounds, except single long sentences and passages no neighbour could take", () => {
    fc.assert(
      fc.property(articleArb, (a) => {
        const passages = chunkArticle(a, { min: MIN, max: MAX });
        for (const group of passagesByRun(a, passages)) {
          group.forEach((p, i) => {
            const len = charLength(p.text);
            if (len > MAX) expect(splitSentences(p.text)).toHaveLength(1);
            if (len < MIN) {
              for (const n of [group[i - 1], group[i + 1]]) {
                if (n) expect(len + charLength(n.text)).toBeGreaterThan(MAX);
              }
            }
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives unique ids <article>#<ordinal>, stable across runs, and copies article metadata", () => {
    fc.assert(
      fc.property(articleArb, (a) => {
        const once = chunkArticle(a);
        expect(chunkArticle(a)).toEqual(once);
        expect(new Set(once.map((p) => p.id)).size).toBe(once.length);
        once.forEach((p, i) => {
          expect(p.ordinal).toBe(i);
          expect(p.id).toBe(`a-1#${i}`);
          expect(p).toMatchObject({
            articleId: "a-1",
            title: "测试",
            zones: ["珠海高新区"],
            mainZone: "珠海高新区",
          });
        });
      }),
    );
  });
});

describe("chunkArticle (examples)", () => {
  it("chunks the fixture article by section and carries byline and source", () => {
    const zhuhai = ARTICLES[0] as Article;
    const passages = chunkArticle(zhuhai);
    expect(passages.map((p) => p.section)).toEqual([null, "经济指标回升", "项目建设提速"]);
    expect(passages[1]?.text).toBe(
      "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。规模以上工业增加值降幅逐月收窄，高新技术产业保持较快增长。",
    );
    expect(passages[0]).toMatchObject({ byline: "黄鹏飞 曾凯然 戈清平", source: "fixtures/zhuhai.md" });
  });

  it("makes a sentence between max and 2×max a passage of its own", () => {
    const long = `${"高".repeat(400)}。`;
    const a = article({ id: "x", paragraphs: [{ section: null, text: `短句。${long}又一短句。` }] });
    expect(chunkArticle(a).map((p) => p.text)).toEqual(["短句。", long, "又一短句。"]);
  });

  it("cuts a sentence over 2×max at ， into clauses of at most max", () => {
    const clause = `${"新".repeat(99)}，`;
    const sentence = `${clause.repeat(7)}完。`;
    const pieces = splitLongSentence(sentence, MAX);
    expect(pieces.join("")).toBe(sentence);
    for (const p of pieces) expect(charLength(p)).toBeLessThanOrEqual(MAX);
    expect(pieces[0]?.endsWith("，")).toBe(true);
  });

  it("leaves an article without text with no passages", () => {
    expect(chunkArticle(article({ id: "e", paragraphs: [{ section: null, text: "  " }] }))).toEqual([]);
  });

  it("joins Latin sentences with a space", () => {
    const a = article({ id: "en", paragraphs: [{ section: null, text: "Growth hit 40.7%! Really?" }] });
    expect(chunkArticle(a)[0]?.text).toBe("Growth hit 40.7%! Really?");
  });
});
