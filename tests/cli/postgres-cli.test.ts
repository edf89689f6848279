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

  it("refuses --watch with STORE=postgres in one line, writing no generation", async () => {
    const before = await currentGeneration(db.pool);
    const r = await cli("ingest.ts", ["--input", "data/corpus", "--watch"], ROOT, {
      STORE: "postgres",
      DATABASE_URL: db.url,
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--watch is for the embedded store");
    expect(await currentGeneration(db.pool)).toBe(before);
  }, 60_000);
});
