import { APIConnectionError, APIError } from "openai";
import { describe, expect, it, vi } from "vitest";
import { retryAfterMs, withRetries } from "../src/api-retry.js";

const status = (code: number, headers: Record<string, string> = {}) =>
  APIError.generate(code, { message: `status ${code}` }, undefined, new Headers(headers));

/** A call that throws the given errors in turn, then returns "ok". */
function script(...errors: Error[]) {
  let calls = 0;
  const call = async () => {
    const e = errors[calls++];
    if (e) throw e;
    return "ok";
  };
  return { call, calls: () => calls };
}

/** A promise and whether it has settled yet (to check what fake time has or has not released). */
function settled<T>(promise: Promise<T>): { promise: Promise<T>; done: boolean } {
  const out = { promise, done: false };
  promise.then(
    () => {
      out.done = true;
    },
    () => {
      out.done = true;
    },
  );
  return out;
}

describe("retryAfterMs", () => {
  it("reads retry-after-ms, retry-after in seconds, and retry-after as a date", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250" }))).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 7_000)).toBe(3000);
    expect(retryAfterMs(new Headers({}))).toBeNull();
  });
});

describe("withRetries", () => {
  it("retries 429, 5xx and connection failures with backoff, then succeeds", async () => {
    const s = script(status(429), status(503), new APIConnectionError({ message: "refused" }));
    const r = await withRetries(s.call, { retries: 3, baseDelayMs: 5, budgetMs: 1_000 });
    expect(r).toEqual({ ok: true, value: "ok" });
    expect(s.calls()).toBe(4);
  });

  it("does not retry a 400, 401 or 404", async () => {
    const s = script(status(401));
    const r = await withRetries(s.call, { retries: 3, baseDelayMs: 5, budgetMs: 1_000 });
    expect(!r.ok && r.error).toMatchObject({ code: "rejected", status: 401, attempts: 1 });
  });

  it("gives up at once when Retry-After asks for longer than the time left", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const s = script(status(429, { "retry-after": "30" }));
      const p = settled(withRetries(s.call, { retries: 3, baseDelayMs: 5, budgetMs: 2_000 }));
      // No clock time passes: a wait for the 30 s would leave it pending.
      await vi.advanceTimersByTimeAsync(0);
      expect(p.done).toBe(true);
      const r = await p.promise;
      expect(!r.ok && r.error).toMatchObject({ code: "rate-limited", attempts: 1 });
      expect(!r.ok && r.error.message).toContain("exceed the time limit");
      expect(s.calls()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops after the bound of retries", async () => {
    const s = script(status(500), status(500), status(500), status(500));
    const r = await withRetries(s.call, { retries: 2, baseDelayMs: 5, budgetMs: 1_000 });
    expect(!r.ok && r.error).toMatchObject({ code: "server", status: 500, attempts: 3 });
    expect(s.calls()).toBe(3);
  });

  it("stops waiting when the caller's deadline passes, and calls that a timeout", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const s = script(status(503, { "retry-after-ms": "400" }));
      const caller = new AbortController();
      const p = settled(withRetries(s.call, { retries: 2, baseDelayMs: 5, budgetMs: 2_000 }, caller.signal));
      await vi.advanceTimersByTimeAsync(100);
      expect(p.done).toBe(false); // waiting out the server's 400 ms
      // The caller's deadline (as AbortSignal.timeout fires it) ends the wait at once.
      caller.abort(new DOMException("deadline", "TimeoutError"));
      await vi.advanceTimersByTimeAsync(0);
      expect(p.done).toBe(true);
      const r = await p.promise;
      expect(!r.ok && r.error.code).toBe("timeout");
      expect(s.calls()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
