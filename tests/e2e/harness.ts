import type { Reindexer } from "../../src/answer/reindex.js";
import type { AnswerService } from "../../src/answer/types.js";
import type { DiscordConfig } from "../../src/config.js";
import type { Bot } from "../../src/discord/bot.js";
import type { ProgressOptions } from "../../src/discord/progress.js";
import { type RunningBot, startBot } from "../../src/discord/run.js";
import { createLogger, type Logger } from "../../src/logger.js";
import type { State } from "../../src/state/state.js";
import { type Emulator, type EmulatorUser, type RecordedRequest, startEmulator } from "./emulator.js";
import { type CommandOption, slashCommand } from "./payloads.js";

/**
 * One emulator and one real bot (the production `startBot`, real discord.js client) for a test file,
 * with every log line captured so tests can look for error ids and for the token.
 */

/** A token no log line or message body may ever contain. */
export const CANARY_TOKEN = "CANARY.dGhpcy10b2tlbi1tdXN0LW5ldmVyLWJlLWxvZ2dlZA.c2VjcmV0LXNlY3JldC1zZWNyZXQ";

export interface Harness {
  emu: Emulator;
  /** The bot now running (replaced by {@link Harness.restart}). */
  running: RunningBot;
  /** Stops the bot (closing its state) and starts a new one against the same emulator. */
  restart(opts?: { state?: State }): Promise<void>;
  logger: Logger;
  /** Every log line written, raw JSON text. */
  logs: string[];
  startMs: number;
  /** Dispatches a slash command (from a member with `permissions`); returns the payload and when it was sent. */
  slash(
    name: string,
    options?: CommandOption[],
    user?: EmulatorUser,
    permissions?: string,
  ): { id: string; token: string; at: number };
  /** The interaction callback (`POST /interactions/{id}/{token}/callback`). */
  callback(i: { id: string; token: string }, timeoutMs?: number): Promise<RecordedRequest>;
  /** The first `PATCH …/messages/@original` for the interaction matching `match`. */
  edit(
    i: { token: string },
    match?: (body: MessageBody) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** The parts of a message body the tests look at. */
export interface MessageBody {
  content?: string;
  flags?: number;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  components?: { type: number; components: { custom_id: string; label: string; disabled?: boolean }[] }[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: {
    message_id: string;
    channel_id?: string;
    guild_id?: string;
    fail_if_not_exists?: boolean;
  };
}

/** Starts the emulator, then the bot against it (registering the commands, as `deployOnStart`). */
export async function startHarness(opts: {
  service: AnswerService;
  reindex?: Reindexer;
  discord?: Partial<DiscordConfig>;
  progress?: ProgressOptions;
  /** Runs on the emulator before the bot starts (to inject a fault into start-up). */
  beforeStart?: (emu: Emulator) => void;
  /** The state store the bot records into. */
  state?: State;
  /** Passed to `startBot`: called with the bot (and the log lines so far) before `bot ready` is logged. */
  beforeReady?: (bot: Bot, logs: readonly string[]) => void;
}): Promise<Harness> {
  const emu = await startEmulator();
  opts.beforeStart?.(emu);
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    secrets: [CANARY_TOKEN],
    destination: { write: (line: string) => void logs.push(line) },
  });
  const start = (state: State | undefined) =>
    startBot({
      discord: {
        token: CANARY_TOKEN,
        clientId: emu.applicationId,
        guildId: emu.guildId,
        apiBase: emu.api,
        rateLimit: { questions: 5, windowMs: 30_000 },
        maxConcurrentAnswers: 4,
        deployOnStart: true,
        timeZone: "Asia/Shanghai",
        ...opts.discord,
      },
      service: opts.service,
      ...(opts.reindex ? { reindex: opts.reindex } : {}),
      ...(state ? { state } : {}),
      logger,
      progress: opts.progress ?? { delayMs: 10_000, intervalMs: 10_000 },
      readyTimeoutMs: 10_000,
      ...(opts.beforeReady ? { beforeReady: (bot: Bot) => opts.beforeReady?.(bot, logs) } : {}),
    });
  const started = performance.now();
  let running: RunningBot;
  try {
    running = await start(opts.state);
  } catch (error) {
    await emu.close();
    throw error;
  }
  const startMs = performance.now() - started;
  const asBody = (r: RecordedRequest) => (r.body ?? {}) as MessageBody;
  return {
    emu,
    get running() {
      return running;
    },
    async restart(next = {}) {
      await running.bot.stop(2_000);
      running = await start(next.state);
    },
    logger,
    logs,
    startMs,
    slash(name, options = [], user, permissions) {
      const payload = slashCommand(emu, name, options, user, permissions);
      const at = emu.dispatch("INTERACTION_CREATE", payload);
      return { id: payload.id, token: payload.token, at };
    },
    callback(i, timeoutMs = 5_000) {
      return emu.waitForRequest(
        (r) => r.method === "POST" && r.path === `/interactions/${i.id}/${i.token}/callback`,
        {
          timeoutMs,
        },
      );
    },
    edit(i, match = () => true, timeoutMs = 5_000) {
      return emu.waitForRequest(
        (r) =>
          r.method === "PATCH" &&
          r.path === `/webhooks/${emu.applicationId}/${i.token}/messages/@original` &&
          match(asBody(r)),
        { timeoutMs },
      );
    },
    async close() {
      // Client first, emulator second: the other way round the client keeps reconnecting.
      await running.bot.stop(2_000);
      await emu.close();
    },
  };
}

/** The body of a recorded request as a message body. */
export function body(r: RecordedRequest): MessageBody {
  return (r.body ?? {}) as MessageBody;
}

/** The interaction callback's `{ type, data }`. */
export function callbackBody(r: RecordedRequest): {
  type: number;
  data?: MessageBody & { choices?: unknown[] };
} {
  return (r.body ?? {}) as { type: number; data?: MessageBody & { choices?: unknown[] } };
}
