import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * Shards started by one `npm start` share one STATE_DB file: each process opens it (migrating a new
 * file, drawing the user-key salt) and writes its batches while the others do.
 */
const run = promisify(execFile);
const WRITER = new URL("./shard-writer.ts", import.meta.url).pathname;
const SHARDS = 4;
const PER_SHARD = 300;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-shards-state-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("one state file, several shard processes", () => {
  it("all open a new file at once, every question and vote of every shard is written, one salt", async () => {
    const db = join(dir, "state.sqlite");
    // Far enough ahead for every process to have started: they then open the file together.
    const startAt = String(Date.now() + 4000);
    const outs = await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) =>
        run(process.execPath, ["--import", "tsx", WRITER, db, String(shard), String(PER_SHARD), startAt], {
          timeout: 120_000,
        }),
      ),
    );
    const reports = outs.map((o) => JSON.parse(o.stdout.trim().split("\n").at(-1) ?? "{}"));
    for (const r of reports) {
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ recordingAtOpen: true, recordingAtEnd: true, readOk: true });
    }
    // The salt is drawn once: a user has the same key whichever shard saw them.
    expect(new Set(reports.map((r) => r.key)).size).toBe(1);

    const file = new Database(db, { readonly: true });
    const perShard = file
      .prepare("SELECT user_key AS k, count(*) AS n FROM questions GROUP BY user_key ORDER BY user_key")
      .all();
    const votes = file.prepare("SELECT count(*) AS n FROM votes").get() as { n: number };
    const migrations = file.prepare("SELECT count(*) AS n FROM schema_migrations").get() as { n: number };
    const distinct = file.prepare("SELECT count(DISTINCT version) AS n FROM schema_migrations").get() as {
      n: number;
    };
    file.close();
    expect(perShard).toEqual(Array.from({ length: SHARDS }, (_, s) => ({ k: `shard-${s}`, n: PER_SHARD })));
    expect(votes.n).toBe(SHARDS * PER_SHARD);
    expect(migrations.n).toBe(distinct.n);
  }, 180_000);
});
