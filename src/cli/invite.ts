import { ConfigError, configErrorLine, loadClientId, loadEnvFileIfPresent } from "../config.js";
import { inviteUrl } from "../discord/invite.js";
import { commandArgs, refuse } from "./args.js";

/**
 * `npm run invite [-- <client-id>]`: prints the link that adds the bot to a server, with the scopes
 * and permissions it needs, for the application id given, else DISCORD_CLIENT_ID (environment or
 * `.env`). Contacts nothing.
 */

const SPEC = {
  usage: "用法 (usage): npm run --silent invite [-- <client-id>]",
  help: `打印把机器人加入服务器的链接 (prints the link that adds the bot to a server).
  <client-id>   应用 ID (the Application ID; default DISCORD_CLIENT_ID)`,
  options: {},
  positionals: true,
} as const;

function main(): number {
  const { positionals } = commandArgs(SPEC);
  if (positionals.length > 1)
    refuse(`只需要一个应用 ID (one application id, got ${positionals.length} arguments)`, SPEC.usage);
  const given = positionals[0];
  if (given !== undefined) {
    try {
      process.stdout.write(`${inviteUrl(loadClientId({ DISCORD_CLIENT_ID: given }))}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      refuse(
        `"${given.slice(0, 40)}" 不是应用 ID (not an application id: the numeric Application ID of the Discord developer portal)`,
        SPEC.usage,
      );
    }
  }
  try {
    loadEnvFileIfPresent(".env");
    process.stdout.write(`${inviteUrl(loadClientId())}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${configErrorLine(error)}\n`);
    return 1;
  }
}

process.exitCode = main();
