import { describe, expect, it } from "vitest";
import { questionShape } from "../../src/answer/question.js";
import {
  candidateMatrix,
  cascadeProbs,
  FIRST,
  shortChoice,
  shortClass,
  softmax,
} from "../../src/answer/short.js";
import { shortQuestion } from "../../src/answer/short-question.js";
import {
  FIRST_FEATURES,
  type FirstScore,
  firstCandidates,
  SPAN_FEATURES,
  spanCandidates,
} from "../../src/answer/short-spans.js";
import { normalizeText } from "../../src/index/tokenize.js";

const QUOTES = [
  "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%，高于全市平均水平12.3个百分点。",
  "2019年4月，西安高新区管委会主任刘怀信在《中国高新技术产业导报》上撰文，介绍将新建和改造5G宏基站2337座、5G微基站767座的计划。",
  "演员依照角色行当的身份、性格、情绪以及环境，配合相应的锣鼓点，完成表演（见「锣鼓经」一节）。随后乐队退场。",
];
const QUESTIONS = [
  "工业投资增速是多少？",
  "西安高新区管委会主任是谁？",
  "文章是什么时候发表的？",
  "演员如何配合锣鼓点表演？",
  "乐队什么时候退场？",
];

const asked = (question: string) => {
  const norm = normalizeText(question);
  return shortQuestion(norm, questionShape(norm));
};

/** A first score from a seeded generator: a weight for every one of its features, others 0. */
function randomFirst(seed: number, keep: number): FirstScore {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const weights = new Float64Array(SPAN_FEATURES.length);
  for (const f of FIRST_FEATURES) weights[SPAN_FEATURES.indexOf(f)] = 4 * next();
  return { weights, keep };
}

describe("the short answer's first score", () => {
  it("keeps the candidates of the best first score, as the full rows score them, and counts them all", () => {
    const d = SPAN_FEATURES.length;
    let pruned = 0;
    for (const [k, quote] of QUOTES.entries())
      for (const [j, question] of QUESTIONS.entries()) {
        const q = asked(question);
        const all = spanCandidates(quote, q, normalizeText);
        const x = candidateMatrix(all);
        const first = randomFirst(7 * k + j + 1, 12);
        // The first score of each candidate, read off its full row: what `firstScore` must give.
        const z = all.map((_, c) => {
          let sum = 0;
          for (let i = 0; i < d; i++) sum += (first.weights[i] ?? 0) * (x[c * d + i] ?? 0);
          return sum;
        });
        const runAt = SPAN_FEATURES.indexOf("clauseRun");
        const isRun = all.map((_, c) => x[c * d + runAt] === 1);
        const ranked = z.filter((_, c) => !isRun[c]).sort((a, b) => b - a);
        const floor = ranked.length > first.keep ? (ranked[first.keep - 1] ?? 0) : Number.NEGATIVE_INFINITY;
        const expected = all.filter((_, c) => isRun[c] || (z[c] ?? 0) >= floor - 1e-9).map((c) => c.text);
        const got = firstCandidates(quote, q, normalizeText, first);
        // Every candidate, in the same order with the same rows; the network scores the best by the first score.
        expect(got.spans.map((c) => c.text)).toEqual(all.map((c) => c.text));
        got.spans.forEach((c, i) => {
          expect([...c.x]).toEqual([...(all[i]?.x ?? [])]);
        });
        expect(all.filter((_, i) => got.scored[i]).map((c) => c.text)).toEqual(expected);
        // The first score's softmax: on those it keeps, `kept`; each one left out, its own.
        const clauses = all.map((_, c) => c).filter((c) => !isRun[c]);
        const p = softmax(clauses.map((c) => z[c] ?? 0));
        const share = clauses.reduce((a, c, k) => a + (got.scored[c] ? (p[k] ?? 0) : 0), 0);
        expect(got.kept).toBeCloseTo(share, 9);
        clauses.forEach((c, k) => {
          expect(got.order.left[c] ?? 0).toBeCloseTo(got.scored[c] ? 0 : (p[k] ?? 0), 12);
        });
        expect(got.order.count).toBe(all.length);
        if (got.scored.some((x) => !x)) pruned++;
      }
    // The test means something: most of them had candidates left out.
    expect(pruned).toBeGreaterThan(QUOTES.length * QUESTIONS.length * 0.6);
  });

  it("without a first score, every candidate, all of its mass", () => {
    const q = asked(QUESTIONS[0] ?? "");
    const got = firstCandidates(QUOTES[0] ?? "", q, normalizeText);
    expect(got.scored.every((x) => x)).toBe(true);
    expect(got.kept).toBe(1);
  });

  it("answering weighs every candidate: the network's share on those it scored, the first score's on the others", () => {
    const q = asked("工业投资增速是多少？");
    const found = firstCandidates(QUOTES[0] ?? "", q, normalizeText, FIRST[shortClass(q.kinds)]);
    const kept = found.spans.filter((_, i) => found.scored[i]);
    expect(kept.length).toBeLessThan(found.spans.length);
    const net = kept.map(() => 1 / kept.length);
    let placed = 0;
    const at = Int32Array.from(found.scored, (x) => (x ? placed++ : -1));
    const probs = cascadeProbs(net, { ...found.order, at }, found.kept);
    expect(probs).toHaveLength(found.spans.length);
    expect(probs.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    found.spans.forEach((_, i) => {
      expect(probs[i]).toBeCloseTo(
        found.scored[i] ? found.kept / kept.length : (found.order.left[i] ?? 0),
        12,
      );
    });
    expect(shortChoice(q, QUOTES[0] ?? "", normalizeText)?.text).toContain("40.7%");
  });
});
