import { type Client, type ClientOptions, Events } from "discord.js";
import type { Reindexer } from "../answer/reindex.js";
import { topicExtractor } from "../answer/topics.js";
import type { AnswerService } from "../answer/types.js";
import {
  type BaseConfig,
  ConfigError,
  configErrorLine,
  type DiscordConfig,
  loadBaseConfig,
  loadDiscordConfig,
  loadEnvFileIfPresent,
  loadModelConfig,
  loadStateConfig,
  loadStoreConfig,
  type ModelConfig,
  type StateSettings,
  type StoreConfig,
} from "../config.js";
import { IndexFailure } from "../index/manifest.js";
import { removeTempDirs } from "../index/target.js";
import { createLogger, type Logger } from "../logger.js";
import { openState, type State } from "../state/state.js";
import { onStopSignals, type SignalSource } from "../stop-signals.js";
import { attachBot, type Bot } from "./bot.js";
import { createClient } from "./client.js";
import type { BotContext, Command } from "./command.js";
import { createGate } from "./gate.js";
import { COMMANDS_DIR, commandBodies, loadCommands, loadComponents } from "./loader.js";
import { DEFAULT_PROGRESS, type ProgressOptions } from "./progress.js";
import { createRateLimiter } from "./rate-limit.js";
import { registerCommandsOnStart, runShardManager } from "./shards.js";
import { describeStartError, GatewayClosedError } from "./start-error.js";

/** How long shutdown waits for replies in flight before destroying the client anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 60_000;

export interface StartOptions {
  discord: DiscordConfig;
  service: AnswerService;
  /** Rebuilds the index and swaps it into `service`, for `/reindex`. */
  reindex?: Reindexer;
  logger: Logger;
  commandsDir?: URL;
  progress?: ProgressOptions;
  readyTimeoutMs?: number;
  /** discord.js REST options over the bot's own (see `createClient`). */
  rest?: ClientOptions["rest"];
  /** Where questions and feedback are recorded; closed when the bot stops. */
  state?: State;
  /**
   * Called with the bot once it is ready, before `bot ready` is logged: a launcher that stops the bot
   * as soon as it reads that line (systemd, a test) finds the stop handlers in place.
   */
  beforeReady?: (bot: Bot) => void;
}

export interface RunningBot {
  client: Client;
  bot: Bot;
  commands: ReadonlyMap<string, Command>;
}

/**
 * Builds the client, wires the handlers, registers the commands when configured to, logs in and
 * waits for the gateway to be ready. On failure the client is destroyed before the error is thrown.
 */
export async function startBot(opts: StartOptions): Promise<RunningBot> {
  const { discord, logger } = opts;
  const started = performance.now();
  const commands = await loadCommands(opts.commandsDir ?? COMMANDS_DIR);
  const components = await loadComponents();
  // Before login, so the first burst of questions does not pay for the answer path's set-up.
  if (opts.service.warmUp) {
    const warmStarted = performance.now();
    await opts.service.warmUp();
    logger.info({ ms: Math.round(performance.now() - warmStarted) }, "answer path warmed up");
  }
  // The recorder's keyword table loads in ~400 ms: at start, not inside the first answer.
  if (opts.state?.recording) topicExtractor();
  const ctx: BotContext = {
    service: opts.service,
    logger,
    limiter: createRateLimiter({ limit: discord.rateLimit.questions, windowMs: discord.rateLimit.windowMs }),
    gate: createGate(discord.maxConcurrentAnswers),
    progress: opts.progress ?? DEFAULT_PROGRESS,
    timeZone: discord.timeZone,
    commands: commandBodies(commands),
    ...(opts.reindex ? { reindex: opts.reindex } : {}),
    ...(opts.state ? { state: opts.state } : {}),
  };
  if (discord.deployOnStart) await registerCommandsOnStart(commands, discord, logger);
  const client = createClient({ apiBase: discord.apiBase, ...(opts.rest ? { rest: opts.rest } : {}) });
  const bot = attachBot(client, ctx, commands, components);
  // Attached before login: ready can fire before login() resolves.
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    // A close Discord does not recover from (bad token 4004, Message Content intent off 4014, …)
    // would otherwise leave login waiting for the ready timeout.
    client.once(Events.ShardDisconnect, (event) => reject(new GatewayClosedError(event.code)));
    timer = setTimeout(
      () =>
        reject(new Error(`Discord gateway not ready after ${opts.readyTimeoutMs ?? READY_TIMEOUT_MS} ms`)),
      opts.readyTimeoutMs ?? READY_TIMEOUT_MS,
    );
  });
  try {
    await client.login(discord.token);
    await ready;
  } catch (error) {
    await client.destroy();
    await opts.state?.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  opts.beforeReady?.(bot);
  logger.info(
    {
      user: client.user?.tag,
      applicationId: discord.clientId,
      guilds: client.guilds.cache.size,
      commands: [...commands.keys()],
      api: discord.apiBase ?? "discord.com",
      ms: Math.round(performance.now() - started),
    },
    "bot ready",
  );
  return { client, bot, commands };
}

/**
 * On the first SIGINT or SIGTERM: stop taking new work, finish replies in flight (bounded), destroy
 * the client and exit 0. The copies a launcher adds in the first second (npm, a terminal's process
 * group, systemd's control group: see stop-signals.ts) are the same request; a signal after that
 * exits at once with 1.
 */
