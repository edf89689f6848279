import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openAnswerService } from "../../src/answer/open.js";
import { createReindexer, watchIndex } from "../../src/answer/reindex.js";
import { createSwappableService, type SwappableService } from "../../src/answer/swappable.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { updateIndex } from "../../src/index/update.js";
import { ok } from "../../src/result.js";

/** Two small articles as one `.jsonl` corpus file. */
const ZHUHAI = {
  id: "zh-1",
  title: "珠海高新区工业投资增40.7%",
  text: "据统计，1-4月珠海高新区工业投资加速，增速达40.7%。民间投资活跃，增速达32%。",
};
const JINAN = {
  id: "jn-1",
  title: "济南高新区新签约项目56个",
  text: "今年以来，济南高新区新签约项目56个，总投资超过800亿元。",
};
const jsonl = (...articles: object[]) => `${articles.map((a) => JSON.stringify(a)).join("\n")}\n`;

let work: string;
let corpus: string;
let indexDir: string;
const embeddings = new LocalEmbeddings();

async function open(): Promise<SwappableService> {
  const opened = await openAnswerService({ indexDir, corpusPaths: [corpus], embeddings });
  if (!opened.ok) throw new Error(opened.error.message);
  return createSwappableService(opened.value);
}

/** The options every reindexer here shares: the test's corpus and index, swapping into `service`. */
const reindexOptions = (service: SwappableService) => ({
  indexDir,
  corpusPaths: [corpus],
  embeddings,
  install: (next: Parameters<SwappableService["swap"]>[0]) => service.swap(next),
});

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "gaoxin-reindex-"));
  corpus = join(work, "corpus");
  indexDir = join(work, "index");
  await mkdir(corpus);
  await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("createReindexer", () => {
  it("rebuilds from the corpus, installs the new service and reports the counts", async () => {
    const service = await open();
    expect(service.stats()).toMatchObject({ articles: 1 });
    await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI, JINAN));
    const reindexer = createReindexer({
      indexDir,
      corpusPaths: [corpus],
      embeddings,
      install: (next) => service.swap(next),
    });
    const result = await reindexer.run();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ articles: 2, skipped: 0 });
    expect(result.value.passages).toBe(service.stats().passages);
    expect(result.value.seconds).toBeGreaterThan(0);
    expect(service.stats().articles).toBe(2);
    const answer = await service.ask("济南高新区新签约项目多少个");
    expect(answer.answer).toContain("56个");
    // On disk too: the next start opens the rebuilt index.
    expect(JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")).counts.articles).toBe(2);
  });

  it("refuses a second rebuild while one runs, and allows one after", async () => {
    const service = await open();
    const reindexer = createReindexer({
      indexDir,
      corpusPaths: [corpus],
      embeddings,
      install: (next) => service.swap(next),
    });
    const first = reindexer.run();
    expect(reindexer.running).toBe(true);
    const second = await reindexer.run();
    expect(second).toEqual({ ok: false, error: { code: "busy", message: expect.any(String) } });
    expect((await first).ok).toBe(true);
    expect(reindexer.running).toBe(false);
    expect((await reindexer.run()).ok).toBe(true);
  });

  it("keeps the old index serving, on disk and in memory, when the corpus is empty", async () => {
    const service = await open();
    await writeFile(join(corpus, "news.jsonl"), "");
    let installs = 0;
    const reindexer = createReindexer({
      indexDir,
      corpusPaths: [corpus],
      embeddings,
      install: () => {
        installs += 1;
      },
    });
    const result = await reindexer.run();
    expect(result).toEqual({
      ok: false,
      error: { code: "no-articles", message: expect.stringContaining("索引未改动") },
    });
    expect(installs).toBe(0);
    expect((await service.ask("珠海高新区工业投资增速多少")).answer).toContain("40.7%");
    expect(JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")).counts.articles).toBe(1);
  });

  it("turns a build that throws (embeddings failing) into a failed result, the old index untouched", async () => {
    const service = await open();
    await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI, JINAN));
    const failing = Object.assign(new LocalEmbeddings(), {
      embedDocuments: async () => {
        throw new Error("embeddings API unreachable");
      },
    });
    let installs = 0;
    const reindexer = createReindexer({
      indexDir,
      corpusPaths: [corpus],
      embeddings: failing,
      install: () => {
        installs += 1;
      },
    });
    expect(await reindexer.run()).toEqual({
      ok: false,
      error: { code: "failed", message: "embeddings API unreachable" },
    });
    expect(installs).toBe(0);
    expect(reindexer.running).toBe(false);
    expect(service.stats().articles).toBe(1);
    expect(JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")).counts.articles).toBe(1);
  });

  it("builds from the inputs the index in use was built from, not only the configured corpus", async () => {
    const service = await open();
    await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI, JINAN));
    const reindexer = createReindexer({
      indexDir,
      corpusPaths: [join(work, "elsewhere")],
      embeddings,
      install: (next) => service.swap(next),
    });
    expect(await reindexer.run()).toMatchObject({ ok: true, value: { articles: 2 } });
  });

  it("refresh: puts in service a file dropped into the corpus, then the index another process updated, and does nothing when current", async () => {
    const service = await open();
    const reindexer = createReindexer({ ...reindexOptions(service), builtAt: service.stats().builtAt });
    expect(await reindexer.refresh()).toBeNull();

    await writeFile(join(corpus, "jinan.jsonl"), jsonl(JINAN));
    const dropped = await reindexer.refresh();
    expect(dropped?.ok && dropped.value).toMatchObject({ articles: 2 });
    expect((await service.ask("济南高新区新签约项目多少个")).citations[0]?.articleId).toBe("jn-1");
    expect(await reindexer.refresh()).toBeNull();

    // `npm run ingest` in another process: the bot takes its index as it is.
    await rm(join(corpus, "jinan.jsonl"));
    const other = await updateIndex({ dir: indexDir, inputs: [corpus], embeddings });
    // (a full rebuild here: 济南高新区 left the corpus's zone names)
    expect(other.ok && other.value.mode).toBe("full");
    const taken = await reindexer.refresh();
    expect(taken?.ok && taken.value).toMatchObject({ articles: 1 });
    expect(service.stats().articles).toBe(1);
    expect(await reindexer.refresh()).toBeNull();
  });

  it("watchIndex refreshes once per interval, never two at once, and stops", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      let release: () => void = () => {};
      const results: unknown[] = [];
      const reindexer = {
        running: false,
        run: async () => ok({ articles: 0, passages: 0, seconds: 0, skipped: 0 }),
        refresh: () => {
          calls++;
          return new Promise<null | ReturnType<
            typeof ok<{ articles: number; passages: number; seconds: number; skipped: number }>
          >>((resolve) => {
            release = () => resolve(ok({ articles: calls, passages: 0, seconds: 0, skipped: 0 }));
          });
        },
      };
      const stop = watchIndex(reindexer, 1_000, (r) => results.push(r));
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toBe(1);
      // Still refreshing: the next ticks do not start another.
      await vi.advanceTimersByTimeAsync(3_000);
      expect(calls).toBe(1);
      release();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(results).toHaveLength(1);
      expect(calls).toBe(2);
      release();
      stop();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
