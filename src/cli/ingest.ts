import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { loadCorpus } from "../corpus/load.js";
import type { IndexEmbeddings } from "../index/build.js";
import { checkIndexTarget } from "../index/target.js";
import { updateIndex } from "../index/update.js";
import { baseConfig, createEmbeddings, fail, note, problemLine, runCli } from "./common.js";
import { fetchStepFor } from "./fetch.js";
import { ingestPostgres } from "./ingest-postgres.js";
import { storeConfig } from "./postgres.js";

const USAGE =
  "用法 (usage): npm run ingest -- [--input PATH]... [--feed URL]... [--url URL]... [--index DIR] [--full] [--watch]";

/** How often `--watch` looks at the corpus when `INGEST_INTERVAL` is not set, in seconds. */
const WATCH_SECONDS = 30;

/** One update of the index; returns false when nothing could be indexed. */
async function ingestOnce(
  inputs: string[],
  dir: string,
  embeddings: IndexEmbeddings,
  full: boolean,
  quietWhenUnchanged: boolean,
): Promise<{ ok: boolean; problems: boolean }> {
  const started = performance.now();
  // Refuse a folder that is not ours (or cannot be written) before reading a whole corpus.
  const target = await checkIndexTarget(dir);
  if (!target.ok) fail(target.error.message);
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: "嵌入 embedding [{bar}] {value}/{total} 段落 passages",
        stream: process.stderr,
        hideCursor: true,
      })
    : null;
  let barStarted = false;
  const result = await updateIndex({
    dir,
    inputs,
    embeddings,
    full,
    onProgress: (done, total) => {
      if (bar === null) return;
      if (!barStarted) {
        bar.start(total, done);
        barStarted = true;
      } else bar.update(done);
    },
  });
  bar?.stop();
  const problems = result.ok ? result.value.problems : result.error.problems;
  const s = result.ok ? result.value : undefined;
  if (!quietWhenUnchanged || s?.mode !== "unchanged") for (const p of problems) note(problemLine(p));
  if (!result.ok || !s) {
    note(result.ok ? "" : result.error.message);
    return { ok: false, problems: true };
  }
  if (s.mode === "unchanged" && quietWhenUnchanged) return { ok: true, problems: problems.length > 0 };
  const seconds = (performance.now() - started) / 1000;
  const how =
    s.mode === "full"
      ? `全部重建 full rebuild${s.reason ? `: ${s.reason}` : ""}`
      : s.mode === "incremental"
        ? `增量 incremental: +${s.added} ~${s.changed} −${s.removed} 篇 articles, ${s.embedded} 个段落已嵌入 passages embedded`
        : "语料未变 corpus unchanged";
  process.stdout.write(
    `已索引 ${s.articles} 篇文章、${s.passages} 个段落，用时 ${seconds.toFixed(2)} 秒 → ${dir}` +
      ` (indexed ${s.articles} articles, ${s.passages} passages in ${seconds.toFixed(2)} s; ${how})\n`,
  );
  return { ok: true, problems: problems.length > 0 };
}

async function main(): Promise<void> {
  let values: {
    input?: string[];
    feed?: string[];
    url?: string[];
    index?: string;
    full?: boolean;
    watch?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: "string", multiple: true },
        feed: { type: "string", multiple: true },
        url: { type: "string", multiple: true },
        index: { type: "string" },
        full: { type: "boolean" },
        watch: { type: "boolean" },
      },
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const config = baseConfig();
  const store = storeConfig();
  const inputs = values.input && values.input.length > 0 ? values.input : [config.corpusDir];
  const dir = values.index ?? config.indexDir;
  const embeddings = createEmbeddings(dir);
  // Feeds and pages are fetched into the corpus first; then they are ingested like any other file.
  const fetchStep = await fetchStepFor(values, config.feeds, inputs);
  const fetchFailed = (await fetchStep?.(false)) ?? false;
  if (fetchFailed) process.exitCode = 1;
  if (store.kind === "postgres") {
    const once = async (full: boolean, watching: boolean) => {
      if (watching) await fetchStep?.(true);
      const started = performance.now();
      const corpus = await loadCorpus(inputs);
      if (!watching) for (const p of corpus.problems) note(problemLine(p));
      if (corpus.articles.length === 0) {
        const line = `没有读到任何文章 (no articles in ${inputs.join(", ")})，数据库未改动 (database unchanged)`;
        if (!watching) fail(line);
        note(line);
        return { ok: false, problems: true };
      }
      return ingestPostgres(store, corpus, inputs, embeddings, started, { full, watching });
    };
    const first = await once(values.full ?? false, false);
    if (!values.watch) {
      if (first.problems) process.exitCode = 1;
      return;
    }
    await watchLoop(inputs, config.ingestIntervalSeconds, () => once(false, true));
    return;
  }
  const first = await ingestOnce(inputs, dir, embeddings, values.full ?? false, false);
  if (!values.watch) {
    if (!first.ok) process.exit(1);
    if (first.problems) process.exitCode = 1;
    return;
  }
  await watchLoop(inputs, config.ingestIntervalSeconds, async () => {
    await fetchStep?.(true);
    return ingestOnce(inputs, dir, embeddings, false, true);
  });
}

/**
 * --watch: look again every interval until stopped (Ctrl-C, SIGTERM: see runCli). An update cut
 * short leaves the previous version of the index, as a killed ingest does.
 */
async function watchLoop(
  inputs: string[],
  intervalSeconds: number,
  round: () => Promise<unknown>,
): Promise<never> {
  const seconds = intervalSeconds > 0 ? intervalSeconds : WATCH_SECONDS;
  note(`每 ${seconds} 秒检查语料 (watching ${inputs.join(", ")} every ${seconds} s; Ctrl-C to stop)`);
  for (;;) {
    await sleep(seconds * 1000);
    await round();
  }
}

await runCli(main);
