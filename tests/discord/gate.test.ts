import { describe, expect, it } from "vitest";
import { createGate, createInFlight } from "../../src/discord/gate.js";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe("createGate", () => {
  it("runs at most `max` at once and queues the rest in arrival order", async () => {
    const gate = createGate(2);
    const order: number[] = [];
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    let running = 0;
    let peak = 0;
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        order.push(i);
        await b.promise;
        running -= 1;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(gate.active).toBe(2);
    expect(gate.queued).toBe(2);
    for (const b of blockers) b.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    expect(gate.active).toBe(0);
  });

  it("lets pending I/O through before the work starts, so deferrals are not held back by answers", async () => {
    const gate = createGate(4);
    let started = false;
    const run = gate.run(async () => {
      started = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toBe(false);
    await run;
    expect(started).toBe(true);
  });

  it("frees the slot when the work throws", async () => {
    const gate = createGate(1);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
  });
});

describe("createInFlight", () => {
  it("drains when the tracked work settles, failures included", async () => {
    const inFlight = createInFlight();
    const a = deferred();
    void inFlight.track(a.promise);
    void inFlight.track(Promise.reject(new Error("x"))).catch(() => undefined);
    const drained = inFlight.drain(1_000);
    a.resolve();
    expect(await drained).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it("gives up after the timeout when work hangs", async () => {
    const inFlight = createInFlight();
    void inFlight.track(new Promise(() => {}));
    expect(await inFlight.drain(20)).toBe(false);
  });
});
