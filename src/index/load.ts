import { readFile } from "node:fs/promises";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
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
  const mismatch = embeddingsMismatch(dir, manifest, embeddings);
  if (mismatch) return err(mismatch);

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

  const byId = new Map(passages.map((p) => [p.id, p]));
  const dense = await readHnsw(dir, byId, passages.length);
  if (!dense.ok) return err(corrupt(dir, dense.error));
  const { index: hnsw, labels } = dense.value;
  if (
    hnsw.getCurrentCount() !== passages.length ||
    hnsw.getNumDimensions() !== manifest.embeddings.dimensions
  ) {
    return err(corrupt(dir, "hnswlib.index does not match passages.json"));
  }
  // ef is not saved in hnswlib's file; without this, searches run at its default of 10.
  hnsw.setEf(manifest.hnsw.efSearch);

  return ok(
    assembleIndex({
      manifest,
      passages,
      articles,
      bm25: bm25.value,
      embeddings,
      byId,
      nearest: async (vector, k) => {
        const { neighbors, distances } = hnsw.searchKnn(vector, k);
        const hits: Hit[] = [];
        neighbors.forEach((label, i) => {
          const passage = labels[label];
          // hnswlib's cosine space returns 1 − cos.
          if (passage) hits.push({ passage, score: 1 - (distances[i] as number) });
        });
        return hits;
      },
    }),
  );
}

/**
 * The error when an index built with other embeddings (model or size) is opened with `embeddings`:
 * its vectors would be meaningless. `where` names the index (a folder, a database generation).
 */
export function embeddingsMismatch(
  where: string,
  manifest: IndexManifest,
  embeddings: IndexEmbeddings,
): IndexError | null {
  const built = manifest.embeddings;
  if (
    built.id !== embeddings.id ||
    (embeddings.dimensions !== undefined && embeddings.dimensions !== built.dimensions)
  ) {
    const now = `${embeddings.id}${embeddings.dimensions !== undefined ? ` (${embeddings.dimensions} 维)` : ""}`;
    return {
      code: "embeddings-mismatch",
      message:
        `${where} 的索引是用嵌入模型 ${built.id} (${built.dimensions} 维) 建立的，当前配置的是 ${now}` +
        ` (index built with embeddings ${built.id}/${built.dimensions}, configured: ${now})；` +
        `请用当前配置运行 npm run ingest 重建索引，或改回原来的嵌入配置 (rebuild with \`npm run ingest\` or restore the old embeddings setting)`,
    };
  }
  return null;
}

/** What every store supplies to make a {@link LoadedIndex}. */
export interface IndexParts {
  manifest: IndexManifest;
  passages: readonly Passage[];
  articles: readonly ArticleSummary[];
  /** BM25 over the passages in `passages` order (document n is `passages[n]`). */
  bm25: Bm25Index;
  embeddings: IndexEmbeddings;
  /** The store's nearest-neighbour search: up to `k` passages nearest `vector`, score = cosine similarity. */
  nearest: (vector: number[], k: number) => Promise<Hit[]>;
  /** Passages by id, when the store already has the map. */
  byId?: ReadonlyMap<string, Passage>;
}

/**
 * A loaded index from its parts. The lexical side and the query handling are the same for every
 * store (the embedded files, PostgreSQL), so both answer a question alike; only `nearest` differs.
 */
export function assembleIndex(parts: IndexParts): LoadedIndex {
  const { manifest, passages, articles, bm25, embeddings } = parts;
  const dimensions = manifest.embeddings.dimensions;
  const byId = parts.byId ?? new Map(passages.map((p) => [p.id, p]));
  const tokenizer = createTokenizer({ userWords: manifest.userWords });
  // Both searches tokenise the same query: the second reuses the first's terms.
  let last: { query: string; terms: string[] } | undefined;
  const termsOf = (query: string): string[] => {
    if (last?.query !== query) last = { query, terms: tokenizer.terms(query) };
    return last.terms;
  };
  return {
    manifest,
    passages,
    articles,
    passageById: (id) => byId.get(id),
    tokenizer,
    async denseSearch(query, k) {
      const kk = Math.min(Math.floor(k), passages.length);
      if (kk <= 0 || termsOf(query).length === 0) return [];
      const vector = await embeddings.embedQuery(query);
      if (vector.length !== dimensions)
        throw new Error(`Query vector must have the same length as the number of dimensions (${dimensions})`);
      return parts.nearest(vector, kk);
    },
    docFrequency: (term) => bm25.docFreq(term),
    lexicalSearch(query, k) {
      const terms = termsOf(query);
      if (terms.length === 0 || k <= 0) return [];
      return bm25.search(terms, k).flatMap(({ doc, score }) => {
        const passage = passages[doc];
        return passage ? [{ passage, score }] : [];
      });
    },
  };
}

/**
 * Reads LangChain HNSWLib's files (`args.json`, `hnswlib.index`, `docstore.json`) with hnswlib-node
 * itself, as `HNSWLib.load` would, but without importing LangChain (hundreds of modules at every
 * start) or building a `Document` per passage: the docstore only maps each HNSW label to a passage
 * id. A docstore that does not map every label to a passage is an error here, where `HNSWLib.load`
 * accepted it and every dense search then failed ("ID n not found").
 */
async function readHnsw(
  dir: string,
  byId: ReadonlyMap<string, Passage>,
  count: number,
): Promise<Result<{ index: hnswlib.HierarchicalNSW; labels: (Passage | undefined)[] }, string>> {
  let args: { space?: unknown; numDimensions?: unknown };
  let entries: unknown;
  try {
    args = JSON.parse(await readFile(join(dir, INDEX_FILES.hnswArgs), "utf8"));
  } catch (e) {
    return err(`hnswlib: args.json is missing or not valid JSON (${(e as Error).message})`);
  }
  if (
    (args?.space !== "cosine" && args?.space !== "ip" && args?.space !== "l2") ||
    typeof args.numDimensions !== "number"
  )
    return err("hnswlib: args.json lacks space/numDimensions");
  const index = new hnswlib.HierarchicalNSW(args.space, args.numDimensions);
  try {
    const [docstore] = await Promise.all([
      readFile(join(dir, INDEX_FILES.hnswDocstore), "utf8"),
      index.readIndex(join(dir, INDEX_FILES.hnsw)),
    ]);
    try {
      entries = JSON.parse(docstore);
    } catch {
      return err("hnswlib: docstore.json is not valid JSON");
    }
  } catch (e) {
    return err(`hnswlib: ${(e as Error).message}`);
  }
  if (!Array.isArray(entries) || entries.length !== count)
    return err("docstore.json does not match passages.json");
  const labels = new Array<Passage | undefined>(count);
  const seen = new Uint8Array(count);
  for (const entry of entries as unknown[]) {
    const key = Array.isArray(entry) ? entry[0] : undefined;
    const id = Array.isArray(entry)
      ? (entry[1] as { metadata?: { passageId?: unknown } } | null)?.metadata?.passageId
      : undefined;
    if (typeof id !== "string") return err("docstore.json entries lack passage ids");
    const label = Number(key);
    if (
      typeof key !== "string" ||
      !Number.isInteger(label) ||
      label < 0 ||
      label >= count ||
      String(label) !== key ||
      seen[label]
    )
      return err("docstore.json labels do not match hnswlib.index");
    seen[label] = 1;
    labels[label] = byId.get(id);
  }
  return ok({ index, labels });
}
