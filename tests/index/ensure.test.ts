import { cp, mkdir, readFile, rename, rm, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex } from "../../src/index/build.js";
import { ensureIndex, type RebuildReason } from "../../src/index/ensure.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { embeddedStore } from "../../src/store/embedded.js";
import { PAGE_CORPUS } from "../helpers/page-index.js";
import { scratchDir } from "../helpers/scratch.js";

/**
 * A damaged index on disk is named and rebuilt from the corpus, never a stack trace; an index built
 * with other embeddings, or no corpus to build from, is refused with what to do.
 */

const embeddings = new LocalEmbeddings();
let base: string;
let good: string;

beforeAll(async () => {
  base = await scratchDir("gaoxin-ensure-");
  good = join(base, "good");
  await buildIndex({ corpus: await loadCorpus([PAGE_CORPUS]), embeddings, dir: good, inputs: [PAGE_CORPUS] });
}, 60_000);

/** A copy of the good index, damaged by `damage`, opened with ensureIndex. */
async function openDamaged(name: string, damage: (dir: string) => Promise<void>) {
  const dir = join(base, name);
  await cp(good, dir, { recursive: true });
  await damage(dir);
  const rebuilt: { reason: RebuildReason; detail: string }[] = [];
  const result = await ensureIndex(dir, [PAGE_CORPUS], embeddings, {
    rebuilding: (reason, detail) => rebuilt.push({ reason, detail }),
  });
  return { result, rebuilt };
}

const halve = (file: string) => async (dir: string) =>
  truncate(join(dir, file), Math.floor((await stat(join(dir, file))).size / 2));

describe("ensureIndex on a damaged index", () => {
  const cases: [string, (dir: string) => Promise<void>, RebuildReason, string][] = [
    ["a truncated hnswlib.index", halve("hnswlib.index"), "corrupt", "hnswlib"],
    ["an empty hnswlib.index", (d) => truncate(join(d, "hnswlib.index"), 0), "corrupt", "hnswlib"],
    ["a missing hnswlib.index", (d) => rm(join(d, "hnswlib.index")), "corrupt", "hnswlib.index"],
    [
      "a docstore.json that is not JSON",
      (d) => writeFile(join(d, "docstore.json"), "{nope"),
      "corrupt",
      "hnswlib",
    ],
    [
      "a docstore.json that is valid JSON but empty",
      (d) => writeFile(join(d, "docstore.json"), "[]"),
      "corrupt",
      "docstore.json",
    ],
    ["an args.json that is not JSON", (d) => writeFile(join(d, "args.json"), "{"), "corrupt", "hnswlib"],
    ["a truncated passages.jsonl", halve("passages.jsonl"), "corrupt", "passages.jsonl"],
    ["a truncated bm25.json", halve("bm25.json"), "corrupt", "bm25.json"],
    ["a truncated bm25.bin", halve("bm25.bin"), "corrupt", "bm25.bin"],
    ["a missing ledger.json", (d) => rm(join(d, "ledger.json")), "corrupt", "ledger.json"],
    [
      "a manifest.json that is not JSON",
      (d) => writeFile(join(d, "manifest.json"), "{"),
      "corrupt",
      "manifest.json",
    ],
    ["a missing directory", (d) => rm(d, { recursive: true }), "missing", "manifest.json not found"],
  ];
  for (const [what, damage, reason, named] of cases) {
    it(`${what}: says so, naming it, and rebuilds from the corpus`, async () => {
      const { result, rebuilt } = await openDamaged(what.replace(/\W+/g, "-"), damage);
      expect(rebuilt).toHaveLength(1);
      expect(rebuilt[0]?.reason).toBe(reason);
      expect(rebuilt[0]?.detail).toContain(named);
      expect(rebuilt[0]?.detail).not.toMatch(/\n\s+at /);
      expect(result.ok).toBe(true);
      if (result.ok) expect((await result.value.denseSearch("珠海高新区工业投资", 3)).length).toBe(3);
    });
  }

  it("an index built with other embeddings is refused, naming both and how to rebuild", async () => {
    const { result, rebuilt } = await openDamaged("other-embeddings", async (d) => {
      const m = JSON.parse(await readFile(join(d, "manifest.json"), "utf8"));
      m.embeddings.id = "openai:text-embedding-3-small";
      await writeFile(join(d, "manifest.json"), JSON.stringify(m));
    });
    expect(rebuilt).toHaveLength(0);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("embeddings-mismatch");
      expect(result.error.message).toContain("openai:text-embedding-3-small");
      expect(result.error.message).toContain(embeddings.id);
      expect(result.error.message).toContain("npm run ingest");
    }
  });

  it("no index and no corpus: refused, saying where to put articles and what to run", async () => {
    const empty = join(base, "empty-corpus");
    await mkdir(empty, { recursive: true });
    const result = await ensureIndex(join(base, "none"), [empty], embeddings);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      // The folder it was asked to read (CORPUS_DIR), not the default data/corpus/.
      expect(result.error.message).toContain(`请把报道放进 ${empty} 后运行 npm run ingest`);
      expect(result.error.message).not.toContain("data/corpus");
    }
  });

  it("an ingest killed between its two renames: the index left aside is put back, not rebuilt", async () => {
    const dir = join(base, "interrupted");
    await cp(good, dir, { recursive: true });
    // A pid that cannot be running: the build that moved it aside is gone.
    await rename(dir, `${dir}.old-999999999-${Date.now()}`);
    const recovered: string[] = [];
    const rebuilt: string[] = [];
    const result = await ensureIndex(dir, [PAGE_CORPUS], embeddings, {
      recovered: (from) => recovered.push(from),
      rebuilding: (reason) => rebuilt.push(reason),
    });
    expect(result.ok).toBe(true);
    expect(recovered).toHaveLength(1);
    expect(rebuilt).toEqual([]);
  });
});

