import { canonicalZone, findZones, withoutZones } from "../corpus/zones.js";
import type { LoadedIndex } from "../index/load.js";
import { normalizeText } from "../index/tokenize.js";
import type { Passage } from "../index/types.js";
import { escapeRegExp } from "../regexp.js";
import { type AnswerDeps, answerQuestion, type ExtractiveOptions } from "./answer.js";
import { cachedArticleHeadlines } from "./article-text.js";
import { documentsToHits, HybridRetriever } from "./langchain-retriever.js";
import { answerWithLlm, DEFAULT_LLM_ANSWER, type LlmAnswerOptions } from "./llm/answer.js";
import type { AnswerLogger, ChatModel } from "./llm/types.js";
import { cachedPassageText, prepareAhead, type TextTools } from "./passage.js";
import { hybridSearch, type SearchIndex } from "./retrieve.js";
import { cachedSentenceRead } from "./short-spans.js";
import type { Answer, AnswerService, PassageView } from "./types.js";
import { byNewest, NEWEST_READ, newestHeadlines, resolveZone, suggestZones, zoneDetail } from "./zones.js";

/**
 * Normalisation that also folds every spelling of a known zone to its canonical name
 * (`重庆市高新技术产业开发区` → `重庆高新区`), so a question and a sentence naming the zone differently
 * still match word for word.
 */
export function zoneFolding(zones: readonly string[]): (s: string) => string {
  const stems = zones
    .map((z) => z.replace(/高新区$/, ""))
    .filter((s) => s !== "")
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (stems.length === 0) return normalizeText;
  const re = new RegExp(
    `(${stems.join("|")})(?:市)?(?:国家)?(?:高新技术产业开发区|高新技术开发区|高新区)`,
    "g",
  );
  return (s) => {
    const n = normalizeText(s);
    // Every spelling the pattern folds contains 高新: most sentences can skip the long alternation.
    return n.includes("高新") ? n.replace(re, "$1高新区") : n;
  };
}

/**
 * `fn` remembering its results for the last `capacity` short inputs: a question is normalised
 * several times over (for its shape, its words, its bigrams) and its words recur across questions.
 */
function memoized(fn: (s: string) => string, capacity = 2048, maxLength = 200): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    if (s.length > maxLength) return fn(s);
    let out = cache.get(s);
    if (out === undefined) {
      out = fn(s);
      if (cache.size >= capacity) cache.clear();
      cache.set(s, out);
    }
    return out;
  };
}

/** How many prepared passages a service keeps (see {@link cachedPassageText}). */
const PASSAGE_CACHE = 4096;
/** How many articles' shown headlines a service keeps: a headline is a few dozen characters. */
const HEADLINE_CACHE = 1024;

/**
 * How many quotes read for the short answer a service keeps (see {@link cachedSentenceRead}): about
 * 25 KB each for a quote of CMRC's mean length (57 characters). Few: every read kept outlives the
 * young generation's collections, each of which copies it (and then promotes it to the old one), so
 * 128 kept made each collection copy ~2 MB and cost `ask` more than the repeats they caught saved.
 * On the dev sets 16 already catch nearly all the quotes asked again (CMRC 401 of 409, news 155 of 207).
 */
const QUOTE_CACHE = 16;

/**
 * Text tools over a loaded index: the index's own normalisation and tokenizer, and idf from how many
 * passages hold a word among their index terms. The document frequencies come from the BM25 index,
 * so creating the service costs nothing per passage and a lookup is a hash probe; a word no
 * passage holds gets the highest idf, as before.
 */
export function indexTextTools(index: LoadedIndex, zones: readonly string[] = []): TextTools {
  const fold = zoneFolding(zones);
  const normalize = memoized(fold);
  const n = index.passages.length;
  return {
    normalize,
    // Passage sentences are long and many: prepared once per passage (bounded LRU), not memoised here.
    passageText: cachedPassageText(fold, PASSAGE_CACHE),
    readQuote: cachedSentenceRead(normalize, QUOTE_CACHE),
    words: (s) => index.tokenizer.words(s),
    known: (word) => index.docFrequency(word) > 0,
    idf(word) {
      const df = index.docFrequency(word);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    },
  };
}

