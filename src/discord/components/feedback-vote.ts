import { MessageFlags } from "discord.js";
import { button } from "../component.js";
import { recordVote } from "../feedback.js";
import {
  parseFeedbackId,
  renderDownAck,
  renderFeedbackUnavailable,
  renderVoteAck,
} from "../feedback-render.js";
import { privately } from "../respond.js";

/**
 * 👍, 👎 and “这个问题语料里应该有” under an answer (`fb:up|down|miss:<answer id>`): the vote is
 * recorded and acknowledged privately; 👎 offers the reason menu (components/feedback-reason.ts).
 */
export default button({
  name: "feedback-vote",
  parse(customId) {
    const action = parseFeedbackId(customId);
    return action === null || action.kind === "reason" ? null : action;
  },
  async run(interaction, action, ctx) {
    const choice = action.kind === "up" ? "up" : "down";
    const reason = action.kind === "missing" ? "missing" : null;
    if (!recordVote(ctx, interaction.user.id, action, choice, reason)) {
      await interaction.reply(privately(renderFeedbackUnavailable()));
      return;
    }
    if (action.kind === "down") {
      await interaction.reply({
        ...renderDownAck(action.answerId),
        allowedMentions: { parse: [] },
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await interaction.reply(privately(renderVoteAck(choice, reason)));
  },
});
