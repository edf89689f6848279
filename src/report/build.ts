import { err, ok, type Result } from "../result.js";
import type { DownReason, QuestionRecord, VoteRecord } from "../state/types.js";

/**
 * The report of what people asked and what the corpus could not answer, as a pure function of the
 * recorded rows. `npm run report` prints it, `/report` renders it as an embed and a chart.
 */

export interface DayCount {
  /** YYYY-MM-DD in the report's time zone. */
  day: string;
  asked: number;
  answered: number;
  declined: number;
  up: number;
  down: number;
}

export interface DeclinedGroup {
  /** A zone name, or the main words of questions that name none. */
  key: string;
  kind: "zone" | "topic";
  count: number;
  /** Up to three of the questions, most recent first. */
  examples: string[];
}

export interface DownvotedAnswer {
  questionId: string;
  /** Null when the question itself is gone (deleted by its asker or by retention). */
  question: string | null;
  declined: boolean | null;
  citations: string[];
  down: number;
  up: number;
  reasons: Partial<Record<DownReason, number>>;
}

export interface Report {
  since: string;
  until: string;
  timeZone: string;
  totals: { asked: number; answered: number; declined: number; up: number; down: number };
  days: DayCount[];
  declined: DeclinedGroup[];
  downvoted: DownvotedAnswer[];
  /** Zones people asked about that the corpus does not cover, most asked first. */
  uncoveredZones: { zone: string; count: number }[];
}

/** The Chinese labels of the 👎 reasons, as the select menu shows them. */
export const REASON_LABEL: Record<DownReason, string> = {
  wrong: "答案错误",
  citation: "引用不对",
  off_point: "没回答到点上",
  outdated: "语料过时",
  missing: "这个问题语料里应该有",
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** `7d`, `24h`, `30m` or a date (`2026-11-01`) → the start time in ms; bad input is a message. */
export function parseSince(text: string, now: number): Result<number, string> {
  const rel = /^(\d{1,4})([dhm])$/.exec(text.trim());
  if (rel) {
    const unit = { d: DAY_MS, h: 60 * 60 * 1000, m: 60 * 1000 }[rel[2] as "d" | "h" | "m"];
    return ok(now - Number(rel[1]) * unit);
  }
  const date = /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
  if (!Number.isNaN(date) && date <= now) return ok(date);
  return err(
    `--since 要写成 7d、24h、30m 这样的时长或过去的日期，如 2026-11-01 (--since takes a span such as 7d, 24h or 30m, or a past date such as 2026-11-01; got "${text}")`,
  );
}

const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * A day formatter for `timeZone` (YYYY-MM-DD). Every UTC offset is a whole number of quarter hours,
 * so one quarter hour is one day and `Intl` runs once per quarter hour seen rather than per row
 * (10,000 rows: 190 ms → under 10 ms).
 */
function dayOf(timeZone: string): (ms: number) => string {
  const f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const cache = new Map<number, string>();
  return (ms) => {
    const key = Math.floor(ms / QUARTER_HOUR);
    let day = cache.get(key);
    if (day === undefined) {
      day = f.format(key * QUARTER_HOUR);
      cache.set(key, day);
    }
    return day;
  };
}

/** Builds the report of the rows since `since` (up to `now`), days counted in `timeZone`. */
export function buildReport(
  rows: { questions: readonly QuestionRecord[]; votes: readonly VoteRecord[] },
  opts: { since: number; now: number; timeZone?: string; maxGroups?: number },
): Report {
  const timeZone = opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const day = dayOf(timeZone);
  const maxGroups = opts.maxGroups ?? 20;
  const days = new Map<string, DayCount>();
  // Every day of the span, so quiet days show as zero rather than vanish from the chart.
  for (let t = opts.since; ; t += DAY_MS) {
    const d = day(Math.min(t, opts.now));
    if (!days.has(d)) days.set(d, { day: d, asked: 0, answered: 0, declined: 0, up: 0, down: 0 });
    if (t >= opts.now) break;
  }
  const dayCount = (ms: number) => {
    const d = day(ms);
    let c = days.get(d);
    if (!c) {
      c = { day: d, asked: 0, answered: 0, declined: 0, up: 0, down: 0 };
      days.set(d, c);
    }
    return c;
  };

  const byId = new Map(rows.questions.map((q) => [q.id, q]));
  const asked = rows.questions.filter((q) => q.at >= opts.since && q.at <= opts.now);
  const groups = new Map<string, DeclinedGroup>();
  const uncovered = new Map<string, number>();
  for (const q of asked) {
    const c = dayCount(q.at);
    c.asked += 1;
    if (q.declined) c.declined += 1;
    else c.answered += 1;
    for (const z of q.uncovered) uncovered.set(z, (uncovered.get(z) ?? 0) + 1);
    if (!q.declined) continue;
    const keys: [string, DeclinedGroup["kind"]][] =
      q.zones.length > 0 ? q.zones.map((z) => [z, "zone"]) : [[q.topic || "（无关键词）", "topic"]];
    for (const [key, kind] of keys) {
      const id = `${kind}:${key}`;
      const g = groups.get(id) ?? { key, kind, count: 0, examples: [] };
      g.count += 1;
      if (!g.examples.includes(q.question)) g.examples.unshift(q.question);
      if (g.examples.length > 3) g.examples.pop();
      groups.set(id, g);
    }
  }

  const answers = new Map<string, DownvotedAnswer>();
  const votes = rows.votes.filter((v) => v.at >= opts.since && v.at <= opts.now);
  for (const v of votes) {
    dayCount(v.at)[v.vote] += 1;
    const q = byId.get(v.questionId);
    const a = answers.get(v.questionId) ?? {
      questionId: v.questionId,
      question: q?.question ?? null,
      declined: q?.declined ?? null,
      citations: q?.citations ?? [],
      down: 0,
      up: 0,
      reasons: {},
    };
    a[v.vote] += 1;
    if (v.vote === "down" && v.reason !== null) a.reasons[v.reason] = (a.reasons[v.reason] ?? 0) + 1;
    answers.set(v.questionId, a);
  }

  const sum = (f: (d: DayCount) => number) => [...days.values()].reduce((n, d) => n + f(d), 0);
  return {
    since: new Date(opts.since).toISOString(),
    until: new Date(opts.now).toISOString(),
    timeZone,
    totals: {
      asked: sum((d) => d.asked),
      answered: sum((d) => d.answered),
      declined: sum((d) => d.declined),
      up: sum((d) => d.up),
      down: sum((d) => d.down),
    },
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    declined: [...groups.values()]
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, "zh-Hans-CN"))
      .slice(0, maxGroups),
    downvoted: [...answers.values()]
      .filter((a) => a.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up)
      .slice(0, maxGroups),
    uncoveredZones: [...uncovered]
      .map(([zone, count]) => ({ zone, count }))
      .sort((a, b) => b.count - a.count || a.zone.localeCompare(b.zone, "zh-Hans-CN"))
      .slice(0, maxGroups),
  };
}
