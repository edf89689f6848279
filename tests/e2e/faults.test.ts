import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeService } from "../discord/fake-service.js";
import type { RecordedRequest } from "./emulator.js";
import { body, CANARY_TOKEN, callbackBody, type Harness, startHarness } from "./harness.js";
import { channelMessage, userFactory } from "./payloads.js";

/**
 * Faults injected through the emulator into the real discord.js client running the bot: the gateway
 * cut or closed under it, REST answering 429s and 5xx, and answers slower than Discord's 3 seconds.
 * Every question asked must still be answered, and nothing may crash or leak the token.
 */

const freshUser = userFactory(610000000000000000n, "fault");

const service = createFakeService();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ service, discord: { maxConcurrentAnswers: 2 } });
});

afterAll(async () => {
  await h?.close();
});

const ZHUHAI = "珠海高新区工业投资增速多少";

/** Asks `/ask` as a fresh user and resolves with the final edit carrying the answer. */
async function askAndAnswer(question = ZHUHAI, timeoutMs = 10_000) {
  const i = h.slash("ask", [{ name: "question", type: 3, value: question }], freshUser());
  const edit = await h.edit(i, (b) => (b.content ?? "").includes("40.7%"), timeoutMs);
  return { i, edit };
}

/** Every request for the interaction with this token. */
const requestsFor = (token: string) => h.emu.requests.filter((r) => r.path.includes(token));

describe("the gateway", () => {
  it("cut without a close frame: the bot resumes, and questions sent while it was away are answered", async () => {
    const resumesBefore = h.emu.resumes.length;
    h.emu.dropGateway();
    // Sent while the socket is down: Discord replays these on RESUME.
    const during = [1, 2, 3].map(() =>
      h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser()),
    );
    await h.emu.waitForSessions(2);
    expect(h.emu.resumes.length).toBe(resumesBefore + 1);
    expect(h.emu.identifies).toHaveLength(1);
    const after = await Promise.all([1, 2, 3].map(() => askAndAnswer()));
    const replayed = await Promise.all(
      during.map((i) => h.edit(i, (b) => (b.content ?? "").includes("40.7%"))),
    );
    expect(after).toHaveLength(3);
    expect(replayed).toHaveLength(3);
    const resumed = h.logs.find((l) => l.includes('"msg":"gateway resumed"'));
    expect(JSON.parse(resumed ?? "{}").replayed).toBeGreaterThanOrEqual(3);
  });

  it("closed with 4000 (unknown error): the bot resumes and keeps answering", async () => {
    const resumesBefore = h.emu.resumes.length;
    h.emu.closeGateway(4000);
    await h.emu.waitForSessions(3);
    expect(h.emu.resumes.length).toBe(resumesBefore + 1);
    expect(h.emu.identifies).toHaveLength(1);
    const answered = await Promise.all([1, 2, 3, 4, 5].map(() => askAndAnswer()));
    expect(answered).toHaveLength(5);
  });

  it("closed with 4009 (session gone): the resume is refused, the bot identifies again and answers", async () => {
    h.emu.closeGateway(4009);
    // discord.js spaces identifies 5 s apart, so the new session can take that long.
    await h.emu.waitForSessions(4, 15_000);
    expect(h.emu.identifies).toHaveLength(2);
    const answered = await Promise.all([1, 2, 3, 4, 5].map(() => askAndAnswer()));
    expect(answered).toHaveLength(5);
    expect(h.logs.filter((l) => l.includes('"msg":"gateway ready"'))).toHaveLength(2);
  }, 20_000);
});

/** X-RateLimit headers as Discord sends them with a 429. */
const rateLimited = (retryAfterS: number) => ({
  status: 429,
  headers: {
    "retry-after": String(retryAfterS),
    "x-ratelimit-limit": "5",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(Date.now() / 1000 + retryAfterS),
    "x-ratelimit-reset-after": String(retryAfterS),
    "x-ratelimit-bucket": "emulated-bucket",
    "x-ratelimit-scope": "user",
  },
  body: { message: "You are being rate limited.", retry_after: retryAfterS, global: false },
});

