import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { commandBodies, loadCommands } from "../../src/discord/loader.js";
import { COMMAND_NAMES } from "../commands/names.js";
import {
  createFakeService,
  MANY_ARTICLES_ZONE,
  passages,
  XIAN_TITLE,
  ZHUHAI_TITLE,
} from "../discord/fake-service.js";
import type { RecordedRequest } from "./emulator.js";
import { body, CANARY_TOKEN, callbackBody, type Harness, startHarness } from "./harness.js";
import {
  autocomplete,
  buttonClick,
  channelMessage,
  otherBot,
  slashCommand,
  userFactory,
} from "./payloads.js";

/**
 * The bot end to end with the real discord.js client against the emulator, over a fake answer
 * service (the real one is exercised in real-answer.test.ts). One emulator and one client for the file.
 */

/** A fresh user per test, so the per-user rate limit only bites where a test wants it to. */
const freshUser = userFactory(600000000000000000n);

const service = createFakeService({ extraZones: 30, delayMs: 150, slowOn: "慢" });
let h: Harness;
const timings: { case: string; firstCallbackMs: number; finalEditMs: number }[] = [];
/** What the start hook saw: the bot, and whether `bot ready` had been logged already. */
const beforeReady: { bot: unknown; readyLogged: boolean }[] = [];

beforeAll(async () => {
  h = await startHarness({
    service,
    beforeReady: (bot, logs) =>
      void beforeReady.push({ bot, readyLogged: logs.some((l) => l.includes('"bot ready"')) }),
    progress: { delayMs: 20, intervalMs: 40 },
    discord: { maxConcurrentAnswers: 2 },
  });
});

afterAll(async () => {
  await h?.close();
});

const isMessageBody = (r: RecordedRequest) => {
  const b = r.body as Record<string, unknown> | null;
  if (typeof b !== "object" || b === null) return false;
  const data = (typeof b.type === "number" ? b.data : b) as Record<string, unknown> | undefined;
  return data !== undefined && ("content" in data || "embeds" in data);
};

