import { setTimeout as sleep } from "node:timers/promises";
import { SingleBar } from "cli-progress";
import type { DecodedFile } from "../corpus/types.js";
import type { IngestSummary, Store } from "../store/types.js";
import { commandArgs } from "./args.js";
import { baseConfig, fail, note, problemLine, runCli } from "./common.js";
import { fetchStepFor } from "./fetch.js";
import { commandStore } from "./store.js";

const SPEC = {
  usage:
    "用法 (usage): npm run ingest -- [--input PATH]... [--feed URL]... [--url URL]... [--index DIR] [--full] [--watch]",
  help: `从语料建立或更新索引：只嵌入新增和改动的文章。
(Builds or updates the index from the corpus: only new and changed articles are embedded.)
  --input PATH  语料文件或文件夹，可重复；不给时沿用上次的 (a corpus file or folder, repeatable;
                default: what the index was built from, else CORPUS_DIR)
                .txt 报纸版面或文章, .md 文章, .jsonl 每行一篇, .pdf 电子报版面, .png/.jpg 扫描版面
                (page or article, article, one a line, e-paper page, scanned page)
  --feed URL    先抓取订阅源列出的文章，可重复 (fetch the articles a feed lists first, repeatable; FEEDS too)
  --url URL     先抓取一个网页，可重复 (fetch one page first, repeatable)
  --index DIR   索引文件夹 (index folder; default INDEX_DIR, embeddings/; not with STORE=postgres)
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

/** Progress for people: a bar on a terminal; for a scheduled job's log, a line per tenth (PostgreSQL). */
function progress(store: Store): { onProgress: (done: number, total: number) => void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: "嵌入 embedding [{bar}] {value}/{total} 段落 passages",
      stream: process.stderr,
      hideCursor: true,
    });
    let started = false;
    return {
      onProgress(done, total) {
        if (!started) bar.start(total, done);
        else bar.update(done);
        started = true;
      },
      stop: () => bar.stop(),
    };
  }
  let shown = 0;
  return {
    onProgress(done, total) {
      if (store.kind !== "postgres") return;
      if (total > 0 && (done === total || done - shown >= total / 10)) {
        shown = done;
        note(`写入 loading ${done}/${total} 段落 passages`);
      }
    },
    stop: () => {},
  };
}

/** The one-line summary of an ingest that wrote something (or found nothing to write). */
function summaryLine(s: IngestSummary, seconds: number): string {
  const took = `${seconds.toFixed(2)} 秒`;
  if (s.kind === "postgres") {
    if (s.mode === "unchanged")
      return `语料未变 (corpus unchanged): PostgreSQL 第 ${s.generation} 代仍在使用 (generation ${s.generation} stays current)`;
    const perSecond = Math.round(s.passages / (s.loadMs / 1000 || 1));
    return (
      `已索引 ${s.articles} 篇文章、${s.passages} 个段落，用时 ${took} → PostgreSQL 第 ${s.generation} 代` +
      ` (indexed ${s.articles} articles, ${s.passages} passages in ${seconds.toFixed(2)} s: rows ${(s.loadMs / 1000).toFixed(1)} s = ${perSecond}/s,` +
      ` HNSW index ${(s.indexMs / 1000).toFixed(1)} s; ${s.embedded} embedded, ${s.passages - s.embedded} copied unchanged;` +
      ` generation ${s.generation} is current${s.dropped.length > 0 ? `, removed ${s.dropped.join(", ")}` : ""}${encodingsRead(s.decoded)})`
    );
  }
  const how =
    s.mode === "full"
      ? `全部重建 full rebuild${s.reason ? `: ${s.reason}` : ""}`
      : s.mode === "incremental"
        ? `增量 incremental: +${s.added} ~${s.changed} −${s.removed} 篇 articles, ${s.embedded} 个段落已嵌入 passages embedded`
        : "语料未变 corpus unchanged";
  return (
    `已索引 ${s.articles} 篇文章、${s.passages} 个段落，用时 ${took} → ${s.dir}` +
    ` (indexed ${s.articles} articles, ${s.passages} passages in ${seconds.toFixed(2)} s; ${how}${encodingsRead(s.decoded)})`
  );
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

/**
 * One ingest into the store; false when nothing could be written (the index in use unchanged).
 * `watching`: a later round of `--watch`, quiet when the corpus is unchanged and never exiting.
 */
async function ingestOnce(
  store: Store,
  inputs: string[] | undefined,
  full: boolean,
  watching: boolean,
): Promise<{ ok: boolean; problems: boolean; inputs?: string[] }> {
  const started = performance.now();
  const shown = progress(store);
  const result = await store.ingest(inputs === undefined ? {} : { inputs }, {
    full,
    onProgress: shown.onProgress,
  });
  shown.stop();
  if (!result.ok) {
    if (!watching) for (const p of result.error.problems) note(problemLine(p));
    const line =
      store.kind === "postgres" && result.error.code !== "no-articles"
        ? `${result.error.message}；正在使用的索引未改动 (the index in use is unchanged)`
        : result.error.message;
    if (!watching) fail(line);
    note(line);
    return { ok: false, problems: true };
  }
  const s = result.value;
  const quiet = watching && s.mode === "unchanged";
  if (!quiet) for (const p of s.problems) note(problemLine(p));
  if (!quiet) for (const d of s.decoded) note(decodedLine(d));
  if (s.droppedInputs.length > 0)
    note(
      `不再索引 ${s.droppedInputs.join("、")}：其文章已移出索引，要保留请一并用 --input 列出 (no longer indexed: ${s.droppedInputs.join(", ")}; pass it with --input to keep it)`,
    );
  if (!quiet) process.stdout.write(`${summaryLine(s, (performance.now() - started) / 1000)}\n`);
  return { ok: true, problems: s.problems.length > 0, inputs: s.inputs };
}

async function main(): Promise<void> {
  const { values } = commandArgs(SPEC);
  const config = baseConfig();
  // Two connections: the ingest's lock, and its statements.
  const store = commandStore({ index: values.index, poolSize: 2 });
  try {
    // Feeds and pages are fetched into the corpus first (feeds/ of the first folder this ingest
    // reads: the first --input, else the first the index was built from, else CORPUS_DIR); then
    // they are ingested like any other file.
    const fetchStep = await fetchStepFor(values, config.feeds, values.input ?? (await store.inputs()));
    if ((await fetchStep?.(false)) ?? false) process.exitCode = 1;
    // Without --input: what the store's index was built from (CORPUS_DIR the first time).
    const first = await ingestOnce(store, values.input, values.full ?? false, false);
    if (!values.watch) {
      if (first.problems) process.exitCode = 1;
      return;
    }
    const inputs = first.inputs;
    await watchLoop(inputs ?? [], config.ingestIntervalSeconds, async () => {
      await fetchStep?.(true);
      return ingestOnce(store, inputs, false, true);
    });
  } finally {
    await store.close();
  }
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
