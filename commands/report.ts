import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { REPORT_CHART_NAME } from "../src/discord/feedback-render.js";
import { reportFlow } from "../src/discord/report-flow.js";
import { privately, toMessage } from "../src/discord/respond.js";

/**
 * `/report [days]`: what people asked, what went unanswered, the 👍/👎 — an embed and a chart, for
 * members with Manage Server only (the `/reindex` gate), in servers only.
 */
export default {
  data: new SlashCommandBuilder()
    .setName("report")
    .setDescription("Questions, unanswered questions and feedback (Manage Server only)")
    .setDescriptionLocalizations({
      "zh-CN": "提问、未回答的问题和反馈的统计（仅限有“管理服务器”权限的成员）",
    })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((o) =>
      o
        .setName("days")
        .setDescription("How many days back (default 7)")
        .setDescriptionLocalizations({ "zh-CN": "统计最近多少天（默认 7）" })
        .setMinValue(1)
        .setMaxValue(365),
    ),

  async execute(interaction, ctx) {
    await reportFlow(
      {
        userId: interaction.user.id,
        canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      },
      interaction.options.getInteger("days") ?? 7,
      ctx,
      {
        refuse: (payload) => interaction.reply(privately(payload)),
        defer: () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
        finish: ({ embed, png }) =>
          interaction.editReply({
            content: "",
            embeds: [embed],
            files: [{ attachment: png, name: REPORT_CHART_NAME }],
            allowedMentions: { parse: [] },
          }),
        fail: (payload) => interaction.editReply(toMessage(payload)),
      },
    );
  },
} satisfies Command;