describe("REST rate limits and server errors", () => {
  it("429 with Retry-After on the deferral: retried after the wait, and the answer arrives", async () => {
    const i = h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser());
    h.emu.inject({ match: (r) => r.path.includes(`${i.token}/callback`), ...rateLimited(0.3) });
    const edit = await h.edit(i, (b) => (b.content ?? "").includes("40.7%"));
    const callbacks = requestsFor(i.token).filter((r) => r.path.endsWith("/callback"));
    expect(callbacks).toHaveLength(2);
    const [first, second] = callbacks as [RecordedRequest, RecordedRequest];
    expect(second.at - first.at).toBeGreaterThanOrEqual(290);
    expect(body(edit).allowed_mentions?.parse).toEqual([]);
  });

  it("429 with X-RateLimit headers on the reply edit: the edit is retried and lands", async () => {
    const i = h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser());
    h.emu.inject({ match: (r) => r.method === "PATCH" && r.path.includes(i.token), ...rateLimited(0.25) });
    const patches = () => requestsFor(i.token).filter((r) => r.method === "PATCH");
    await h.emu.waitForRequest(() => patches().length === 2);
    expect(body(patches()[1] as RecordedRequest).content).toContain("40.7%");
  });

  it("429 on a channel reply to an @mention: retried, and the reply lands", async () => {
    const msg = channelMessage(h.emu, `<@${h.emu.botUser.id}> ${ZHUHAI}`, { author: freshUser() });
    const isReply = (r: RecordedRequest) =>
      r.method === "POST" && r.path.endsWith("/messages") && body(r).message_reference?.message_id === msg.id;
    h.emu.inject({ match: isReply, ...rateLimited(0.2) });
    h.emu.dispatch("MESSAGE_CREATE", msg);
    await h.emu.waitForRequest(() => h.emu.requests.filter(isReply).length === 2);
    expect(body(h.emu.requests.filter(isReply)[1] as RecordedRequest).content).toContain("40.7%");
  });

  it("a burst of 120 @mentions: every reply lands, the bot token's requests within Discord's global 50/s, no typing for fast answers", async () => {
    // A second with no requests, so the burst opens discord.js's next one-second window itself.
    await new Promise((r) => setTimeout(r, 1_100));
    const before = h.emu.requests.length;
    const msgs = Array.from({ length: 120 }, () =>
      channelMessage(h.emu, `<@${h.emu.botUser.id}> ${ZHUHAI}`, { author: freshUser() }),
    );
    for (const m of msgs) h.emu.dispatch("MESSAGE_CREATE", m);
    const ids = new Set(msgs.map((m) => m.id));
    const isBurstReply = (r: RecordedRequest) =>
      r.method === "POST" &&
      r.path.endsWith("/messages") &&
      ids.has(body(r).message_reference?.message_id ?? "");
    await h.emu.waitForRequest(() => h.emu.requests.filter(isBurstReply).length === 120, {
      timeoutMs: 20_000,
    });
    const sent = h.emu.requests
      .slice(before)
      .filter((r) => r.headers.authorization === `Bot ${CANARY_TOKEN}`);
    const first = sent[0]?.at ?? 0;
    // discord.js opens a one-second window at its first request and sends at most 50 in it.
    expect(sent.filter((r) => r.at - first < 900).length).toBeLessThanOrEqual(50);
    expect(sent.some((r) => r.path.endsWith("/typing"))).toBe(false);
    for (const r of h.emu.requests.filter(isBurstReply)) {
      expect(body(r).content).toContain("40.7%");
      expect(body(r).message_reference?.fail_if_not_exists).toBe(false);
    }
  });

  for (const status of [500, 502]) {
    it(`${status} on the deferral, the reply edit and a channel reply: each is retried and arrives`, async () => {
      const i = h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser());
      h.emu.inject({ match: (r) => r.path.includes(`${i.token}/callback`), status });
      h.emu.inject({ match: (r) => r.method === "PATCH" && r.path.includes(i.token), status, times: 2 });
      const patches = () => requestsFor(i.token).filter((r) => r.method === "PATCH");
      await h.emu.waitForRequest(() => patches().length === 3);
      expect(body(patches()[2] as RecordedRequest).content).toContain("40.7%[1]");
      expect(requestsFor(i.token).filter((r) => r.path.endsWith("/callback"))).toHaveLength(2);

      const msg = channelMessage(h.emu, `<@${h.emu.botUser.id}> ${ZHUHAI}`, { author: freshUser() });
      const isReply = (r: RecordedRequest) =>
        r.method === "POST" && body(r).message_reference?.message_id === msg.id;
      h.emu.inject({ match: isReply, status, times: 2 });
      h.emu.dispatch("MESSAGE_CREATE", msg);
      await h.emu.waitForRequest(() => h.emu.requests.filter(isReply).length === 3);
    });
  }

  it("Discord failing past every retry: logged once with the interaction id, and the bot keeps answering", async () => {
    const i = h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser());
    const stop = h.emu.inject({
      match: (r) => r.path.includes(i.token),
      status: 500,
      times: Number.POSITIVE_INFINITY,
    });
    try {
      // The deferral is tried 4 times, then the private error reply 4 times, then it is given up.
      await h.emu.waitForRequest(() => requestsFor(i.token).length >= 8, { timeoutMs: 10_000 });
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      stop();
    }
    expect(requestsFor(i.token)).toHaveLength(8);
    const lines = h.logs.filter((l) => l.includes(i.id));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"level":50');
    expect(lines[0]).toContain('"interactionId"');
    for (const line of h.logs) {
      expect(line).not.toContain(i.token);
      expect(line).not.toContain(CANARY_TOKEN);
    }
    expect(h.running.client.isReady()).toBe(true);
    await askAndAnswer();
  });

  it("the reply edit failing past every retry: the asker is told privately in a follow-up", async () => {
    const i = h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser());
    const stop = h.emu.inject({
      match: (r) => r.method === "PATCH" && r.path.includes(i.token),
      status: 502,
      times: Number.POSITIVE_INFINITY,
    });
    try {
      const follow = await h.emu.waitForRequest(
        (r) => r.method === "POST" && r.path === `/webhooks/${h.emu.applicationId}/${i.token}`,
      );
      expect(body(follow).content).toContain("出错了");
      expect(body(follow).flags).toBe(64);
    } finally {
      stop();
    }
    expect(h.logs.filter((l) => l.includes(i.id))).toHaveLength(1);
  });
});