export function exitOnSignals(
  bot: Bot,
  logger: Logger,
  opts: {
    timeoutMs?: number;
    exit?: (code: number) => void;
    shard?: boolean;
    source?: SignalSource & { once(event: "disconnect", listener: () => void): unknown };
    now?: () => number;
  } = {},
): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const source = opts.source ?? process;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: bot.inFlight }, "shutting down");
    bot.stop(opts.timeoutMs ?? SHUTDOWN_TIMEOUT_MS).then(
      async (drained) => {
        // A /reindex cut short leaves no half-built index beside the real one.
        await removeTempDirs();
        logger.info({ drained }, "stopped");
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        exit(1);
      },
    );
  };
  const handlers = {
    stop,
    copy: (signal: NodeJS.Signals) =>
      logger.debug({ signal }, "signal repeated by the launcher: already stopping"),
    force: (signal: NodeJS.Signals) => {
      logger.warn({ signal }, "second signal: exiting now");
      exit(1);
    },
  };
  const timing = { source, ...(opts.now ? { now: opts.now } : {}) };
  if (opts.shard) {
    // A shard is stopped by its manager, which passes SIGINT and SIGTERM on as SIGTERM. Ctrl-C in a
    // terminal also sends SIGINT to the whole process group: taken alone, it would count as a
    // second signal and cut the replies in flight short.
    source.on("SIGINT", () => undefined);
    onStopSignals(handlers, { ...timing, signals: ["SIGTERM"] });
    // The manager gone (killed outright): stop rather than serve on as an orphan.
    source.once("disconnect", () => stop("SIGTERM"));
    return;
  }
  onStopSignals(handlers, timing);
}

type Env = Record<string, string | undefined>;

/** What the bot answers from: the service and, optionally, a way to rebuild its index. */
export interface OpenedService {
  service: AnswerService;
  reindex?: Reindexer;
}

export interface ProcessOptions {
  /**
   * Opens the answer service once, at start, with the settings already read: a bad setting has been
   * reported (one line, exit 1) before this runs.
   */
  openService: (
    base: BaseConfig,
    logger: Logger,
    model: ModelConfig,
    store: StoreConfig,
  ) => Promise<OpenedService>;
  env?: Env;
  commandsDir?: URL;
  /** A `.env` file to load first, when present (`npm start` passes `.env`). */
  envFile?: string;
  /** discord.js REST options over the bot's own (the load bench compares discord.js's defaults). */
  rest?: ClientOptions["rest"];
}

/**
 * The whole bot process: configuration → logger → answer service → client → login, with process-wide
 * safety nets. A configuration problem is one line on stderr and exit code 1, no stack trace.
 */
export async function runBotProcess(opts: ProcessOptions): Promise<void> {
  let base: BaseConfig;
  let discord: DiscordConfig;
  let model: ModelConfig;
  let stateSettings: StateSettings;
  let store: StoreConfig;
  try {
    if (opts.envFile) loadEnvFileIfPresent(opts.envFile);
    base = loadBaseConfig(opts.env);
    discord = loadDiscordConfig(opts.env);
    model = loadModelConfig(opts.env);
    stateSettings = loadStateConfig(opts.env);
    store = loadStoreConfig(opts.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${configErrorLine(error)}\n`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({
    level: base.logLevel,
    secrets: [discord.token, ...(stateSettings.salt ? [stateSettings.salt] : [])],
  });
  // A malformed gateway payload can make discord.js reject inside its own handlers; log and keep serving.
  process.on("unhandledRejection", (reason) =>
    logger.error({ err: reason }, "unhandled rejection (still running)"),
  );

  if (discord.shards !== null && discord.shards !== undefined) {
    await runShardManager({
      discord: { ...discord, shards: discord.shards },
      logger,
      // This same entry point, with the same Node flags, once per shard.
      file: process.argv[1] ?? "src/main.ts",
      execArgv: process.execArgv,
      loadCommands: () => loadCommands(opts.commandsDir ?? COMMANDS_DIR),
    });
    return;
  }

  let opened: OpenedService;
  try {
    opened = await opts.openService(base, logger, model, store);
  } catch (error) {
    // An index refused or unusable is said in one line; anything else is a bug, logged with its stack.
    if (error instanceof IndexFailure)
      logger.fatal({ code: error.error.code }, `could not open the answer index: ${error.message}`);
    else logger.fatal({ err: error }, "could not open the answer index");
    process.exitCode = 1;
    return;
  }
  // Never fatal: a store that cannot be used is one log line, and the bot answers without recording.
  const state = await openState(stateSettings, logger);
  try {
    await startBot({
      discord,
      ...opened,
      state,
      logger,
      ...(opts.commandsDir ? { commandsDir: opts.commandsDir } : {}),
      ...(opts.rest ? { rest: opts.rest } : {}),
      // Before `bot ready` is logged: a SIGTERM sent on reading it stops gracefully (exit 0), not by
      // the signal's default action.
      beforeReady: (bot) => exitOnSignals(bot, logger, { shard: discord.isShard === true }),
    });
  } catch (error) {
    logger.fatal(describeStartError(error, discord.apiBase ?? "discord.com"));
    process.exitCode = 1;
    return;
  }
}
