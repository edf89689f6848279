import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { shownTitle } from "../answer/article-text.js";
import type { ReindexError, ReindexSummary } from "../answer/reindex.js";
import type { Answer, AnswerStage, Citation, IndexStats, PassageView, ShortAnswer } from "../answer/types.js";
import { sourceButtonId } from "./custom-ids.js";
import { escapeAndTruncate, escapeInline, escapeKeepingMarkers, escapeMarkdown, truncate } from "./text.js";

/**
 * Pure functions from answer-layer values to Discord message payloads. No discord.js here: the
 * payloads are typed with discord-api-types (the API's own definitions, which discord.js uses too),
 * so discord.js accepts them as they are and every Discord limit can be tested without a client.
 */

/** Discord's documented message limits. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

/** Nobody is pinged by anything the bot writes; replies do not ping the person replied to. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

/** A message's embed, as Discord's API defines it. */
export type Embed = APIEmbed;
export type EmbedField = APIEmbedField;

/** The buttons we send: a custom id the bot handles, or a link to an article's original web page. */
export type Button = APIButtonComponentWithCustomId;
export type LinkButton = APIButtonComponentWithURL;
export type ActionRow = APIActionRowComponent<Button | LinkButton>;

/**
 * A message as the renderers build it: Discord's own JSON shapes for embeds and components, so the
 * compiler checks them against the API, and discord.js's camel-case mention options, which are what
 * its send methods take.
 */
export interface Payload {
  content: string;
  embeds: Embed[];
  components: ActionRow[];
  allowedMentions: typeof NO_MENTIONS;
}

export const COLOR = 0x2f80ed;
const COLOR_MUTED = 0x8a8f98;

