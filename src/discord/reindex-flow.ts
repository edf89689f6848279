import type { BotContext } from "./command.js";
import {
  type Payload,
  renderReindexBusy,
  renderReindexed,
  renderReindexFailed,
  renderReindexRefused,
  renderReindexUnavailable,
} from "./render.js";

/**
 * `/reindex` free of discord.js: who may run it, one rebuild at a time, and what each outcome says.
 * Every reply is private; only the admin who asked sees it.
 */

/** The three ways `/reindex` answers, as the command maps them onto the interaction. */
export interface ReindexReplies {
  /** An immediate private reply (refusals): nothing was started. */
  refuse(payload: Payload): Promise<unknown>;
  /** Defers privately, before the rebuild starts. */
  defer(): Promise<unknown>;
  /** Replaces the deferred reply with the outcome. */
  finish(payload: Payload): Promise<unknown>;
}

/**
 * Checks the asker's Manage Server permission (Discord hides the command from others by default, but a server can
 * override that, so it is checked again here), refuses while a rebuild runs, else defers, rebuilds
 * and reports the new counts or why it failed — the index in use keeps answering either way.
 */
export async function reindexFlow(
  asker: { userId: string; canManageServer: boolean },
  ctx: BotContext,
  replies: ReindexReplies,
): Promise<void> {
  const { userId } = asker;
  if (!asker.canManageServer) {
    ctx.logger.warn({ userId }, "reindex refused: no Manage Server permission");
    await replies.refuse(renderReindexRefused());
    return;
  }
  const reindexer = ctx.reindex;
  if (reindexer === undefined) {
    await replies.refuse(renderReindexUnavailable());
    return;
  }
  if (reindexer.running) {
    await replies.refuse(renderReindexBusy());
    return;
  }
  await replies.defer();
  ctx.logger.info({ userId }, "reindex started");
  const result = await reindexer.run();
  if (result.ok) {
    const outcome = result.value.changed ? "reindex done: new index in service" : "reindex: nothing changed";
    ctx.logger.info({ userId, ...result.value }, outcome);
    await replies.finish(renderReindexed(result.value));
  } else {
    ctx.logger.warn({ userId, ...result.error }, "reindex failed: old index still in service");
    await replies.finish(renderReindexFailed(result.error));
  }
}
