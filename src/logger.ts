import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";

/**
 * The pino logger for the entry points. Secrets are kept out twice over: `redact` blanks the fields
 * that hold them, and the output stream itself replaces every known secret value, and every
 * interaction or webhook token in a Discord URL, wherever it appears (an error message, a stack trace,
 * a URL inside a `DiscordAPIError`).
 */

export type { Logger };

const REDACTED = "[REDACTED]";

/** Field paths that hold secrets in anything we (or discord.js errors) might log. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "*.*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "*.*.headers.authorization",
  "DISCORD_TOKEN",
  "*.DISCORD_TOKEN",
  "env.DISCORD_TOKEN",
  "OPENAI_API_KEY",
  "*.OPENAI_API_KEY",
];

// Interaction and webhook tokens sit in the URL path after the id.
const URL_TOKENS = /(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?]+/g;
// Discord bot tokens: three base64url parts joined by dots.
const BOT_TOKEN_SHAPE = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/g;

/** Replaces every secret value and token-shaped string in one line of output. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) {
    // Very short "secrets" would blank ordinary words; real tokens are long.
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out.replace(URL_TOKENS, `$1${REDACTED}`).replace(BOT_TOKEN_SHAPE, REDACTED);
}

/** Wraps a destination so every line is scrubbed before it is written. */
export function scrubbingStream(inner: DestinationStream, secrets: readonly string[]): DestinationStream {
  return { write: (line: string) => inner.write(scrubSecrets(line, secrets)) };
}

export interface LoggerSetup {
  level?: LoggerOptions["level"];
  /** Values that must never be written, e.g. the bot token. */
  secrets?: readonly string[];
  /** Where lines go; standard output by default. Tests pass a collecting stream. */
  destination?: DestinationStream;
  name?: string;
}

/** Builds the logger every entry point uses. */
export function createLogger(setup: LoggerSetup = {}): Logger {
  const destination = setup.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      name: setup.name ?? "gaoxin-qa",
      level: setup.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    scrubbingStream(destination, setup.secrets ?? []),
  );
}
