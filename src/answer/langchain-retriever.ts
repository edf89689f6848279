import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { findZones } from "../corpus/zones.js";
import { normalizeText } from "../index/tokenize.js";
import type { ArticleSummary, Hit, Passage } from "../index/types.js";
import { DEFAULT_FUSION, type FusionOptions, hybridSearch, type SearchIndex } from "./retrieve.js";

/** What each retrieved `Document` carries besides its text: enough to cite it. */
export interface PassageMetadata {
  /** The passage id (`<article id>#<ordinal>`), as `/source` and `ask --json` citations give it. */
  passageId: string;
  articleId: string;
  /** The article's headline. */
  headline: string;
  section: string | null;
  /** Canonical names of the zones the passage's article names; `mainZone` is the one its headline names. */
  zones: string[];
  mainZone: string | null;
  byline: string | null;
  /** The corpus file the article came from. */
  source: string;
  /** The article's date and address, when the corpus gives them. */
  date?: string;
  url?: string;
  /** Fused score (dense + BM25 + zone boost); higher is better, comparable within one query only. */
  score: number;
}

/** Options of {@link HybridRetriever}. */
export interface HybridRetrieverInput extends BaseRetrieverInput {
  /** A loaded index (`loadIndex`), or anything with its searches. */
  index: SearchIndex;
  /** Documents returned per query. */
  k?: number;
  fusion?: FusionOptions;
  /**
   * The zones a query names, for the zone boost. Default: the canonical zone names found in the query
   * that the index covers.
   */
  zonesOf?: (query: string) => readonly string[];
}

/** A fused hit as a LangChain `Document` with its citation metadata. */
export function hitToDocument(hit: Hit, article?: ArticleSummary): Document<PassageMetadata> {
  const p = hit.passage;
  const metadata: PassageMetadata = {
    passageId: p.id,
    articleId: p.articleId,
    headline: p.title,
    section: p.section,
    zones: p.zones,
    mainZone: p.mainZone,
    byline: p.byline,
    source: p.source,
    ...(article?.date !== undefined ? { date: article.date } : {}),
    ...(article?.url !== undefined ? { url: article.url } : {}),
    score: hit.score,
  };
  return new Document({ pageContent: p.text, metadata, id: p.id });
}

/**
 * The project's hybrid search (BM25 over jieba words and bigrams, HNSW over embeddings, scores fused,
 * passages about the zones the query names boosted) as a LangChain retriever, so the index can sit in
 * any LangChain chain. Each `Document` is one passage; its metadata cites it.
 */
export class HybridRetriever extends BaseRetriever<PassageMetadata> {
  static override lc_name(): string {
    return "HybridRetriever";
  }

  override lc_namespace = ["gaoxin-qa", "retrievers"];

  readonly index: SearchIndex;
  readonly k: number;
  readonly fusion: FusionOptions;
  private readonly zonesOf: (query: string) => readonly string[];

  constructor(fields: HybridRetrieverInput) {
    super(fields);
    this.index = fields.index;
    this.k = fields.k ?? 4;
    this.fusion = fields.fusion ?? DEFAULT_FUSION;
    if (fields.zonesOf) this.zonesOf = fields.zonesOf;
    else {
      const known = new Set(fields.index.zones.map((z) => z.zone));
      this.zonesOf = (query) => findZones(normalizeText(query)).filter((z) => known.has(z));
    }
  }

  /** The fused hits for `query`, for callers that want passages rather than Documents. */
  search(query: string, k = this.k): Promise<Hit[]> {
    return hybridSearch(this.index, query, k, this.zonesOf(query), this.fusion);
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    const hits = await this.search(query);
    const ids = [...new Set(hits.map((h) => h.passage.articleId))];
    // The cited articles' dates and addresses: fetched per search where the store keeps them.
    const articles = await this.index.loadArticles(ids);
    const byId = new Map(ids.map((id, i) => [id, articles[i]]));
    return hits.map((h) => hitToDocument(h, byId.get(h.passage.articleId)));
  }
}

/** The passages behind documents this retriever returned, with their scores, best first. */
export function documentsToHits(
  docs: readonly Document<PassageMetadata>[],
  passageById: (id: string) => Passage | undefined,
): Hit[] {
  return docs.flatMap((d) => {
    const passage = passageById(d.metadata.passageId);
    return passage === undefined ? [] : [{ passage, score: d.metadata.score }];
  });
}
