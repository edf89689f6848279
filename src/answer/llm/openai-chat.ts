import type OpenAI from "openai";
import type { ApiConfig } from "../../config.js";
import { err, ok } from "../../result.js";
import type { ChatModel } from "./types.js";

/**
 * The chat seam over the `openai` client, pointed at any OpenAI-compatible `/chat/completions`
 * (OpenAI, DeepSeek, DashScope, Moonshot, Ollama, vLLM, llama.cpp). The plain client rather than
 * LangChain's ChatOpenAI: one request shape is all we need, and ChatOpenAI's own retry layer could not
 * share one deadline with ours. Temperature 0: the answer should restate the passages, not vary.
 */
export function createOpenAiChat(config: ApiConfig, client?: OpenAI): ChatModel {
  // The SDK (~230 modules, also behind api-retry's error classes) is imported on the first question,
  // not at every start of the CLI or the bot.
  let api: Promise<OpenAI> | undefined = client ? Promise.resolve(client) : undefined;
  const openai = (): Promise<OpenAI> =>
    (api ??= import("openai").then(
      ({ default: OpenAI }) =>
        new OpenAI({
          apiKey: config.apiKey,
          baseURL: config.baseURL,
          maxRetries: 0,
          timeout: config.timeoutMs,
        }),
    ));
  const scrub = (s: string) => (config.apiKey.length >= 4 ? s.split(config.apiKey).join("[REDACTED]") : s);
  return async (messages, opts) => {
    const [chat, { withRetries }] = await Promise.all([openai(), import("../../api-retry.js")]);
    const result = await withRetries(
      ({ signal, timeoutMs }) =>
        chat.chat.completions.create(
          { model: config.model, messages: [...messages], temperature: 0, max_tokens: 1200 },
          { signal, timeout: timeoutMs, maxRetries: 0 },
        ),
      { retries: config.maxRetries, baseDelayMs: config.retryBaseMs, budgetMs: config.timeoutMs },
      opts?.signal,
    );
    if (!result.ok) {
      const { code, message, status } = result.error;
      const attempts = result.error.attempts > 1 ? ` after ${result.error.attempts} attempts` : "";
      return err({
        code,
        message: scrub(`${message}${attempts}`),
        ...(status !== undefined ? { status } : {}),
      });
    }
    const text = result.value.choices[0]?.message?.content ?? "";
    if (text.trim() === "") return err({ code: "empty", message: "the model returned no text" });
    return ok(text);
  };
}
