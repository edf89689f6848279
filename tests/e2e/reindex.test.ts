import { copyFile, cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLiveService } from "../../src/answer/live.js";
import type { Reindexer } from "../../src/answer/reindex.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { updateIndex } from "../../src/index/update.js";
import { embeddedStore } from "../../src/store/embedded.js";
import type { Watch } from "../../src/store/types.js";
import { body, callbackBody, type Harness, startHarness } from "./harness.js";
import { userFactory } from "./payloads.js";

/**
 * `/reindex` end to end: the real discord.js client, the real answer service over a copy of the
 * default corpus, and the real rebuild (corpus → index in a temporary directory → atomic swap → the
 * new service swapped in). The embeddings hold the rebuild mid-way until the test lets it go, so
 * what happens during a rebuild is certain, not a race.
 */

const freshUser = userFactory(620000000000000000n, "reindex");
const MANAGE_SERVER = "32";
const HANGZHOU = "杭州高新区今年新增国家高新技术企业多少家";
const ZHUHAI = "珠海高新区工业投资增速多少";
const GAZELLE_CHECK = "珠海高新区今年新增瞪羚企业多少家";

/** Local embeddings that can be made to wait, mid-build, until released. */
class HeldEmbeddings extends LocalEmbeddings {
  private gate: Promise<void> | null = null;
  private release: () => void = () => {};
  /** Resolves when a held build has reached the embeddings. */
  entered: Promise<void> = Promise.resolve();
  private enter: () => void = () => {};

  hold(): void {
    this.gate = new Promise((r) => {
      this.release = r;
    });
    this.entered = new Promise((r) => {
      this.enter = r;
    });
  }

  letGo(): void {
    this.gate = null;
    this.release();
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (this.gate) {
      this.enter();
      await this.gate;
    }
    return super.embedDocuments(texts);
  }
}

let h: Harness;
let work: string;
let corpus: string;
let indexDir: string;
let reindexer: Reindexer;
let watch: Watch;
const embeddings = new HeldEmbeddings();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "gaoxin-reindex-e2e-"));
  corpus = join(work, "corpus");
  indexDir = join(work, "index");
  await cp("data/corpus", corpus, { recursive: true });
  // As `npm start` opens it with INGEST_INTERVAL set (the test looks itself, with `watch.check()`).
  const store = embeddedStore({ dir: indexDir, corpusDir: corpus, embeddings, watchSeconds: 3_600 });
  const opened = await openLiveService(store, { watch: true });
  if (!opened.ok) throw new Error(opened.error.message);
  if (!opened.value.watch) throw new Error("the store watches");
  ({ reindex: reindexer, watch } = opened.value);
  h = await startHarness({ service: opened.value.service, reindex: reindexer });
});

afterAll(async () => {
  await watch?.stop();
  await h?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Asks `/ask` as a fresh user; resolves with the final answer's text. */
async function ask(question: string): Promise<string> {
  const i = h.slash("ask", [{ name: "question", type: 3, value: question }], freshUser());
  return body(await h.edit(i)).content ?? "";
}

describe("/reindex", () => {
  it("refuses a member without Manage Server privately and rebuilds nothing", async () => {
    const i = h.slash("reindex", [], freshUser());
    const cb = callbackBody(await h.callback(i));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toContain("只有有“管理服务器”权限的成员");
    expect(cb.data?.allowed_mentions?.parse).toEqual([]);
    expect(reindexer.running).toBe(false);
  });

  it("from an admin: defers privately, keeps answering during the rebuild, then answers from the new index", async () => {
    expect(await ask(HANGZHOU)).not.toContain("316家");
    await copyFile("tests/fixtures/second-page.txt", join(corpus, "second-page.txt"));

    embeddings.hold();
    const admin = freshUser();
    const i = h.slash("reindex", [], admin, MANAGE_SERVER);
    expect(callbackBody(await h.callback(i))).toEqual({ type: 5, data: { flags: 64 } });
    await embeddings.entered;
    expect(reindexer.running).toBe(true);

    // During the rebuild: questions are answered, from the old index; a second /reindex is refused.
    expect(await ask(ZHUHAI)).toContain("40.7%");
    expect(await ask(HANGZHOU)).not.toContain("316家");
    const again = h.slash("reindex", [], admin, MANAGE_SERVER);
    const refused = callbackBody(await h.callback(again));
    expect(refused.type).toBe(4);
    expect(refused.data?.flags).toBe(64);
    expect(refused.data?.content).toContain("索引正在重建");

    embeddings.letGo();
    const done = body(await h.edit(i, (b) => (b.content ?? "").startsWith("索引已重建"), 15_000));
    expect(done.content).toMatch(/^索引已重建并换上：\d+ 篇文章，\d+ 个段落，用时 \d+\.\d 秒。$/);
    expect(done.allowed_mentions?.parse).toEqual([]);
    expect(reindexer.running).toBe(false);

    // After: the new page is answered, the old one still is.
    expect(await ask(HANGZHOU)).toContain("316家");
    expect(await ask(ZHUHAI)).toContain("40.7%");
  });

  it("an index another process updated goes into service at the watch's next look (INGEST_INTERVAL), every question in flight answered", async () => {
    const GAZELLE = "珠海高新区今年新增瞪羚企业多少家";
    expect(await ask(GAZELLE)).not.toContain("88家");
    await writeFile(
      join(corpus, "gazelle.md"),
      "# 珠海高新区新增瞪羚企业\n\n珠海高新区今年新增瞪羚企业88家。\n",
    );
    // `npm run ingest` in another process: the index on disk changes, the bot's does not yet.
    const updated = await updateIndex({ dir: indexDir, inputs: [corpus], embeddings });
    expect(updated.ok && updated.value.mode).toBe("incremental");
    expect(await ask(GAZELLE)).not.toContain("88家");

    const inFlight = Array.from({ length: 12 }, (_, n) => ask(n % 2 ? ZHUHAI : HANGZHOU));
    await watch.check();
    const answers = await Promise.all(inFlight);
    answers.forEach((a, n) => {
      expect(a).toContain(n % 2 ? "40.7%" : "316家");
    });
    expect(await ask(GAZELLE)).toContain("88家");
  });

  it("an admin's /reindex with nothing new says nothing changed, and rebuilds nothing", async () => {
    const i = h.slash("reindex", [], freshUser(), MANAGE_SERVER);
    expect(callbackBody(await h.callback(i))).toEqual({ type: 5, data: { flags: 64 } });
    const done = body(await h.edit(i, (b) => (b.content ?? "").startsWith("没有变化")));
    expect(done.content).toMatch(
      /^没有变化：语料与正在使用的索引一致，无需重建（\d+ 篇文章，\d+ 个段落）。$/,
    );
    expect(await ask(GAZELLE_CHECK)).toContain("88家");
  });

  it("an admin's rebuild that fails says why, and the index in use keeps answering", async () => {
    await rm(corpus, { recursive: true, force: true });
    const i = h.slash("reindex", [], freshUser(), MANAGE_SERVER);
    expect(callbackBody(await h.callback(i)).data?.flags).toBe(64);
    const failed = body(await h.edit(i, (b) => (b.content ?? "").startsWith("重建索引失败")));
    expect(failed.content).toContain("索引未改动");
    expect(await ask(HANGZHOU)).toContain("316家");
  });
});
