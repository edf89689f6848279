import type { Passage } from "../../index/types.js";
import { PERIOD } from "../figures.js";
import type { ShortAnswer } from "../types.js";
import { type CheckProblem, statedNumbers, unsupportedNumbers } from "./check.js";

/**
 * The model's short answer: the first line of its reply, `简答：40.7%（1-4月）` (or `简答：无`), asked
 * for by `SHORT_RULE` (prompt.ts). It is taken out of the answer text and checked like the answer: every
 * number it states must be in a passage the answer cites. Pure.
 */

/** Longer than this is a sentence, not a short answer (as the extractive answer's longest candidate). */
const MAX_SHORT_CHARS = 40;

const SHORT_LINE = /^[ \t]*(?:\*\*)?简答(?:\*\*)?[:：][ \t]*(.*?)[ \t]*$/mu;
const NONE = /^(?:无|没有|不适用|none|n\/a|-+|—+)?[。.]?$/iu;
const WHOLE_PERIOD = new RegExp(`^(?:${PERIOD.source})$`);

/** The reply split into its short line (null when absent or `无`) and the rest, the answer proper. */
export function splitShort(reply: string): { short: ShortAnswer | null; rest: string } {
  const text = reply.replace(/<think>[\s\S]*?<\/think>/g, "");
  const m = SHORT_LINE.exec(text);
  if (m === null) return { short: null, rest: reply };
  const rest = `${text.slice(0, m.index)}${text.slice(m.index + m[0].length)}`.trim();
  const value = (m[1] ?? "")
    .replace(/\*\*/g, "")
    .replace(/\[\d+\]/g, "")
    .replace(/[。；;]$/u, "")
    .trim();
  if (NONE.test(value)) return { short: null, rest };
  // A period in brackets at the end is the qualifier (`40.7%（1-4月）`); other brackets are the fact's own.
  const q = /^(.+?)[（(]([^（）()]+)[）)]$/u.exec(value);
  if (q !== null && WHOLE_PERIOD.test(q[2] ?? ""))
    return { short: { text: q[1] ?? "", qualifier: q[2] ?? null }, rest };
  return { short: { text: value, qualifier: null }, rest };
}

/** What is wrong with a model's short answer, given the passages its answer cites (1-based). */
export function checkShort(
  short: ShortAnswer,
  cited: readonly number[],
  passages: readonly Passage[],
): CheckProblem[] {
  const whole = `${short.text}${short.qualifier === null ? "" : `（${short.qualifier}）`}`;
  const problems: CheckProblem[] = [];
  if ([...short.text].length > MAX_SHORT_CHARS)
    problems.push({ code: "too-long", message: `简答“${whole.slice(0, 20)}…”太长了，只写所问的事实本身` });
  const missing = unsupportedNumbers(statedNumbers(whole), cited, passages);
  if (missing.length > 0)
    problems.push({
      code: "unsupported-number",
      message: `简答中的 ${missing.map((m) => m.text).join("、")} 在所引段落中找不到`,
    });
  return problems;
}
