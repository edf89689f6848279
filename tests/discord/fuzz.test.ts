import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { validateQuestion } from "../../src/answer/question.js";
import type { AnswerService } from "../../src/answer/types.js";
import { renderAnswer, textPayload } from "../../src/discord/render.js";
import { toMessage } from "../../src/discord/respond.js";
import { openPageService } from "../helpers/page-index.js";
import { hostileQuestion } from "./hostile-input.js";
import { expectWithinLimits } from "./limits.js";

/**
 * Hostile questions through the real answer path (the AnswerService over the default page) and the
 * renderers, as `/ask` and @mentions take them: every reply is well-formed, within Discord's limits,
 * pings nobody, and nothing throws.
 */

/** Checks everything a payload must be before it goes to Discord. */
function expectSendable(payload: ReturnType<typeof textPayload>): void {
  expectWithinLimits(payload);
  const json = JSON.stringify(payload);
  expect(json.isWellFormed()).toBe(true);
  expect(JSON.parse(json)).toEqual(payload);
  // Nothing parses as a mention or ping: Discord would render unescaped `<@…>` as one.
  expect(payload.content).not.toMatch(/(?<!\\)<[@#][!&]?\d/);
  const message = toMessage(payload);
  expect(message.allowedMentions?.parse).toEqual([]);
  expect(message.allowedMentions?.repliedUser).toBe(false);
}

let service: AnswerService;

beforeAll(async () => {
  ({ service } = await openPageService());
}, 60_000);

/** The `/ask` and @mention path without discord.js: clean and check, answer, render. */
async function replyTo(raw: string, echoQuestion: boolean) {
  const question = validateQuestion(raw);
  if (!question.ok) return textPayload(question.error.message);
  return renderAnswer(await service.ask(question.value), { echoQuestion });
}

describe("hostile questions through the answer path and the renderers", () => {
  it("10,000 generated questions: every reply well-formed, within limits, pinging nobody", async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(hostileQuestion, fc.boolean(), async (raw, echo) => {
        const payload = await replyTo(raw, echo);
        expectSendable(payload);
        if (payload.embeds.length > 0) answered += 1;
      }),
      { numRuns: 10_000, seed: 20_240_601 },
    );
    // Not everything is refused: real questions among the noise are answered with sources.
    expect(answered).toBeGreaterThan(1_000);
  }, 120_000);

  it("the service itself takes raw, unchecked text without throwing", async () => {
    await fc.assert(
      fc.asyncProperty(hostileQuestion, async (raw) => {
        const answer = await service.ask(raw.slice(0, 2_000));
        expectSendable(renderAnswer(answer, { echoQuestion: true }));
      }),
      { numRuns: 300, seed: 7 },
    );
  }, 60_000);

  it("each named case on its own: empty, whitespace, 6,000 characters, lone surrogates, mentions", async () => {
    for (const raw of [
      "",
      "   \n\t ",
      "长".repeat(6_000),
      "\ud800珠海\udfff",
      "@everyone <@&123456789012345678> <@456789012345678901> 珠海高新区工业投资增速多少",
    ]) {
      expectSendable(await replyTo(raw, true));
    }
    expect((await replyTo("", true)).content).toContain("请输入问题");
    expect((await replyTo("长".repeat(6_000), true)).content).toContain("问题太长");
    // Mentions address people, not the corpus: they are dropped from the question, which is answered.
    const mention = await replyTo("<@&123456789012345678> @everyone 珠海高新区工业投资增速多少", true);
    expect(mention.content).not.toMatch(/<@|@everyone/);
    expect(mention.content).toContain("40.7%");
  });
});
