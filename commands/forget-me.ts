import { MessageFlags, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { renderForgetUnavailable, renderForgotten } from "../src/discord/feedback-render.js";
import { toMessage } from "../src/discord/respond.js";

/** `/forget-me`: deletes every question and vote recorded for the asker, and says how many. */
export default {
  data: new SlashCommandBuilder()
    .setName("forget-me")
    .setDescription("Delete the questions and feedback recorded for you")
    .setDescriptionLocalizations({ "zh-CN": "删除机器人为你记录的提问和反馈" }),

  async execute(interaction, ctx) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const state = ctx.state;
    const result = state
      ? await state.forgetUser(interaction.user.id)
      : ({ ok: false, error: "这个机器人没有配置统计库（STATE_DB）" } as const);
    if (result.ok) ctx.logger.info(result.value, "forget-me: user's rows deleted");
    await interaction.editReply(
      toMessage(result.ok ? renderForgotten(result.value) : renderForgetUnavailable(result.error)),
    );
  },
} satisfies Command;
