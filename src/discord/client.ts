import { Client, type ClientOptions, GatewayIntentBits, Options } from "discord.js";
import { NO_MENTIONS } from "./render.js";

/** Guilds (slash commands, channel cache), GuildMessages and MessageContent (for @mentions). */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/**
 * REST requests per second the client allows itself in all. discord.js spends Discord's global
 * limit (50/s) on every request, but Discord does not count interaction callbacks, reply edits and
 * follow-ups against it — nearly everything this bot sends. At 50/s a burst of 200 questions waited
 * up to 4 s for its final replies (`npm run bench:bot`). The bot-token calls left (@mention replies,
 * typing) have per-channel buckets the client still honours, and a global 429 from Discord still
 * pauses every request for its Retry-After.
 */
export const REST_REQUESTS_PER_SECOND = 1_000;

/**
 * What discord.js may keep in memory. Every interaction and message carries its own user and member,
 * and the bot never looks one up again, so users, members and messages are not cached (the bot's own
 * user and member excepted): by default each new asker stayed cached for good.
 */
const CACHE = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
});

/**
 * The discord.js client. With `apiBase` REST goes to that Discord-compatible endpoint, and the gateway
 * address then comes from its `GET /gateway/bot`. Nothing the bot sends pings anyone by default.
 * `rest` overrides the REST options (the load bench compares discord.js's defaults).
 */
export function createClient(
  opts: { apiBase?: string | undefined; rest?: ClientOptions["rest"] } = {},
): Client {
  return new Client({
    intents: INTENTS,
    allowedMentions: { parse: [], repliedUser: NO_MENTIONS.repliedUser },
    makeCache: CACHE,
    rest: {
      globalRequestsPerSecond: REST_REQUESTS_PER_SECOND,
      // One REST handler is kept per interaction token (5,000 of them after 5,000 questions); sweep
      // idle ones every minute, not hourly. A swept handler is rebuilt if its token is used again.
      handlerSweepInterval: 60_000,
      ...(opts.apiBase ? { api: opts.apiBase } : {}),
      ...opts.rest,
    },
  });
}
