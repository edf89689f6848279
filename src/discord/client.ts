import { Client, GatewayIntentBits } from "discord.js";
import { NO_MENTIONS } from "./render.js";

/** Guilds (slash commands, channel cache), GuildMessages and MessageContent (for @mentions). */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/**
 * The discord.js client. With `apiBase` REST goes to that Discord-compatible endpoint, and the gateway
 * address then comes from its `GET /gateway/bot`. Nothing the bot sends pings anyone by default.
 */
export function createClient(opts: { apiBase?: string | undefined } = {}): Client {
  return new Client({
    intents: INTENTS,
    allowedMentions: { parse: [], repliedUser: NO_MENTIONS.repliedUser },
    ...(opts.apiBase ? { rest: { api: opts.apiBase } } : {}),
  });
}
