import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openAnswerService } from "../answer/open.js";
import type { AnswerService } from "../answer/types.js";
import {
  answerModel,
  baseConfig,
  createEmbeddings,
  fail,
  runCli,
  stderrAnswerLogger,
  stderrEvents,
} from "./common.js";
import { answerJson, batchQuestion, formatAnswer } from "./format.js";

const USAGE = `用法 (usage):
  npm run --silent ask -- [--index DIR] [--json] "问题"
  npm run --silent ask -- [--index DIR] --batch FILE`;

async function runBatch(service: AnswerService, file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    fail(`读不到问题文件 ${file} (cannot read ${file}): ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const answer = await service.ask(batchQuestion(line));
    process.stdout.write(`${JSON.stringify(answerJson(answer))}\n`);
  }
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      allowPositionals: true,
      options: {
        index: { type: "string" },
        json: { type: "boolean" },
        batch: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  try {
    args = parse();
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const question = args.positionals.join(" ");
  if (args.values.batch === undefined && question.trim() === "")
    fail(`请给出一个问题 (no question given)\n${USAGE}`, 2);

  const config = baseConfig();
  const indexDir = args.values.index ?? config.indexDir;
  const opened = await openAnswerService({
    indexDir,
    corpusPaths: [config.corpusDir],
    embeddings: createEmbeddings(indexDir),
    events: stderrEvents,
    ...answerModel(stderrAnswerLogger),
  });
  if (!opened.ok) fail(opened.error.message);
  const service = opened.value;

  if (args.values.batch !== undefined) return runBatch(service, args.values.batch);
  const answer = await service.ask(question);
  process.stdout.write(`${args.values.json ? JSON.stringify(answerJson(answer), null, 2) : formatAnswer(answer)}\n`);
}

await runCli(main);
