import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import hnswlib from "hnswlib-node";
import { err, ok, type Result } from "../result.js";
import { type ArticleCatalog, memoryCatalog } from "./articles.js";
import { type Bm25Hit, Bm25Index } from "./bm25.js";
import type { IndexEmbeddings } from "./build.js";
import { EXACT_SEARCH_MAX, exactSearch, type HnswSpace } from "./exact-search.js";
import { type Ledger, readLedger } from "./ledger.js";
import { INDEX_FILES, type IndexError, type IndexManifest, REBUILD_HINT, readManifest } from "./manifest.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import type { ArticleSummary, Hit, Passage } from "./types.js";

/** An index read from its folder: its article list is in memory as well. */
export type EmbeddedIndex = LoadedIndex & { articles: readonly ArticleSummary[] };

/**
 * A loaded index, ready to search. Its articles are an {@link ArticleCatalog}: the zone counts in
 * memory, the summaries fetched by id or zone (the embedded store holds them all; PostgreSQL reads
 * them from the generation's articles table).
 */
export interface LoadedIndex extends ArticleCatalog {
  manifest: IndexManifest;
  passages: readonly Passage[];
  passageById(id: string): Passage | undefined;
  /**
   * Passages by id, wherever the store keeps them: the embedded store answers from `passageById`;
   * PostgreSQL, whose `passageById` knows only the passages of recent searches, fetches them.
   */
  loadPassages(ids: readonly string[]): Promise<(Passage | undefined)[]>;
  /** The tokenizer the index was built with (same user words), for callers that match terms. */
  tokenizer: Tokenizer;
  /** Nearest passages by embedding; score is cosine similarity (1 = same direction). */
  denseSearch(query: string, k: number): Promise<Hit[]>;
  /**
   * Best passages by BM25 over words and bigrams; score is the BM25 score. In memory for the
   * embedded store; a promise where the postings are read from a database.
   */
  lexicalSearch(query: string, k: number): Hit[] | Promise<Hit[]>;
  /** How many passages hold `term` (a normalised jieba word, or a `b:` bigram) among their BM25 terms. */
  docFrequency(term: string): number;
}

const corrupt = (dir: string, what: string): IndexError => ({
  code: "corrupt",
  message: `${dir} 中的索引已损坏 (index is corrupt: ${what})；${REBUILD_HINT}`,
});

