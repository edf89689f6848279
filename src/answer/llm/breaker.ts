import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleType } from "cockatiel";
import { err } from "../../result.js";
import type { AnswerLogger, ChatModel, LlmError } from "./types.js";

/** When to stop calling a failing model server, and for how long. */
export interface BreakerOptions {
  /** Failed calls in a row (each after its own retries) that open the circuit; 0 turns it off. */
  failures: number;
  /** How long the circuit stays open before one call probes the server again. */
  cooldownMs: number;
}

/** A failed call, thrown inside the breaker so that it counts, and turned back into the value outside. */
class ServerFailure extends Error {
  constructor(readonly error: LlmError) {
    super(error.message);
  }
}

/**
 * `chat` behind a circuit breaker (cockatiel): after `failures` calls in a row fail — timeouts,
 * connection errors, 5xx, 429s or refusals past their retries — the next calls fail at once with
 * `unavailable` for `cooldownMs`, so each question gets its extractive answer without first paying the
 * retries; then one call probes the server, and a success closes the circuit. An empty reply is the
 * model's failure, not the server's, and does not count. State changes are logged.
 */
export function withCircuitBreaker(chat: ChatModel, opts: BreakerOptions, logger?: AnswerLogger): ChatModel {
  if (opts.failures <= 0) return chat;
  const breaker = circuitBreaker(handleType(ServerFailure), {
    halfOpenAfter: opts.cooldownMs,
    breaker: new ConsecutiveBreaker(opts.failures),
  });
  breaker.onBreak(() =>
    logger?.warn(
      { failures: opts.failures, cooldownMs: opts.cooldownMs },
      "model server failing: answering extractively without calling it for a while",
    ),
  );
  breaker.onReset(() => logger?.info({}, "model server answering again"));
  return async (messages, callOpts) => {
    try {
      return await breaker.execute(async () => {
        const reply = await chat(messages, callOpts);
        if (!reply.ok && reply.error.code !== "empty" && reply.error.code !== "aborted") {
          throw new ServerFailure(reply.error);
        }
        return reply;
      });
    } catch (error) {
      if (error instanceof ServerFailure) return err(error.error);
      if (error instanceof BrokenCircuitError) {
        return err({
          code: "unavailable",
          message: `the model server failed ${opts.failures} times in a row; not called for ${Math.round(opts.cooldownMs / 1000)} s`,
        });
      }
      throw error;
    }
  };
}
