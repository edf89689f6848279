import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { renderPassage, renderPassageNotFound } from "../src/discord/render.js";
import { privately, toMessage } from "../src/discord/respond.js";

/** `/source id:<passage id>`: the passage in full with its headline. */
export default {
  data: new SlashCommandBuilder()
    .setName("source")
    .setDescription("Show a cited passage in full")
    .setDescriptionLocalizations({ "zh-CN": "查看被引用段落的原文" })
    .addStringOption((o) =>
      o
        .setName("id")
        .setDescription("Passage id, as shown under an answer's source")
        .setDescriptionLocalizations({ "zh-CN": "段落编号（见原文底部）" })
        .setRequired(true)
        .setMaxLength(200),
    ),

  async execute(interaction, ctx) {
    const id = interaction.options.getString("id", true).trim();
    const view = ctx.service.passage(id);
    if (view === null) {
      await interaction.reply(privately(renderPassageNotFound(id)));
      return;
    }
    await interaction.reply(toMessage(renderPassage(view)));
  },
} satisfies Command;
