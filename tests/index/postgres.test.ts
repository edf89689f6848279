import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HybridRetriever } from "../../src/answer/langchain-retriever.js";
import { type LiveService, openLiveService } from "../../src/answer/live.js";
import { createAnswerService } from "../../src/answer/service.js";
import type { AnswerService } from "../../src/answer/types.js";
import { seedRight } from "../../src/cli/eval-metrics.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { parseNewspaperPage } from "../../src/corpus/newspaper.js";
import type { LoadedCorpus } from "../../src/corpus/types.js";
import type { EmbeddedIndex } from "../../src/index/load.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { openPgDb } from "../../src/index/postgres/db.js";
import { ingestToPostgres } from "../../src/index/postgres/ingest.js";
import { loadPostgresIndex, type PgLoadedIndex, pgEfSearch } from "../../src/index/postgres/load.js";
import {
  articlesTable,
  currentGeneration,
  passagesTable,
  postingsTable,
} from "../../src/index/postgres/schema.js";
import { postgresStore } from "../../src/store/postgres.js";
import { openPageService, PAGE_CORPUS, type SeedRow } from "../helpers/page-index.js";
import { startTestDatabase, type TestDatabase } from "../helpers/pglite.js";

/**
 * STORE=postgres over PGlite (or real PostgreSQL with PG_TEST_URL): generations written by ingest,
 * read by the answer service, switched while it answers. PGlite's pg_notify does not reach other
 * connections, so the switch is found by polling (`check()`, as the timer does).
 */

const rows = (path: string): SeedRow[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as SeedRow);
const SEED = rows("tests/fixtures/seed-dev.jsonl");
const OURS = rows("tests/fixtures/page-questions.jsonl");

const embeddings = new LocalEmbeddings();
let db: TestDatabase;
let page: LoadedCorpus;
let embedded: AnswerService;
let embeddedIndex: EmbeddedIndex;

/** The page plus the second fixture page (an article about 杭州高新区 the first page lacks). */
function withSecondPage(corpus: LoadedCorpus): LoadedCorpus {
  const second = parseNewspaperPage(
    readFileSync("tests/fixtures/second-page.txt", "utf8"),
    "second-page.txt",
    "second-page",
  );
  return { ...corpus, articles: [...corpus.articles, ...second.articles] };
}

const ingest = (corpus: LoadedCorpus, extra: Partial<Parameters<typeof ingestToPostgres>[0]> = {}) =>
  ingestToPostgres({ db: db.db, corpus, embeddings, inputs: [PAGE_CORPUS], ...extra });

