import { setTimeout as sleep } from "node:timers/promises";
import { SingleBar } from "cli-progress";
import { loadCorpus } from "../corpus/load.js";
import type { DecodedFile } from "../corpus/types.js";
import type { IndexEmbeddings } from "../index/build.js";
import { checkIndexTarget } from "../index/target.js";
import { updateIndex } from "../index/update.js";
import { commandArgs } from "./args.js";
import { baseConfig, createEmbeddings, fail, note, problemLine, runCli } from "./common.js";
import { fetchStepFor } from "./fetch.js";
import { ingestPostgres } from "./ingest-postgres.js";
import { storeConfig } from "./postgres.js";

const SPEC = {
  usage:
    "用法 (usage): npm run ingest -- [--input PATH]... [--feed URL]... [--url URL]... [--index DIR] [--full] [--watch]",
  help: `从语料建立或更新索引：只嵌入新增和改动的文章。
(Builds or updates the index from the corpus: only new and changed articles are embedded.)
  --input PATH  语料文件或文件夹，可重复 (a corpus file or folder, repeatable; default CORPUS_DIR)
                .txt 报纸版面或文章, .md 文章, .jsonl 每行一篇, .pdf 电子报版面, .png/.jpg 扫描版面
                (page or article, article, one a line, e-paper page, scanned page)
  --feed URL    先抓取订阅源列出的文章，可重复 (fetch the articles a feed lists first, repeatable; FEEDS too)
  --url URL     先抓取一个网页，可重复 (fetch one page first, repeatable)
  --index DIR   索引文件夹 (index folder; default INDEX_DIR, embeddings/)
  --full        全部重建 (rebuild everything)
  --watch       持续检查语料的变化 (look again every INGEST_INTERVAL seconds, 30 by default)`,
  options: {
    input: { type: "string", multiple: true },
    feed: { type: "string", multiple: true },
    url: { type: "string", multiple: true },
    index: { type: "string" },
    full: { type: "boolean" },
    watch: { type: "boolean" },
  },
} as const;

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
  for (const d of s.decoded ?? []) note(decodedLine(d));
  if (s.mode === "unchanged" && quietWhenUnchanged) return { ok: true, problems: problems.length > 0 };
  const seconds = (performance.now() - started) / 1000;
  const how =
    s.mode === "full"
      ? `全部重建 full rebuild${s.reason ? `: ${s.reason}` : ""}`
      : s.mode === "incremental"
        ? `增量 incremental: +${s.added} ~${s.changed} −${s.removed} 篇 articles, ${s.embedded} 个段落已嵌入 passages embedded`
        : "语料未变 corpus unchanged";
  const decoded = encodingsRead(s.decoded ?? []);
  process.stdout.write(
    `已索引 ${s.articles} 篇文章、${s.passages} 个段落，用时 ${seconds.toFixed(2)} 秒 → ${dir}` +
      ` (indexed ${s.articles} articles, ${s.passages} passages in ${seconds.toFixed(2)} s; ${how}${decoded})\n`,
  );
  return { ok: true, problems: problems.length > 0 };
}

/** A file read in another encoding than UTF-8, as `ingest` names it. */
function decodedLine(d: DecodedFile): string {
  return `${d.path}: 按 ${d.encoding} 编码读取 (read as ${d.encoding}, not UTF-8)`;
}

/** The summary's note of files read in other encodings: `; 2 files read as GBK/GB18030`, or nothing. */
function encodingsRead(decoded: readonly DecodedFile[]): string {
  const counts = new Map<string, number>();
  for (const d of decoded) counts.set(d.encoding, (counts.get(d.encoding) ?? 0) + 1);
  return [...counts].map(([encoding, n]) => `; ${n} file${n > 1 ? "s" : ""} read as ${encoding}`).join("");
}

async function main(): Promise<void> {
  const { values } = commandArgs(SPEC);
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
      for (const d of corpus.decoded ?? []) note(decodedLine(d));
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