/**
 * An answer service whose answers wait until released, counting how many run at once: deferral and
 * the concurrency cap are checked by order and by count, never by the clock.
 */
function heldAnswers() {
  const original = service.ask;
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  const state = { running: 0, maxRunning: 0, finished: 0 };
  service.ask = async (question, opts) => {
    state.running += 1;
    state.maxRunning = Math.max(state.maxRunning, state.running);
    try {
      await released;
      return await original(question, opts);
    } finally {
      state.running -= 1;
      state.finished += 1;
    }
  };
  return { state, release, restore: () => (service.ask = original) };
}

describe("slow answers", () => {
  it("an answer still being worked out is deferred first, then edited in", async () => {
    const held = heldAnswers();
    try {
      const i = h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser());
      const cb = await h.callback(i);
      expect(callbackBody(cb).type).toBe(5);
      // The deferral went out while the answer had not finished (it cannot until released).
      expect(held.state.finished).toBe(0);
      held.release();
      await h.edit(i, (b) => (b.content ?? "").includes("40.7%"), 10_000);
      expect(held.state.finished).toBe(1);
    } finally {
      held.restore();
    }
  }, 15_000);

  it("twelve slow answers behind a cap of two: every one is deferred at once, then all are answered", async () => {
    const held = heldAnswers();
    try {
      const asks = Array.from({ length: 12 }, () =>
        h.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser()),
      );
      // All twelve deferred while no answer can finish and at most two have been let in.
      const callbacks = await Promise.all(asks.map((i) => h.callback(i)));
      for (const cb of callbacks) expect(callbackBody(cb).type).toBe(5);
      expect(held.state.finished).toBe(0);
      expect(held.state.running).toBe(2);
      held.release();
      await Promise.all(asks.map((i) => h.edit(i, (b) => (b.content ?? "").includes("40.7%"), 10_000)));
      expect(held.state.finished).toBe(12);
      expect(held.state.maxRunning).toBe(2);
    } finally {
      held.restore();
    }
  }, 15_000);
});

describe("start-up", () => {
  it("command registration refused: logged once with Discord's reason, and the bot starts and answers anyway", async () => {
    const own = await startHarness({
      service,
      beforeStart: (emu) =>
        emu.inject({
          match: (r) => r.method === "PUT" && r.path.endsWith("/commands"),
          status: 403,
          body: { message: "Missing Access", code: 50001 },
        }),
    });
    try {
      expect(own.emu.requests.some((r) => r.method === "PUT" && r.path.endsWith("/commands"))).toBe(true);
      const i = own.slash("ask", [{ name: "question", type: 3, value: ZHUHAI }], freshUser());
      await own.edit(i, (b) => (b.content ?? "").includes("40.7%"));
      const failed = own.logs.filter((l) => l.includes("slash command registration failed"));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toContain("Missing Access");
      expect(own.logs.join("\n")).not.toContain(CANARY_TOKEN);
    } finally {
      await own.close();
    }
  });
});
