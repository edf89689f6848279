import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commandArgs } from "../src/cli/args.js";
import { median } from "../src/cli/bench/stats.js";
import { buildReport } from "../src/report/build.js";
import { chartPng } from "../src/report/chart.js";
import { formatReport } from "../src/report/text.js";
import { openSqliteStore } from "../src/state/sqlite.js";
import { seedStore } from "../tests/state/seed.js";

/**
 * `npm run bench:report [-- --questions 10000 --runs 5]`: seeds a state store with that many questions
 * (over 30 days, a quarter declined, one in five voted on), then times `npm run report -- --since 30d`
 * as a user runs it (a whole process: Node, tsx, SQLite, the report) and its parts in this process,
 * and the `/report` chart.
 */

const { values } = commandArgs({
  usage: "用法 (usage): npm run bench:report [-- --questions 10000 --runs 5]",
  help: "统计报告的耗时 (times npm run report and the /report chart over a seeded state store).",
  options: { questions: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } },
});
const N = Number(values.questions);
const RUNS = Number(values.runs);
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "bench-report-"));
const db = join(dir, "state.sqlite");
const ms = (x: number) => x.toFixed(0);

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc (Linux; NaN elsewhere).
 * On a machine shared with other work the wall time of a child swings with the load; its CPU time
 * is what it would take on an idle core.
 */
function childrenCpuMs(): number {
  if (!existsSync("/proc/self/stat")) return Number.NaN;
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 16 and 17 of stat (cutime, cstime) are the 14th and 15th after the command name, in ticks of 10 ms.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

try {
  const now = Date.now();
  let t = performance.now();
  await seedStore(db, N, now);
  const seedMs = performance.now() - t;

  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const cpuBefore = childrenCpuMs();
    t = performance.now();
    execFileSync("npm", ["run", "--silent", "report", "--", "--since", "30d", "--db", db], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    wall.push(performance.now() - t);
    cpu.push(childrenCpuMs() - cpuBefore);
  }
  const tsxOnly: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    t = performance.now();
    execFileSync(join(ROOT, "node_modules/.bin/tsx"), ["-e", "0"], { cwd: ROOT });
    tsxOnly.push(performance.now() - t);
  }

  const parts = {
    open: [] as number[],
    read: [] as number[],
    build: [] as number[],
    format: [] as number[],
    chart: [] as number[],
  };
  for (let k = 0; k < RUNS; k++) {
    t = performance.now();
    const opened = openSqliteStore(db);
    if (!opened.ok) throw new Error(opened.error);
    parts.open.push(performance.now() - t);
    t = performance.now();
    const rows = await opened.value.readSince(now - 30 * 24 * 60 * 60 * 1000);
    parts.read.push(performance.now() - t);
    t = performance.now();
    const report = buildReport(rows, { since: now - 30 * 24 * 60 * 60 * 1000, now });
    parts.build.push(performance.now() - t);
    t = performance.now();
    formatReport(report);
    parts.format.push(performance.now() - t);
    t = performance.now();
    await chartPng(report);
    parts.chart.push(performance.now() - t);
    await opened.value.close();
  }

  console.log(
    `\nbench:report — ${N} seeded questions over 30 days (seeding took ${ms(seedMs)} ms), ${RUNS} runs, medians\n`,
  );
  console.table([
    {
      what: "npm run report -- --since 30d (whole process)",
      ms: ms(median(wall)),
      max: ms(Math.max(...wall)),
    },
    { what: "  its CPU time (user + system, npm included)", ms: ms(median(cpu)), max: ms(Math.max(...cpu)) },
    {
      what: "  of which starting Node + tsx (tsx -e 0)",
      ms: ms(median(tsxOnly)),
      max: ms(Math.max(...tsxOnly)),
    },
    { what: "  open the store", ms: ms(median(parts.open)), max: ms(Math.max(...parts.open)) },
    { what: "  read the rows", ms: ms(median(parts.read)), max: ms(Math.max(...parts.read)) },
    { what: "  build the report", ms: ms(median(parts.build)), max: ms(Math.max(...parts.build)) },
    { what: "  format it as text", ms: ms(median(parts.format)), max: ms(Math.max(...parts.format)) },
    {
      what: "/report chart (Vega-Lite → SVG → PNG)",
      ms: ms(median(parts.chart)),
      max: ms(Math.max(...parts.chart)),
    },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
