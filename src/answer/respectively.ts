/**
 * "Respectively" (`分别`): a sentence that lists things and then their amounts in the same order
 * (`我国造船完工量、新接订单量和手持订单量以载重吨计分别占世界总量的49.6%、72.6%和53.2%`) answers a
 * question naming one of the things (`新接订单量占世界总量的百分之多少`) with the amount at its place
 * (`72.6%`), not with the first number or with all three. News reports statistics this way; the short
 * answer and the answer line both read it from here. Pure.
 */
import { findNumbers } from "./evidence.js";
import { splitClauses } from "./span.js";

/** The amount a `分别` list gives to the thing the question names. */
export interface Respective {
  /** The amount, verbatim (`72.6%`). */
  value: string;
  /** Where the amount stands in the sentence (UTF-16). */
  valueAt: number;
  /** The clauses from the one listing the things to the one giving the amounts, verbatim. */
  span: string;
}

const RESPECTIVELY = "分别";
/** What joins the items of a list: `、`, and the last one `和`/`与`/`及`/`以及`. */
const JOIN_LAST = /以及|和|与|及/u;
/** What may stand between two amounts of one list. */
const BETWEEN_AMOUNTS = /^(?:、|，|,|和|与|及|以及|、以及)$/u;
/** How many clauses before the `分别` clause the list of things may stand in. */
const LIST_BACK = 2;

/** The amounts right after `分别` in its clause, when they form one list with a unit on each. */
function amountsAfter(rest: string): { text: string; at: number }[] | null {
  const numbers = findNumbers(rest).filter((n) => /\d/.test(n.text) || n.unit !== "");
  const list: { text: string; at: number; unit: string }[] = [];
  for (const n of numbers) {
    const prev = list.at(-1);
    if (prev !== undefined && !BETWEEN_AMOUNTS.test(rest.slice(prev.at + prev.text.length, n.index))) break;
    list.push({ text: n.text, at: n.index, unit: n.unit });
  }
  // `3、5和7万元`: the unit stands on the last amount only — no amount alone is a verbatim answer.
  return list.length < 2 || list.some((a) => a.unit === "") ? null : list;
}

/**
 * The items of a list of `n` things ending at the end of `text`'s last part: split at `、` and the
 * last at `和`/`与`/`及` (so `电气机械和器材制造业、汽车制造业` is two), or at all of them.
 */
function itemsOf(text: string, n: number): string[] | null {
  const byComma = text.split("、");
  if (byComma.length === n) return byComma;
  if (byComma.length === n - 1) {
    const last = byComma.pop() ?? "";
    const m = JOIN_LAST.exec(last);
    if (m !== null) return [...byComma, last.slice(0, m.index), last.slice(m.index + m[0].length)];
  }
  const all = text.split(new RegExp(`、|${JOIN_LAST.source}`, "u"));
  return all.length === n ? all : null;
}

/** The first of `cuts` (longest first) that the question holds, or "". */
function longestHeld(question: string, cuts: readonly string[]): string {
  for (const c of cuts) if (c !== "" && question.includes(c)) return c;
  return "";
}

/** Every piece of `text`, longest first. */
function pieces(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let len = chars.length; len >= 1; len--)
    for (let i = 0; i + len <= chars.length; i++) out.push(chars.slice(i, i + len).join(""));
  return out;
}

/**
 * The index of the one item the question names, or -1. The first item of a list may carry its
 * sentence's subject before it (`我国造船完工量`) and the last the predicate after it
 * (`中级军官的服役年龄上限`): they are matched from the side that touches the list — the first by its
 * end, the last by its start, the ones between whole or in part. The longest match wins, by at least
 * one character, and it must be two characters or more.
 */
function namedItem(items: readonly string[], question: string): { at: number; run: string } | null {
  const runs = items.map((item, i) => {
    const chars = [...item];
    const cuts =
      i === 0
        ? chars.map((_, k) => chars.slice(k).join(""))
        : i === items.length - 1
          ? chars.map((_, k) => chars.slice(0, chars.length - k).join(""))
          : pieces(item);
    return longestHeld(question, cuts);
  });
  const scores = runs.map((r) => [...r].length);
  const best = Math.max(...scores);
  const at = scores.indexOf(best);
  return best >= 2 && scores.filter((s) => s === best).length === 1 ? { at, run: runs[at] ?? "" } : null;
}

