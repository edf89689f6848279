import { describe, expect, it } from "vitest";
import { findNumbers } from "../../src/answer/evidence.js";
import { questionShape } from "../../src/answer/question.js";
import { shortQuestion } from "../../src/answer/short-question.js";
import { prepare, utf16Offsets } from "../../src/answer/short-sentence.js";
import { ENUM, NUMBER_END, NUMBER_START, sideShares, textTests } from "../../src/answer/short-spans.js";
import { PAIRS } from "../../src/answer/span.js";
import { normalizeText } from "../../src/index/tokenize.js";

// Sentences with lists (`、`, `和`, `以及` between items and at the edges), hedged amounts (`近`, `超过`,
// `以上`, `左右`), marks of pairs, Chinese numerals and a character outside the BMP (𠮷).
const CASES: [string, string][] = [
  ["多少家企业的投资增速超过40%", "1-4月，珠海高新区工业投资增速达40.7%以上，民间投资增长约32%左右。"],
  ["哪些企业入选了名单", "华为、中兴和小米以及𠮷祥公司入选，和平区与或县未入选，超过三十家企业左右。"],
  [
    "《战国无双3》是由哪两个公司合作开发的",
    "《战国无双3》（）是由光荣和ω-force开发的“战国无双”系列的正统第三续作。",
  ],
  [
    "哪家企业的投资增速最高",
    "投资增速：近1200家企业，不足五成企业，至少23人，最多七百，以及投资增速达一成。",
  ],
];

describe("what a span's text tests read, once per sentence", () => {
  it("gives what the tests of every span's own text give", () => {
    let spans = 0;
    for (const [question, sentence] of CASES) {
      const norm = normalizeText(question);
      const q = shortQuestion(norm, questionShape(norm));
      expect(q.head).not.toBe("");
      const p = prepare(sentence, normalizeText);
      const utf16 = utf16Offsets(p.normChars);
      const t = textTests(p, q, utf16);
      const marks = new Set([...PAIRS.flat(), '"']);
      const n = p.chars.length;
      for (let s = 0; s < n; s++)
        for (let e = s + 1; e <= n; e++) {
          const text = p.norm.slice(utf16[s], utf16[e]);
          const len16 = text.length;
          const startLength = t.numberStartLength[s] ?? 0;
          expect(startLength > 0 && len16 >= startLength).toBe(NUMBER_START.test(text));
          expect(t.numberEndWord[e] === true && len16 >= 2 ? 2 : 0).toBe(
            NUMBER_END.exec(text)?.[0].length ?? 0,
          );
          expect((t.listEnd[s] ?? e + 1) <= e).toBe(ENUM.test(text));
          expect((t.headEnd16[s] ?? Number.POSITIVE_INFINITY) <= (utf16[e] ?? 0)).toBe(text.includes(q.head));
          expect(t.headLastBefore[e]).toBe(text.endsWith(q.head.slice(-1)));
          expect(t.markFirst[s]).toBe(marks.has(text[0] ?? ""));
          // No numeral in the span: no number found in it.
          if ((t.numeralUpTo[e] ?? 0) === (t.numeralUpTo[s] ?? 0)) expect(findNumbers(text)).toEqual([]);
          spans++;
        }
    }
    // Every span of every sentence, lists and hedges included, was compared.
    expect(spans).toBeGreaterThan(1000);
  });
});

describe("the shares of the question's words either side of each position, once per sentence", () => {
  // Words found at [start, end) with their share; the word of share 0.25 and two characters is found
  // three times (the same share and length: the same word), and counts once on a side.
  const spots: [number, number, number][] = [
    [0, 2, 0.25],
    [5, 7, 0.5],
    [9, 11, 0.25],
    [12, 14, 0.25],
    [16, 17, 0.125],
  ];
  const cut = Array.from({ length: 19 }, (_, i) => i !== 4);

  /** Each side's share at one position as it reads: every word standing there, a repeated word once. */
  function shareAt(at: number, side: "before" | "after"): number {
    const seen: [number, number][] = [];
    let total = 0;
    for (const [a, b, w] of spots) {
      if (!(side === "before" ? b <= at : a >= at) || seen.some(([v, len]) => v === w && len === b - a))
        continue;
      seen.push([w, b - a]);
      total += w;
    }
    return Math.min(1, total);
  }

  it("gives each position where a cut may fall the words' share on that side, the same sum, and 0 elsewhere", () => {
    for (const side of ["before", "after"] as const) {
      const shares = sideShares(spots, side, cut);
      expect(shares).toHaveLength(cut.length);
      expect(shares.every((v, at) => Object.is(v, cut[at] ? shareAt(at, side) : 0))).toBe(true);
    }
    // A word found twice counts once: before the end, the first three words and the last (`0.25` once).
    expect(sideShares(spots, "before", cut)[18]).toBe(0.875);
    expect(sideShares(spots, "after", cut)[4]).toBe(0);
  });
});
