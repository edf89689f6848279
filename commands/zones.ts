import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { deferThenShow } from "../src/discord/respond.js";
import { zonesPagePayload } from "../src/discord/zones-flow.js";

/** `/zones`: every zone with its article count and newest headlines, most covered first, paged with buttons. */
export default {
  data: new SlashCommandBuilder()
    .setName("zones")
    .setDescription("List the high-tech zones the news covers, with article counts")
    .setDescriptionLocalizations({ "zh-CN": "列出资料库中的高新区及文章数" }),

  async execute(interaction, ctx) {
    await deferThenShow(interaction, async () => ({
      visible: true,
      payload: await zonesPagePayload(ctx, 0),
    }));
  },
} satisfies Command;
