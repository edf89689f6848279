import { REASON_LABEL, type Report } from "./build.js";

/**
 * The report as plain text for the terminal (`npm run report`), in the bot's words: the same
 * headings and labels as `/report` (提问, 已回答, 未回答, 👍/👎, the 👎 reasons). `--json` keeps the
 * English keys of {@link Report}.
 */
export function formatReport(report: Report): string {
  const { totals } = report;
  const pct = (n: number) => (totals.asked === 0 ? "—" : `${Math.round((n / totals.asked) * 100)}%`);
  const when = (iso: string) => iso.slice(0, 16).replace("T", " ");
  const lines = [
    `提问统计：${when(report.since)} 至 ${when(report.until)}（UTC；按日统计用 ${report.timeZone}）`,
    `提问 ${totals.asked}，已回答 ${totals.answered}（${pct(totals.answered)}），未回答 ${totals.declined}（${pct(totals.declined)}）；👍 ${totals.up}，👎 ${totals.down}`,
    "",
    "日期          提问  已回答  未回答   👍   👎",
    ...report.days.map(
      (d) =>
        `${d.day}  ${pad(d.asked, 5)}  ${pad(d.answered, 6)}  ${pad(d.declined, 6)}  ${pad(d.up, 3)}  ${pad(d.down, 3)}`,
    ),
    "",
    "未回答的问题（按高新区或关键词）：",
    ...(report.declined.length === 0
      ? ["  （无）"]
      : report.declined.map(
          (g) =>
            `  ${pad(g.count, 4)}  ${g.kind === "zone" ? g.key : `[${g.key}]`}  例：${g.examples.join(" | ")}`,
        )),
    "",
    "被点 👎 的回答：",
    ...(report.downvoted.length === 0
      ? ["  （无）"]
      : report.downvoted.map((a) => {
          const reasons = Object.entries(a.reasons)
            .map(([r, n]) => `${REASON_LABEL[r as keyof typeof REASON_LABEL]} ${n}`)
            .join("，");
          return `  👎 ${a.down} 👍 ${a.up}  ${a.question ?? `（问题 ${a.questionId} 已删除）`}${reasons ? `  — ${reasons}` : ""}\n        引用：${a.citations.join("，") || "（无）"}`;
        })),
    "",
    "被问到但语料未覆盖的高新区：",
    ...(report.uncoveredZones.length === 0
      ? ["  （无）"]
      : report.uncoveredZones.map((z) => `  ${pad(z.count, 4)}  ${z.zone}`)),
  ];
  return `${lines.join("\n")}\n`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
