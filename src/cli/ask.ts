import { readFile } from "node:fs/promises";
import { openService } from "../answer/live.js";
import { validateQuestion } from "../answer/question.js";
import { commandArgs, refuse } from "./args.js";
import { answerModel, fail, note, runCli, stderrAnswerLogger, stderrEvents } from "./common.js";
import { answerJson, batchLines, formatAnswer, questionRefusal } from "./format.js";
import { commandStore } from "./store.js";

const SPEC = {
  usage: `用法 (usage):
  npm run --silent ask -- [--index DIR] [--json] "问题"
  npm run --silent ask -- [--index DIR] --batch FILE`,
  help: `回答关于新闻的问题，注明出处；还没有索引时先从语料建立。
(Answers a question from the indexed news, citing its passages; builds the index first if missing.)
  --json        输出回答对象 (print the answer object of the CLI contract)
  --batch FILE  每行一个问题（文本，或带 "question" 的 JSON 对象）；每行输出一个 JSON 回答
                (one question a line, text or {"question": …}; one JSON answer a line)
  --index DIR   索引文件夹 (index folder; default INDEX_DIR, embeddings/; not with STORE=postgres)`,
  options: {
    index: { type: "string" },
    json: { type: "boolean" },
    batch: { type: "string" },
  },
  positionals: true,
} as const;

/** The questions of a batch file, or exit with why it cannot be read; bad lines are named on stderr. */
async function readBatch(file: string): Promise<{ questions: string[]; problems: boolean }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    fail(`读不到问题文件 ${file} (cannot read ${file}): ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const questions: string[] = [];
  let problems = false;
  for (const line of batchLines(text)) {
    if (line.ok) questions.push(line.value.question);
    else {
      problems = true;
      note(`${file}:${line.error.line}: ${line.error.message}（已跳过 skipped）`);
    }
  }
  if (questions.length === 0 && !problems) fail(`问题文件里没有问题 (no questions in ${file})`);
  return { questions, problems };
}

async function main(): Promise<void> {
  const args = commandArgs(SPEC);
  const question = args.positionals.join(" ");
  // Refused before the index is opened; a refused question is not printed back.
  let batch: Awaited<ReturnType<typeof readBatch>> | undefined;
  if (args.values.batch !== undefined) {
    if (args.positionals.length > 0)
      refuse("--batch 与问题不能同时给出 (--batch takes no question besides the file)", SPEC.usage);
    batch = await readBatch(args.values.batch);
  } else {
    const checked = validateQuestion(question);
    if (!checked.ok) refuse(questionRefusal(checked.error), SPEC.usage);
  }

  // The index STORE names: the folder (built first when missing or stale), or PostgreSQL's current generation.
  const store = commandStore({ index: args.values.index });
  try {
    const opened = await openService(store, { events: stderrEvents, ...answerModel(stderrAnswerLogger) });
    if (!opened.ok) fail(opened.error.message);
    const service = opened.value;

    if (batch !== undefined) {
      for (const q of batch.questions)
        process.stdout.write(`${JSON.stringify(answerJson(await service.ask(q)))}\n`);
      if (batch.problems) process.exitCode = 1;
      return;
    }
    const answer = await service.ask(question);
    process.stdout.write(
      `${args.values.json ? JSON.stringify(answerJson(answer), null, 2) : formatAnswer(answer)}\n`,
    );
  } finally {
    await store.close();
  }
}

await runCli(main);
