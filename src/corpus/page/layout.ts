/**
 * Measures of a raw page's layout (column width, whether it is set in columns), photo credits, and
 * the rules that cut a body's lines into paragraphs under subheads (see ../newspaper.ts).
 */
import { cleanText, endsSentence, joinLines } from "../text.js";
import type { Paragraph } from "../types.js";
import { getJieba } from "../zones.js";
import type { Line } from "./lines.js";

const CREDIT = /(?:图片来源|图片提供|图片|供图|摄影|照片)\s*[:：]|\s\p{Script=Han}{2,8}\s*(?:供图|摄)\s*$/u;

/** Index where a photo credit starts in `raw`, or -1. */
export function creditAt(raw: string): number {
  const m = CREDIT.exec(raw);
  return m ? m.index : -1;
}

/** Typical full-line width: the median width of lines broken mid-sentence. */
export function columnWidth(lines: readonly Line[]): number {
  const ws = lines
    .filter((l) => !endsSentence(l.text) && l.width >= 4)
    .map((l) => l.width)
    .sort((a, b) => a - b);
  return ws[Math.floor(ws.length / 2)] ?? 0;
}

/** Column layout: most lines are broken mid-sentence, and the lines are narrow. */
export function isColumned(lines: readonly Line[], col: number): boolean {
  const broken = lines.filter((l) => !endsSentence(l.text)).length;
  return lines.length >= 4 && broken / lines.length >= 0.5 && col > 0 && col <= 40;
}

// Characters a Chinese phrase cannot end with: a line ending in one runs on.
const RUNS_ON = new Set([
  ..."的是在和与及将为对把被从向于以等或而并了着地得之其所最更很也都就还又这那各每该个位名家",
]);

/** True when a word of the text is split between the end of `a` and the start of `b` (`党|委`). */
function wordAcross(a: string, b: string): boolean {
  const left = [...a].slice(-4).join("");
  const right = [...b].slice(0, 4).join("");
  if (!/\p{Script=Han}$/u.test(left) || !/^\p{Script=Han}/u.test(right)) return false;
  let pos = 0;
  for (const tok of getJieba().cut(left + right, false)) {
    const end = pos + tok.length;
    if (pos < left.length && end > left.length) return true;
    pos = end;
  }
  return false;
}

const CLAUSE_PUNCT = /[，。；：！？,;:!?]/u;

/** A line that reads like a title: short, no clause punctuation, not running on into `next`. */
export function titleLike(line: Line, next: Line | undefined, maxWidth: number): boolean {
  if (line.width < 2 || line.width > maxWidth || CLAUSE_PUNCT.test(line.text)) return false;
  if (RUNS_ON.has(line.text.at(-1) ?? "")) return false;
  return next === undefined || !wordAcross(line.text, next.text);
}

/** Splits one body into paragraphs under their subheads (see the module comment for the rules). */
export function paragraphsOf(lines: readonly Line[], col: number, columned: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  let section: string | null = null;
  let buf: Line[] = [];
  const flush = () => {
    const text = cleanText(joinLines(buf.map((l) => l.raw)));
    if (text !== "") out.push({ section, text });
    buf = [];
  };
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const subhead =
      prev !== undefined &&
      next !== undefined &&
      endsSentence(prev.text) &&
      titleLike(line, columned ? next : undefined, columned ? col - 3 : 25);
    if (subhead) {
      flush();
      section = line.text;
      return;
    }
    buf.push(line);
    if (endsSentence(line.text) && (!columned || line.width <= col - 1)) flush();
  });
  flush();
  return out;
}

/** Headline text from its lines: words a space apart on one line (`总投资166亿元 西安高新区…`) keep it. */
export function headlineText(lines: readonly Line[]): string {
  const perLine = lines.map((l) => {
    const parts = l.raw
      .split(/\s+/u)
      .map(cleanText)
      .filter((p) => p !== "");
    let s = parts[0] ?? "";
    for (const p of parts.slice(1)) {
      // A kicker and a main title are phrases; a single stray character is a broken word.
      const phrase = [...(s.split(" ").at(-1) ?? "")].length >= 4 && [...p].length >= 4;
      s += (phrase ? " " : "") + p;
    }
    return s;
  });
  return joinLines(perLine);
}
