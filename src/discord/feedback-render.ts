import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import { REASON_LABEL, type Report } from "../report/build.js";
import type { DownReason } from "../state/types.js";
import { type ActionRow, fitLines, LIMITS, type Payload, textPayload } from "./render.js";
import { escapeAndTruncate } from "./text.js";

/**
 * Pure rendering for feedback and the report, typed with discord-api-types: the 👍/👎 row under an
 * answer, the private acknowledgements, the reason menu, and the `/report` embed.
 */

/** Answer ids are 12 base64url characters, so every feedback custom id stays under 20. */
const ANSWER_ID = /^[\w-]{6,32}$/;

export type FeedbackAction =
  | { kind: "up"; answerId: string }
  | { kind: "down"; answerId: string }
  | { kind: "missing"; answerId: string }
  | { kind: "reason"; answerId: string };

const PREFIX: Record<FeedbackAction["kind"], string> = {
  up: "fb:up",
  down: "fb:down",
  missing: "fb:miss",
  reason: "fb:why",
};

/** The custom id of a feedback button or the reason menu (distinct from `src:`/`zones:` ids). */
export function feedbackId(kind: FeedbackAction["kind"], answerId: string): string {
  return `${PREFIX[kind]}:${answerId}`;
}

/** Reads a feedback custom id back; anything else (other buttons, forged ids) is null. */
export function parseFeedbackId(id: string): FeedbackAction | null {
  const m = /^fb:(up|down|miss|why):(.+)$/.exec(id);
  if (!m?.[2] || !ANSWER_ID.test(m[2])) return null;
  const kind = ({ up: "up", down: "down", miss: "missing", why: "reason" } as const)[m[1] as "up"];
  return { kind, answerId: m[2] };
}

/**
 * The feedback row: 👍 and 👎, or under a declined answer 👍 and “这个问题语料里应该有” (a 👎 with
 * that reason).
 */
export function feedbackRow(
  answerId: string,
  declined: boolean,
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const button = (kind: FeedbackAction["kind"], label: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: feedbackId(kind, answerId),
  });
  return {
    type: ComponentType.ActionRow,
    components: declined
      ? [button("up", "👍"), button("missing", `👎 ${REASON_LABEL.missing}`)]
      : [button("up", "👍"), button("down", "👎")],
  };
}

/**
 * `payload` with the feedback row as its last row. Source buttons keep at most four rows (twenty
 * sources, more than any answer cites), so the message stays within Discord's five.
 */
export function withFeedback(payload: Payload, answerId: string, declined: boolean): Payload {
  const row: ActionRow = feedbackRow(answerId, declined);
  return { ...payload, components: [...payload.components.slice(0, LIMITS.actionRows - 1), row] };
}

/** The 👎 reasons the menu offers (the declined answer's own reason has its button). */
const MENU_REASONS: DownReason[] = ["wrong", "citation", "off_point", "outdated"];

/** The private reply to 👎: thanks, and an optional reason to pick. */
export function renderDownAck(answerId: string): {
  content: string;
  components: APIActionRowComponent<APIStringSelectComponent>[];
} {
  return {
    content: "已记为 👎，谢谢反馈。想说明原因的话可以选一个（可不选）：",
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: feedbackId("reason", answerId),
            placeholder: "哪里不对？",
            min_values: 1,
            max_values: 1,
            options: MENU_REASONS.map((r) => ({ label: REASON_LABEL[r], value: r })),
          },
        ],
      },
    ],
  };
}

/** The private reply to 👍, to “这个问题语料里应该有”, and to a chosen reason. */
export function renderVoteAck(vote: "up" | "down", reason: DownReason | null): Payload {
  if (vote === "up") return textPayload("已记为 👍，谢谢反馈！想改主意的话，点 👎 即可。");
  if (reason === "missing")
    return textPayload("已记为 👎：这个问题语料里应该有。谢谢，这会帮助我们补充语料。");
  return textPayload(reason ? `已记为 👎，原因：${REASON_LABEL[reason]}。谢谢！` : "已记为 👎，谢谢反馈。");
}

/** A feedback click when nothing can be recorded. */
export function renderFeedbackUnavailable(): Payload {
  return textPayload("反馈暂时无法记录，抱歉。");
}

/** `/report` when the store cannot be read: why. */
export function renderReportUnavailable(reason: string): Payload {
  return textPayload(`统计报告不可用：${escapeAndTruncate(reason, 1500)}`);
}

/** `/report` from someone without Manage Server. */
export function renderReportRefused(): Payload {
  return textPayload("抱歉，只有有“管理服务器”权限的成员才能查看统计报告。");
}

/** `/forget-me` when the store cannot be used. */
export function renderForgetUnavailable(reason: string): Payload {
  return textPayload(`现在无法删除记录：${escapeAndTruncate(reason, 1500)}`);
}

/** `/forget-me`'s answer. */
export function renderForgotten(counts: { questions: number; votes: number }): Payload {
  if (counts.questions + counts.votes === 0) return textPayload("没有找到你的记录，没有需要删除的内容。");
  return textPayload(`已删除你的 ${counts.questions} 条提问记录和 ${counts.votes} 条反馈。`);
}

/** The file name the chart is attached under, referenced by the embed. */
export const REPORT_CHART_NAME = "report.png";

/** The `/report` embed; the chart is attached as {@link REPORT_CHART_NAME}. */
export function renderReportEmbed(report: Report, opts: { days: number; recording: boolean }): APIEmbed {
  const { totals } = report;
  const field = LIMITS.fieldValue;
  const declined = report.declined.map(
    (g) =>
      `**${escapeAndTruncate(g.key, 60)}**${g.kind === "topic" ? "（关键词）" : ""} × ${g.count}：${escapeAndTruncate(g.examples[0] ?? "", 80)}`,
  );
  const downvoted = report.downvoted.map((a) => {
    const reasons = Object.entries(a.reasons)
      .map(([r, n]) => `${REASON_LABEL[r as DownReason]}${n > 1 ? ` ×${n}` : ""}`)
      .join("、");
    const cites = a.citations.length > 0 ? a.citations.slice(0, 3).join("、") : "无引用";
    return `👎${a.down} 👍${a.up} ${escapeAndTruncate(a.question ?? "（问题已删除）", 80)}${reasons ? `（${reasons}）` : ""}\n　引用：${escapeAndTruncate(cites, 120)}`;
  });
  const uncovered = report.uncoveredZones.map((z) => `${escapeAndTruncate(z.zone, 40)} × ${z.count}`);
  return {
    title: `近 ${opts.days} 天的提问与反馈`,
    color: 0x2f80ed,
    description: [
      `提问 **${totals.asked}**，已回答 **${totals.answered}**，未回答 **${totals.declined}**；👍 **${totals.up}**，👎 **${totals.down}**`,
      ...(opts.recording ? [] : ["⚠️ 记录已停止（详见日志），以下是停止前写入的数据。"]),
    ].join("\n"),
    fields: [
      { name: "未回答的问题（按高新区或关键词）", value: fitLines(declined, field) || "—" },
      { name: "被点 👎 的回答", value: fitLines(downvoted, field) || "—" },
      { name: "被问到但语料未覆盖的高新区", value: fitLines(uncovered, field) || "—" },
    ],
    image: { url: `attachment://${REPORT_CHART_NAME}` },
    footer: {
      text: `${report.since.slice(0, 10)} 至 ${report.until.slice(0, 10)} · 日期按 ${report.timeZone}`,
    },
  };
}
