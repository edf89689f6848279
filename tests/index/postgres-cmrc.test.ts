import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/types.js";
import { type EvalRow, evaluate, type Outcome } from "../../src/cli/eval-metrics.js";
import { pooledService } from "../../src/cli/eval-pool.js";
import type { StoreConfig } from "../../src/config.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { startTestDatabase, type TestDatabase } from "../helpers/pglite.js";

/**
 * A CMRC 2018 dev subset (tests/fixtures/SOURCES.md) pooled into the embedded store and into
 * PostgreSQL (PGlite), each in a store of its own as `npm run eval -- --contexts` does it: retrieval
 * and quotes must come out the same within 0.005, and the PostgreSQL pool's schema is gone after.
 */

const CONTEXTS = "tests/fixtures/cmrc-subset.contexts.jsonl";
const rows: EvalRow[] = readFileSync("tests/fixtures/cmrc-subset.questions.jsonl", "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as EvalRow);

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function measure(service: AnswerService) {
  const outcomes: Outcome[] = [];
  for (const row of rows) outcomes.push({ row, answer: await service.ask(row.question), ms: 0, type: "all" });
  return evaluate(outcomes).overall;
}

describe("CMRC subset: PostgreSQL store against the embedded store", () => {
  it("has R@1 and quote hit within 0.005 of the embedded store's", async () => {
    const embeddings = new LocalEmbeddings();
    const pooled = async (store: StoreConfig) => {
      const pooled = await pooledService({ store, indexDir: "", corpusDir: "", embeddings }, CONTEXTS, {
        label: "eval",
      });
      if (!pooled.ok) throw new Error(pooled.error);
      const p = pooled.value;
      try {
        return { location: p.location, report: await measure(p.service) };
      } finally {
        await p.done();
      }
    };
    const { report: embedded } = await pooled({ kind: "embedded" });
    const pg = await pooled({
      kind: "postgres",
      databaseUrl: db.url,
      pollMs: 60_000,
      efSearch: null,
      schema: null,
    });
    const postgres = pg.report;
    const schema = /schema (gaoxin_eval_\w+)/.exec(pg.location)?.[1];
    expect(schema).toBeDefined();
    const left = await db.pool.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    expect(left.rowCount).toBe(0);
    expect(rows.length).toBeGreaterThan(400);
    // Not a trivial pool: the embedded store gets most but not all right.
    expect(embedded.r1).toBeGreaterThan(0.9);
    expect(Math.abs((postgres.r1 ?? 0) - (embedded.r1 ?? 0))).toBeLessThanOrEqual(0.005);
    expect(Math.abs((postgres.quoteHit ?? 0) - (embedded.quoteHit ?? 0))).toBeLessThanOrEqual(0.005);
  }, 180_000);
});