/** Options of {@link createAnswerService}. */
export interface AnswerServiceOptions {
  /** A chat model: answers are then model-written and checked, the extractive answer the fallback. */
  llm?: ChatModel;
  llmOptions?: Partial<LlmAnswerOptions>;
  /** Where fallbacks and failed searches are reported. */
  logger?: AnswerLogger;
  /** Told the evidence behind each extractive answer (for fitting the decision to decline). */
  onEvidence?: AnswerDeps["onEvidence"];
  /** Tunables of extractive answers (the decline learner answers with no threshold, to see every answer line). */
  extractive?: ExtractiveOptions;
}

/**
 * The index's searches, with a failing dense search (remote embeddings unreachable) degraded to
 * lexical-only retrieval instead of failing the question.
 */
function resilientSearch(index: LoadedIndex, logger: AnswerLogger | undefined): SearchIndex {
  return {
    passages: index.passages,
    zones: index.zones,
    loadArticles: index.loadArticles,
    passageById: index.passageById,
    lexicalSearch: index.lexicalSearch,
    denseSearch: async (query, k) => {
      try {
        return await index.denseSearch(query, k);
      } catch (error) {
        logger?.warn({ detail: (error as Error).message }, "dense search failed; lexical results only");
        return [];
      }
    },
  };
}

/**
 * Throwaway questions of the shapes the answer path tells apart (a figure, a person, a date, a list,
 * a definition), about a zone of the index, for {@link AnswerService.warmUp}.
 */
function warmUpQuestions(zone: string): string[] {
  return [
    `${zone}工业投资增速多少`,
    `${zone}管委会主任是谁`,
    `${zone}什么时候成立`,
    `${zone}有哪些重点企业`,
    `什么是${zone}`,
    `How many companies are in ${zone}?`,
  ];
}

/** Rounds of {@link warmUpQuestions}: enough for V8 to optimise the hot scoring loops (~40 ms here). */
const WARM_UP_ROUNDS = 8;

