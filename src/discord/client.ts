import { Client, type ClientOptions, GatewayIntentBits, Options, REST } from "discord.js";
import { NO_MENTIONS } from "./render.js";

/** Guilds (slash commands, channel cache), GuildMessages and MessageContent (for @mentions). */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/**
 * Requests per second for calls made with the bot's token (@mention replies, typing, reading a reply
 * chain, logging in): Discord's global limit, 50, as discord.js assumes by default. Discord answers
 * more with global 429s, and enough 429s get the IP blocked.
 */
export const BOT_REQUESTS_PER_SECOND = 50;

/**
 * Requests per second for interaction callbacks, reply edits and follow-ups, which Discord does not
 * count against the global limit (they carry the interaction's token, not the bot's; per-route
 * buckets still apply and are honoured). discord.js spends its one global budget on every request:
 * at 50/s a burst of 200 questions waited up to 4 s for its final replies (`npm run bench:bot`). So
 * these go through a REST manager of their own at this rate, everything else through the client's.
 */
export const INTERACTION_REQUESTS_PER_SECOND = 1_000;

/** Whether discord.js sends this request with an interaction's token rather than the bot's. */
export function isInteractionRequest(request: { fullRoute: string; auth?: unknown }): boolean {
  return (
    request.auth === false &&
    (request.fullRoute.startsWith("/interactions/") || request.fullRoute.startsWith("/webhooks/"))
  );
}

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
 * address then comes from its `GET /gateway/bot`. Nothing the bot sends pings anyone by default, and
 * a reply to a message deleted meanwhile is posted without the reference rather than lost.
 * Interaction requests go through their own REST manager (see {@link INTERACTION_REQUESTS_PER_SECOND}).
 * `rest` replaces this with one manager on those options, as plain discord.js has (the load bench
 * compares discord.js's defaults).
 */
export function createClient(
  opts: { apiBase?: string | undefined; rest?: ClientOptions["rest"] } = {},
): Client {
  const restOptions = {
    // One REST handler is kept per interaction token (5,000 of them after 5,000 questions); sweep
    // idle ones every minute, not hourly. A swept handler is rebuilt if its token is used again.
    handlerSweepInterval: 60_000,
    ...(opts.apiBase ? { api: opts.apiBase } : {}),
  };
  const client = new Client({
    intents: INTENTS,
    allowedMentions: { parse: [], repliedUser: NO_MENTIONS.repliedUser },
    failIfNotExists: false,
    makeCache: CACHE,
    rest: { ...restOptions, globalRequestsPerSecond: BOT_REQUESTS_PER_SECOND, ...opts.rest },
  });
  if (opts.rest !== undefined) return client;
  const interactions = new REST({ ...restOptions, globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND });
  const viaClient = client.rest.request.bind(client.rest);
  client.rest.request = (request) =>
    isInteractionRequest(request) ? interactions.request(request) : viaClient(request);
  return client;
}
