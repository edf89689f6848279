import { openSqliteStore } from "../../src/state/sqlite.js";
import type { QuestionRecord, VoteRecord } from "../../src/state/types.js";

const ZONES = ["珠海高新区", "西安高新区", "拉萨高新区", "深圳高新区", "兰州高新区"];
const TOPICS = ["人才·政策", "企业·数量", "投资·增速", "产业·项目"];
const REASONS = ["wrong", "citation", "off_point", "outdated", "missing"] as const;

/**
 * Fills a state store at `path` with `n` questions spread over the `days` before `now` (a quarter
 * declined, one in five voted on), deterministically, for the report's tests and benchmark.
 */
export async function seedStore(path: string, n: number, now: number, days = 30): Promise<void> {
  const opened = openSqliteStore(path);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  const span = days * 24 * 60 * 60 * 1000;
  for (let start = 0; start < n; start += 500) {
    const questions: QuestionRecord[] = [];
    const votes: VoteRecord[] = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      const zone = ZONES[i % ZONES.length] as string;
      const named = i % 3 !== 0;
      const at = now - Math.floor(((i * 7919) % n) * (span / n));
      questions.push({
        id: `seed-${i}`,
        at,
        guildId: "200000000000000001",
        channelId: "300000000000000001",
        userKey: `user-${i % 97}`,
        question: named ? `${zone}第${i}个问题是什么` : `第${i}个关于${TOPICS[i % TOPICS.length]}的问题`,
        mode: "extractive",
        declined: i % 4 === 0,
        citations: [`000_d463814998410617-${i % 40}#0`],
        zones: named ? [zone] : [],
        uncovered: named && (zone === "拉萨高新区" || zone === "深圳高新区") ? [zone] : [],
        topic: TOPICS[i % TOPICS.length] as string,
        latencyMs: 5 + (i % 50),
      });
      if (i % 5 === 0) {
        const down = i % 10 === 0;
        votes.push({
          questionId: `seed-${i}`,
          userKey: `user-${(i + 1) % 97}`,
          vote: down ? "down" : "up",
          reason: down ? (REASONS[i % REASONS.length] ?? null) : null,
          at: at + 60_000,
        });
      }
    }
    await store.write({ questions, votes });
  }
  await store.close();
}
