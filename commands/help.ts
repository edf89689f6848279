import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { renderHelp } from "../src/discord/render.js";
import { privately } from "../src/discord/respond.js";

/** `/help`: how to ask, every registered command, and what the bot knows. Private, as it is only for the asker. */
export default {
  data: new SlashCommandBuilder()
    .setName("help")
    .setDescription("How to ask, and what the bot knows")
    .setDescriptionLocalizations({ "zh-CN": "使用说明与资料库概况" }),

  async execute(interaction, ctx) {
    await interaction.reply(privately(renderHelp(ctx.service.stats(), ctx.commands, ctx.timeZone)));
  },
} satisfies Command;
