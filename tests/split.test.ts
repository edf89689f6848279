import { readdirSync, readFileSync } from "node:fs";
import { join, matchesGlob } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY_TESTS, NETWORK_TESTS, PROCESS_TESTS } from "./projects.js";

/** What starts a process or a server, directly or through the helpers that do. */
const STARTS = [
  /from "node:child_process"/,
  /from "node:(?:http|https|net)"/,
  /createServer\(/,
  /helpers\/openai-server\.js"/,
  /helpers\/cli\.js"/,
  /helpers\/pglite\.js"/,
  /helpers\/news-site\.js"/,
  /e2e\/(?:emulator|harness|process)\.js"/,
  /src\/cli\/bench\/run\.js"/,
];

const testFiles = readdirSync("tests", { recursive: true, encoding: "utf8" })
  .map((f) => join("tests", f).replaceAll("\\", "/"))
  .filter((f) => f.endsWith(".test.ts") && f !== "tests/split.test.ts");

describe("the unit/integration split", () => {
  it("keeps every test that starts a process or a server out of the unit project", () => {
    const unit = testFiles.filter(
      (f) => ![...PROCESS_TESTS, ...HEAVY_TESTS, ...NETWORK_TESTS].some((pattern) => matchesGlob(f, pattern)),
    );
    expect(unit.length).toBeGreaterThan(10);
    const offenders = unit.filter((f) => STARTS.some((re) => re.test(readFileSync(f, "utf8"))));
    expect(offenders).toEqual([]);
  });

  it("lists only slow tests that exist", () => {
    for (const pattern of [...PROCESS_TESTS, ...HEAVY_TESTS])
      expect(
        testFiles.some((f) => matchesGlob(f, pattern)),
        pattern,
      ).toBe(true);
  });
});
