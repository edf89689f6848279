import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { parseNewspaperPage } from "../../src/corpus/newspaper.js";
import type { LoadedCorpus } from "../../src/corpus/types.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { ingestToPostgres } from "../../src/index/postgres/ingest.js";
import { startTestDatabase, type TestDatabase } from "../helpers/pglite.js";
import { type Emulator, startEmulator } from "./emulator.js";
import { body, CANARY_TOKEN } from "./harness.js";
import { inGuild, slashCommand, userFactory } from "./payloads.js";
import { type BotProcess, botEnv, killBot, spawnNpmStart } from "./process.js";
import { guildsOnTwoShards } from "./shard-guilds.js";

/**
 * Two shard processes answering from one PostgreSQL store (PGlite here, served over TCP): an ingest
 * killed midway changes nothing; an ingest adding a page while they answer is picked up by both
 * (PGlite's pg_notify does not cross connections, so by polling), no question lost.
 */

const PAGE = "data/corpus";
const embeddings = new LocalEmbeddings();
let db: TestDatabase;
let emu: Emulator;
let bot: BotProcess;
let page: LoadedCorpus;

const ingest = (corpus: LoadedCorpus, onLoaded?: () => void) =>
  ingestToPostgres({ db: db.db, corpus, embeddings, inputs: [PAGE], ...(onLoaded ? { onLoaded } : {}) });

const user = userFactory(610_000_000_000_000_000n, "pg-user");

/** Asks `question` once in every guild at the same time; resolves with the final reply bodies. */
async function askEverywhere(question: string, match: (content: string) => boolean) {
  const asks = emu.guildIds.map((g) =>
    inGuild(emu, slashCommand(emu, "ask", [{ name: "question", type: 3, value: question }], user()), g),
  );
  const replies = asks.map((i) =>
    emu.waitForRequest(
      (r) => r.method === "PATCH" && r.path.includes(i.token) && match(body(r).content ?? ""),
      {
        timeoutMs: 30_000,
      },
    ),
  );
  for (const i of asks) emu.dispatch("INTERACTION_CREATE", i);
  return (await Promise.all(replies)).map((r) => body(r).content ?? "");
}

describe("DISCORD_SHARDS=2 npm start with STORE=postgres", () => {
  beforeAll(async () => {
    db = await startTestDatabase();
    page = await loadCorpus([PAGE]);
    await ingest(page);
    const [first, ...more] = guildsOnTwoShards();
    emu = await startEmulator({ shards: 2, guildId: first, moreGuildIds: more });
    bot = spawnNpmStart(
      botEnv(emu, CANARY_TOKEN, {
        DISCORD_SHARDS: "2",
        DISCORD_GUILD_ID: "",
        ...db.env,
        STORE_POLL_SECONDS: "1",
      }),
    );
    await bot.waitForLine('"msg":"all shards ready"', 120_000);
  }, 150_000);

  afterAll(async () => {
    await killBot(bot);
    await emu?.close();
    await db?.close();
  });

  it("answers from the store on both shards", async () => {
    expect(emu.identifies.map((d) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const ready = bot.stdout.filter((l) => l.includes('"msg":"answer service ready"'));
    expect(ready).toHaveLength(2);
    for (const line of ready) expect(line).toContain('"store":"postgres"');
    for (const c of await askEverywhere("珠海高新区工业投资增速多少", (c) => c.length > 0))
      expect(c).toContain("40.7%");
  });

  it("keeps answering from the old generation when an ingest is killed midway", async () => {
    const second = parseNewspaperPage(
      readFileSync("tests/fixtures/second-page.txt", "utf8"),
      "second-page.txt",
      "p2",
    );
    await expect(
      ingest({ ...page, articles: [...page.articles, ...second.articles] }, () => {
        throw new Error("killed");
      }),
    ).rejects.toThrow("killed");
    for (const c of await askEverywhere("杭州高新区数字经济核心产业营业收入多少", (c) => c.length > 0))
      expect(c).not.toContain("812");
  });

  it("switches both shards to an ingest's new generation while they answer, losing no question", async () => {
    const second = parseNewspaperPage(
      readFileSync("tests/fixtures/second-page.txt", "utf8"),
      "second-page.txt",
      "p2",
    );
    const during = askEverywhere("珠海高新区工业投资增速多少", (c) => c.includes("40.7%"));
    const { generation } = await ingest({ ...page, articles: [...page.articles, ...second.articles] });
    await during;
    // Both shard processes report the switch (found by polling every second).
    const switched = () =>
      bot.stdout.filter(
        (l) =>
          l.includes("index updated: new version in service") && l.includes(`"generation":${generation}`),
      );
    await bot.waitForLine("index updated: new version in service", 20_000);
    while (switched().length < 2) await new Promise((r) => setTimeout(r, 200));
    for (const c of await askEverywhere("杭州高新区数字经济核心产业营业收入多少", (c) => c.length > 0))
      expect(c).toContain("812");
  }, 60_000);

  it("stops both shards on SIGTERM", async () => {
    bot.child.kill("SIGTERM");
    expect(await bot.exited(20_000)).toBe(0);
    expect(bot.stdout.join("\n")).not.toContain(CANARY_TOKEN);
  });
});
