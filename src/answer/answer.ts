import type { Hit } from "../index/types.js";
import { type Candidate, pickSentences, type SentencePick, type TextTools } from "./extractive.js";
import { questionShape, validateQuestion } from "./question.js";
import type { Answer, AnswerStage, Citation } from "./types.js";

/** Everything `answerQuestion` needs, built once at an entry point. */
export interface AnswerDeps {
  /** The retrieval seam: best passages for a query, fused and zone-boosted. */
  retrieve: (query: string, k: number, zones: readonly string[]) => Promise<Hit[]>;
  tools: TextTools;
  /** Canonical zone names a text mentions (from the corpus reader). */
  findZones: (text: string) => string[];
  /** Zones the corpus covers. */
  knownZones: ReadonlySet<string>;
  onProgress?: (stage: AnswerStage) => void;
}

/** Tunables of the extractive answerer. */
export interface ExtractiveOptions {
  /** Passages read for sentences. */
  candidates: number;
  /** Citations listed at most. */
  maxCitations: number;
  /** Below this share of the question's words the evidence is too weak: abstain. */
  minSupport: number;
  /** Other sources are listed when their score is at least this share of the best one's. */
  relatedFloor: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  candidates: 8,
  maxCitations: 5,
  minSupport: 0.5,
  relatedFloor: 0.75,
};

export const NOT_FOUND = "语料中没有找到能回答这个问题的内容。";

function citation(n: number, pick: SentencePick): Citation {
  const p = pick.passage;
  return {
    n,
    passageId: p.id,
    articleId: p.articleId,
    title: p.title,
    zones: p.zones,
    quote: pick.quote,
    source: p.source,
  };
}

function abstain(question: string, message: string, picks: SentencePick[], max: number): Answer {
  return {
    question,
    answer: message,
    abstained: true,
    mode: "extractive",
    citations: picks.slice(0, max).map((p, i) => citation(i + 1, p)),
  };
}

/**
 * Answers a question from the corpus without a language model: retrieves passages, picks the sentence
 * that states the asked-for fact, and cites it. Abstains, listing the closest sources, when the corpus
 * does not support an answer (weak evidence, or a zone the corpus does not cover).
 */
export async function answerQuestion(
  rawQuestion: string,
  deps: AnswerDeps,
  opts: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): Promise<Answer> {
  const valid = validateQuestion(rawQuestion);
  if (!valid.ok) {
    return {
      question: rawQuestion,
      answer: valid.error.message,
      abstained: true,
      mode: "extractive",
      citations: [],
    };
  }
  const question = valid.value;
  const normalized = deps.tools.normalize(question);
  const shape = questionShape(normalized);
  const named = deps.findZones(normalized);
  const known = named.filter((z) => deps.knownZones.has(z));
  deps.onProgress?.("retrieving");
  const hits = await deps.retrieve(question, opts.candidates, known);
  const top = hits[0]?.score ?? 1;
  const candidates: Candidate[] = hits.map((h, rank) => ({
    passage: h.passage,
    rank,
    relevance: top > 0 ? h.score / top : 0,
  }));
  const picks = pickSentences(question, shape, candidates, deps.tools, known);

  const unknown = named.filter((z) => !deps.knownZones.has(z));
  if (unknown.length > 0 && known.length === 0) {
    return abstain(
      question,
      `语料中没有关于${unknown.join("、")}的报道，无法回答。现有报道涉及：${[...deps.knownZones].slice(0, 12).join("、")}。`,
      picks,
      3,
    );
  }
  const best = picks[0];
  if (best === undefined) return abstain(question, NOT_FOUND, [], 0);
  const needsType = shape.type === "number" || shape.type === "date";
  if (best.support < opts.minSupport || (needsType && !best.typed)) {
    return abstain(question, `${NOT_FOUND}最接近的报道列在下面。`, picks, 3);
  }
  // Further sources are listed only when they are close to the best one: a list of weak matches hides it.
  const related = picks
    .slice(1)
    .filter((p) => p.score >= opts.relatedFloor * best.score && p.support >= opts.minSupport);
  const citations = [best, ...related].slice(0, opts.maxCitations).map((p, i) => citation(i + 1, p));
  return {
    question,
    answer: `${best.span}[1]。`,
    abstained: false,
    mode: "extractive",
    citations,
  };
}
