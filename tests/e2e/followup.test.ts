import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiChat } from "../../src/answer/llm/openai-chat.js";
import { createAnswerService } from "../../src/answer/service.js";
import {
  type RecordedRequest as ChatRequest,
  completion,
  type FakeOpenAi,
  passageNumber,
  startFakeOpenAi,
  userMessage,
} from "../helpers/openai-server.js";
import { openPageService } from "../helpers/page-index.js";
import type { RecordedRequest } from "./emulator.js";
import { body, type Harness, startHarness } from "./harness.js";
import { channelMessage, userFactory } from "./payloads.js";

/**
 * Follow-ups in model mode, end to end: the real discord.js client, the real answer service over the
 * default corpus with a model behind the scripted OpenAI-compatible server. A reply to one of the
 * bot's answers is answered with the earlier turns, read back from Discord along the reply chain.
 */

const freshUser = userFactory(630000000000000000n, "followup");
const FIRST = "珠海高新区工业投资增速多少";
const FOLLOW = "那民间投资呢？";
const STANDALONE = "珠海高新区民间投资增速多少";

let h: Harness;
let openai: FakeOpenAi;
let indexDir: string;

const isRewrite = (req: ChatRequest) =>
  (req.body.messages as { role: string; content: string }[])[0]?.content.includes("改写") ?? false;

/** Rewrites any follow-up to the standalone question; answers 32% or 40.7%, cited. */
function model(req: ChatRequest) {
  if (isRewrite(req)) return completion(STANDALONE);
  if (userMessage(req).includes(`问题：${STANDALONE}`))
    return completion(`珠海高新区民间投资增速转负为正，达32%[${passageNumber(req, "达32%")}]。`);
  return completion(`珠海高新区工业投资加速，增速达40.7%[${passageNumber(req, "增速达40.7%")}]。`);
}

beforeAll(async () => {
  openai = await startFakeOpenAi({ chat: model });
  const page = await openPageService();
  indexDir = page.dir;
  const llm = createOpenAiChat({
    apiKey: "sk-followup-fake-0123",
    baseURL: openai.baseURL,
    model: "test-model",
    timeoutMs: 5_000,
    maxRetries: 0,
    retryBaseMs: 20,
  });
  h = await startHarness({ service: createAnswerService(page.index, { llm }) });
});

afterAll(async () => {
  await h?.close();
  await openai?.close();
  if (indexDir) await rm(dirname(indexDir), { recursive: true, force: true });
});

/** The bot's channel reply to message `id`. */
const replyTo = (id: string, timeoutMs = 5_000) =>
  h.emu.waitForRequest((r) => r.method === "POST" && body(r).message_reference?.message_id === id, {
    timeoutMs,
  });

/** The message the emulator created for a request (the bot's reply), as it stores it. */
function created(r: RecordedRequest): Record<string, unknown> {
  const id = String((r.response as { id: string }).id);
  const m = h.emu.messages.get(id);
  if (!m) throw new Error(`no stored message ${id}`);
  return m;
}

type User = ReturnType<typeof freshUser>;

/** `user` @mentions the bot with `question`; resolves with the message and the bot's reply to it. */
async function mention(user: User, question: string) {
  const msg = channelMessage(h.emu, `<@${h.emu.botUser.id}> ${question}`, { author: user });
  h.emu.dispatch("MESSAGE_CREATE", msg);
  return { msg, reply: await replyTo(msg.id) };
}

/** `user` replies `text` to `answer` (a bot reply) without mentioning the bot; resolves with the bot's reply. */
async function followUp(user: User, text: string, answer: RecordedRequest) {
  const msg = channelMessage(h.emu, text, { author: user, mentionBot: false, replyTo: created(answer) });
  h.emu.dispatch("MESSAGE_CREATE", msg);
  return replyTo(msg.id);
}

describe("follow-ups in model mode", () => {
  it("answer a reply to the bot's answer with the earlier turn: the rewrite and the answer carry it", async () => {
    const user = freshUser();
    const { msg: ask, reply: answer } = await mention(user, FIRST);
    expect(body(answer).content).toContain("40.7%[1]");

    const before = openai.chatRequests().length;
    const reply = await followUp(user, FOLLOW, answer);
    expect(body(reply).content).toContain("32%[1]");
    expect(body(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });

    const [rewrite, final] = openai.chatRequests().slice(before) as [ChatRequest, ChatRequest];
    expect(isRewrite(rewrite)).toBe(true);
    expect(userMessage(rewrite)).toContain(`用户：${FIRST}`);
    expect(userMessage(rewrite)).toContain("助手：珠海高新区工业投资加速，增速达40.7%。");
    expect(userMessage(rewrite)).toContain(`追问：${FOLLOW}`);
    expect(userMessage(final)).toContain("此前的对话");
    expect(userMessage(final)).toContain(`问题：${STANDALONE}`);
    // The chain was read back from Discord: the bot's answer, then the question it answered.
    const gets = h.emu.requests.filter((r) => r.method === "GET" && r.path.includes("/messages/"));
    expect(gets.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        `/channels/${h.emu.channelId}/messages/${created(answer).id}`,
        `/channels/${h.emu.channelId}/messages/${ask.id}`,
      ]),
    );
  });

  it("carry every earlier turn of a longer chain, oldest first", async () => {
    const user = freshUser();
    const { reply: first } = await mention(user, FIRST);
    const second = await followUp(user, FOLLOW, first);
    const before = openai.chatRequests().length;
    expect(body(await followUp(user, "和工业投资比呢？", second)).content).toContain("[1]");
    const text = userMessage(openai.chatRequests()[before] as ChatRequest);
    expect(text.indexOf(`用户：${FIRST}`)).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(`用户：${FOLLOW}`)).toBeGreaterThan(text.indexOf(`用户：${FIRST}`));
    expect(text).toContain("追问：和工业投资比呢？");
  });

  it("take the question of a /ask answer from its echoed line", async () => {
    const user = freshUser();
    const i = h.slash("ask", [{ name: "question", type: 3, value: FIRST }], user);
    const edit = await h.edit(i, (b) => (b.content ?? "").includes("40.7%"));
    const before = openai.chatRequests().length;
    expect(body(await followUp(user, FOLLOW, edit)).content).toContain("32%[1]");
    expect(userMessage(openai.chatRequests()[before] as ChatRequest)).toContain(`用户：${FIRST}`);
  });

  it("ignore a reply to someone else's message, without reading the chain", async () => {
    const other = channelMessage(h.emu, "今天开会吗", { author: freshUser(), mentionBot: false });
    h.emu.dispatch("MESSAGE_CREATE", other);
    const reply = channelMessage(h.emu, FOLLOW, { author: freshUser(), mentionBot: false, replyTo: other });
    const from = h.emu.requests.length;
    h.emu.dispatch("MESSAGE_CREATE", reply);
    await expect(replyTo(reply.id, 500)).rejects.toThrow("no matching request");
    expect(h.emu.requests.slice(from).filter((r) => r.path.includes("/messages"))).toEqual([]);
  });
});
