import { splitSentences } from "../../corpus/sentences.js";
import type { Hit, Passage } from "../../index/types.js";
import { type AnswerDeps, answerQuestion } from "../answer.js";
import { hasChinese, validateQuestion } from "../question.js";
import type { Answer, Citation, ConversationTurn, ShortAnswer } from "../types.js";
import { type CheckedAnswer, checkAnswer, MAX_ANSWER_CHARS, sameValue, statedNumbers } from "./check.js";
import { answerMessages, kindMessages, NO_INFO, retryMessages, rewriteMessages } from "./prompt.js";
import { checkShort, splitShort } from "./short.js";
import type { AnswerLogger, ChatModel, LlmError } from "./types.js";

/** What the model answerer needs on top of the extractive answerer's deps. */
export interface LlmAnswerDeps extends AnswerDeps {
  chat: ChatModel;
  logger?: AnswerLogger;
}

/** Tunables of model answers. */
export interface LlmAnswerOptions {
  /** Budget for every model call of one answer (rewrite, answer, retry); then the extractive answer. */
  timeoutMs: number;
  /** Passages given to the model. */
  maxPassages: number;
  /** Longest answer accepted, in characters. */
  maxChars: number;
  /** Earlier turns a follow-up sees. */
  historyTurns: number;
}

export const DEFAULT_LLM_ANSWER: LlmAnswerOptions = {
  timeoutMs: 20_000,
  maxPassages: 6,
  maxChars: MAX_ANSWER_CHARS,
  historyTurns: 3,
};

const MAX_STANDALONE_CHARS = 200;

/** Why a model answer was not used, for the log. */
export type FallbackReason =
  | { kind: "llm-error"; error: LlmError; attempt: number }
  | { kind: "check-failed"; problems: string[] };

/**
 * Rewrites a follow-up into a question that stands alone (and a question in another language into
 * Chinese), for retrieval. If the model cannot, the
 * previous question and this one together still retrieve the right passages most of the time.
 */
async function standaloneQuestion(
  question: string,
  history: readonly ConversationTurn[],
  chat: ChatModel,
  signal: AbortSignal,
): Promise<{ question: string; error?: LlmError }> {
  const last = history.at(-1);
  const joined = last ? `${last.question} ${question}` : question;
  const r = await chat(rewriteMessages(question, history), { signal });
  if (!r.ok) return { question: joined, error: r.error };
  const line = (
    r.value
      .replace(/<think>[\s\S]*?<\/think>/g, "")
      .trim()
      .split(/\n/)[0] ?? ""
  )
    .replace(/^(?:改写后的问题|问题)[:：]\s*/, "")
    .replace(/^["“「]|["”」]$/g, "")
    .trim();
  const valid = validateQuestion(line);
  if (!valid.ok || [...valid.value].length > MAX_STANDALONE_CHARS) return { question: joined };
  return { question: valid.value };
}

