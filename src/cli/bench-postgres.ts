/**
 * `npm run bench -- --store postgres [--sizes 100000]`: the PostgreSQL store on synthetic corpora
 * (DATABASE_URL required): ingest through the real `npm run ingest` entry point (rows/s, HNSW build),
 * then a fresh process answering as a bot does — load time, RSS, retrieval and answer latency,
 * recall@10 of pgvector's HNSW search against an exact scan. Each size is its own generation, in a
 * schema of the bench's own (named in the output) that is dropped at the end unless `--keep`: the
 * user's generations, and which one is current, are never touched.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { DEFAULT_FUSION, hybridSearch } from "../answer/retrieve.js";
import { createAnswerService } from "../answer/service.js";
import { loadCorpus } from "../corpus/load.js";
import { createPgPool, openPgDb } from "../index/postgres/db.js";
import { loadPostgresIndex, pgEfSearch } from "../index/postgres/load.js";
import { passagesTable } from "../index/postgres/schema.js";
import { keepTempDir, makeTempDir, releaseTempDir } from "../index/target.js";
import { openScratchStore, type StoreSettings } from "../store/open.js";
import { type ChildOutput, HEAP_FLAG, runCaptured } from "./bench/child.js";
import { percentiles, recallAtK, seededRandom, shuffled } from "./bench/stats.js";
import {
  type ContextRow,
  type QuestionRow,
  readJsonl,
  sentencePool,
  syntheticArticles,
  toJsonl,
} from "./bench/synthetic.js";
import { createEmbeddings } from "./common.js";
import { storeConfig } from "./store.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const MiB = 1024 * 1024;

interface Options {
  sizes: number[];
  dataDir: string;
  /** STORE=postgres's settings: the bench works in a schema of its own in that database. */
  store: StoreSettings;
  /** Keep the bench's schema (and its generations) instead of dropping it at the end. */
  keep: boolean;
  questions: number;
  recallQueries: number;
  log: (line: string) => void;
}

interface QueryFigures {
  generation: number;
  passages: number;
  loadSeconds: number;
  rssAfterLoadMiB: number;
  rssAfterQueriesMiB: number;
  peakRssMiB: number;
  /** V8 heap still in use after a full collection at the end: what the bot holds, caches included. */
  liveHeapMiB: number;
  retrieve: ReturnType<typeof percentiles>;
  /** BM25 alone: the question's postings read from the database and scored. */
  lexical: ReturnType<typeof percentiles>;
  ask: ReturnType<typeof percentiles>;
  askConcurrent: ReturnType<typeof percentiles>;
  inFlight: number;
  efSearch: number;
  recallAt10: number;
  recallQueries: number;
}

interface Row {
  size: number;
  ingestSeconds: number;
  rowsPerSecond: number;
  passagesPerSecond: number;
  hnswSeconds: number;
  query: QueryFigures;
}

/**
 * The V8 heap flags and malloc settings of `npm run start:postgres` (a STORE=postgres bot), so the
 * probe's process is sized as a bot's.
 */
async function botProcess(): Promise<{ flags: string[]; env: Record<string, string> }> {
  const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const script = pkg.scripts["start:postgres"] ?? "";
  const env = Object.fromEntries([...script.matchAll(/\b(MALLOC_[A-Z_]+)=(\d+)/g)].map((m) => [m[1], m[2]]));
  return { flags: script.match(/--max-[a-z-]+=\d+/g) ?? [], env };
}

