import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { commandArgs, refuse } from "../src/cli/args.js";
import { percentiles } from "../src/cli/bench/stats.js";

/**
 * `node --import tsx scripts/ask-in-turn.ts --questions Q --contexts C NAME=TREE:INDEX ...`: `ask`
 * timed on a pooled contexts file for several checkouts (git worktrees) in one process, question by
 * question in turn, the order rotating. On a machine shared with other jobs, runs of `eval` one after
 * another see different loads; here every checkout sees the same. Prints p50/p95 wall and CPU time
 * (`process.cpuUsage`) per checkout. Each checkout's pool is indexed into INDEX (kept, reused when
 * built from the same bytes, as `eval --index`): give each its own. A checkout from before the store
 * seam (539e931) is opened as its `eval` did. `--times FILE` writes each question's wall and CPU ms per
 * checkout (one JSON line a question, in the questions' order), to find the slow tail. `--warm` times
 * each service after its `warmUp()`, as the bot serves questions (539e931 has one too); without it a
 * service is timed from cold, as `eval` does.
 */

const USAGE =
  "用法 (usage): node --import tsx scripts/ask-in-turn.ts --questions FILE --contexts FILE [--times FILE] [--warm] NAME=TREE:INDEX ...";
const { values, positionals } = commandArgs({
  usage: USAGE,
  help: "在同一进程中轮流计时多个检出的 ask (times ask for several checkouts in turn, in one process).",
  options: {
    questions: { type: "string" },
    contexts: { type: "string" },
    times: { type: "string" },
    warm: { type: "boolean", default: false },
  },
  positionals: true,
});
if (values.questions === undefined || values.contexts === undefined || positionals.length === 0)
  refuse(
    "需要 --questions、--contexts 和至少一个 NAME=TREE:INDEX (questions, contexts and a checkout needed)",
    USAGE,
  );
const questions = resolve(values.questions);
const times = values.times === undefined ? undefined : resolve(values.times);
const contexts = values.contexts;

interface Timed {
  name: string;
  ask: (question: string) => Promise<unknown>;
  wall: number[];
  cpu: number[];
}

const checkouts: Timed[] = [];
for (const spec of positionals) {
  const m = /^([^=]+)=([^:]+):(.+)$/.exec(spec);
  if (m === null) refuse(`不是 NAME=TREE:INDEX (not NAME=TREE:INDEX): ${spec}`, USAGE);
  const [, name = "", tree = "", index = ""] = m;
  // Each checkout reads the contexts path as its own eval would, from its own folder.
  process.chdir(resolve(tree));
  const pool = await import(resolve(tree, "src/cli/eval-pool.ts"));
  let ask: (question: string) => Promise<unknown>;
  if (pool.pooledService !== undefined) {
    const { commandStoreSettings } = await import(resolve(tree, "src/cli/store.ts"));
    const pooled = await pool.pooledService(commandStoreSettings({ index }), contexts, {
      label: "turns",
      index,
    });
    if (!pooled.ok) refuse(`${name}: ${pooled.error}`, USAGE);
    if (values.warm) await pooled.value.service.warmUp?.();
    ask = (q) => pooled.value.service.ask(q);
  } else {
    const { createEmbeddings } = await import(resolve(tree, "src/cli/common.ts"));
    const service = await pool.contextsService(contexts, index, createEmbeddings());
    if (values.warm) await service.warmUp?.();
    ask = (q) => service.ask(q);
  }
  checkouts.push({ name, ask, wall: [], cpu: [] });
}

const rows = readFileSync(questions, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { question: string });
for (const [turn, row] of rows.entries()) {
  for (let k = 0; k < checkouts.length; k++) {
    const c = checkouts[(k + turn) % checkouts.length];
    if (c === undefined) continue;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await c.ask(row.question);
    c.wall.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    c.cpu.push((used.user + used.system) / 1000);
  }
}
if (times !== undefined)
  writeFileSync(
    times,
    rows
      .map((row, i) => {
        const each = Object.fromEntries(checkouts.map((c) => [c.name, { wall: c.wall[i], cpu: c.cpu[i] }]));
        return `${JSON.stringify({ question: row.question, ...each })}\n`;
      })
      .join(""),
  );
for (const c of checkouts) {
  const wall = percentiles(c.wall);
  const cpu = percentiles(c.cpu);
  const total = c.cpu.reduce((a, b) => a + b, 0) / 1000;
  process.stdout.write(
    `${c.name}\twall p50 ${wall.p50.toFixed(2)} p95 ${wall.p95.toFixed(2)} ms\tCPU p50 ${cpu.p50.toFixed(2)} p95 ${cpu.p95.toFixed(2)} ms, ${total.toFixed(2)} s in all\n`,
  );
}