/** Character bigrams of a text, letters and digits only. */
function bigrams(s: string): Set<string> {
  const chars = [...s.replace(/[^\p{L}\p{N}]/gu, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * The quote for a cited passage: the sentence that best backs the claims citing it — the one holding
 * most of their numbers, then the one sharing most of their wording. Always verbatim from the passage.
 */
export function quoteFor(passage: Passage, claims: readonly string[]): string {
  const claimText = claims.join("");
  const claimNumbers = statedNumbers(claimText);
  const claimBigrams = bigrams(claimText);
  let best = passage.text;
  let bestScore = -1;
  for (const sentence of splitSentences(passage.text)) {
    const numbers = statedNumbers(sentence);
    const shared = claimNumbers.filter((a) => numbers.some((b) => sameValue(a, b)));
    let overlap = 0;
    for (const b of bigrams(sentence)) if (claimBigrams.has(b)) overlap++;
    const score = shared.length * 1000 + overlap;
    if (score > bestScore) {
      bestScore = score;
      best = sentence;
    }
  }
  return best;
}

/** Citations from passage metadata, renumbered 1..k in the order first cited, and the text rewritten to match. */
function citeAnswer(
  checked: CheckedAnswer,
  passages: readonly Passage[],
): { text: string; citations: Citation[] } {
  const renumber = new Map(checked.cited.map((old, i) => [old, i + 1]));
  const text = checked.text.replace(/\[(\d+)\]/g, (_m, n: string) => `[${renumber.get(Number(n)) ?? n}]`);
  const citations = checked.cited.flatMap((old, i): Citation[] => {
    const p = passages[old - 1];
    if (!p) return [];
    const claims = checked.claims
      .filter((c) => c.refs.includes(old))
      .map((c) => c.text.replace(/\[\d+\]/g, ""));
    return [
      {
        n: i + 1,
        passageId: p.id,
        articleId: p.articleId,
        title: p.title,
        zones: p.zones,
        quote: quoteFor(p, claims),
        source: p.source,
      },
    ];
  });
  return { text, citations };
}

function describe(reason: FallbackReason): object {
  return reason.kind === "llm-error"
    ? { reason: reason.error.code, detail: reason.error.message, attempt: reason.attempt }
    : { reason: "check-failed", problems: reason.problems };
}

/**
 * Answers with a language model, grounded in the retrieved passages and checked before it is returned
 * (see check.ts); one retry names what was wrong, and if the model still fails, errs or runs out of
 * time, the extractive answer is returned instead (`mode: "extractive"`) and the reason logged. The
 * extractive answer is computed first in any case: it is cheap, it does the retrieval, and it is the
 * fallback. Citations always come from passage metadata.
 */
export async function answerWithLlm(
  rawQuestion: string,
  deps: LlmAnswerDeps,
  opts: LlmAnswerOptions = DEFAULT_LLM_ANSWER,
  history: readonly ConversationTurn[] = [],
): Promise<Answer> {
  const started = performance.now();
  const valid = validateQuestion(rawQuestion);
  if (!valid.ok) return answerQuestion(rawQuestion, deps);
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const turns = history.slice(-opts.historyTurns);

  let question = valid.value;
  // A follow-up is rewritten to stand alone, and a question in another language put into Chinese:
  // retrieval and the answer checks work on Chinese.
  if (turns.length > 0 || !hasChinese(question)) {
    deps.onProgress?.("retrieving");
    const rewritten = await standaloneQuestion(question, turns, deps.chat, deadline);
    if (rewritten.error)
      deps.logger?.warn(
        { reason: rewritten.error.code },
        "follow-up rewrite failed; using the joined questions",
      );
    question = rewritten.question;
  }

  let hits: Hit[] = [];
  const extractive = await answerQuestion(question, {
    ...deps,
    retrieve: async (q, k, zones) => {
      hits = await deps.retrieve(q, k, zones);
      return hits;
    },
    // A follow-up reported "retrieving" before its rewrite already.
    onProgress: turns.length > 0 ? undefined : deps.onProgress,
  });
  // A zone the corpus does not cover: the extractive refusal already says which zones it does cover.
  const named = deps.findZones(deps.tools.normalize(question));
  const digest = extractive.kind === "overview" && !extractive.abstained;
  if ((hits.length === 0 && !digest) || (named.length > 0 && named.every((z) => !deps.knownZones.has(z))))
    return extractive;

  // A recognised kind (an overview, a how question, several facts): the model is given the passages
  // the extractive answer cited, told the kind, and shown the sentences it found.
  const kinded = extractive.kind !== undefined && !extractive.abstained;
  const passages = kinded
    ? await citedPassages(extractive, hits, deps)
    : hits.slice(0, opts.maxPassages).map((h) => h.passage);
  const fallback = (reason: FallbackReason): Answer => {
    deps.logger?.warn(
      { ...describe(reason), ms: Math.round(performance.now() - started) },
      "model answer not used; extractive answer instead",
    );
    return extractive;
  };

  deps.onProgress?.("generating");
  const first = kinded
    ? kindMessages(
        question,
        extractive.kind ?? "overview",
        passages,
        extractive.citations.map((c) => ({
          passage: passages.findIndex((p) => p.id === c.passageId) + 1,
          sentence: c.quote,
        })),
      )
    : answerMessages(question, passages, turns);
  let messages = first;
  let checked: CheckedAnswer | null = null;
  let short: ShortAnswer | null = null;
  for (let attempt = 1; attempt <= 2 && checked === null; attempt++) {
    const reply = await deps.chat(messages, { signal: deadline });
    if (!reply.ok) return fallback({ kind: "llm-error", error: reply.error, attempt });
    // A single-fact answer opens with its short line (SHORT_RULE); a kind's answer has none to show.
    const parts = splitShort(reply.value);
    const result = checkAnswer(parts.rest, passages, opts.maxChars);
    const problems = result.ok
      ? kinded || parts.short === null || result.value.abstained
        ? []
        : checkShort(parts.short, result.value.cited, passages)
      : result.error;
    if (result.ok && problems.length === 0) {
      checked = result.value;
      short = kinded || result.value.abstained ? null : parts.short;
    } else if (attempt === 2)
      return fallback({ kind: "check-failed", problems: problems.map((p) => `${p.code}: ${p.message}`) });
    else {
      deps.logger?.info(
        { problems: problems.map((p) => p.code) },
        "model answer failed the checks; retrying",
      );
      messages = retryMessages(
        first,
        reply.value,
        problems.map((p) => p.message),
      );
    }
  }
  if (checked === null) return extractive;

  const ms = Math.round(performance.now() - started);
  if (checked.abstained) {
    deps.logger?.info({ ms, abstained: true }, "model answer");
    const closest = extractive.citations.slice(0, 3);
    return {
      question,
      answer: closest.length > 0 ? `${NO_INFO}。最接近的报道列在下面。` : `${NO_INFO}。`,
      abstained: true,
      mode: "llm",
      citations: closest,
    };
  }
  const { text, citations } = citeAnswer(checked, passages);
  deps.logger?.info({ ms, citations: citations.length }, "model answer");
  return {
    question,
    answer: text,
    short,
    abstained: false,
    mode: "llm",
    ...(kinded && extractive.kind !== undefined ? { kind: extractive.kind } : {}),
    citations,
  };
}

/** The passages an extractive answer cites, in citation order, from the retrieved ones or the source. */
async function citedPassages(answer: Answer, hits: readonly Hit[], deps: LlmAnswerDeps): Promise<Passage[]> {
  const ids = [...new Set(answer.citations.map((c) => c.passageId))];
  const retrieved = new Map(hits.map((h) => [h.passage.id, h.passage]));
  const missing = ids.filter((id) => !retrieved.has(id));
  const loaded =
    missing.length > 0 && deps.articles !== undefined ? await deps.articles.loadPassages(missing) : [];
  for (const p of loaded) if (p !== undefined) retrieved.set(p.id, p);
  return ids.flatMap((id) => retrieved.get(id) ?? []);
}
