import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { deferThenShow } from "../src/discord/respond.js";
import { renderZone, renderZoneNotFound } from "../src/discord/zone-render.js";

/** Discord allows 25 autocomplete choices of at most 100 characters each. */
const MAX_CHOICES = 25;

/** `/zone name:<zone> [page:<n>]`: one zone's articles (a page of them) and key figures, with autocomplete on the name. */
export default {
  data: new SlashCommandBuilder()
    .setName("zone")
    .setDescription("One high-tech zone: its articles and key figures")
    .setDescriptionLocalizations({ "zh-CN": "查看某个高新区的文章和关键数字" })
    .addStringOption((o) =>
      o
        .setName("name")
        .setDescription("Zone name, e.g. 珠海高新区")
        .setDescriptionLocalizations({ "zh-CN": "高新区名称，例如：珠海高新区" })
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    // A zone of a few months' news has more articles than one message lists: its later pages.
    .addIntegerOption((o) =>
      o
        .setName("page")
        .setDescription("Page of the article list (the buttons turn it too)")
        .setDescriptionLocalizations({ "zh-CN": "文章列表的页码（也可用按钮翻页）" })
        .setMinValue(1)
        .setMaxValue(9999),
    ),

  async execute(interaction, ctx) {
    const name = interaction.options.getString("name", true).trim();
    const page = (interaction.options.getInteger("page") ?? 1) - 1;
    await deferThenShow(interaction, async () => {
      const detail = await ctx.service.zone(name);
      return detail === null
        ? { visible: false, payload: renderZoneNotFound(name) }
        : { visible: true, payload: renderZone(detail, page) };
    });
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    const names = ctx.service
      .zoneNames(typed.trim(), MAX_CHOICES)
      .filter((n) => n.length > 0 && n.length <= 100)
      .slice(0, MAX_CHOICES);
    await interaction.respond(names.map((n) => ({ name: n, value: n })));
  },
} satisfies Command;
