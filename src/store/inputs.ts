import { normalize, resolve, sep } from "node:path";

/**
 * Which paths an ingest reads. `--input` given: those, in order, each once (`data/corpus`,
 * `./data/corpus/` and a file inside an input folder are the same corpus). None given: what the
 * store's index was built from, so that a plain `npm run ingest` after `--input A --input B`
 * keeps B; with no index yet, CORPUS_DIR. `dropped`: inputs of the index in the store that the
 * chosen ones leave out, whose articles this ingest removes.
 */
export function chooseInputs(
  given: readonly string[] | undefined,
  stored: readonly string[] | null,
  fallback: string,
): { inputs: string[]; dropped: string[] } {
  const chosen =
    given !== undefined && given.length > 0
      ? given
      : stored !== null && stored.length > 0
        ? stored
        : [fallback];
  const inputs = distinctInputs(chosen);
  const dropped = distinctInputs(stored ?? []).filter((s) => !inputs.some((i) => covers(i, s)));
  return { inputs, dropped };
}

/** `paths` tidied (`a/./b/` → `a/b`), each once, without those inside another one's folder. */
export function distinctInputs(paths: readonly string[]): string[] {
  const tidy = paths.filter((p) => p.trim() !== "").map(tidyPath);
  const out: string[] = [];
  for (const p of tidy) {
    if (out.some((o) => covers(o, p))) continue;
    // A later folder may hold an earlier input: keep the folder, in the earlier one's place.
    const inside = out.findIndex((o) => covers(p, o));
    if (inside >= 0) {
      out[inside] = p;
      for (let i = out.length - 1; i > inside; i--) if (covers(p, out[i] as string)) out.splice(i, 1);
    } else out.push(p);
  }
  return out;
}

function tidyPath(p: string): string {
  const n = normalize(p);
  return n.length > 1 && n.endsWith(sep) ? n.slice(0, -1) : n;
}

/** Whether reading `outer` reads `inner` too: the same path, or one inside it. */
function covers(outer: string, inner: string): boolean {
  const a = resolve(outer);
  const b = resolve(inner);
  return a === b || b.startsWith(a.endsWith(sep) ? a : a + sep);
}
