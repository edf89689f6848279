import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, readMigrations } from "../../src/state/sqlite.js";
import type { StateStore } from "../../src/state/types.js";
import { question, vote } from "./fixtures.js";

let dir: string;
let store: StateStore | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-state-"));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

function open(path = join(dir, "state.sqlite")): StateStore {
  const opened = openSqliteStore(path);
  if (!opened.ok) throw new Error(opened.error);
  store = opened.value;
  return store;
}

describe("the SQLite state store", () => {
  it("creates the file (and its folder) in WAL mode with every migration applied once", async () => {
    const path = join(dir, "nested", "state.sqlite");
    await open(path).close();
    await open(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const applied = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all();
    expect(applied).toEqual(readMigrations().map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it("reads back what it wrote, arrays and flags included", async () => {
    const s = open();
    const q = question({
      id: "a1",
      declined: true,
      zones: ["拉萨高新区"],
      uncovered: ["拉萨高新区"],
      guildId: null,
    });
    await s.write({ questions: [q], votes: [vote({ questionId: "a1" })] });
    const rows = await s.readSince(0);
    expect(rows.questions).toEqual([q]);
    expect(rows.votes).toEqual([vote({ questionId: "a1" })]);
  });

  it("keeps one vote per user per answer: a second vote replaces the first", async () => {
    const s = open();
    await s.write({ questions: [question({ id: "a1" })], votes: [vote({ questionId: "a1" })] });
    await s.write({
      questions: [],
      votes: [
        vote({ questionId: "a1", vote: "down", reason: "citation", at: Date.parse("2026-12-01T10:00:00Z") }),
        vote({ questionId: "a1", userKey: "user-c" }),
      ],
    });
    const { votes } = await s.readSince(0);
    expect(votes.map((v) => [v.userKey, v.vote, v.reason])).toEqual([
      ["user-c", "up", null],
      ["user-b", "down", "citation"],
    ]);
  });

  it("returns a question asked before the window when it was voted on inside it", async () => {
    const s = open();
    const since = Date.parse("2026-12-02T00:00:00Z");
    await s.write({
      questions: [question({ id: "old" }), question({ id: "older-unvoted" })],
      votes: [vote({ questionId: "old", at: since + 1000 })],
    });
    expect((await s.readSince(since)).questions.map((q) => q.id)).toEqual(["old"]);
  });

  it("forgets one user's questions and votes and counts them", async () => {
    const s = open();
    await s.write({
      questions: [question({ id: "a1" }), question({ id: "a2", userKey: "user-b" })],
      votes: [vote({ questionId: "a1", userKey: "user-a" }), vote({ questionId: "a1", userKey: "user-b" })],
    });
    expect(await s.forgetUser("user-a")).toEqual({ questions: 1, votes: 1 });
    const rows = await s.readSince(0);
    expect(rows.questions.map((q) => q.id)).toEqual(["a2"]);
    expect(rows.votes.map((v) => v.userKey)).toEqual(["user-b"]);
  });

  it("deletes rows older than the cut-off and keeps the rest", async () => {
    const s = open();
    const cut = Date.parse("2026-12-01T12:00:00Z");
    await s.write({
      questions: [question({ id: "old", at: cut - 1 }), question({ id: "new", at: cut })],
      votes: [vote({ questionId: "old", at: cut - 1 }), vote({ questionId: "new", at: cut + 1 })],
    });
    expect(await s.deleteBefore(cut)).toBe(2);
    const rows = await s.readSince(0);
    expect(rows.questions.map((q) => q.id)).toEqual(["new"]);
    expect(rows.votes.map((v) => v.questionId)).toEqual(["new"]);
  });

  it("keeps the first value stored under a meta key", async () => {
    const s = open();
    expect(await s.meta("k", "first")).toBe("first");
    expect(await s.meta("k", "second")).toBe("first");
  });

  it("a file that is not a database is an error value naming the file, not a throw", async () => {
    const path = join(dir, "state.sqlite");
    await writeFile(path, "not a database ".repeat(200));
    const opened = openSqliteStore(path);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toMatch(/state\.sqlite.*not a database/);
  });
});
