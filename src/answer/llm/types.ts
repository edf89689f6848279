import type { Result } from "../../result.js";

/** One chat message, in the OpenAI chat format every compatible server accepts. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Why the model gave no usable text. The message names the problem, never a key. */
export interface LlmError {
  code:
    | "timeout"
    | "rate-limited"
    | "server"
    | "connection"
    | "rejected"
    | "aborted"
    | "empty"
    | "unavailable";
  message: string;
  status?: number;
}

/**
 * The LLM seam: messages in, the model's text out, failures as values. Built only at an entry point
 * (wrapping a real client); tests pass a function. `signal` ends the call early (the answer's deadline).
 */
export type ChatModel = (
  messages: readonly ChatMessage[],
  opts?: { signal?: AbortSignal },
) => Promise<Result<string, LlmError>>;

/** What the answer layer reports about model answers; a pino logger fits. */
export interface AnswerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}
