import { type Client, type ClientOptions, Events } from "discord.js";
import type { Reindexer } from "../answer/reindex.js";
import type { AnswerService } from "../answer/types.js";
import {
  type BaseConfig,
  ConfigError,
  type DiscordConfig,
  loadBaseConfig,
  loadDiscordConfig,
  loadEnvFileIfPresent,
} from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { attachBot, type Bot } from "./bot.js";
import { createClient } from "./client.js";
import type { BotContext, Command } from "./command.js";
import { createGate } from "./gate.js";
import { COMMANDS_DIR, loadCommands } from "./loader.js";
import { DEFAULT_PROGRESS, type ProgressOptions } from "./progress.js";
import { createRateLimiter } from "./rate-limit.js";
import { registerCommandsOnStart, runShardManager } from "./shards.js";

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
  // Before login, so the first burst of questions does not pay for the answer path's set-up.
  if (opts.service.warmUp) {
    const warmStarted = performance.now();
    await opts.service.warmUp();
    logger.info({ ms: Math.round(performance.now() - warmStarted) }, "answer path warmed up");
  }
  const ctx: BotContext = {
    service: opts.service,
    logger,
    limiter: createRateLimiter({ limit: discord.rateLimit.questions, windowMs: discord.rateLimit.windowMs }),
    gate: createGate(discord.maxConcurrentAnswers),
    progress: opts.progress ?? DEFAULT_PROGRESS,
    ...(opts.reindex ? { reindex: opts.reindex } : {}),
  };
  if (discord.deployOnStart) await registerCommandsOnStart(commands, discord, logger);
  const client = createClient({ apiBase: discord.apiBase, ...(opts.rest ? { rest: opts.rest } : {}) });
  const bot = attachBot(client, ctx, commands);
  // Attached before login: ready can fire before login() resolves.
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
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
    throw error;
  } finally {
    clearTimeout(timer);
  }
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
 * the client and exit 0. A second signal exits at once with 1.
 */
export function exitOnSignals(
  bot: Bot,
  logger: Logger,
  opts: { timeoutMs?: number; exit?: (code: number) => void; shard?: boolean } = {},
): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal, inFlight: bot.inFlight }, "shutting down");
    bot.stop(opts.timeoutMs ?? SHUTDOWN_TIMEOUT_MS).then(
      (drained) => {
        logger.info({ drained }, "stopped");
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        exit(1);
      },
    );
  };
  if (opts.shard) {
    // A shard is stopped by its manager, which passes SIGINT and SIGTERM on as SIGTERM. Ctrl-C in a
    // terminal also sends SIGINT to the whole process group: taken alone, it would count as a
    // second signal and cut the replies in flight short.
    process.on("SIGINT", () => undefined);
    process.on("SIGTERM", onSignal);
    // The manager gone (killed outright): stop rather than serve on as an orphan.
    process.once("disconnect", () => onSignal("SIGTERM"));
    return;
  }
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

type Env = Record<string, string | undefined>;

/** What the bot answers from: the service and, optionally, a way to rebuild its index. */
export interface OpenedService {
  service: AnswerService;
  reindex?: Reindexer;
}

export interface ProcessOptions {
  /** Opens the answer service once, at start. */
  openService: (base: BaseConfig, logger: Logger) => Promise<OpenedService>;
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
  try {
    if (opts.envFile) loadEnvFileIfPresent(opts.envFile);
    base = loadBaseConfig(opts.env);
    discord = loadDiscordConfig(opts.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`gaoxin-qa: configuration problem: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({ level: base.logLevel, secrets: [discord.token] });
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
    opened = await opts.openService(base, logger);
  } catch (error) {
    logger.fatal({ err: error }, "could not open the answer index");
    process.exitCode = 1;
    return;
  }
  let running: RunningBot;
  try {
    running = await startBot({
      discord,
      ...opened,
      logger,
      ...(opts.commandsDir ? { commandsDir: opts.commandsDir } : {}),
      ...(opts.rest ? { rest: opts.rest } : {}),
    });
  } catch (error) {
    logger.fatal(
      { err: error },
      "could not connect to Discord (check DISCORD_TOKEN, DISCORD_API_BASE, and that the bot's Message Content intent is enabled in the developer portal)",
    );
    process.exitCode = 1;
    return;
  }
  exitOnSignals(running.bot, logger, { shard: discord.isShard === true });
}
