import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { ConfigError, configErrorLine, loadEnvFileIfPresent, loadStateConfig } from "../config.js";
import { buildReport, parseSince } from "../report/build.js";
import { formatReport } from "../report/text.js";
import { openSqliteStore } from "../state/sqlite.js";
import { commandArgs, refuse } from "./args.js";

/**
 * `npm run report -- [--since 7d] [--json] [--db FILE] [--png FILE]`: what people asked, what was
 * declined, the votes, from the bot's state store (STATE_DB), in the bot's words; `--png` also writes
 * the chart `/report` attaches. Reads only; a missing store is an error, not created.
 */

// Not ./common.js: it loads the answer and model modules (LangChain, OpenAI), which would triple
// this command's start-up for nothing.
function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function statePath(): string {
  try {
    loadEnvFileIfPresent(".env");
    return loadStateConfig().db;
  } catch (e) {
    if (e instanceof ConfigError) fail(configErrorLine(e));
    throw e;
  }
}

const SPEC = {
  usage:
    "用法 (usage): npm run --silent report -- [--since 7d] [--json] [--db data/state.sqlite] [--png FILE]",
  help: `机器人记录的提问、未回答的问题和 👍/👎 统计，与 /report 相同。
(What people asked, what went unanswered, the votes: the bot's /report, from its state store.)
  --since 7d    统计的起点：7d、24h、30m 或日期 2026-11-01 (span or past date; default 7d)
  --json        输出 JSON，键名为英文 (the report as JSON, English keys)
  --db FILE     状态库文件 (the state store; default STATE_DB, data/state.sqlite)
  --png FILE    同时把每日提问图表写入 FILE（不覆盖已有文件） (also write the chart; never overwrites)`,
  options: {
    since: { type: "string" },
    json: { type: "boolean" },
    db: { type: "string" },
    png: { type: "string" },
  },
} as const;

async function main(): Promise<void> {
  const { values } = commandArgs(SPEC);
  const now = Date.now();
  const since = parseSince(values.since ?? "7d", now);
  if (!since.ok) refuse(since.error, SPEC.usage);
  if (values.png !== undefined && existsSync(values.png))
    fail(`${values.png} 已存在，不会覆盖 (${values.png} exists: not overwritten; choose another name)`);
  const path = values.db ?? statePath();
  if (path === "off")
    fail(
      "STATE_DB=off：机器人没有记录，所以没有统计 (nothing is recorded, so there is no report; pass --db FILE to read one)",
    );
  if (!existsSync(path))
    fail(
      `${path} 没有状态库：机器人还没有在那里记录过 (no state store at ${path}: the bot has not recorded anything there yet; STATE_DB, --db)`,
    );
  const opened = openSqliteStore(path);
  if (!opened.ok) fail(`状态库不可用 (state store unavailable): ${opened.error}`);
  const store = opened.value;
  try {
    const report = buildReport(await store.readSince(since.value), { since: since.value, now });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    if (values.png !== undefined) {
      // Loaded only here: Vega and the font files are for the chart alone.
      const { chartPng } = await import("../report/chart.js");
      try {
        await writeFile(values.png, await chartPng(report), { flag: "wx" });
      } catch (e) {
        fail(`写不了 ${values.png} (cannot write ${values.png}): ${(e as NodeJS.ErrnoException).code ?? e}`);
      }
      process.stderr.write(`图表已写入 ${values.png} (chart written to ${values.png})\n`);
    }
  } finally {
    await store.close();
  }
}

await main();
