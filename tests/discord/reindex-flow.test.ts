import { describe, expect, it } from "vitest";
import type { ReindexError, Reindexer, ReindexSummary } from "../../src/answer/reindex.js";
import { createSwappableService } from "../../src/answer/swappable.js";
import type { AnswerService } from "../../src/answer/types.js";
import { answerPayload } from "../../src/discord/ask-flow.js";
import type { BotContext } from "../../src/discord/command.js";
import { createGate } from "../../src/discord/gate.js";
import { createRateLimiter } from "../../src/discord/rate-limit.js";
import { type ReindexReplies, reindexFlow } from "../../src/discord/reindex-flow.js";
import type { Payload } from "../../src/discord/render.js";
import { createLogger } from "../../src/logger.js";
import type { Result } from "../../src/result.js";
import { createFakeService } from "./fake-service.js";

/** A context over `service`, with the log lines kept. */
function context(service: AnswerService, reindex?: Reindexer): BotContext & { logs: string[] } {
  const logs: string[] = [];
  return {
    service,
    logger: createLogger({ level: "debug", destination: { write: (l: string) => void logs.push(l) } }),
    limiter: createRateLimiter({ limit: 100, windowMs: 1_000 }),
    gate: createGate(4),
    progress: { delayMs: 10_000, intervalMs: 10_000 },
    commands: [],
    ...(reindex ? { reindex } : {}),
    logs,
  };
}

/** Replies recorded in order: `refuse:…`, `defer`, `finish:…`. */
function recorder(): ReindexReplies & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    refuse: async (p: Payload) => calls.push(`refuse:${p.content}`),
    defer: async () => calls.push("defer"),
    finish: async (p: Payload) => calls.push(`finish:${p.content}`),
  };
}

/** A reindexer whose rebuild ends when the test says, running `onDone` (the swap) first. */
function controlled(onDone: () => void = () => {}) {
  let finish: (r: Result<ReindexSummary, ReindexError>) => void = () => {};
  let running = false;
  let runs = 0;
  const reindexer: Reindexer & { runs: () => number } = {
    get running() {
      return running;
    },
    runs: () => runs,
    run() {
      runs += 1;
      running = true;
      return new Promise((resolve) => {
        finish = (r) => {
          if (r.ok) onDone();
          running = false;
          resolve(r);
        };
      });
    },
  };
  return { reindexer, finish: (r: Result<ReindexSummary, ReindexError>) => finish(r) };
}

const SUMMARY: ReindexSummary = { articles: 7, passages: 41, seconds: 1.234, skipped: 0, changed: true };
const admin = { userId: "1", canManageServer: true };
const member = { userId: "2", canManageServer: false };

describe("reindexFlow", () => {
  it("refuses a member without Manage Server privately, starting nothing", async () => {
    const { reindexer } = controlled();
    const ctx = context(createFakeService(), reindexer);
    const replies = recorder();
    await reindexFlow(member, ctx, replies);
    expect(replies.calls).toEqual(["refuse:抱歉，只有有“管理服务器”权限的成员才能重建索引。"]);
    expect(reindexer.runs()).toBe(0);
    expect(ctx.logs.join("")).toContain("reindex refused");
  });

  it("defers, rebuilds and reports the new counts to an admin", async () => {
    const { reindexer, finish } = controlled();
    const replies = recorder();
    const done = reindexFlow(admin, context(createFakeService(), reindexer), replies);
    await Promise.resolve();
    expect(replies.calls).toEqual(["defer"]);
    finish({ ok: true, value: SUMMARY });
    await done;
    expect(replies.calls[1]).toBe("finish:索引已重建并换上：7 篇文章，41 个段落，用时 1.2 秒。");
  });

  it("refuses a second /reindex while one runs, without deferring it", async () => {
    const { reindexer, finish } = controlled();
    const ctx = context(createFakeService(), reindexer);
    const first = recorder();
    const running = reindexFlow(admin, ctx, first);
    await Promise.resolve();
    const second = recorder();
    await reindexFlow(admin, ctx, second);
    expect(second.calls).toEqual(["refuse:索引正在重建，请等这一次完成后再试。"]);
    expect(reindexer.runs()).toBe(1);
    finish({ ok: true, value: SUMMARY });
    await running;
  });

  it("says why a rebuild failed and that the old index still answers", async () => {
    const { reindexer, finish } = controlled();
    const replies = recorder();
    const done = reindexFlow(admin, context(createFakeService(), reindexer), replies);
    await Promise.resolve();
    finish({ ok: false, error: { code: "no-articles", message: "没有读到任何文章，索引未改动" } });
    await done;
    expect(replies.calls[1]).toBe("finish:重建索引失败，仍在使用原来的索引：没有读到任何文章，索引未改动");
  });

  it("says so when the bot has no way to rebuild", async () => {
    const replies = recorder();
    await reindexFlow(admin, context(createFakeService()), replies);
    expect(replies.calls).toEqual(["refuse:这个机器人没有配置重建索引的功能。"]);
  });

  it("answers questions during the rebuild from the old index and after it from the new one", async () => {
    const oldService = createFakeService();
    const newService = createFakeService();
    const service = createSwappableService(oldService);
    const { reindexer, finish } = controlled(() => service.swap(newService));
    const ctx = context(service, reindexer);
    const rebuild = reindexFlow(admin, ctx, recorder());
    await Promise.resolve();
    expect(reindexer.running).toBe(true);

    const during = await answerPayload("珠海高新区工业投资增速多少", ctx, { echoQuestion: false });
    expect(during.content).toContain("40.7%");
    expect([oldService.calls.length, newService.calls.length]).toEqual([1, 0]);

    finish({ ok: true, value: SUMMARY });
    await rebuild;
    await answerPayload("西安高新区新基建项目总投资多少", ctx, { echoQuestion: false });
    expect([oldService.calls.length, newService.calls.length]).toEqual([1, 1]);
  });
});
