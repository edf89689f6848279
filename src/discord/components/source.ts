import { button } from "../component.js";
import { parseCustomId } from "../custom-ids.js";
import { deferThenShowPrivately } from "../respond.js";
import { passagePayload } from "../source-flow.js";

/** `src:<n>:<passage id>`, the button under a citation or a key figure: opens the passage privately. */
export default button({
  name: "source",
  parse(customId) {
    const action = parseCustomId(customId);
    return action?.kind === "source" ? action : null;
  },
  async run(interaction, action, ctx) {
    await deferThenShowPrivately(
      interaction,
      async () => (await passagePayload(action.passageId, interaction.user.id, ctx)).payload,
    );
  },
});
