import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Payload } from "../../src/discord/render.js";
import { hostileQuestion } from "../discord/hostile-input.js";
import { expectWithinLimits } from "../discord/limits.js";
import { openPageService } from "../helpers/page-index.js";
import type { RecordedRequest } from "./emulator.js";
import { body, CANARY_TOKEN, callbackBody, type Harness, type MessageBody, startHarness } from "./harness.js";
import { channelMessage, userFactory } from "./payloads.js";

/**
 * 300 hostile questions end to end: the real answer service over the default page, the real
 * discord.js client, the emulator. Every one gets a reply; every message the bot sends is within
 * Discord's limits and parses no mentions.
 */

const freshUser = userFactory(620000000000000000n, "hostile");
let h: Harness;

beforeAll(async () => {
  const { service } = await openPageService();
  h = await startHarness({ service });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

/** A sent message body as a rendered payload, for the limit checks. */
function asPayload(m: MessageBody): Payload {
  return {
    content: m.content ?? "",
    embeds: (m.embeds ?? []) as Payload["embeds"],
    components: (m.components ?? []) as unknown as Payload["components"],
    allowedMentions: { parse: [], repliedUser: false },
  };
}

describe("hostile questions through the emulator", () => {
  it("300 questions (/ask and @mentions): all answered or refused, none over a limit, none pinging", async () => {
    const questions = fc.sample(hostileQuestion, { numRuns: 300, seed: 42 });
    const slashes: { id: string; token: string }[] = [];
    const mentions: string[] = [];
    for (const [n, q] of questions.entries()) {
      if (n % 3 === 2) {
        // A mention needs something after it to be a question; a bare one gets the short help.
        const msg = channelMessage(h.emu, `<@${h.emu.botUser.id}> ${q}`, { author: freshUser() });
        h.emu.dispatch("MESSAGE_CREATE", msg);
        mentions.push(msg.id);
      } else {
        // Discord itself refuses an option longer than the command's max_length (500); the bot checks again.
        slashes.push(h.slash("ask", [{ name: "question", type: 3, value: q.slice(0, 500) }], freshUser()));
      }
      if (n % 50 === 49) await new Promise((r) => setTimeout(r, 50));
    }
    const finals = await Promise.all(
      slashes.map(async (i) => {
        const cb = await h.callback(i, 20_000);
        if (callbackBody(cb).type === 4) return cb;
        return h.edit(i, (b) => !/^正在(检索|生成回答)…$/.test(b.content ?? ""), 20_000);
      }),
    );
    const replies = await Promise.all(
      mentions.map((id) =>
        h.emu.waitForRequest((r) => r.method === "POST" && body(r).message_reference?.message_id === id, {
          timeoutMs: 20_000,
        }),
      ),
    );
    expect(finals).toHaveLength(slashes.length);
    expect(replies).toHaveLength(mentions.length);
    expect(
      finals.some((r) => (callbackBody(r).data?.content ?? body(r).content ?? "").includes("出错了")),
    ).toBe(false);

    const sent = h.emu.requests.filter((r: RecordedRequest) => {
      const b = r.body as Record<string, unknown> | null;
      return typeof b === "object" && b !== null && ("content" in b || "data" in b);
    });
    expect(sent.length).toBeGreaterThanOrEqual(300);
    for (const r of sent) {
      const raw = r.body as { type?: number; data?: MessageBody } & MessageBody;
      const m = r.path.endsWith("/callback") ? raw.data : raw;
      if (!m || !("content" in m || "embeds" in m)) continue;
      expect(m.allowed_mentions, `${r.method} ${r.path}`).toEqual({ parse: [], replied_user: false });
      expectWithinLimits(asPayload(m));
      expect(JSON.stringify(m).isWellFormed()).toBe(true);
    }
    for (const line of h.logs) expect(line).not.toContain(CANARY_TOKEN);
    expect(h.logs.some((l) => l.includes('"level":50'))).toBe(false);
  }, 60_000);
});
