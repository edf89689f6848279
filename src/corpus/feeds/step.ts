/**
 * The fetch step as the entry points run it (`ingest`, `ingest --watch`, the bot's look every
 * INGEST_INTERVAL): where fetched articles go, one round of fetching, and the lines a person reads
 * about it. A round run again and again (watching) names a failing source once, not every round.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Fetcher } from "./http.js";
import { type FetchProblem, type FetchReport, fetchSources } from "./sources.js";

/** The folder under a corpus folder that fetched articles are written to. */
export const FEEDS_FOLDER = "feeds";

/**
 * `feeds/` in the first input that is a folder, or that does not exist yet (a first run with no
 * corpus: the folder is made): what the ingest reads anyway, so the fetched articles are indexed
 * with the rest. Null when every input is a file.
 */
export async function feedsDir(inputs: readonly string[]): Promise<string | null> {
  for (const p of inputs) {
    const st = await stat(p).catch(() => null);
    if (st === null || st.isDirectory()) return join(p, FEEDS_FOLDER);
  }
  return null;
}

/** What to fetch and where to write it. */
export interface FetchPlan {
  feeds: readonly string[];
  urls: readonly string[];
  dir: string;
}

/** One round's outcome with the lines for a person: every problem, or in a watch only the new ones. */
export interface FetchRound {
  report: FetchReport;
  /** One line per source that failed (or article kept) and was not already named last round. */
  problemLines: string[];
  /** What was fetched, or null when a quiet round changed nothing. */
  summary: string | null;
}

/** A source that gave nothing, as `ingest` prints it: the URL first, then why. */
export function fetchProblemLine(p: FetchProblem, kept = false): string {
  return kept
    ? `${p.url}: ${p.message}（保留 kept）`
    : `抓取失败 (fetch failed) ${p.url}: ${p.message}（已跳过 skipped）`;
}

/**
 * Rounds of fetching for `plan`. `quiet` rounds (a watch after its first) name a problem only when
 * it is new or its reason changed, and give a summary only when an article was added or updated.
 */
export function fetchRounds(plan: FetchPlan, fetcher: Fetcher): (quiet: boolean) => Promise<FetchRound> {
  let named = new Map<string, string>();
  return async (quiet) => {
    const report = await fetchSources({ fetcher, ...plan, restoreDeleted: !quiet });
    const now = new Map<string, string>();
    const problemLines: string[] = [];
    for (const [list, kept] of [
      [report.failed, false],
      [report.kept, true],
    ] as const) {
      for (const p of list) {
        const line = fetchProblemLine(p, kept);
        now.set(p.url, line);
        if (!quiet || named.get(p.url) !== line) problemLines.push(line);
      }
    }
    named = now;
    const changed = report.added.length + report.updated.length > 0;
    const summary =
      quiet && !changed
        ? null
        : `已抓取 ${report.added.length} 篇新文章、${report.updated.length} 篇更新、${report.unchanged} 篇未变，失败 ${report.failed.length} 个 → ${plan.dir}` +
          ` (fetched ${report.added.length} new, ${report.updated.length} updated, ${report.unchanged} unchanged, ${report.failed.length} failed)`;
    return { report, problemLines, summary };
  };
}

/** Where a poll's lines go (the bot's pino logger fits). */
export interface PollLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * The bot's look at FEEDS every INGEST_INTERVAL: a quiet fetch round into `feeds/` of the first
 * corpus folder the index reads (`corpusDirs`, in order), before the index looks for changed files. Null when no feed is configured. Never throws:
 * a failing feed is logged (once until its reason changes).
 */
export async function createFeedPoll(
  feeds: readonly string[],
  corpusDirs: readonly string[],
  fetcher: Fetcher,
  log: PollLog,
): Promise<(() => Promise<void>) | null> {
  const dir = feeds.length === 0 ? null : await feedsDir(corpusDirs);
  if (dir === null) return null;
  const round = fetchRounds({ feeds, urls: [], dir }, fetcher);
  let first = true;
  let running: Promise<void> | null = null;
  const once = async () => {
    try {
      const r = await round(!first);
      first = false;
      for (const line of r.problemLines) log.warn({ dir }, line);
      if (r.summary !== null)
        log.info({ added: r.report.added.length, updated: r.report.updated.length }, r.summary);
    } catch (e) {
      // A disk that cannot be written: the look at the index still happens.
      log.warn({ err: (e as Error).message }, "fetching the feeds failed");
    } finally {
      running = null;
    }
  };
  // One round at a time (a /reindex during a look waits for the same round): the state has one writer.
  return () => {
    running ??= once();
    return running;
  };
}
