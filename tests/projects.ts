/**
 * How the suite splits by speed. `npm test` runs every project; `npm run test:unit` runs `unit`
 * alone, for the edit-run loop: no processes, no servers, no large generated or benchmark sets.
 * tests/split.test.ts checks that no unit test file starts a process or a server.
 */

/**
 * Tests that start processes or servers: the bot, the CLI, the Discord emulator, an OpenAI-compatible
 * server, bench probes, PGlite behind a PostgreSQL socket.
 */
export const PROCESS_TESTS = [
  "tests/e2e/**/*.test.ts",
  "tests/cli/cli.test.ts",
  "tests/cli/index-target.test.ts",
  "tests/cli/ingest-update.test.ts",
  "tests/cli/report.test.ts",
  "tests/cli/refusals.test.ts",
  "tests/state/state.test.ts",
  "tests/state/shards.test.ts",
  "tests/cli/env-file.test.ts",
  "tests/cli/llm-ask.test.ts",
  "tests/cli/invite.test.ts",
  "tests/cli/bench.test.ts",
  "tests/cli/bench-stop.test.ts",
  "tests/commands/commands.test.ts",
  "tests/answer/llm-answer.test.ts",
  "tests/answer/llm-kinds.test.ts",
  "tests/index/openai-embeddings.test.ts",
  "tests/index/ingest-kill.test.ts",
  "tests/cli/postgres-cli.test.ts",
  "tests/discord/shards.test.ts",
  "tests/index/postgres.test.ts",
  "tests/index/postgres-cmrc.test.ts",
  "tests/corpus/feeds/http.test.ts",
  "tests/corpus/feeds/sources.test.ts",
  "tests/corpus/ocr.test.ts",
  "tests/cli/feeds-cli.test.ts",
];

/**
 * In-process but heavy (600 benchmark questions, 10,000 generated hostile questions), or unfit to share
 * a worker's module cache: the chart test loads vega, which leaves globals behind that break
 * discord.js's import in the next file of the same worker (the unit project does not isolate files).
 */
export const HEAVY_TESTS = [
  "tests/answer/quality.test.ts",
  "tests/discord/fuzz.test.ts",
  "tests/report/chart.test.ts",
];

/** Network tests, kept out of every default run. */
export const NETWORK_TESTS = ["tests/**/*.int.test.ts"];
