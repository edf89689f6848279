import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { ZoneCount, ZoneDetail, ZoneFigure, ZoneHeadline } from "../answer/types.js";
import { sortZones } from "../index/articles.js";
import { zonePageId, zonesPageId } from "./custom-ids.js";
import {
  type ActionRow,
  COLOR,
  type Embed,
  type EmbedField,
  embedLength,
  fitLines,
  LIMITS,
  NO_MENTIONS,
  type Payload,
  rows,
  sourceButtons,
  textPayload,
} from "./render.js";
import { escapeAndTruncate } from "./text.js";

/**
 * Pure rendering of `/zones` (every zone, its count and newest headlines, paged) and `/zone` (one
 * zone's articles and key figures), typed with discord-api-types like the rest of render.ts.
 */

/** Zones on one page of `/zones`, each with its newest headlines. */
export const ZONES_PER_PAGE = 8;

/** Which zones one page of `/zones` shows: the page asked for, kept within the pages there are. */
export function zonesPage(
  zones: readonly ZoneCount[],
  page: number,
  perPage = ZONES_PER_PAGE,
): { shown: ZoneCount[]; page: number; pages: number; offset: number } {
  const sorted = sortZones(zones);
  const pages = Math.max(1, Math.ceil(sorted.length / perPage));
  const p = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  return { shown: sorted.slice(p * perPage, (p + 1) * perPage), page: p, pages, offset: p * perPage };
}

/** A headline under a zone in `/zones`, with its date when it has one. */
function headlineLine(h: ZoneHeadline): string {
  const date = h.date ? `（${escapeAndTruncate(h.date, 20)}）` : "";
  return `　· 《${escapeAndTruncate(h.headline, 60)}》${date}`;
}

/**
 * One page of `/zones`: each zone with its article count and its newest headlines (`newest`, for
 * the zones on the page), previous/next buttons when there is more than one page. The footer says
 * how the list is sorted and how many articles the corpus holds (`articles`: an article naming two
 * zones is one article, not two).
 */
export function renderZonesPage(
  zones: readonly ZoneCount[],
  page: number,
  opts: { articles: number; newest?: ReadonlyMap<string, readonly ZoneHeadline[]>; perPage?: number },
): Payload {
  if (zones.length === 0) return textPayload("资料库里还没有高新区。");
  const { shown, page: p, pages, offset } = zonesPage(zones, page, opts.perPage);
  const blocks = shown.map((z, i) =>
    [
      `${offset + i + 1}\\. **${escapeAndTruncate(z.zone, 100)}** — ${z.articles} 篇`,
      ...(opts.newest?.get(z.zone) ?? []).map(headlineLine),
    ].join("\n"),
  );
  const embed: Embed = {
    title: `高新区一览（${zones.length} 个）`,
    description: fitLines(blocks, LIMITS.embedDescription),
    color: COLOR,
    footer: {
      text: `第 ${p + 1}/${pages} 页 · 按文章数从多到少，同数按拼音 · 资料库共 ${opts.articles} 篇文章（一篇可涉及几个高新区）· 用 /zone 查看某个高新区`,
    },
  };
  const components =
    pages > 1
      ? rows([
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: "上一页",
            custom_id: zonesPageId(Math.max(0, p - 1), "prev"),
            disabled: p === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: "下一页",
            custom_id: zonesPageId(Math.min(pages - 1, p + 1), "next"),
            disabled: p === pages - 1,
          },
        ])
      : [];
  return { content: "", embeds: [embed], components, allowedMentions: NO_MENTIONS };
}

/** An article's headline with its byline and date, when it has them. */
function articleLine(a: ZoneDetail["articles"][number]): string {
  const byline = a.byline ? ` — ${escapeAndTruncate(a.byline, 60)}` : "";
  const date = a.date ? `（${escapeAndTruncate(a.date, 20)}）` : "";
  const copies = a.copies ? ` · 另有 ${a.copies} 篇转载` : "";
  return `• 《${escapeAndTruncate(a.headline, 120)}》${byline}${date}${copies}`;
}

/**
 * One row of the figures table: what is measured, the value, when (as the sentence says it; none
 * is made up), its source `[n]` and the date of the article it is from.
 */
function figureLine(f: ZoneFigure): string {
  const period = f.period ? escapeAndTruncate(f.period, 20) : "—";
  const date = f.date ? `（${escapeAndTruncate(f.date, 20)}）` : "";
  return `${escapeAndTruncate(f.measure, 40)} · **${escapeAndTruncate(f.value, 30)}** · ${period} · [${f.n}]${date}`;
}

