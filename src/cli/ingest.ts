import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { loadCorpus } from "../corpus/load.js";
import { buildIndex } from "../index/build.js";
import { baseConfig, createEmbeddings, fail, note } from "./common.js";
import { ingestPostgres } from "./ingest-postgres.js";
import { storeConfig } from "./postgres.js";

const USAGE = "用法 (usage): npm run ingest -- [--input PATH]... [--index DIR]";

async function main(): Promise<void> {
  let values: { input?: string[]; index?: string };
  try {
    ({ values } = parseArgs({
      options: { input: { type: "string", multiple: true }, index: { type: "string" } },
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const config = baseConfig();
  const store = storeConfig();
  const inputs = values.input && values.input.length > 0 ? values.input : [config.corpusDir];
  const dir = values.index ?? config.indexDir;
  const started = performance.now();

  const corpus = await loadCorpus(inputs);
  for (const p of corpus.problems)
    note(`${p.path}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message}（已跳过 skipped）`);
  if (corpus.articles.length === 0)
    fail(`没有读到任何文章 (no articles in ${inputs.join(", ")})，索引未改动 (index unchanged)`);

  if (store.kind === "postgres") {
    await ingestPostgres(store, corpus, inputs, createEmbeddings(dir), started);
    return;
  }

  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: "嵌入 embedding [{bar}] {value}/{total} 段落 passages",
        stream: process.stderr,
        hideCursor: true,
      })
    : null;
  let barStarted = false;
  const summary = await buildIndex({
    corpus,
    embeddings: createEmbeddings(dir),
    dir,
    inputs,
    onProgress: (done, total) => {
      if (bar === null) return;
      if (!barStarted) {
        bar.start(total, done);
        barStarted = true;
      } else bar.update(done);
    },
  });
  bar?.stop();
  for (const id of summary.duplicateArticleIds)
    note(`重复的文章 id ${id}（后出现的已跳过 later one skipped）`);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `已索引 ${summary.articles} 篇文章、${summary.passages} 个段落，用时 ${seconds.toFixed(2)} 秒 → ${dir}` +
      ` (indexed ${summary.articles} articles, ${summary.passages} passages in ${seconds.toFixed(2)} s)\n`,
  );
  if (corpus.problems.length > 0 || summary.duplicateArticleIds.length > 0) process.exitCode = 1;
}

await main();
