/**
 * What the fitting scripts (`learn-decline.ts`, `learn-short.ts`, `learn-pick.ts`) share: the fold of
 * an article for cross-validation, and reading a cache of asked questions back.
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
