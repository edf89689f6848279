import type { ArticleSummary, ZoneCount } from "./types.js";

const collator = new Intl.Collator("zh-Hans-CN");

/** Zones as lists show them, in a new array: most articles first, then by name (Chinese collation). */
export function sortZones<T extends ZoneCount>(zones: readonly T[]): T[] {
  return [...zones].sort((a, b) => b.articles - a.articles || collator.compare(a.zone, b.zone));
}

/** Every zone the articles name, with how many of them name it (an article naming it twice counts once). */
export function countZones(articles: readonly ArticleSummary[]): ZoneCount[] {
  const counts = new Map<string, number>();
  for (const a of articles) for (const z of new Set(a.zones)) counts.set(z, (counts.get(z) ?? 0) + 1);
  return sortZones([...counts].map(([zone, n]) => ({ zone, articles: n })));
}

/**
 * What an index keeps of its articles: the zone counts every question needs, in memory; the
 * summaries themselves on demand, so a store may keep them elsewhere (PostgreSQL keeps them in a
 * table of the generation and fetches those a citation or a zone page needs).
 */
export interface ArticleCatalog {
  /** Every zone the articles name with its article count, sorted as {@link sortZones}. */
  readonly zones: readonly ZoneCount[];
  /** Article summaries by id, undefined for an id the index does not hold. */
  loadArticles(ids: readonly string[]): Promise<(ArticleSummary | undefined)[]>;
  /** The articles naming `zone`, in index (corpus) order. */
  zoneArticles(zone: string): Promise<ArticleSummary[]>;
}

/** The catalog of articles held in memory (the embedded store's). */
export function memoryCatalog(articles: readonly ArticleSummary[]): ArticleCatalog {
  let byId: Map<string, ArticleSummary> | undefined;
  return {
    zones: countZones(articles),
    async loadArticles(ids) {
      byId ??= new Map(articles.map((a) => [a.id, a]));
      const map = byId;
      return ids.map((id) => map.get(id));
    },
    zoneArticles: async (zone) => articles.filter((a) => a.zones.includes(zone)),
  };
}
