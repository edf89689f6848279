import { ConfigError, configErrorLine, loadClientId, loadEnvFileIfPresent } from "../config.js";
import { inviteUrl } from "../discord/invite.js";

/**
 * `npm run invite`: prints the link that adds the bot to a server, with the scopes and permissions it
 * needs, from DISCORD_CLIENT_ID (environment or `.env`). Contacts nothing.
 */
function main(): number {
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
