import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/report/build.js";
import { cliInProcess } from "../helpers/cli.js";
import { seedStore } from "../state/seed.js";

/** Runs `npm run report`'s entry point with `args` in the test's folder, in this process (cliInProcess). */
const report = (args: string[], env: Record<string, string> = {}) =>
  cliInProcess("report.ts", args, dir, env);

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-report-cli-"));
  db = join(dir, "state.sqlite");
  await seedStore(db, 200, Date.now(), 20);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run report", () => {
  it("--json prints the report of the last 7 days by default", async () => {
    const r = await report(["--json"], { STATE_DB: db });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Report;
    expect(json.days.length).toBeGreaterThanOrEqual(7);
    expect(json.totals.asked).toBeGreaterThan(0);
    expect(json.totals.asked).toBeLessThan(200);
    expect(json.totals.answered + json.totals.declined).toBe(json.totals.asked);
    expect(json.uncoveredZones.map((z) => z.zone).sort()).toEqual(["拉萨高新区", "深圳高新区"]);
  });

  it("--since 30d covers every seeded question; the text form has each section", async () => {
    const r = await report(["--since", "30d", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("提问 200，已回答 150（75%），未回答 50（25%）");
    for (const heading of [
      "未回答的问题（按高新区或关键词）",
      "被点 👎 的回答",
      "被问到但语料未覆盖的高新区",
    ])
      expect(r.stdout).toContain(heading);
  });

  it("a bad --since is one line and exit 2; a missing store is exit 1 and is not created", async () => {
    const bad = await report(["--since", "soon", "--db", db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toContain("--since takes a span");
    const missing = join(dir, "nothing-here.sqlite");
    const r = await report(["--db", missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no state store at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});
