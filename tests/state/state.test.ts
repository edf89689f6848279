import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../src/logger.js";
import { openSqliteStore } from "../../src/state/sqlite.js";
import { disabledState, hashUserId, openState, stateOver } from "../../src/state/state.js";
import { question } from "./fixtures.js";

const DAY = 24 * 60 * 60 * 1000;
const silent = createLogger({ level: "silent" });
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-state-"));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

describe("user keys", () => {
  it("are an HMAC of the id: stable for one key, different under another, never the id itself", () => {
    const id = "500000000000000001";
    expect(hashUserId("k1", id)).toBe(hashUserId("k1", id));
    expect(hashUserId("k1", id)).not.toBe(hashUserId("k2", id));
    expect(hashUserId("k1", id)).not.toContain(id);
    expect(hashUserId("k1", id)).toMatch(/^[\w-]{43}$/);
  });

  it("without STATE_SALT use a random key kept in the file, the same after a restart", async () => {
    const db = join(dir, "state.sqlite");
    const a = await openState({ db, salt: null, retentionDays: 90 }, silent);
    const first = a.userKey("42");
    await a.close();
    const b = await openState({ db, salt: null, retentionDays: 90 }, silent);
    expect(b.userKey("42")).toBe(first);
    await b.close();
    const other = await openState({ db: join(dir, "other.sqlite"), salt: null, retentionDays: 90 }, silent);
    expect(other.userKey("42")).not.toBe(first);
    await other.close();
  });
});

describe("the state", () => {
  it("rows of a user are stored under the key, and the raw id appears nowhere in the file's rows", async () => {
    const state = await openState(
      { db: join(dir, "state.sqlite"), salt: "pepper", retentionDays: 90 },
      silent,
    );
    state.recordQuestion(question({ id: "a1", userKey: state.userKey("500000000000000001") }));
    const rows = await state.readSince(0);
    expect(rows.ok && JSON.stringify(rows.value)).not.toContain("500000000000000001");
    expect(await state.forgetUser("500000000000000001")).toEqual({
      ok: true,
      value: { questions: 1, votes: 0 },
    });
    await state.close();
  });

  it("close writes what is still queued", async () => {
    const db = join(dir, "state.sqlite");
    const state = await openState({ db, salt: "s", retentionDays: 90 }, silent);
    for (const id of ["a", "b", "c"]) state.recordQuestion(question({ id, at: Date.now() }));
    await state.close();
    const opened = openSqliteStore(db);
    if (!opened.ok) throw new Error(opened.error);
    expect((await opened.value.readSince(0)).questions).toHaveLength(3);
    await opened.value.close();
  });

  it("deletes rows past the retention at start and again every day", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    const now = Date.parse("2026-12-03T00:00:00Z");
    vi.setSystemTime(now);
    const opened = openSqliteStore(join(dir, "state.sqlite"));
    if (!opened.ok) throw new Error(opened.error);
    await opened.value.write({
      questions: [
        question({ id: "too-old", at: now - 11 * DAY }),
        question({ id: "nine-days", at: now - 9 * DAY }),
        question({ id: "today", at: now }),
      ],
      votes: [],
    });
    const state = await stateOver(opened.value, { salt: "s", retentionDays: 10 }, silent);
    const ids = async () => {
      const r = await state.readSince(0);
      return r.ok ? r.value.questions.map((q) => q.id) : [];
    };
    expect(await ids()).toEqual(["nine-days", "today"]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(await ids()).toEqual(["nine-days", "today"]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(await ids()).toEqual(["today"]);
    await state.close();
  });

  it("a read-only state file: one clear log line, recording off, and the reason for /report", async (ctx) => {
    const db = join(dir, "state.sqlite");
    const first = await openState({ db, salt: "s", retentionDays: 90 }, silent);
    await first.close();
    // The immutable flag binds root too (tests here run as root, for whom file modes mean nothing).
    try {
      execFileSync("chattr", ["+i", db], { stdio: "ignore" });
    } catch {
      ctx.skip();
    }
    try {
      const logs: string[] = [];
      const logger = createLogger({
        level: "info",
        destination: { write: (l: string) => void logs.push(l) },
      });
      const state = await openState({ db, salt: "s", retentionDays: 90 }, logger);
      const lines = logs.filter((l) => l.includes("state store"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("state store unavailable: recording is off; answers continue");
      expect(lines[0]).toContain("readonly database");
      expect(state.recording).toBe(false);
      expect(state.unavailable).toMatch(
        /^统计库不可用：cannot use .*state\.sqlite: attempt to write a readonly database$/,
      );
    } finally {
      execFileSync("chattr", ["-i", db], { stdio: "ignore" });
    }
  });

  it("off records nothing and says why it is unavailable", async () => {
    const state = await openState({ db: "off", salt: null, retentionDays: 90 }, silent);
    expect(state.recording).toBe(false);
    expect(state.unavailable).toContain("STATE_DB=off");
    expect(await state.readSince(0)).toEqual({ ok: false, error: state.unavailable });
    expect(disabledState("x").recording).toBe(false);
  });
});
