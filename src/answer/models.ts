import type { EmbeddingsConfig, LlmConfig } from "../config.js";
import type { IndexEmbeddings } from "../index/build.js";
import { LocalEmbeddings } from "../index/local-embeddings.js";
import { embeddingsCacheFile, OpenAiEmbeddings } from "../index/openai-embeddings.js";
import { withCircuitBreaker } from "./llm/breaker.js";
import { createOpenAiChat } from "./llm/openai-chat.js";
import type { AnswerLogger } from "./llm/types.js";
import type { AnswerServiceOptions } from "./service.js";

/**
 * The models both entry points (the bot and the CLI) answer with, built from settings they have
 * already read: each entry point reads its configuration and reports a bad setting its one way, and
 * calls these to build the clients.
 */

/**
 * Local, offline embeddings unless `EMBEDDINGS=openai`. Remote vectors are cached beside `indexDir`,
 * so a re-ingest pays only for new text.
 */
export function createEmbeddings(config: EmbeddingsConfig, indexDir: string): IndexEmbeddings {
  if (config.kind === "local") return new LocalEmbeddings();
  return new OpenAiEmbeddings({ ...config, cacheFile: embeddingsCacheFile(indexDir, config.model) });
}

/**
 * The chat model for answers when one is configured (behind the circuit breaker, with the answer
 * budget); nothing otherwise (extractive answers). Spread into `openAnswerService`'s options.
 */
export function answerModel(llm: LlmConfig | null, logger?: AnswerLogger): AnswerServiceOptions {
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
