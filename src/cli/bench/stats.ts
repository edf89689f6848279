/** Latency percentiles in milliseconds. */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/**
 * Nearest-rank percentiles of a sample (`p95` is the smallest value with at least 95 % of the
 * sample at or below it). An empty sample gives zeros.
 */
export function percentiles(sample: readonly number[]): Percentiles {
  const n = sample.length;
  if (n === 0) return { n: 0, p50: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = [...sample].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] as number;
  let sum = 0;
  for (const x of sorted) sum += x;
  return { n, p50: at(50), p95: at(95), p99: at(99), mean: sum / n, max: sorted[n - 1] as number };
}

/** The median of a sample; 0 when empty. */
export function median(sample: readonly number[]): number {
  return percentiles(sample).p50;
}

/**
 * A small seeded PRNG (mulberry32): the same seed always gives the same sequence, so synthetic
 * corpora and question samples are identical from run to run and machine to machine.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic Fisher–Yates shuffle (a copy; the input is untouched). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * recall@k of an approximate search, counting ties: `approxExact` holds the exact scores of the k
 * items the approximate search returned, `exactTop` the k best exact scores. An item scoring at
 * least the k-th best exact score is a hit (with duplicate passages, which of the tied items comes
 * back is arbitrary).
 */
export function recallAtK(approxExact: readonly number[], exactTop: readonly number[]): number {
  const k = exactTop.length;
  if (k === 0) return 1;
  const kth = Math.min(...exactTop);
  let hits = 0;
  for (const s of approxExact) if (s >= kth - 1e-6) hits++;
  return Math.min(k, hits) / k;
}
