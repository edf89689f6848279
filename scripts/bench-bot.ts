import { readFileSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openService } from "../src/answer/live.js";
import { questionTopics, topicExtractor } from "../src/answer/topics.js";
import { commandArgs } from "../src/cli/args.js";
import { median, type Percentiles, percentiles } from "../src/cli/bench/stats.js";
import { BOT_REQUESTS_PER_SECOND, INTERACTION_REQUESTS_PER_SECOND } from "../src/discord/client.js";
import { LIMITS } from "../src/discord/render.js";
import { runBotProcess } from "../src/discord/run.js";
import { LocalEmbeddings } from "../src/index/local-embeddings.js";
import { createLogger } from "../src/logger.js";
import { DEFAULT_BATCH_SIZE } from "../src/state/recorder.js";
import { openSqliteStore } from "../src/state/sqlite.js";
import { stateOver } from "../src/state/state.js";
import { embeddedStore } from "../src/store/embedded.js";
import { type Emulator, type RecordedRequest, startEmulator } from "../tests/e2e/emulator.js";
import { slashCommand, userFactory } from "../tests/e2e/payloads.js";
import { type BotProcess, botEnv, spawnBot, startCommand } from "../tests/e2e/process.js";

/**
 * `npm run bench:bot`: the bot under load through the Discord emulator, with the real answer service
 * over the default corpus.
 *
 * 1. discord.js's REST defaults against the bot's own settings, in this process: a burst of `--burst`
 *    `/ask` from as many users, time to first callback and to final reply.
 * 2. The bot as `npm start` runs it (src/main.ts, its own process, with the Node flags of package.json's
 *    start script): the same burst, then `--total` more questions in bursts, with the process's RSS
 *    before and after; `--runs N` repeats this with a fresh bot N times.
 *
 * The comparison runs this script itself as the bot (`--as-bot default`: the same process wiring and
 * Node flags with discord.js's one REST manager at 50 requests/s for everything; `--as-bot split`: the
 * bot's own REST setting), so every figure comes from a bot in its own process, as in production.
 *
 * RSS is read three ways, since V8 keeps freed pages for a while after a burst: raw (right after the
 * last reply, as the issue asks), settled (after `--settle-ms` idle) and live (after a forced full GC).
 * The last two come from `scripts/bench-bot-memory.mjs`, preloaded into the bench's bot processes
 * only (with `--expose-gc`); `npm start` runs without it.
 *
 * 3. The state store's cost: bots with `STATE_DB=off` and with a SQLite file, alternately
 *    (`--state-runs` of each), final-reply latency of a warm burst and every question counted in the file.
 *
 *   npm run bench:bot [-- --burst 200 --total 5000 --settle-ms 5000 --runs 1 --skip-compare --state-runs 3]
 */

