import { z } from "zod";

/**
 * The only reader of `process.env`. Each entry point asks for the parts it needs; a missing or
 * malformed variable becomes one friendly line naming the variable (never its value).
 */

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === "") return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: "must be a positive whole number" });
        return z.NEVER;
      }
      return n;
    });

const baseSchema = z.object({
  INDEX_DIR: optionalString,
  CORPUS_DIR: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

const discordSchema = z.object({
  DISCORD_TOKEN: z.string({ error: "is required" }).trim().min(1, "is required"),
  DISCORD_CLIENT_ID: z
    .string({ error: "is required" })
    .trim()
    .regex(/^\d{5,25}$/, "must be the numeric application id"),
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_BASE: optionalString.pipe(
    z.url({ error: "must be a URL such as http://127.0.0.1:3000/api" }).optional(),
  ),
  RATE_LIMIT_QUESTIONS: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(30),
  MAX_CONCURRENT_ANSWERS: positiveInt(4),
  DISCORD_DEPLOY_ON_START: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === "" || s === "false" || s === "0" || s === "no") return false;
      if (s === "true" || s === "1" || s === "yes") return true;
      ctx.addIssue({ code: "custom", message: "must be true or false" });
      return z.NEVER;
    }),
});

/** Where to find each required variable, for the error message. */
const hints: Record<string, string> = {
  DISCORD_TOKEN: "Discord developer portal → your application → Bot → Reset Token",
  DISCORD_CLIENT_ID: "Discord developer portal → your application → General Information → Application ID",
};

export interface BaseConfig {
  indexDir: string;
  corpusDir: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

export interface DiscordConfig {
  token: string;
  clientId: string;
  guildId: string | undefined;
  apiBase: string | undefined;
  rateLimit: { questions: number; windowMs: number };
  maxConcurrentAnswers: number;
  /** Register the slash commands each time the bot starts (`DISCORD_DEPLOY_ON_START=true`). */
  deployOnStart: boolean;
}

/** A configuration problem: the variable's name and what is wrong, never its value. */
export class ConfigError extends Error {
  readonly code = "CONFIG";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? "configuration");
      const hint = hints[name];
      return `${name} ${issue.message}${hint ? ` (find it in: ${hint})` : ""}`;
    })
    .join("; ");
}

type Env = Record<string, string | undefined>;

/** Reads the settings every entry point shares. Throws ConfigError on a malformed value. */
export function loadBaseConfig(env: Env = process.env): BaseConfig {
  const parsed = baseSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  return {
    indexDir: parsed.data.INDEX_DIR ?? "embeddings",
    corpusDir: parsed.data.CORPUS_DIR ?? "data/corpus",
    logLevel: parsed.data.LOG_LEVEL ?? "info",
  };
}

/** Reads the Discord bot's settings. Throws ConfigError naming the first missing variable. */
export function loadDiscordConfig(env: Env = process.env): DiscordConfig {
  const parsed = discordSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const d = parsed.data;
  return {
    token: d.DISCORD_TOKEN,
    clientId: d.DISCORD_CLIENT_ID,
    guildId: d.DISCORD_GUILD_ID,
    apiBase: d.DISCORD_API_BASE,
    rateLimit: { questions: d.RATE_LIMIT_QUESTIONS, windowMs: d.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    maxConcurrentAnswers: d.MAX_CONCURRENT_ANSWERS,
    deployOnStart: d.DISCORD_DEPLOY_ON_START,
  };
}
