import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pooledService } from "../../src/cli/eval-pool.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { removeTempDirs } from "../../src/index/target.js";

/**
 * `eval --contexts` pools the paragraphs into a temporary folder of its own; a Ctrl-C while it asks
 * (runCli's stop handler: removeTempDirs, then exit) removes that folder too, unless `--keep` asked
 * for it to stay.
 */

const CONTEXTS = fileURLToPath(new URL("../fixtures/cmrc-subset.contexts.jsonl", import.meta.url));
const settings = {
  store: { kind: "embedded" } as const,
  indexDir: "",
  corpusDir: "",
  embeddings: new LocalEmbeddings(),
};

describe("the evaluation's pooled store on a stop signal", () => {
  it("is removed by the stop handler's removeTempDirs while the evaluation is still asking", async () => {
    const pooled = await pooledService(settings, CONTEXTS, { label: "eval" });
    if (!pooled.ok) throw new Error(pooled.error);
    try {
      expect(existsSync(pooled.value.location)).toBe(true);
      await removeTempDirs();
      expect(existsSync(pooled.value.location)).toBe(false);
    } finally {
      await rm(pooled.value.location, { recursive: true, force: true });
    }
  });

  it("stays with --keep (keepStore)", async () => {
    const pooled = await pooledService(settings, CONTEXTS, { label: "eval", keepStore: true });
    if (!pooled.ok) throw new Error(pooled.error);
    try {
      await removeTempDirs();
      expect(existsSync(pooled.value.location)).toBe(true);
    } finally {
      await rm(pooled.value.location, { recursive: true, force: true });
    }
  });
});
