import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { renderZonesPage } from "../src/discord/render.js";
import { toMessage } from "../src/discord/respond.js";

/** `/zones`: every zone with its article count, most covered first, paged with buttons. */
export default {
  data: new SlashCommandBuilder()
    .setName("zones")
    .setDescription("List the high-tech zones the news covers, with article counts")
    .setDescriptionLocalizations({ "zh-CN": "列出资料库中的高新区及文章数" }),

  async execute(interaction, ctx) {
    await interaction.reply(toMessage(renderZonesPage(ctx.service.zones(), 0)));
  },
} satisfies Command;
