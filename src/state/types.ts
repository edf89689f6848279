/**
 * What the bot remembers about questions and feedback, and the small store interface behind it.
 * SQLite implements it today; a server database (PostgreSQL) can take its place by implementing the
 * same six calls. Every call is async so a networked store fits without changing callers.
 */

/** Why someone voted 👎 (the select menu's choices, plus the declined answer's own button). */
export const DOWN_REASONS = ["wrong", "citation", "off_point", "outdated", "missing"] as const;
export type DownReason = (typeof DOWN_REASONS)[number];

/** One question as recorded: no raw user id, only its keyed hash. */
export interface QuestionRecord {
  /** The answer id the feedback buttons carry. */
  id: string;
  /** Milliseconds since the epoch. */
  at: number;
  guildId: string | null;
  channelId: string | null;
  userKey: string;
  question: string;
  mode: "extractive" | "llm";
  declined: boolean;
  citations: string[];
  /** Zones the question names (canonical names). */
  zones: string[];
  /** The subset of `zones` the corpus does not cover. */
  uncovered: string[];
  /** The question's main words, joined with `·`, for grouping declined questions that name no zone. */
  topic: string;
  latencyMs: number;
}

/** One user's vote on one answer; a later vote by the same user on the same answer replaces it. */
export interface VoteRecord {
  questionId: string;
  userKey: string;
  vote: "up" | "down";
  reason: DownReason | null;
  at: number;
}

/** The store. Writes come in batches from the recorder; reads serve the report. */
export interface StateStore {
  /** Writes questions and votes in one transaction, questions first (votes refer to them). */
  write(batch: { questions: readonly QuestionRecord[]; votes: readonly VoteRecord[] }): Promise<void>;
  /** Votes at or after `sinceMs` and the questions asked since or voted on since, for the report. */
  readSince(sinceMs: number): Promise<{ questions: QuestionRecord[]; votes: VoteRecord[] }>;
  /** Deletes every row of one user (by keyed hash); returns how many rows went. */
  forgetUser(userKey: string): Promise<{ questions: number; votes: number }>;
  /** Deletes rows older than `beforeMs`; returns how many went. */
  deleteBefore(beforeMs: number): Promise<number>;
  /** The value kept under `key`, or `value` stored there and returned when there is none yet. */
  meta(key: string, value: string): Promise<string>;
  close(): Promise<void>;
}
