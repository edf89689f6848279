import { openService } from "../answer/live.js";
import type { ZoneDetail, ZoneSummary } from "../answer/types.js";
import { commandArgs } from "./args.js";
import { fail, runCli, stderrEvents } from "./common.js";
import { commandStore } from "./store.js";

const SPEC = {
  usage: "用法 (usage): npm run --silent zones -- [--index DIR] [--json] [--zone NAME]",
  help: `列出语料涉及的高新区：文章数和最新的几篇标题，文章多的在前。
(Lists the zones the news covers: article count and the newest headlines, most covered first.)
  --json        输出 [{"zone", "articles", "titles"}] (every title, newest first; see the CLI contract)
  --zone NAME   只看一个高新区：它的每一篇文章，最新在前 (one zone: every article, newest first, as /zone;
                with --json {"zone", "articles": [{"id", "title", "headline", "byline", "date", "copies"}]})
  --index DIR   索引文件夹 (index folder; default INDEX_DIR, embeddings/; not with STORE=postgres)`,
  options: { index: { type: "string" }, json: { type: "boolean" }, zone: { type: "string" } },
} as const;

async function main(): Promise<void> {
  const { values } = commandArgs(SPEC);
  // The index STORE names: the folder (built first when missing or stale), or PostgreSQL's current generation.
  const store = commandStore({ index: values.index });
  let zones: ZoneSummary[];
  let detail: ZoneDetail | null = null;
  try {
    const opened = await openService(store, { events: stderrEvents });
    if (!opened.ok) fail(opened.error.message);
    if (values.zone !== undefined) {
      detail = await opened.value.zone(values.zone);
      if (detail === null) fail(`没有找到“${values.zone}” (no such zone)；用 npm run zones 查看所有高新区。`);
    }
    zones = detail === null ? await opened.value.zoneList() : [];
  } finally {
    await store.close();
  }
  if (detail !== null) {
    printZone(detail, values.json ?? false);
    return;
  }
  if (values.json) {
    // The contract's shape: every title, newest first as the text lists them (undated last, ties in corpus order).
    const listed = zones.map(({ zone, articles, titles }) => ({ zone, articles, titles }));
    process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
    return;
  }
  if (zones.length === 0) {
    process.stdout.write("语料中没有识别出高新区。\n");
    return;
  }
  // A month of news gives a zone dozens of articles: the count and the newest few say what is going on.
  for (const z of zones) {
    process.stdout.write(`${z.zone}  ${z.articles} 篇\n`);
    for (const h of z.newest) process.stdout.write(`    《${h.headline}》${h.date ? ` ${h.date}` : ""}\n`);
    const more = z.articles - z.newest.length;
    if (more > 0) process.stdout.write(`    …另 ${more} 篇\n`);
  }
}

/**
 * One zone's articles, every one (the terminal needs no pages): newest first, each story once with how
 * many reprints were merged into it, under the headline `/zone` shows.
 */
function printZone(detail: ZoneDetail, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ zone: detail.zone, articles: detail.articles }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${detail.zone}  ${detail.articles.length} 篇（最新在前）\n`);
  for (const a of detail.articles) {
    const byline = a.byline ? ` — ${a.byline}` : "";
    const copies = a.copies ? ` · 另有 ${a.copies} 篇转载` : "";
    process.stdout.write(`    《${a.headline}》${byline}${a.date ? ` ${a.date}` : ""}${copies}\n`);
  }
}

await runCli(main);
