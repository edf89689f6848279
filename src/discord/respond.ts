import { randomBytes } from "node:crypto";
import {
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type Message,
  MessageFlags,
} from "discord.js";
import type { Logger } from "../logger.js";
import { type Payload, renderError } from "./render.js";

/**
 * The one place rendered payloads meet discord.js, and the one error handler: any failure becomes a
 * private `出错了` reply carrying an id that is also in the log.
 */

/**
 * A rendered payload as discord.js message options. The payload's embeds and components are typed
 * with discord-api-types, which discord.js takes as they are, so this is a plain copy the compiler checks.
 */
export function toMessage(payload: Payload): BaseMessageOptions {
  return {
    content: payload.content,
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowedMentions,
  };
}

/** A rendered payload as a reply only the asker sees. */
export function privately(payload: Payload): InteractionReplyOptions & { flags: MessageFlags.Ephemeral } {
  return { ...toMessage(payload), flags: MessageFlags.Ephemeral };
}

/** What a looked-up view yields: a payload for the channel, or one only the asker should see (not found). */
export interface LookedUp {
  visible: boolean;
  payload: Payload;
}

/**
 * Defers at once, then shows what `work` yields. Views read from the store (`/source`, `/zone`), which
 * with `STORE=postgres` is a database round trip, so no lookup can miss Discord's 3-second window.
 * A visible payload fills the deferred reply; a private one replaces it (the public deferral is deleted
 * and the payload follows only for the asker), as a not-found is told privately.
 */
export async function deferThenShow(
  interaction: ChatInputCommandInteraction,
  work: () => Promise<LookedUp>,
): Promise<void> {
  await interaction.deferReply();
  const { visible, payload } = await work();
  if (visible) {
    await interaction.editReply(toMessage(payload));
    return;
  }
  await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp(privately(payload));
}

/** Defers privately at once, then shows what `work` yields (a source button's passage, only for the clicker). */
export async function deferThenShowPrivately(
  interaction: ButtonInteraction,
  work: () => Promise<Payload>,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(toMessage(await work()));
}

/** A short random id for an error, shown to the user and logged. */
export function newErrorId(): string {
  return randomBytes(4).toString("hex");
}

/** What we log about where an error happened: ids and names only, never tokens or message text. */
function describeTarget(target: Interaction | Message): Record<string, unknown> {
  if ("commandName" in target && typeof target.commandName === "string") {
    return { interactionId: target.id, command: target.commandName, userId: target.user.id };
  }
  if ("customId" in target && typeof target.customId === "string") {
    return { interactionId: target.id, customId: target.customId.slice(0, 40), userId: target.user.id };
  }
  if ("author" in target)
    return { messageId: target.id, channelId: target.channelId, userId: target.author.id };
  return { interactionId: target.id };
}

/** Name, HTTP status, Discord code and message of an error: no URL, request body or stack. */
export function summarizeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { status?: unknown; code?: unknown };
  return { name: e.name, status: e.status, code: e.code, message: e.message };
}

/**
 * Logs `error` with a fresh id and tells the user privately. Never throws: a failure to reply is
 * itself logged and dropped, so no error here can take the process down.
 */
export async function reportError(
  target: Interaction | Message,
  error: unknown,
  logger: Logger,
): Promise<string> {
  const errorId = newErrorId();
  logger.error({ err: error, errorId, ...describeTarget(target) }, "handler failed");
  const payload = renderError(errorId);
  try {
    if ("author" in target) {
      await target.reply(toMessage(payload));
    } else if (target.isAutocomplete()) {
      if (!target.responded) await target.respond([]);
    } else if (target.isRepliable()) {
      if (target.deferred && !target.replied) {
        if (target.ephemeral) await target.editReply(toMessage(payload));
        else {
          // The first follow-up after a public deferral would replace it publicly; remove it first.
          await target.deleteReply().catch(() => undefined);
          await target.followUp(privately(payload));
        }
      } else if (target.replied || target.deferred) await target.followUp(privately(payload));
      else await target.reply(privately(payload));
    }
  } catch (replyError) {
    // Ids stay on the first line only, so a failure is logged once with the interaction id.
    logger.warn(
      { errorId, notifyError: summarizeError(replyError) },
      "could not tell the user about the error",
    );
  }
  return errorId;
}
