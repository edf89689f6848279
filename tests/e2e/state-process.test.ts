import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/state/sqlite.js";
import { type Emulator, startEmulator } from "./emulator.js";
import { CANARY_TOKEN, type MessageBody } from "./harness.js";
import { slashCommand, userFactory } from "./payloads.js";
import { type BotProcess, botEnv, spawnBot } from "./process.js";

/**
 * The state store in the bot process as `npm start` runs it (over the fake answer service): the
 * queue is written on SIGTERM, and a corrupt file is one log line while answers go on.
 */

const fixture = fileURLToPath(new URL("./fixtures/bot-process.ts", import.meta.url));
const freshUser = userFactory(660000000000000000n, "proc");
let emu: Emulator;
let dir: string;
const bots: BotProcess[] = [];

beforeAll(async () => {
  emu = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), "gaoxin-state-process-"));
});

afterAll(async () => {
  for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

/** Asks as a fresh user and resolves with the final answer message. */
async function ask(question: string): Promise<MessageBody> {
  const i = slashCommand(emu, "ask", [{ name: "question", type: 3, value: question }], freshUser());
  emu.dispatch("INTERACTION_CREATE", i);
  const edit = await emu.waitForRequest(
    (r) => r.method === "PATCH" && r.path.includes(i.token) && JSON.stringify(r.body).includes("问："),
  );
  return edit.body as MessageBody;
}

function start(env: Record<string, string>): BotProcess {
  const bot = spawnBot(fixture, botEnv(emu, CANARY_TOKEN, env));
  bots.push(bot);
  return bot;
}

describe("the bot process with a state store", () => {
  it("records each question and writes the queue before exiting on SIGTERM", async () => {
    const db = join(dir, "state.sqlite");
    const bot = start({ STATE_DB: db, STATE_SALT: "process-test-salt" });
    await bot.waitForLine('"msg":"bot ready"');
    await ask("珠海高新区工业投资增速多少");
    await ask("拉萨高新区有多少企业");
    bot.child.kill("SIGTERM");
    expect(await bot.exited(12_000)).toBe(0);
    const opened = openSqliteStore(db);
    if (!opened.ok) throw new Error(opened.error);
    const { questions } = await opened.value.readSince(0);
    await opened.value.close();
    expect(questions.map((q) => [q.question, q.declined, q.uncovered])).toEqual([
      ["珠海高新区工业投资增速多少", false, []],
      ["拉萨高新区有多少企业", true, ["拉萨高新区"]],
    ]);
    const out = bot.stdout.join("\n");
    expect(out).not.toContain("process-test-salt");
  });

  it("a corrupt state file: one clear log line, and the bot answers without feedback buttons", async () => {
    const db = join(dir, "corrupt.sqlite");
    await writeFile(db, Buffer.alloc(8192, 0x5a));
    const bot = start({ STATE_DB: db });
    await bot.waitForLine('"msg":"bot ready"');
    const lines = bot.stdout
      .join("\n")
      .split("\n")
      .filter((l) => l.includes("state store"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /state store unavailable: recording is off; answers continue \(cannot use .*corrupt\.sqlite: file is not a database\)/,
    );
    const answer = await ask("珠海高新区工业投资增速多少");
    expect(answer.content).toContain("40.7%");
    expect(JSON.stringify(answer.components)).not.toContain("fb:");
    bot.child.kill("SIGTERM");
    expect(await bot.exited(12_000)).toBe(0);
  });
});
