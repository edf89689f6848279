import { REST, Routes, type Shard, ShardingManager } from "discord.js";
import type { DiscordConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { err, ok, type Result } from "../result.js";
import { onStopSignals } from "../stop-signals.js";
import type { Command } from "./command.js";
import { deployCommands } from "./deploy.js";

/** The shard that receives a guild's events, as Discord assigns it: `(guild_id >> 22) % shards`. */
export function shardOfGuild(guildId: string, shards: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

/**
 * How many shards Discord recommends for the bot (`GET /gateway/bot`), asked through the configured
 * REST base. discord.js's own `'auto'` always asks discord.com, whatever the client is pointed at.
 */
export async function recommendedShards(
  discord: Pick<DiscordConfig, "token" | "apiBase">,
): Promise<Result<number, string>> {
  try {
    const rest = new REST(discord.apiBase ? { api: discord.apiBase } : {}).setToken(discord.token);
    const answer = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
    const n = answer.shards;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1)
      return err(`GET /gateway/bot gave no shard count (shards: ${JSON.stringify(n)})`);
    return ok(n);
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Registers the slash commands once, as the bot's start does when `DISCORD_DEPLOY_ON_START` is set.
 * Not fatal: commands registered before keep working, and @mentions need none.
 */
export async function registerCommandsOnStart(
  commands: ReadonlyMap<string, Command>,
  discord: DiscordConfig,
  logger: Logger,
): Promise<void> {
  try {
    const n = await deployCommands(commands, discord);
    logger.info({ commands: n, guildId: discord.guildId ?? "global" }, "slash commands registered");
  } catch (error) {
    logger.error(
      { err: error, guildId: discord.guildId ?? "global" },
      "slash command registration failed; starting with the commands registered before (run npm run deploy-commands to retry)",
    );
  }
}

/** Time a shard may take from its start to the gateway's READY: building a large index comes first. */
export const SHARD_READY_TIMEOUT_MS = 15 * 60_000;
/**
 * Between starting one shard and the next. Discord lets a bot identify once per 5 s per
 * `max_concurrency` bucket; discord.js's manager waits 5.5 s by default, and so does this.
 */
export const SHARD_SPAWN_DELAY_MS = 5_500;
/** How long the manager waits for its shards to stop after passing a signal on (theirs is 10 s). */
const SHARD_STOP_TIMEOUT_MS = 15_000;

export interface ShardManagerOptions {
  discord: DiscordConfig & { shards: "auto" | number };
  logger: Logger;
  /** The entry point each shard process runs (`src/main.ts`), and its Node flags. */
  file: string;
  execArgv: string[];
  /** The commands to register once, before any shard starts (when `deployOnStart`). */
  loadCommands: () => Promise<ReadonlyMap<string, Command>>;
  spawnDelayMs?: number;
  exit?: (code: number) => void;
}

/**
 * `DISCORD_SHARDS`: resolves the shard count, registers the commands once, then runs one process per
 * shard under discord.js's ShardingManager (each opens the answer store and logs in with its
 * `[id, count]`). Shards start one after another, each once the one before is ready, so the first
 * builds a missing embedded index and the others load it. SIGINT/SIGTERM are passed to every shard as
 * SIGTERM; the manager exits when they have, with the worst exit code.
 */
export async function runShardManager(opts: ShardManagerOptions): Promise<void> {
  const { discord, logger } = opts;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let total: number;
  if (discord.shards === "auto") {
    const asked = await recommendedShards(discord);
    if (!asked.ok) {
      logger.fatal(
        { detail: asked.error },
        "could not ask Discord how many shards to run (DISCORD_SHARDS=auto)",
      );
      process.exitCode = 1;
      return;
    }
    total = asked.value;
  } else total = discord.shards;
  logger.info({ shards: total, requested: discord.shards }, "starting shards");
  if (discord.deployOnStart) await registerCommandsOnStart(await opts.loadCommands(), discord, logger);

  const manager = new ShardingManager(opts.file, {
    totalShards: total,
    token: discord.token,
    execArgv: opts.execArgv,
    mode: "process",
    respawn: true,
  });
  let stopping = false;
  manager.on("shardCreate", (shard: Shard) => {
    logger.info({ shard: shard.id, shards: total }, "shard process started");
    shard.on("ready", () => logger.info({ shard: shard.id, shards: total }, "shard ready"));
    shard.on("death", (child) => {
      if (stopping) return;
      const code = "exitCode" in child ? child.exitCode : null;
      logger.error({ shard: shard.id, code }, "shard process died; starting it again");
    });
  });

  const stopAll = async (signal: NodeJS.Signals): Promise<number> => {
    manager.respawn = false;
    const exits = [...manager.shards.values()].map((shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(0);
      return new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve(1);
        }, SHARD_STOP_TIMEOUT_MS);
        child.once("exit", (code) => {
          clearTimeout(timer);
          resolve(code ?? 1);
        });
        child.kill("SIGTERM");
      });
    });
    logger.info({ signal, shards: exits.length }, "stopping shards");
    const codes = await Promise.all(exits);
    return Math.max(0, ...codes);
  };
  // npm and a terminal's process group each deliver a Ctrl-C: one stop (see stop-signals.ts).
  onStopSignals({
    stop(signal) {
      if (stopping) return;
      stopping = true;
      void stopAll(signal).then((code) => {
        logger.info({ code }, "all shards stopped");
        exit(code);
      });
    },
    force(signal) {
      logger.warn({ signal }, "second signal: killing the shards now");
      for (const shard of manager.shards.values()) shard.process?.kill("SIGKILL");
      exit(1);
    },
  });

  try {
    await manager.spawn({
      amount: total,
      delay: opts.spawnDelayMs ?? SHARD_SPAWN_DELAY_MS,
      timeout: SHARD_READY_TIMEOUT_MS,
    });
  } catch (error) {
    if (stopping) return;
    logger.fatal({ err: error }, "a shard did not start; stopping the others");
    stopping = true;
    await stopAll("SIGTERM");
    exit(1);
    return;
  }
  logger.info({ shards: total }, "all shards ready");
}
