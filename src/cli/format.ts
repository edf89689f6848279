import type { Answer, ShortAnswer } from "../answer/types.js";

/** The short answer's line, as Markdown: the fact in bold, its period after it (`**40.7%**（1-4月）`). */
export function shortLine(s: ShortAnswer): string {
  return `**${s.text}**${s.qualifier === null ? "" : `（${s.qualifier}）`}`;
}

/** Renders an answer for a terminal: the short answer when there is one, the answer, then its numbered sources. */
export function formatAnswer(a: Answer): string {
  const lines = [...(a.short ? [shortLine(a.short)] : []), a.answer, ""];
  if (a.citations.length > 0) lines.push(a.abstained ? "最接近的来源：" : "来源：");
  for (const c of a.citations) {
    const zones = c.zones.length > 0 ? `（${c.zones.join("、")}）` : "";
    lines.push(`[${c.n}] 《${c.title}》${zones}${c.date ? ` ${c.date}` : ""}`);
    lines.push(`    “${c.quote}”`);
    lines.push(`    ${c.source} · ${c.passageId}`);
  }
  return lines.join("\n").trimEnd();
}

/** One batch line → the question: plain text, or a JSON object with a `question` field. */
export function batchQuestion(line: string): string {
  const t = line.trim();
  if (t.startsWith("{")) {
    try {
      const o = JSON.parse(t) as { question?: unknown };
      if (typeof o.question === "string") return o.question;
    } catch {
      // Not JSON after all: treat the line as the question text.
    }
  }
  return t;
}

/** The answer object as `ask --json` and `--batch` print it: `short` is always there, null when none. */
export function answerJson(a: Answer): Answer & { short: ShortAnswer | null } {
  const { question, answer, short, ...rest } = a;
  return { question, answer, short: short ?? null, ...rest };
}
