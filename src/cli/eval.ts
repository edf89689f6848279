import { basename } from "node:path";
import { SingleBar } from "cli-progress";
import type { Pool } from "pg";
import { openAnswerService } from "../answer/open.js";
import { questionShape } from "../answer/question.js";
import type { AnswerService } from "../answer/types.js";
import { normalizeText } from "../index/tokenize.js";
import { commandArgs } from "./args.js";
import type { ContextRow } from "./bench/synthetic.js";
import { readJsonl } from "./bench/synthetic.js";
import { baseConfig, createEmbeddings, fail, note, runCli, stderrEvents } from "./common.js";
import { missingEvalFile } from "./eval-data.js";
import {
  type EvalRow,
  evaluate,
  type Outcome,
  renderReport,
  renderSplit,
  type SplitReport,
  splitReport,
} from "./eval-metrics.js";
import { contextsPostgresService, contextsService, inIndexedHalf } from "./eval-pool.js";
import { createPgPool, currentPostgresService, storeConfig } from "./postgres.js";

const SPEC = {
  usage: `用法 (usage):
  npm run eval -- --questions FILE [--contexts FILE] [--index DIR] [--limit N] [--no-split] [--json]`,
  help: `评测回答质量 (measures answer quality: R@1, exact match, declines; see docs/quality.md).
  --questions FILE  每行一个 {"question", "answers", …} (one question a line)
  --contexts FILE   把这些段落建成索引来回答 (answer from these paragraphs, pooled) instead of the index
  --limit N         只问前 N 个 (ask the first N only)
  --no-split        不跑分半协议 (skip the split-article protocol)
  --json            输出 JSON (print the report as JSON)
With --contexts, the split-article protocol runs too (unless --no-split): half of the articles
(paragraphs grouped by title) indexed, the questions of both halves asked, the two decline rates printed.`,
  options: {
    questions: { type: "string" },
    contexts: { type: "string" },
    index: { type: "string" },
    limit: { type: "string" },
    json: { type: "boolean" },
    split: { type: "boolean", default: true },
  },
  negatable: true,
} as const;
const USAGE = SPEC.usage;

async function main(): Promise<void> {
  const { values } = commandArgs(SPEC);
  if (values.questions === undefined)
    fail(`请用 --questions 指定问题文件 (--questions is required)\n${USAGE}`, 2);
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
  if (!(limit > 0)) fail(`--limit 需要正整数 (--limit takes a positive number)\n${USAGE}`, 2);

  for (const path of [values.questions, values.contexts]) {
    const missing = path === undefined ? null : missingEvalFile(path);
    if (missing !== null) fail(missing);
  }
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
  const split =
    values.contexts !== undefined && values.split !== false
      ? await splitProtocol(values.contexts, rows)
      : undefined;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(split === undefined ? report : { ...report, split })}\n`);
    return;
  }
  const title = `${basename(values.questions)}${values.contexts ? ` against ${basename(values.contexts)} (pooled)` : ""}`;
  process.stdout.write(`${renderReport(report, title)}\n`);
  if (split !== undefined) process.stdout.write(`${renderSplit(split)}\n`);
}

/** Asks every question again with only the articles of one half indexed (see {@link inIndexedHalf}). */
async function splitProtocol(contextsPath: string, rows: readonly EvalRow[]): Promise<SplitReport> {
  const titles = new Map(
    (await readJsonl<ContextRow>(contextsPath)).map((c) => [c.context_id, c.title] as const),
  );
  const service = await contextsService(contextsPath, undefined, createEmbeddings(), note, (c) =>
    inIndexedHalf(c.title),
  );
  const asked: { answer: Awaited<ReturnType<AnswerService["ask"]>>; indexed: boolean }[] = [];
  for (const row of rows) {
    const title = row.context_id === undefined ? undefined : titles.get(row.context_id);
    if (title === undefined) continue;
    asked.push({ answer: await service.ask(row.question), indexed: inIndexedHalf(title) });
  }
  return splitReport(asked);
}

await runCli(main);
