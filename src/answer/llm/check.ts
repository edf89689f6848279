import { chinese_parseInt } from "chinese-parseint2";
import { splitSentences } from "../../corpus/sentences.js";
import type { Passage } from "../../index/types.js";
import { err, ok, type Result } from "../../result.js";
import { findNumbers } from "../evidence.js";
import { NO_INFO } from "./prompt.js";

/**
 * The checks a model's answer passes before anyone sees it: it is not empty, fits a Discord message,
 * cites only passages it was given, and every number it states is in a passage it cites. Pure.
 */

/** One claim of an answer: a sentence and the passages (1-based, as given to the model) it cites. */
export interface Claim {
  text: string;
  refs: number[];
}

/** An answer that passed the checks, markers tidied (`[1]`, placed before the sentence's full stop). */
export interface CheckedAnswer {
  text: string;
  /** The model said the passages do not answer (and cited nothing). */
  abstained: boolean;
  claims: Claim[];
  /** Passages cited, 1-based as given to the model, in the order first cited. */
  cited: number[];
}

/** What is wrong, in Chinese for the retry prompt, with a code for the log. */
export interface CheckProblem {
  code: "empty" | "too-long" | "unknown-citation" | "no-citation" | "unsupported-number";
  message: string;
}

/** Answers longer than this do not fit a Discord message next to the sources. */
export const MAX_ANSWER_CHARS = 1500;

const MARKER = /[[［【]\s*([0-9０-９]+(?:\s*[,，、\-–~～]\s*[0-9０-９]+)*)\s*[\]］】]/g;
const TERMINATOR = "。！？；!?;";

/** Half-width digits. */
const ascii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** `[1,3]`, `【2】`, `[1-3]` → `[1][3]`, `[2]`, `[1][2][3]`. */
function expandMarker(inner: string): number[] {
  const out: number[] = [];
  for (const part of ascii(inner).split(/\s*[,，、]\s*/)) {
    const range = /^(\d+)\s*[-–~～]\s*(\d+)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      for (let n = from; n <= to && n - from < 20; n++) out.push(n);
    } else out.push(Number(part));
  }
  return out;
}

/**
 * Normalises a model's raw text: drops reasoning (`<think>…</think>`) and a trailing source list,
 * writes every citation as `[n]`, and moves markers that follow a full stop in front of it.
 */
export function tidyAnswer(raw: string): string {
  let s = raw.replace(/<think>[\s\S]*?<\/think>/g, "").trim();
  s = s.replace(/\n+\s*(?:\*\*)?(?:来源|参考资料|参考|出处|引用)(?:\*\*)?[:：][\s\S]*$/u, "");
  s = s.replace(MARKER, (_m, inner: string) =>
    expandMarker(inner)
      .map((n) => `[${n}]`)
      .join(""),
  );
  // `…40.7%。[1]` → `…40.7%[1]。`, so each marker belongs to the sentence it follows.
  s = s.replace(new RegExp(`([${TERMINATOR}])\\s*((?:\\[\\d+\\])+)`, "gu"), "$2$1");
  // The same passage twice in a row says nothing more.
  s = s.replace(/(\[\d+\])(?:\1)+/g, "$1");
  return s.trim();
}

