import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBench } from "../../src/cli/bench/run.js";
import { renderReport } from "../../src/cli/bench/table.js";

// A smoke run that keeps the benchmark script working; it asserts the report's shape, never timings.
describe("npm run bench", () => {
  it("measures the page, the public dev sets (the repository's subsets) and a 200-passage synthetic corpus, and renders one table", async () => {
    const report = await runBench({
      sizes: [200],
      dataDir: "tests/fixtures/bench",
      pageDir: "data/corpus",
      questions: 8,
      r1Questions: 10,
      recallQueries: 5,
      coldRuns: 1,
      inFlight: 4,
      publicContexts: 40,
      npmColdStart: false,
      langchain: true,
      command: "smoke",
    });
    const names = report.corpora.map((c) => c.name);
    expect(names[0]).toBe("page");
    expect(names.at(-1)).toBe("synthetic 200");
    const synthetic = report.corpora.at(-1);
    expect(synthetic?.ingest.passages).toBe(200);
    // One article dropped into the synthetic corpus's folder is added without re-embedding the rest.
    expect(synthetic?.add).toMatchObject({ mode: "incremental" });
    expect(synthetic?.add?.embedded).toBeGreaterThan(0);
    expect(synthetic?.add?.passages).toBe(200 + (synthetic?.add?.embedded ?? 0));
    for (const c of report.corpora) {
      expect(c.ingest.passagesPerSecond).toBeGreaterThan(0);
      expect(c.indexBytes).toBeGreaterThan(0);
      expect(c.coldStart.runs).toHaveLength(1);
      expect(c.coldStartNpm.runs).toHaveLength(0);
      expect(c.query.ask.n).toBe(8);
      expect(c.query.recallAt10).toBeGreaterThanOrEqual(0);
      expect(c.query.recallAt10).toBeLessThanOrEqual(1);
    }
    // The repository's subsets of the public dev sets stand in for the full ones.
    expect(names).toContain("CMRC+DRCD dev");
    expect(report.langchain?.r1.questions).toBe(10);
    expect(report.langchain?.ours.r1.questions).toBe(10);
    const table = renderReport(report);
    expect(table).toMatch(/^Machine: \d+ cores/);
    expect(table).toContain("| `ask` p50 / p95 / p99, ms |");
    expect(table).toMatch(
      /\| add one article \(incremental update\), s \|.*\| \d+\.\d\d \(\d+ passages embedded\) \|/,
    );
  }, 180_000);

  it("fails, naming the corpus, when a corpus yields no passages", async () => {
    const empty = await mkdtemp(join(tmpdir(), "gaoxin-bench-empty-"));
    try {
      await writeFile(join(empty, "blank.jsonl"), "\n\n");
      await expect(
        runBench({
          sizes: [],
          dataDir: join(empty, "no-data"),
          pageDir: empty,
          questions: 1,
          recallQueries: 1,
          coldRuns: 1,
          inFlight: 1,
          npmColdStart: false,
          langchain: false,
          command: "smoke",
        }),
      ).rejects.toThrow(/page: .*no passages.*blank\.jsonl: empty file/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
