import { createFetcher, parseHttpUrl } from "../corpus/feeds/http.js";
import { feedsDir, fetchRounds } from "../corpus/feeds/step.js";
import { fail, note } from "./common.js";

/** One fetch round as `ingest` runs it: prints its lines; true when a source failed. */
export type FetchStep = (quiet: boolean) => Promise<boolean>;

/**
 * The fetch step of `ingest`: the `--feed` and `--url` addresses plus FEEDS, fetched into `feeds/`
 * of the first input folder before the corpus is read. Null when there is nothing to fetch. A
 * malformed address, or no folder to write into, stops the command with one line (exit 2).
 */
export async function fetchStepFor(
  given: { feed?: string[]; url?: string[] },
  configFeeds: readonly string[],
  inputs: readonly string[],
): Promise<FetchStep | null> {
  for (const [flag, list] of [
    ["--feed", given.feed ?? []],
    ["--url", given.url ?? []],
  ] as const) {
    const bad = list.find((u) => parseHttpUrl(u) === null);
    if (bad !== undefined) fail(`${flag} "${bad}": 不是 http(s) 网址 (not an http(s) URL)`, 2);
  }
  const feeds = [...new Set([...(given.feed ?? []), ...configFeeds])];
  const urls = [...new Set(given.url ?? [])];
  if (feeds.length === 0 && urls.length === 0) return null;
  const dir = await feedsDir(inputs);
  if (dir === null)
    fail(
      `抓取的文章需要写入一个语料文件夹 (fetched articles go into feeds/ of a corpus folder; none of ${inputs.join(", ")} is one)`,
      2,
    );
  const round = fetchRounds({ feeds, urls, dir }, createFetcher());
  return async (quiet) => {
    const r = await round(quiet);
    for (const line of r.problemLines) note(line);
    if (r.summary !== null) process.stdout.write(`${r.summary}\n`);
    return r.report.failed.length > 0;
  };
}
