import type { PgDb } from "./db.js";
import { currentGeneration, GENERATION_CHANNEL } from "./schema.js";

/** Watches for a switch of the current generation. */
export interface GenerationWatcher {
  /** Checks now (also done every `intervalMs`, and on a notification where LISTEN works). */
  check(): Promise<void>;
  /** Resolves true once LISTEN is in place, false if it could not be (polling still runs). */
  listening: Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Calls `onChange` with the new generation whenever `gaoxin_current` moves off `current`: polled
 * every `intervalMs`, and at once on a `pg_notify` where the server delivers it to this connection.
 * One `onChange` at a time; one that returns false or fails is retried at the next check.
 */
export function watchGenerations(opts: {
  db: PgDb;
  current: number;
  intervalMs: number;
  onChange: (generation: number) => Promise<boolean>;
  onError: (error: unknown) => void;
}): GenerationWatcher {
  let current = opts.current;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let unlisten: (() => void) | null = null;
  const run = async () => {
    do {
      again = false;
      try {
        const gen = await currentGeneration(opts.db);
        if (gen !== null && gen !== current && !stopped && (await opts.onChange(gen))) current = gen;
      } catch (error) {
        opts.onError(error);
      }
    } while (again && !stopped);
  };
  const check = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void check(), opts.intervalMs);
  timer.unref();
  const listening = (async () => {
    try {
      const stop = await opts.db.listen(GENERATION_CHANNEL, () => void check(), opts.onError);
      if (stopped) stop();
      else unlisten = stop;
      return !stopped;
    } catch (error) {
      opts.onError(error);
      return false;
    }
  })();
  return {
    check,
    listening,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      unlisten?.();
      unlisten = null;
    },
  };
}
