import { canonicalZone, findZones } from "../corpus/zones.js";
import type { LoadedIndex } from "../index/load.js";
import { normalizeText } from "../index/tokenize.js";
import { answerQuestion } from "./answer.js";
import type { TextTools } from "./extractive.js";
import { hybridSearch } from "./retrieve.js";
import type { AnswerService, PassageView } from "./types.js";
import { listZones, resolveZone, suggestZones, zoneDetail } from "./zones.js";

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
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (stems.length === 0) return normalizeText;
  const re = new RegExp(
    `(${stems.join("|")})(?:市)?(?:国家)?(?:高新技术产业开发区|高新技术开发区|高新区)`,
    "g",
  );
  return (s) => normalizeText(s).replace(re, "$1高新区");
}

/**
 * Text tools over a loaded index: the index's own normalisation and tokenizer, and idf from how many
 * passages hold a word among their index terms. The document frequencies come from the BM25 index,
 * so creating the service costs nothing per passage and a lookup is a hash probe; a word no
 * passage holds gets the highest idf, as before.
 */
export function indexTextTools(index: LoadedIndex, zones: readonly string[] = []): TextTools {
  const normalize = zoneFolding(zones);
  const n = index.passages.length;
  return {
    normalize,
    words: (s) => index.tokenizer.words(s),
    idf(word) {
      const df = index.docFrequency(word);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    },
  };
}

/** The answer service over a loaded index (pure wiring; no I/O). */
export function createAnswerService(index: LoadedIndex): AnswerService {
  const zones = listZones(index.articles);
  const known = zones.map((z) => z.zone);
  const tools = indexTextTools(index, known);
  const knownSet = new Set(known);
  const view = (id: string): PassageView | null => {
    const p = index.passageById(id.trim());
    if (p === undefined) return null;
    return {
      id: p.id,
      articleId: p.articleId,
      title: p.title,
      section: p.section,
      zones: p.zones,
      byline: p.byline,
      text: p.text,
      source: p.source,
    };
  };
  return {
    ask: (question, opts) =>
      answerQuestion(question, {
        retrieve: (q, k, zs) => hybridSearch(index, q, k, zs),
        tools,
        findZones,
        knownZones: knownSet,
        ...(opts?.onProgress ? { onProgress: opts.onProgress } : {}),
      }),
    zones: () => zones,
    zone(name) {
      const z = resolveZone(name, known, canonicalZone);
      return z === null ? null : zoneDetail(z, index.articles, index.passageById);
    },
    zoneNames: (prefix, limit) => suggestZones(prefix, known, limit),
    passage: view,
    stats: () => ({
      articles: index.manifest.counts.articles,
      passages: index.manifest.counts.passages,
      zones: known.length,
      builtAt: index.manifest.builtAt,
      mode: "extractive",
    }),
  };
}
