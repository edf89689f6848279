import { button } from "../component.js";
import { parseCustomId } from "../custom-ids.js";
import { toMessage } from "../respond.js";
import { renderZone, renderZoneNotFound } from "../zone-render.js";

/** `zone:<page>:<prev|next>:<zone>` under `/zone`: turns the page of the zone's articles in place. */
export default button({
  name: "zone-page",
  parse(customId) {
    const action = parseCustomId(customId);
    return action?.kind === "zone" ? action : null;
  },
  async run(interaction, action, ctx) {
    await interaction.deferUpdate();
    // Read again: the index may have been rebuilt since the message was sent (the page is kept in range).
    const detail = await ctx.service.zone(action.zone);
    await interaction.editReply(
      toMessage(detail === null ? renderZoneNotFound(action.zone) : renderZone(detail, action.page)),
    );
  },
});