/** The load of a generation (the current one by default), or the test fails with why not. */
async function load(generation?: number): Promise<PgLoadedIndex> {
  const loaded = await loadPostgresIndex(db.db, embeddings, { generation });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

beforeAll(async () => {
  db = await startTestDatabase();
  page = await loadCorpus([PAGE_CORPUS]);
  ({ service: embedded, index: embeddedIndex } = await openPageService());
}, 60_000);

afterAll(async () => {
  await db?.close();
});

describe("STORE=postgres: a generation ingested and answered from", () => {
  let service: AnswerService;
  let index: PgLoadedIndex;
  beforeAll(async () => {
    const summary = await ingest(page);
    expect(summary.passages).toBeGreaterThan(0);
    index = await load();
    service = createAnswerService(index);
  }, 60_000);

  it("keeps the BM25 postings in a table of its own, read per question, ranking and scoring as the embedded store", async () => {
    const gen = index.generation;
    const row = await db.pool.query("SELECT bm25_lengths FROM gaoxin_generations WHERE id = $1", [gen]);
    expect(row.rows[0].bm25_lengths.length).toBe(4 * index.passages.length);
    const terms = await db.pool.query(`SELECT count(*)::int AS n FROM ${postingsTable(gen)}`);
    expect(terms.rows[0].n).toBeGreaterThan(1000);
    for (const row of [...SEED, ...OURS]) {
      const fromDb = await index.lexicalSearch(row.question, 50);
      const inMemory = await embeddedIndex.lexicalSearch(row.question, 50);
      expect(
        fromDb.map((h) => [h.passage.id, h.score]),
        row.question,
      ).toEqual(inMemory.map((h) => [h.passage.id, h.score]));
    }
    for (const word of ["高新区", "珠海", "b:高新", "不在语料里的词"])
      expect(index.docFrequency(word)).toBe(embeddedIndex.docFrequency(word));
  });

  it("answers the page's 26 seed questions right", async () => {
    expect(SEED).toHaveLength(26);
    const wrong: string[] = [];
    for (const row of SEED) if (!seedRight(row, await service.ask(row.question))) wrong.push(row.id);
    expect(wrong).toEqual([]);
  });

  it("gives the embedded store's answers, word for word and cited alike", async () => {
    for (const row of [...SEED, ...OURS]) {
      const [a, b] = [await service.ask(row.question), await embedded.ask(row.question)];
      expect(a.answer, row.question).toBe(b.answer);
      // The whole answer, citations' titles, quotes and article dates included, and as JSON.
      expect(JSON.stringify(a), row.question).toBe(JSON.stringify(b));
    }
  });

  it("keeps the articles in the generation's table: only the zone counts in the bot", async () => {
    const gen = index.generation;
    const row = await db.pool.query("SELECT zone_counts FROM gaoxin_generations WHERE id = $1", [gen]);
    expect(row.rows[0].zone_counts.length).toBe(embedded.zones().length);
    const n = await db.pool.query(`SELECT count(*)::int AS n FROM ${articlesTable(gen)}`);
    expect(n.rows[0].n).toBe(embeddedIndex.articles.length);
    expect(index).not.toHaveProperty("articles");
    // Zone list (counts in memory), zone titles and each zone's page as the embedded store's.
    expect(service.zones()).toEqual(embedded.zones());
    expect(service.zones().length).toBeGreaterThan(3);
    expect(JSON.stringify(await service.zoneList())).toBe(JSON.stringify(await embedded.zoneList()));
    for (const { zone } of embedded.zones()) {
      expect(await index.zoneArticles(zone), zone).toEqual(await embeddedIndex.zoneArticles(zone));
      expect(JSON.stringify(await service.zone(zone)), zone).toBe(JSON.stringify(await embedded.zone(zone)));
    }
    const ids = embeddedIndex.articles.map((a) => a.id);
    expect(await index.loadArticles([...ids, "no-such"])).toEqual([...embeddedIndex.articles, undefined]);
  });

  it("dates citations from the articles table, on the extractive and the LangChain paths", async () => {
    const dated = embeddedIndex.articles.filter((a) => a.date !== undefined);
    expect(dated.length).toBeGreaterThan(0);
    let cited = 0;
    for (const row of SEED) {
      const a = await service.ask(row.question);
      for (const c of a.citations) {
        const article = embeddedIndex.articles.find((x) => x.id === c.articleId);
        expect(c.date, row.question).toBe(article?.date);
        if (c.date !== undefined) cited++;
      }
    }
    expect(cited).toBeGreaterThan(0);
    const q = SEED[0]?.question as string;
    const fromDb = await new HybridRetriever({ index, k: 5 }).invoke(q);
    const inMemory = await new HybridRetriever({ index: embeddedIndex, k: 5 }).invoke(q);
    // Cosine scores differ in the last digits (pgvector computes in float32): all else is the same.
    const cite = ({ score: _, ...rest }: (typeof fromDb)[number]["metadata"]) => rest;
    expect(fromDb.map((d) => cite(d.metadata))).toEqual(inMemory.map((d) => cite(d.metadata)));
    expect(fromDb.some((d) => d.metadata.date !== undefined)).toBe(true);
  });

  it("keeps the passages in the database: fetched per search, and for the passage view and zone pages", async () => {
    // The index holds none of the passages; a search's hits are fetched by document number.
    expect(Object.keys(index.passages)).toEqual([]);
    const [hit] = await index.lexicalSearch("珠海高新区工业投资增速多少", 1);
    const id = hit?.passage.id as string;
    expect(index.passageById(id)).toEqual(embeddedIndex.passageById(id));
    // Passages no search returned are fetched when shown, and are the embedded store's.
    const ids = embeddedIndex.articles.flatMap((a) => a.passageIds);
    expect(await index.loadPassages(ids)).toEqual(ids.map((i) => embeddedIndex.passageById(i)));
    for (const i of [ids[0], ids.at(-1), "no-such#0", "no-such"] as string[])
      expect(await service.passage(i)).toEqual(await embedded.passage(i));
    for (const { zone } of embedded.zones())
      expect(await service.zone(zone), zone).toEqual(await embedded.zone(zone));
  });

  it("gives its table an HNSW index of its own, and searches with ef_search set on the connection", async () => {
    const gen = (await currentGeneration(db.db)) as number;
    const { rows } = await db.pool.query(
      "SELECT indexdef FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE '%USING hnsw%' AND schemaname = $2",
      [passagesTable(gen), db.schema],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].indexdef).toContain("vector_cosine_ops");
    // With one connection in the pool, the search's connection is the one asked afterwards: ef_search
    // is the number of passages asked for (here all 25 of the page's, under pgvector's default of 40),
    // or STORE_EF_SEARCH above it.
    expect([pgEfSearch(50), pgEfSearch(10), pgEfSearch(50, 300), pgEfSearch(50, 5000)]).toEqual([
      50, 40, 300, 1000,
    ]);
    const one = new (await import("pg")).default.Pool({ connectionString: db.url, max: 1 });
    try {
      const oneDb = await openPgDb(one, db.schema);
      const loaded = await loadPostgresIndex(oneDb, embeddings);
      if (!loaded.ok) throw new Error(loaded.error.message);
      expect(await loaded.value.denseSearch("珠海高新区工业投资增速多少", 50)).toHaveLength(
        loaded.value.passages.length,
      );
      const ef = Number((await one.query("SHOW hnsw.ef_search")).rows[0]["hnsw.ef_search"]);
      expect(ef).toBe(40);
      const raised = await loadPostgresIndex(oneDb, embeddings, { efSearch: 300 });
      if (!raised.ok) throw new Error(raised.error.message);
      await raised.value.denseSearch("珠海高新区工业投资增速多少", 50);
      expect(Number((await one.query("SHOW hnsw.ef_search")).rows[0]["hnsw.ef_search"])).toBe(300);
    } finally {
      await one.end();
    }
  });
});

