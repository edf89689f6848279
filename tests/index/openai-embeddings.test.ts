import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../src/answer/service.js";
import { buildIndex } from "../../src/index/build.js";
import { loadIndex } from "../../src/index/load.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import {
  batches,
  embeddingsCacheFile,
  OpenAiEmbeddings,
  type OpenAiEmbeddingsOptions,
} from "../../src/index/openai-embeddings.js";
import {
  deadBaseURL,
  embedAll,
  type FakeOpenAi,
  type Script,
  startFakeOpenAi,
} from "../helpers/openai-server.js";
import { corpus } from "./fixtures.js";

const KEY = "sk-embed-0123456789abcdef";
let root: string;
let server: FakeOpenAi | null = null;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "gaoxin-oai-emb-"));
});
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function embeddingsWith(
  script: Script = embedAll,
  over: Partial<OpenAiEmbeddingsOptions> = {},
): Promise<OpenAiEmbeddings> {
  server = await startFakeOpenAi({ embeddings: script });
  return new OpenAiEmbeddings({
    apiKey: KEY,
    baseURL: server.baseURL,
    model: "test-embed",
    timeoutMs: 2_000,
    maxRetries: 2,
    retryBaseMs: 10,
    ...over,
  });
}

const inputsOf = () => (server?.embeddingRequests() ?? []).map((r) => r.body.input as string[]);

describe("batches", () => {
  it("closes a batch at the count limit or before the character limit", () => {
    const items = ["aaaa", "bb", "cccc", "d", "ee"].map((text) => ({ text }));
    expect(batches(items, 2).map((b) => b.map((i) => i.text))).toEqual([
      ["aaaa", "bb"],
      ["cccc", "d"],
      ["ee"],
    ]);
    expect(batches(items, 10, 6).map((b) => b.map((i) => i.text))).toEqual([
      ["aaaa", "bb"],
      ["cccc", "d"],
      ["ee"],
    ]);
    expect(batches([{ text: "x".repeat(50) }], 10, 6)).toHaveLength(1);
  });
});

describe("OpenAiEmbeddings", () => {
  it("embeds in batches as floats, in input order, and says which model it is", async () => {
    const e = await embeddingsWith(embedAll, { batchSize: 2 });
    const texts = ["珠海高新区", "重庆高新区", "济宁高新区", "工业投资", "人才"];
    const vectors = await e.embedDocuments(texts);
    expect(inputsOf()).toEqual([texts.slice(0, 2), texts.slice(2, 4), texts.slice(4)]);
    expect(server?.embeddingRequests()[0]?.body).toMatchObject({
      model: "test-embed",
      encoding_format: "float",
    });
    const local = new LocalEmbeddings({ dimensions: 64 });
    expect(vectors[3]?.[0]).toBeCloseTo((await local.embedQuery("工业投资"))[0] as number, 6);
    expect(e.id).toBe("openai:test-embed");
    expect(e.dimensions).toBe(64);
  });

  it("pays only for new text on a re-ingest: vectors are cached by content hash", async () => {
    const cacheFile = join(root, "cache-a", "openai-test-embed.jsonl");
    const first = await embeddingsWith(embedAll, { cacheFile });
    const a = await first.embedDocuments(["甲文", "乙文", "甲文"]);
    expect(inputsOf()).toEqual([["甲文", "乙文"]]);
    expect((await readFile(cacheFile, "utf8")).trim().split("\n")).toHaveLength(2);
    await server?.close();

    const second = await embeddingsWith(embedAll, { cacheFile });
    const b = await second.embedDocuments(["乙文", "丙文", "甲文"]);
    expect(inputsOf()).toEqual([["丙文"]]);
    expect(b[0]?.[5]).toBeCloseTo(a[1]?.[5] as number, 6);
    expect(b[2]?.[5]).toBeCloseTo(a[0]?.[5] as number, 6);
  });

  it("retries a 429 and a 500, then succeeds", async () => {
    const e = await embeddingsWith((req, i) =>
      i === 0
        ? { status: 429, headers: { "retry-after-ms": "20" }, json: { error: { message: "slow down" } } }
        : i === 1
          ? { status: 500 }
          : embedAll(req, i),
    );
    expect(await e.embedDocuments(["园区"])).toHaveLength(1);
    expect(inputsOf()).toHaveLength(3);
  });

  it("fails with a message naming the server, never the key, when retries run out", async () => {
    const e = await embeddingsWith(() => ({ status: 503, json: { error: { message: `bad key ${KEY}` } } }), {
      maxRetries: 1,
    });
    const error = await e.embedDocuments(["园区"]).catch((x: unknown) => x as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(server?.baseURL);
    expect((error as Error).message).not.toContain(KEY);
    expect(inputsOf()).toHaveLength(2);
  });

  it("keeps its cache beside the index directory, which a rebuild replaces", () => {
    expect(embeddingsCacheFile("embeddings", "text-embedding-3-small")).toBe(
      "embeddings-cache/openai-text-embedding-3-small.jsonl",
    );
    expect(embeddingsCacheFile("/tmp/x/", "org/model:v1")).toBe("/tmp/x-cache/openai-org_model_v1.jsonl");
  });
});

describe("an index built with OpenAI-compatible embeddings", () => {
  it("records the model in the manifest, and loading it with other embeddings asks for a re-ingest", async () => {
    const e = await embeddingsWith();
    const dir = join(root, "openai-index");
    await buildIndex({ corpus: corpus(), embeddings: e, dir, inputs: ["fixtures/"] });
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    expect(manifest.embeddings).toEqual({ id: "openai:test-embed", dimensions: 64 });

    const local = await loadIndex(dir, new LocalEmbeddings());
    expect(!local.ok && local.error.code).toBe("embeddings-mismatch");
    expect(!local.ok && local.error.message).toContain("npm run ingest");
    const other = new OpenAiEmbeddings({
      apiKey: KEY,
      baseURL: server?.baseURL as string,
      model: "text-embedding-3-small",
      timeoutMs: 1_000,
      maxRetries: 0,
      retryBaseMs: 10,
    });
    const otherLoad = await loadIndex(dir, other);
    expect(!otherLoad.ok && otherLoad.error.code).toBe("embeddings-mismatch");

    const same = await loadIndex(dir, e);
    expect(same.ok).toBe(true);
    if (!same.ok) return;
    const hits = await same.value.denseSearch("珠海高新区工业投资", 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(server?.embeddingRequests().at(-1)?.body.input).toEqual(["珠海高新区工业投资"]);
  });

  it("still answers, from lexical search alone, when the embeddings server is down at question time", async () => {
    const e = await embeddingsWith();
    const dir = join(root, "openai-index-down");
    await buildIndex({ corpus: corpus(), embeddings: e, dir, inputs: ["fixtures/"] });
    const down = new OpenAiEmbeddings({
      apiKey: KEY,
      baseURL: await deadBaseURL(),
      model: "test-embed",
      timeoutMs: 1_000,
      maxRetries: 1,
      retryBaseMs: 10,
    });
    const loaded = await loadIndex(dir, down);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const warnings: string[] = [];
    const service = createAnswerService(loaded.value, {
      logger: { info: () => {}, warn: (_o, msg) => warnings.push(msg) },
    });
    const answer = await service.ask("珠海高新区工业投资增速多少");
    expect(answer.answer).toContain("40.7%[1]");
    expect(warnings).toEqual(["dense search failed; lexical results only"]);
  });
});
