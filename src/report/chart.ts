import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import type { TopLevelSpec } from "vega-lite";
import type { Report } from "./build.js";

/**
 * The report's chart: questions per day as stacked bars (answered, declined) with the day's 👎 count
 * marked above them. Vega-Lite describes it, Vega lays it out as SVG, resvg rasterises it to PNG with
 * a CJK font shipped in node_modules (Noto Sans Hans, GB2312 subset), so Chinese labels come out the
 * same on any machine, without system fonts or a browser.
 */

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

const require = createRequire(import.meta.url);
/**
 * The font files, found through the package (its `exports` name no font file, hence the path from
 * its entry point), so the chart renders from any working directory.
 */
const FONT_DIR = join(dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts");
export const CHART_FONT_FILES = ["NotoSansHans-Regular.otf", "NotoSansHans-Bold.otf"].map((f) =>
  join(FONT_DIR, f),
);
/** The family name inside that file. */
const FONT = "Noto Sans S Chinese";

const ANSWERED = "已回答";
const DECLINED = "未回答";
const DOWN = "踩";

/** The Vega-Lite spec of `report`'s chart, fixed at {@link CHART_WIDTH}×{@link CHART_HEIGHT} overall. */
export function chartSpec(report: Report): TopLevelSpec {
  const bars = report.days.flatMap((d) => [
    { day: d.day.slice(5), series: ANSWERED, n: d.answered, order: 0 },
    { day: d.day.slice(5), series: DECLINED, n: d.declined, order: 1 },
  ]);
  const downs = report.days
    .filter((d) => d.down > 0)
    .map((d) => ({ day: d.day.slice(5), series: DOWN, top: d.asked, n: d.down, label: `踩 ${d.down}` }));
  const { totals } = report;
  // Room above the tallest bar for its ▼ and label, so they never run into the legend.
  const tallest = Math.max(1, ...report.days.map((d) => d.asked));
  const domainMax = Math.ceil(tallest * 1.2) + 1;
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    scale: { domain: [ANSWERED, DECLINED, DOWN], range: ["#2f80ed", "#b8bec8", "#e5484d"] },
    legend: { orient: "top", labelFontSize: 13, symbolType: "square" },
  } as const;
  const x = {
    field: "day",
    type: "ordinal",
    title: null,
    sort: null,
    axis: { labelAngle: 0, labelFontSize: 12, labelOverlap: true },
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: "fit", contains: "padding" },
    padding: 16,
    background: "#ffffff",
    config: { font: FONT, view: { stroke: null } },
    title: {
      text: `每日提问（${report.days[0]?.day ?? ""} 至 ${report.days.at(-1)?.day ?? ""}）`,
      subtitle: `共 ${totals.asked} 个问题：已回答 ${totals.answered}，未回答 ${totals.declined}；赞 ${totals.up}，踩 ${totals.down}`,
      fontSize: 18,
      subtitleFontSize: 13,
      anchor: "start",
    },
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: {
          x,
          y: {
            field: "n",
            type: "quantitative",
            stack: "zero",
            title: "问题数",
            axis: { tickMinStep: 1 },
            scale: { domainMax },
          },
          color,
          order: { field: "order" },
        },
      },
      {
        data: { values: downs },
        mark: { type: "point", shape: "triangle-down", filled: true, size: 140, yOffset: -10, opacity: 1 },
        encoding: { x, y: { field: "top", type: "quantitative" }, color },
      },
      {
        data: { values: downs },
        mark: { type: "text", dy: -24, fontSize: 12, fontWeight: "bold", color: "#e5484d" },
        encoding: { x, y: { field: "top", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  } as TopLevelSpec;
}

/**
 * The chart as SVG text. Vega is loaded on first use: it is needed only for `/report`, and loaded
 * before discord.js it breaks discord.js's bundled `inspect` at import time (seen with vega 6.4 and
 * discord.js 14.28: "Cannot use 'in' operator to search for 'Symbol(Symbol.iterator)'").
 */
export async function chartSvg(report: Report): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new View(parse(compile(chartSpec(report)).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The chart as a PNG, {@link CHART_WIDTH}×{@link CHART_HEIGHT}. Rasterising (with loading the
 * 8 MB font files) takes 0.2–1 s here, so it runs on libuv's thread pool, not the event loop that
 * answers questions; laying out the SVG takes ~100 ms of the event loop.
 */
export async function chartPng(report: Report): Promise<Buffer> {
  const svg = await chartSvg(report);
  const image = await renderAsync(svg, {
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: "original" },
  });
  return image.asPng();
}
