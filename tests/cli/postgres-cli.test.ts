import { spawn } from "node:child_process";
import { once } from "node:events";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentGeneration } from "../../src/index/postgres.js";
import { cli, ROOT } from "../helpers/cli.js";
import { startTestDatabase, type TestDatabase } from "../helpers/pglite.js";

/** `npm run ingest` and `npm run eval` with STORE=postgres, as a person runs them, against PGlite. */

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("STORE=postgres on the command line", () => {
  it("ingest writes a generation and makes it current; eval answers the seed questions from it", async () => {
    const env = { STORE: "postgres", DATABASE_URL: db.url };
    const ingest = await cli("ingest.ts", ["--input", "data/corpus"], ROOT, env);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(/indexed 6 articles, 25 passages .* generation 1 is current/);
    expect(await currentGeneration(db.pool)).toBe(1);

    const evaluated = await cli(
      "eval.ts",
      ["--questions", "tests/fixtures/seed-dev.jsonl", "--json"],
      ROOT,
      env,
    );
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const report = JSON.parse(evaluated.stdout) as { overall: { n: number; seedAccuracy: number } };
    expect(report.overall).toMatchObject({ n: 26, seedAccuracy: 1 });
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
    const r = await cli("ingest.ts", ["--input", "data/corpus"], ROOT, {
      STORE: "postgres",
      DATABASE_URL: "",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("STORE=postgres needs DATABASE_URL");
  }, 60_000);

  it("--watch with STORE=postgres writes a generation when a file is dropped into the corpus, embedding only its article", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gaoxin-pg-watch-"));
    await cp(join(ROOT, "data/corpus"), dir, { recursive: true });
    const child = spawn(
      join(ROOT, "node_modules/.bin/tsx"),
      [join(ROOT, "src/cli/ingest.ts"), "--input", dir, "--watch"],
      {
        cwd: ROOT,
        env: { ...process.env, STORE: "postgres", DATABASE_URL: db.url, INGEST_INTERVAL: "1" },
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
      await writeFile(
        join(dir, "more.jsonl"),
        `${JSON.stringify({ id: "x1", title: "西安高新区项目集中开工", text: "西安高新区7个项目集中开工，总投资达一百二十亿元。" })}\n`,
      );
      await seen(/1 embedded, 25 copied unchanged; generation (\d+) is current/);
      expect(await currentGeneration(db.pool)).toBeGreaterThan(first);
    } finally {
      child.kill("SIGTERM");
      await once(child, "close");
      await rm(dir, { recursive: true, force: true });
    }
    // Rounds between the two found the corpus unchanged and wrote nothing.
    expect(out.match(/is current/g)).toHaveLength(2);
  }, 120_000);
});
