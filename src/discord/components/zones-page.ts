import { button } from "../component.js";
import { parseCustomId } from "../custom-ids.js";
import { toMessage } from "../respond.js";
import { zonesPagePayload } from "../zones-flow.js";

/** `zones:<page>:<prev|next>` under `/zones`: turns the page in place. */
export default button({
  name: "zones-page",
  parse(customId) {
    const action = parseCustomId(customId);
    return action?.kind === "zones" ? action : null;
  },
  async run(interaction, action, ctx) {
    await interaction.deferUpdate();
    await interaction.editReply(toMessage(await zonesPagePayload(ctx, action.page)));
  },
});
