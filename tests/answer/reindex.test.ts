import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type LiveService, openLiveService } from "../../src/answer/live.js";
import type { IndexEmbeddings } from "../../src/index/build.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { updateIndex } from "../../src/index/update.js";
import { embeddedStore } from "../../src/store/embedded.js";

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

/** The embedded store over the test's index, built from `corpusDir` when it names none of its own. */
const storeOf = (opts: { corpusDir?: string; embeddings?: IndexEmbeddings; watchSeconds?: number } = {}) =>
  embeddedStore({
    dir: indexDir,
    corpusDir: opts.corpusDir ?? corpus,
    embeddings: opts.embeddings ?? embeddings,
    watchSeconds: opts.watchSeconds ?? 0,
  });

/** A bot's live service over the store (opening builds the index). */
async function open(store = storeOf()): Promise<LiveService> {
  const opened = await openLiveService(store, { watch: true });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

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

describe("/reindex over the embedded store", () => {
  it("rebuilds from the corpus, puts the new index in service and reports the counts", async () => {
    const { service, reindex } = await open();
    expect(service.stats()).toMatchObject({ articles: 1 });
    await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI, JINAN));
    const result = await reindex.run();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ articles: 2, skipped: 0, changed: true });
    expect(result.value.passages).toBe(service.stats().passages);
    expect(result.value.seconds).toBeGreaterThan(0);
    expect(service.stats().articles).toBe(2);
    const answer = await service.ask("济南高新区新签约项目多少个");
    expect(answer.answer).toContain("56个");
    // On disk too: the next start opens the rebuilt index.
    expect(JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")).counts.articles).toBe(2);
  });

  it("says nothing changed when the corpus is the index's, and keeps the index in service", async () => {
    const { service, reindex } = await open();
    const before = service.stats().builtAt;
    const result = await reindex.run();
    expect(result).toMatchObject({ ok: true, value: { changed: false, articles: 1 } });
    expect(service.stats().builtAt).toBe(before);
  });

  it("refuses a second rebuild while one runs, and allows one after", async () => {
    const { reindex } = await open();
    await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI, JINAN));
    const first = reindex.run();
    expect(reindex.running).toBe(true);
    const second = await reindex.run();
    expect(second).toEqual({ ok: false, error: { code: "busy", message: expect.any(String) } });
    expect((await first).ok).toBe(true);
    expect(reindex.running).toBe(false);
    expect((await reindex.run()).ok).toBe(true);
  });

  it("keeps the old index serving, on disk and in memory, when the corpus is empty", async () => {
    const { service, reindex } = await open();
    const before = service.stats().builtAt;
    await writeFile(join(corpus, "news.jsonl"), "");
    const result = await reindex.run();
    expect(result).toEqual({
      ok: false,
      error: { code: "no-articles", message: expect.stringContaining("索引未改动") },
    });
    expect(service.stats().builtAt).toBe(before);
    expect((await service.ask("珠海高新区工业投资增速多少")).answer).toContain("40.7%");
    expect(JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")).counts.articles).toBe(1);
  });

  it("turns a build that throws (embeddings failing) into a failed result, the old index untouched", async () => {
    const { service } = await open();
    const failing = Object.assign(new LocalEmbeddings(), {
      embedDocuments: async () => {
        throw new Error("embeddings API unreachable");
      },
    });
    const broken = await openLiveService(storeOf({ embeddings: failing }));
    if (!broken.ok) throw new Error(broken.error.message);
    await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI, JINAN));
    expect(await broken.value.reindex.run()).toEqual({
      ok: false,
      error: { code: "failed", message: "embeddings API unreachable" },
    });
    expect(broken.value.reindex.running).toBe(false);
    expect(service.stats().articles).toBe(1);
    expect(JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")).counts.articles).toBe(1);
  });

  it("builds from the inputs the index in use was built from, not only the configured corpus", async () => {
    await open();
    await writeFile(join(corpus, "news.jsonl"), jsonl(ZHUHAI, JINAN));
    const { reindex } = await open(storeOf({ corpusDir: join(work, "elsewhere") }));
    expect(await reindex.run()).toMatchObject({ ok: true, value: { articles: 2 } });
  });
});

describe("a bot watching the embedded store (INGEST_INTERVAL)", () => {
  it("puts in service a file dropped into the corpus, then the index another process updated, and does nothing when current", async () => {
    const { service, watch } = await open(storeOf({ watchSeconds: 3_600 }));
    if (!watch) throw new Error("a store with INGEST_INTERVAL watches");
    const built = () => service.stats().builtAt;
    let before = built();
    await watch.check();
    expect(built()).toBe(before);

    await writeFile(join(corpus, "jinan.jsonl"), jsonl(JINAN));
    await watch.check();
    expect(service.stats().articles).toBe(2);
    expect((await service.ask("济南高新区新签约项目多少个")).citations[0]?.articleId).toBe("jn-1");
    before = built();
    await watch.check();
    expect(built()).toBe(before);

    // `npm run ingest` in another process: the bot takes its index as it is.
    await rm(join(corpus, "jinan.jsonl"));
    const other = await updateIndex({ dir: indexDir, inputs: [corpus], embeddings });
    // (a full rebuild here: 济南高新区 left the corpus's zone names)
    expect(other.ok && other.value.mode).toBe("full");
    await watch.check();
    expect(service.stats().articles).toBe(1);
    before = built();
    await watch.check();
    expect(built()).toBe(before);
    await watch.stop();
  });

  it("keeps its index as built while the corpus folder is not there (unmounted, renamed), and follows it back", async () => {
    // Ingested from two folders; the second one goes away.
    const more = join(work, "more");
    await mkdir(more);
    await writeFile(join(more, "jinan.jsonl"), jsonl(JINAN));
    await updateIndex({ dir: indexDir, inputs: [corpus, more], embeddings });
    const { service, watch } = await open(storeOf({ watchSeconds: 3_600 }));
    if (!watch) throw new Error("a store with INGEST_INTERVAL watches");
    const built = service.stats().builtAt;
    await rename(more, `${more}-away`);
    await watch.check();
    expect(service.stats()).toMatchObject({ articles: 2, builtAt: built });
    await rename(`${more}-away`, more);
    await rm(join(more, "jinan.jsonl"));
    await writeFile(join(more, "zhuhai-2.jsonl"), jsonl({ ...JINAN, id: "jn-2" }));
    await watch.check();
    expect(service.stats().articles).toBe(2);
    expect(service.stats().builtAt).not.toBe(built);
    await watch.stop();
  });

  it("looks once per interval, never two rounds at once, and not after it stops", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const store = storeOf({ watchSeconds: 1 });
      const opened = await openLiveService(store);
      if (!opened.ok) throw new Error(opened.error.message);
      const seen: string[] = [];
      const watch = store.watch({
        onIndex: async (u) => {
          seen.push(u.index.manifest.builtAt);
        },
        onError: () => {},
      });
      expect(watch?.everyMs).toBe(1_000);
      expect(storeOf({ watchSeconds: 0 }).watch({ onIndex: async () => {}, onError: () => {} })).toBeNull();
      await writeFile(join(corpus, "jinan.jsonl"), jsonl(JINAN));
      // Two looks asked for at once are one round: one update, one index handed over.
      await Promise.all([watch?.check(), watch?.check()]);
      expect(seen).toHaveLength(1);
      await writeFile(join(corpus, "more.jsonl"), jsonl({ ...JINAN, id: "jn-2" }));
      await watch?.stop();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(seen).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
