import { spawn } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchChild } from "../helpers/child-stderr.js";
import { ROOT } from "../helpers/cli.js";
import { startTestDatabase, type TestDatabase } from "../helpers/pglite.js";
import { scratchDir } from "../helpers/scratch.js";

/**
 * `npm run bench` stopped midway — a real process, a real signal, sent the moment its log says a probe
 * (a child process writing into its work folder) is running: it exits with the signal's code and leaves
 * nothing behind, neither its `gaoxin-bench-…` work folder nor a child still writing into it, nor (with
 * `--store postgres`) its scratch schema. SIGTERM to the bench alone is the hard case: its children get
 * no signal of their own.
 */

let base: string;
let db: TestDatabase | undefined;

beforeAll(async () => {
  base = await scratchDir("gaoxin-bench-stop-");
});
afterAll(async () => {
  await db?.close();
});

/** The processes whose command line names `dir` (a bench's probes name their spec file in its work folder). */
async function processesNaming(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmd.includes(dir)) found.push(cmd.replaceAll("\0", " "));
  }
  return found;
}

/** Runs `npm run bench -- …args` with its temporary folder in `tmp`, stopped by `signal` once stderr shows `cue`. */
async function stoppedBench(
  tmp: string,
  args: readonly string[],
  cue: RegExp,
  signal: NodeJS.Signals,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> {
  await mkdir(tmp, { recursive: true });
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/bench.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, TMPDIR: tmp },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const watched = watchChild(child);
  await watched.until(cue);
  child.kill(signal);
  return { code: await watched.exit, stderr: watched.stderr() };
}

const SMALL = [
  "--sizes",
  "300",
  "--questions",
  "5",
  "--recall-queries",
  "2",
  "--data",
  "tests/fixtures/bench",
];

describe("stopping npm run bench", () => {
  it("SIGTERM while a probe ingests: exit 143, the probe stopped, no work folder left", async () => {
    const tmp = join(base, "embedded");
    const { code, stderr } = await stoppedBench(
      tmp,
      [...SMALL, "--cold-runs", "1", "--no-langchain"],
      /page: ingest…/,
      "SIGTERM",
    );
    expect(stderr).toMatch(/page: ingest…/);
    expect(stderr).not.toMatch(/bench failed|FATAL/);
    expect(code).toBe(143);
    expect(await processesNaming(tmp)).toEqual([]);
    expect((await readdir(tmp)).filter((n) => n.startsWith("gaoxin-"))).toEqual([]);
  }, 120_000);

  it("--store postgres, SIGTERM while its ingest runs: exit 143, the scratch schema dropped, no work folder left", async () => {
    db = await startTestDatabase();
    const tmp = join(base, "postgres");
    const { code, stderr } = await stoppedBench(
      tmp,
      ["--store", "postgres", ...SMALL],
      /ingest into PostgreSQL…/,
      "SIGTERM",
      db.env,
    );
    expect(stderr).toMatch(/schema gaoxin_bench_\w+/);
    expect(code).toBe(143);
    expect(await processesNaming(tmp)).toEqual([]);
    expect((await readdir(tmp)).filter((n) => n.startsWith("gaoxin-"))).toEqual([]);
    const { rows } = await db.pool.query(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'gaoxin\\_bench\\_%'",
    );
    expect(rows).toEqual([]);
  }, 120_000);
});
