import { withCircuitBreaker } from "../answer/llm/breaker.js";
import { createOpenAiChat } from "../answer/llm/openai-chat.js";
import type { AnswerLogger } from "../answer/llm/types.js";
import type { AnswerServiceOptions } from "../answer/service.js";
import {
  type BaseConfig,
  ConfigError,
  loadBaseConfig,
  loadEnvFileIfPresent,
  loadModelConfig,
  type ModelConfig,
} from "../config.js";
import type { IndexEmbeddings } from "../index/build.js";
import type { EnsureEvents } from "../index/ensure.js";
import { LocalEmbeddings } from "../index/local-embeddings.js";
import { embeddingsCacheFile, OpenAiEmbeddings } from "../index/openai-embeddings.js";

/** Prints a line for people on stderr, keeping stdout for answers and JSON. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Ends the process with a message and no stack trace. */
export function fail(message: string, code = 1): never {
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
    if (e instanceof ConfigError) fail(`配置错误 (configuration error): ${e.message}`);
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

/**
 * The embeddings the entry points use: local and offline unless `EMBEDDINGS=openai`. Remote vectors
 * are cached beside `indexDir` (default: INDEX_DIR), so a re-ingest pays only for new text.
 */
export function createEmbeddings(indexDir?: string): IndexEmbeddings {
  const config = modelConfig().embeddings;
  if (config.kind === "local") return new LocalEmbeddings();
  return new OpenAiEmbeddings({
    ...config,
    cacheFile: embeddingsCacheFile(indexDir ?? baseConfig().indexDir, config.model),
  });
}

/**
 * The chat model for answers when LLM_API_KEY (or OPENAI_API_KEY) is set, with the answer budget;
 * nothing otherwise (extractive answers). Spread into `openAnswerService`'s options.
 */
export function answerModel(logger?: AnswerLogger): AnswerServiceOptions {
  const llm = modelConfig().llm;
  if (llm === null) return logger ? { logger } : {};
  return {
    llm: withCircuitBreaker(
      createOpenAiChat(llm),
      { failures: llm.breakerFailures, cooldownMs: llm.breakerCooldownMs },
      logger,
    ),
    llmOptions: { timeoutMs: llm.timeoutMs },
    ...(logger ? { logger } : {}),
  };
}

/** Tells a person on stderr why a model answer was replaced by the extractive one. */
export const stderrAnswerLogger: AnswerLogger = {
  info: () => {},
  warn: (obj, msg) => note(`${msg} ${JSON.stringify(obj)}`),
};

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
  built: (s) =>
    note(`索引已建立：${s.articles} 篇文章，${s.passages} 个段落，用时 ${(s.buildMs / 1000).toFixed(2)} 秒`),
};
