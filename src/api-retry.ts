import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { err, ok, type Result } from "./result.js";

/**
 * One bounded retry loop for calls to OpenAI-compatible APIs (chat and embeddings). The `openai`
 * client's own retries are switched off (`maxRetries: 0`) because they cannot share a deadline
 * across attempts: here every attempt and every wait comes out of one budget, and a caller's
 * AbortSignal stops the loop at once, waits included.
 */

/** How hard to try. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; it doubles each retry, with jitter (50–100 % of the value). */
  baseDelayMs: number;
  /** Time for all attempts and waits together. */
  budgetMs: number;
}

/** Why a call failed, after retries. Messages never carry the API key. */
export interface ApiFailure {
  code: "timeout" | "rate-limited" | "server" | "connection" | "rejected" | "aborted";
  /** HTTP status, when the server answered. */
  status?: number;
  message: string;
  attempts: number;
}

/** What one attempt gets: a signal that fires at the deadline (or when the caller aborts) and the time left. */
export interface Attempt {
  signal: AbortSignal;
  timeoutMs: number;
}

const RETRYABLE_STATUS = (status: number) =>
  status === 408 || status === 409 || status === 429 || status >= 500;

/** Milliseconds a 429/503 asks us to wait (`retry-after-ms`, `retry-after` in seconds or as a date). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number.parseFloat(ms))) return Math.max(0, Number.parseFloat(ms));
  const after = headers?.get("retry-after");
  if (!after) return null;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Classifies a thrown client error: whether to try again, and the failure to report if not. */
function classify(
  error: unknown,
  timedOut: boolean,
): { retry: boolean; failure: Omit<ApiFailure, "attempts"> } {
  if (timedOut) return { retry: false, failure: { code: "timeout", message: "deadline reached" } };
  if (error instanceof APIUserAbortError)
    return { retry: false, failure: { code: "aborted", message: "aborted" } };
  if (error instanceof APIConnectionError) {
    const timeout = error instanceof APIConnectionTimeoutError;
    return {
      retry: true,
      failure: {
        code: timeout ? "timeout" : "connection",
        message: timeout ? "request timed out" : "connection failed",
      },
    };
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const code = status === 429 ? "rate-limited" : status >= 500 ? "server" : "rejected";
    // The server's own words help with a 4xx (a wrong model name); callers scrub their key from it.
    const detail = code === "rejected" ? `: ${error.message.slice(0, 200)}` : "";
    return { retry: RETRYABLE_STATUS(status), failure: { code, status, message: `HTTP ${status}${detail}` } };
  }
  // Anything else (a malformed body the client could not parse, a bug) is not worth repeating.
  return { retry: false, failure: { code: "rejected", message: (error as Error)?.message ?? String(error) } };
}

/** Resolves after `ms`, or early (with false) when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs `call` until it succeeds, fails for good (a 4xx other than 408/409/429), runs out of retries,
 * or runs out of budget. A Retry-After longer than the time left ends the loop at once: waiting
 * would only delay the fallback.
 */
export async function withRetries<T>(
  call: (attempt: Attempt) => Promise<T>,
  policy: RetryPolicy,
  callerSignal?: AbortSignal,
): Promise<Result<T, ApiFailure>> {
  const deadline = performance.now() + policy.budgetMs;
  const budget = AbortSignal.timeout(Math.max(1, policy.budgetMs));
  const signal = callerSignal ? AbortSignal.any([budget, callerSignal]) : budget;
  let last: Omit<ApiFailure, "attempts"> = { code: "timeout", message: "no time left" };
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    const left = deadline - performance.now();
    if (signal.aborted || left <= 0)
      return err({ ...last, ...abortedFailure(callerSignal), attempts: attempt });
    let wait: number | null = null;
    try {
      return ok(await call({ signal, timeoutMs: Math.ceil(left) }));
    } catch (error) {
      const timedOut = budget.aborted && !callerSignal?.aborted;
      const c = classify(error, timedOut);
      last = callerSignal?.aborted ? { ...c.failure, ...abortedFailure(callerSignal) } : c.failure;
      if (!c.retry || callerSignal?.aborted) return err({ ...last, attempts: attempt + 1 });
      if (error instanceof APIError) wait = retryAfterMs(error.headers);
    }
    if (attempt === policy.retries) return err({ ...last, attempts: attempt + 1 });
    const backoff = wait ?? policy.baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
    if (backoff >= deadline - performance.now()) {
      return err({
        ...last,
        message: `${last.message}; retry would exceed the time limit`,
        attempts: attempt + 1,
      });
    }
    if (!(await sleep(backoff, signal)))
      return err({ ...last, ...abortedFailure(callerSignal), attempts: attempt + 1 });
  }
  return err({ ...last, attempts: policy.retries + 1 });
}

/** The failure when the caller's signal ended the loop: a deadline (AbortSignal.timeout) is a timeout. */
function abortedFailure(callerSignal: AbortSignal | undefined): Partial<ApiFailure> {
  if (!callerSignal?.aborted) return {};
  const deadline = (callerSignal.reason as Error | undefined)?.name === "TimeoutError";
  return deadline
    ? { code: "timeout", message: "deadline reached" }
    : { code: "aborted", message: "aborted" };
}
