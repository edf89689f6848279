import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { Bot } from "../src/discord/bot.js";
import { exitOnSignals } from "../src/discord/run.js";
import { createLogger } from "../src/logger.js";
import { COPY_WINDOW_MS, onStopSignals } from "../src/stop-signals.js";

/** A process stand-in: signals are emitted by hand, and the clock is moved by hand. */
function fakeProcess() {
  const source = new EventEmitter();
  let t = 0;
  return {
    source,
    now: () => t,
    at(ms: number, signal: NodeJS.Signals) {
      t = ms;
      source.emit(signal, signal);
    },
  };
}

describe("onStopSignals", () => {
  it("takes the copies a launcher adds in the first second as one stop, and a later signal as force", () => {
    const p = fakeProcess();
    const seen: string[] = [];
    onStopSignals(
      {
        stop: (s) => seen.push(`stop ${s}`),
        copy: (s) => seen.push(`copy ${s}`),
        force: (s) => seen.push(`force ${s}`),
      },
      { source: p.source, now: p.now },
    );
    p.at(100, "SIGINT"); // the terminal's process group
    p.at(108, "SIGINT"); // npm passing it on
    p.at(150, "SIGTERM"); // systemd's control group
    p.at(100 + COPY_WINDOW_MS - 1, "SIGTERM");
    expect(seen).toEqual(["stop SIGINT", "copy SIGINT", "copy SIGTERM", "copy SIGTERM"]);
    p.at(100 + COPY_WINDOW_MS, "SIGINT");
    expect(seen.at(-1)).toBe("force SIGINT");
  });

  it("listens only for the signals named", () => {
    const p = fakeProcess();
    const seen: string[] = [];
    onStopSignals(
      { stop: (s) => seen.push(`stop ${s}`), force: (s) => seen.push(`force ${s}`) },
      { source: p.source, now: p.now, signals: ["SIGTERM"] },
    );
    p.at(0, "SIGINT");
    expect(seen).toEqual([]);
    p.at(5, "SIGTERM");
    expect(seen).toEqual(["stop SIGTERM"]);
  });
});

/** A bot whose stop resolves when the test says so. */
function fakeBot() {
  let finish: (drained: boolean) => void = () => undefined;
  let stops = 0;
  const bot: Bot = {
    accepting: true,
    inFlight: 1,
    stop: () => {
      stops++;
      return new Promise<boolean>((resolve) => {
        finish = resolve;
      });
    },
  };
  return { bot, finish: (drained: boolean) => finish(drained), stops: () => stops };
}

const silent = createLogger({ level: "silent" });

describe("exitOnSignals", () => {
  it("stops once for npm's copy of a Ctrl-C and exits 0 when replies have drained", async () => {
    const p = fakeProcess();
    const b = fakeBot();
    const codes: number[] = [];
    const exited = new Promise<void>((resolve) => {
      exitOnSignals(b.bot, silent, {
        source: p.source,
        now: p.now,
        exit: (code) => {
          codes.push(code);
          resolve();
        },
      });
    });
    p.at(0, "SIGINT");
    p.at(8, "SIGINT");
    p.at(9, "SIGTERM");
    expect(b.stops()).toBe(1);
    expect(codes).toEqual([]);
    b.finish(true);
    await exited;
    expect(codes).toEqual([0]);
  });

  it("exits 1 at once on a signal after the first second", () => {
    const p = fakeProcess();
    const b = fakeBot();
    const codes: number[] = [];
    exitOnSignals(b.bot, silent, { source: p.source, now: p.now, exit: (code) => codes.push(code) });
    p.at(0, "SIGTERM");
    p.at(COPY_WINDOW_MS + 500, "SIGTERM");
    expect(codes).toEqual([1]);
  });

  it("as a shard: ignores the group's SIGINT, takes copies of its manager's SIGTERM as one, stops on disconnect", () => {
    const p = fakeProcess();
    const b = fakeBot();
    const codes: number[] = [];
    exitOnSignals(b.bot, silent, { source: p.source, now: p.now, exit: (c) => codes.push(c), shard: true });
    p.at(0, "SIGINT");
    expect(b.stops()).toBe(0);
    p.at(1, "SIGTERM");
    p.at(2, "SIGTERM");
    p.source.emit("disconnect");
    expect(b.stops()).toBe(1);
    expect(codes).toEqual([]);
  });
});
