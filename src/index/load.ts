import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { err, ok, type Result } from "../result.js";
import { Bm25Index } from "./bm25.js";
import type { IndexEmbeddings } from "./build.js";
import { INDEX_FILES, type IndexError, type IndexManifest, REBUILD_HINT, readManifest } from "./manifest.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import type { ArticleSummary, Hit, Passage } from "./types.js";

/** A loaded index, ready to search. */
export interface LoadedIndex {
  manifest: IndexManifest;
  passages: readonly Passage[];
  articles: readonly ArticleSummary[];
  passageById(id: string): Passage | undefined;
  /** The tokenizer the index was built with (same user words), for callers that match terms. */
  tokenizer: Tokenizer;
  /** Nearest passages by embedding; score is cosine similarity (1 = same direction). */
  denseSearch(query: string, k: number): Promise<Hit[]>;
  /** Best passages by BM25 over words and bigrams; score is the BM25 score. */
  lexicalSearch(query: string, k: number): Hit[];
  /** How many passages hold `term` (a normalised jieba word, or a `b:` bigram) among their BM25 terms. */
  docFrequency(term: string): number;
}

const corrupt = (dir: string, what: string): IndexError => ({
  code: "corrupt",
  message: `${dir} 中的索引已损坏 (index is corrupt: ${what})；${REBUILD_HINT}`,
});

async function readJson(dir: string, name: string): Promise<Result<unknown, IndexError>> {
  try {
    return ok(JSON.parse(await readFile(join(dir, name), "utf8")));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    return err(corrupt(dir, missing ? `${name} is missing` : `${name} is not valid JSON`));
  }
}

/**
 * Loads the index in `dir` for querying with `embeddings`. Expected failures come back as values:
 * `missing` (no index), `format` (older layout), `embeddings-mismatch` (built with another model
 * or size — the vectors would be meaningless), `corrupt` (truncated or unreadable files).
 */
export async function loadIndex(
  dir: string,
  embeddings: IndexEmbeddings,
): Promise<Result<LoadedIndex, IndexError>> {
  const m = await readManifest(dir);
  if (!m.ok) return m;
  const manifest = m.value;
  const built = manifest.embeddings;
  if (
    built.id !== embeddings.id ||
    (embeddings.dimensions !== undefined && embeddings.dimensions !== built.dimensions)
  ) {
    const now = `${embeddings.id}${embeddings.dimensions !== undefined ? ` (${embeddings.dimensions} 维)` : ""}`;
    return err({
      code: "embeddings-mismatch",
      message:
        `${dir} 的索引是用嵌入模型 ${built.id} (${built.dimensions} 维) 建立的，当前配置的是 ${now}` +
        ` (index built with embeddings ${built.id}/${built.dimensions}, configured: ${now})；` +
        `请用当前配置运行 npm run ingest 重建索引，或改回原来的嵌入配置 (rebuild with \`npm run ingest\` or restore the old embeddings setting)`,
    });
  }

  const passagesJson = await readJson(dir, INDEX_FILES.passages);
  if (!passagesJson.ok) return passagesJson;
  const pj = passagesJson.value as { passages?: unknown; articles?: unknown } | null;
  if (!pj || !Array.isArray(pj.passages) || !Array.isArray(pj.articles)) {
    return err(corrupt(dir, "passages.json lacks passages/articles"));
  }
  const passages = pj.passages as Passage[];
  const articles = pj.articles as ArticleSummary[];
  if (passages.length !== manifest.counts.passages || passages.some((p) => typeof p?.id !== "string")) {
    return err(corrupt(dir, "passages.json does not match the manifest"));
  }

  const bm25Json = await readJson(dir, INDEX_FILES.bm25);
  if (!bm25Json.ok) return bm25Json;
  const bm25 = Bm25Index.fromJSON(bm25Json.value);
  if (!bm25.ok) return err(corrupt(dir, bm25.error));
  if (bm25.value.size !== passages.length) return err(corrupt(dir, "bm25.json does not match passages.json"));

  let store: HNSWLib;
  try {
    store = await HNSWLib.load(dir, embeddings);
  } catch (e) {
    return err(corrupt(dir, `hnswlib: ${(e as Error).message}`));
  }
  if (
    store.index.getCurrentCount() !== passages.length ||
    store.index.getNumDimensions() !== built.dimensions
  ) {
    return err(corrupt(dir, "hnswlib.index does not match passages.json"));
  }
  // ef is not saved in hnswlib's file; without this, searches run at its default of 10.
  store.index.setEf(manifest.hnsw.efSearch);

  const byId = new Map(passages.map((p) => [p.id, p]));
  const tokenizer = createTokenizer({ userWords: manifest.userWords });
  const hasTerms = (query: string): boolean => tokenizer.terms(query).length > 0;

  return ok({
    manifest,
    passages,
    articles,
    passageById: (id) => byId.get(id),
    tokenizer,
    async denseSearch(query, k) {
      const kk = Math.min(Math.floor(k), passages.length);
      if (kk <= 0 || !hasTerms(query)) return [];
      const vector = await embeddings.embedQuery(query);
      const results = await store.similaritySearchVectorWithScore(vector, kk);
      const hits: Hit[] = [];
      for (const [doc, distance] of results) {
        const passage = byId.get(String(doc.metadata.passageId));
        // hnswlib's cosine space returns 1 − cos.
        if (passage) hits.push({ passage, score: 1 - distance });
      }
      return hits;
    },
    docFrequency: (term) => bm25.value.docFreq(term),
    lexicalSearch(query, k) {
      const terms = tokenizer.terms(query);
      if (terms.length === 0 || k <= 0) return [];
      return bm25.value.search(terms, k).flatMap(({ doc, score }) => {
        const passage = passages[doc];
        return passage ? [{ passage, score }] : [];
      });
    },
  });
}
