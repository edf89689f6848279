import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/index/build.js";
import { type EmbeddedIndex, loadIndex } from "../../src/index/load.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { corpusChanged, type IndexManifest, readManifest } from "../../src/index/manifest.js";
import { ARTICLES, article, corpus } from "./fixtures.js";

const embeddings = new LocalEmbeddings({ dimensions: 256 });
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "gaoxin-index-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function built(name: string): Promise<string> {
  const dir = join(root, name);
  await buildIndex({ corpus: corpus(), embeddings, dir, inputs: ["fixtures/"] });
  return dir;
}

async function loaded(dir: string): Promise<EmbeddedIndex> {
  const r = await loadIndex(dir, embeddings);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("buildIndex → loadIndex", () => {
  it("round-trips passages, articles and the manifest", async () => {
    const progress: [number, number][] = [];
    const dir = join(root, "roundtrip");
    const summary = await buildIndex({
      corpus: corpus(),
      embeddings,
      dir,
      inputs: ["fixtures/"],
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(summary.articles).toBe(3);
    expect(summary.passages).toBeGreaterThanOrEqual(6);
    expect(progress.at(-1)).toEqual([summary.passages, summary.passages]);

    const index = await loaded(dir);
    expect(index.passages).toHaveLength(summary.passages);
    expect(index.articles.map((a) => a.id)).toEqual(["zhuhai", "chongqing", "jining"]);
    const first = index.articles[0];
    expect(first?.passageIds.every((id) => index.passageById(id)?.articleId === "zhuhai")).toBe(true);
    expect(index.manifest).toMatchObject({
      formatVersion: 4,
      embeddings: { id: "local-hash-v1-256", dimensions: 256 },
      hnsw: { space: "cosine", m: 32, efConstruction: 100, efSearch: 400 },
      corpus: { inputs: ["fixtures/"], files: corpus().files },
      counts: { articles: 3, passages: summary.passages },
      userWords: ["济宁高新区", "珠海高新区", "重庆高新区"],
    });
    expect(Number.isNaN(Date.parse(index.manifest.builtAt))).toBe(false);
    expect(index.tokenizer.words("珠海高新区")).toContain("珠海高新区");
    expect(await readdir(dir)).toEqual(
      expect.arrayContaining([
        "manifest.json",
        "ledger.json",
        "passages.jsonl",
        "articles.jsonl",
        "bm25.json",
        "bm25.bin",
        "hnswlib.index",
        "args.json",
        "docstore.json",
      ]),
    );
  });

  it("puts the passage with the figure first for 珠海高新区工业投资增速 (lexical and dense)", async () => {
    const index = await loaded(await built("search"));
    const lexical = await index.lexicalSearch("珠海高新区工业投资增速", 3);
    expect(lexical[0]?.passage.text).toContain("增速达40.7%");
    expect(lexical[0]?.score).toBeGreaterThan(lexical[1]?.score ?? 0);

    const dense = await index.denseSearch("珠海高新区工业投资增速", 3);
    expect(dense).toHaveLength(3);
    expect(dense[0]?.passage.text).toContain("增速达40.7%");
    for (const h of dense) expect(h.score).toBeLessThanOrEqual(1 + 1e-6);
    expect(dense[0]?.score).toBeGreaterThanOrEqual(dense[1]?.score ?? 0);

    expect((await index.lexicalSearch("重庆高新区引进了多少人才", 1))[0]?.passage.section).toBe("人才引进");
  });

  it("keeps LangChain's HNSWLib format: the saved files load through HNSWLib.load, which finds the same passages", async () => {
    const dir = await built("langchain-format");
    const index = await loaded(dir);
    const store = await HNSWLib.load(dir, embeddings);
    store.index.setEf(index.manifest.hnsw.efSearch);
    for (const query of ["珠海高新区工业投资增速", "重庆高新区引进了多少人才", "济宁"]) {
      const ours = await index.denseSearch(query, 4);
      const theirs = await store.similaritySearchVectorWithScore(await embeddings.embedQuery(query), 4);
      expect(ours.map((h) => h.passage.id)).toEqual(theirs.map(([doc]) => doc.metadata.passageId));
      ours.forEach((h, i) => {
        expect(h.score).toBeCloseTo(1 - (theirs[i]?.[1] ?? Number.NaN), 6);
      });
    }
  });

  it("returns no hits for a query without usable terms, or for k ≤ 0", async () => {
    const index = await loaded(await built("empty-query"));
    expect(await index.lexicalSearch("？？！", 5)).toEqual([]);
    expect(await index.denseSearch("   ", 5)).toEqual([]);
    expect(await index.lexicalSearch("多少", 5)).toEqual([]);
    expect(await index.lexicalSearch("珠海", 0)).toEqual([]);
    expect(await index.denseSearch("珠海", 0)).toEqual([]);
  });

  it("caps k at the number of passages", async () => {
    const index = await loaded(await built("cap-k"));
    expect(await index.denseSearch("高新区", 1000)).toHaveLength(index.passages.length);
  });

  it("builds and loads an empty corpus", async () => {
    const dir = join(root, "empty");
    const summary = await buildIndex({ corpus: corpus([]), embeddings, dir, inputs: [] });
    expect(summary.passages).toBe(0);
    const index = await loaded(dir);
    expect(await index.denseSearch("珠海", 5)).toEqual([]);
    expect(await index.lexicalSearch("珠海", 5)).toEqual([]);
  });

  it("lets the event loop turn between embedding batches, so a stop signal is handled during a long build", async () => {
    // 900 one-sentence articles: four batches of 256 passages.
    const many = Array.from({ length: 900 }, (_, i) =>
      article({ id: `a${i}`, paragraphs: [{ section: null, text: `珠海高新区第${i}号项目开工。` }] }),
    );
    let calls = 0;
    let callsWhenTurned = -1;
    class Counting extends LocalEmbeddings {
      override async embedDocuments(texts: string[]): Promise<number[][]> {
        calls++;
        // Scheduled during the first batch: runs at the loop's next turn.
        if (calls === 1) setImmediate(() => (callsWhenTurned = calls));
        return super.embedDocuments(texts);
      }
    }
    await buildIndex({
      corpus: corpus(many),
      embeddings: new Counting(),
      dir: join(root, "turns"),
      inputs: ["x/"],
    });
    expect(calls).toBe(4);
    // Synchronous embeddings awaited in a loop never let it turn: all four batches ran first.
    expect(callsWhenTurned).toBe(1);
  });

  it("indexes a repeated article id once and reports it", async () => {
    const dup = article({ id: "zhuhai", paragraphs: [{ section: null, text: "重复的文章。" }] });
    const summary = await buildIndex({
      corpus: corpus([...ARTICLES, dup]),
      embeddings,
      dir: join(root, "dup"),
      inputs: [],
    });
    expect(summary.articles).toBe(3);
    expect(summary.duplicateArticleIds).toEqual(["zhuhai"]);
  });
});

describe("loadIndex failures", () => {
  it("reports a missing directory as missing, naming npm run ingest", async () => {
    const r = await loadIndex(join(root, "nowhere"), embeddings);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("missing");
      expect(r.error.message).toContain("npm run ingest");
    }
  });

  it("reports a directory with only a README as missing", async () => {
    const dir = join(root, "readme-only");
    await mkdir(dir);
    await writeFile(join(dir, "README.md"), "# index\n");
    const r = await loadIndex(dir, embeddings);
    expect(!r.ok && r.error.code).toBe("missing");
  });

  it("refuses an index built with other embeddings, saying which", async () => {
    const dir = await built("mismatch");
    const other = new LocalEmbeddings({ dimensions: 128 });
    const r = await loadIndex(dir, other);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("embeddings-mismatch");
      expect(r.error.message).toContain("local-hash-v1-256");
      expect(r.error.message).toContain("local-hash-v1-128");
      expect(r.error.message).toContain("npm run ingest");
    }
    const renamed = Object.assign(new LocalEmbeddings({ dimensions: 256 }), {
      id: "openai-text-embedding-3-small",
    });
    const r2 = await loadIndex(dir, renamed);
    expect(!r2.ok && r2.error.code).toBe("embeddings-mismatch");
  });

  it("reports a truncated hnswlib.index as corrupt", async () => {
    const dir = await built("truncated");
    const file = join(dir, "hnswlib.index");
    await truncate(file, Math.floor((await stat(file)).size / 2));
    const r = await loadIndex(dir, embeddings);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("corrupt");
      expect(r.error.message).toContain("npm run ingest");
    }
  });

  it.each([
    "passages.jsonl",
    "articles.jsonl",
    "bm25.json",
    "bm25.bin",
    "ledger.json",
    "manifest.json",
    "docstore.json",
  ])("reports a broken %s as corrupt", async (name) => {
    const dir = await built(`broken-${name}`);
    const text = await readFile(join(dir, name), "utf8");
    await writeFile(join(dir, name), text.slice(0, text.length / 2));
    const r = await loadIndex(dir, embeddings);
    expect(!r.ok && r.error.code).toBe("corrupt");
  });

  it("reports a docstore.json whose labels do not match the HNSW graph as corrupt, naming it", async () => {
    const dir = await built("docstore-labels");
    const entries = JSON.parse(await readFile(join(dir, "docstore.json"), "utf8")) as [string, unknown][];
    await writeFile(join(dir, "docstore.json"), JSON.stringify(entries.map(([k, v]) => [`x${k}`, v])));
    const r = await loadIndex(dir, embeddings);
    expect(!r.ok && r.error.code).toBe("corrupt");
    expect(!r.ok && r.error.message).toContain("docstore.json");
  });

  it("reports an index of another format version as format", async () => {
    const dir = await built("format");
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as IndexManifest;
    await writeFile(join(dir, "manifest.json"), JSON.stringify({ ...manifest, formatVersion: 0 }));
    const r = await loadIndex(dir, embeddings);
    expect(!r.ok && r.error.code).toBe("format");
  });
});

