import { basename } from "node:path";
import { SingleBar } from "cli-progress";
import { openService } from "../answer/live.js";
import { questionShape } from "../answer/question.js";
import type { Answer, AnswerService } from "../answer/types.js";
import { normalizeText } from "../index/tokenize.js";
import { nextTurn } from "../stop-signals.js";
import type { StoreSettings } from "../store/open.js";
import { openStore } from "../store/open.js";
import { commandArgs } from "./args.js";
import type { ContextRow } from "./bench/synthetic.js";
import { readJsonl } from "./bench/synthetic.js";
import { fail, note, runCli, stderrEvents } from "./common.js";
import { baselineAnswer } from "./eval-baseline.js";
import { missingEvalFile } from "./eval-data.js";
import {
  type EvalRow,
  evaluate,
  type Metrics,
  metrics,
  type Outcome,
  renderReport,
  renderSplit,
  rightArticles,
  type SplitReport,
  splitReport,
} from "./eval-metrics.js";
import { articleKey, inIndexedHalf, type Pooled, pooledService } from "./eval-pool.js";
import { commandStoreSettings } from "./store.js";

const SPEC = {
  usage: `用法 (usage):
  npm run eval -- --questions FILE [--contexts FILE] [--index DIR] [--keep] [--limit N] [--no-split] [--json]`,
  help: `评测回答质量 (measures answer quality: R@1, exact match, declines; see docs/quality.md).
  --questions FILE  每行一个 {"question", "answers", …} (one question a line)
  --contexts FILE   把这些段落建成索引来回答 (answer from these paragraphs, pooled) instead of the index:
                    in a store of their own (a temporary folder, or with STORE=postgres a schema of
                    its own in the same database, named on stderr), dropped afterwards; yours is never touched
  --keep            保留该存储 (keep that store instead of dropping it)
  --index DIR       索引文件夹 (index folder, embedded store only; with --contexts reused when built from the same file)
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
    keep: { type: "boolean" },
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
  // --index: the embedded store's folder (refused in one line with STORE=postgres).
  const settings = commandStoreSettings({ index: values.index });
  let service: AnswerService;
  // The baseline beside the bot (plain BM25, best-overlap sentence), over the same pooled index.
  let baseline: ((question: string) => Promise<Answer>) | undefined;
  let finish: () => Promise<void>;
  if (values.contexts !== undefined) {
    const pooled = await pooledService(settings, values.contexts, {
      label: "eval",
      note,
      index: values.index,
      keepStore: values.keep ?? false,
    });
    if (!pooled.ok) fail(pooled.error);
    ({ service } = pooled.value);
    const { index } = pooled.value;
    baseline = (question) => baselineAnswer(index, question);
    finish = pooled.value.done;
  } else {
    const store = openStore(settings);
    const opened = await openService(store, { events: stderrEvents });
    if (!opened.ok) fail(opened.error.message);
    service = opened.value;
    finish = () => store.close();
  }

  const bar = process.stderr.isTTY
    ? new SingleBar({ format: "评测 eval [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true })
    : null;
  bar?.start(rows.length, 0);
  const outcomes: Outcome[] = [];
  for (const row of rows) {
    // An extractive answer settles without a turn of the event loop: without one here, a Ctrl-C
    // was handled only once every question had been asked (minutes on the news set).
    await nextTurn();
    const started = performance.now();
    const answer = await service.ask(row.question);
    const ms = performance.now() - started;
    outcomes.push({ row, answer, ms, type: questionShape(normalizeText(row.question)).type });
    bar?.increment();
  }
  bar?.stop();
  const report = evaluate(outcomes);
  let base: Metrics | undefined;
  if (baseline !== undefined) {
    const baseOutcomes: Outcome[] = [];
    for (const row of rows) {
      await nextTurn();
      const started = performance.now();
      const answer = await baseline(row.question);
      baseOutcomes.push({ row, answer, ms: performance.now() - started, type: "baseline" });
    }
    base = metrics(baseOutcomes);
  }
  await finish();
  const split =
    values.contexts !== undefined && values.split !== false
      ? await splitProtocol(settings, values.contexts, rows, values.keep ?? false)
      : undefined;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ ...report, ...(base === undefined ? {} : { baseline: base }), ...(split === undefined ? {} : { split }) })}\n`,
    );
    return;
  }
  const title = `${basename(values.questions)}${values.contexts ? ` against ${basename(values.contexts)} (pooled)` : ""}`;
  process.stdout.write(`${renderReport(report, title, base)}\n`);
  if (split !== undefined) process.stdout.write(`${renderSplit(split)}\n`);
}

/**
 * Asks every question again with only the articles of one half indexed (see {@link inIndexedHalf});
 * a question counts as not indexed only when none of its articles (reprints included) is.
 */
async function splitProtocol(
  settings: StoreSettings,
  contextsPath: string,
  rows: readonly EvalRow[],
  keepStore: boolean,
): Promise<SplitReport> {
  const keys = new Map(
    (await readJsonl<ContextRow>(contextsPath)).map((c) => [c.context_id, articleKey(c)] as const),
  );
  const split = await pooledService(settings, contextsPath, {
    label: "eval_split",
    note,
    keep: (c) => inIndexedHalf(articleKey(c)),
    keepStore,
  });
  if (!split.ok) fail(split.error);
  const pooled: Pooled = split.value;
  try {
    const asked: { row: EvalRow; answer: Answer; indexed: boolean }[] = [];
    for (const row of rows) {
      const known = [...rightArticles(row)].flatMap((id) => keys.get(id) ?? []);
      if (known.length === 0) continue;
      await nextTurn();
      asked.push({ row, answer: await pooled.service.ask(row.question), indexed: known.some(inIndexedHalf) });
    }
    return splitReport(asked);
  } finally {
    await pooled.done();
  }
}

await runCli(main);
