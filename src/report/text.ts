import { REASON_LABEL, type Report } from "./build.js";

/** The report as plain text for the terminal (`npm run report`). */
export function formatReport(report: Report): string {
  const { totals } = report;
  const pct = (n: number) => (totals.asked === 0 ? "—" : `${Math.round((n / totals.asked) * 100)}%`);
  const lines = [
    `Questions ${report.since.slice(0, 16).replace("T", " ")} → ${report.until.slice(0, 16).replace("T", " ")} UTC (days in ${report.timeZone})`,
    `asked ${totals.asked}, answered ${totals.answered} (${pct(totals.answered)}), declined ${totals.declined} (${pct(totals.declined)}); 👍 ${totals.up}, 👎 ${totals.down}`,
    "",
    "day         asked  answered  declined  👍   👎",
    ...report.days.map(
      (d) =>
        `${d.day}  ${pad(d.asked, 5)}  ${pad(d.answered, 8)}  ${pad(d.declined, 8)}  ${pad(d.up, 3)}  ${pad(d.down, 3)}`,
    ),
    "",
    "Declined questions, by the zone they name (or their main words):",
    ...(report.declined.length === 0
      ? ["  (none)"]
      : report.declined.map(
          (g) =>
            `  ${pad(g.count, 4)}  ${g.kind === "zone" ? g.key : `[${g.key}]`}  e.g. ${g.examples.join(" | ")}`,
        )),
    "",
    "Answers with 👎:",
    ...(report.downvoted.length === 0
      ? ["  (none)"]
      : report.downvoted.map((a) => {
          const reasons = Object.entries(a.reasons)
            .map(([r, n]) => `${REASON_LABEL[r as keyof typeof REASON_LABEL]} ${n}`)
            .join(", ");
          return `  👎 ${a.down} 👍 ${a.up}  ${a.question ?? `(question ${a.questionId} deleted)`}${reasons ? `  — ${reasons}` : ""}\n        cited: ${a.citations.join(", ") || "(nothing)"}`;
        })),
    "",
    "Zones asked about that the corpus does not cover:",
    ...(report.uncoveredZones.length === 0
      ? ["  (none)"]
      : report.uncoveredZones.map((z) => `  ${pad(z.count, 4)}  ${z.zone}`)),
  ];
  return `${lines.join("\n")}\n`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
