import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../src/answer/types.js";
import {
  answeredWrongly,
  evaluate,
  metrics,
  type Outcome,
  renderReport,
  renderSplit,
  seedRight,
  splitReport,
} from "../../src/cli/eval-metrics.js";
import { articleKey, inIndexedHalf } from "../../src/cli/eval-pool.js";

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

  it("scores the short answer by character F1 and exact match, declined and none counting 0, and says how often one is given", () => {
    const withShort = (a: Answer, text: string | null): Answer => ({
      ...a,
      short: text === null ? null : { text, qualifier: null },
    });
    const quote = [cite(1, "A", "工业投资增速达40.7%。")];
    const outcomes = [
      // Exact: F1 1, holds.
      outcome({ question: "a", answers: ["40.7%"] }, withShort(answer("增速达40.7%[1]", quote), "40.7%")),
      // Longer than the gold: precision 5/8, recall 1; still holds it.
      outcome(
        { question: "b", answers: ["40.7%"] },
        withShort(answer("增速达40.7%[1]", quote), "增速达40.7%"),
      ),
      // Answered with no short answer: 0, and not given.
      outcome({ question: "c", answers: ["40.7%"] }, withShort(answer("增速达40.7%[1]", quote), null)),
      // Declined: 0, even with a short answer left on it.
      outcome({ question: "d", answers: ["40.7%"] }, withShort(answer("没有", quote, true), "40.7%")),
    ];
    const m = metrics(outcomes);
    const f1 = (2 * (5 / 8)) / (5 / 8 + 1);
    expect(m.shortF1).toBeCloseTo((1 + f1) / 4, 10);
    expect(m.shortExact).toBeCloseTo(1 / 4, 10);
    expect(m.shortGiven).toBeCloseTo(2 / 3, 10);
    expect(m.shortHolds).toBe(1);
    const table = renderReport(evaluate(outcomes), "t");
    expect(table).toContain("short F1");
    expect(table.split("\n")[2]).toContain(((1 + f1) / 4).toFixed(3));
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

  it("counts any of a news row's positive contexts (reprints) as its own article", () => {
    const row = { question: "q", context_id: "A", positive_context_ids: ["A", "B"], answers: ["5%"] };
    const m = metrics([outcome(row, answer("5%[1]", [cite(1, "B", "增长5%。")]))]);
    expect(m.r1).toBe(1);
    const missed = evaluate([outcome(row, answer("x", [cite(1, "C", "x")]))]);
    expect(missed.overall.r1).toBe(0);
    expect(missed.misses).toEqual(["q"]);
  });

  it("prints a baseline line under the overall one when given", () => {
    const r = evaluate([outcome({ question: "a", context_id: "A" }, answer("x", [cite(1, "A", "x")]))]);
    const table = renderReport(r, "t", r.overall);
    expect(table.split("\n")[3]).toMatch(/^baseline\s+1\s+1\.000/);
  });
});

describe("split-article protocol", () => {
  it("counts a not-indexed question answered with no gold string in its answer line as answered wrongly", () => {
    const row = { question: "q", context_id: "A", answers: ["3.7%"] };
    expect(answeredWrongly(row, answer("增长2.3%[1]。", [cite(1, "X", "增长2.3%。")]))).toBe(true);
    expect(answeredWrongly(row, answer("增长3.7%[1]。", [cite(1, "X", "增长3.7%。")]))).toBe(false);
    expect(answeredWrongly(row, answer("没有", [], true))).toBe(false);
    const s = splitReport([
      { row, answer: answer("增长2.3%[1]。", []), indexed: false },
      { row, answer: answer("没有", [], true), indexed: false },
      { row, answer: answer("增长3.7%[1]。", []), indexed: true },
    ]);
    expect(s).toMatchObject({ answerable: 1, notIndexed: 2, declinedNotIndexed: 0.5, wrongNotIndexed: 0.5 });
    expect(renderSplit(s)).toContain("answered wrongly when not indexed 0.500");
  });

  it("splits untitled rows (news) article by article, titled rows (Wikipedia pages) by title", () => {
    expect(articleKey({ context_id: "a", title: "长城" })).toBe(
      articleKey({ context_id: "b", title: "长城" }),
    );
    const keys = Array.from({ length: 40 }, (_, i) => articleKey({ context_id: `n${i}`, title: "" }));
    const indexed = keys.filter(inIndexedHalf).length;
    expect(indexed).toBeGreaterThan(5);
    expect(indexed).toBeLessThan(35);
  });
});
