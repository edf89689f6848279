import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { MAX_QUESTION_CHARS } from "../src/answer/question.js";
import { admitQuestion, answerPayload } from "../src/discord/ask-flow.js";
import type { Command } from "../src/discord/command.js";
import { privately, toMessage } from "../src/discord/respond.js";

/** `/ask question:<text> [private:<bool>]`: a cited answer from the news corpus. */
export default {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about China's high-tech zones; every answer is cited")
    .setDescriptionLocalizations({ "zh-CN": "提问高新区新闻，回答附出处" })
    .addStringOption((o) =>
      o
        .setName("question")
        .setDescription("Your question, e.g. 珠海高新区工业投资增速多少")
        .setDescriptionLocalizations({ "zh-CN": "你的问题，例如：珠海高新区工业投资增速多少" })
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    )
    .addBooleanOption((o) =>
      o
        .setName("private")
        .setDescription("Only you see the answer")
        .setDescriptionLocalizations({ "zh-CN": "只有你能看到回答" }),
    ),

  async execute(interaction, ctx) {
    const admitted = admitQuestion(interaction.options.getString("question", true), interaction.user.id, ctx);
    if (!admitted.ok) {
      await interaction.reply(privately(admitted.error));
      return;
    }
    const isPrivate = interaction.options.getBoolean("private") ?? false;
    await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    const payload = await answerPayload(admitted.value, ctx, {
      echoQuestion: true,
      showProgress: (p) => interaction.editReply(toMessage(p)),
      asker: { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId },
    });
    await interaction.editReply(toMessage(payload));
  },
} satisfies Command;
