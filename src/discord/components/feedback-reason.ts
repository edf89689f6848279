import { DOWN_REASONS } from "../../state/types.js";
import { select } from "../component.js";
import { recordVote } from "../feedback.js";
import { parseFeedbackId, renderFeedbackUnavailable, renderVoteAck } from "../feedback-render.js";
import { privately, toMessage } from "../respond.js";

/** The reason picked in the 👎 menu (`fb:why:<answer id>`): the vote is stored again with it. */
export default select({
  name: "feedback-reason",
  parse(customId) {
    const action = parseFeedbackId(customId);
    return action?.kind === "reason" ? action : null;
  },
  async run(interaction, action, ctx) {
    const picked = interaction.values[0];
    const reason = DOWN_REASONS.find((r) => r === picked) ?? null;
    if (reason === null || !recordVote(ctx, interaction.user.id, action, "down", reason)) {
      await interaction.reply(privately(renderFeedbackUnavailable()));
      return;
    }
    // The menu sits on the private acknowledgement, so updating it is private too.
    await interaction.update({ ...toMessage(renderVoteAck("down", reason)), components: [] });
  },
});
