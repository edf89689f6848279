import { ConfigError, configErrorLine, loadDiscordConfig, loadEnvFileIfPresent } from "../config.js";
import { deployCommands } from "../discord/deploy.js";
import { loadCommands } from "../discord/loader.js";
import { scrubSecrets } from "../logger.js";
import { commandArgs } from "./args.js";

/**
 * `npm run deploy-commands`: registers the slash commands in `commands/` with Discord — to
 * DISCORD_GUILD_ID when set (shows at once), otherwise globally (can take up to an hour to appear).
 */
const SPEC = {
  usage: "用法 (usage): npm run deploy-commands",
  help: `向 Discord 注册 commands/ 里的斜杠命令 (registers the slash commands in commands/ with Discord):
to DISCORD_GUILD_ID when set (shows at once), otherwise globally (up to an hour to appear).`,
  options: {},
} as const;

async function main(): Promise<number> {
  commandArgs(SPEC);
  let config: ReturnType<typeof loadDiscordConfig>;
  try {
    loadEnvFileIfPresent(".env");
    config = loadDiscordConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${configErrorLine(error)}\n`);
    return 1;
  }
  const commands = await loadCommands();
  try {
    const n = await deployCommands(commands, config);
    const where = config.guildId ? `guild ${config.guildId}` : "globally (may take up to an hour to appear)";
    process.stdout.write(`Registered ${n} commands (${[...commands.keys()].join(", ")}) ${where}.\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `gaoxin-qa: could not register commands: ${scrubSecrets(message, [config.token])}\n`,
    );
    return 1;
  }
}

process.exitCode = await main();
