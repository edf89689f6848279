import { describe, expect, it } from "vitest";
import { buildReport, parseSince } from "../../src/report/build.js";
import { formatReport } from "../../src/report/text.js";
import { question, vote } from "../state/fixtures.js";

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse("2026-12-03T12:00:00Z");
const at = (daysAgo: number) => now - daysAgo * DAY;

const rows = {
  questions: [
    question({ id: "q1", at: at(2) }),
    question({
      id: "q2",
      at: at(2),
      declined: true,
      zones: ["拉萨高新区"],
      uncovered: ["拉萨高新区"],
      question: "拉萨高新区有多少企业",
    }),
    question({
      id: "q3",
      at: at(1),
      declined: true,
      zones: ["拉萨高新区"],
      uncovered: ["拉萨高新区"],
      question: "拉萨高新区GDP多少",
    }),
    question({
      id: "q4",
      at: at(1),
      declined: true,
      zones: [],
      uncovered: [],
      topic: "人才·政策",
      question: "人才政策有哪些",
    }),
    question({
      id: "q5",
      at: at(1),
      zones: ["深圳高新区"],
      uncovered: ["深圳高新区"],
      question: "深圳高新区在哪",
    }),
    question({ id: "old", at: at(30), question: "很久以前的问题" }),
  ],
  votes: [
    vote({ questionId: "q1", userKey: "u1", vote: "down", reason: "citation", at: at(1) }),
    vote({ questionId: "q1", userKey: "u2", vote: "down", reason: null, at: at(1) }),
    vote({ questionId: "q1", userKey: "u3", vote: "up", at: at(1) }),
    vote({ questionId: "old", userKey: "u1", vote: "down", reason: "outdated", at: at(0.5) }),
  ],
};

describe("buildReport", () => {
  const report = buildReport(rows, { since: at(7), now, timeZone: "UTC" });

  it("counts every day of the span, quiet days as zero, and totals asked, answered, declined and votes", () => {
    expect(report.days.map((d) => d.day)).toEqual([
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
    ]);
    expect(report.days.find((d) => d.day === "2026-12-01")).toMatchObject({
      asked: 2,
      answered: 1,
      declined: 1,
    });
    expect(report.days.find((d) => d.day === "2026-12-02")).toMatchObject({
      asked: 3,
      answered: 1,
      declined: 2,
      up: 1,
      down: 2,
    });
    expect(report.totals).toEqual({ asked: 5, answered: 2, declined: 3, up: 1, down: 3 });
  });

  it("groups declined questions by the zone they name, else by their main words", () => {
    expect(report.declined).toEqual([
      { key: "拉萨高新区", kind: "zone", count: 2, examples: ["拉萨高新区GDP多少", "拉萨高新区有多少企业"] },
      { key: "人才·政策", kind: "topic", count: 1, examples: ["人才政策有哪些"] },
    ]);
  });

  it("lists answers with 👎, their reasons and citations, including an older question voted on in the span", () => {
    expect(report.downvoted.map((a) => [a.questionId, a.down, a.up, a.reasons])).toEqual([
      ["q1", 2, 1, { citation: 1 }],
      ["old", 1, 0, { outdated: 1 }],
    ]);
    expect(report.downvoted[0]?.citations).toEqual(["000_d463814998410617-5#0"]);
    expect(report.downvoted[1]?.question).toBe("很久以前的问题");
  });

  it("lists the zones asked about that the corpus does not cover, most asked first", () => {
    expect(report.uncoveredZones).toEqual([
      { zone: "拉萨高新区", count: 2 },
      { zone: "深圳高新区", count: 1 },
    ]);
  });

  it("prints as text with every section", () => {
    const text = formatReport(report);
    expect(text).toContain("提问 5，已回答 2（40%），未回答 3（60%）；👍 1，👎 3");
    expect(text).toContain("拉萨高新区  例：拉萨高新区GDP多少");
    // The bot's words, not English: the same headings as /report.
    for (const heading of [
      "未回答的问题（按高新区或关键词）",
      "被点 👎 的回答",
      "被问到但语料未覆盖的高新区",
    ])
      expect(text).toContain(heading);
    expect(text).not.toMatch(/\b(?:asked|answered|declined|Questions)\b/);
    expect(text).toContain("[人才·政策]");
    expect(text).toContain("引用不对 1");
    expect(text).toContain("深圳高新区");
  });
});

describe("parseSince", () => {
  it("reads spans and past dates, and refuses anything else in one line", () => {
    expect(parseSince("7d", now)).toEqual({ ok: true, value: now - 7 * DAY });
    expect(parseSince("24h", now)).toEqual({ ok: true, value: now - DAY });
    expect(parseSince("2026-11-01", now)).toEqual({ ok: true, value: Date.parse("2026-11-01") });
    for (const bad of ["7", "week", "-3d", "2099-01-01"]) {
      const r = parseSince(bad, now);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).not.toContain("\n");
    }
  });
});
