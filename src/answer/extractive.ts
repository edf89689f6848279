import { splitSentences } from "../index/sentences.js";
import type { Passage } from "../index/types.js";
import { findDates, findNumbers, hasPersonCue, unitMatches } from "./evidence.js";
import type { QuestionShape } from "./question.js";

/** Text operations the sentence picker needs, provided by the index (same normalisation as retrieval). */
export interface TextTools {
  /** NFKC, Traditional→Simplified, lowercase. */
  normalize(s: string): string;
  /** Content words of an (unnormalised) text, stop words removed. */
  words(s: string): string[];
  /** Inverse document frequency of a normalised word over the indexed passages. */
  idf(word: string): number;
}

/** A retrieved passage and its place in the fused ranking (0 = best). */
export interface Candidate {
  passage: Passage;
  rank: number;
}

/** The best sentence of a passage for a question, with how well it answers. */
export interface SentencePick {
  passage: Passage;
  rank: number;
  /** The sentence, verbatim from the passage. */
  sentence: string;
  /** The part of the sentence that states the fact (verbatim), for the answer line. */
  span: string;
  /** Final score used for ranking (lexical support × answer type × retrieval prior). */
  score: number;
  /** Share of the question's weighted words found in the sentence or its passage, 0–1. */
  support: number;
  /** Whether the sentence holds the kind of fact asked for (a number with the right unit, a date …). */
  typed: boolean;
}

interface Term {
  word: string;
  weight: number;
}

/** The question's weighted words: idf-weighted jieba words, longest first, sub-words of others dropped. */
export function questionTerms(question: string, tools: TextTools): Term[] {
  const words = [...new Set(tools.words(tools.normalize(question)).map((w) => tools.normalize(w)))].filter(
    (w) => w.length > 0 && !QUESTION_WORD.test(w),
  );
  // cutForSearch emits both 高新区 and 高新; weigh a covered sub-word only through its longer word.
  const kept = words.filter((w) => !words.some((o) => o !== w && o.length > w.length && o.includes(w)));
  return kept.map((word) => ({
    word,
    weight: tools.idf(word) * Math.min(1.5, 0.7 + 0.15 * [...word].length),
  }));
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "")];
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

// Words that only shape the question (`多少钱`, `一共`, `哪几个`): matching them proves nothing.
const QUESTION_WORD =
  /^(?:多少|几|哪|什么|怎么|怎样|如何|为何|为什么|是否|一共|总共|共计|大概|大约|请问|到底|究竟|呢|吗)/;

// Single-character function words: bigrams across them (`推的`, `收要`) match nothing meaningful.
const FUNCTION_CHARS = /[的了是在和与及要把被将会能对为从向于也都又还就吗呢吧啊]/g;

const QUESTION_NOISE =
  /多少|几个|几家|几年|什么|哪个|哪些|哪里|是否|是不是|怎么|如何|为什么|谁|吗|呢|请问|一共|总共|共计/g;

/** Splits a sentence into clauses at commas, colons and enumerating semicolons, keeping the delimiters. */
export function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ch of sentence) {
    cur += ch;
    if ("，,：:；;".includes(ch)) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur !== "") out.push(cur);
  return out;
}

/** How much a question word counts when it is not in the sentence but in its passage or headline. */
const CONTEXT_WEIGHT = 0.4;

function coverage(terms: Term[], total: number, text: string, context: string): number {
  if (total === 0) return 0;
  let got = 0;
  for (const t of terms) {
    if (text.includes(t.word)) got += t.weight;
    else if (context.includes(t.word)) got += CONTEXT_WEIGHT * t.weight;
  }
  return got / total;
}

function typedIn(text: string, shape: QuestionShape): boolean {
  switch (shape.type) {
    case "number":
      return findNumbers(text).some(
        (n) => unitMatches(n.unit, shape.unit) || (shape.unit === null && /\d/.test(n.text)),
      );
    case "date":
      return findDates(text).length > 0;
    case "person":
      return hasPersonCue(text);
    default:
      return true;
  }
}

/**
 * The span of a sentence that answers: the clause with the asked-for fact and the most question words,
 * extended leftwards by the clauses that name the subject. Verbatim from the sentence.
 */