/** Runs a TypeScript entry point in a fresh Node process with `env` added. */
function run(args: string[], env: Record<string, string>, nodeFlags: string[] = []): Promise<ChildOutput> {
  return runCaptured(process.execPath, [...nodeFlags, "--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
}

export async function runPostgresBench(opts: Options): Promise<string> {
  // Both made tracked: a Ctrl-C midway removes the folder and drops the schema (they were left behind).
  const work = await makeTempDir(join(tmpdir(), "gaoxin-pg-bench-"), { temp: true });
  const scratch = await openScratchStore(opts.store, "bench");
  if (opts.keep) keepTempDir(scratch.location);
  const schema = scratch.env.STORE_SCHEMA ?? "";
  opts.log(
    `the bench works in schema ${schema} of the same database; ${opts.keep ? "kept afterwards (--keep)" : "dropped afterwards"}`,
  );
  try {
    const file = (n: string) => join(resolve(opts.dataDir), n);
    const sets = ["cmrc2018-dev", "drcd-dev"];
    let sentences: string[];
    let titles: string[];
    let questions: string[];
    if (sets.every((s) => existsSync(file(`${s}.contexts.jsonl`)))) {
      const contexts = (
        await Promise.all(sets.map((s) => readJsonl<ContextRow>(file(`${s}.contexts.jsonl`))))
      ).flat();
      sentences = sentencePool(contexts.map((c) => c.text));
      titles = contexts.map((c) => c.title).filter((t) => t.trim() !== "");
      const qs = (
        await Promise.all(sets.map((s) => readJsonl<QuestionRow>(file(`${s}.questions.jsonl`))))
      ).flat();
      questions = shuffled(qs, seededRandom(7)).map((q) => q.question);
    } else {
      opts.log(
        `${opts.dataDir}: CMRC/DRCD dev files not found; synthetic corpora recombine the page's sentences`,
      );
      const page = await loadCorpus([join(ROOT, "data/corpus")]);
      sentences = sentencePool(page.articles.flatMap((a) => a.paragraphs.map((p) => p.text)));
      titles = page.articles.map((a) => a.title);
      questions = ["珠海高新区工业投资增速多少"];
    }
    const asked = Array.from({ length: opts.questions }, (_, i) => questions[i % questions.length] as string);
    const rows: Row[] = [];
    const bot = await botProcess();
    for (const size of opts.sizes) {
      const path = join(work, `synthetic-${size}.jsonl`);
      await mkdir(work, { recursive: true });
      await writeFile(path, toJsonl(syntheticArticles(sentences, titles, size)));
      opts.log(`synthetic ${size}: ingest into PostgreSQL…`);
      const started = performance.now();
      // --full: a whole ingest (the database may hold a generation sharing many of these articles).
      const ingest = await run([join(ROOT, "src/cli/ingest.ts"), "--input", path, "--full"], scratch.env, [
        HEAP_FLAG,
      ]);
      const ingestSeconds = (performance.now() - started) / 1000;
      if (ingest.code !== 0)
        throw new Error(`ingest failed (exit ${ingest.code}): ${ingest.stderr.slice(-2000)}`);
      const m = /rows ([\d.]+) s = (\d+)\/s, HNSW index ([\d.]+) s/.exec(ingest.stdout);
      if (!m) throw new Error(`ingest printed no figures: ${ingest.stdout}`);
      opts.log(`synthetic ${size}: ${ingest.stdout.trim()}`);
      const spec = join(work, `spec-${size}.json`);
      await writeFile(spec, JSON.stringify({ questions: asked, recallQueries: opts.recallQueries }));
      opts.log(`synthetic ${size}: queries in a fresh process…`);
      const q = await run([SELF, "--probe", spec], { ...bot.env, ...scratch.env }, bot.flags);
      if (q.code !== 0) throw new Error(`query probe failed (exit ${q.code}): ${q.stderr.slice(-2000)}`);
      rows.push({
        size,
        ingestSeconds,
        rowsPerSecond: Number(m[2]),
        passagesPerSecond: size / ingestSeconds,
        hnswSeconds: Number(m[3]),
        query: JSON.parse(q.stdout.trim().split("\n").at(-1) ?? "") as QueryFigures,
      });
    }
    return render(rows, opts, schema);
  } finally {
    await releaseTempDir(work);
    if (opts.keep) await scratch.close();
    else await scratch.drop();
  }
}

const f1 = (n: number) => n.toFixed(1);

const HEADER = [
  "passages",
  "ingest s (passages/s)",
  "rows/s",
  "HNSW build s",
  "bot load s",
  "RSS after load / queries / peak MiB",
  "live heap MiB",
  "retrieve p50/p95 ms",
  "BM25 p50/p95 ms",
  "ask p50/p95 ms",
  "ask ×in-flight p50/p95 ms",
  "ef_search",
  "recall@10",
];

function render(rows: Row[], opts: Options, schema: string): string {
  const url = opts.store.store.kind === "postgres" ? opts.store.store.databaseUrl : "";
  const lines = [
    `PostgreSQL store (${opts.questions} questions, recall over ${opts.recallQueries}); DATABASE_URL host ${new URL(url).host}, schema ${schema} (${opts.keep ? "kept" : "dropped"})`,
    "",
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map(() => "---:").join("|")}|`,
  ];
  for (const r of rows) {
    const q = r.query;
    lines.push(
      `| ${r.size.toLocaleString("en-US")} | ${f1(r.ingestSeconds)} (${Math.round(r.passagesPerSecond)}) | ${r.rowsPerSecond} | ${f1(r.hnswSeconds)} | ${q.loadSeconds.toFixed(2)} | ${Math.round(q.rssAfterLoadMiB)} / ${Math.round(q.rssAfterQueriesMiB)} / ${Math.round(q.peakRssMiB)} | ${f1(q.liveHeapMiB)} | ${f1(q.retrieve.p50)} / ${f1(q.retrieve.p95)} | ${f1(q.lexical.p50)} / ${f1(q.lexical.p95)} | ${f1(q.ask.p50)} / ${f1(q.ask.p95)} | ${f1(q.askConcurrent.p50)} / ${f1(q.askConcurrent.p95)} (×${q.inFlight}) | ${q.efSearch} | ${q.recallAt10.toFixed(3)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Each job's latency from its own start, `inFlight` at a time. */
async function timed<T>(items: readonly T[], inFlight: number, job: (item: T) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      const t = performance.now();
      await job(item);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
  return percentiles(latencies);
}

/** The fresh process answering as a bot does (its pool as the bot's: 8 connections), in STORE_SCHEMA. */
async function probe(specPath: string): Promise<QueryFigures> {
  // `generation`: a kept generation instead of the current one (rerunning the probe on an earlier size).
  const spec = JSON.parse(await readFile(specPath, "utf8")) as {
    questions: string[];
    recallQueries: number;
    generation?: number;
  };
  const store = storeConfig("postgres");
  if (store.kind !== "postgres") throw new Error("the probe needs DATABASE_URL");
  const pool = createPgPool(store.databaseUrl);
  try {
    const embeddings = createEmbeddings();
    const started = performance.now();
    const override = store.efSearch;
    const db = await openPgDb(pool, store.schema);
    const loaded = await loadPostgresIndex(db, embeddings, {
      generation: spec.generation,
      efSearch: override,
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const index = loaded.value;
    const service = createAnswerService(index);
    await service.warmUp?.();
    const loadSeconds = (performance.now() - started) / 1000;
    const rssAfterLoadMiB = process.memoryUsage().rss / MiB;
    const qs = spec.questions;
    for (const q of qs.slice(0, 5)) await service.ask(q);
    const retrieve = await timed(qs, 1, (q) => hybridSearch(index, q, 8));
    const lexical = await timed(qs, 1, async (q) => index.lexicalSearch(q, DEFAULT_FUSION.depth));
    const ask = await timed(qs, 1, (q) => service.ask(q));
    // As a bot answers: MAX_CONCURRENT_ANSWERS (4) at a time.
    const askConcurrent = await timed(qs, 4, (q) => service.ask(q));
    const rssAfterQueriesMiB = process.memoryUsage().rss / MiB;

    // recall@10: the HNSW index's answer against an exact scan of the same table.
    const table = db.t(passagesTable(index.generation));
    const ef = pgEfSearch(DEFAULT_FUSION.depth, override);
    const client = await pool.connect();
    let recall = 0;
    const sample = qs.slice(0, spec.recallQueries);
    try {
      await client.query(`SET hnsw.ef_search = ${ef}`);
      for (const q of sample) {
        const v = `[${(await embeddings.embedQuery(q)).join(",")}]`;
        const sql = `SELECT 1 - (embedding <=> $1) AS sim FROM ${table} ORDER BY embedding <=> $1 LIMIT 10`;
        await client.query("SET enable_indexscan = on");
        const approx = (await client.query(sql, [v])).rows.map((r) => Number(r.sim));
        await client.query("SET enable_indexscan = off");
        const exact = (await client.query(sql, [v])).rows.map((r) => Number(r.sim));
        recall += recallAtK(approx, exact);
      }
    } finally {
      client.release(true);
    }
    // Taken last: the full collection must not shape the RSS figures above.
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
    const liveHeapMiB = process.memoryUsage().heapUsed / MiB;
    return {
      generation: index.generation,
      passages: index.passages.length,
      loadSeconds,
      rssAfterLoadMiB,
      rssAfterQueriesMiB,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      liveHeapMiB,
      retrieve,
      lexical,
      ask,
      askConcurrent,
      inFlight: 4,
      efSearch: ef,
      recallAt10: sample.length > 0 ? recall / sample.length : 1,
      recallQueries: sample.length,
    };
  } finally {
    await pool.end();
  }
}

if (process.argv[2] === "--probe" && process.argv[3]) {
  const figures = await probe(process.argv[3]);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
