import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "./emulator.js";
import { channelMessage, slashCommand } from "./payloads.js";

/** The emulator alone, driven by a bare discord.js client: proves the protocol facts the bot relies on. */
describe("Discord emulator with the real discord.js client", () => {
  let emu: Emulator;
  let client: Client;

  beforeAll(async () => {
    emu = await startEmulator();
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { api: emu.api },
      allowedMentions: { parse: [], repliedUser: false },
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login("emulator-token");
    await ready;
  });

  afterAll(async () => {
    await client.destroy();
    await emu.close();
  });

  it("takes the gateway address from GET /gateway/bot and identifies with the configured intents", () => {
    expect(emu.requests.some((r) => r.method === "GET" && r.path === "/gateway/bot")).toBe(true);
    expect(emu.identifies[0]?.intents).toBe(33281);
  });

  it("delivers a slash command and records the deferral and the edit", async () => {
    client.once(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ content: "done" });
    });
    const payload = slashCommand(emu, "ping");
    emu.dispatch("INTERACTION_CREATE", payload);
    const cb = await emu.waitForRequest(
      (r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`,
    );
    expect(cb.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await emu.waitForRequest((r) => r.method === "PATCH" && r.path.includes(payload.token));
    expect(edit.path).toBe(`/webhooks/${emu.applicationId}/${payload.token}/messages/@original`);
    expect((edit.body as { content: string }).content).toBe("done");
  });

  it("delivers a channel message in a cached guild channel", async () => {
    const got = new Promise<string>((resolve) =>
      client.once(Events.MessageCreate, (m) => resolve(m.content)),
    );
    emu.dispatch("MESSAGE_CREATE", channelMessage(emu, `<@${emu.botUser.id}> 你好`));
    expect(await got).toBe(`<@${emu.botUser.id}> 你好`);
  });
});
