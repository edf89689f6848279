import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../src/answer/service.js";
import type { IndexEmbeddings } from "../../src/index/build.js";
import { type EmbeddedIndex, loadIndex } from "../../src/index/load.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { readManifest } from "../../src/index/manifest.js";
import { LOCK_FILE, updateIndex } from "../../src/index/update.js";

/** LocalEmbeddings that count the texts embedded, and can be told to fail. */
class CountingEmbeddings extends LocalEmbeddings implements IndexEmbeddings {
  embedded = 0;
  failAfter = Number.POSITIVE_INFINITY;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (this.embedded + texts.length > this.failAfter) throw new Error("embeddings API down");
    this.embedded += texts.length;
    return super.embedDocuments(texts);
  }
}

const record = (id: string, title: string, text: string) => JSON.stringify({ id, title, text });
const questions = (await readFile("tests/fixtures/page-questions.jsonl", "utf8"))
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => (JSON.parse(l) as { question: string }).question);
questions.push(
  "西安高新区有多少个项目集中开工",
  "兰州高新区开展了什么活动",
  "成都高新区认定了多少家瞪羚企业",
);

let root: string;
let corpus: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "gaoxin-update-"));
  corpus = join(root, "corpus");
  await import("node:fs/promises").then((fs) => fs.mkdir(corpus));
  await copyFile("data/corpus/000_d463814998410617.txt", join(corpus, "a-page.txt"));
  await writeFile(
    join(corpus, "b-news.jsonl"),
    [
      record(
        "r1",
        "西安高新区项目开工",
        "西安高新区7个项目集中开工，总投资120亿元。项目涵盖半导体、生物医药等领域。",
      ),
      record(
        "r2",
        "兰州高新区主题党日",
        "兰州高新区开展主题党日活动，党员志愿者走进社区。活动共有80余人参加。",
      ),
      record("r3", "成都高新区新经济", "成都高新区新经济企业超过5万家，今年一季度新增企业3200家。"),
    ].join("\n"),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Everything a question's answer depends on, for one index. */
async function behaviour(index: EmbeddedIndex) {
  const service = createAnswerService(index);
  const out = [];
  for (const q of questions) {
    out.push({
      q,
      lexical: (await index.lexicalSearch(q, 20)).map((h) => [h.passage.id, h.score]),
      dense: (await index.denseSearch(q, 20)).map((h) => [h.passage.id, h.score]),
      answer: await service.ask(q),
    });
  }
  return out;
}

async function load(dir: string, embeddings: IndexEmbeddings): Promise<EmbeddedIndex> {
  const loaded = await loadIndex(dir, embeddings);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

describe("updateIndex", () => {
  it("embeds only new and changed articles, drops deleted ones, and then searches and answers exactly like a full rebuild", async () => {
    const dir = join(root, "index");
    const embeddings = new CountingEmbeddings();
    const first = await updateIndex({ dir, inputs: [corpus], embeddings });
    expect(first.ok && first.value.mode).toBe("full");
    const passagesBefore = first.ok ? first.value.passages : 0;
    expect(embeddings.embedded).toBe(passagesBefore);

    // Nothing changed: nothing embedded, nothing written.
    const manifestBefore = await readFile(join(dir, "manifest.json"), "utf8");
    const same = await updateIndex({ dir, inputs: [corpus], embeddings });
    expect(same.ok && same.value.mode).toBe("unchanged");
    expect(embeddings.embedded).toBe(passagesBefore);
    expect(await readFile(join(dir, "manifest.json"), "utf8")).toBe(manifestBefore);

    // One article changed, one deleted, one file dropped in with a new article.
    await writeFile(
      join(corpus, "b-news.jsonl"),
      [
        record(
          "r1",
          "西安高新区项目开工",
          "西安高新区9个项目集中开工，总投资150亿元。项目涵盖半导体、生物医药等领域。",
        ),
        record("r3", "成都高新区新经济", "成都高新区新经济企业超过5万家，今年一季度新增企业3200家。"),
      ].join("\n"),
    );
    await writeFile(
      join(corpus, "c-chengdu.md"),
      "# 成都高新区瞪羚企业\n\n成都高新区今年认定瞪羚企业420家，同比增长15%。\n",
    );
    embeddings.embedded = 0;
    const updated = await updateIndex({ dir, inputs: [corpus], embeddings });
    if (!updated.ok) throw new Error(updated.error.message);
    expect(updated.value).toMatchObject({
      mode: "incremental",
      added: 1,
      changed: 1,
      removed: 1,
      embedded: 2,
    });
    expect(embeddings.embedded).toBe(2);
    expect((await readdir(dir)).filter((n) => n.startsWith("seg-"))).toEqual(["seg-1"]);

    const fullDir = join(root, "full");
    const rebuilt = await updateIndex({ dir: fullDir, inputs: [corpus], embeddings, full: true });
    expect(rebuilt.ok && rebuilt.value.mode).toBe("full");

    const incremental = await load(dir, embeddings);
    const fresh = await load(fullDir, embeddings);
    expect(incremental.passages).toEqual(fresh.passages);
    expect(incremental.articles).toEqual(fresh.articles);
    expect(incremental.manifest.counts).toEqual(fresh.manifest.counts);
    expect(incremental.passageById("r2#0")).toBeUndefined();
    const got = await behaviour(incremental);
    expect(got).toEqual(await behaviour(fresh));
    // The changed and the new article are found.
    expect(
      got
        .find((b) => b.q.startsWith("西安"))
        ?.lexical.slice(0, 5)
        .map((h) => h[0]),
    ).toContain("r1#0");
    expect(got.find((b) => b.q.includes("瞪羚"))?.lexical[0]?.[0]).toBe("c-chengdu#0");
  });

  it("leaves the previous version loading when an update fails midway, and the next update succeeds", async () => {
    const dir = join(root, "index-fail");
    const embeddings = new CountingEmbeddings();
    const built = await updateIndex({ dir, inputs: [corpus], embeddings });
    expect(built.ok).toBe(true);
    const before = await load(dir, embeddings);

    await writeFile(join(corpus, "d-xian.md"), "# 西安高新区量子产业\n\n西安高新区集聚量子企业60余家。\n");
    embeddings.failAfter = embeddings.embedded;
    await expect(updateIndex({ dir, inputs: [corpus], embeddings })).rejects.toThrow(/embeddings API down/);
    const after = await load(dir, embeddings);
    expect(after.manifest.builtAt).toBe(before.manifest.builtAt);
    expect(after.passages).toEqual(before.passages);
    expect((await readManifest(dir)).ok).toBe(true);

    embeddings.failAfter = Number.POSITIVE_INFINITY;
    const retried = await updateIndex({ dir, inputs: [corpus], embeddings });
    expect(retried.ok && retried.value).toMatchObject({ mode: "incremental", added: 1 });
    expect((await load(dir, embeddings)).passageById("d-xian#0")?.text).toContain("量子企业60余家");
    await rm(join(corpus, "d-xian.md"));
  });

  it("refuses to empty the index when the corpus has no readable article", async () => {
    const empty = join(root, "empty");
    await import("node:fs/promises").then((fs) => fs.mkdir(empty));
    const r = await updateIndex({
      dir: join(root, "index-empty"),
      inputs: [empty],
      embeddings: new LocalEmbeddings(),
    });
    expect(r.ok ? "built" : r.error.code).toBe("no-articles");
  });

  it("lets one process update an index at a time, and takes over a lock left by a process that is gone", async () => {
    const dir = join(root, "index-lock");
    const embeddings = new LocalEmbeddings();
    expect((await updateIndex({ dir, inputs: [corpus], embeddings })).ok).toBe(true);
    await writeFile(join(corpus, "e-lock.md"), "# 西安高新区锁\n\n西安高新区新增企业30家。\n");
    // A live process (this one, as far as the file says) holds the lock: nothing is written.
    await writeFile(join(dir, LOCK_FILE), String(process.pid));
    const busy = await updateIndex({ dir, inputs: [corpus], embeddings });
    expect(busy.ok ? busy.value.mode : busy.error.code).toBe("busy");
    expect((await load(dir, embeddings)).passageById("e-lock#0")).toBeUndefined();
    // The holder died (no such process): its lock is taken over, and released afterwards.
    await writeFile(join(dir, LOCK_FILE), "2147483646");
    const taken = await updateIndex({ dir, inputs: [corpus], embeddings });
    expect(taken.ok && taken.value.mode).toBe("incremental");
    expect((await load(dir, embeddings)).passageById("e-lock#0")).toBeDefined();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
    await rm(join(corpus, "e-lock.md"));
  });

  it("re-reads a page whose metadata file changed (its date), and only that page", async () => {
    const dir = join(root, "index-meta");
    const embeddings = new CountingEmbeddings();
    const meta = join(corpus, "a-page.meta.json");
    await writeFile(meta, JSON.stringify({ date: "2020-06" }));
    try {
      expect((await updateIndex({ dir, inputs: [corpus], embeddings })).ok).toBe(true);
      const before = await load(dir, embeddings);
      const pageArticles = before.articles.filter((a) => a.source.endsWith("a-page.txt"));
      expect(pageArticles.every((a) => a.date === "2020-06")).toBe(true);
      expect(await updateIndex({ dir, inputs: [corpus], embeddings })).toMatchObject({
        ok: true,
        value: { mode: "unchanged" },
      });

      await writeFile(meta, JSON.stringify({ date: "2020-07" }));
      embeddings.embedded = 0;
      const updated = await updateIndex({ dir, inputs: [corpus], embeddings });
      expect(updated.ok && updated.value).toMatchObject({
        mode: "incremental",
        changed: pageArticles.length,
        added: 0,
      });
      const after = await load(dir, embeddings);
      expect(after.articles.filter((a) => a.source.endsWith("a-page.txt")).map((a) => a.date)).toEqual(
        pageArticles.map(() => "2020-07"),
      );
      expect(embeddings.embedded).toBe(pageArticles.reduce((n, a) => n + a.passageIds.length, 0));
    } finally {
      await rm(meta, { force: true });
    }
  });
});
