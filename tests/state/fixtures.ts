import type { QuestionRecord, VoteRecord } from "../../src/state/types.js";

/** A recorded question with sensible defaults, `fields` laid over them. */
export function question(fields: Partial<QuestionRecord> & { id: string }): QuestionRecord {
  return {
    at: Date.parse("2026-12-01T08:00:00Z"),
    guildId: "200000000000000001",
    channelId: "300000000000000001",
    userKey: "user-a",
    question: "珠海高新区工业投资增速多少",
    mode: "extractive",
    declined: false,
    citations: ["000_d463814998410617-5#0"],
    zones: ["珠海高新区"],
    uncovered: [],
    topic: "增速·工业投资",
    latencyMs: 12,
    ...fields,
  };
}

/** A vote with defaults. */
export function vote(fields: Partial<VoteRecord> & { questionId: string }): VoteRecord {
  return { userKey: "user-b", vote: "up", reason: null, at: Date.parse("2026-12-01T09:00:00Z"), ...fields };
}
