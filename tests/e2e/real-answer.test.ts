import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { type Emulator, type RecordedRequest, startEmulator } from "./emulator.js";
import { body, CANARY_TOKEN, callbackBody } from "./harness.js";
import { alice, channelMessage, slashCommand } from "./payloads.js";
import { type BotProcess, botEnv, killBot, spawnNpmStart } from "./process.js";

/**
 * `npm start` for real, as a user runs it (npm, then the bot it execs), building the index from the
 * default corpus into a temporary folder, answering through the real answer service via the emulator;
 * SIGTERM goes to npm, as a container's stop or a process manager sends it.
 */

const corpus = fileURLToPath(new URL("../../data/corpus", import.meta.url));
const ZHUHAI_TITLE = "工业投资增40.7% 珠海高新区奋力夺取抗疫与发展“双胜利”";

let emu: Emulator;
let bot: BotProcess;
let indexDir: string;
let zhuhaiSourceButton = "";
const timings: {
  case: string;
  "dispatch → first callback (ms)": string;
  "dispatch → final message (ms)": string;
}[] = [];
const ms = (a: number, b: number) => (b - a).toFixed(1);

/** A deferred command's reply as filled in: the callback must be a deferral (type 5), the content its edit. */
async function filledIn(i: { id: string; token: string }) {
  const cb = await emu.waitForRequest((r) => r.path.includes(`${i.id}/${i.token}/callback`));
  expect(callbackBody(cb).type).toBe(5);
  return body(
    await emu.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${i.token}/messages/@original`),
    ),
  );
}

describe("npm start against the emulator, real answer service", () => {
  beforeAll(async () => {
    emu = await startEmulator();
    indexDir = mkdtempSync(join(tmpdir(), "gaoxin-index-"));
    bot = spawnNpmStart(
      botEnv(emu, CANARY_TOKEN, {
        INDEX_DIR: indexDir,
        CORPUS_DIR: corpus,
        LOG_LEVEL: "info",
      }),
    );
    await bot.waitForLine('"msg":"bot ready"', 60_000);
  });

  afterAll(async () => {
    await killBot(bot);
    await emu?.close();
    if (indexDir) rmSync(indexDir, { recursive: true, force: true });
    if (timings.length > 0) console.table(timings);
  });

  it("answers /ask 珠海高新区工业投资增速多少 with 40.7% and its source", async () => {
    for (let round = 0; round < 3; round++) {
      const i = slashCommand(
        emu,
        "ask",
        [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }],
        {
          ...alice,
          id: `70000000000000000${round}`,
        },
      );
      const at = emu.dispatch("INTERACTION_CREATE", i);
      const cb = await emu.waitForRequest((r) => r.path === `/interactions/${i.id}/${i.token}/callback`);
      expect(callbackBody(cb)).toEqual({ type: 5, data: { flags: 0 } });
      const edit = await emu.waitForRequest(
        (r) => r.method === "PATCH" && r.path.includes(i.token) && (body(r).content ?? "").includes("40.7%"),
        { timeoutMs: 10_000 },
      );
      const b = body(edit);
      expect(b.content).toMatch(/40\.7%\[\d\]/);
      expect(b.embeds?.[0]?.fields?.some((f) => f.name.endsWith(ZHUHAI_TITLE))).toBe(true);
      expect(b.allowed_mentions?.parse).toEqual([]);
      timings.push({
        case: `/ask real service #${round + 1}`,
        "dispatch → first callback (ms)": ms(at, cb.at),
        "dispatch → final message (ms)": ms(at, edit.at),
      });
    }
  });

  it("lists the zones with /zones", async () => {
    const i = slashCommand(emu, "zones", [], alice);
    emu.dispatch("INTERACTION_CREATE", i);
    const embed = (await filledIn(i))?.embeds?.[0];
    // The page's nine zones, eight a page; six articles (one names four zones), not the counts' sum.
    expect(embed?.title).toBe("高新区一览（9 个）");
    expect(embed?.description).toContain(
      "**重庆高新区** — 1 篇\n　· 《重庆市高新区协同创新战略联盟成立》（2020-06）",
    );
    expect(embed?.footer?.text).toContain("第 1/2 页 · 按文章数从多到少，同数按拼音 · 资料库共 6 篇文章");
  });

  it("/zone 珠海高新区 shows its figures table with the 40.7% growth and the 94% 复工率, each with a source button", async () => {
    const i = slashCommand(emu, "zone", [{ name: "name", type: 3, value: "珠海高新区" }], alice);
    emu.dispatch("INTERACTION_CREATE", i);
    const data = await filledIn(i);
    const rows = (data?.embeds?.[0]?.description ?? "").replace(/\\/g, "").split("\n");
    expect(rows.find((r) => r.includes("**40.7%**"))).toMatch(
      /^工业投资增速 · \*\*40\.7%\*\* · 1-4月 · \[\d\]（2020-06）$/,
    );
    expect(rows.find((r) => r.includes("**94%**"))).toMatch(
      /^复工率 · \*\*94%\*\* · 目前 · \[\d\]（2020-06）$/,
    );
    const buttons = data?.components?.flatMap((row) => row.components) ?? [];
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    // One button per passage: no two open the same one.
    const opened = buttons.map((b) => parseCustomId(b.custom_id ?? ""));
    const ids = opened.map((a) => (a?.kind === "source" ? a.passageId : ""));
    expect(new Set(ids).size).toBe(ids.length);
    zhuhaiSourceButton = buttons[0]?.custom_id ?? "";
  });

  it("/source shows the passage with its headline and zone, and logs, not shows, its id and file", async () => {
    const action = parseCustomId(zhuhaiSourceButton);
    const passageId = action?.kind === "source" ? action.passageId : "";
    expect(passageId).not.toBe("");
    const i = slashCommand(emu, "source", [{ name: "id", type: 3, value: passageId }], alice);
    emu.dispatch("INTERACTION_CREATE", i);
    const data = await filledIn(i);
    const embed = data?.embeds?.[0];
    expect(embed?.title).toBe(ZHUHAI_TITLE);
    expect(embed?.fields?.find((f) => f.name === "高新区")?.value).toBe("珠海高新区");
    expect(embed?.description).toContain("40.7%");
    const shown = JSON.stringify(data);
    expect(shown).not.toContain(passageId);
    expect(shown).not.toContain("data/corpus");
    await bot.waitForLine('"msg":"passage shown"');
    expect(bot.stdout.join("\n")).toContain(`"passageId":"${passageId}"`);
  });

  it("answers an @mention about 西安高新区's projects in the channel, pinging nobody", async () => {
    const msg = channelMessage(emu, `<@${emu.botUser.id}> 西安高新区新基建项目总投资多少 @everyone`, {
      author: { ...alice, id: "700000000000000009" },
    });
    const at = emu.dispatch("MESSAGE_CREATE", msg);
    const reply = await emu.waitForRequest(
      (r) => r.method === "POST" && body(r).message_reference?.message_id === msg.id,
      { timeoutMs: 10_000 },
    );
    expect(body(reply).content).toContain("166亿元");
    expect(body(reply).allowed_mentions).toEqual({ parse: [], replied_user: false });
    timings.push({
      case: "@mention real service",
      "dispatch → first callback (ms)": ms(at, reply.at),
      "dispatch → final message (ms)": ms(at, reply.at),
    });
  });

  it("never pings, never writes the token, and exits 0 on SIGTERM sent to npm", async () => {
    const messageBodies = emu.requests.filter(
      (r: RecordedRequest) =>
        typeof r.body === "object" && r.body !== null && JSON.stringify(r.body).includes('"content"'),
    );
    for (const r of messageBodies) expect(JSON.stringify(r.body)).toContain('"allowed_mentions":{"parse":[]');
    bot.child.kill("SIGTERM");
    expect(await bot.exited(12_000)).toBe(0);
    const out = bot.stdout.join("\n") + bot.stderr.join("");
    expect(out).toContain('"msg":"bot ready"');
    expect(out).toContain('"msg":"stopped"');
    // Closing the gateway on the way out is not reported as a reconnect.
    expect(out).not.toContain("gateway reconnecting");
    expect(out).not.toContain(CANARY_TOKEN);
  });
});

describe("npm start with INDEX_DIR at a folder that is not an index", () => {
  it("exits 1 with one line naming the folder, and leaves its files as they were", async () => {
    const emu2 = await startEmulator();
    const foreign = mkdtempSync(join(tmpdir(), "gaoxin-user-"));
    writeFileSync(join(foreign, "notes.txt"), "我的笔记\n");
    try {
      const p = spawnNpmStart(botEnv(emu2, CANARY_TOKEN, { INDEX_DIR: foreign, CORPUS_DIR: corpus }));
      expect(await p.exited(60_000)).toBe(1);
      const fatal = p.stdout.filter((l) => l.includes('"level":60'));
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toContain(foreign);
      expect(fatal[0]).toContain("不是本工具建立的索引文件夹");
      expect(readdirSync(foreign)).toEqual(["notes.txt"]);
      expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("我的笔记\n");
      // It never got as far as logging in.
      expect(emu2.identifies).toHaveLength(0);
    } finally {
      await emu2.close();
      rmSync(foreign, { recursive: true, force: true });
    }
  });
});
