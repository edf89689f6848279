/**
 * A cap on answers computed at once; work beyond it waits its turn in arrival order. It also tracks
 * work in flight so shutdown can wait for replies already started.
 */

export interface Gate {
  /** Runs `work` when a slot is free. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

/** Resolves after pending I/O callbacks have run (`setImmediate` comes after the poll phase). */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds a gate allowing `max` concurrent runs. Each run first lets pending I/O through: answers are
 * synchronous CPU work, and without this a burst of them would hold back the deferrals of questions
 * that arrived meanwhile, which must reach Discord within 3 seconds.
 */
export function createGate(max: number): Gate {
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  return {
    async run(work) {
      if (active < max) active += 1;
      // The releaser hands its slot straight to the next waiter, so `active` stays counted.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        await yieldToIo();
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
  };
}

/** Tracks promises in flight so shutdown can wait for them, with a bound. */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves true when everything in flight settled, false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Builds an in-flight tracker. */
export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return work;
    },
    get size() {
      return pending.size;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        while (pending.size > 0) {
          const done = await Promise.race([Promise.all([...pending]).then(() => true as const), timeout]);
          if (!done) return false;
        }
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
