import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPostgresBench } from "../../src/cli/bench-postgres.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { currentGeneration } from "../../src/index/postgres/schema.js";
import { cli, cliInProcess, ROOT } from "../helpers/cli.js";
import { startTestDatabase, type TestDatabase } from "../helpers/pglite.js";
import { scratchDir } from "../helpers/scratch.js";

/**
 * `npm run ingest`, `ask`, `zones`, `eval` and `bench` with STORE=postgres, as a person runs them,
 * against PGlite (or PG_TEST_URL's server, in a schema of the test's own).
 */

let db: TestDatabase;
let work: string;

/**
 * A command run in this process (see cliInProcess): these tests are about what the commands print
 * and store. One run per file stays a process of its own (the unreachable database), and --watch.
 */
const run = cliInProcess;
beforeAll(async () => {
  db = await startTestDatabase();
  work = await mkdtemp(join(tmpdir(), "gaoxin-pg-cli-"));
});
afterAll(async () => {
  await db?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const jsonl = (...rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
const XIAN = {
  id: "x1",
  title: "西安高新区项目集中开工",
  text: "西安高新区7个项目集中开工，总投资达一百二十亿元。",
};
const XIAN_Q = "西安高新区多少个项目集中开工";

/** The schemas benches and evaluations made in the database (each drops its own). */
async function scratchSchemas(): Promise<string[]> {
  const { rows } = await db.pool.query(
    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'gaoxin\\_bench\\_%' OR nspname LIKE 'gaoxin\\_eval%' ORDER BY 1",
  );
  return rows.map((r) => r.nspname as string);
}

describe("STORE=postgres on the command line", () => {
  it("ingest writes a generation and makes it current; ask, zones and eval answer from it", async () => {
    // No index in the database yet: ask says so in one line, and what to run.
    const empty = await run("ask.ts", ["珠海高新区工业投资增速多少"], ROOT, db.env);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim().split("\n")).toHaveLength(1);
    expect(empty.stderr).toContain("STORE=postgres npm run ingest");

    const ingest = await run("ingest.ts", ["--input", "data/corpus"], ROOT, db.env);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(/indexed 6 articles, 26 passages .* generation 1 is current/);
    expect(await currentGeneration(db.db)).toBe(1);

    // The same answers and zones as the embedded store's, read from the database: the command
    // would otherwise build an index folder, and there is none here (INDEX_DIR points nowhere).
    const noFolder = { ...db.env, INDEX_DIR: join(work, "never-built") };
    const batch = join(work, "questions.jsonl");
    await writeFile(batch, jsonl({ question: "珠海高新区工业投资增速多少" }, { question: "什么是高新区" }));
    const fromDb = await run("ask.ts", ["--batch", batch], ROOT, noFolder);
    expect(fromDb.code, fromDb.stderr).toBe(0);
    const embeddedIndex = { INDEX_DIR: join(work, "embedded"), STORE: "embedded" };
    const fromFolder = await run("ask.ts", ["--batch", batch], ROOT, embeddedIndex);
    expect(fromDb.stdout).toBe(fromFolder.stdout);
    expect(fromDb.stdout).toContain("40.7%");
    const zones = await run("zones.ts", ["--json"], ROOT, noFolder);
    expect(zones.code, zones.stderr).toBe(0);
    expect(zones.stdout).toBe((await run("zones.ts", ["--json"], ROOT, embeddedIndex)).stdout);
    expect(existsSync(noFolder.INDEX_DIR)).toBe(false);

    const evaluated = await run(
      "eval.ts",
      ["--questions", "tests/fixtures/seed-dev.jsonl", "--json"],
      ROOT,
      noFolder,
    );
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const report = JSON.parse(evaluated.stdout) as { overall: { n: number; seedAccuracy: number } };
    expect(report.overall).toMatchObject({ n: 26, seedAccuracy: 1 });
  }, 180_000);

  it("--index with STORE=postgres is refused in one line: the index is in the database", async () => {
    for (const script of ["ask.ts", "ingest.ts"]) {
      const args = script === "ask.ts" ? ["--index", work, "问题"] : ["--index", work];
      const r = await run(script, args, ROOT, db.env);
      expect(r.code, script).toBe(2);
      expect(r.stderr.trim().split("\n"), script).toHaveLength(1);
      expect(r.stderr).toContain("--index");
    }
  }, 60_000);

  it("a plain ingest keeps what an earlier --input added; leaving a folder out says so; a folder given twice is read once", async () => {
    const mine = join(work, "my-articles");
    await mkdir(mine, { recursive: true });
    await writeFile(join(mine, "xian.jsonl"), jsonl(XIAN));
    const both = await run(
      "ingest.ts",
      ["--input", "data/corpus", "--input", mine, "--input", `${mine}/`],
      ROOT,
      db.env,
    );
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toContain("indexed 7 articles");
    // A plain ingest reads the stored list: nothing changed, nothing dropped.
    const plain = await run("ingest.ts", [], ROOT, db.env);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain("corpus unchanged");
    expect(plain.stderr).not.toContain("no longer indexed");
    const asked = await run("ask.ts", ["--json", XIAN_Q], ROOT, db.env);
    expect(JSON.parse(asked.stdout).citations[0]?.articleId).toBe("x1");

    // --input naming only the page: the other folder's articles go, and the run says so in one line.
    const one = await run("ingest.ts", ["--input", "./data/corpus/"], ROOT, db.env);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain("indexed 6 articles");
    const lines = one.stderr.split("\n").filter((l) => l.includes("no longer indexed"));
    expect(lines).toEqual([expect.stringContaining(mine)]);
  }, 120_000);

  it("says in one line that the database cannot be reached, and that the index in use is unchanged", async () => {
    const r = await cli("ingest.ts", ["--input", "data/corpus"], ROOT, {
      STORE: "postgres",
      DATABASE_URL: "postgres://gaoxin:secret-password@127.0.0.1:1/gaoxin",
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("ECONNREFUSED");
    expect(r.stderr).toContain("index in use is unchanged");
    expect(r.stderr).not.toContain("secret-password");
  }, 60_000);

  it("refuses STORE=postgres without DATABASE_URL before reading the corpus", async () => {
    const r = await run("ingest.ts", ["--input", "data/corpus"], ROOT, {
      STORE: "postgres",
      DATABASE_URL: "",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("STORE=postgres needs DATABASE_URL");
  }, 60_000);

  it("--watch with STORE=postgres writes a generation when a file is dropped into the corpus, embedding only its article", async () => {
    const dir = await scratchDir("gaoxin-pg-watch-");
    await cp(join(ROOT, "data/corpus"), dir, { recursive: true });
    const child = spawn(
      join(ROOT, "node_modules/.bin/tsx"),
      [join(ROOT, "src/cli/ingest.ts"), "--input", dir, "--watch"],
      {
        cwd: ROOT,
        env: { ...process.env, ...db.env, INGEST_INTERVAL: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    const seen = async (pattern: RegExp) => {
      while (!pattern.test(out)) await once(child.stdout, "data");
    };
    try {
      await seen(/generation (\d+) is current/);
      const first = Number(/generation (\d+) is current/.exec(out)?.[1]);
      await writeFile(join(dir, "more.jsonl"), jsonl({ ...XIAN, id: "x2" }));
      await seen(/1 embedded, 26 copied unchanged; generation (\d+) is current/);
      expect(await currentGeneration(db.db)).toBeGreaterThan(first);
    } finally {
      child.kill("SIGTERM");
      await once(child, "close");
      await rm(dir, { recursive: true, force: true });
    }
    // Rounds between the two found the corpus unchanged and wrote nothing.
    expect(out.match(/is current/g)).toHaveLength(2);
  }, 120_000);
});

describe("benches and evaluations against the user's database", () => {
  it("work in a schema of their own, named in their output, and leave the user's generation current and answering", async () => {
    const ingest = await run("ingest.ts", ["--input", "data/corpus"], ROOT, db.env);
    expect(ingest.code, ingest.stderr).toBe(0);
    const users = await currentGeneration(db.db);
    const before = await run("ask.ts", ["--json", "珠海高新区工业投资增速多少"], ROOT, db.env);
    expect(before.code, before.stderr).toBe(0);

    const logged: string[] = [];
    const table = await runPostgresBench({
      sizes: [200],
      dataDir: "tests/fixtures/bench",
      store: {
        store: { kind: "postgres", databaseUrl: db.url, pollMs: 60_000, efSearch: null, schema: db.schema },
        indexDir: join(work, "unused"),
        corpusDir: "data/corpus",
        embeddings: new LocalEmbeddings(),
      },
      keep: false,
      questions: 5,
      recallQueries: 2,
      log: (line) => logged.push(line),
    });
    const schema = /schema (gaoxin_bench_\w+) \(dropped\)/.exec(table)?.[1];
    expect(schema, table).toBeDefined();
    expect(logged.join("\n")).toContain(`schema ${schema}`);
    expect(table).toMatch(/\| 200 \|/);

    const evaluated = await run(
      "eval.ts",
      [
        "--questions",
        "tests/fixtures/cmrc-subset.questions.jsonl",
        "--contexts",
        "tests/fixtures/cmrc-subset.contexts.jsonl",
        "--limit",
        "20",
        "--no-split",
        "--json",
      ],
      ROOT,
      db.env,
    );
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stderr).toMatch(/PostgreSQL .* schema gaoxin_eval_\w+/);

    // Nothing left behind, and the user's generation still the one answering, word for word.
    expect(await scratchSchemas()).toEqual([]);
    expect(await currentGeneration(db.db)).toBe(users);
    const after = await run("ask.ts", ["--json", "珠海高新区工业投资增速多少"], ROOT, db.env);
    expect(after.stdout).toBe(before.stdout);
  }, 300_000);
});
