import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import * as OpenCC from "opencc-js";
import { getJieba } from "../corpus/zones.js";

/** Turns text into the tokens the lexical and hashed-dense indexes work with. */
export interface Tokenizer {
  /** Jieba search-mode words of the normalised text, without punctuation and stopwords. */
  words(text: string): string[];
  /** `words` plus `b:`-prefixed character bigrams of the CJK runs between stopwords: BM25 terms. */
  terms(text: string): string[];
  /**
   * Precise-mode words plus the same bigrams: features for hashed embeddings. Search mode's
   * sub-words would count a long compound (`珠海高新区` → 5 words) several times over.
   */
  denseFeatures(text: string): string[];
  /** The extra dictionary words this tokenizer keeps whole (normalised, sorted). */
  readonly userWords: readonly string[];
}

/**
 * Function words and question words. A question's `多少`/`什么`/`哪些` must not count as a
 * match for a passage that happens to contain them.
 */
// biome-ignore format: a word list reads better packed
export const STOPWORDS: ReadonlySet<string> = new Set([
  "的", "了", "是", "在", "和", "与", "及", "以及", "等", "等等", "多少", "什么", "哪", "哪些", "哪个",
  "哪里", "哪儿", "几", "几个", "吗", "呢", "吧", "啊", "么", "嘛", "怎么", "怎样", "怎么样", "如何",
  "为什么", "为何", "是否", "有没有", "请问", "请", "一下", "这", "那", "这个", "那个", "这些", "那些",
  "其", "之", "也", "都", "就", "而", "并", "或", "或者", "被", "把", "对", "于", "为", "以", "从",
  "个", "有", "有关", "关于", "方面", "情况", "目前", "还", "又", "着", "过", "得", "地", "所",
  "能", "会", "要", "让", "给", "向", "由", "将", "已", "已经", "我", "你", "他", "她", "它", "我们",
  "他们", "该", "此", "即", "多", "呀", "哦", "the", "a", "an", "of", "and", "or", "in", "is", "to",
]);

let toSimplified: (s: string) => string;

/**
 * Normalises text for matching: NFKC (full-width `ＡＢＣ１２３％` → `ABC123%`), Traditional →
 * Simplified Chinese (OpenCC Taiwan → mainland), lowercase. Used for tokens only; passage text
 * is never rewritten.
 */
export function normalizeText(s: string): string {
  // Building the converter parses OpenCC's dictionaries: do it once, on first use.
  toSimplified ??= OpenCC.Converter({ from: "tw", to: "cn" });
  return toSimplified(s.normalize("NFKC")).toLowerCase();
}

// Question-word compounds jieba keeps whole (`哪一`, `哪一座`, `什么样`, `多少钱`): they say what is
// asked, not what it is about, so matching them proves nothing.
const QUESTION_COMPOUND = /^(?:哪|什么|多少|怎么|怎样|为什么|为何|如何)/;

const SKIP_TOKEN = /^[\p{P}\p{S}\s]*$/u;
const CJK_RUN = /^[\p{Script=Han}]+$/u;

// Loading jieba's dictionary costs ~150 ms and tens of MB, so instances are shared: one per
// distinct user-word set. The same set always gets the same segmentation, whichever tokenizer
// was created first; a process normally uses one set (the corpus's zone names).
const jiebaBySet = new Map<string, Jieba>();
const MAX_JIEBA_INSTANCES = 4;

function jiebaFor(userWords: readonly string[]): Jieba {
  // Without user words it is the plain dictionary the corpus reader's zone finder loads too: share it.
  if (userWords.length === 0) return getJieba();
  const key = userWords.join("\n");
  const cached = jiebaBySet.get(key);
  if (cached) return cached;
  const jieba = Jieba.withDict(dict);
  if (userWords.length > 0) {
    // A high frequency makes jieba prefer the whole word (`珠海高新区`) over its parts.
    jieba.loadDict(Buffer.from(userWords.map((w) => `${w} 1000000 n\n`).join("")));
  }
  if (jiebaBySet.size >= MAX_JIEBA_INSTANCES) {
    const oldest = jiebaBySet.keys().next().value;
    if (oldest !== undefined) jiebaBySet.delete(oldest);
  }
  jiebaBySet.set(key, jieba);
  return jieba;
}

/** Normalises, dedupes and sorts user words; drops ones jieba's dictionary format cannot hold. */
function cleanUserWords(words: readonly string[]): string[] {
  const set = new Set<string>();
  for (const w of words) {
    const n = normalizeText(w).trim();
    if (n.length > 0 && !/\s/.test(n)) set.add(n);
  }
  return [...set].sort();
}

/**
 * Creates a tokenizer. `userWords` (e.g. the corpus's zone names `珠海高新区`) are added to
 * jieba's dictionary so they come out whole; search mode still emits their parts (`珠海`,
 * `高新区`), which helps recall for questions that name a zone loosely.
 */
export function createTokenizer(opts: { userWords?: readonly string[] } = {}): Tokenizer {
  const userWords = cleanUserWords(opts.userWords ?? []);
  const jieba = jiebaFor(userWords);
  const keep = (t: string): boolean => !SKIP_TOKEN.test(t) && !STOPWORDS.has(t) && !QUESTION_COMPOUND.test(t);

  const words = (text: string): string[] => jieba.cutForSearch(normalizeText(text), true).filter(keep);

  // Bigrams come from the precise cut so runs break at stopwords and punctuation: `增速多少`
  // gives `b:增速`, not `b:速多`/`b:多少`.
  const bigramsOf = (precise: readonly string[]): string[] => {
    const out: string[] = [];
    let run = "";
    const flush = (): void => {
      const chars = Array.from(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(`b:${chars[i]}${chars[i + 1]}`);
      run = "";
    };
    for (const token of precise) {
      if (CJK_RUN.test(token) && !STOPWORDS.has(token) && !QUESTION_COMPOUND.test(token)) run += token;
      else flush();
    }
    flush();
    return out;
  };

  const terms = (text: string): string[] => {
    const norm = normalizeText(text);
    return [...jieba.cutForSearch(norm, true).filter(keep), ...bigramsOf(jieba.cut(norm, true))];
  };

  const denseFeatures = (text: string): string[] => {
    const precise = jieba.cut(normalizeText(text), true);
    return [...precise.filter(keep), ...bigramsOf(precise)];
  };

  return { words, terms, denseFeatures, userWords };
}
