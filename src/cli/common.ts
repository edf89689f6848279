import type { AnswerLogger } from "../answer/llm/types.js";
import { answerModel as answerModelFor, createEmbeddings as embeddingsFor } from "../answer/models.js";
import type { AnswerServiceOptions } from "../answer/service.js";
import {
  type BaseConfig,
  ConfigError,
  configErrorLine,
  loadBaseConfig,
  loadEnvFileIfPresent,
  loadModelConfig,
  type ModelConfig,
} from "../config.js";
import type { CorpusProblem } from "../corpus/types.js";
import type { IndexEmbeddings } from "../index/build.js";
import type { EnsureEvents } from "../index/ensure.js";
import { IndexFailure } from "../index/manifest.js";
import { removeTempDirs } from "../index/target.js";
import { haltWork, onStopSignals } from "../stop-signals.js";

/** Prints a line for people on stderr, keeping stdout for answers and JSON. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The exit code of a stop signal being handled (see {@link runCli}), or null. */
let stoppingWith: number | null = null;

/**
 * Ends the process with a message and no stack trace — or, once a stop signal is being handled, quietly
 * with its code: the work goes on while the handler removes temporary folders, and failed on them
 * (`eval` stopped by Ctrl-C printed `…中没有索引` about its own pool and exited 1).
 */
export function fail(message: string, code = 1): never {
  if (stoppingWith !== null) process.exit(stoppingWith);
  note(message);
  process.exit(code);
}

/**
 * Runs a configuration reader, or exits with the one-line reason. The first read loads `.env` from the
 * current folder when it exists (as `npm start` does), so LLM keys kept there work for `npm run ask`;
 * variables already set in the environment win.
 */
let envFileLoaded = false;
export function orExit<T>(read: () => T): T {
  try {
    if (!envFileLoaded) {
      envFileLoaded = true;
      loadEnvFileIfPresent(".env");
    }
    return read();
  } catch (e) {
    if (e instanceof ConfigError) fail(configErrorLine(e));
    throw e;
  }
}

/** Reads the shared configuration, or exits with the one-line reason. */
export function baseConfig(): BaseConfig {
  return orExit(() => loadBaseConfig());
}

/** Reads the model settings (LLM_*, EMBEDDINGS*), or exits with the one-line reason. */
export function modelConfig(): ModelConfig {
  return orExit(() => loadModelConfig());
}

/** The configured embeddings (see answer/models.ts), caching remote vectors beside `indexDir` (default: INDEX_DIR). */
export function createEmbeddings(indexDir?: string): IndexEmbeddings {
  return embeddingsFor(modelConfig().embeddings, indexDir ?? baseConfig().indexDir);
}

/** The configured chat model, if any (see answer/models.ts); spread into `openAnswerService`'s options. */
export function answerModel(logger?: AnswerLogger): AnswerServiceOptions {
  return answerModelFor(modelConfig().llm, logger);
}

/** Tells a person on stderr why a model answer was replaced by the extractive one. */
export const stderrAnswerLogger: AnswerLogger = {
  info: () => {},
  warn: (obj, msg) => note(`${msg} ${JSON.stringify(obj)}`),
};

/** A skipped corpus file or line as `ingest` and `ask` print it: `path[:line]: why（已跳过 skipped）`. */
export function problemLine(p: CorpusProblem): string {
  return `${p.path}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message}（已跳过 skipped）`;
}

/**
 * Runs a command-line entry point: an index that cannot be written where asked is one line and exit
 * 1, never a stack trace; on Ctrl-C or SIGTERM the temporary build directory beside the index is
 * removed before exiting (the previous index stays as it was); a second signal after the first second
 * exits at once; a closed stdout pipe (`| head`) ends the command quietly.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };
  // npm passes a Ctrl-C on while the terminal delivers it too: the copies are one stop (stop-signals.ts).
  onStopSignals({
    stop: (signal) => {
      stoppingWith = codes[signal] ?? 1;
      void haltWork()
        .then(removeTempDirs)
        .finally(() => process.exit(codes[signal] ?? 1));
    },
    force: (signal) => process.exit(codes[signal] ?? 1),
  });
  // `zones | head`: a reader that closed the pipe has all it wanted; the rest is dropped, not a crash.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  try {
    await main();
  } catch (e) {
    if (e instanceof IndexFailure || stoppingWith !== null) fail(e instanceof Error ? e.message : String(e));
    throw e;
  }
}

/** Index events shown to a person on stderr while `ask`/`zones` build a missing or stale index. */
export const stderrEvents: EnsureEvents = {
  rebuilding: (reason, detail) => {
    const why = {
      missing: "还没有索引",
      "corpus-changed": "语料有变化",
      corrupt: "索引已损坏",
      format: "索引格式过旧",
    }[reason];
    note(`${why}，正在从语料建立索引… (${reason === "missing" ? "building the index" : detail})`);
  },
  skipped: (problems) => {
    for (const p of problems) note(problemLine(p));
  },
  built: (s) =>
    note(`索引已建立：${s.articles} 篇文章，${s.passages} 个段落，用时 ${(s.buildMs / 1000).toFixed(2)} 秒`),
  inputsMissing: (paths) =>
    note(
      `找不到建立索引时的语料 ${paths.join("、")}（是否在别的目录运行？），照旧使用已建的索引；要按现在的语料更新，请运行 npm run ingest (corpus inputs not found; the index is used as built)`,
    ),
};