async function readJson(dir: string, name: string): Promise<Result<unknown, string>> {
  try {
    return ok(JSON.parse(await readFile(join(dir, name), "utf8")));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    return err(missing ? `${name} is missing` : `${name} is not valid JSON`);
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
): Promise<Result<EmbeddedIndex, IndexError>> {
  const m = await readManifest(dir);
  if (!m.ok) return m;
  const manifest = m.value;
  const mismatch = embeddingsMismatch(dir, manifest, embeddings);
  if (mismatch) return err(mismatch);

  const ledger = await readLedger(join(dir, manifest.ledger));
  if (!ledger.ok) return err(corrupt(dir, ledger.error));
  const segments: Segment[] = [];
  for (const [i, name] of manifest.segments.entries()) {
    const segment = await loadSegment(join(dir, name), name, manifest.segmentPassages[i] ?? 0);
    if (!segment.ok) return err(corrupt(dir, segment.error));
    segments.push(segment.value);
  }
  const laid = layOut(segments, ledger.value);
  if (!laid.ok) return err(corrupt(dir, laid.error));
  const { passages, articles, bm25 } = laid.value;
  if (passages.length !== manifest.counts.passages)
    return err(corrupt(dir, "the ledger's passages do not match the manifest"));
  for (const seg of segments) {
    if (seg.hnsw.getNumDimensions() !== manifest.embeddings.dimensions)
      return err(corrupt(dir, `${seg.name}/hnswlib.index does not match the manifest's dimensions`));
    // ef is not saved in hnswlib's file; without this, searches run at its default of 10.
    seg.hnsw.setEf(manifest.hnsw.efSearch);
  }
  // Searches need only each segment's search and labels: the segments' own postings (merged into the
  // one BM25 above, or the same object) are not kept alive by the closures, nor a graph searched exactly.
  const graphs = segments.map(({ name, hnsw, space, labels, live }) => ({
    name,
    labels,
    live,
    search:
      live <= EXACT_SEARCH_MAX
        ? exactSearch(hnsw, space, (label) => labels[label] !== undefined)
        : (vector: number[], k: number) => hnsw.searchKnn(vector, k),
  }));

  return ok({
    articles,
    ...assembleIndex({
      manifest,
      passages,
      catalog: memoryCatalog(articles),
      bm25,
      embeddings,
      nearest: async (vector, k) => {
        const hits: Hit[] = [];
        for (const seg of graphs) {
          const n = Math.min(k, seg.live);
          if (n === 0) continue;
          const { neighbors, distances } = seg.search(vector, n);
          neighbors.forEach((label, i) => {
            const passage = seg.labels[label];
            // hnswlib's cosine space returns 1 − cos.
            if (passage) hits.push({ passage, score: 1 - (distances[i] as number) });
          });
        }
        // Each segment gave its own best; the best over all of them are the index's.
        return graphs.length === 1 ? hits : hits.sort((x, y) => y.score - x.score).slice(0, k);
      },
    }),
  });
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

/** BM25 as a store has it: the postings in memory ({@link Bm25Index}) or read per query. */
export interface LexicalIndex {
  docFreq(term: string): number;
  search(terms: readonly string[], k: number): Bm25Hit[] | Promise<Bm25Hit[]>;
}

/** What every store supplies to make a {@link LoadedIndex}. */
export interface IndexParts {
  manifest: IndexManifest;
  passages: readonly Passage[];
  catalog: ArticleCatalog;
  /** BM25 over the passages in `passages` order (document n is `passages[n]`). */
  bm25: LexicalIndex;
  embeddings: IndexEmbeddings;
  /** The store's nearest-neighbour search: up to `k` passages nearest `vector`, score = cosine similarity. */
  nearest: (vector: number[], k: number) => Promise<Hit[]>;
  /** Passages by id, when the store already has the map. */
  byId?: ReadonlyMap<string, Passage>;
  /** The passages of BM25 documents, for a store that fetches them per query instead of holding `passages`. */
  passagesAt?: (docs: readonly number[]) => Promise<(Passage | undefined)[]>;
}

/**
 * A loaded index from its parts. The lexical side and the query handling are the same for every
 * store (the embedded files, PostgreSQL), so both answer a question alike; only `nearest` differs.
 */
export function assembleIndex(parts: IndexParts): LoadedIndex {
  const { manifest, passages, catalog, bm25, embeddings } = parts;
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
    zones: catalog.zones,
    loadArticles: (ids) => catalog.loadArticles(ids),
    zoneArticles: (zone) => catalog.zoneArticles(zone),
    passageById: (id) => byId.get(id),
    loadPassages: async (ids) => ids.map((id) => byId.get(id)),
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
      const toHits = (found: Bm25Hit[], at: (i: number) => Passage | undefined): Hit[] =>
        found.flatMap(({ score }, i) => {
          const passage = at(i);
          return passage ? [{ passage, score }] : [];
        });
      const found = bm25.search(terms, k);
      const { passagesAt } = parts;
      if (passagesAt)
        return Promise.resolve(found).then(async (hits) => {
          const got = await passagesAt(hits.map((h) => h.doc));
          return toHits(hits, (i) => got[i]);
        });
      const inMemory = (hits: Bm25Hit[]) => toHits(hits, (i) => passages[(hits[i] as Bm25Hit).doc]);
      return Array.isArray(found) ? inMemory(found) : found.then(inMemory);
    },
  };
}

/** One segment as read from disk. */
interface Segment {
  name: string;
  passages: Passage[];
  articles: ArticleSummary[];
  /** This segment's postings; merged into the index's one BM25 at load, then no longer referenced. */
  bm25: Bm25Index;
  hnsw: hnswlib.HierarchicalNSW;
  /** The graph's space (`args.json`). */
  space: HnswSpace;
  /** HNSW label → passage; a deleted passage's label maps to undefined once laid out. */
  labels: (Passage | undefined)[];
  /** Passages still in the ledger. */
  live: number;
}

/** Reads one segment's files and checks they agree with each other and with the manifest. */
async function loadSegment(dir: string, name: string, expected: number): Promise<Result<Segment, string>> {
  const where = (file: string): string => (name === "." ? file : `${name}/${file}`);
  const passagesRead = await readJsonLines(dir, INDEX_FILES.passages);
  if (!passagesRead.ok) return err(where(passagesRead.error));
  const passages = passagesRead.value as Passage[];
  if (passages.length !== expected || passages.some((p) => typeof p?.id !== "string"))
    return err(`${where(INDEX_FILES.passages)} does not match the manifest`);
  const articlesRead = await readJsonLines(dir, INDEX_FILES.articles);
  if (!articlesRead.ok) return err(where(articlesRead.error));
  const articles = articlesRead.value as ArticleSummary[];
  if (articles.some((a) => typeof a?.id !== "string" || !Array.isArray(a.passageIds)))
    return err(`${where(INDEX_FILES.articles)} has articles without ids`);
  const bm25Meta = await readJson(dir, INDEX_FILES.bm25);
  if (!bm25Meta.ok) return err(where(bm25Meta.error));
  let postings: Buffer;
  try {
    postings = await readFile(join(dir, INDEX_FILES.bm25Postings));
  } catch {
    return err(`${where(INDEX_FILES.bm25Postings)} is missing`);
  }
  const bm25 = Bm25Index.fromFiles(bm25Meta.value, postings);
  if (!bm25.ok) return err(bm25.error);
  if (bm25.value.size !== passages.length)
    return err(`${where(INDEX_FILES.bm25)} does not match ${INDEX_FILES.passages}`);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const dense = await readHnsw(dir, byId, passages.length);
  if (!dense.ok) return err(dense.error);
  if (dense.value.index.getCurrentCount() !== passages.length)
    return err(`${where(INDEX_FILES.hnsw)} does not match ${INDEX_FILES.passages}`);
  return ok({
    name,
    passages,
    articles,
    bm25: bm25.value,
    hnsw: dense.value.index,
    space: dense.value.space,
    labels: dense.value.labels,
    live: passages.length,
  });
}