/** A bot's store on the test database: watching by polling only when told (`watch.check()`). */
const botStore = () =>
  postgresStore({
    databaseUrl: db.url,
    schema: db.schema,
    pollMs: 3_600_000,
    efSearch: null,
    corpusDir: PAGE_CORPUS,
    embeddings,
  });

/** A bot's live service over the store, and the generation it answers from (as its log says). */
async function openBot(): Promise<LiveService & { generation(): number; close(): Promise<void> }> {
  const store = botStore();
  let generation = (await currentGeneration(db.db)) as number;
  const opened = await openLiveService(store, {
    watch: true,
    log: {
      info: (obj) => {
        generation = (obj as { generation: number }).generation;
      },
      warn: () => {},
    },
  });
  if (!opened.ok) throw new Error(opened.error.message);
  return {
    ...opened.value,
    generation: () => generation,
    close: async () => {
      await opened.value.stop();
      await store.close();
    },
  };
}

describe("switching generations", () => {
  let opened: Awaited<ReturnType<typeof openBot>>;
  beforeAll(async () => {
    opened = await openBot();
  });
  afterAll(async () => {
    await opened?.close();
  });

  const HANGZHOU = "杭州高新区数字经济核心产业营业收入多少";

  it("an ingest killed after loading its rows leaves the old generation serving, and the next one clears it", async () => {
    const before = opened.generation();
    const killed = ingest(withSecondPage(page), {
      onLoaded: () => {
        throw new Error("killed midway");
      },
    });
    await expect(killed).rejects.toThrow("killed midway");
    expect(await currentGeneration(db.db)).toBe(before);
    await opened.watch?.check();
    expect(opened.generation()).toBe(before);
    expect((await opened.service.ask(HANGZHOU)).answer).not.toContain("812");

    const next = await ingest(page, { full: true });
    expect(next.dropped.length).toBeGreaterThan(0);
    expect(await db.db.tableExists(passagesTable(next.dropped[0] as number))).toBe(false);
  }, 60_000);

  it("a bot swaps to a new generation at its next check while answering, losing no question", async () => {
    // The bot has not checked since the ingest before: it is two generations behind, and its
    // generation, replaced moments ago, is kept for it.
    const behind = opened.generation();
    expect(await currentGeneration(db.db)).not.toBe(behind);
    const summary = await ingest(withSecondPage(page));
    expect(summary.dropped).not.toContain(behind);
    const asked = Array.from({ length: 20 }, () => opened.service.ask("珠海高新区工业投资增速多少"));
    await opened.watch?.check();
    expect(opened.generation()).toBe(summary.generation);
    for (const a of await Promise.all(asked)) expect(a.answer).toContain("40.7%");
    const a = await opened.service.ask(HANGZHOU);
    expect(a.answer).toContain("812");
    expect(a.citations[0]?.title).toContain("杭州高新区");
    // Past the retention, only the current and the previous generation stay.
    const last = await ingest(withSecondPage(page), { full: true, retainSeconds: 0 });
    expect(last.dropped).toContain(behind);
    const { rows } = await db.pool.query("SELECT id FROM gaoxin_generations ORDER BY id");
    expect(rows.map((r) => Number(r.id))).toEqual([summary.generation, last.generation]);
  }, 60_000);

  it("/reindex takes the newest generation at once, and says nothing changed when it is the one in service", async () => {
    await opened.watch?.check();
    const same = await opened.reindex.run();
    expect(same.ok && same.value).toMatchObject({ changed: false, generation: opened.generation() });
    const { generation } = await ingest(page, { full: true });
    const moved = await opened.reindex.run();
    expect(moved.ok && moved.value).toMatchObject({ changed: true, generation });
    expect((await opened.service.ask(HANGZHOU)).answer).not.toContain("812");
    // The watch finds nothing new afterwards: the reindex's generation is the one it knows.
    await opened.watch?.check();
    const again = await opened.reindex.run();
    expect(again.ok && again.value).toMatchObject({ changed: false, generation });
  }, 60_000);

  it.runIf(process.env.PG_TEST_URL !== undefined)(
    "on real PostgreSQL, a bot switches on the ingest's notification, without waiting for a poll",
    async () => {
      const store = botStore();
      const first = await store.open();
      if (!first.ok) throw new Error(first.error.message);
      let switched: (generation: number) => void = () => {};
      const seen = new Promise<number>((resolve) => {
        switched = resolve;
      });
      const watch = store.watch({
        onIndex: async (u) => switched(u.generation ?? -1),
        onError: () => {},
      });
      try {
        expect(await watch?.listening).toBe(true);
        const { generation } = await ingest(withSecondPage(page), { full: true });
        expect(await seen).toBe(generation);
      } finally {
        await store.close();
      }
    },
    60_000,
  );
});

