import { parseArgs } from "node:util";
import { openService } from "../answer/live.js";
import type { ZoneSummary } from "../answer/types.js";
import { fail, runCli, stderrEvents } from "./common.js";
import { commandStore } from "./store.js";

const USAGE = "用法 (usage): npm run --silent zones -- [--index DIR] [--json]";

async function main(): Promise<void> {
  let values: { index?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ options: { index: { type: "string" }, json: { type: "boolean" } } }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const store = commandStore({ index: values.index });
  let zones: ZoneSummary[];
  try {
    const opened = await openService(store, { events: stderrEvents });
    if (!opened.ok) fail(opened.error.message);
    zones = await opened.value.zoneList();
  } finally {
    await store.close();
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(zones, null, 2)}\n`);
    return;
  }
  if (zones.length === 0) {
    process.stdout.write("语料中没有识别出高新区。\n");
    return;
  }
  for (const z of zones) {
    process.stdout.write(`${z.zone}  ${z.articles} 篇\n`);
    for (const t of z.titles) process.stdout.write(`    《${t}》\n`);
  }
}

await runCli(main);
