import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRecorder } from "../../src/state/recorder.js";
import type { QuestionRecord, StateStore, VoteRecord } from "../../src/state/types.js";
import { question, vote } from "./fixtures.js";

/** A store that keeps each batch written, and can be made to fail. */
function memoryStore(opts: { failWith?: Error } = {}) {
  const batches: { questions: QuestionRecord[]; votes: VoteRecord[] }[] = [];
  const store: StateStore = {
    async write(batch) {
      if (opts.failWith) throw opts.failWith;
      batches.push({ questions: [...batch.questions], votes: [...batch.votes] });
    },
    readSince: async () => ({ questions: [], votes: [] }),
    forgetUser: async () => ({ questions: 0, votes: 0 }),
    deleteBefore: async () => 0,
    meta: async (_k, v) => v,
    close: async () => undefined,
  };
  return { store, batches };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the recorder", () => {
  it("writes nothing on the caller's turn, then everything queued in one batch after flushMs", async () => {
    const { store, batches } = memoryStore();
    const r = createRecorder(store, { flushMs: 250, batchSize: 100, onFailure: () => undefined });
    r.question(question({ id: "a" }));
    r.vote(vote({ questionId: "a" }));
    r.question(question({ id: "b" }));
    expect(batches).toHaveLength(0);
    expect(r.pending).toBe(3);
    await vi.advanceTimersByTimeAsync(250);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.questions.map((q) => q.id)).toEqual(["a", "b"]);
    expect(batches[0]?.votes).toHaveLength(1);
    expect(r.pending).toBe(0);
  });

  it("writes at once when a full batch is waiting", async () => {
    const { store, batches } = memoryStore();
    const r = createRecorder(store, { flushMs: 60_000, batchSize: 3, onFailure: () => undefined });
    for (const id of ["a", "b", "c", "d"]) r.question(question({ id }));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.questions.length)).toEqual([3]);
    await r.flush();
    expect(batches.map((b) => b.questions.length)).toEqual([3, 1]);
  });

  it("a failed write turns recording off, reports once, and drops later records", async () => {
    const { store } = memoryStore({ failWith: new Error("attempt to write a readonly database") });
    const onFailure = vi.fn();
    const r = createRecorder(store, { flushMs: 10, onFailure });
    r.question(question({ id: "a" }));
    await r.flush();
    expect(r.failure).toBe("attempt to write a readonly database");
    r.question(question({ id: "b" }));
    r.vote(vote({ questionId: "b" }));
    await r.flush();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(r.pending).toBe(0);
  });
});