export function answerSpan(sentence: string, shape: QuestionShape, terms: Term[], tools: TextTools): string {
  const clauses = splitClauses(sentence);
  if (clauses.length <= 1 || [...sentence].length <= 40) return tidy(sentence);
  const norm = clauses.map((c) => tools.normalize(c));
  const total = terms.reduce((s, t) => s + t.weight, 0) || 1;
  const own = norm.map((c) => coverage(terms, total, c, ""));
  const typed = norm.map((c) => typedIn(c, shape));
  // When some clause holds the asked-for kind of fact, the answer clause is one of those.
  const anyTyped = typed.some(Boolean) && shape.type !== "other" && shape.type !== "entity";
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < clauses.length; i++) {
    if (anyTyped && !typed[i]) continue;
    const s = own[i] ?? 0;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  let start = best;
  let end = best;
  // Pull in earlier clauses while they add question words the answer clause lacks (the subject).
  const covered = new Set(terms.filter((t) => norm[best]?.includes(t.word)).map((t) => t.word));
  for (let i = best - 1; i >= 0 && best - i <= 3; i--) {
    const adds = terms.filter((t) => !covered.has(t.word) && norm[i]?.includes(t.word));
    if (adds.length === 0) break;
    for (const t of adds) covered.add(t.word);
    start = i;
  }
  // A typed clause with no question words (`6月8日，`) is joined to the neighbour that says what happened.
  if ((own[best] ?? 0) === 0 && start === best && best + 1 < clauses.length) end = best + 1;
  let span = clauses.slice(start, end + 1).join("");
  if (shape.type === "person") span = span.replace(/(?:表示|说|介绍|指出|认为|强调|称|透露)[，,：:]?$/u, "");
  return tidy([...span].length < 6 ? sentence : span);
}

/** Drops trailing punctuation and quote marks left unbalanced by cutting a span out of a sentence. */
export function tidy(span: string): string {
  let s = span.replace(/[，,：:；;。！？!?、\s]+$/u, "");
  for (const [open, close] of [
    ["“", "”"],
    ["「", "」"],
    ["『", "』"],
    ["（", "）"],
    ["(", ")"],
  ] as const) {
    const opens = s.split(open).length - 1;
    const closes = s.split(close).length - 1;
    if (closes > opens && s.endsWith(close)) s = s.slice(0, -close.length);
    else if (opens > closes && s.startsWith(open)) s = s.slice(open.length);
  }
  return s.replace(/[，,：:；;。！？!?、\s]+$/u, "");
}

/** Scores every sentence of every candidate passage; returns each passage's best sentence, best first. */
export function pickSentences(
  question: string,
  shape: QuestionShape,
  candidates: Candidate[],
  tools: TextTools,
  questionZones: string[] = [],
): SentencePick[] {
  const terms = questionTerms(question, tools);
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const qBigrams = bigrams(
    tools.normalize(question).replace(QUESTION_NOISE, " ").replace(FUNCTION_CHARS, " "),
  );
  const picks: SentencePick[] = [];
  for (const { passage, rank } of candidates) {
    const context = tools.normalize(
      `${passage.title} ${passage.section ?? ""} ${passage.zones.join(" ")} ${passage.text}`,
    );
    const contextBigrams = bigrams(context);
    let bestPick: SentencePick | null = null;
    for (const sentence of splitSentences(passage.text)) {
      const norm = tools.normalize(sentence);
      const lexical = coverage(terms, total, norm, context);
      let bigramShare = 0;
      if (qBigrams.size > 0) {
        const sb = bigrams(norm);
        let hit = 0;
        for (const b of qBigrams) {
          if (sb.has(b)) hit++;
          else if (contextBigrams.has(b)) hit += CONTEXT_WEIGHT;
        }
        bigramShare = hit / qBigrams.size;
      }
      const support = 0.6 * lexical + 0.4 * bigramShare;
      const typed = typedIn(norm, shape);
      let score = support * (typed ? 1 : shape.type === "number" ? 0.45 : 0.7);
      if (typed && shape.type !== "other" && shape.type !== "entity") score += 0.08;
      score += 0.12 / (1 + rank);
      if (questionZones.length > 0 && !questionZones.some((z) => passage.zones.includes(z))) score *= 0.6;
      if (bestPick === null || score > bestPick.score) {
        bestPick = { passage, rank, sentence, span: "", score, support, typed };
      }
    }
    if (bestPick !== null) picks.push(bestPick);
  }
  picks.sort((a, b) => b.score - a.score || a.rank - b.rank);
  for (const p of picks.slice(0, 1)) p.span = answerSpan(p.sentence, shape, terms, tools);
  return picks;
}
