/**
 * `npm run bench [-- --sizes 10000,100000] [--json]`: speed and memory from the page to synthetic
 * corpora of the given sizes, side by side with a plain LangChain pipeline. See docs/benchmarks.md.
 */

import { commandArgs } from "./args.js";
import { DEFAULT_SIZES, runBench } from "./bench/run.js";
import { renderReport } from "./bench/table.js";
import { runPostgresBench } from "./bench-postgres.js";
import { fail, note, runCli } from "./common.js";
import { commandStoreSettings } from "./store.js";

const SPEC = {
  usage: `用法 (usage): npm run bench -- [--sizes 10000,100000] [--json] [--questions 300] [--r1-questions N]
  [--recall-queries 200] [--cold-runs 3] [--no-langchain] [--data ../shared/bench] [--work DIR --keep]
  npm run bench -- --store postgres [--sizes 100000] [--questions 300] [--recall-queries 200] [--keep]
    (DATABASE_URL; the bench works in a schema of its own there, dropped afterwards unless --keep)`,
  help: "测量速度和内存 (speed and memory at the given corpus sizes; see docs/benchmarks.md).",
  options: {
    sizes: { type: "string" },
    json: { type: "boolean" },
    questions: { type: "string" },
    "r1-questions": { type: "string" },
    "recall-queries": { type: "string" },
    "cold-runs": { type: "string" },
    "no-langchain": { type: "boolean" },
    data: { type: "string" },
    work: { type: "string" },
    keep: { type: "boolean" },
    store: { type: "string" },
  },
} as const;
const USAGE = SPEC.usage;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    fail(`--${name} 须为正整数 (must be a positive whole number): ${value}\n${USAGE}`, 2);
  return n;
}

async function main(): Promise<void> {
  const { values } = commandArgs(SPEC);
  const sizes =
    values.sizes === undefined
      ? DEFAULT_SIZES
      : values.sizes
          .split(",")
          .filter((s) => s.trim() !== "")
          .map((s) => positive("sizes", s.trim().replace(/_/g, ""), 0));
  if (values.store === "postgres") {
    // --store postgres is STORE=postgres for this run: DATABASE_URL is required (one line without it).
    const store = commandStoreSettings({ kind: "postgres" });
    const table = await runPostgresBench({
      sizes: values.sizes === undefined ? [100_000] : sizes,
      dataDir: values.data ?? "../shared/bench",
      store,
      keep: values.keep ?? false,
      questions: positive("questions", values.questions, 300),
      recallQueries: positive("recall-queries", values["recall-queries"], 200),
      log: note,
    });
    process.stdout.write(table);
    return;
  }
  if (values.store !== undefined && values.store !== "embedded")
    fail(`--store takes embedded or postgres: ${values.store}\n${USAGE}`, 2);
  let report: Awaited<ReturnType<typeof runBench>>;
  try {
    report = await runBench({
      sizes,
      dataDir: values.data ?? "../shared/bench",
      pageDir: "data/corpus",
      ...(values.work !== undefined ? { workDir: values.work } : {}),
      keep: values.keep ?? false,
      questions: positive("questions", values.questions, 300),
      ...(values["r1-questions"] !== undefined
        ? { r1Questions: positive("r1-questions", values["r1-questions"], 0) }
        : {}),
      recallQueries: positive("recall-queries", values["recall-queries"], 200),
      coldRuns: positive("cold-runs", values["cold-runs"], 3),
      inFlight: 50,
      langchain: !values["no-langchain"],
      command: ["npm run bench --", ...process.argv.slice(2)].join(" ").replace(/ --$/, ""),
      log: note,
    });
  } catch (e) {
    fail(`bench failed: ${(e as Error).message}`);
  }
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
}

// runCli: a Ctrl-C or SIGTERM stops the probes and removes the work folder and scratch schema.
await runCli(main);