/** A payload with only text. */
export function textPayload(content: string): Payload {
  return {
    content: truncate(content, LIMITS.content),
    embeds: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/** Characters Discord counts toward an embed's 6,000 total. */
export function embedLength(embed: Embed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Lays groups of buttons out five to a row, at most five rows, never splitting a group across rows. */
function groupRows(groups: (Button | LinkButton)[][]): ActionRow[] {
  const out: ActionRow[] = [];
  for (const g of groups) {
    const last = out.at(-1);
    if (last && last.components.length + g.length <= LIMITS.buttonsPerRow) last.components.push(...g);
    else if (out.length < LIMITS.actionRows) out.push({ type: ComponentType.ActionRow, components: [...g] });
    else break;
  }
  return out;
}

/** Longest URL a link button takes. */
const MAX_BUTTON_URL = 512;

/**
 * One “[n] 原文” button per passage cited (whose id fits in a custom id): rows citing one passage
 * share its button, which opens the same text however many figures it holds. Beside it, a “[n] 网页”
 * link to the article's original page when it was fetched from the web.
 */
export function sourceButtons(citations: readonly Citation[]): ActionRow[] {
  const groups: (Button | LinkButton)[][] = [];
  const seen = new Set<string>();
  for (const c of citations) {
    const id = sourceButtonId(c.n, c.passageId);
    if (id === null || seen.has(c.passageId)) continue;
    seen.add(c.passageId);
    const group: (Button | LinkButton)[] = [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: `[${c.n}] 原文`, custom_id: id },
    ];
    if (c.url && /^https?:\/\//.test(c.url) && c.url.length <= MAX_BUTTON_URL)
      group.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: `[${c.n}] 网页`, url: c.url });
    groups.push(group);
  }
  return groupRows(groups);
}

/** Lays buttons out five to a row, at most five rows. */
export function rows(buttons: Button[]): ActionRow[] {
  return groupRows(buttons.map((b) => [b]));
}

/**
 * Citation fields for an embed: `[n] headline` and the zones plus the quoted sentence. Quotes share
 * what is left of the 6,000-character budget so the embed always fits.
 */
function citationFields(citations: readonly Citation[], reserved: number): EmbedField[] {
  const shown = citations.slice(0, LIMITS.fields);
  const perField = Math.floor((LIMITS.embedTotal - reserved) / Math.max(1, shown.length));
  return shown.map((c) => {
    const name = escapeAndTruncate(
      `[${c.n}] ${shownTitle(c)}`,
      Math.min(LIMITS.fieldName, Math.floor(perField * 0.4)),
      escapeKeepingMarkers,
    );
    const perValue = Math.min(LIMITS.fieldValue, perField - name.length);
    const zones = c.zones.length > 0 ? escapeMarkdown(c.zones.join("、")) : "未标注高新区";
    const date = c.date ? ` · ${escapeMarkdown(c.date)}` : "";
    const head = truncate(`${zones}${date}`, Math.max(1, Math.floor(perValue / 3)));
    const quote = escapeAndTruncate(c.quote, Math.max(0, perValue - head.length - 3));
    const value = quote === "" ? head : `${head}\n「${quote}」`;
    return { name: name || `[${c.n}]`, value: truncate(value, perValue) || "—" };
  });
}

const MODE_LABEL: Record<Answer["mode"], string> = {
  extractive: "摘录式回答：句子原样摘自新闻",
  llm: "模型生成回答：每处引用均已核对原文",
};

/** Echo of the question, escaped, on its own line. */
function questionLine(question: string): string {
  return `**问：**${escapeAndTruncate(question, 600)}`;
}

/** Longest short-answer line, in UTF-16 units: a fact of a few characters, never most of the message. */
const SHORT_LINE_MAX = 200;

/**
 * The short answer in bold, its period after it in brackets (`**40.7%**（1-4月）`), escaped so its own
 * characters never turn into markdown.
 */
function shortLine(short: ShortAnswer): string {
  // One line: a line break inside would end the bold.
  const text = escapeAndTruncate(short.text.replace(/\s+/g, " "), SHORT_LINE_MAX / 2, escapeInline);
  const qualifier =
    short.qualifier === null
      ? ""
      : `（${escapeAndTruncate(short.qualifier.replace(/\s+/g, " "), SHORT_LINE_MAX / 2 - 10, escapeInline)}）`;
  return text === "" ? "" : `**${text}**${qualifier}`;
}

/**
 * The answer message: the short answer in bold when there is one, then the answer with its `[n]`
 * markers as content, the numbered sources as an embed, and a button per source that opens the
 * passage. An abstention says so and lists the closest sources.
 */
export function renderAnswer(answer: Answer, opts: { echoQuestion?: boolean } = {}): Payload {
  const head = opts.echoQuestion ? `${questionLine(answer.question)}\n` : "";
  const shortText = !answer.abstained && answer.short ? shortLine(answer.short) : "";
  const short = shortText === "" ? "" : `${shortText}\n`;
  const body = answer.abstained
    ? `${escapeKeepingMarkers(answer.answer.trim() || "资料库里没有找到能回答这个问题的内容。")}${
        answer.citations.length > 0 ? "\n以下是最接近的来源，供参考：" : ""
      }`
    : short +
      (answer.kind !== undefined
        ? // A digest or a list: whole lines, one item each with its citation, and a count of any left out.
          fitLines(
            answer.answer.split("\n").map(escapeKeepingMarkers),
            LIMITS.content - head.length - short.length,
          )
        : escapeKeepingMarkers(answer.answer));
  const content = truncate(head + body, LIMITS.content);
  if (answer.citations.length === 0) {
    return { content, embeds: [], components: [], allowedMentions: NO_MENTIONS };
  }
  const title = answer.abstained ? "最接近的来源" : "来源";
  const footer = `${MODE_LABEL[answer.mode]} · 点按钮查看原文`;
  const embed: Embed = {
    title,
    color: answer.abstained ? COLOR_MUTED : COLOR,
    fields: citationFields(answer.citations, title.length + footer.length),
    footer: { text: footer },
  };
  return {
    content,
    embeds: [embed],
    components: sourceButtons(answer.citations),
    allowedMentions: NO_MENTIONS,
  };
}

const STAGE_TEXT: Record<AnswerStage, string> = { retrieving: "正在检索…", generating: "正在生成回答…" };

/** The interim message shown while an answer is slow. */
export function renderProgress(stage: AnswerStage): Payload {
  return textPayload(STAGE_TEXT[stage]);
}

/** Lines that fit in `max` characters, with “…等 k 项” when some are left out. */
export function fitLines(lines: readonly string[], max: number): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i;
    const tail = `…等另 ${rest} 项`;
    const need = line.length + 1;
    if (used + need + (rest > 1 ? tail.length + 1 : 0) > max) {
      out.push(tail);
      break;
    }
    out.push(line);
    used += need;
  }
  return truncate(out.join("\n"), max);
}

/**
 * `/source` and the citation buttons: the passage in full under its headline, with its zones, date,
 * byline and subhead. The passage id and corpus file are internal: they go to the log, not here.
 */
