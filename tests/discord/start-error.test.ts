import { DiscordjsErrorCodes } from "discord.js";
import { describe, expect, it } from "vitest";
import { describeStartError, GatewayClosedError } from "../../src/discord/start-error.js";

describe("describeStartError", () => {
  it("names DNS and network failures wrapped by fetch, with the host", () => {
    for (const code of ["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT"]) {
      const error = new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code }) });
      const line = describeStartError(error, "discord.com");
      expect(line).toContain("cannot reach Discord at discord.com");
      expect(line).toContain(code);
    }
  });

  it("finds the code inside an AggregateError (IPv4 and IPv6 both refused)", () => {
    const agg = Object.assign(
      new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })]),
      {},
    );
    expect(describeStartError(new TypeError("fetch failed", { cause: agg }), "h")).toContain("ECONNREFUSED");
  });

  it("says the token was rejected for discord.js's TokenInvalid and a 401", () => {
    const invalid = Object.assign(new Error("An invalid token was provided."), {
      code: DiscordjsErrorCodes.TokenInvalid,
    });
    expect(describeStartError(invalid, "h")).toContain("rejected the bot token");
    expect(describeStartError(Object.assign(new Error("401"), { status: 401 }), "h")).toContain(
      "rejected the bot token",
    );
    expect(describeStartError(new GatewayClosedError(4004), "h")).toContain("rejected the bot token");
  });

  it("says the Message Content intent is off for close 4014, and gives other close codes as they are", () => {
    expect(describeStartError(new GatewayClosedError(4014), "h")).toContain("Message Content intent is off");
    expect(describeStartError(new GatewayClosedError(4013), "h")).toContain("code 4013");
    // As @discordjs/ws rejects login for them.
    expect(describeStartError(new Error("Used disallowed intents"), "h")).toContain("(close 4014)");
    expect(describeStartError(new Error("Authentication failed"), "h")).toContain("rejected the bot token");
  });

  it("keeps anything else to its first line", () => {
    expect(describeStartError(new Error("odd\nsecond line"), "h")).toBe("could not connect to Discord: odd");
  });
});
