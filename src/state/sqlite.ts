import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type Migration, readMigrationFiles } from "../migrations.js";
import { err, ok, type Result } from "../result.js";
import type { DownReason, QuestionRecord, StateStore, VoteRecord } from "./types.js";

/**
 * The embedded store: one SQLite file through better-sqlite3 (12.x). Chosen over `node:sqlite`
 * because the project supports Node ≥ 22.12, where `node:sqlite` still needs a flag; both write a
 * batch of 50 questions in well under a millisecond (docs/state.md has the measurement).
 */

/** The versioned schema files, applied in name order (`001_…sql`, `002_…sql`). */
export const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);

/** The migration files as `{ version, name, sql }`, in order. */
export function readMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readMigrationFiles(dir);
}

/** Attempts at opening a state file another process is setting up, ~25 ms apart (a few seconds in all). */
const BUSY_ATTEMPTS = 100;

/** Runs `step` again while SQLite answers SQLITE_BUSY, pausing the thread between attempts (start-up only). */
function untilNotBusy(step: () => void): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      step();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || attempt >= BUSY_ATTEMPTS) throw error;
      Atomics.wait(pause, 0, 0, 10 + Math.random() * 30);
    }
  }
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction. Shards
 * open one file at the same moment: each migration's transaction takes the write lock first
 * (`BEGIN IMMEDIATE`) and checks again inside it, so exactly one process applies it.
 */
function migrate(db: Database.Database, dir?: URL): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
  );
  const isDone = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  let applied = 0;
  for (const m of readMigrations(dir)) {
    db.transaction(() => {
      if (isDone.get(m.version) !== undefined) return;
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
      applied += 1;
    }).immediate();
  }
  return applied;
}

interface QuestionRow {
  id: string;
  at: number;
  guild_id: string | null;
  channel_id: string | null;
  user_key: string;
  question: string;
  mode: string;
  declined: number;
  citations: string;
  zones: string;
  uncovered: string;
  topic: string;
  latency_ms: number;
}

interface VoteRow {
  question_id: string;
  user_key: string;
  vote: string;
  reason: string | null;
  at: number;
}

const strings = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

/**
 * Opens (creating if needed) the SQLite file at `path`, in WAL mode, and brings its schema up to
 * date. A file that is not a database, or one that cannot be written, is an error value whose
 * message says which — the caller turns recording off and keeps answering.
 */
export function openSqliteStore(
  path: string,
  opts: { migrationsDir?: URL } = {},
): Result<StateStore, string> {
  let db: Database.Database;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    return err(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    // First, so that every later statement waits for another shard's lock instead of failing:
    // switching a new file to WAL and migrating it both need the file to themselves for a moment.
    db.pragma("busy_timeout = 5000");
    // WAL: the report reads while the recorder writes. NORMAL sync is durable across a process
    // crash; only a power cut can lose the last batch, acceptable for statistics.
    // Two shards opening a new file together can still meet SQLITE_BUSY without the busy handler
    // being asked (SQLite refuses a lock upgrade that could deadlock): both steps are idempotent, so
    // they are retried after a short pause.
    untilNotBusy(() => {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      migrate(db, opts.migrationsDir);
    });
  } catch (error) {
    db.close();
    return err(`cannot use ${path}: ${(error as Error).message}`);
  }

  const insertQuestion = db.prepare(
    `INSERT OR REPLACE INTO questions (id, at, guild_id, channel_id, user_key, question, mode, declined, citations, zones, uncovered, topic, latency_ms)
     VALUES (@id, @at, @guildId, @channelId, @userKey, @question, @mode, @declined, @citations, @zones, @uncovered, @topic, @latencyMs)`,
  );
  const upsertVote = db.prepare(
    `INSERT INTO votes (question_id, user_key, vote, reason, at) VALUES (@questionId, @userKey, @vote, @reason, @at)
     ON CONFLICT (question_id, user_key) DO UPDATE SET vote = excluded.vote, reason = excluded.reason, at = excluded.at`,
  );
  const writeBatch = db.transaction((questions: readonly QuestionRecord[], votes: readonly VoteRecord[]) => {
    for (const q of questions) {
      insertQuestion.run({
        ...q,
        declined: q.declined ? 1 : 0,
        citations: JSON.stringify(q.citations),
        zones: JSON.stringify(q.zones),
        uncovered: JSON.stringify(q.uncovered),
      });
    }
    for (const v of votes) upsertVote.run(v);
  });
  // The questions asked since, and the older ones that were voted on since (a 👎 names its question).
  const selectQuestions = db.prepare(
    "SELECT * FROM questions WHERE at >= @since OR id IN (SELECT question_id FROM votes WHERE at >= @since) ORDER BY at",
  );
  const selectVotes = db.prepare("SELECT * FROM votes WHERE at >= ? ORDER BY at");
  const forgetQuestions = db.prepare("DELETE FROM questions WHERE user_key = ?");
  const forgetVotes = db.prepare("DELETE FROM votes WHERE user_key = ?");
  const oldQuestions = db.prepare("DELETE FROM questions WHERE at < ?");
  const oldVotes = db.prepare("DELETE FROM votes WHERE at < ?");
  const setMeta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING");
  const getMeta = db.prepare("SELECT value FROM meta WHERE key = ?");

  return ok({
    async write({ questions, votes }) {
      // IMMEDIATE: take the write lock at BEGIN (waiting up to busy_timeout for another shard).
      if (questions.length + votes.length > 0) writeBatch.immediate(questions, votes);
    },
    async readSince(sinceMs) {
      const questions = (selectQuestions.all({ since: sinceMs }) as QuestionRow[]).map(
        (r): QuestionRecord => ({
          id: r.id,
          at: Number(r.at),
          guildId: r.guild_id,
          channelId: r.channel_id,
          userKey: r.user_key,
          question: r.question,
          mode: r.mode === "llm" ? "llm" : "extractive",
          declined: r.declined === 1,
          citations: strings(r.citations),
          zones: strings(r.zones),
          uncovered: strings(r.uncovered),
          topic: r.topic,
          latencyMs: r.latency_ms,
        }),
      );
      const votes = (selectVotes.all(sinceMs) as VoteRow[]).map(
        (r): VoteRecord => ({
          questionId: r.question_id,
          userKey: r.user_key,
          vote: r.vote === "down" ? "down" : "up",
          reason: (r.reason as DownReason | null) ?? null,
          at: Number(r.at),
        }),
      );
      return { questions, votes };
    },
    async forgetUser(userKey) {
      return db
        .transaction(() => ({
          questions: forgetQuestions.run(userKey).changes,
          votes: forgetVotes.run(userKey).changes,
        }))
        .immediate();
    },
    async deleteBefore(beforeMs) {
      return db
        .transaction(() => oldQuestions.run(beforeMs).changes + oldVotes.run(beforeMs).changes)
        .immediate();
    },
    async meta(key, value) {
      setMeta.run(key, value);
      return (getMeta.get(key) as { value: string }).value;
    },
    async close() {
      if (db.open) db.close();
    },
  });
}
