import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDiscordConfig } from "../../src/config.js";
import { recommendedShards, shardOfGuild } from "../../src/discord/shards.js";
import { type Emulator, startEmulator } from "../e2e/emulator.js";

const required = { DISCORD_TOKEN: "t", DISCORD_CLIENT_ID: "100000000000000001" };

describe("DISCORD_SHARDS", () => {
  it("reads auto, a whole number, or nothing (one unsharded bot)", () => {
    expect(loadDiscordConfig({ ...required, DISCORD_SHARDS: "auto" }).shards).toBe("auto");
    expect(loadDiscordConfig({ ...required, DISCORD_SHARDS: " AUTO " }).shards).toBe("auto");
    expect(loadDiscordConfig({ ...required, DISCORD_SHARDS: "3" }).shards).toBe(3);
    expect(loadDiscordConfig(required).shards).toBeNull();
  });

  it("rejects 0, fractions and words with one line naming the variable", () => {
    for (const bad of ["0", "1.5", "many"])
      expect(() => loadDiscordConfig({ ...required, DISCORD_SHARDS: bad })).toThrow(
        /^DISCORD_SHARDS must be auto or a positive whole number of shards$/,
      );
  });

  it("inside a shard process: no manager of its own and no command registration", () => {
    const c = loadDiscordConfig({
      ...required,
      DISCORD_SHARDS: "auto",
      DISCORD_DEPLOY_ON_START: "true",
      SHARDING_MANAGER: "true",
    });
    expect(c).toMatchObject({ shards: null, isShard: true, deployOnStart: false });
    expect(loadDiscordConfig({ ...required, DISCORD_DEPLOY_ON_START: "true" })).toMatchObject({
      isShard: false,
      deployOnStart: true,
    });
  });
});

describe("shardOfGuild", () => {
  it("is Discord's (guild_id >> 22) % shards", () => {
    // 41771983423143937 is Discord's documentation example snowflake: timestamp part 9959075409.
    expect(shardOfGuild("41771983423143937", 1)).toBe(0);
    expect(shardOfGuild(String(5n << 22n), 2)).toBe(1);
    expect(shardOfGuild(String((6n << 22n) + 4194303n), 4)).toBe(2);
  });
});

describe("recommendedShards", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ shards: 3 });
  });
  afterAll(async () => {
    await emu.close();
  });

  it("asks GET /gateway/bot through the configured API base", async () => {
    expect(await recommendedShards({ token: "t", apiBase: emu.api })).toEqual({ ok: true, value: 3 });
    expect(emu.requests.at(-1)?.path).toBe("/gateway/bot");
  });

  it("is an error value, not a throw, when Discord refuses", async () => {
    emu.failNext((r) => r.path === "/gateway/bot", 401);
    const r = await recommendedShards({ token: "t", apiBase: emu.api });
    expect(r.ok).toBe(false);
  });
});
