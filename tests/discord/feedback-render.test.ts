import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Citation } from "../../src/answer/types.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { newAnswerId, searchedAndDeclined } from "../../src/discord/feedback.js";
import {
  feedbackId,
  parseFeedbackId,
  renderDownAck,
  renderReportEmbed,
  withFeedback,
} from "../../src/discord/feedback-render.js";
import { embedLength, LIMITS, renderAnswer } from "../../src/discord/render.js";
import { buildReport } from "../../src/report/build.js";
import { question, vote } from "../state/fixtures.js";
import { zhuhaiCitation } from "./fake-service.js";
import { buttonKey } from "./limits.js";

describe("feedback custom ids", () => {
  it("round-trip for every kind, stay short, and are not mistaken for citation or page buttons", () => {
    const id = newAnswerId();
    expect(id).toMatch(/^[\w-]{12}$/);
    for (const kind of ["up", "down", "missing", "reason"] as const) {
      const custom = feedbackId(kind, id);
      expect(custom.length).toBeLessThanOrEqual(20);
      expect(parseFeedbackId(custom)).toEqual({ kind, answerId: id });
      expect(parseCustomId(custom)).toBeNull();
    }
  });

  it("refuse anything else", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const parsed = parseFeedbackId(s);
        if (parsed !== null) expect(feedbackId(parsed.kind, parsed.answerId)).toBe(s);
      }),
    );
    for (const bad of ["fb:up:", "fb:sideways:abcdefabcdef", "fb:up:has space!", "src:1:fb:up:x"])
      expect(parseFeedbackId(bad)).toBeNull();
  });
});

describe("the feedback row under an answer", () => {
  const many = (n: number): Citation[] =>
    Array.from({ length: n }, (_, i) => ({ ...zhuhaiCitation, n: i + 1, passageId: `p-${i}#0` }));
  const answer = (citations: Citation[], abstained = false): Answer => ({
    question: "珠海高新区工业投资增速多少",
    answer: "增速达40.7%[1]。",
    abstained,
    mode: "extractive",
    citations,
  });

  it("is always the last row, and the message never exceeds five rows of five", () => {
    for (const n of [0, 1, 5, 20, 25, 30]) {
      const p = withFeedback(renderAnswer(answer(many(n))), "abcdefabcdef", false);
      expect(p.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
      for (const row of p.components) expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      expect(p.components.at(-1)?.components.map(buttonKey)).toEqual([
        "fb:up:abcdefabcdef",
        "fb:down:abcdefabcdef",
      ]);
      const ids = p.components.flatMap((r) => r.components.map(buttonKey));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("under a declined answer offers 这个问题语料里应该有 in place of 👎", () => {
    const p = withFeedback(renderAnswer(answer([], true)), "abcdefabcdef", true);
    expect(p.components.at(-1)?.components.map((b) => b.label)).toEqual(["👍", "👎 这个问题语料里应该有"]);
  });

  it("offers 这个问题语料里应该有 only when the corpus was searched: not under a language refusal", async () => {
    const { answerQuestion } = await import("../../src/answer/answer.js");
    const refused = await answerQuestion("What is the GDP of Zhuhai?", {} as never);
    expect(refused.abstained).toBe(true);
    expect(searchedAndDeclined(refused)).toBe(false);
    expect(searchedAndDeclined(answer([], true))).toBe(true);
    expect(searchedAndDeclined(answer([zhuhaiCitation]))).toBe(false);
  });

  it("the 👎 acknowledgement offers the four reasons in a select menu", () => {
    const ack = renderDownAck("abcdefabcdef");
    const menu = ack.components[0]?.components[0];
    expect(menu?.custom_id).toBe("fb:why:abcdefabcdef");
    expect(menu?.options.map((o) => o.label)).toEqual(["答案错误", "引用不对", "没回答到点上", "语料过时"]);
  });
});

describe("the /report embed", () => {
  it("stays within Discord's embed limits with many long groups", () => {
    const now = Date.parse("2026-12-03T12:00:00Z");
    const long = "很长的问题".repeat(100);
    const questions = Array.from({ length: 300 }, (_, i) =>
      question({
        id: `q${i}`,
        at: now - i * 1000,
        declined: i % 2 === 0,
        zones: [`测试${i}号高新区`],
        uncovered: [`测试${i}号高新区`],
        question: `${long}${i}`,
        citations: Array.from({ length: 10 }, (_, k) => `passage-${k}-${"x".repeat(60)}#0`),
      }),
    );
    const votes = questions.map((q) => vote({ questionId: q.id, vote: "down", reason: "wrong", at: now }));
    const report = buildReport({ questions, votes }, { since: now - 86_400_000, now, timeZone: "UTC" });
    const embed = renderReportEmbed(report, { days: 1, recording: false });
    expect(embedLength(embed as Parameters<typeof embedLength>[0])).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embed.description).toContain("记录已停止");
  });
});
