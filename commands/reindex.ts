import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { reindexFlow } from "../src/discord/reindex-flow.js";
import { privately, toMessage } from "../src/discord/respond.js";

/**
 * `/reindex`: rebuilds the index from the corpus while questions keep being answered, then answers
 * from the new one. For members with Manage Server only, in servers only.
 */
export default {
  data: new SlashCommandBuilder()
    .setName("reindex")
    .setDescription("Rebuild the index from the corpus (Manage Server only)")
    .setDescriptionLocalizations({ "zh-CN": "从语料重建索引（仅限有“管理服务器”权限的成员）" })
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),

  async execute(interaction, ctx) {
    await reindexFlow(
      {
        userId: interaction.user.id,
        // Null outside a server; `has` lets Administrator through as well.
        canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      },
      ctx,
      {
        refuse: (payload) => interaction.reply(privately(payload)),
        defer: () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
        finish: (payload) => interaction.editReply(toMessage(payload)),
      },
    );
  },
} satisfies Command;
