import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./emulator.js";
import { CANARY_TOKEN, callbackBody } from "./harness.js";
import { alice, slashCommand } from "./payloads.js";
import { type BotProcess, botEnv, cleanEnv, killBot, spawnBot } from "./process.js";

/**
 * The bot as a process, as `npm start` runs it (over the fake answer service): a configuration error
 * is one line and exit 1; a payload that makes discord.js itself throw does not take it down; SIGTERM
 * finishes the reply in flight and exits 0; the token is never written.
 */

const fixture = fileURLToPath(new URL("./fixtures/bot-process.ts", import.meta.url));
let emu: Emulator;
let bot: BotProcess | undefined;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await killBot(bot);
  await emu.close();
});

describe("the bot process", () => {
  it("exits 1 with one line naming a missing DISCORD_TOKEN and where to find it, no stack trace", async () => {
    const p = spawnBot(fixture, cleanEnv({ DISCORD_CLIENT_ID: emu.applicationId }));
    expect(await p.exited()).toBe(1);
    const err = p.stderr.join("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("DISCORD_TOKEN is required");
    expect(err).toContain("Discord developer portal");
    expect(err).not.toMatch(/\n\s+at /);
    expect(p.stdout.join("")).toBe("");
  });

  it("exits 1 with the CLI's one configuration line for a bad model setting, before opening anything", async () => {
    const p = spawnBot(
      fixture,
      cleanEnv({ DISCORD_TOKEN: CANARY_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, EMBEDDINGS: "openai" }),
    );
    expect(await p.exited()).toBe(1);
    const lines = p.stderr.join("").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^gaoxin-qa: 配置错误 \(configuration error\): EMBEDDINGS=openai needs a key/);
    expect(p.stderr.join("")).not.toContain(CANARY_TOKEN);
  });

  it("survives a payload discord.js cannot parse, answers, and exits 0 on SIGTERM after finishing", async () => {
    bot = spawnBot(
      fixture,
      botEnv(emu, CANARY_TOKEN, {
        LOG_LEVEL: "debug",
      }),
    );
    await bot.waitForLine('"msg":"bot ready"');
    expect(emu.requests.some((r) => r.method === "PUT" && r.path.endsWith("/commands"))).toBe(true);

    // Without entitlements discord.js throws inside its own gateway handler: an unhandled rejection.
    const broken = slashCommand(emu, "ask", [{ name: "question", type: 3, value: "珠海" }]) as Record<
      string,
      unknown
    >;
    delete broken.entitlements;
    emu.dispatch("INTERACTION_CREATE", broken);
    emu.dispatch("INTERACTION_CREATE", { id: "1", type: 2 });
    emu.dispatch("INTERACTION_CREATE", null);
    await bot.waitForLine("unhandled rejection (still running)");

    const ok = slashCommand(
      emu,
      "ask",
      [{ name: "question", type: 3, value: "珠海高新区工业投资增速多少" }],
      alice,
    );
    emu.dispatch("INTERACTION_CREATE", ok);
    expect(
      callbackBody(await emu.waitForRequest((r) => r.path.includes(`${ok.id}/${ok.token}/callback`))).type,
    ).toBe(5);
    await emu.waitForRequest((r) => r.method === "PATCH" && r.path.includes(ok.token));

    // A slow answer in flight when SIGTERM arrives is still delivered before the process exits.
    const slow = slashCommand(emu, "ask", [
      { name: "question", type: 3, value: "慢：珠海高新区工业投资增速多少" },
    ]);
    emu.dispatch("INTERACTION_CREATE", slow);
    await emu.waitForRequest((r) => r.path.includes(`${slow.id}/${slow.token}/callback`));
    bot.child.kill("SIGTERM");
    expect(await bot.exited(12_000)).toBe(0);
    const final = emu.requests.find((r) => r.method === "PATCH" && r.path.includes(slow.token));
    expect(JSON.stringify(final?.body)).toContain("40.7%");

    const out = bot.stdout.join("\n") + bot.stderr.join("");
    expect(out).toContain('"msg":"shutting down"');
    expect(out).toContain('"drained":true');
    expect(out).not.toContain(CANARY_TOKEN);
    expect(out).not.toContain(ok.token);
  });

  /** Starts the bot against `api` and returns what it printed once it exited 1. */
  async function failedStart(api: string): Promise<string> {
    const p = spawnBot(
      fixture,
      cleanEnv({ DISCORD_TOKEN: CANARY_TOKEN, DISCORD_CLIENT_ID: emu.applicationId, DISCORD_API_BASE: api }),
    );
    expect(await p.exited()).toBe(1);
    const out = p.stdout.join("\n") + p.stderr.join("");
    expect(out).not.toContain(CANARY_TOKEN);
    // The cause in one log line, no stack trace.
    const fatal = out.split("\n").filter((l) => l.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(out).not.toMatch(/\n\s+at /);
    return fatal[0] ?? "";
  }

  it("exits 1 when Discord refuses the token, saying the token was rejected", async () => {
    emu.failNext((r) => r.path === "/gateway/bot", 401);
    expect(await failedStart(emu.api)).toContain("Discord rejected the bot token");
  });

  it("exits 1 on close 4014, saying the Message Content intent is off", async () => {
    emu.refuseIdentify(4014);
    try {
      expect(await failedStart(emu.api)).toContain("the Message Content intent is off (close 4014)");
    } finally {
      emu.refuseIdentify(null);
    }
  });

  it("exits 1 when Discord cannot be reached, saying so", async () => {
    // A port nothing listens on: connection refused, as with no network or a firewall.
    const closed = await startEmulator();
    const api = closed.api;
    await closed.close();
    const line = await failedStart(api);
    expect(line).toContain("cannot reach Discord at");
    expect(line).toContain("ECONNREFUSED");
  });
});