/**
 * Fields one page of a zone's article list takes: one field holds 1,024 characters, about 27 headlines,
 * and a digest's `另有 24 篇，用 /zone … 查看全部` sent people to a list that stopped there. Three hold
 * about 80, leaving the embed's other 2,800 characters or so to the figures; past them, the list goes on
 * on the next page (a zone of a few months' news has hundreds of articles).
 */
const ARTICLE_FIELDS = 3;

/**
 * The article lines laid out in pages of up to {@link ARTICLE_FIELDS} fields, each field as many whole
 * lines as fit in one field's value; every line is on exactly one page.
 */
export function articlePages(lines: readonly string[]): string[][][] {
  const fields: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const raw of lines) {
    const line = raw.length > LIMITS.fieldValue ? fitLines([raw], LIMITS.fieldValue) : raw;
    if (current.length > 0 && used + 1 + line.length > LIMITS.fieldValue) {
      fields.push(current);
      current = [];
      used = 0;
    }
    used += (current.length > 0 ? 1 : 0) + line.length;
    current.push(line);
  }
  if (current.length > 0) fields.push(current);
  const pages: string[][][] = [];
  for (let i = 0; i < fields.length; i += ARTICLE_FIELDS) pages.push(fields.slice(i, i + ARTICLE_FIELDS));
  return pages.length > 0 ? pages : [[]];
}

/** The previous/next buttons under a page of `/zone`, or none when the zone's name does not fit an id. */
function zonePageRow(zone: string, page: number, pages: number): ActionRow[] {
  const prev = zonePageId(zone, Math.max(0, page - 1), "prev");
  const next = zonePageId(zone, Math.min(pages - 1, page + 1), "next");
  if (prev === null || next === null) return [];
  return rows([
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: "上一页",
      custom_id: prev,
      disabled: page === 0,
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: "下一页",
      custom_id: next,
      disabled: page === pages - 1,
    },
  ]);
}

/**
 * `/zone`: the zone's key figures as a table (指标 · 数值 · 时间 · 来源, newest article first) and one
 * page of its articles (`page` from 0, kept within the pages there are), with previous/next buttons when
 * there are several; each source passage opens from one button.
 */
export function renderZone(detail: ZoneDetail, page = 0): Payload {
  const pages = articlePages(detail.articles.map(articleLine));
  const p = Math.min(Math.max(0, Math.trunc(page) || 0), pages.length - 1);
  const reprints = detail.articles.reduce((n, a) => n + (a.copies ?? 0), 0);
  const count = `${detail.articles.length} 篇${reprints > 0 ? `，另有 ${reprints} 篇转载已合并` : ""}`;
  const shown = pages[p] ?? [];
  const fields: EmbedField[] =
    shown.length === 0
      ? [{ name: `文章（${count}）`, value: "—" }]
      : shown.map((lines, i) => ({
          name:
            i > 0
              ? "文章（续）"
              : `文章（${count}${pages.length > 1 ? `，第 ${p + 1}/${pages.length} 页` : ""}）`,
          value: lines.join("\n"),
        }));
  const title = escapeAndTruncate(detail.zone, LIMITS.embedTitle);
  const paging = pages.length > 1 ? zonePageRow(detail.zone, p, pages.length) : [];
  const footer = `数字摘自新闻原文：产值、投资、增速、营收、企业、就业、项目、资金，新报道在前 · 点按钮查看原文${
    pages.length > 1
      ? ` · 文章第 ${p + 1}/${pages.length} 页${paging.length > 0 ? "，用按钮翻页" : ""}（/zone 的 page 选项可直达）`
      : ""
  }`;
  const head = "**关键数字**（指标 · 数值 · 时间 · 来源）";
  const room = LIMITS.embedTotal - title.length - footer.length - embedLength({ fields }) - head.length - 20;
  const description =
    detail.figures.length > 0
      ? `${head}\n${fitLines(detail.figures.map(figureLine), Math.min(LIMITS.embedDescription - head.length - 20, room))}`
      : "这个高新区的报道里没有关键数字（产值、投资、增速、营收、企业、就业、项目、资金）。";
  const embed: Embed = { title, description, color: COLOR, fields, footer: { text: footer } };
  return {
    content: "",
    embeds: [embed],
    // The page buttons take the last row: the sources keep the others.
    components: [...sourceButtons(detail.figures).slice(0, LIMITS.actionRows - paging.length), ...paging],
    allowedMentions: NO_MENTIONS,
  };
}

/** `/zone` with a name the index does not know. */
export function renderZoneNotFound(name: string): Payload {
  return textPayload(`没有找到“${escapeAndTruncate(name, 100)}”。用 /zones 查看所有高新区。`);
}
