import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/discord/rate-limit.js";

describe("createRateLimiter", () => {
  it("allows five questions in 30 s, refuses the sixth with the wait until the oldest expires", () => {
    let t = 1_000;
    const limiter = createRateLimiter({ limit: 5, windowMs: 30_000, now: () => t });
    for (let i = 0; i < 5; i++) {
      expect(limiter.take("u1")).toEqual({ ok: true });
      t += 1_000;
    }
    expect(limiter.take("u1")).toEqual({ ok: false, retryAfterMs: 25_000 });
    expect(limiter.take("u2")).toEqual({ ok: true });
    t = 31_001;
    expect(limiter.take("u1")).toEqual({ ok: true });
  });

  it("does not count refused questions against the user", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, now: () => t });
    expect(limiter.take("u").ok).toBe(true);
    for (let i = 0; i < 10; i++) expect(limiter.take("u").ok).toBe(false);
    t = 10_001;
    expect(limiter.take("u").ok).toBe(true);
  });
});
