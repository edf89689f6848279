/**
 * What the fitting scripts (`learn-decline.ts`, `learn-short.ts`, `learn-pick.ts`) share: the fold of
 * an article for cross-validation, reading a cache of asked questions back, and Adam's step.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

/** A stable fold (0 … folds − 1) for an article or story group: the same on every run (FNV-1a). */
export function foldOf(group: string, folds: number): number {
  let h = 2166136261;
  for (const ch of group) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return (h >>> 0) % folds;
}

/** The rows of a JSON-lines cache a previous run wrote, or null when there is none at `path`. */
export async function readCache<T>(path: string | undefined): Promise<T[] | null> {
  if (path === undefined || !existsSync(path)) return null;
  const text = await readFile(path, "utf8");
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as T);
}

/** Parameters (or Adam's moment estimates) as the fitting scripts keep them. */
type Params = { [i: number]: number; readonly length: number };

/**
 * One Adam step (β₁ 0.9, β₂ 0.999, ε 1e-8) on every parameter of `w`: `grad(i)` is parameter i's
 * gradient (read before it moves), `m` and `v` the moment estimates, `step` counted from 1.
 */
export function adamStep(
  w: Params,
  m: Params,
  v: Params,
  step: number,
  rate: number,
  grad: (i: number) => number,
): void {
  for (let i = 0; i < w.length; i++) {
    const gi = grad(i);
    m[i] = 0.9 * (m[i] ?? 0) + 0.1 * gi;
    v[i] = 0.999 * (v[i] ?? 0) + 0.001 * gi * gi;
    const mh = (m[i] ?? 0) / (1 - 0.9 ** step);
    const vh = (v[i] ?? 0) / (1 - 0.999 ** step);
    w[i] = (w[i] ?? 0) - (rate * mh) / (Math.sqrt(vh) + 1e-8);
  }
}
