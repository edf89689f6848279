import type { Answer } from "../answer/types.js";

/** Renders an answer for a terminal: the answer, then its numbered sources. */
export function formatAnswer(a: Answer): string {
  const lines = [a.answer, ""];
  if (a.citations.length > 0) lines.push(a.abstained ? "最接近的来源：" : "来源：");
  for (const c of a.citations) {
    const zones = c.zones.length > 0 ? `（${c.zones.join("、")}）` : "";
    lines.push(`[${c.n}] 《${c.title}》${zones}${c.date ? ` ${c.date}` : ""}`);
    lines.push(`    “${c.quote}”`);
    lines.push(`    ${c.source} · ${c.passageId}`);
    if (c.url) lines.push(`    原文 ${c.url}`);
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
