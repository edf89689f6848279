import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./emulator.js";
import { body, CANARY_TOKEN } from "./harness.js";
import { inGuild, slashCommand, userFactory } from "./payloads.js";
import { type BotProcess, botEnv, killBot, spawnNpmStart } from "./process.js";
import { guildsOnTwoShards } from "./shard-guilds.js";

/**
 * `DISCORD_SHARDS=auto npm start` against an emulator that recommends 2 shards and routes each
 * guild's events to the shard that owns it: two shard processes, commands registered once, a burst
 * of questions over four guilds on both shards all answered exactly once, SIGTERM stops both.
 */

const corpus = fileURLToPath(new URL("../../data/corpus", import.meta.url));
const QUESTIONS = 200;

let emu: Emulator;
let bot: BotProcess;
let indexDir: string;

describe("DISCORD_SHARDS=auto npm start", () => {
  beforeAll(async () => {
    const [first, ...more] = guildsOnTwoShards();
    emu = await startEmulator({ shards: 2, guildId: first, moreGuildIds: more });
    indexDir = mkdtempSync(join(tmpdir(), "gaoxin-shards-"));
    bot = spawnNpmStart(
      botEnv(emu, CANARY_TOKEN, {
        INDEX_DIR: indexDir,
        CORPUS_DIR: corpus,
        DISCORD_SHARDS: "auto",
        // Every guild, not one: the commands go out globally.
        DISCORD_GUILD_ID: "",
      }),
    );
    await bot.waitForLine('"msg":"all shards ready"', 120_000);
  }, 130_000);

  afterAll(async () => {
    await killBot(bot);
    await emu?.close();
    if (indexDir) rmSync(indexDir, { recursive: true, force: true });
  });

  it("starts two shard processes that identify as [0,2] and [1,2], registering the commands once", () => {
    const shards = emu.identifies.map((d) => d.shard).sort();
    expect(shards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(
      emu.requests.filter((r) => r.method === "GET" && r.path === "/gateway/bot").length,
    ).toBeGreaterThan(0);
    const puts = emu.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands"));
    expect(puts.map((r) => r.path)).toEqual([`/applications/${emu.applicationId}/commands`]);
  });

  it("answers 200 simultaneous /ask over four guilds, each on its own shard, exactly once each", async () => {
    const user = userFactory(600_000_000_000_000_000n, "shard-user");
    const asks = Array.from({ length: QUESTIONS }, (_, n) => {
      const guild = emu.guildIds[n % emu.guildIds.length] as string;
      return inGuild(
        emu,
        slashCommand(
          emu,
          "ask",
          [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }],
          user(),
        ),
        guild,
      );
    });
    const answered = asks.map((i) =>
      emu.waitForRequest(
        (r) => r.method === "PATCH" && r.path.includes(i.token) && (body(r).content ?? "").includes("40.7%"),
        { timeoutMs: 90_000 },
      ),
    );
    for (const i of asks) emu.dispatch("INTERACTION_CREATE", i);
    await Promise.all(answered);
    // Each event went to one shard only, half to each, and no question was answered twice.
    expect(emu.delivered).toEqual({ "0/2": QUESTIONS / 2, "1/2": QUESTIONS / 2 });
    for (const i of asks) {
      const callbacks = emu.requests.filter((r) => r.path === `/interactions/${i.id}/${i.token}/callback`);
      expect(callbacks).toHaveLength(1);
    }
  }, 120_000);

  it("stops both shards and exits 0 on SIGTERM sent to npm, never writing the token", async () => {
    bot.child.kill("SIGTERM");
    expect(await bot.exited(20_000)).toBe(0);
    const out = bot.stdout.join("\n") + bot.stderr.join("");
    expect(out.match(/"msg":"stopped"/g)).toHaveLength(2);
    expect(out).toContain('"msg":"all shards stopped"');
    expect(out).not.toContain(CANARY_TOKEN);
  });
});