/** The answer service over a loaded index (pure wiring; no I/O). */
export function createAnswerService(index: LoadedIndex, opts: AnswerServiceOptions = {}): AnswerService {
  const zones = index.zones.map((z) => ({ ...z }));
  const known = zones.map((z) => z.zone);
  const tools = indexTextTools(index, known);
  const knownSet = new Set(known);
  // The headline each article is shown under (citations, a passage's card, `/zones`): read once an article.
  const headlinesOf = cachedArticleHeadlines(HEADLINE_CACHE);
  const view = async (id: string): Promise<PassageView | null> => {
    const p = (await index.loadPassages([id.trim()]))[0];
    if (p === undefined) return null;
    const article = (await index.loadArticles([p.articleId]))[0];
    const headline =
      article === undefined ? undefined : (await headlinesOf(index, [article])).get(article.id);
    return {
      id: p.id,
      articleId: p.articleId,
      title: p.title,
      ...(headline !== undefined ? { headline } : {}),
      section: p.section,
      zones: p.zones,
      byline: p.byline,
      ...(article?.date !== undefined ? { date: article.date } : {}),
      ...(article?.url !== undefined ? { url: article.url } : {}),
      text: p.text,
      source: p.source,
    };
  };
  const search = resilientSearch(index, opts.logger);
  const { llm, logger } = opts;
  const llmOptions = { ...DEFAULT_LLM_ANSWER, ...opts.llmOptions };
  const baseDeps: AnswerDeps = {
    retrieve: (q, k, zs) => hybridSearch(search, q, k, zs),
    tools,
    findZones,
    withoutZones,
    knownZones: knownSet,
    articles: {
      zoneArticles: (zone) => index.zoneArticles(zone),
      loadArticles: (ids) => index.loadArticles(ids),
      loadPassages: (ids) => index.loadPassages(ids),
    },
    ...(opts.onEvidence ? { onEvidence: opts.onEvidence } : {}),
  };
  // The model path retrieves through the LangChain retriever, so the passages a model is given are
  // exactly what a LangChain user of the index gets, and LangChain callbacks see the retrieval. The
  // retriever finds the question's zones as answerQuestion does; the extractive path calls the same
  // search without the Runnable layer, as it is the hot path of the benchmarks.
  const zonesOf = (q: string) => findZones(tools.normalize(q)).filter((z) => knownSet.has(z));
  const retrievers = new Map<number, HybridRetriever>();
  const viaRetriever = async (q: string, k: number) => {
    let retriever = retrievers.get(k);
    if (retriever === undefined) {
      retriever = new HybridRetriever({ index: search, k, zonesOf });
      retrievers.set(k, retriever);
    }
    return documentsToHits(await retriever.invoke(q), search.passageById);
  };
  // Every citation carries its article's date and web address when the corpus knows them, and the
  // headline the article is shown under, whichever path answered.
  const dated = async (answer: Answer): Promise<Answer> => {
    const ids = [...new Set(answer.citations.map((c) => c.articleId))];
    const articles = ids.length === 0 ? [] : await index.loadArticles(ids);
    const byId = new Map(ids.map((id, i) => [id, articles[i]]));
    const headlines = await headlinesOf(
      index,
      articles.filter((a) => a !== undefined),
    );
    return {
      ...answer,
      citations: answer.citations.map((c) => {
        const a = byId.get(c.articleId);
        const headline = headlines.get(c.articleId);
        return {
          ...c,
          ...(headline !== undefined ? { headline } : {}),
          ...(a?.date !== undefined ? { date: a.date } : {}),
          ...(a?.url !== undefined ? { url: a.url } : {}),
        };
      }),
    };
  };
  return {
    async ask(question, askOpts) {
      const deps: AnswerDeps = {
        ...baseDeps,
        ...(askOpts?.onProgress ? { onProgress: askOpts.onProgress } : {}),
      };
      if (llm === undefined) return dated(await answerQuestion(question, deps, opts.extractive));
      return dated(
        await answerWithLlm(
          question,
          { ...deps, retrieve: viaRetriever, chat: llm, ...(logger ? { logger } : {}) },
          llmOptions,
          askOpts?.history,
        ),
      );
    },
    zones: () => zones,
    zoneList: (only) =>
      Promise.all(
        (only === undefined ? zones : zones.filter((z) => only.includes(z.zone))).map(async (z) => {
          const articles = byNewest(await index.zoneArticles(z.zone));
          const read = articles.slice(0, NEWEST_READ);
          return {
            ...z,
            titles: articles.map((a) => a.title),
            newest: newestHeadlines(read, await headlinesOf(index, read)),
          };
        }),
      ),
    async zone(name) {
      const z = resolveZone(name, known, canonicalZone);
      if (z === null) return null;
      const mine = await index.zoneArticles(z);
      const found = new Map<string, Passage>();
      for (const p of await index.loadPassages(mine.flatMap((a) => a.passageIds))) if (p) found.set(p.id, p);
      return zoneDetail(z, mine, (id) => found.get(id));
    },
    zoneNames: (prefix, limit) => suggestZones(prefix, known, limit),
    passage: view,
    async warmUp() {
      // A small index's passages prepared now (CMRC's 1,985: ~0.4 s, ~9 MB of heap the cache would
      // hold after a pass anyway), not by the first questions to read them.
      if (tools.passageText !== undefined) prepareAhead(tools.passageText, index.passages, PASSAGE_CACHE);
      const questions = warmUpQuestions(known[0] ?? "高新区");
      for (let round = 0; round < WARM_UP_ROUNDS; round++)
        for (const q of questions) await answerQuestion(q, baseDeps);
    },
    stats: () => ({
      articles: index.manifest.counts.articles,
      passages: index.manifest.counts.passages,
      zones: known.length,
      builtAt: index.manifest.builtAt,
      mode: llm === undefined ? "extractive" : "llm",
    }),
  };
}
