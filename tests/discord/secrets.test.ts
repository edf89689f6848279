import { describe, expect, it } from "vitest";
import { ConfigError, loadBaseConfig, loadDiscordConfig } from "../../src/config.js";
import { reportError, summarizeError } from "../../src/discord/respond.js";
import { createLogger } from "../../src/logger.js";

/**
 * A canary secret must never reach a log line, an error reply or a thrown error's message: not from a
 * malformed setting, not from a Discord error carrying URLs, not from the error handler's reply.
 */

const CANARY = "CANARY.c2VjcmV0LXRva2VuLW5ldmVyLWxvZ2dlZA.bXVzdC1ub3QtbGVhaw-0123456789";
const valid = { DISCORD_TOKEN: CANARY, DISCORD_CLIENT_ID: "100000000000000001" };

/** The message of what `load` throws (it must throw a ConfigError). */
function configError(load: () => unknown): string {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration errors", () => {
  const malformed: [string, Record<string, string>][] = [
    ["DISCORD_CLIENT_ID", { DISCORD_CLIENT_ID: CANARY }],
    ["DISCORD_API_BASE", { DISCORD_API_BASE: CANARY }],
    ["RATE_LIMIT_QUESTIONS", { RATE_LIMIT_QUESTIONS: CANARY }],
    ["RATE_LIMIT_WINDOW_SECONDS", { RATE_LIMIT_WINDOW_SECONDS: CANARY }],
    ["MAX_CONCURRENT_ANSWERS", { MAX_CONCURRENT_ANSWERS: CANARY }],
    ["DISCORD_DEPLOY_ON_START", { DISCORD_DEPLOY_ON_START: CANARY }],
    ["TZ", { TZ: CANARY }],
  ];
  for (const [name, env] of malformed) {
    it(`${name} set to a secret-looking value: the message names the variable, never the value`, () => {
      const message = configError(() => loadDiscordConfig({ ...valid, ...env }));
      expect(message).toContain(name);
      expect(message).not.toContain(CANARY);
      expect(message).not.toContain("c2VjcmV0");
    });
  }

  it("shows times in Asia/Shanghai unless TZ names another zone", () => {
    expect(loadDiscordConfig(valid).timeZone).toBe("Asia/Shanghai");
    expect(loadDiscordConfig({ ...valid, TZ: "Europe/Berlin" }).timeZone).toBe("Europe/Berlin");
  });

  it("LOG_LEVEL and INGEST_INTERVAL set to a secret-looking value: named, never echoed", () => {
    for (const name of ["LOG_LEVEL", "INGEST_INTERVAL"]) {
      const message = configError(() => loadBaseConfig({ [name]: CANARY }));
      expect(message).toContain(name);
      expect(message).not.toContain(CANARY);
    }
  });

  it("INGEST_INTERVAL: seconds, 0 (off) by default, never negative", () => {
    expect(loadBaseConfig({}).ingestIntervalSeconds).toBe(0);
    expect(loadBaseConfig({ INGEST_INTERVAL: "45" }).ingestIntervalSeconds).toBe(45);
    expect(configError(() => loadBaseConfig({ INGEST_INTERVAL: "-5" }))).toContain("INGEST_INTERVAL");
  });
});

describe("errors on the way out", () => {
  /** An error as @discordjs/rest throws it: the request URL (with a token) and body attached. */
  const discordError = () =>
    Object.assign(new Error(`Internal Server Error (token ${CANARY})`), {
      name: "HTTPError",
      status: 500,
      url: `http://127.0.0.1/api/v10/interactions/1/${CANARY}/callback`,
      requestBody: { json: { token: CANARY } },
    });

  it("the error handler logs once, scrubbed, and the user's reply carries only an error id", async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "trace",
      secrets: [CANARY],
      destination: { write: (l) => void lines.push(l) },
    });
    const sent: unknown[] = [];
    const failing = {
      author: { id: "1" },
      id: "2",
      channelId: "3",
      reply: async (payload: unknown) => {
        sent.push(payload);
        throw discordError();
      },
    };
    const errorId = await reportError(failing as never, discordError(), logger);
    expect(JSON.stringify(sent)).not.toContain(CANARY);
    expect(JSON.stringify(sent)).toContain(errorId);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(CANARY);
    // The follow-up line about the failed reply carries no URL or request body at all.
    expect(lines[1]).not.toContain("/interactions/");
    expect(summarizeError(discordError())).not.toHaveProperty("url");
  });
});
