import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError, loadEnvFileIfPresent, loadStateConfig } from "../config.js";
import { buildReport, parseSince } from "../report/build.js";
import { formatReport } from "../report/text.js";
import { openSqliteStore } from "../state/sqlite.js";

/**
 * `npm run report -- [--since 7d] [--json] [--db FILE]`: what people asked, what was declined, the
 * votes, from the bot's state store (STATE_DB). Reads only; a missing store is an error, not created.
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
    if (e instanceof ConfigError) fail(`配置错误 (configuration error): ${e.message}`);
    throw e;
  }
}

const USAGE = "用法 (usage): npm run --silent report -- [--since 7d] [--json] [--db data/state.sqlite]";

function main(): Promise<void> | undefined {
  let values: { since?: string; json?: boolean; db?: string };
  try {
    ({ values } = parseArgs({
      options: { since: { type: "string" }, json: { type: "boolean" }, db: { type: "string" } },
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const now = Date.now();
  const since = parseSince(values.since ?? "7d", now);
  if (!since.ok) fail(`${since.error}\n${USAGE}`, 2);
  const path = values.db ?? statePath();
  if (path === "off")
    fail("STATE_DB=off: nothing is recorded, so there is no report (pass --db FILE to read one)");
  if (!existsSync(path))
    fail(`no state store at ${path}: the bot has not recorded anything there yet (STATE_DB, --db)`);
  const opened = openSqliteStore(path);
  if (!opened.ok) fail(`state store unavailable: ${opened.error}`);
  const store = opened.value;
  return store
    .readSince(since.value)
    .then((rows) => {
      const report = buildReport(rows, { since: since.value, now });
      process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    })
    .finally(() => store.close());
}

await main();