describe("rebuilding over an existing index", () => {
  it("swaps the new index in: index files replaced, README.md and a user's file kept, no temporaries left", async () => {
    const dir = join(root, "swap");
    await mkdir(dir);
    await writeFile(join(dir, "README.md"), "# generated index\n");
    await buildIndex({ corpus: corpus(), embeddings, dir, inputs: ["a"] });
    const before = await loaded(dir);
    await writeFile(join(dir, "note.txt"), "mine");

    const smaller = corpus(ARTICLES.slice(0, 1));
    await buildIndex({ corpus: smaller, embeddings, dir, inputs: ["b"] });
    const files = await readdir(dir);
    expect(files).toContain("README.md");
    expect(await readFile(join(dir, "note.txt"), "utf8")).toBe("mine");
    expect(await readFile(join(dir, "README.md"), "utf8")).toBe("# generated index\n");
    const after = await loaded(dir);
    expect(after.manifest.corpus.inputs).toEqual(["b"]);
    expect(after.articles.map((a) => a.id)).toEqual(["zhuhai"]);
    expect(after.manifest.builtAt >= before.manifest.builtAt).toBe(true);
    expect((await readdir(root)).filter((n) => n.startsWith("swap."))).toEqual([]);
  });

  it("leaves the previous index in place when a build fails midway", async () => {
    const dir = await built("killed");
    const failing = Object.assign(new LocalEmbeddings({ dimensions: 256 }), {
      embedDocuments: async (): Promise<number[][]> => {
        throw new Error("network down");
      },
    });
    await expect(buildIndex({ corpus: corpus(), embeddings: failing, dir, inputs: ["x"] })).rejects.toThrow(
      "network down",
    );
    const index = await loaded(dir);
    expect(index.manifest.corpus.inputs).toEqual(["fixtures/"]);
    expect((await readdir(root)).filter((n) => n.startsWith("killed."))).toEqual([]);
  });
});

describe("corpusChanged and readManifest", () => {
  const manifest = {
    corpus: {
      inputs: ["data/corpus/"],
      files: [
        { path: "a.txt", sha256: "1" },
        { path: "b.md", sha256: "2" },
      ],
    },
  } as IndexManifest;

  it("is false for the same files in any order", () => {
    expect(
      corpusChanged(manifest, [
        { path: "b.md", sha256: "2" },
        { path: "a.txt", sha256: "1" },
      ]),
    ).toBe(false);
  });

  it("is true when a file changed, was added or was removed", () => {
    expect(
      corpusChanged(manifest, [
        { path: "a.txt", sha256: "1" },
        { path: "b.md", sha256: "3" },
      ]),
    ).toBe(true);
    expect(corpusChanged(manifest, [{ path: "a.txt", sha256: "1" }])).toBe(true);
    expect(
      corpusChanged(manifest, [
        { path: "a.txt", sha256: "1" },
        { path: "b.md", sha256: "2" },
        { path: "c.md", sha256: "4" },
      ]),
    ).toBe(true);
  });

  it("readManifest reads just the manifest", async () => {
    const dir = await built("manifest-only");
    const r = await readManifest(dir);
    expect(r.ok && r.value.counts.articles).toBe(3);
  });
});