describe("ensureIndex when the corpus it was built from is not there", () => {
  it("uses the index as built and says so, never emptying it of the articles it cannot find", async () => {
    const dir = await scratchDir("gaoxin-ensure-missing-");
    const folder = join(dir, "news");
    await mkdir(folder);
    const line = (id: string, text: string) => `${JSON.stringify({ id, title: id, text })}\n`;
    await writeFile(join(folder, "a.jsonl"), line("n1", "岳阳高新区上半年新签约项目12个，总投资86亿元。"));
    await writeFile(join(folder, "b.jsonl"), line("n2", "岳阳高新区新增科技型中小企业35家。"));
    const index = join(dir, "index");
    const inputs = [PAGE_CORPUS, folder];
    await buildIndex({ corpus: await loadCorpus(inputs), embeddings, dir: index, inputs });
    const manifest = await readFile(join(index, "manifest.json"), "utf8");
    // Asked from elsewhere (the recorded path does not resolve), or the folder renamed.
    await rename(folder, join(dir, "moved"));
    const events = { rebuilt: [] as RebuildReason[], missing: [] as string[] };
    const open = () =>
      ensureIndex(index, [PAGE_CORPUS], embeddings, {
        rebuilding: (reason) => events.rebuilt.push(reason),
        inputsMissing: (paths) => events.missing.push(...paths),
      });
    const result = await open();
    expect(events).toEqual({ rebuilt: [], missing: [folder] });
    expect(result.ok && result.value.manifest.counts.articles).toBe(8);
    expect(await readFile(join(index, "manifest.json"), "utf8")).toBe(manifest);
    // A file removed from a folder that is there is the corpus changed: the index follows it.
    await rename(join(dir, "moved"), folder);
    await rm(join(folder, "b.jsonl"));
    const again = await open();
    expect(events.rebuilt).toEqual(["corpus-changed"]);
    expect(again.ok && again.value.manifest.counts.articles).toBe(7);
  }, 60_000);
});

describe("ensureIndex when the manifest is damaged and the index holds articles from other inputs", () => {
  it("refuses to rebuild from the corpus alone, naming what it would drop, and touches nothing", async () => {
    const dir = await scratchDir("gaoxin-ensure-manifest-");
    const folder = join(dir, "news");
    await mkdir(folder);
    await writeFile(
      join(folder, "a.jsonl"),
      `${JSON.stringify({ id: "n1", title: "n1", text: "岳阳高新区上半年新签约项目12个，总投资86亿元。" })}\n`,
    );
    const index = join(dir, "index");
    const inputs = [PAGE_CORPUS, folder];
    await buildIndex({ corpus: await loadCorpus(inputs), embeddings, dir: index, inputs });
    await writeFile(join(index, "manifest.json"), "{");
    const passages = await readFile(join(index, "passages.jsonl"), "utf8");
    const rebuilt: RebuildReason[] = [];
    const result = await ensureIndex(index, [PAGE_CORPUS], embeddings, {
      rebuilding: (reason) => rebuilt.push(reason),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain("manifest.json");
      expect(result.error.message).toContain("a.jsonl");
      expect(result.error.message).toContain("npm run ingest");
    }
    expect(rebuilt).toEqual([]);
    expect(await readFile(join(index, "passages.jsonl"), "utf8")).toBe(passages);
    expect(await readFile(join(index, "manifest.json"), "utf8")).toBe("{");

    // Neither does a plain `npm run ingest` (told no inputs), `/reindex` or `--watch`; `ingest --input`
    // with all of them rebuilds it.
    const store = embeddedStore({ dir: index, corpusDir: PAGE_CORPUS, embeddings, watchSeconds: 0 });
    const ingested = await store.ingest({});
    expect(!ingested.ok && ingested.error.message).toContain("a.jsonl");
    const reindexed = await store.reindex();
    expect(!reindexed.ok && reindexed.error.message).toContain("a.jsonl");
    expect(await readFile(join(index, "passages.jsonl"), "utf8")).toBe(passages);
    expect(await readFile(join(index, "manifest.json"), "utf8")).toBe("{");
    const all = await store.ingest({ inputs });
    expect(all.ok && all.value.articles).toBe(7);
  }, 60_000);
});
