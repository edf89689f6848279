import type { ArticleSummary, Hit, Passage } from "../index/types.js";

/** What the answer layer needs of a loaded index (the index layer's LoadedIndex satisfies it). */
export interface SearchIndex {
  readonly passages: readonly Passage[];
  readonly articles: readonly ArticleSummary[];
  passageById(id: string): Passage | undefined;
  denseSearch(query: string, k: number): Promise<Hit[]>;
  lexicalSearch(query: string, k: number): Hit[];
}

/** Weights of reciprocal rank fusion; see the README's quality section for how they were chosen. */
export interface FusionOptions {
  /** RRF constant: larger flattens the rank curve. */
  k: number;
  dense: number;
  lexical: number;
  /** Added (in RRF units of a first place) to passages about a zone the question names. */
  zoneBoost: number;
  /** How many hits each ranking contributes. */
  depth: number;
}

export const DEFAULT_FUSION: FusionOptions = { k: 60, dense: 1, lexical: 1, zoneBoost: 0.5, depth: 50 };

/**
 * Fuses the dense and lexical rankings by reciprocal rank fusion, boosting passages about the zones the
 * question names. Pure: takes the two rankings, returns one.
 */
export function fuseRankings(
  dense: readonly Hit[],
  lexical: readonly Hit[],
  zones: readonly string[],
  opts: FusionOptions = DEFAULT_FUSION,
): Hit[] {
  const scores = new Map<string, { passage: Passage; score: number }>();
  const add = (hits: readonly Hit[], weight: number) => {
    hits.forEach((h, rank) => {
      const cur = scores.get(h.passage.id) ?? { passage: h.passage, score: 0 };
      cur.score += weight / (opts.k + rank + 1);
      scores.set(h.passage.id, cur);
    });
  };
  add(dense, opts.dense);
  add(lexical, opts.lexical);
  if (zones.length > 0) {
    const unit = opts.zoneBoost / (opts.k + 1);
    for (const entry of scores.values()) {
      const p = entry.passage;
      if (p.mainZone !== null && zones.includes(p.mainZone)) entry.score += unit;
      else if (zones.some((z) => p.zones.includes(z))) entry.score += unit / 2;
    }
  }
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id))
    .map(({ passage, score }) => ({ passage, score }));
}

/** Runs both searches for a query and fuses them: the default retriever. */
export async function hybridSearch(
  index: SearchIndex,
  query: string,
  k: number,
  zones: readonly string[] = [],
  opts: FusionOptions = DEFAULT_FUSION,
): Promise<Hit[]> {
  const [dense, lexical] = await Promise.all([
    index.denseSearch(query, opts.depth),
    Promise.resolve(index.lexicalSearch(query, opts.depth)),
  ]);
  return fuseRankings(dense, lexical, zones, opts).slice(0, k);
}
