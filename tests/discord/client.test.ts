import { Routes } from "discord.js";
import { describe, expect, it } from "vitest";
import { createClient, isInteractionRequest } from "../../src/discord/client.js";

describe("isInteractionRequest", () => {
  it("takes interaction callbacks and interaction webhooks sent without the bot's token", () => {
    expect(isInteractionRequest({ fullRoute: Routes.interactionCallback("1", "tok"), auth: false })).toBe(
      true,
    );
    expect(
      isInteractionRequest({ fullRoute: Routes.webhookMessage("2", "tok", "@original"), auth: false }),
    ).toBe(true);
  });

  it("leaves every request made with the bot's token to the global budget", () => {
    expect(isInteractionRequest({ fullRoute: Routes.channelMessages("3") })).toBe(false);
    expect(isInteractionRequest({ fullRoute: Routes.channelTyping("3"), auth: true })).toBe(false);
    // A webhook fetched with the bot's token counts against the global limit like any other call.
    expect(isInteractionRequest({ fullRoute: Routes.webhook("2"), auth: true })).toBe(false);
  });
});

describe("createClient", () => {
  it("keeps the bot token's requests at Discord's 50/s and never parses mentions", () => {
    const client = createClient({ apiBase: "http://127.0.0.1:1/api" });
    expect(client.rest.options.globalRequestsPerSecond).toBe(50);
    expect(client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(client.options.failIfNotExists).toBe(false);
    void client.destroy();
  });
});