describe("starting up", () => {
  it("registers exactly the commands in commands/ with one PUT to the guild", async () => {
    const puts = h.emu.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    const put = puts[0] as RecordedRequest;
    expect(put.path).toBe(`/applications/${h.emu.applicationId}/guilds/${h.emu.guildId}/commands`);
    const expected = commandBodies(await loadCommands());
    expect(put.body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect((put.body as { name: string }[]).map((c) => c.name).sort()).toEqual(COMMAND_NAMES);
    const reindex = (put.body as { name: string; default_member_permissions?: string }[]).find(
      (c) => c.name === "reindex",
    );
    expect(reindex?.default_member_permissions).toBe("32");
    console.log(`[timing] start → ready with command registration: ${h.startMs.toFixed(1)} ms`);
  });

  it("hands the bot to the stop handlers before logging `bot ready`, which launchers wait for", () => {
    expect(beforeReady).toEqual([{ bot: h.running.bot, readyLogged: false }]);
    expect(h.logs.some((l) => l.includes('"bot ready"'))).toBe(true);
  });

  it("asks the gateway for Guilds, GuildMessages and MessageContent", () => {
    expect(h.emu.identifies[0]?.intents).toBe(33281);
    expect(h.emu.requests.some((r) => r.path === "/gateway/bot")).toBe(true);
  });
});

describe("/ask", () => {
  it("defers at once, then edits in the cited 40.7% answer with its source and a button", async () => {
    const i = h.slash(
      "ask",
      [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }],
      freshUser(),
    );
    const cb = await h.callback(i);
    expect(callbackBody(cb)).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await h.edit(i);
    const b = body(edit);
    expect(b.content).toContain("40.7%[1]");
    expect(b.content).toContain("珠海高新区工业投资增速多少");
    expect(b.embeds?.[0]?.fields?.[0]?.name).toBe(`[1] ${ZHUHAI_TITLE}`);
    expect(b.embeds?.[0]?.fields?.[0]?.value).toContain("增速达40.7%");
    expect(parseCustomId(b.components?.[0]?.components[0]?.custom_id ?? "")).toEqual({
      kind: "source",
      passageId: passages[0]?.id,
    });
    expect(b.allowed_mentions).toEqual({ parse: [], replied_user: false });
    timings.push({ case: "/ask (fake service)", firstCallbackMs: cb.at - i.at, finalEditMs: edit.at - i.at });
  });

  it("with private:true defers with the ephemeral flag (64)", async () => {
    const i = h.slash(
      "ask",
      [
        { name: "question", type: 3, value: "珠海高新区工业投资增速多少" },
        { name: "private", type: 5, value: true },
      ],
      freshUser(),
    );
    expect(callbackBody(await h.callback(i))).toEqual({ type: 5, data: { flags: 64 } });
    expect(body(await h.edit(i)).content).toContain("40.7%");
  });

  it("says so when there is no answer, and lists the closest sources", async () => {
    const i = h.slash("ask", [{ name: "question", type: 3, value: "火星高新区有几家企业" }], freshUser());
    const b = body(await h.edit(i));
    expect(b.content).toContain("没有找到");
    expect(b.embeds?.[0]?.title).toBe("最接近的来源");
  });

  it("refuses a blank question privately without asking the service", async () => {
    const before = service.calls.length;
    const i = h.slash("ask", [{ name: "question", type: 3, value: " \u200b\u200b " }], freshUser());
    const cb = callbackBody(await h.callback(i));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toContain("请输入问题");
    expect(service.calls.length).toBe(before);
  });

  it("refuses a question over 500 characters privately", async () => {
    const i = h.slash("ask", [{ name: "question", type: 3, value: "长".repeat(501) }], freshUser());
    const cb = callbackBody(await h.callback(i));
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toContain("问题太长");
  });

  it("shows progress while an answer is slow, and the answer last", async () => {
    const i = h.slash(
      "ask",
      [{ name: "question", type: 3, value: "慢慢问：珠海高新区工业投资增速多少" }],
      freshUser(),
    );
    const progress = await h.edit(i, (b) => /正在(检索|生成回答)…/.test(b.content ?? ""));
    const final = await h.edit(i, (b) => (b.content ?? "").includes("40.7%"));
    expect(progress.at).toBeLessThan(final.at);
    const edits = h.emu.requests.filter((r) => r.method === "PATCH" && r.path.includes(i.token));
    expect(body(edits.at(-1) as RecordedRequest).content).toContain("40.7%");
  });

  it("computes at most maxConcurrentAnswers (2) at once and answers everyone queued", async () => {
    service.maxConcurrent = 0;
    const asks = [1, 2, 3, 4].map(() =>
      h.slash("ask", [{ name: "question", type: 3, value: "慢：珠海高新区工业投资增速多少" }], freshUser()),
    );
    const edits = await Promise.all(asks.map((i) => h.edit(i, (b) => (b.content ?? "").includes("40.7%"))));
    expect(edits).toHaveLength(4);
    expect(service.maxConcurrent).toBe(2);
  });

  it("answers the sixth question in 30 s with a polite private rate-limit reply", async () => {
    const user = freshUser();
    const asks = [1, 2, 3, 4, 5].map(() =>
      h.slash("ask", [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }], user),
    );
    await Promise.all(asks.map((i) => h.callback(i)));
    const sixth = h.slash("ask", [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }], user);
    const cb = callbackBody(await h.callback(sixth));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toMatch(/提问有点频繁了，请 \d+ 秒后再试/);
  });
});

describe("citation buttons", () => {
  it("open the full passage privately", async () => {
    const click = buttonClick(h.emu, `src:1:${passages[0]?.id}`, freshUser());
    const at = h.emu.dispatch("INTERACTION_CREATE", click);
    const cb = await h.callback(click);
    // Deferred privately at once (the passage may come from the database), then filled in.
    expect(callbackBody(cb)).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await h.edit(click);
    const data = body(edit);
    expect(data.embeds?.[0]?.title).toBe(ZHUHAI_TITLE);
    expect(data.embeds?.[0]?.description).toBe(passages[0]?.text);
    expect(data.allowed_mentions?.parse).toEqual([]);
    timings.push({ case: "citation button", firstCallbackMs: cb.at - at, finalEditMs: edit.at - at });
  });

  it("say the button has expired when the id is unknown or forged", async () => {
    const click = buttonClick(h.emu, "src:1:no-such-passage", freshUser());
    h.emu.dispatch("INTERACTION_CREATE", click);
    expect(body(await h.edit(click)).content).toContain("没有找到这段原文");
    const forged = buttonClick(h.emu, "garbage::", freshUser());
    h.emu.dispatch("INTERACTION_CREATE", forged);
    expect(callbackBody(await h.callback(forged)).data?.content).toContain("失效");
  });
});

