import { randomBytes } from "node:crypto";
import { ASK_IN_CHINESE } from "../answer/answer.js";
import { questionTopics } from "../answer/topics.js";
import type { Answer } from "../answer/types.js";
import type { DownReason } from "../state/types.js";
import type { BotContext } from "./command.js";
import { type FeedbackAction, withFeedback } from "./feedback-render.js";
import type { Payload } from "./render.js";

/**
 * Recording each answer and the votes on it. Every acknowledgement is private (ephemeral): one
 * person's vote never edits the answer everyone sees.
 */

/** Where a question was asked, as Discord tells it; the user id is hashed before it is stored. */
export interface Asker {
  userId: string;
  guildId: string | null;
  channelId: string | null;
}

/** A fresh answer id: 12 base64url characters (72 random bits). */
export function newAnswerId(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * Queues the record of an answered question and returns `payload` with the feedback row, or
 * `payload` unchanged while nothing is being recorded (no buttons that could not be honoured).
 */
export function recordAnswer(
  ctx: BotContext,
  asker: Asker,
  answer: Answer,
  latencyMs: number,
  payload: Payload,
): Payload {
  const state = ctx.state;
  if (!state?.recording) return payload;
  const id = newAnswerId();
  // The zone list, not `service.zone()`: that builds the zone's whole detail (its key figures), which
  // cost milliseconds per answer; the names found here are canonical, as the list's are.
  const zones = ctx.service.zones();
  const topics = questionTopics(answer.question, (name) => zones.some((z) => z.zone === name));
  state.recordQuestion({
    id,
    at: Date.now(),
    guildId: asker.guildId,
    channelId: asker.channelId,
    userKey: state.userKey(asker.userId),
    question: answer.question,
    mode: answer.mode,
    declined: answer.abstained,
    citations: answer.citations.map((c) => c.passageId),
    ...topics,
    latencyMs: Math.round(latencyMs),
  });
  return withFeedback(payload, id, searchedAndDeclined(answer));
}

/**
 * Whether `answer` declined after looking in the corpus, so “这个问题语料里应该有” is the 👎 that
 * fits. A question refused for its language was never looked up: the corpus lacks nothing, and the
 * plain 👍/👎 row goes under it.
 */
export function searchedAndDeclined(answer: Answer): boolean {
  return answer.abstained && answer.answer !== ASK_IN_CHINESE;
}

/**
 * Records `userId`'s vote on the answer `action` names, with the 👎 reason if any; false while
 * nothing can be recorded.
 */
export function recordVote(
  ctx: BotContext,
  userId: string,
  action: FeedbackAction,
  choice: "up" | "down",
  reason: DownReason | null,
): boolean {
  const state = ctx.state;
  if (!state?.recording) return false;
  state.recordVote({
    questionId: action.answerId,
    userKey: state.userKey(userId),
    vote: choice,
    reason,
    at: Date.now(),
  });
  ctx.logger.debug({ answerId: action.answerId, vote: choice, reason }, "feedback recorded");
  return true;
}
