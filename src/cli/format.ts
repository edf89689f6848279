import { shownTitle } from "../answer/article-text.js";
import { MAX_QUESTION_CHARS, type QuestionError, validateQuestion } from "../answer/question.js";
import type { Answer, ShortAnswer } from "../answer/types.js";
import { err, ok, type Result } from "../result.js";

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
    lines.push(`[${c.n}] 《${shownTitle(c)}》${zones}${c.date ? ` ${c.date}` : ""}`);
    // 「」 as on Discord: a quote of a quotation (`“通过这个监测系统…”`) reads without doubled marks.
    lines.push(`    「${c.quote}」`);
    lines.push(`    ${c.source} · ${c.passageId}`);
    if (c.url) lines.push(`    原文 ${c.url}`);
  }
  return lines.join("\n").trimEnd();
}

/** A `--batch` line that cannot be asked: its 1-based line number and why. */
export interface BatchLineProblem {
  line: number;
  message: string;
}

/**
 * The questions of a `--batch` file, one a line: plain text, or a JSON object with a string
 * `question`. Blank lines are passed over; a line that starts as JSON but is not an object with a
 * `question`, or a question that is empty or too long, is a problem with its line number.
 */
export function batchLines(text: string): Result<{ line: number; question: string }, BatchLineProblem>[] {
  const out: Result<{ line: number; question: string }, BatchLineProblem>[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1;
    const t = raw.trim();
    if (t === "") continue;
    let question = t;
    if (t.startsWith("{")) {
      let o: unknown;
      try {
        o = JSON.parse(t);
      } catch {
        out.push(err({ line, message: "不是有效的 JSON (not valid JSON)" }));
        continue;
      }
      const q = typeof o === "object" && o !== null && "question" in o ? o.question : undefined;
      if (typeof q !== "string") {
        out.push(err({ line, message: '没有 "question" 字段 (no "question" string in the object)' }));
        continue;
      }
      question = q;
    }
    const checked = validateQuestion(question);
    if (!checked.ok) out.push(err({ line, message: questionRefusal(checked.error) }));
    else out.push(ok({ line, question }));
  }
  return out;
}

/** A refused question in one line, Chinese first, then English. */
export function questionRefusal(e: QuestionError): string {
  return e.code === "empty"
    ? "请给出一个问题，例如：珠海高新区工业投资增速多少 (no question given)"
    : `${e.message} (question too long: ${e.length} characters, at most ${MAX_QUESTION_CHARS})`;
}

/** The answer object as `ask --json` and `--batch` print it: `short` is always there, null when none. */
export function answerJson(a: Answer): Answer & { short: ShortAnswer | null } {
  const { question, answer, short, ...rest } = a;
  return { question, answer, short: short ?? null, ...rest };
}
