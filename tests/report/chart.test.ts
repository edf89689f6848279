import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build.js";
import { CHART_HEIGHT, CHART_WIDTH, chartPng, chartSvg } from "../../src/report/chart.js";
import { question, vote } from "../state/fixtures.js";
import { pngInfo } from "./png.js";

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse("2026-12-03T12:00:00Z");
const report = buildReport(
  {
    questions: Array.from({ length: 40 }, (_, i) =>
      question({ id: `q${i}`, at: now - (i % 7) * DAY, declined: i % 3 === 0 }),
    ),
    votes: [vote({ questionId: "q1", vote: "down", at: now - DAY })],
  },
  { since: now - 7 * DAY, now, timeZone: "UTC" },
);

describe("the report chart", () => {
  it("is a valid PNG of the chart's size with more than a blank page of pixels", async () => {
    const info = pngInfo(await chartPng(report));
    expect([info.width, info.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    // White background, two bar colours, the 👎 marker and anti-aliased text: many distinct colours.
    expect(info.distinctPixels).toBeGreaterThan(20);
  });

  it("labels the series and the title in Chinese, drawn in the shipped font", async () => {
    const svg = await chartSvg(report);
    for (const label of ["已回答", "未回答", "踩", "每日提问", "踩 1"]) expect(svg).toContain(label);
    expect(svg).toContain("Noto Sans S Chinese");
  });

  it("renders an empty span too (no questions yet)", async () => {
    const empty = buildReport({ questions: [], votes: [] }, { since: now - 7 * DAY, now, timeZone: "UTC" });
    const info = pngInfo(await chartPng(empty));
    expect([info.width, info.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });
});
