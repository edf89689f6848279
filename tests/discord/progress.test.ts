import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnswerStage } from "../../src/answer/types.js";
import { createProgress } from "../../src/discord/progress.js";

describe("createProgress", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows nothing when the answer comes before the delay", async () => {
    const shown: AnswerStage[] = [];
    const p = createProgress(async (s) => void shown.push(s), { delayMs: 800, intervalMs: 1500 });
    p.report("retrieving");
    p.report("generating");
    await vi.advanceTimersByTimeAsync(500);
    await p.finish();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(shown).toEqual([]);
  });

  it("shows the latest stage after the delay, then at most one edit per interval", async () => {
    const shown: AnswerStage[] = [];
    const p = createProgress(async (s) => void shown.push(s), { delayMs: 800, intervalMs: 1500 });
    p.report("retrieving");
    await vi.advanceTimersByTimeAsync(800);
    expect(shown).toEqual(["retrieving"]);
    p.report("generating");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown).toEqual(["retrieving"]);
    await vi.advanceTimersByTimeAsync(500);
    expect(shown).toEqual(["retrieving", "generating"]);
    await p.finish();
  });

  it("never edits after finish, and finish waits for an edit already sent", async () => {
    const shown: AnswerStage[] = [];
    let release!: () => void;
    const p = createProgress(
      (s) =>
        new Promise<void>((r) => {
          shown.push(s);
          release = r;
        }),
      { delayMs: 0, intervalMs: 0 },
    );
    p.report("retrieving");
    await vi.advanceTimersByTimeAsync(0);
    let finished = false;
    const done = p.finish().then(() => {
      finished = true;
    });
    p.report("generating");
    await vi.advanceTimersByTimeAsync(10);
    expect(finished).toBe(false);
    release();
    await done;
    expect(shown).toEqual(["retrieving"]);
  });

  it("passes a failed edit to onError instead of throwing", async () => {
    const errors: unknown[] = [];
    const p = createProgress(
      () => Promise.reject(new Error("edit failed")),
      { delayMs: 0, intervalMs: 0 },
      (e) => errors.push(e),
    );
    p.report("retrieving");
    await vi.advanceTimersByTimeAsync(0);
    await p.finish();
    expect(errors).toHaveLength(1);
  });
});
