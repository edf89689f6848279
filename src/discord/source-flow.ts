import type { BotContext } from "./command.js";
import { renderPassage, renderPassageNotFound } from "./render.js";
import type { LookedUp } from "./respond.js";

/**
 * A passage for `/source` and the citation buttons. Users see the headline, zones, date and text; the
 * passage id and the corpus file it came from are logged, for whoever runs the bot.
 */
export async function passagePayload(id: string, userId: string, ctx: BotContext): Promise<LookedUp> {
  const view = await ctx.service.passage(id);
  if (view === null) {
    ctx.logger.info({ passageId: id.slice(0, 200), userId }, "passage not found");
    return { visible: false, payload: renderPassageNotFound() };
  }
  ctx.logger.info({ passageId: view.id, source: view.source, userId }, "passage shown");
  return { visible: true, payload: renderPassage(view) };
}
