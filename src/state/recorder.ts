import type { QuestionRecord, StateStore, VoteRecord } from "./types.js";

/**
 * Writes never wait on the answer path: questions and votes go into a queue that is written to the
 * store in one transaction every `flushMs`, or at once when `batchSize` are waiting. The first write
 * that fails turns recording off (one log line, the queue dropped): statistics are worth less than
 * answers, and a store that failed once (disk full, file made read-only) would fail again.
 */

export interface RecorderOptions {
  flushMs?: number;
  batchSize?: number;
  /** Told once, when a write fails and recording stops. */
  onFailure: (error: unknown) => void;
}

export interface Recorder {
  question(q: QuestionRecord): void;
  vote(v: VoteRecord): void;
  /** Writes everything queued now; resolves when written (or dropped after a failure). */
  flush(): Promise<void>;
  /** Null while recording; why it stopped otherwise. */
  readonly failure: string | null;
  /** Rows waiting to be written. */
  readonly pending: number;
}

export const DEFAULT_FLUSH_MS = 250;
export const DEFAULT_BATCH_SIZE = 100;

/** Builds a recorder over `store`. */
export function createRecorder(store: StateStore, opts: RecorderOptions): Recorder {
  const flushMs = opts.flushMs ?? DEFAULT_FLUSH_MS;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  let questions: QuestionRecord[] = [];
  let votes: VoteRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  let failure: string | null = null;
  // Writes run one after another, so a vote is never written before the question it is about.
  let writing: Promise<void> = Promise.resolve();

  const writeNow = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (questions.length + votes.length === 0) return writing;
    const batch = { questions, votes };
    questions = [];
    votes = [];
    writing = writing.then(async () => {
      if (failure !== null) return;
      try {
        await store.write(batch);
      } catch (error) {
        failure = (error as Error).message ?? String(error);
        questions = [];
        votes = [];
        opts.onFailure(error);
      }
    });
    return writing;
  };

  const queued = () => {
    if (questions.length + votes.length >= batchSize) void writeNow();
    else if (timer === undefined) {
      timer = setTimeout(() => void writeNow(), flushMs);
      // A pending flush alone does not keep the process alive; shutdown flushes explicitly.
      timer.unref();
    }
  };

  return {
    question(q) {
      if (failure !== null) return;
      questions.push(q);
      queued();
    },
    vote(v) {
      if (failure !== null) return;
      votes.push(v);
      queued();
    },
    flush: writeNow,
    get failure() {
      return failure;
    },
    get pending() {
      return questions.length + votes.length;
    },
  };
}
