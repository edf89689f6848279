import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openService } from "../answer/live.js";
import type { AnswerService } from "../answer/types.js";
import { answerModel, fail, runCli, stderrAnswerLogger, stderrEvents } from "./common.js";
import { batchQuestion, formatAnswer } from "./format.js";
import { commandStore } from "./store.js";

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
    process.stdout.write(`${JSON.stringify(answer)}\n`);
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

  // The index STORE names: the folder (built first when missing or stale), or PostgreSQL's current generation.
  const store = commandStore({ index: args.values.index });
  try {
    const opened = await openService(store, { events: stderrEvents, ...answerModel(stderrAnswerLogger) });
    if (!opened.ok) fail(opened.error.message);
    const service = opened.value;

    if (args.values.batch !== undefined) return await runBatch(service, args.values.batch);
    const answer = await service.ask(question);
    process.stdout.write(`${args.values.json ? JSON.stringify(answer, null, 2) : formatAnswer(answer)}\n`);
  } finally {
    await store.close();
  }
}

await runCli(main);
