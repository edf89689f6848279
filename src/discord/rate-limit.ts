/**
 * Per-user sliding-window rate limit: at most `limit` questions in any `windowMs`. In memory, as the
 * bot runs as one process; the clock is passed in so tests need no timers.
 */

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Records a question from `userId` if allowed; otherwise says how long until the next one is. */
  take(userId: string): RateDecision;
}

/** Builds a limiter; `now` defaults to `Date.now`. */
export function createRateLimiter(opts: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const { limit, windowMs } = opts;
  const now = opts.now ?? Date.now;
  const log = new Map<string, number[]>();
  let sweepAt = 0;

  return {
    take(userId) {
      const t = now();
      // Forget idle users now and then so the map cannot grow without bound.
      if (t >= sweepAt) {
        for (const [user, times] of log) if ((times.at(-1) ?? 0) <= t - windowMs) log.delete(user);
        sweepAt = t + windowMs;
      }
      const times = (log.get(userId) ?? []).filter((at) => at > t - windowMs);
      if (times.length >= limit) {
        log.set(userId, times);
        return { ok: false, retryAfterMs: (times[0] ?? t) + windowMs - t };
      }
      times.push(t);
      log.set(userId, times);
      return { ok: true };
    },
  };
}