/** The passage numbers a text cites, in order. */
export function markers(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** A number an answer or passage states: its value with the magnitude applied (`166亿` → 1.66e10), and its unit. */
export interface NumberKey {
  value: number;
  unit: string;
  text: string;
}

const MAGNITUDE: Readonly<Record<string, number>> = { 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8 };

/** `万亿` → 1e12. */
function magnitudeOf(chars: string): number {
  let m = 1;
  for (const c of chars) m *= MAGNITUDE[c] ?? 1;
  return m;
}

/**
 * Numbers stated with digits or Chinese numerals, each as value and unit: `166亿元` → 1.66e10 元,
 * `一百六十六亿元` the same, `四十九家` → 49 家. Full-width forms and thousands separators are folded.
 * A Chinese numeral alone or with a one-character unit after `一` (`十分`, `一度`) is a word, not a
 * number (see {@link findNumbers}); decimals written in Chinese (`四十点七`) are not read.
 */
export function statedNumbers(text: string): NumberKey[] {
  const normal = text.normalize("NFKC").replace(/(\d)[,\s](?=\d{3}\b)/g, "$1");
  const out: NumberKey[] = [];
  for (const n of findNumbers(normal)) {
    const digits = /^(\d+(?:\.\d+)?)(?:余|多)?([万亿千百]*)(.*)$/u.exec(n.text.replace(/,/g, ""));
    if (digits) {
      out.push({
        value: Number(digits[1]) * magnitudeOf(digits[2] ?? ""),
        unit: digits[3] ?? "",
        text: n.text,
      });
      continue;
    }
    // Chinese numerals: findNumbers has already split off the unit.
    const numeral = n.text.slice(0, n.text.length - n.unit.length).replace(/[余多]$/u, "");
    const value = chinese_parseInt(numeral);
    if (Number.isFinite(value)) out.push({ value, unit: n.unit, text: n.text });
  }
  return out;
}

/** The same value, however written (`300亿` ~ `三百亿` ~ `30000000000`). */
export function sameValue(a: NumberKey, b: NumberKey): boolean {
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

/** The same quantity: the same value, units equal unless one side leaves it out (`300亿` ~ `300亿元`). */
function sameNumber(a: NumberKey, b: NumberKey): boolean {
  return sameValue(a, b) && (a.unit === "" || b.unit === "" || a.unit === b.unit);
}

function passageNumbers(p: Passage): NumberKey[] {
  return statedNumbers(`${p.title}\n${p.section ?? ""}\n${p.text}`);
}

/** The numbers of `numbers` that none of the passages `refs` (1-based) states. */
export function unsupportedNumbers(
  numbers: readonly NumberKey[],
  refs: readonly number[],
  passages: readonly Passage[],
): NumberKey[] {
  const cited = refs.flatMap((n) => {
    const p = passages[n - 1];
    return p ? passageNumbers(p) : [];
  });
  return numbers.filter((a) => !cited.some((b) => sameNumber(a, b)));
}

/**
 * Splits an answer into claims: sentences, and the clauses of a sentence at `；` (`A增长40.7%[1]；B增长12%[2]。`
 * makes two claims, each checked against its own source). A claim without a marker takes the next
 * cited claim's (or the last one's).
 */
export function claimsOf(text: string): Claim[] {
  const sentences = text.split(/\n+/).flatMap((para) => {
    const parts = splitSentences(para)
      .flatMap((s) => s.split(/(?<=[；;])/))
      .map((s) => ({ text: s, refs: [...new Set(markers(s))] }));
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part === undefined || part.refs.length > 0) continue;
      const next =
        parts.slice(i + 1).find((p) => p.refs.length > 0) ??
        parts.slice(0, i).findLast((p) => p.refs.length > 0);
      if (next) part.refs = next.refs;
    }
    return parts;
  });
  return sentences;
}

const clip = (s: string, n = 40) => ([...s].length > n ? `${[...s].slice(0, n).join("")}…` : s);

/** Runs every check; all problems are reported at once so the retry can name them together. */
export function checkAnswer(
  raw: string,
  passages: readonly Passage[],
  maxChars = MAX_ANSWER_CHARS,
): Result<CheckedAnswer, CheckProblem[]> {
  const text = tidyAnswer(raw);
  if (text === "") return err([{ code: "empty", message: "回答是空的" }]);
  const all = markers(text);
  if (all.length === 0 && text.includes(NO_INFO)) {
    return ok({ text, abstained: true, claims: [], cited: [] });
  }
  const problems: CheckProblem[] = [];
  const length = [...text].length;
  if (length > maxChars) {
    problems.push({
      code: "too-long",
      message: `回答有 ${length} 字，太长了，请控制在 ${Math.floor(maxChars / 3)} 字以内`,
    });
  }
  const unknown = [...new Set(all.filter((n) => n < 1 || n > passages.length))];
  if (unknown.length > 0) {
    problems.push({
      code: "unknown-citation",
      message: `引用了不存在的段落 ${unknown.map((n) => `[${n}]`).join("")}（资料只有 [1] 到 [${passages.length}]）`,
    });
  }
  const claims = claimsOf(text);
  if (all.length === 0) problems.push({ code: "no-citation", message: "回答没有标注任何来源段落编号" });
  for (const claim of claims) {
    const numbers = statedNumbers(claim.text.replace(/\[\d+\]/g, " "));
    if (numbers.length === 0) continue;
    if (claim.refs.length === 0) continue; // already reported as no-citation
    const missing = unsupportedNumbers(numbers, claim.refs, passages);
    if (missing.length > 0) {
      problems.push({
        code: "unsupported-number",
        message: `“${clip(claim.text)}”中的 ${missing.map((m) => m.text).join("、")} 在所引段落 ${claim.refs.map((n) => `[${n}]`).join("")} 中找不到`,
      });
    }
  }
  if (problems.length > 0) return err(problems);
  return ok({ text, abstained: false, claims, cited: [...new Set(all)] });
}