describe("/zones, /zone, /source, /help", () => {
  it("/zones lists every zone with its article count and newest headlines, most first, paged with buttons", async () => {
    const i = h.slash("zones", [], freshUser());
    expect(callbackBody(await h.callback(i)).type).toBe(5);
    const shown = body(await h.edit(i));
    const embed = shown.embeds?.[0];
    expect(embed?.title).toBe("高新区一览（34 个）");
    expect(embed?.description?.split("\n").slice(0, 3)).toEqual([
      "1\\. **西安高新区** — 2 篇",
      `　· 《${XIAN_TITLE.replace(/\*/g, "\\*")}》（2020-06）`,
      "　· 《西安高新区另一篇》（2020-06）",
    ]);
    expect(embed?.footer?.text).toContain("第 1/5 页");
    const next = shown.components?.[0]?.components[1];
    expect(next?.label).toBe("下一页");

    // The page turns in place: a deferred update (type 6), then the message edited.
    const click = buttonClick(h.emu, next?.custom_id ?? "", freshUser());
    h.emu.dispatch("INTERACTION_CREATE", click);
    expect(callbackBody(await h.callback(click)).type).toBe(6);
    const page = body(await h.edit(click));
    expect(page.embeds?.[0]?.footer?.text).toContain("第 2/5 页");
  });

  it("/zone autocomplete answers type 4 with a type 8 callback of choices", async () => {
    const payload = autocomplete(
      h.emu,
      "zone",
      [{ name: "name", type: 3, value: "珠", focused: true }],
      freshUser(),
    );
    const at = h.emu.dispatch("INTERACTION_CREATE", payload);
    const cb = await h.callback(payload);
    expect(callbackBody(cb)).toEqual({
      type: 8,
      data: { choices: [{ name: "珠海高新区", value: "珠海高新区" }] },
    });
    timings.push({ case: "/zone autocomplete", firstCallbackMs: cb.at - at, finalEditMs: cb.at - at });
  });

  it("/zone shows the zone's articles with bylines and its cited figures", async () => {
    const i = h.slash("zone", [{ name: "name", type: 3, value: "珠海高新区" }], freshUser());
    // Deferred publicly at once (its figures may come from the database), then filled in.
    expect(callbackBody(await h.callback(i))).toMatchObject({ type: 5 });
    const embed = body(await h.edit(i)).embeds?.[0];
    expect(embed?.title).toBe("珠海高新区");
    expect(embed?.fields?.[0]?.value).toContain(ZHUHAI_TITLE);
    expect(embed?.fields?.[0]?.value).toContain("本报记者 张三");
    expect(embed?.description).toContain("[1]");
  });

  it("/zone of 200 articles pages them: the 下一页 button turns the page in place, `page:` opens one", async () => {
    const i = h.slash("zone", [{ name: "name", type: 3, value: MANY_ARTICLES_ZONE }], freshUser());
    expect(callbackBody(await h.callback(i)).type).toBe(5);
    const shown = body(await h.edit(i));
    const pages = Number(/第 1\/(\d+) 页/.exec(shown.embeds?.[0]?.footer?.text ?? "")?.[1]);
    expect(pages).toBeGreaterThan(1);
    const next = shown.components?.at(-1)?.components.find((b) => b.label === "下一页");
    const click = buttonClick(h.emu, next?.custom_id ?? "", freshUser());
    h.emu.dispatch("INTERACTION_CREATE", click);
    expect(callbackBody(await h.callback(click)).type).toBe(6);
    const second = body(await h.edit(click)).embeds?.[0];
    expect(second?.footer?.text).toContain(`第 2/${pages} 页`);
    const last = h.slash(
      "zone",
      [
        { name: "name", type: 3, value: MANY_ARTICLES_ZONE },
        { name: "page", type: 4, value: pages },
      ],
      freshUser(),
    );
    expect(callbackBody(await h.callback(last)).type).toBe(5);
    const lastEmbed = body(await h.edit(last)).embeds?.[0];
    expect(lastEmbed?.fields?.at(-1)?.value.split("\n").at(-1)).toContain("第199期");
  });

  it("/zone with an unknown name says so privately", async () => {
    const i = h.slash("zone", [{ name: "name", type: 3, value: "火星高新区" }], freshUser());
    expect(callbackBody(await h.callback(i)).type).toBe(5);
    // The public "thinking…" is deleted and the answer follows for the asker alone.
    const deleted = await h.emu.waitForRequest(
      (r) =>
        r.method === "DELETE" && r.path === `/webhooks/${h.emu.applicationId}/${i.token}/messages/@original`,
    );
    const followUp = await h.emu.waitForRequest(
      (r) => r.method === "POST" && r.path === `/webhooks/${h.emu.applicationId}/${i.token}`,
    );
    expect(followUp.at).toBeGreaterThanOrEqual(deleted.at);
    expect(body(followUp).flags).toBe(64);
    expect(body(followUp).content).toContain("没有找到");
    expect(body(followUp).allowed_mentions?.parse).toEqual([]);
  });

  it("/source shows the passage in full with its headline, and not its internal id or file", async () => {
    const i = h.slash("source", [{ name: "id", type: 3, value: passages[1]?.id ?? "" }], freshUser());
    expect(callbackBody(await h.callback(i)).type).toBe(5);
    const embed = body(await h.edit(i)).embeds?.[0];
    expect(embed?.title).toBe(XIAN_TITLE);
    expect(embed?.description).toBe(passages[1]?.text);
    expect(JSON.stringify(embed)).not.toContain(passages[1]?.id ?? "?");
    expect(JSON.stringify(embed)).not.toContain(passages[1]?.source ?? "?");
  });

  it("/help says how to ask and what the bot knows, privately", async () => {
    const i = h.slash("help", [], freshUser());
    const cb = callbackBody(await h.callback(i));
    expect(cb.data?.flags).toBe(64);
    const fields = cb.data?.embeds?.[0]?.fields?.map((f) => f.name);
    expect(fields).toEqual(["文章", "段落", "高新区", "索引构建时间", "回答方式"]);
    // Every command the bot registered with the emulator is listed.
    const registered = h.emu.requests.find((r) => r.method === "PUT" && r.path.endsWith("/commands"));
    const names = ((registered?.body ?? []) as { name: string }[]).map((c) => c.name);
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(cb.data?.embeds?.[0]?.description).toContain(`**/${name}**`);
  });
});