const { values } = commandArgs({
  usage:
    "用法 (usage): npm run bench:bot [-- --burst 200 --total 5000 --settle-ms 5000 --runs 1 --skip-compare --state-runs 3]",
  help: "机器人在负载下的延迟和内存 (the bot under load through the Discord emulator; see docs/benchmarks.md).",
  options: {
    burst: { type: "string", default: "200" },
    total: { type: "string", default: "5000" },
    "settle-ms": { type: "string", default: "5000" },
    runs: { type: "string", default: "1" },
    "skip-compare": { type: "boolean", default: false },
    /** Bots started with the state store off and on, alternately, for the latency comparison. */
    "state-runs": { type: "string", default: "3" },
    /** Internal: run as the bot process with discord.js's global REST limit at this many requests/s. */
    "as-bot": { type: "string" },
  },
});
const BURST = Number(values.burst);
const TOTAL = Number(values.total);
const SETTLE_MS = Number(values["settle-ms"]);
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(`--runs must be a whole number ≥ 1, not ${values.runs}`);
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CORPUS = join(ROOT, "data/corpus");
const QUESTIONS = readFileSync(join(ROOT, "tests/fixtures/page-questions.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => (JSON.parse(l) as { question: string }).question);
const PROGRESS = /^正在(检索|生成回答)…$/;
const TIMEOUT_MS = 60_000;

interface Outcome {
  sentAt: number;
  firstAt?: number;
  finalAt?: number;
  /** The final message said 出错了 or was a refusal instead of an answer. */
  failed?: boolean;
}

interface BurstResult {
  /** Raw milliseconds, to pool several bursts. */
  firstMs: number[];
  finalMs: number[];
  asked: number;
  answered: number;
  firstCallback: Percentiles;
  finalReply: Percentiles;
  /** Messages over a Discord limit or without `allowed_mentions.parse: []`. */
  violations: number;
  wallMs: number;
}

/** Follows every interaction's callback and edits as the emulator answers them. */
function tracker(emu: Emulator) {
  const byToken = new Map<string, Outcome>();
  let violations = 0;
  emu.onRequest((r: RecordedRequest) => {
    const token = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(r.path)?.[1];
    const o = token ? byToken.get(token) : undefined;
    if (!o) return;
    const b = (r.body ?? {}) as { type?: number; data?: Message } & Message;
    const message: Message | undefined = r.path.endsWith("/callback") ? b.data : b;
    if (message && (message.content !== undefined || message.embeds !== undefined)) {
      if ((message.content ?? "").length > LIMITS.content || message.allowed_mentions?.parse?.length !== 0)
        violations += 1;
    }
    if (r.path.endsWith("/callback")) {
      o.firstAt ??= r.at;
      // An immediate reply (a refusal) is final at once.
      if (b.type === 4) {
        o.finalAt = r.at;
        o.failed = true;
      }
    } else if (r.method === "PATCH" && !PROGRESS.test(message?.content ?? "")) {
      o.finalAt = r.at;
      o.failed = (message?.content ?? "").includes("出错了");
    }
  });
  return {
    track(token: string, sentAt: number) {
      byToken.set(token, { sentAt });
    },
    get(token: string) {
      return byToken.get(token);
    },
    get violations() {
      return violations;
    },
    forget(tokens: readonly string[]) {
      for (const t of tokens) byToken.delete(t);
    },
  };
}
interface Message {
  content?: string;
  embeds?: unknown[];
  allowed_mentions?: { parse?: string[] };
}

type Tracker = ReturnType<typeof tracker>;

const nextUser = userFactory(900000000000000000n, "load");
let questionCounter = 0;

/** Fires `n` `/ask` at once, each from a new user, and waits for every final reply (or the timeout). */
async function burst(emu: Emulator, t: Tracker, n: number): Promise<BurstResult> {
  const violationsBefore = t.violations;
  const tokens: string[] = [];
  const started = performance.now();
  for (let k = 0; k < n; k++) {
    const question = QUESTIONS[questionCounter++ % QUESTIONS.length] ?? "珠海高新区工业投资增速多少";
    const payload = slashCommand(emu, "ask", [{ name: "question", type: 3, value: question }], nextUser());
    t.track(payload.token, performance.now());
    emu.dispatch("INTERACTION_CREATE", payload);
    tokens.push(payload.token);
  }
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline && tokens.some((tok) => t.get(tok)?.finalAt === undefined)) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const outcomes = tokens.map((tok) => t.get(tok) as Outcome);
  t.forget(tokens);
  const firstMs = outcomes.flatMap((o) => (o.firstAt ? [o.firstAt - o.sentAt] : []));
  const finalMs = outcomes.flatMap((o) => (o.finalAt ? [o.finalAt - o.sentAt] : []));
  return {
    firstMs,
    finalMs,
    asked: n,
    answered: outcomes.filter((o) => o.finalAt !== undefined && !o.failed).length,
    firstCallback: percentiles(firstMs),
    finalReply: percentiles(finalMs),
    violations: t.violations - violationsBefore,
    wallMs: performance.now() - started,
  };
}

/** Several bursts as one result. */
function pool(results: readonly BurstResult[]): BurstResult {
  const firstMs = results.flatMap((r) => r.firstMs);
  const finalMs = results.flatMap((r) => r.finalMs);
  const sum = (f: (r: BurstResult) => number) => results.reduce((a, r) => a + f(r), 0);
  return {
    firstMs,
    finalMs,
    asked: sum((r) => r.asked),
    answered: sum((r) => r.answered),
    firstCallback: percentiles(firstMs),
    finalReply: percentiles(finalMs),
    violations: sum((r) => r.violations),
    wallMs: sum((r) => r.wallMs),
  };
}

const ms = (x: number) => x.toFixed(1);
const row = (label: string, r: BurstResult) => ({
  run: label,
  answered: `${r.answered}/${r.asked}`,
  "first callback p50 (ms)": ms(r.firstCallback.p50),
  "first callback p99 (ms)": ms(r.firstCallback.p99),
  "final reply p50 (ms)": ms(r.finalReply.p50),
  "final reply p99 (ms)": ms(r.finalReply.p99),
  "over limit / pinging": r.violations,
});

/** Resident set size of a process in MiB, from /proc. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** `process.memoryUsage()` of the bot process, in bytes. */
interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Per V8 heap space: committed and used bytes. */
  spaces?: Record<string, [number, number]>;
}

