import { readdir } from "node:fs/promises";
import { type Command, isCommand } from "./command.js";
import { type Component, isComponent } from "./component.js";

/** The `commands/` folder at the repository root. */
export const COMMANDS_DIR = new URL("../../commands/", import.meta.url);

/** The button and menu modules (see component.ts). */
export const COMPONENTS_DIR = new URL("./components/", import.meta.url);

/**
 * The default exports of every module in `dir`, by file name, checked by `accepts`; a file that does
 * not fit is a bug, so it throws naming the file and what it should export.
 */
async function loadModules<T>(
  dir: URL,
  label: string,
  accepts: (value: unknown) => value is T,
  shape: string,
): Promise<{ file: string; module: T }[]> {
  const files = (await readdir(dir))
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith(".d.ts") && !f.includes(".test."))
    .sort();
  const out: { file: string; module: T }[] = [];
  for (const file of files) {
    const mod = (await import(new URL(file, dir).href)) as { default?: unknown };
    if (!accepts(mod.default)) throw new Error(`${label}/${file} must ${shape}`);
    out.push({ file, module: mod.default });
  }
  return out;
}

/**
 * Loads every command module in `dir` (one per file, default export `{ data, execute }`), checking the
 * shape; a file that does not fit, or a second command of the same name, is a bug and throws naming
 * the file. Sorted by name.
 */
export async function loadCommands(dir: URL = COMMANDS_DIR): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  for (const { file, module } of await loadModules(
    dir,
    "commands",
    isCommand,
    "export default { data, execute } (satisfies Command)",
  )) {
    if (commands.has(module.data.name))
      throw new Error(`commands/${file}: duplicate command name ${module.data.name}`);
    commands.set(module.data.name, module);
  }
  return commands;
}

/**
 * Loads every component module in `dir` (default export `button({ name, parse, run })` or
 * `select(…)`), checking the shape and refusing a second component of the same name.
 */
export async function loadComponents(dir: URL = COMPONENTS_DIR): Promise<Component[]> {
  const components: Component[] = [];
  for (const { file, module } of await loadModules(
    dir,
    "components",
    isComponent,
    "export default button({ name, parse, run }) or select({ … })",
  )) {
    if (components.some((c) => c.name === module.name))
      throw new Error(`components/${file}: duplicate component name ${module.name}`);
    components.push(module);
  }
  return components;
}

/** The JSON bodies Discord receives when the commands are registered. */
export function commandBodies(commands: ReadonlyMap<string, Command>) {
  return [...commands.values()].map((c) => c.data.toJSON());
}
