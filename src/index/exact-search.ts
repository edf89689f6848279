import hnswlib from "hnswlib-node";

/**
 * Segments of up to this many live passages are searched exactly. An HNSW search at the ef these
 * indexes use (400; 800 above 25,000 passages) visits most of a graph this small: over the 1,985 CMRC
 * passages an exact scan took 0.12 ms a query against hnswlib's 0.45 ms. The exact index is filled at
 * load from the graph (`getPoint`, `addPoint`: about 90 µs a passage, 0.2 s for 2,000), so larger
 * segments keep the graph: over the 28,565 news passages exact is 1.5 ms a query against 4.6 ms, but
 * would add 1.5–2.5 s to every load (docs/quality.md "## Speed").
 */
export const EXACT_SEARCH_MAX = 5_000;

/** The spaces hnswlib-node knows. */
export type HnswSpace = "cosine" | "ip" | "l2";

/** hnswlib-node's answer to `searchKnn`: labels and distances, nearest first. */
export type KnnSearch = (vector: number[], k: number) => { neighbors: number[]; distances: number[] };

/**
 * An exact search over the vectors an HNSW graph stores, returning what the graph's `searchKnn` returns
 * when it finds the true nearest: the same labels and, bit for bit, the same distances. hnswlib's
 * brute-force index computes them with the graph's own distance function; a cosine graph stores its
 * vectors normalised and normalises each query, so here the stored vectors are copied as they are into
 * an inner-product index and the query is normalised as hnswlib-node does ({@link normalizeAsHnswlib}).
 * Labels for which `live` is false (deleted passages) are left out.
 */
export function exactSearch(
  graph: hnswlib.HierarchicalNSW,
  space: HnswSpace,
  live: (label: number) => boolean,
): KnnSearch {
  const count = graph.getCurrentCount();
  const labels: number[] = [];
  for (let label = 0; label < count; label++) if (live(label)) labels.push(label);
  const exact = new hnswlib.BruteforceSearch(space === "cosine" ? "ip" : space, graph.getNumDimensions());
  exact.initIndex(Math.max(labels.length, 1));
  for (const label of labels) exact.addPoint(graph.getPoint(label), label);
  return space === "cosine"
    ? (vector, k) => exact.searchKnn(normalizeAsHnswlib(vector), k)
    : (vector, k) => exact.searchKnn(vector, k);
}

/**
 * `vector` normalised as hnswlib-node's `normalizePoint` does before a cosine search, in single
 * precision step by step (each value cast to float; the squares summed in order in a float; the
 * float square root; each value divided by it), so the brute-force index meets the query the graph
 * would have met. A zero vector is left as it is.
 */
export function normalizeAsHnswlib(vector: readonly number[]): number[] {
  const f = Math.fround;
  let squares = 0;
  for (const x of vector) squares = f(squares + f(f(x) * f(x)));
  const norm = f(Math.sqrt(squares));
  return norm > 0 ? vector.map((x) => f(f(x) / norm)) : vector.map(f);
}
