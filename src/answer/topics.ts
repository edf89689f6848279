import { TfIdf } from "@node-rs/jieba";
import { idf } from "@node-rs/jieba/dict.js";
import { findZones, getJieba } from "../corpus/zones.js";
import { normalizeText, STOPWORDS } from "../index/tokenize.js";

/**
 * What a question is about, for the report: the zones it names (and which of them the corpus does
 * not cover) and its main words, so declined questions can be grouped by zone or, naming none, by
 * topic. Computed once when the question is recorded, so the report itself needs no segmenter.
 */

export interface QuestionTopics {
  zones: string[];
  uncovered: string[];
  /** Up to two keywords, sorted and joined with `·` (`人才·政策`); empty when none stand out. */
  topic: string;
}

// Parts of speech that carry a topic: nouns, verbs used as nouns, names, English words.
const TOPIC_POS = ["n", "nz", "vn", "v", "ns", "nt", "nr", "eng", "l", "i", "an"];
// Words every question here shares; as a topic they would group everything together.
// (Filtered here: @node-rs/jieba 2.0.3's `setConfig` throws on a stop-word set.)
const SKIP = new Set([...STOPWORDS, "高新区", "高新技术", "开发区", "园区", "今年", "去年"]);

let tfidf: TfIdf | undefined;
/** The keyword extractor; loading its IDF table takes ~400 ms, so entry points warm it at start. */
export function topicExtractor(): TfIdf {
  tfidf ??= TfIdf.withDict(idf);
  return tfidf;
}

/** Zones named in `question`, those `covered` says the corpus lacks, and its main words. */
export function questionTopics(question: string, covered: (zone: string) => boolean): QuestionTopics {
  const text = normalizeText(question);
  const zones = findZones(text);
  let rest = text;
  for (const z of zones) rest = rest.replaceAll(z, " ");
  const words = topicExtractor()
    .extractKeywords(getJieba(), rest, 8, TOPIC_POS)
    .map((k) => k.keyword)
    .filter((w) => [...w].length >= 2 && !SKIP.has(w))
    .slice(0, 2)
    .sort();
  return { zones, uncovered: zones.filter((z) => !covered(z)), topic: words.join("·") };
}