/** Local embeddings counting the passages they embed. */
class CountingEmbeddings extends LocalEmbeddings {
  embedded = 0;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded += texts.length;
    return super.embedDocuments(texts);
  }
}

describe("ingest into a database that already holds a generation", () => {
  it("embeds only new and changed articles, drops removed ones, and answers as a full ingest of the same corpus", async () => {
    await ingest(page, { full: true });
    const [first, second, ...rest] = page.articles;
    if (!first || !second) throw new Error("the page has articles");
    const changedFirst = {
      ...first,
      paragraphs: [...first.paragraphs, { section: null, text: "该区今年新增高新技术企业三百七十家。" }],
    };
    // One article changed, one removed, the second page's articles added.
    const next = withSecondPage({ ...page, articles: [changedFirst, ...rest] });
    const counting = new CountingEmbeddings();
    const updated = await ingest(next, { embeddings: counting });
    expect(updated.unchanged).toBe(false);
    expect(updated.reused + updated.embedded).toBe(updated.passages);
    expect(counting.embedded).toBe(updated.embedded);
    expect(updated.reused).toBeGreaterThan(0);
    expect(updated.embedded).toBeLessThan(updated.passages);
    const gone = await db.pool.query(
      `SELECT count(*)::int AS n FROM ${passagesTable(updated.generation)} WHERE metadata->>'articleId' = $1`,
      [second.id],
    );
    expect(gone.rows[0].n).toBe(0);

    const open = async (generation: number) => {
      const index = await load(generation);
      return { index, service: createAnswerService(index) };
    };
    const incremental = await open(updated.generation);
    // The removed article: the generation before still has it, the new one has neither it nor its
    // passages (a citation button of an older answer then finds nothing, and says so).
    const before = await open(updated.generation - 1);
    const removed = `${second.id}#0`;
    expect((await before.index.loadArticles([second.id]))[0]?.title).toBe(second.title);
    expect((await before.service.passage(removed))?.date).toBe(second.date);
    expect(await incremental.index.loadArticles([second.id, first.id])).toEqual([
      undefined,
      expect.objectContaining({ id: first.id }),
    ]);
    expect(await incremental.service.passage(removed)).toBeNull();
    for (const z of second.zones)
      expect((await incremental.index.zoneArticles(z)).map((a) => a.id)).not.toContain(second.id);
    const full = await open((await ingest(next, { full: true })).generation);
    const questions = [...SEED, ...OURS].map((r) => r.question);
    questions.push("杭州高新区数字经济核心产业营业收入多少", `${first.title}新增多少高新技术企业`);
    for (const q of questions) {
      const [a, b] = [await incremental.service.ask(q), await full.service.ask(q)];
      expect(a.answer, q).toBe(b.answer);
      expect(a.citations.map((c) => [c.passageId, c.quote])).toEqual(
        b.citations.map((c) => [c.passageId, c.quote]),
      );
      expect((await incremental.index.denseSearch(q, 10)).map((h) => h.passage.id)).toEqual(
        (await full.index.denseSearch(q, 10)).map((h) => h.passage.id),
      );
    }

    // The same corpus again: nothing written, nothing embedded, the generation stays.
    const again = new CountingEmbeddings();
    const unchanged = await ingest(next, { embeddings: again });
    expect(unchanged.unchanged).toBe(true);
    expect(again.embedded).toBe(0);
    expect(await currentGeneration(db.db)).toBe(unchanged.generation);
  }, 120_000);
});

