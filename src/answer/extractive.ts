import type { Passage } from "../index/types.js";
import { splitSentences } from "../index/sentences.js";
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
  const words = [...new Set(tools.words(question).map((w) => tools.normalize(w)))].filter((w) => w.length > 0);
  // cutForSearch emits both 高新区 and 高新; weigh a covered sub-word only through its longer word.
  const kept = words.filter((w) => !words.some((o) => o !== w && o.length > w.length && o.includes(w)));
  return kept.map((word) => ({ word, weight: tools.idf(word) * Math.min(1.5, 0.7 + 0.15 * [...word].length) }));
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "")];
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

const QUESTION_NOISE = /多少|几个|几家|几年|什么|哪个|哪些|哪里|是否|是不是|怎么|如何|为什么|谁|吗|呢|请问|一共|总共|共计/g;

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

function coverage(terms: Term[], total: number, text: string, context: string): number {
  if (total === 0) return 0;
  let got = 0;
  for (const t of terms) {
    if (text.includes(t.word)) got += t.weight;
    else if (context.includes(t.word)) got += 0.5 * t.weight;
  }
  return got / total;
}

function typedIn(text: string, shape: QuestionShape): boolean {
  switch (shape.type) {
    case "number":
      return findNumbers(text).some((n) => unitMatches(n.unit, shape.unit) || (shape.unit === null && /\d/.test(n.text)));
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
  if (clauses.length <= 1 || [...sentence].length <= 40) return trimEnd(sentence);
  const norm = clauses.map((c) => tools.normalize(c));
  const total = terms.reduce((s, t) => s + t.weight, 0) || 1;
  const own = norm.map((c) => coverage(terms, total, c, ""));
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < clauses.length; i++) {
    const typed = typedIn(norm[i] ?? "", shape);
    const s = (own[i] ?? 0) + (typed ? 0.6 : 0) + (shape.type === "other" || shape.type === "entity" ? 0 : 0);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  let start = best;
  // Pull in earlier clauses while they add question words the answer clause lacks (the subject).
  const covered = new Set(terms.filter((t) => norm[best]?.includes(t.word)).map((t) => t.word));
  for (let i = best - 1; i >= 0 && best - i <= 3; i--) {
    const adds = terms.filter((t) => !covered.has(t.word) && norm[i]?.includes(t.word));
    if (adds.length === 0) break;
    for (const t of adds) covered.add(t.word);
    start = i;
  }
  const span = clauses.slice(start, best + 1).join("");
  return trimEnd([...span].length < 6 ? sentence : span);
}

function trimEnd(s: string): string {
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
  const qBigrams = bigrams(tools.normalize(question).replace(QUESTION_NOISE, " "));
  const picks: SentencePick[] = [];
  for (const { passage, rank } of candidates) {
    const context = tools.normalize(`${passage.title} ${passage.section ?? ""} ${passage.zones.join(" ")} ${passage.text}`);
    let bestPick: SentencePick | null = null;
    for (const sentence of splitSentences(passage.text)) {
      const norm = tools.normalize(sentence);
      const lexical = coverage(terms, total, norm, context);
      let bigramShare = 0;
      if (qBigrams.size > 0) {
        const sb = bigrams(norm);
        let hit = 0;
        for (const b of qBigrams) if (sb.has(b)) hit++;
        bigramShare = hit / qBigrams.size;
      }
      const support = 0.75 * lexical + 0.25 * bigramShare;
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
