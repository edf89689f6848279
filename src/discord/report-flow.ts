import { buildReport } from "../report/build.js";
import { chartPng } from "../report/chart.js";
import type { BotContext } from "./command.js";
import { renderReportEmbed, renderReportRefused, renderReportUnavailable } from "./feedback-render.js";
import type { Payload } from "./render.js";

/**
 * `/report` free of discord.js: the same Manage Server gate as `/reindex`, then the report of the
 * last `days` days as an embed and a PNG chart. Every reply is private to the admin who asked.
 */

export interface ReportReplies {
  refuse(payload: Payload): Promise<unknown>;
  defer(): Promise<unknown>;
  /** Replaces the deferred reply with the embed and the chart attachment. */
  finish(report: { embed: ReturnType<typeof renderReportEmbed>; png: Buffer }): Promise<unknown>;
  /** Replaces the deferred reply with text (the store could not be read). */
  fail(payload: Payload): Promise<unknown>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs `/report` for `asker` over the last `days` days. */
export async function reportFlow(
  asker: { userId: string; canManageServer: boolean },
  days: number,
  ctx: BotContext,
  replies: ReportReplies,
): Promise<void> {
  if (!asker.canManageServer) {
    ctx.logger.warn({ userId: asker.userId }, "report refused: no Manage Server permission");
    await replies.refuse(renderReportRefused());
    return;
  }
  const state = ctx.state;
  if (!state || state.unavailable !== null) {
    await replies.refuse(
      renderReportUnavailable(state?.unavailable ?? "这个机器人没有配置统计库（STATE_DB）"),
    );
    return;
  }
  await replies.defer();
  const now = Date.now();
  const rows = await state.readSince(now - days * DAY_MS);
  if (!rows.ok) {
    ctx.logger.warn({ reason: rows.error }, "report: state store unreadable");
    await replies.fail(renderReportUnavailable(rows.error));
    return;
  }
  const report = buildReport(rows.value, { since: now - days * DAY_MS, now });
  const png = await chartPng(report);
  await replies.finish({ embed: renderReportEmbed(report, { days, recording: state.recording }), png });
}