/** Every line of a JSON Lines file, parsed, read as a stream: no one string holds the file. */
async function readJsonLines(dir: string, name: string): Promise<Result<unknown[], string>> {
  const out: unknown[] = [];
  let line = 0;
  try {
    const lines = createInterface({ input: createReadStream(join(dir, name), "utf8"), crlfDelay: Infinity });
    for await (const text of lines) {
      line++;
      if (text === "") continue;
      try {
        out.push(JSON.parse(text));
      } catch {
        return err(`${name} line ${line} is not valid JSON`);
      }
    }
  } catch (e) {
    return err(
      (e as NodeJS.ErrnoException).code === "ENOENT"
        ? `${name} is missing`
        : `${name}: ${(e as Error).message}`,
    );
  }
  return ok(out);
}

/**
 * The live passages and articles of all segments in ledger (= corpus) order, and one BM25 index over
 * them numbered in that order: what a full rebuild of the same corpus would hold. Passages no ledger
 * article points to are marked deleted in their segment's HNSW graph.
 */
function layOut(
  segments: Segment[],
  ledger: Ledger,
): Result<{ passages: Passage[]; articles: ArticleSummary[]; bm25: Bm25Index }, string> {
  const only = segments.length === 1 ? segments[0] : undefined;
  const ledgerArticles = ledger.files.flatMap((f) => f.articles);
  // A full build's one segment is already in ledger order: nothing to lay out.
  if (
    only &&
    only.articles.length === ledgerArticles.length &&
    only.articles.every(
      (a, i) => a.id === ledgerArticles[i]?.[0] && a.passageIds.length === ledgerArticles[i]?.[3],
    )
  )
    return ok({ passages: only.passages, articles: only.articles, bm25: only.bm25 });

  const bySegment = new Map(
    segments.map((seg) => [
      seg.name,
      {
        seg,
        summaries: new Map(seg.articles.map((a) => [a.id, a])),
        positions: new Map(seg.passages.map((p, i) => [p.id, i])),
        docMap: new Int32Array(seg.passages.length).fill(-1),
      },
    ]),
  );
  const passages: Passage[] = [];
  const articles: ArticleSummary[] = [];
  for (const [id, , name, count] of ledgerArticles) {
    const s = bySegment.get(name);
    const summary = s?.summaries.get(id);
    if (!s || !summary || summary.passageIds.length !== count)
      return err(`ledger.json names article ${id} in segment ${name}, which does not hold it`);
    for (const pid of summary.passageIds) {
      const at = s.positions.get(pid);
      if (at === undefined) return err(`segment ${name} lacks passage ${pid}`);
      s.docMap[at] = passages.length;
      passages.push(s.seg.passages[at] as Passage);
    }
    articles.push(summary);
  }
  for (const { seg, docMap, positions } of bySegment.values()) {
    let live = 0;
    seg.labels.forEach((passage, label) => {
      const at = passage ? positions.get(passage.id) : undefined;
      if (at !== undefined && (docMap[at] as number) >= 0) live++;
      else {
        seg.hnsw.markDelete(label);
        seg.labels[label] = undefined;
      }
    });
    seg.live = live;
  }
  const bm25 = Bm25Index.merge(
    [...bySegment.values()].map(({ seg, docMap }) => ({ index: seg.bm25, docMap })),
    passages.length,
  );
  return ok({ passages, articles, bm25 });
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
): Promise<
  Result<{ index: hnswlib.HierarchicalNSW; space: HnswSpace; labels: (Passage | undefined)[] }, string>
> {
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
    return err(`docstore.json does not match ${INDEX_FILES.passages}`);
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
  return ok({ index, space: args.space, labels });
}