describe("a database written by the code before migrations", () => {
  it("is brought to the current layout once, by the first bot to open it: article lists become tables, dead columns go", async () => {
    const { generation } = await ingest(page, { full: true });
    const table = articlesTable(generation);
    // As older code left it: no migrations recorded, the article list in the row and no articles
    // table, no zone counts column, the BM25 columns nothing reads, no index on document numbers.
    await db.pool.query("DROP TABLE gaoxin_schema_migrations");
    await db.pool.query(
      `ALTER TABLE gaoxin_generations ADD COLUMN articles jsonb, ADD COLUMN bm25_terms jsonb,
         ADD COLUMN bm25_offsets bytea, ADD COLUMN bm25_docs bytea, ADD COLUMN bm25_tfs bytea`,
    );
    await db.pool.query(
      `UPDATE gaoxin_generations SET articles = (SELECT jsonb_agg(summary ORDER BY pos) FROM ${table}) WHERE id = $1`,
      [generation],
    );
    await db.pool.query(`DROP TABLE ${table}`);
    await db.pool.query("ALTER TABLE gaoxin_generations DROP COLUMN zone_counts");
    await db.pool.query(`DROP INDEX ${passagesTable(generation)}_doc_idx`);

    const store = botStore();
    try {
      const opened = await store.open();
      if (!opened.ok) throw new Error(opened.error.message);
      const service = createAnswerService(opened.value);
      expect(service.zones()).toEqual(embedded.zones());
      for (const { zone } of embedded.zones())
        expect(JSON.stringify(await service.zone(zone)), zone).toBe(
          JSON.stringify(await embedded.zone(zone)),
        );
      for (const row of SEED.slice(0, 5))
        expect(JSON.stringify(await service.ask(row.question))).toBe(
          JSON.stringify(await embedded.ask(row.question)),
        );
    } finally {
      await store.close();
    }
    const columns = await db.pool.query(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'gaoxin_generations'",
      [db.schema],
    );
    expect(columns.rows.map((r) => r.column_name).sort()).toEqual(
      [
        "article_hashes",
        "bm25_lengths",
        "bm25_params",
        "created_at",
        "id",
        "manifest",
        "replaced_at",
        "state",
        "zone_counts",
      ].sort(),
    );
    expect(await db.db.indexExists(`${passagesTable(generation)}_doc_idx`)).toBe(true);
    const applied = await db.pool.query("SELECT version FROM gaoxin_schema_migrations ORDER BY version");
    expect(applied.rows.map((r) => r.version)).toEqual([1, 2]);

    // A generation without its articles table (and no list to make it from): a clear error naming the fix.
    await db.pool.query(`DROP TABLE ${table}`);
    const broken = await loadPostgresIndex(db.db, embeddings, { generation });
    expect(broken.ok ? "loaded" : broken.error).toMatchObject({
      code: "corrupt",
      message: expect.stringContaining(`${table} is missing`),
    });
    expect(broken.ok ? "" : broken.error.message).toContain("npm run ingest");
  }, 60_000);
});
