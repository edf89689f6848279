import { REST, Routes } from "discord.js";
import type { Command } from "./command.js";
import { commandBodies } from "./loader.js";

export interface DeployOptions {
  token: string;
  clientId: string;
  /** Register to this guild (instant) instead of globally (can take up to an hour to show). */
  guildId?: string | undefined;
  apiBase?: string | undefined;
}

/** Registers the slash commands with one `PUT`, replacing whatever was registered before. */
export async function deployCommands(
  commands: ReadonlyMap<string, Command>,
  opts: DeployOptions,
): Promise<number> {
  const rest = new REST(opts.apiBase ? { api: opts.apiBase } : {}).setToken(opts.token);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.clientId, opts.guildId)
    : Routes.applicationCommands(opts.clientId);
  const body = commandBodies(new Map(commands));
  // Discord answers with the registered commands; their count is what we report.
  const result: unknown = await rest.put(route, { body });
  return Array.isArray(result) ? result.length : 0;
}
