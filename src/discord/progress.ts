import type { AnswerStage } from "../answer/types.js";

/**
 * Shows answer progress (正在检索…/正在生成回答…) only when an answer is slow, with edits throttled:
 * nothing before `delayMs`, then at most one edit per `intervalMs`, always the latest stage. `finish`
 * stops further edits and waits for one already sent, so a progress edit never lands after the answer.
 */

export interface ProgressOptions {
  delayMs: number;
  intervalMs: number;
}

export const DEFAULT_PROGRESS: ProgressOptions = { delayMs: 800, intervalMs: 1500 };

export interface Progress {
  report(stage: AnswerStage): void;
  finish(): Promise<void>;
}

/** Builds a progress reporter around `show`, which edits the message; its failures are passed to `onError`. */
export function createProgress(
  show: (stage: AnswerStage) => Promise<unknown>,
  opts: ProgressOptions = DEFAULT_PROGRESS,
  onError: (error: unknown) => void = () => {},
): Progress {
  const started = Date.now();
  let lastShown = Number.NEGATIVE_INFINITY;
  let latest: AnswerStage | null = null;
  let shownStage: AnswerStage | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let finished = false;

  const flush = () => {
    timer = null;
    if (finished || latest === null || latest === shownStage) return;
    const stage = latest;
    shownStage = stage;
    lastShown = Date.now();
    // Chained so two progress edits never race each other.
    inFlight = inFlight.then(() => (finished ? undefined : show(stage))).then(() => undefined, onError);
  };

  return {
    report(stage) {
      if (finished) return;
      latest = stage;
      if (timer !== null) return;
      const at = Math.max(started + opts.delayMs, lastShown + opts.intervalMs);
      timer = setTimeout(flush, Math.max(0, at - Date.now()));
    },
    async finish() {
      finished = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}
