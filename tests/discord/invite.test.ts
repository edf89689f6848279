import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { inviteUrl } from "../../src/discord/invite.js";

describe("inviteUrl", () => {
  it("asks for the bot and command scopes and exactly the permissions answering needs", () => {
    const url = new URL(inviteUrl("123456789012345678"));
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")?.split(" ").sort()).toEqual(["applications.commands", "bot"]);
    const granted = new PermissionsBitField(BigInt(url.searchParams.get("permissions") ?? "0"));
    expect(granted.toArray().sort()).toEqual(
      ["EmbedLinks", "ReadMessageHistory", "SendMessages", "UseApplicationCommands"].sort(),
    );
    expect(granted.has(PermissionFlagsBits.Administrator)).toBe(false);
  });
});
