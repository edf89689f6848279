import { describe, expect, it } from "vitest";
import { withCircuitBreaker } from "../../src/answer/llm/breaker.js";
import type { ChatModel, LlmError } from "../../src/answer/llm/types.js";
import { err, ok } from "../../src/result.js";

/** A model whose replies are scripted per call; counts the calls that reach it. */
function scripted(replies: ("ok" | LlmError["code"])[]) {
  let calls = 0;
  const chat: ChatModel = async () => {
    const r = replies[Math.min(calls, replies.length - 1)] ?? "ok";
    calls++;
    return r === "ok" ? ok("答案[1]。") : err({ code: r, message: r });
  };
  return { chat, calls: () => calls };
}

const logs = () => {
  const lines: string[] = [];
  return {
    lines,
    logger: { info: (_: object, m: string) => lines.push(m), warn: (_: object, m: string) => lines.push(m) },
  };
};

describe("withCircuitBreaker", () => {
  it("after 3 failures in a row stops calling the server and fails at once, then probes after the cooldown", async () => {
    const server = scripted(["server", "connection", "timeout", "ok"]);
    const { lines, logger } = logs();
    const chat = withCircuitBreaker(server.chat, { failures: 3, cooldownMs: 60 }, logger);
    for (const code of ["server", "connection", "timeout"]) {
      const r = await chat([]);
      expect(!r.ok && r.error.code).toBe(code);
    }
    const open = await chat([]);
    expect(!open.ok && open.error.code).toBe("unavailable");
    expect(server.calls()).toBe(3);
    expect(lines).toEqual(["model server failing: answering extractively without calling it for a while"]);
    await new Promise((r) => setTimeout(r, 80));
    const probe = await chat([]);
    expect(probe.ok).toBe(true);
    expect(server.calls()).toBe(4);
    expect(lines.at(-1)).toBe("model server answering again");
  });

  it("a success in between resets the count, and so does an empty reply or an abort: the server answered", async () => {
    const server = scripted([
      "server",
      "server",
      "ok",
      "server",
      "server",
      "empty",
      "server",
      "server",
      "aborted",
      "server",
    ]);
    const chat = withCircuitBreaker(server.chat, { failures: 3, cooldownMs: 10_000 });
    for (let i = 0; i < 10; i++) await chat([]);
    // Never three server failures in a row: every call reached the server.
    expect(server.calls()).toBe(10);
    await chat([]);
    await chat([]);
    expect(server.calls()).toBe(12);
    const open = await chat([]);
    expect(!open.ok && open.error.code).toBe("unavailable");
    expect(server.calls()).toBe(12);
  });

  it("with failures 0 is the model itself", () => {
    const server = scripted(["ok"]);
    expect(withCircuitBreaker(server.chat, { failures: 0, cooldownMs: 1 })).toBe(server.chat);
  });
});
