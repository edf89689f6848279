import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../src/answer/types.js";
import { evaluate, metrics, type Outcome, renderReport, seedRight } from "../../src/cli/eval-metrics.js";

const cite = (n: number, articleId: string, quote: string, title = "标题"): Citation => ({
  n,
  passageId: `${articleId}#0`,
  articleId,
  title,
  zones: [],
  quote,
  source: "x",
});
const answer = (text: string, citations: Citation[], abstained = false): Answer => ({
  question: "q",
  answer: text,
  abstained,
  mode: "extractive",
  citations,
});
const outcome = (row: Outcome["row"], a: Answer, ms = 1, type = "number"): Outcome => ({
  row,
  answer: a,
  ms,
  type,
});

describe("metrics", () => {
  it("counts R@1, R@5, MRR@10 by the first citation of the question's own paragraph", () => {
    const m = metrics([
      outcome({ question: "a", context_id: "A", answers: ["1"] }, answer("1[1]", [cite(1, "A", "是1。")])),
      outcome(
        { question: "b", context_id: "B", answers: ["2"] },
        answer("x", [cite(1, "A", "x"), cite(2, "B", "2")]),
      ),
      outcome({ question: "c", context_id: "C", answers: ["3"] }, answer("x", [cite(1, "A", "x")])),
    ]);
    expect(m.r1).toBeCloseTo(1 / 3);
    expect(m.r5).toBeCloseTo(2 / 3);
    expect(m.mrr10).toBeCloseTo((1 + 0.5) / 3);
    expect(m.quoteHit).toBeCloseTo(1 / 3);
    expect(m.answerHit).toBeCloseTo(1 / 3);
  });

  it("compares strings as the shared scorer does: NFKC, no whitespace", () => {
    const m = metrics([
      outcome({ question: "a", answers: ["40.7 %"] }, answer("达４０.７%", [cite(1, "A", "增速达40.7%。")])),
    ]);
    expect(m.quoteHit).toBe(1);
    expect(m.answerHit).toBe(1);
  });

  it("scores seed-shaped rows: right headline first, and unanswerable rows declined", () => {
    const good = { question: "q", answers: ["91个"], answerable: true, article_title_contains: "济宁" };
    const no = { question: "q", answers: [], answerable: false, article_title_contains: null };
    expect(seedRight(good, answer("91个[1]", [cite(1, "A", "新建项目91个。", "济宁高新区掀起")]))).toBe(true);
    expect(seedRight(good, answer("91个[1]", [cite(1, "A", "新建项目91个。", "郴州")]))).toBe(false);
    const m = metrics([outcome(no, answer("没有", [], true)), outcome(no, answer("有", []))]);
    expect(m.correctAbstentions).toBe(0.5);
    expect(m.seedAccuracy).toBe(0.5);
  });

  it("gives null rates when no row can be scored for them, and reports by type", () => {
    const r = evaluate([outcome({ question: "a" }, answer("x", []), 3, "date")]);
    expect(r.overall.r1).toBeNull();
    expect(Object.keys(r.byType)).toEqual(["date"]);
    expect(renderReport(r, "t")).toContain("–");
  });
});
