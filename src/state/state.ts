import { createHmac, randomBytes } from "node:crypto";
import type { Logger } from "../logger.js";
import { err, ok, type Result } from "../result.js";
import { createRecorder, type Recorder, type RecorderOptions } from "./recorder.js";
import { openSqliteStore } from "./sqlite.js";
import type { QuestionRecord, StateStore, VoteRecord } from "./types.js";

/**
 * The state the bot keeps — questions, votes — as the Discord layer sees it: record without
 * waiting, read for the report, forget one user. When the store is off or broken every call still
 * works: records are dropped and reads say why they are unavailable, so answering never depends on it.
 */

export interface StateConfig {
  /** The SQLite file, or `off`. */
  db: string | "off";
  /** Key for hashing user ids; null: a random key kept in the store itself. */
  salt: string | null;
  retentionDays: number;
}

export interface State {
  /** True while questions and votes are being recorded. */
  readonly recording: boolean;
  /** Null when the report can be read; otherwise why not (shown to the admin). */
  readonly unavailable: string | null;
  /** The keyed hash that stands for a Discord user id in every row. */
  userKey(userId: string): string;
  recordQuestion(q: QuestionRecord): void;
  recordVote(v: VoteRecord): void;
  /** Everything recorded since `sinceMs` (queued rows written first). */
  readSince(sinceMs: number): Promise<Result<{ questions: QuestionRecord[]; votes: VoteRecord[] }, string>>;
  /** Deletes one user's questions and votes; how many of each went. */
  forgetUser(userId: string): Promise<Result<{ questions: number; votes: number }, string>>;
  /** Writes what is queued and closes the store. */
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** HMAC-SHA256 of the user id under `salt`, base64url: the same user always maps to the same key. */
export function hashUserId(salt: string, userId: string): string {
  return createHmac("sha256", salt).update(userId).digest("base64url");
}

/** A state that records nothing; `reason` is what `/report` says. */
export function disabledState(reason: string): State {
  return {
    recording: false,
    unavailable: reason,
    userKey: () => "",
    recordQuestion: () => undefined,
    recordVote: () => undefined,
    readSince: async () => err(reason),
    forgetUser: async () => err(reason),
    close: async () => undefined,
  };
}

/**
 * Wraps an opened store: a recorder in front of it, the user-id key, and the daily retention sweep
 * (run once now, then every 24 h, never keeping the process alive).
 */
export async function stateOver(
  store: StateStore,
  config: Pick<StateConfig, "salt" | "retentionDays">,
  logger: Logger,
  recorderOptions: Omit<RecorderOptions, "onFailure"> = {},
): Promise<State> {
  // Also a write probe: a read-only or corrupt file fails here, at start, not on the first question.
  const salt = config.salt ?? (await store.meta("user_key_salt", randomBytes(32).toString("base64url")));
  if (config.salt !== null) await store.meta("created_at", String(Date.now()));
  let closed = false;
  const recorder: Recorder = createRecorder(store, {
    ...recorderOptions,
    onFailure: (error) =>
      logger.error(
        { err: error },
        "state store write failed: recording is off until restart; answers continue (/report reads what was written)",
      ),
  });
  const sweep = async () => {
    try {
      const deleted = await store.deleteBefore(Date.now() - config.retentionDays * DAY_MS);
      if (deleted > 0)
        logger.info({ deleted, retentionDays: config.retentionDays }, "state: old rows deleted");
    } catch (error) {
      logger.warn({ err: error }, "state: retention sweep failed");
    }
  };
  await sweep();
  const daily = setInterval(() => void sweep(), DAY_MS);
  daily.unref();
  const guard = async <T>(work: () => Promise<T>): Promise<Result<T, string>> => {
    if (closed) return err("状态库已关闭");
    await recorder.flush();
    try {
      return ok(await work());
    } catch (error) {
      return err((error as Error).message);
    }
  };
  return {
    get recording() {
      return !closed && recorder.failure === null;
    },
    get unavailable() {
      return closed ? "状态库已关闭" : null;
    },
    userKey: (userId) => hashUserId(salt, userId),
    recordQuestion: (q) => recorder.question(q),
    recordVote: (v) => recorder.vote(v),
    readSince: (sinceMs) => guard(() => store.readSince(sinceMs)),
    forgetUser: (userId) => guard(() => store.forgetUser(hashUserId(salt, userId))),
    async close() {
      if (closed) return;
      clearInterval(daily);
      await recorder.flush();
      closed = true;
      await store.close();
    },
  };
}

/**
 * Opens the configured state: `off` records nothing; a SQLite file that cannot be opened, is not a
 * database or cannot be written is logged in one line and leaves recording off.
 */
export async function openState(config: StateConfig, logger: Logger): Promise<State> {
  if (config.db === "off") return disabledState("记录已关闭（STATE_DB=off）");
  const opened = openSqliteStore(config.db);
  if (!opened.ok) return unusable(opened.error, logger);
  try {
    const state = await stateOver(opened.value, config, logger);
    if (config.salt === null)
      logger.warn(
        { stateDb: config.db },
        "STATE_SALT is not set: user ids are hashed with a random key kept in the state file; set STATE_SALT to keep the key elsewhere",
      );
    logger.info({ stateDb: config.db, retentionDays: config.retentionDays }, "state store ready");
    return state;
  } catch (error) {
    await opened.value.close().catch(() => undefined);
    return unusable(`cannot use ${config.db}: ${(error as Error).message}`, logger);
  }
}

function unusable(reason: string, logger: Logger): State {
  logger.error({ reason }, `state store unavailable: recording is off; answers continue (${reason})`);
  return disabledState(`统计库不可用：${reason}`);
}
