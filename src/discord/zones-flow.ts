import type { BotContext } from "./command.js";
import type { Payload } from "./render.js";
import { renderZonesPage, zonesPage } from "./zone-render.js";

/**
 * One page of `/zones` (the command and its page buttons): the zones of the page with their newest
 * headlines, fetched for those zones only (a store may have to read them from its database).
 */
export async function zonesPagePayload(ctx: BotContext, page: number): Promise<Payload> {
  const zones = ctx.service.zones();
  const { shown } = zonesPage(zones, page);
  const listed = await ctx.service.zoneList(shown.map((z) => z.zone));
  return renderZonesPage(zones, page, {
    articles: ctx.service.stats().articles,
    newest: new Map(listed.map((z) => [z.zone, z.newest])),
  });
}
