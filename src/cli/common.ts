import { type BaseConfig, ConfigError, loadBaseConfig } from "../config.js";
import type { IndexEmbeddings } from "../index/build.js";
import type { EnsureEvents } from "../index/ensure.js";
import { LocalEmbeddings } from "../index/local-embeddings.js";

/** Prints a line for people on stderr, keeping stdout for answers and JSON. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Ends the process with a message and no stack trace. */
export function fail(message: string, code = 1): never {
  note(message);
  process.exit(code);
}

/** Reads the shared configuration, or exits with the one-line reason. */
export function baseConfig(): BaseConfig {
  try {
    return loadBaseConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(`配置错误 (configuration error): ${e.message}`);
    throw e;
  }
}

/** The embeddings the entry points use: local and offline. */
export function createEmbeddings(): IndexEmbeddings {
  return new LocalEmbeddings();
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
  built: (s) =>
    note(`索引已建立：${s.articles} 篇文章，${s.passages} 个段落，用时 ${(s.buildMs / 1000).toFixed(2)} 秒`),
};
