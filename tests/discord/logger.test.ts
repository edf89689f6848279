import { describe, expect, it } from "vitest";
import { createLogger, scrubSecrets } from "../../src/logger.js";

/** A destination that keeps every line. */
function collectingStream() {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

const CANARY = "CANARY-TOKEN.XYZ123.this-must-never-be-logged-0123456789";

describe("createLogger", () => {
  it("never writes the token: not as a field, not in a message, not inside an error", () => {
    const out = collectingStream();
    const logger = createLogger({ level: "trace", secrets: [CANARY], destination: out });
    logger.info({ token: CANARY, config: { token: CANARY } }, "starting");
    logger.info(`login with ${CANARY}`);
    logger.error({ err: new Error(`401 for token ${CANARY}`) }, "failed");
    logger.warn({ headers: { authorization: `Bot ${CANARY}` } }, "request");
    expect(out.lines.length).toBe(4);
    for (const line of out.lines) expect(line).not.toContain(CANARY);
    expect(out.lines.join("")).toContain("[REDACTED]");
  });

  it("blanks interaction and webhook tokens in Discord URLs", () => {
    const line = scrubSecrets(
      "PATCH http://127.0.0.1/api/v10/webhooks/1001/aW50ZXJhY3Rpb246c2VjcmV0/messages/@original and /interactions/42/tok-en_1/callback",
      [],
    );
    expect(line).not.toContain("aW50ZXJhY3Rpb246c2VjcmV0");
    expect(line).not.toContain("tok-en_1");
    expect(line).toContain("/webhooks/1001/[REDACTED]/messages");
  });

  it("blanks anything shaped like a Discord bot token, even one it was not told about", () => {
    const token = `${"M".repeat(24)}.${"G".repeat(6)}.${"x".repeat(38)}`;
    expect(scrubSecrets(`oops ${token}`, [])).toBe("oops [REDACTED]");
  });
});