/**
 * Of several `分别` lists in a sentence, the one whose own words before `分别` the question states
 * (`以修正总吨计` of `…以修正总吨计分别占47.3%…`), three characters or more that no other list's say;
 * else the first.
 */
function namedGroup(befores: readonly string[], question: string): number {
  const scores = befores.map((b, i) => {
    const others = befores.filter((_, j) => j !== i);
    const own = pieces(b).filter((p) => !others.some((o) => o.includes(p)));
    return [...longestHeld(question, own)].length;
  });
  const best = Math.max(...scores);
  return best >= 3 && scores.filter((s) => s === best).length === 1 ? scores.indexOf(best) : 0;
}

interface Group {
  clause: number;
  /** Text of its clause before `分别`: what it says of all its amounts (`以修正总吨计`). */
  before: string;
  amounts: { text: string; at: number }[];
  /** UTF-16 offset of its clause in the sentence. */
  offset: number;
  restAt: number;
}

/**
 * The amount of a `分别` list that the question's thing has, with the clauses from the list of things
 * to the amounts; null when the sentence has no such list, the things and amounts do not pair up, or
 * the question names no one thing. `normalize` is the index's normalisation (the question is read
 * normalised, the sentence through it).
 */
export function respectiveAnswer(
  sentence: string,
  question: string,
  normalize: (s: string) => string,
): Respective | null {
  if (!sentence.includes(RESPECTIVELY)) return null;
  const clauses = splitClauses(sentence);
  const offsets: number[] = [];
  let at = 0;
  for (const c of clauses) {
    offsets.push(at);
    at += c.length;
  }
  const groups: Group[] = [];
  clauses.forEach((c, i) => {
    const k = c.indexOf(RESPECTIVELY);
    if (k < 0) return;
    const rest = c.slice(k + RESPECTIVELY.length);
    const amounts = amountsAfter(rest);
    if (amounts === null) return;
    groups.push({
      clause: i,
      before: c.slice(0, k),
      amounts,
      offset: offsets[i] ?? 0,
      restAt: k + RESPECTIVELY.length,
    });
  });
  if (groups.length === 0) return null;
  const q = normalize(question);
  // The things: in the list clause itself before `分别`, or in a clause before it.
  const thingsOf = (g: Group): { items: string[]; from: number } | null => {
    for (let i = g.clause; i >= 0 && g.clause - i <= LIST_BACK; i--) {
      // A clause before with a list of its own (`…分别占…`) names its things before its `分别`.
      const whole = i === g.clause ? g.before : (clauses[i] ?? "").replace(/[，,：:；;]$/u, "");
      const items = itemsOf(normalize(whole.split(RESPECTIVELY)[0] ?? whole), g.amounts.length);
      if (items !== null) return { items, from: i };
    }
    return null;
  };
  const first = groups[0] as Group;
  const firstThings = thingsOf(first);
  const firstNamed = firstThings === null ? null : namedItem(firstThings.items, q);
  // Several lists (`以载重吨计分别占…，以修正总吨计分别占…`): the one whose own words the question says,
  // the thing it names aside (`手持订单量以…` is the thing, not the list's `以载重吨计`).
  const rest = firstNamed === null ? q : q.replace(firstNamed.run, "|");
  const group = groups[
    namedGroup(
      groups.map((g) => normalize(g.before)),
      rest,
    )
  ] as Group;
  const things = group === first ? firstThings : thingsOf(group);
  if (things === null) return null;
  const from = things.from;
  const named = group === first ? firstNamed : namedItem(things.items, q);
  if (named === null) return null;
  const which = named.at;
  const amount = group.amounts[which];
  if (amount === undefined) return null;
  // A question that states the amount already is not asking for it.
  if (q.includes(normalize(amount.text))) return null;
  const span = clauses
    .slice(from, group.clause + 1)
    .join("")
    .replace(/[，,：:；;。！？!?\s]+$/u, "");
  return { value: amount.text, valueAt: group.offset + group.restAt + amount.at, span };
}
