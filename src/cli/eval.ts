import { basename } from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import type { Pool } from "pg";
import { openAnswerService } from "../answer/open.js";
import { questionShape } from "../answer/question.js";
import type { AnswerService } from "../answer/types.js";
import { normalizeText } from "../index/tokenize.js";
import { readJsonl } from "./bench/synthetic.js";
import { baseConfig, createEmbeddings, fail, note, stderrEvents } from "./common.js";
import { type EvalRow, evaluate, type Outcome, renderReport } from "./eval-metrics.js";
import { contextsPostgresService, contextsService } from "./eval-pool.js";
import { createPgPool, currentPostgresService, storeConfig } from "./postgres.js";

const USAGE = `用法 (usage):
  npm run eval -- --questions FILE [--contexts FILE] [--index DIR] [--limit N] [--json]`;

async function main(): Promise<void> {
  let values: { questions?: string; contexts?: string; index?: string; limit?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        questions: { type: "string" },
        contexts: { type: "string" },
        index: { type: "string" },
        limit: { type: "string" },
        json: { type: "boolean" },
      },
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  if (values.questions === undefined)
    fail(`请用 --questions 指定问题文件 (--questions is required)\n${USAGE}`, 2);
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
  if (!(limit > 0)) fail(`--limit 需要正整数 (--limit takes a positive number)\n${USAGE}`, 2);

  let rows: EvalRow[];
  try {
    rows = (await readJsonl<EvalRow>(values.questions)).slice(0, limit);
  } catch (e) {
    fail(`读不到问题文件 ${values.questions} (cannot read it): ${(e as Error).message}`);
  }
  let service: AnswerService;
  const store = storeConfig();
  let pool: Pool | undefined;
  if (store.kind === "postgres") {
    // The pool (or the page) ingested as a new generation and answered from the database.
    pool = createPgPool(store.databaseUrl);
    service =
      values.contexts !== undefined
        ? await contextsPostgresService(values.contexts, pool, createEmbeddings(), note, store.efSearch)
        : await currentPostgresService(pool, createEmbeddings(), store.efSearch);
  } else if (values.contexts !== undefined) {
    service = await contextsService(values.contexts, values.index, createEmbeddings(), note);
  } else {
    const config = baseConfig();
    const opened = await openAnswerService({
      indexDir: values.index ?? config.indexDir,
      corpusPaths: [config.corpusDir],
      embeddings: createEmbeddings(),
      events: stderrEvents,
    });
    if (!opened.ok) fail(opened.error.message);
    service = opened.value;
  }

  const bar = process.stderr.isTTY
    ? new SingleBar({ format: "评测 eval [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true })
    : null;
  bar?.start(rows.length, 0);
  const outcomes: Outcome[] = [];
  for (const row of rows) {
    const started = performance.now();
    const answer = await service.ask(row.question);
    const ms = performance.now() - started;
    outcomes.push({ row, answer, ms, type: questionShape(normalizeText(row.question)).type });
    bar?.increment();
  }
  bar?.stop();
  await pool?.end();
  const report = evaluate(outcomes);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const title = `${basename(values.questions)}${values.contexts ? ` against ${basename(values.contexts)} (pooled)` : ""}`;
  process.stdout.write(`${renderReport(report, title)}\n`);
}

await main();
