import { describe, expect, it } from "vitest";
import { questionShape } from "../../src/answer/question.js";
import { candidateMatrix, netScore, netScorer, type ShortNet, shortAnswer } from "../../src/answer/short.js";
import { SHORT_NET } from "../../src/answer/short-net-weights.js";
import { shortQuestion } from "../../src/answer/short-question.js";
import { SPAN_FEATURES, scoredSpans, spanCandidates } from "../../src/answer/short-spans.js";
import { normalizeText } from "../../src/index/tokenize.js";

/** Two hidden units over three features, small enough to score by hand. */
const TINY: ShortNet = {
  hidden: 2,
  // Feature-major: feature 0 feeds unit 0, feature 1 unit 1, feature 2 both (+1, −1).
  input: [1, 0, 0, 1, 1, -1],
  bias: [0, 0.5],
  output: [2, -1],
  linear: [0.5, 0.25, 0],
};

describe("the network ranker's score", () => {
  it("is linear · x + output · tanh(inputᵀ x + bias)", () => {
    const x = [1, 0, 2];
    // Unit 0: 1·1 + 1·2 = 3; unit 1: 0.5 − 1·2 = −1.5.
    const expected = 0.5 + 2 * Math.tanh(3) - Math.tanh(-1.5);
    const acts = new Float64Array(2);
    expect(netScore(TINY, x, 0, [0, 2], 0, 2, acts)).toBeCloseTo(expected, 12);
    expect([...acts]).toEqual([Math.tanh(3), Math.tanh(-1.5)]);
    // No features: the hidden biases alone.
    expect(netScore(TINY, [0, 0, 0], 0, [], 0, 0)).toBeCloseTo(-Math.tanh(0.5), 12);
  });

  it("reads one row of a matrix from its offset", () => {
    const matrix = [9, 9, 9, 1, 0, 2];
    expect(netScore(TINY, matrix, 3, [0, 2], 0, 2)).toBe(netScore(TINY, [1, 0, 2], 0, [0, 2], 0, 2));
  });

  it("is the same, bit for bit, from the features other than 0 as from the whole row", () => {
    const all = [0, 1, 2];
    for (const x of [
      [1, 0, 2],
      [0, 0.3, 0],
      [0.7, 0.2, 0],
    ]) {
      const nz = all.filter((i) => x[i] !== 0);
      expect(Object.is(netScore(TINY, x, 0, nz, 0, nz.length), netScore(TINY, x, 0, all, 0, 3))).toBe(true);
    }
  });

  it("scores a quote's candidates as the answerer reads them (sparse) as over their whole rows (dense)", () => {
    const d = SPAN_FEATURES.length;
    const dense = [...Array(d).keys()];
    const cases: [string, string][] = [
      ["珠海高新区工业投资增速多少", "1-4月，珠海高新区工业投资增速达40.7%，民间投资增长32%。"],
      ["兰州高新区两新组织党委书记叫什么名字", "兰州高新区两新组织党委书记刘怀信带头捐款。"],
      ["远山氮化镓计划什么时候达到量产", "远山氮化镓项目计划于6月份达到量产。"],
    ];
    for (const [question, quote] of cases) {
      const norm = normalizeText(question);
      const q = shortQuestion(norm, questionShape(norm));
      const cands = spanCandidates(quote, q, normalizeText);
      const x = candidateMatrix(cands);
      for (const net of Object.values(SHORT_NET)) {
        const scored = scoredSpans(quote, q, normalizeText, (row, nz, count) =>
          netScore(net, row, 0, nz, 0, count),
        );
        expect(scored.spans.map((s) => s.text)).toEqual(cands.map((c) => c.text));
        const whole = cands.map((_, i) => netScore(net, x, i * d, dense, 0, d));
        expect(scored.scores.every((s, i) => Object.is(s, whole[i]))).toBe(true);
      }
    }
  });

  it("scores as netScorer, the answerer's copy, as netScore does: bit for bit, 16 units or another number", () => {
    const cases: [string, string][] = [
      ["珠海高新区工业投资增速多少", "1-4月，珠海高新区工业投资增速达40.7%，民间投资增长32%。"],
      [
        "《战国无双3》是由哪两个公司合作开发的",
        "《战国无双3》（）是由光荣和ω-force开发的战国无双系列的正统第三续作。",
      ],
    ];
    // The shipped networks have 16 hidden units (their own code path); another size takes the general one.
    const d = SPAN_FEATURES.length;
    const three: ShortNet = {
      hidden: 3,
      input: Array.from({ length: d * 3 }, (_, i) => ((i * 7) % 11) / 10 - 0.5),
      bias: [0.1, -0.2, 0.3],
      output: [1, -0.5, 0.25],
      linear: Array.from({ length: d }, (_, i) => ((i * 5) % 7) / 7 - 0.4),
    };
    const nets = [...Object.values(SHORT_NET), three];
    let compared = 0;
    for (const [question, quote] of cases) {
      const norm = normalizeText(question);
      const q = shortQuestion(norm, questionShape(norm));
      for (const net of nets) {
        const fast = netScorer(net);
        const scored = scoredSpans(quote, q, normalizeText, (row, nz, count) => {
          const slow = netScore(net, row, 0, nz, 0, count);
          // The answerer's copy must give this very number, not one a rounding away.
          expect(Object.is(fast(row, nz, count), slow)).toBe(true);
          compared++;
          return slow;
        });
        expect(scored.spans.length).toBeGreaterThan(0);
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("gives the shipped networks' short answer to a number, a person and a date", () => {
    const short = (question: string, quote: string) => {
      const q = normalizeText(question);
      return shortAnswer(q, questionShape(q), quote, normalizeText)?.text;
    };
    expect(
      short(
        "珠海高新区工业投资增速多少",
        "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。",
      ),
    ).toBe("40.7%");
    expect(short("兰州高新区两新组织党委书记叫什么名字", "兰州高新区两新组织党委书记刘怀信带头捐款。")).toBe(
      "刘怀信",
    );
    expect(short("远山氮化镓计划什么时候达到量产", "远山氮化镓项目计划于6月份达到量产。")).toBe("6月份");
  });
});