export function renderPassage(view: PassageView): Payload {
  const fields: EmbedField[] = [
    { name: "高新区", value: truncate(escapeMarkdown(view.zones.join("、")) || "—", 200), inline: true },
  ];
  if (view.date) fields.push({ name: "日期", value: escapeAndTruncate(view.date, 100), inline: true });
  if (view.byline) fields.push({ name: "作者", value: escapeAndTruncate(view.byline, 200), inline: true });
  if (view.section)
    fields.push({ name: "小标题", value: escapeAndTruncate(view.section, 200), inline: true });
  const title = escapeAndTruncate(shownTitle(view), LIMITS.embedTitle);
  const footer = "新闻原文";
  const room = Math.min(
    LIMITS.embedDescription,
    LIMITS.embedTotal - title.length - footer.length - embedLength({ fields }),
  );
  const embed: Embed = {
    title,
    // The headline opens the original page when the article was fetched from one.
    ...(view.url && /^https?:\/\//.test(view.url) ? { url: view.url } : {}),
    description: escapeAndTruncate(view.text, room),
    color: COLOR,
    fields,
    footer: { text: footer },
  };
  return { content: "", embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

const MODE_NAME: Record<IndexStats["mode"], string> = {
  extractive: "摘录式（不调用模型）",
  llm: "模型生成（引用经核对）",
};

/**
 * A moment as people in `timeZone` read it: `2026年11月28日 20:15`. Text that is not a date is shown
 * as it is.
 */
export function localTime(iso: string, timeZone = "Asia/Shanghai"): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** One line of `/help` for a registered command: its name, its options (optional ones in brackets), what it does. */
function commandLine(c: RESTPostAPIChatInputApplicationCommandsJSONBody): string {
  const options = (c.options ?? []).map((o) => {
    const name = `${o.name}:`;
    return "required" in o && o.required ? `\`${name}\`` : `[\`${name}\`]`;
  });
  const what = c.description_localizations?.["zh-CN"] ?? c.description;
  return `**/${c.name}**${options.length > 0 ? ` ${options.join(" ")}` : ""}：${what}`;
}

/**
 * `/help`: how to ask, every command the bot registers (from the command modules' own definitions,
 * so the list cannot drift from them: members' commands first, those for admins last), and what the
 * bot knows; the index time in `timeZone`.
 */
export function renderHelp(
  stats: IndexStats,
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  timeZone?: string,
): Payload {
  const built = localTime(stats.builtAt, timeZone);
  const forAdmins = (c: RESTPostAPIChatInputApplicationCommandsJSONBody) =>
    c.default_member_permissions !== undefined && c.default_member_permissions !== null;
  const ordered = [...commands.filter((c) => !forAdmins(c)), ...commands.filter(forAdmins)];
  const embed: Embed = {
    title: "高新区新闻问答",
    color: COLOR,
    description: truncate(
      [
        "根据高新区新闻回答问题，每个回答都注明出处。例如：/ask 珠海高新区工业投资增速多少",
        "",
        "**@我 问题**：在频道里直接提问，我会回复那条消息",
        ...(stats.mode === "llm" ? ["**回复我的回答**：接着追问，我会结合前面的对话来理解"] : []),
        ...ordered.map(commandLine),
        "",
        "回答和关键数字下方的按钮可以打开原文。",
      ].join("\n"),
      LIMITS.embedDescription,
    ),
    fields: [
      { name: "文章", value: String(stats.articles), inline: true },
      { name: "段落", value: String(stats.passages), inline: true },
      { name: "高新区", value: String(stats.zones), inline: true },
      { name: "索引构建时间", value: truncate(built, 100), inline: true },
      { name: "回答方式", value: MODE_NAME[stats.mode], inline: true },
    ],
  };
  return { content: "", embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** The short help a bare @mention gets. */
export function renderMentionHelp(): Payload {
  return textPayload(
    "你好！在 @我 后面写上问题，例如：@我 珠海高新区工业投资增速多少。也可以用 /ask 提问，/help 查看说明。",
  );
}

/** The polite reply to someone asking too often. */
export function renderRateLimited(retryAfterMs: number): Payload {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return textPayload(`提问有点频繁了，请 ${seconds} 秒后再试。`);
}

/** The private reply to any failure; the id is also in the log. */
export function renderError(errorId: string): Payload {
  return textPayload(`出错了，请稍后再试。（错误编号：${errorId}）`);
}

/** `/source` or a button with a passage id the index does not know (the id itself is logged). */
export function renderPassageNotFound(): Payload {
  return textPayload("没有找到这段原文，索引可能已经更新。");
}

/** The reply while the bot is shutting down. */
export function renderShuttingDown(): Payload {
  return textPayload("机器人正在重启，请稍后再问。");
}

/** `/reindex` from someone without Manage Server. */
export function renderReindexRefused(): Payload {
  return textPayload("抱歉，只有有“管理服务器”权限的成员才能重建索引。");
}

/** `/reindex` in a bot started without a way to rebuild (e.g. over a fixed service). */
export function renderReindexUnavailable(): Payload {
  return textPayload("这个机器人没有配置重建索引的功能。");
}

/** `/reindex` while a rebuild already runs. */
export function renderReindexBusy(): Payload {
  return textPayload("索引正在重建，请等这一次完成后再试。");
}

/** A finished `/reindex`, with its counts: a new index in service, or nothing changed. */
export function renderReindexed(summary: ReindexSummary): Payload {
  const skipped = summary.skipped > 0 ? `，${summary.skipped} 处语料无法读取已跳过（详见日志）` : "";
  const counts = `${summary.articles} 篇文章，${summary.passages} 个段落`;
  const generation = summary.generation;
  if (generation !== undefined)
    return textPayload(
      summary.changed
        ? `已换上数据库中的第 ${generation} 代索引：${counts}。`
        : `没有变化：数据库中最新的仍是正在使用的第 ${generation} 代索引（${counts}）。新报道由 npm run ingest 写入数据库。`,
    );
  if (!summary.changed) return textPayload(`没有变化：语料与正在使用的索引一致，无需重建（${counts}）。`);
  return textPayload(`索引已重建并换上：${counts}，用时 ${summary.seconds.toFixed(1)} 秒${skipped}。`);
}

/** A failed rebuild: why, and that the old index still answers. */
export function renderReindexFailed(error: ReindexError): Payload {
  if (error.code === "busy") return renderReindexBusy();
  return textPayload(`重建索引失败，仍在使用原来的索引：${escapeAndTruncate(error.message, 1500)}`);
}