/** The bot's memory after `SETTLE_MS` idle, as found and after a full GC (see scripts/bench-bot-memory.mjs). */
async function settledMemory(bot: BotProcess): Promise<{ settled: Memory; live: Memory }> {
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const lines = () =>
    bot.stderr
      .join("")
      .split("\n")
      .filter((l) => l.startsWith("bench-mem "));
  const seen = lines().length;
  bot.child.kill("SIGUSR2");
  const deadline = Date.now() + 10_000;
  while (lines().length < seen + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const [raw, gc] = lines()
    .slice(seen, seen + 2)
    .map((l) => JSON.parse(l.slice("bench-mem ".length)) as Memory);
  if (!raw || !gc) throw new Error("the bot process did not report its memory on SIGUSR2");
  return { settled: raw, live: gc };
}

interface RunResult {
  cold: BurstResult;
  warm: BurstResult;
  rss: { ready: number; afterCold: number; afterWarm: number };
  /** After the first burst and after the rest, each after `SETTLE_MS` idle. */
  memory: { afterCold: { settled: Memory; live: Memory }; afterWarm: { settled: Memory; live: Memory } };
  exitCode: number | null;
}

/** Idle readings are skipped in the state comparison, which only times replies. */
const NO_MEMORY = async (): Promise<{ settled: Memory; live: Memory }> => {
  const none = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  return { settled: none, live: none };
};

/** How `npm start` runs the bot: the Node flags it passes, applied to every bot the bench starts. */
const START = startCommand();

/**
 * Starts a bot process (`entry` with `args`, under `npm start`'s Node flags) against a fresh emulator,
 * fires one burst right after it is ready (cold: JIT, connections) and `warm` more questions in bursts,
 * then stops it with SIGTERM.
 */
async function run(
  entry: string,
  args: string[],
  indexDir: string,
  warm: number,
  opts: { env?: Record<string, string>; memory?: boolean } = {},
): Promise<RunResult> {
  const memoryOf = opts.memory === false ? NO_MEMORY : settledMemory;
  const emu = await startEmulator({ record: false });
  const t = tracker(emu);
  let bot: BotProcess | undefined;
  try {
    bot = spawnBot(
      entry,
      botEnv(emu, "bench-token", {
        INDEX_DIR: indexDir,
        CORPUS_DIR: CORPUS,
        LOG_LEVEL: "warn",
        ...opts.env,
      }),
      {
        args,
        nodeArgs: [
          ...START.nodeArgs,
          "--expose-gc",
          "--import",
          pathToFileURL(join(ROOT, "scripts/bench-bot-memory.mjs")).href,
          // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the bot process.
          ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter((a) => a !== ""),
        ],
      },
    );
    await emu.waitForSessions(1, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    const pid = bot.child.pid as number;
    const ready = rssMiB(pid);
    const cold = await burst(emu, t, BURST);
    const afterCold = rssMiB(pid);
    const coldMemory = await memoryOf(bot);
    const bursts: BurstResult[] = [];
    for (let asked = 0; asked < warm; asked += BURST)
      bursts.push(await burst(emu, t, Math.min(BURST, warm - asked)));
    const afterWarm = rssMiB(pid);
    const warmMemory = await memoryOf(bot);
    bot.child.kill("SIGTERM");
    const exitCode = await bot.exited(15_000);
    return {
      cold,
      warm: pool(bursts),
      rss: { ready, afterCold, afterWarm },
      memory: { afterCold: coldMemory, afterWarm: warmMemory },
      exitCode,
    };
  } finally {
    if (bot && bot.child.exitCode === null) bot.child.kill("SIGKILL");
    await emu.close();
  }
}

/** The comparison bot: the production wiring over the local embeddings, with the REST limit given. */
async function runAsBot(mode: string): Promise<void> {
  if (mode !== "default" && mode !== "split") throw new Error(`--as-bot takes default or split, not ${mode}`);
  await runBotProcess({
    ...(mode === "default" ? { rest: { globalRequestsPerSecond: 50 } } : {}),
    async openService(base) {
      const opened = await openService(
        embeddedStore({
          dir: base.indexDir,
          corpusDir: base.corpusDir,
          embeddings: new LocalEmbeddings(),
          watchSeconds: 0,
        }),
      );
      if (!opened.ok) throw new Error(opened.error.message);
      return { service: opened.value };
    },
  });
}

/** The lines about one `npm start` run: throughput, RSS raw, after idle and after a full GC, heap spaces. */
function reportMemory(main: RunResult, label: string): void {
  const { rss } = main;
  console.log(
    `\n${label}: ${main.warm.answered}/${main.warm.asked} answered in ${(main.warm.wallMs / 1000).toFixed(1)} s ` +
      `(${((main.warm.asked / main.warm.wallMs) * 1000).toFixed(0)} questions/s); ` +
      `messages over a limit or pinging: ${main.cold.violations + main.warm.violations}`,
  );
  console.log(
    `RSS of the bot process: ${rss.ready.toFixed(1)} MiB ready → ${rss.afterCold.toFixed(1)} MiB after the first ${BURST} → ` +
      `${rss.afterWarm.toFixed(1)} MiB after ${main.warm.asked} more: growth ${(rss.afterWarm - rss.afterCold).toFixed(1)} MiB`,
  );
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const { afterCold, afterWarm } = main.memory;
  const growth = (f: (m: { settled: Memory; live: Memory }) => number) =>
    `${mib(f(afterCold))} → ${mib(f(afterWarm))} MiB: growth ${mib(f(afterWarm) - f(afterCold))} MiB`;
  console.log(`after ${SETTLE_MS / 1000} s idle: RSS ${growth((m) => m.settled.rss)}`);
  console.log(`after a full GC:  RSS ${growth((m) => m.live.rss)}`);
  console.log(`                  V8 heap used ${growth((m) => m.live.heapUsed)}`);
  console.log(`                  V8 heap total ${growth((m) => m.live.heapTotal)}`);
  console.log(`                  external ${growth((m) => m.live.external)}`);
  const spaces = Object.entries(afterWarm.live.spaces ?? {}).filter(([, [committed]]) => committed > 0);
  for (const [space] of spaces) {
    const committed = (m: { settled: Memory; live: Memory }, w: "settled" | "live") =>
      m[w].spaces?.[space]?.[0] ?? 0;
    console.log(
      `  ${space}: committed ${growth((m) => committed(m, "settled"))} idle, ${growth((m) => committed(m, "live"))} after GC`,
    );
  }
  console.log(`SIGTERM → exit code ${main.exitCode}`);
}

/**
 * The state store's cost: `--state-runs` bots with `STATE_DB=off` and as many with a fresh SQLite
 * file, alternately, each answering a cold burst and a warm one; the rows recorded are counted after
 * each bot has stopped (its queue drained on SIGTERM). Adds rows to `table`; returns summary lines.
 */
async function compareState(
  indexDir: string,
  dir: string,
  table: ReturnType<typeof row>[],
): Promise<string[]> {
  const n = Number(values["state-runs"]);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--state-runs must be a whole number, not ${values["state-runs"]}`);
  const pooled: Record<"off" | "on", BurstResult[]> = { off: [], on: [] };
  const recorded: string[] = [];
  for (let k = 0; k < n; k++) {
    for (const mode of ["off", "on"] as const) {
      const db = join(dir, `state-${k}.sqlite`);
      const r = await run(START.entry, [], indexDir, BURST, {
        env: { STATE_DB: mode === "off" ? "off" : db, STATE_SALT: "bench-salt" },
        memory: false,
      });
      pooled[mode].push(r.warm);
      if (mode === "on") {
        const opened = openSqliteStore(db);
        if (!opened.ok) throw new Error(opened.error);
        const { questions } = await opened.value.readSince(0);
        await opened.value.close();
        recorded.push(`${questions.length}/${r.cold.asked + r.warm.asked}`);
      }
    }
  }
  if (n === 0) return [];
  const cost = await recordingCost(dir);
  const off = pool(pooled.off);
  const on = pool(pooled.on);
  table.push(row(`state store off (STATE_DB=off): warm bursts of ${n} bots`, off));
  table.push(row(`state store on (SQLite): warm bursts of ${n} bots`, on));
  const p99 = (r: BurstResult) => r.finalReply.p99;
  const change = ((p99(on) - p99(off)) / p99(off)) * 100;
  return [
    `\nstate store: final reply p99 ${ms(p99(off))} ms off, ${ms(p99(on))} ms on (${change >= 0 ? "+" : ""}${change.toFixed(1)}%); ` +
      `questions recorded per bot with the store on: ${recorded.join(", ")}`,
    `recording, measured in-process over ${cost.n} questions: ${cost.perAnswer.p50.toFixed(3)} ms added to each answer ` +
      `(p99 ${cost.perAnswer.p99.toFixed(3)} ms: zones, keywords, user-id HMAC, queueing); ` +
      `one batch of ${cost.batch} rows written in ${cost.flushMs.toFixed(1)} ms (median), off the answer path`,
  ];
}

/**
 * What recording adds to one answer, timed directly (the burst comparison above is dominated by
 * the machine's noise): the work `recordAnswer` does on the answer path, and one batch write.
 */
async function recordingCost(dir: string) {
  const logger = createLogger({ level: "silent" });
  const opened = openSqliteStore(join(dir, "cost.sqlite"));
  if (!opened.ok) throw new Error(opened.error);
  const state = await stateOver(opened.value, { salt: "bench", retentionDays: 90 }, logger, {
    flushMs: 60_000,
    batchSize: 1_000_000,
  });
  topicExtractor();
  const perAnswer: number[] = [];
  const flushes: number[] = [];
  const n = 2_000;
  for (let k = 0; k < n; k++) {
    const question = QUESTIONS[k % QUESTIONS.length] as string;
    const t = performance.now();
    const topics = questionTopics(question, () => true);
    state.recordQuestion({
      id: `cost-${k}`,
      at: Date.now(),
      guildId: "1",
      channelId: "2",
      userKey: state.userKey(String(900000000000000000n + BigInt(k))),
      question,
      mode: "extractive",
      declined: false,
      citations: ["p#0"],
      ...topics,
      latencyMs: 1,
    });
    perAnswer.push(performance.now() - t);
    if ((k + 1) % DEFAULT_BATCH_SIZE === 0) {
      const f = performance.now();
      await state.readSince(Date.now() + 1); // flushes the queue first, then reads nothing
      flushes.push(performance.now() - f);
    }
  }
  await state.close();
  return { n, perAnswer: percentiles(perAnswer), batch: DEFAULT_BATCH_SIZE, flushMs: median(flushes) };
}

async function bench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "bench-bot-"));
  const indexDir = join(dir, "index");
  const opened = await openService(
    embeddedStore({ dir: indexDir, corpusDir: CORPUS, embeddings: new LocalEmbeddings(), watchSeconds: 0 }),
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const rows: ReturnType<typeof row>[] = [];
  try {
    if (!values["skip-compare"]) {
      const self = fileURLToPath(import.meta.url);
      for (const mode of ["default", "split"]) {
        const r = await run(self, ["--as-bot", mode], indexDir, BURST);
        const label =
          mode === "default"
            ? "discord.js default, 50 requests/s for all"
            : `bot's setting, interactions ${INTERACTION_REQUESTS_PER_SECOND}/s, bot token ${BOT_REQUESTS_PER_SECOND}/s`;
        rows.push(row(`${label}: cold burst`, r.cold), row(`${label}: warm burst`, r.warm));
      }
    }
    const stateLines = await compareState(indexDir, dir, rows);
    const runs: RunResult[] = [];
    for (let k = 0; k < RUNS; k++) runs.push(await run(START.entry, [], indexDir, TOTAL));
    const label = (k: number) => (RUNS === 1 ? "npm start" : `npm start, run ${k + 1}`);
    for (const [k, r] of runs.entries())
      rows.push(row(`${label(k)}: cold burst`, r.cold), row(`${label(k)}: ${TOTAL} more, in bursts`, r.warm));
    console.log(
      `\nbench:bot — bursts of ${BURST} simultaneous /ask, one user each, real answer service over data/corpus,` +
        ` each bot in its own process against the 127.0.0.1 emulator` +
        `\nnpm start runs: node ${[...START.nodeArgs, "--import", "tsx", "src/main.ts"].join(" ")} (package.json)\n`,
    );
    console.table(rows);
    for (const line of stateLines) console.log(line);
    for (const [k, r] of runs.entries()) reportMemory(r, label(k));
    if (RUNS > 1) {
      const growths = runs.map((r) => r.rss.afterWarm - r.rss.afterCold);
      const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
      console.log(
        `\nnpm start over ${RUNS} runs: RSS growth after the ${TOTAL} more ${growths.map((g) => g.toFixed(1)).join(", ")} MiB ` +
          `(median ${median(growths).toFixed(1)}, max ${Math.max(...growths).toFixed(1)}); ` +
          `first callback p99 ${range(runs.map((r) => r.cold.firstCallback.p99))} ms cold, ` +
          `${range(runs.map((r) => r.warm.firstCallback.p99))} ms after; answered ` +
          runs
            .map((r) => `${r.cold.answered}/${r.cold.asked} + ${r.warm.answered}/${r.warm.asked}`)
            .join(", "),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values["as-bot"] !== undefined) await runAsBot(values["as-bot"]);
else await bench();
