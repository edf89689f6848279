import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { deferThenShow } from "../src/discord/respond.js";
import { passagePayload } from "../src/discord/source-flow.js";

/** `/source id:<passage id>`: the passage in full with its headline, zones and date. */
export default {
  data: new SlashCommandBuilder()
    .setName("source")
    .setDescription("Show a cited passage in full")
    .setDescriptionLocalizations({ "zh-CN": "查看被引用段落的原文" })
    .addStringOption((o) =>
      o
        .setName("id")
        .setDescription("Passage id, as `ask --json` and the command line give it")
        .setDescriptionLocalizations({ "zh-CN": "段落编号（见原文底部）" })
        .setRequired(true)
        .setMaxLength(200),
    ),

  async execute(interaction, ctx) {
    const id = interaction.options.getString("id", true).trim();
    // Found: shown to the channel, as the command was; not found: told privately.
    await deferThenShow(interaction, () => passagePayload(id, interaction.user.id, ctx));
  },
} satisfies Command;
