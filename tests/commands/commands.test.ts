import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../src/discord/command.js";
import { deployCommands } from "../../src/discord/deploy.js";
import { commandBodies, loadCommands } from "../../src/discord/loader.js";
import { type Emulator, startEmulator } from "../e2e/emulator.js";
import { cleanEnv, spawnBot } from "../e2e/process.js";
import { COMMAND_NAMES } from "./names.js";

type Option = { name: string; type: number; required?: boolean; max_length?: number; autocomplete?: boolean };

let commands: Map<string, Command>;
beforeAll(async () => {
  commands = await loadCommands();
});

describe("commands/", () => {
  it("holds one command per file: ask, forget-me, help, reindex, report, source, zone, zones", () => {
    expect([...commands.keys()]).toEqual(COMMAND_NAMES);
  });

  it("/reindex is for Manage Server (32) by default, in servers only, and takes no options", () => {
    const body = commands.get("reindex")?.data.toJSON();
    expect(body?.default_member_permissions).toBe("32");
    expect(body?.contexts).toEqual([0]);
    expect(body?.options ?? []).toEqual([]);
    // /report shares the gate; everyone else's commands are open to every member.
    const report = commands.get("report")?.data.toJSON();
    expect(report?.default_member_permissions).toBe("32");
    expect(report?.contexts).toEqual([0]);
    for (const name of ["ask", "forget-me", "help", "source", "zone", "zones"])
      expect(commands.get(name)?.data.toJSON().default_member_permissions ?? null).toBeNull();
  });

  it("define names and descriptions within Discord's limits", () => {
    for (const body of commandBodies(commands)) {
      // Discord's rule for names, as far as these use it: lowercase letters, digits, - and _.
      expect(body.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(body.description.length).toBeGreaterThan(0);
      expect(body.description.length).toBeLessThanOrEqual(100);
      for (const o of (body.options ?? []) as { name: string; description: string }[]) {
        expect(o.name).toMatch(/^[a-z]{1,32}$/);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("/ask takes a required question of at most 500 characters and an optional private flag", () => {
    const options = (commands.get("ask")?.data.toJSON().options ?? []) as Option[];
    expect(options.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ["question", 3, true],
      ["private", 5, false],
    ]);
    expect(options[0]?.max_length).toBe(500);
  });

  it("/zone autocompletes its name; only /zone has an autocomplete handler", () => {
    const options = (commands.get("zone")?.data.toJSON().options ?? []) as Option[];
    expect(options[0]?.autocomplete).toBe(true);
    expect([...commands.values()].filter((c) => c.autocomplete).map((c) => c.data.name)).toEqual(["zone"]);
  });

  it("the loader refuses a module that is not { data, execute }, naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-commands-"));
    try {
      writeFileSync(join(dir, "broken.js"), "export default { data: { name: 'x' } };\n");
      await expect(loadCommands(pathToFileURL(`${dir}/`))).rejects.toThrow(
        "commands/broken.js must export default",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("registering the commands", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it("PUTs to the guild when DISCORD_GUILD_ID is set, else globally, with the token as Bot auth", async () => {
    const opts = { token: "deploy-token", clientId: emu.applicationId, apiBase: emu.api };
    expect(await deployCommands(commands, { ...opts, guildId: emu.guildId })).toBe(8);
    expect(await deployCommands(commands, opts)).toBe(8);
    const puts = emu.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.path)).toEqual([
      `/applications/${emu.applicationId}/guilds/${emu.guildId}/commands`,
      `/applications/${emu.applicationId}/commands`,
    ]);
    expect(puts[0]?.headers.authorization).toBe("Bot deploy-token");
    expect(puts[1]?.body).toEqual(JSON.parse(JSON.stringify(commandBodies(commands))));
  });

  it("npm run deploy-commands registers them and says where", async () => {
    const cli = fileURLToPath(new URL("../../src/cli/deploy-commands.ts", import.meta.url));
    const p = spawnBot(
      cli,
      cleanEnv({
        DISCORD_TOKEN: "cli-token",
        DISCORD_CLIENT_ID: emu.applicationId,
        DISCORD_GUILD_ID: emu.guildId,
        DISCORD_API_BASE: emu.api,
      }),
    );
    expect(await p.exited()).toBe(0);
    expect(p.stdout.join("\n")).toContain(
      `Registered 8 commands (ask, forget-me, help, reindex, report, source, zone, zones) guild ${emu.guildId}.`,
    );
  });
});
