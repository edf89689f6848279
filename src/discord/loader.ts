import { readdir } from "node:fs/promises";
import { type Command, isCommand } from "./command.js";

/** The `commands/` folder at the repository root. */
export const COMMANDS_DIR = new URL("../../commands/", import.meta.url);

/**
 * Loads every command module in `dir` (one per file, default export `{ data, execute }`), checking the
 * shape; a file that does not fit is a bug, so it throws naming the file. Sorted by name.
 */
export async function loadCommands(dir: URL = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir))
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith(".d.ts") && !f.includes(".test."))
    .sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const mod = (await import(new URL(file, dir).href)) as { default?: unknown };
    if (!isCommand(mod.default)) {
      throw new Error(`commands/${file} must export default { data, execute } (satisfies Command)`);
    }
    if (commands.has(mod.default.data.name))
      throw new Error(`commands/${file}: duplicate command name ${mod.default.data.name}`);
    commands.set(mod.default.data.name, mod.default);
  }
  return commands;
}

/** The JSON bodies Discord receives when the commands are registered. */
export function commandBodies(commands: ReadonlyMap<string, Command>) {
  return [...commands.values()].map((c) => c.data.toJSON());
}
