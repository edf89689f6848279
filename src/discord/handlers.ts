import { type Interaction, type Message, MessageType } from "discord.js";
import { admitQuestion, answerPayload } from "./ask-flow.js";
import type { BotContext, Command } from "./command.js";
import { type Component, routeComponent } from "./component.js";
import { chainMessage, conversationBefore } from "./followup.js";
import { renderMentionHelp, textPayload } from "./render.js";
import { privately, reportError, toMessage } from "./respond.js";

/**
 * Event handlers, named after their events. Each one catches everything it can throw and hands it
 * to {@link reportError}, so no interaction or message can take the process down.
 */

/**
 * Routes an interaction: a slash command or its autocomplete to its module in `commands/`, a button
 * or menu to the component module that owns its custom id (see component.ts).
 */
export async function onInteractionCreate(
  interaction: Interaction,
  ctx: BotContext,
  commands: ReadonlyMap<string, Command>,
  components: readonly Component[],
): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) {
        await interaction.reply(privately(textPayload("这个命令已经不存在了，请用 /help 查看可用命令。")));
        return;
      }
      await command.execute(interaction, ctx);
    } else if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, ctx);
      else await interaction.respond([]);
    } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
      if (!(await routeComponent(interaction, ctx, components)))
        await interaction.reply(privately(textPayload("这个按钮已经失效了。")));
    }
  } catch (error) {
    await reportError(interaction, error, ctx.logger);
  }
}

/** `<@id>` and `<@!id>` mentions of the bot. */
function mentionPattern(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`, "g");
}

/**
 * True when `message` may be a follow-up: a reply (not a forward) to a message of the bot, as far as
 * the gateway payload tells (`referenced_message` carries its author; without it, the chain decides),
 * and answers are model-written — only then are earlier turns used.
 */
function mayFollowUp(message: Message, ctx: BotContext, botId: string): boolean {
  if (message.type !== MessageType.Reply || !message.reference?.messageId) return false;
  const repliedTo = message.mentions.repliedUser?.id;
  if (repliedTo !== undefined && repliedTo !== botId) return false;
  return ctx.service.stats().mode === "llm";
}

/**
 * A message in a channel the bot answers as a reply to it: an @mention (the rest of the message is the
 * question) or, in model mode, a reply to one of the bot's answers (a follow-up, answered with the
 * earlier turns of the reply chain). Messages from bots (this one included) and everything else are
 * ignored.
 */
export async function onMessageCreate(message: Message, ctx: BotContext, botId: string): Promise<void> {
  if (message.author.bot || message.author.id === botId || message.webhookId) return;
  const raw = message.content.replace(mentionPattern(botId), " ");
  const mentioned = raw !== message.content;
  const followUp = mayFollowUp(message, ctx, botId);
  if (!mentioned && !followUp) return;
  try {
    // Null unless the message replies to the bot; reading the chain costs a fetch per message in it.
    const history = followUp ? await conversationBefore(chainMessage(message), botId) : null;
    if (!mentioned && history === null) return;
    if (raw.trim() === "") {
      if (mentioned) await message.reply(toMessage(renderMentionHelp()));
      return;
    }
    const admitted = admitQuestion(raw, message.author.id, ctx);
    if (!admitted.ok) {
      await message.reply(toMessage(admitted.error));
      return;
    }
    // "Typing…" only for a slow answer (a model's): a fast one lands before it would show, and each
    // typing call spends a request of the bot token's global 50/s.
    const channel = message.channel;
    const typing =
      "sendTyping" in channel
        ? setTimeout(() => {
            void channel
              .sendTyping()
              .catch((error: unknown) => ctx.logger.debug({ err: error }, "typing failed"));
          }, ctx.progress.delayMs)
        : undefined;
    let payload: Awaited<ReturnType<typeof answerPayload>>;
    try {
      payload = await answerPayload(admitted.value, ctx, {
        echoQuestion: false,
        ...(history !== null ? { history } : {}),
        asker: { userId: message.author.id, guildId: message.guildId, channelId: message.channelId },
      });
    } finally {
      clearTimeout(typing);
    }
    await message.reply(toMessage(payload));
  } catch (error) {
    await reportError(message, error, ctx.logger);
  }
}
