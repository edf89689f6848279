import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/state/sqlite.js";
import { type Emulator, startEmulator } from "./emulator.js";
import { body, CANARY_TOKEN } from "./harness.js";
import { alice, channelMessage } from "./payloads.js";
import { type BotProcess, botEnv, cleanEnv, killBot, spawnNpm, spawnNpmStart } from "./process.js";

/**
 * Stopping as launchers stop things. A terminal's Ctrl-C, systemd and `kill -- -PGID` signal the
 * whole process group, so the bot gets the signal from the group and again from npm passing it on:
 * one graceful stop all the same. A SIGTERM to npm alone (a process manager holding npm's PID)
 * stops the whole tree of a long-running script.
 */

const corpus = fileURLToPath(new URL("../../data/corpus", import.meta.url));
let dir: string;
const started: BotProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gaoxin-stop-"));
});

afterAll(async () => {
  for (const p of started) {
    // Whatever is left of a group a failed test leaves behind.
    if (p.child.pid !== undefined) {
      try {
        process.kill(-p.child.pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
    await killBot(p);
  }
  rmSync(dir, { recursive: true, force: true });
});

/** True while any process of the group `pgid` is alive; waits for the group to be gone (bounded). */
async function groupGone(pgid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(-pgid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH") return true;
      throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("npm start stopped by signals to its process group", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("answers the question asked by mention right before, records it, and exits 0", async () => {
    const db = join(dir, "state.sqlite");
    const bot = spawnNpmStart(
      botEnv(emu, CANARY_TOKEN, {
        INDEX_DIR: join(dir, "index"),
        CORPUS_DIR: corpus,
        STATE_DB: db,
        STATE_SALT: "stop-test-salt",
        LOG_LEVEL: "debug",
      }),
      { group: true },
    );
    started.push(bot);
    await bot.waitForLine('"msg":"bot ready"', 60_000);
    const msg = channelMessage(emu, `<@${emu.botUser.id}> 珠海高新区工业投资增速多少`, {
      author: { ...alice, id: "710000000000000001" },
    });
    emu.dispatch("MESSAGE_CREATE", msg);
    // The answer is computed; its reply and its record are still on their way.
    await bot.waitForLine('"msg":"answered"');
    // The group's SIGTERM reaches npm and the bot; npm passes its copy on. Linux may merge two
    // SIGTERMs still pending, so a Ctrl-C follows too: at least two distinct signals at the bot.
    process.kill(-(bot.child.pid ?? 0), "SIGTERM");
    process.kill(-(bot.child.pid ?? 0), "SIGINT");
    expect(await bot.exited(15_000)).toBe(0);

    // Already recorded by the time the bot exited: nothing to wait for.
    const reply = await emu.waitForRequest(
      (r) => r.method === "POST" && body(r).message_reference?.message_id === msg.id,
      { timeoutMs: 1 },
    );
    expect(body(reply).content).toContain("40.7%");
    const opened = openSqliteStore(db);
    if (!opened.ok) throw new Error(opened.error);
    const { questions } = await opened.value.readSince(0);
    await opened.value.close();
    expect(questions.map((q) => q.question)).toEqual(["珠海高新区工业投资增速多少"]);

    const out = bot.stdout.join("\n");
    expect(out.match(/"msg":"shutting down"/g)).toHaveLength(1);
    // The copies arrived too, and were taken for what they are.
    expect(out).toContain("signal repeated by the launcher");
    expect(out).not.toContain("second signal");
    expect(out).toContain('"drained":true');
  });
});

describe("a SIGTERM to npm's own PID", () => {
  it("stops `npm run ingest -- --watch` and everything under it", async () => {
    const p = spawnNpm(
      ["run", "--silent", "ingest", "--", "--watch", "--input", corpus, "--index", join(dir, "watched")],
      cleanEnv({ INGEST_INTERVAL: "60" }),
      { group: true },
    );
    started.push(p);
    await p.waitForLine("已索引", 60_000);
    const pgid = p.child.pid ?? 0;
    p.child.kill("SIGTERM");
    expect(await p.exited(15_000)).not.toBe(null);
    expect(await groupGone(pgid)).toBe(true);
  });

  it("stops `npm start` and the bot under it, exit 0", async () => {
    const emu = await startEmulator();
    try {
      const bot = spawnNpmStart(
        botEnv(emu, CANARY_TOKEN, { INDEX_DIR: join(dir, "index"), CORPUS_DIR: corpus }),
        { group: true },
      );
      started.push(bot);
      await bot.waitForLine('"msg":"bot ready"', 60_000);
      const pgid = bot.child.pid ?? 0;
      bot.child.kill("SIGTERM");
      expect(await bot.exited(15_000)).toBe(0);
      expect(await groupGone(pgid)).toBe(true);
    } finally {
      await emu.close();
    }
  });
});