describe("@mentions", () => {
  const repliesTo = (messageId: string) => (r: RecordedRequest) =>
    r.method === "POST" &&
    r.path === `/channels/${h.emu.channelId}/messages` &&
    body(r).message_reference?.message_id === messageId;

  it("answer in the channel as a reply to the message, pinging nobody", async () => {
    const msg = channelMessage(h.emu, `<@${h.emu.botUser.id}> 西安高新区新基建项目总投资多少`, {
      author: freshUser(),
    });
    const at = h.emu.dispatch("MESSAGE_CREATE", msg);
    const reply = await h.emu.waitForRequest(repliesTo(msg.id));
    const b = body(reply);
    expect(b.content).toContain("166亿元[1]");
    expect(b.content).not.toContain(`<@${h.emu.botUser.id}>`);
    expect(b.embeds?.[0]?.fields?.[0]?.name).toBe(`[1] ${XIAN_TITLE}`);
    expect(b.message_reference?.message_id).toBe(msg.id);
    expect(b.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.headers.authorization).toBe(`Bot ${CANARY_TOKEN}`);
    timings.push({ case: "@mention reply", firstCallbackMs: reply.at - at, finalEditMs: reply.at - at });
  });

  it("strip the question of the mention and answer @everyone in it without pinging anyone", async () => {
    const msg = channelMessage(h.emu, `@everyone <@!${h.emu.botUser.id}> @here 珠海高新区工业投资增速多少`, {
      author: freshUser(),
    });
    h.emu.dispatch("MESSAGE_CREATE", msg);
    const b = body(await h.emu.waitForRequest(repliesTo(msg.id)));
    expect(b.content).toContain("40.7%");
    expect(b.allowed_mentions?.parse).toEqual([]);
    // Mentions are dropped from the question before it is answered.
    expect(service.calls.at(-1)).toBe("珠海高新区工业投资增速多少");
  });

  it("show typing while a slow answer is worked out, then reply", async () => {
    const msg = channelMessage(h.emu, `<@${h.emu.botUser.id}> 慢 珠海高新区工业投资增速多少`, {
      author: freshUser(),
    });
    const at = h.emu.dispatch("MESSAGE_CREATE", msg);
    const reply = await h.emu.waitForRequest(repliesTo(msg.id));
    const typing = h.emu.requests.find(
      (r) => r.method === "POST" && r.path === `/channels/${h.emu.channelId}/typing` && r.at >= at,
    );
    expect(typing).toBeDefined();
    expect((typing?.at ?? Number.POSITIVE_INFINITY) < reply.at).toBe(true);
  });

  it("give a bare mention a short help, and ignore bots, itself and messages without a mention", async () => {
    const fromBot = channelMessage(h.emu, `<@${h.emu.botUser.id}> 珠海`, { author: otherBot });
    const fromSelf = channelMessage(h.emu, `<@${h.emu.botUser.id}> 珠海`, { author: { ...h.emu.botUser } });
    const noMention = channelMessage(h.emu, "珠海高新区工业投资增速多少", {
      author: freshUser(),
      mentionBot: false,
    });
    const bare = channelMessage(h.emu, `  <@${h.emu.botUser.id}>  `, { author: freshUser() });
    for (const m of [fromBot, fromSelf, noMention, bare]) h.emu.dispatch("MESSAGE_CREATE", m);
    // Gateway events are handled in order, so once the bare mention is answered the others were seen.
    const help = body(await h.emu.waitForRequest(repliesTo(bare.id)));
    expect(help.content).toContain("在 @我 后面写上问题");
    for (const m of [fromBot, fromSelf, noMention]) expect(h.emu.requests.some(repliesTo(m.id))).toBe(false);
  });

  it("in extractive mode: a reply to the bot's answer is ignored, unless it mentions the bot", async () => {
    const user = freshUser();
    const ask = channelMessage(h.emu, `<@${h.emu.botUser.id}> 珠海高新区工业投资增速多少`, { author: user });
    h.emu.dispatch("MESSAGE_CREATE", ask);
    const answer = await h.emu.waitForRequest(repliesTo(ask.id));
    const answerMessage = h.emu.messages.get(String((answer.response as { id: string }).id));
    expect(answerMessage?.content).toContain("40.7%");

    const from = h.emu.requests.length;
    const asked = service.calls.length;
    const reply = channelMessage(h.emu, "那民间投资呢？", {
      author: user,
      mentionBot: false,
      replyTo: answerMessage,
    });
    const mentioned = channelMessage(h.emu, `<@${h.emu.botUser.id}> 西安高新区新基建项目总投资多少`, {
      author: user,
      replyTo: answerMessage,
    });
    h.emu.dispatch("MESSAGE_CREATE", reply);
    h.emu.dispatch("MESSAGE_CREATE", mentioned);
    // Handled in order: once the mention is answered, the plain reply was seen and ignored.
    expect(body(await h.emu.waitForRequest(repliesTo(mentioned.id))).content).toContain("166亿元");
    expect(h.emu.requests.some(repliesTo(reply.id))).toBe(false);
    expect(service.calls.slice(asked)).toEqual(["西安高新区新基建项目总投资多少"]);
    // No earlier turns in extractive mode: the reply chain is never read.
    expect(h.emu.requests.slice(from).filter((r) => r.method === "GET")).toEqual([]);
  });

  it("@everyone in a slash question pings nobody either", async () => {
    const i = h.slash(
      "ask",
      [{ name: "question", type: 3, value: "@everyone 珠海高新区工业投资增速多少" }],
      freshUser(),
    );
    const b = body(await h.edit(i));
    expect(b.content).toContain("40.7%");
    expect(b.content).not.toContain("@everyone");
    expect(b.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe("failures", () => {
  it("turn a failing answer into a private 出错了 with an error id that is also in the log", async () => {
    const failing = createFakeService({ failOn: "炸" });
    const original = service.ask;
    service.ask = failing.ask;
    try {
      const i = h.slash(
        "ask",
        [
          { name: "question", type: 3, value: "炸" },
          { name: "private", type: 5, value: true },
        ],
        freshUser(),
      );
      const b = body(await h.edit(i, (x) => (x.content ?? "").includes("出错了")));
      const id = /错误编号：([0-9a-f]{8})/.exec(b.content ?? "")?.[1];
      expect(id).toBeDefined();
      expect(h.logs.some((l) => l.includes(`"errorId":"${id}"`) && l.includes("fake failure"))).toBe(true);
    } finally {
      service.ask = original;
    }
  });

  it("a public deferral that fails is replaced by a private follow-up", async () => {
    const user = freshUser();
    const i = h.slash("ask", [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }], user);
    h.emu.failNext((r) => r.method === "PATCH" && r.path.includes(i.token), 404);
    const follow = await h.emu.waitForRequest(
      (r) => r.method === "POST" && r.path === `/webhooks/${h.emu.applicationId}/${i.token}`,
    );
    expect(body(follow).content).toContain("出错了");
    expect(body(follow).flags).toBe(64);
    expect(h.emu.requests.some((r) => r.method === "DELETE" && r.path.includes(i.token))).toBe(true);
  });

  it("survive malformed interactions and a failed callback, and keep answering", async () => {
    const user = freshUser();
    // Unknown interaction type, unknown command, missing required option, unknown component type.
    h.emu.dispatch("INTERACTION_CREATE", { ...slashCommand(h.emu, "ask"), type: 99 });
    const unknown = h.slash("nonexistent", [], user);
    const missing = h.slash("ask", [], user);
    const weird = { ...buttonClick(h.emu, "src:1:x", user), data: { custom_id: "x", component_type: 42 } };
    h.emu.dispatch("INTERACTION_CREATE", weird);
    expect(callbackBody(await h.callback(unknown)).data?.content).toContain("命令已经不存在");
    expect(callbackBody(await h.callback(missing)).data?.content).toContain("出错了");
    // A Discord call that fails outright (500 three times, then given up) is logged, not fatal.
    const doomed = h.slash("zones", [], user);
    for (let n = 0; n < 4; n++) h.emu.failNext((r) => r.path.includes(doomed.token), 500);
    await h.emu.waitForRequest((r) => r.path.includes(doomed.token) && r.method === "POST", {
      timeoutMs: 10_000,
    });
    const after = h.slash(
      "ask",
      [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }],
      freshUser(),
    );
    expect(body(await h.edit(after, undefined, 10_000)).content).toContain("40.7%");
  });
});

describe("every message the bot sent", () => {
  it("carried allowed_mentions with an empty parse list, and never the token", () => {
    const bodies = h.emu.requests.filter(isMessageBody);
    expect(bodies.length).toBeGreaterThan(20);
    for (const r of bodies) {
      const b = r.body as Record<string, unknown>;
      const data = (typeof b.type === "number" ? b.data : b) as { allowed_mentions?: { parse?: unknown[] } };
      expect(data.allowed_mentions?.parse, `${r.method} ${r.path}`).toEqual([]);
    }
    for (const r of h.emu.requests) expect(JSON.stringify(r.body ?? "")).not.toContain(CANARY_TOKEN);
    for (const line of h.logs) expect(line).not.toContain(CANARY_TOKEN);
  });

  it("round-trip times (printed, not asserted)", () => {
    console.table(
      timings.map((t) => ({
        case: t.case,
        "dispatch → first callback (ms)": t.firstCallbackMs.toFixed(1),
        "dispatch → final message (ms)": t.finalEditMs.toFixed(1),
      })),
    );
  });
});

describe("shutdown", () => {
  it("stops taking new work, finishes the reply in flight, then destroys the client", async () => {
    const inflight = h.slash(
      "ask",
      [{ name: "question", type: 3, value: "慢：珠海高新区工业投资增速多少" }],
      freshUser(),
    );
    await h.callback(inflight);
    const stopping = h.running.bot.stop(5_000);
    const late = h.slash(
      "ask",
      [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }],
      freshUser(),
    );
    const lateCb = callbackBody(await h.callback(late));
    expect(lateCb.data?.content).toContain("正在重启");
    expect(lateCb.data?.flags).toBe(64);
    const final = await h.edit(inflight, (b) => (b.content ?? "").includes("40.7%"));
    expect(await stopping).toBe(true);
    expect(final).toBeDefined();
    expect(h.running.client.isReady()).toBe(false);
  });
});
