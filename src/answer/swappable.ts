import type { AnswerService } from "./types.js";

/** An answer service whose index can be replaced while it keeps answering (`/reindex`). */
export interface SwappableService extends AnswerService {
  /**
   * Answers from `next` from now on. A question already being answered finishes on the service it
   * started on, so nothing is answered from a mix of two indexes; the old one is freed afterwards.
   */
  swap(next: AnswerService): void;
}

/** Wraps `initial` in a holder that delegates every call to the current service. */
export function createSwappableService(initial: AnswerService): SwappableService {
  let current = initial;
  return {
    ask: (question, opts) => current.ask(question, opts),
    zones: () => current.zones(),
    zoneList: (only) => current.zoneList(only),
    zone: (name) => current.zone(name),
    zoneNames: (prefix, limit) => current.zoneNames(prefix, limit),
    passage: (id) => current.passage(id),
    stats: () => current.stats(),
    warmUp: async () => {
      await current.warmUp?.();
    },
    swap(next) {
      current = next;
    },
  };
}
