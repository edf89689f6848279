import { existsSync } from "node:fs";
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

/** One of `values`, any case; unset (or blank) is undefined. */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((s) => (s === "" ? undefined : s))
    .pipe(z.enum(values, { error: `must be ${values.join(" or ")}` }).optional());

/** A whole number of at least `min`, or `fallback` when unset. */
const wholeNumber = (fallback: number, min: 0 | 1) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === "") return fallback;
      const n = Number(s);
      if (!Number.isInteger(n) || n < min) {
        const message = min === 1 ? "must be a positive whole number" : "must be a whole number (0 or more)";
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

const positiveInt = (fallback: number) => wholeNumber(fallback, 1);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Where the bot's users mostly are: the time zone of times shown to them unless TZ says otherwise. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** Comma-separated http(s) URLs (`FEEDS`); unset or blank is none. */
const urlList = z
  .string()
  .optional()
  .transform((s, ctx) => {
    const urls = (s ?? "")
      .split(",")
      .map((u) => u.trim())
      .filter((u) => u !== "");
    const bad = urls.findIndex((u) => !/^https?:\/\/[^\s/]+/i.test(u) || !URL.canParse(u));
    if (bad >= 0) {
      ctx.addIssue({
        code: "custom",
        message: `must be comma-separated http(s) URLs (item ${bad + 1} is not one)`,
      });
      return z.NEVER;
    }
    return urls;
  });

const baseSchema = z.object({
  INDEX_DIR: optionalString,
  CORPUS_DIR: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  INGEST_INTERVAL: wholeNumber(0, 0),
  FEEDS: urlList,
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
  // Times shown to users (the index time in /help): the process's TZ, else China's.
  TZ: optionalString.pipe(
    z
      .string()
      .refine(isTimeZone, { error: "must be an IANA time zone such as Asia/Shanghai or UTC" })
      .optional(),
  ),
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
  DISCORD_SHARDS: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((s, ctx): "auto" | number | null => {
      if (s === undefined || s === "") return null;
      if (s === "auto") return "auto";
      const n = Number(s);
      if (Number.isInteger(n) && n >= 1) return n;
      ctx.addIssue({ code: "custom", message: "must be auto or a positive whole number of shards" });
      return z.NEVER;
    }),
  // Set by discord.js's ShardingManager in the processes it starts (with SHARDS and SHARD_COUNT,
  // which discord.js's Client reads itself).
  SHARDING_MANAGER: optionalString,
});

const optionalUrl = optionalString.pipe(
  z.url({ error: "must be a URL such as https://api.openai.com/v1" }).optional(),
);

/** OpenAI's own endpoint: the default when no base URL is configured. */
export const OPENAI_BASE_URL = "https://api.openai.com/v1";
/** Cheap, fast, and it accepts `temperature`/`max_tokens` like the compatible servers do; answers are checked anyway. */
export const DEFAULT_LLM_MODEL = "gpt-4o-mini";
export const DEFAULT_EMBEDDINGS_MODEL = "text-embedding-3-small";

const modelSchema = z.object({
  LLM_API_KEY: optionalString,
  OPENAI_API_KEY: optionalString,
  LLM_BASE_URL: optionalUrl,
  OPENAI_BASE_URL: optionalUrl,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: positiveInt(20_000),
  LLM_MAX_RETRIES: wholeNumber(2, 0),
  LLM_RETRY_BASE_MS: positiveInt(500),
  LLM_BREAKER_FAILURES: wholeNumber(3, 0),
  LLM_BREAKER_COOLDOWN_MS: positiveInt(30_000),
  EMBEDDINGS: optionalChoice(["local", "openai"]),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: optionalUrl,
  EMBEDDINGS_API_KEY: optionalString,
  EMBEDDINGS_BATCH_SIZE: positiveInt(256),
});

const storeSchema = z.object({
  STORE: optionalChoice(["embedded", "postgres"]),
  DATABASE_URL: optionalString.pipe(
    z
      .url({ error: "must be a URL such as postgres://user@127.0.0.1:5432/gaoxin" })
      .refine((u) => /^postgres(ql)?:\/\//.test(u), "must start with postgres:// or postgresql://")
      .optional(),
  ),
  STORE_POLL_SECONDS: positiveInt(5),
  STORE_EF_SEARCH: wholeNumber(0, 0),
  STORE_SCHEMA: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case name (a-z, 0-9, _), such as public")
      .optional(),
  ),
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
  /**
   * Seconds between looks at the corpus for new, changed or deleted files (`INGEST_INTERVAL`);
   * 0 (the default) = never, except `npm run ingest -- --watch`, which then looks every 30 s.
   */
  ingestIntervalSeconds: number;
  /**
   * Feeds to read at every ingest and every look (`FEEDS`): their articles are written under the
   * corpus's `feeds/` folder. Only the operator names them; no chat command adds one.
   */
  feeds: string[];
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
  /** The IANA time zone of times shown to users (TZ, default Asia/Shanghai). */
  timeZone: string;
  /**
   * `DISCORD_SHARDS`: run this many shards (`auto`: as many as Discord recommends), one process each
   * under a sharding manager; null runs one unsharded bot. Always null inside a shard process.
   */
  shards?: "auto" | number | null;
  /** This process is one shard started by the sharding manager (which registers the commands). */
  isShard?: boolean;
}

/** A model behind an OpenAI-compatible API, and how hard to try it. */
export interface ApiConfig {
  apiKey: string;
  baseURL: string;
  model: string;
  /** Time for the model calls of one answer (or one embeddings batch), retries and waits included. */
  timeoutMs: number;
  /** Retries of one call after a timeout, 429 or 5xx. */
  maxRetries: number;
  /** First backoff between retries; it doubles each time (with jitter) unless Retry-After says otherwise. */
  retryBaseMs: number;
}

/** The chat model that writes answers. */
export interface LlmConfig extends ApiConfig {
  /** Failed calls in a row after which the model is not called for `breakerCooldownMs`; 0: never. */
  breakerFailures: number;
  breakerCooldownMs: number;
}

/** Which embeddings the index is built and queried with. */
export type EmbeddingsConfig =
  | { kind: "local" }
  | ({
      kind: "openai";
      /** Texts per request (DashScope takes 10 at most). */
      batchSize: number;
    } & ApiConfig);

/** The optional model settings: `llm` is null when no key is set (offline extractive answers). */
export interface ModelConfig {
  llm: LlmConfig | null;
  embeddings: EmbeddingsConfig;
}

/**
 * Where passages, vectors and BM25 postings live: the embedded index folder (INDEX_DIR, one copy per
 * process), or PostgreSQL with pgvector, shared by every bot process and written by `npm run ingest`.
 */
export type StoreConfig =
  | { kind: "embedded" }
  | {
      kind: "postgres";
      /** Never logged: it may hold a password. */
      databaseUrl: string;
      /** How often a bot checks for a newly ingested generation (LISTEN makes it sooner where it works). */
      pollMs: number;
      /**
       * pgvector's `hnsw.ef_search` (null: the fusion depth, 50): higher finds more of the true
       * nearest passages and is slower; answers gained nothing from it (see docs/scale-out.md).
       */
      efSearch: number | null;
      /** The schema of the store's tables (STORE_SCHEMA); null: the connection's current one (`public`). */
      schema: string | null;
    };

/** A configuration problem: the variable's name and what is wrong, never its value. */
export class ConfigError extends Error {
  readonly code = "CONFIG";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * The one line every entry point prints for a configuration problem (then exits 1, no stack trace):
 * the bot, the CLI and the deploy script word it alike.
 */
export function configErrorLine(error: ConfigError): string {
  return `gaoxin-qa: 配置错误 (configuration error): ${error.message}`;
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

/**
 * Loads `path` (a `.env` file) into the environment if it exists; variables already set win. Only the
 * entry points call this, so tests and child processes see exactly the environment they were given.
 */
export function loadEnvFileIfPresent(path: string): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Reads the settings every entry point shares. Throws ConfigError on a malformed value. */
export function loadBaseConfig(env: Env = process.env): BaseConfig {
  const parsed = baseSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  return {
    indexDir: parsed.data.INDEX_DIR ?? "embeddings",
    corpusDir: parsed.data.CORPUS_DIR ?? "data/corpus",
    logLevel: parsed.data.LOG_LEVEL ?? "info",
    ingestIntervalSeconds: parsed.data.INGEST_INTERVAL,
    feeds: parsed.data.FEEDS,
  };
}

/**
 * Reads the language-model and embeddings settings. No key means no model: answers stay extractive
 * and offline, which is not an error. `EMBEDDINGS=openai` without any key is one.
 */
export function loadModelConfig(env: Env = process.env): ModelConfig {
  const parsed = modelSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const d = parsed.data;
  const apiKey = d.LLM_API_KEY ?? d.OPENAI_API_KEY;
  const baseURL = d.LLM_BASE_URL ?? d.OPENAI_BASE_URL ?? OPENAI_BASE_URL;
  const retry = {
    timeoutMs: d.LLM_TIMEOUT_MS,
    maxRetries: d.LLM_MAX_RETRIES,
    retryBaseMs: d.LLM_RETRY_BASE_MS,
  };
  const llm =
    apiKey === undefined
      ? null
      : {
          apiKey,
          baseURL,
          model: d.LLM_MODEL ?? DEFAULT_LLM_MODEL,
          ...retry,
          breakerFailures: d.LLM_BREAKER_FAILURES,
          breakerCooldownMs: d.LLM_BREAKER_COOLDOWN_MS,
        };
  if (d.EMBEDDINGS !== "openai") return { llm, embeddings: { kind: "local" } };
  const embeddingsKey = d.EMBEDDINGS_API_KEY ?? apiKey;
  if (embeddingsKey === undefined) {
    throw new ConfigError(
      "EMBEDDINGS=openai needs a key: set EMBEDDINGS_API_KEY, LLM_API_KEY or OPENAI_API_KEY (any non-empty value for a local server)",
    );
  }
  return {
    llm,
    embeddings: {
      kind: "openai",
      apiKey: embeddingsKey,
      baseURL: d.EMBEDDINGS_BASE_URL ?? baseURL,
      model: d.EMBEDDINGS_MODEL ?? DEFAULT_EMBEDDINGS_MODEL,
      batchSize: d.EMBEDDINGS_BATCH_SIZE,
      ...retry,
    },
  };
}

/** Reads the application id alone, for `npm run invite` (which needs no token). */
export function loadClientId(env: Env = process.env): string {
  const parsed = discordSchema.pick({ DISCORD_CLIENT_ID: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  return parsed.data.DISCORD_CLIENT_ID;
}

/**
 * Reads STORE and DATABASE_URL (`store` overrides STORE, for a command line's `--store`).
 * `STORE=postgres` without a DATABASE_URL is an error.
 */
export function loadStoreConfig(env: Env = process.env, store?: "embedded" | "postgres"): StoreConfig {
  const parsed = storeSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const d = parsed.data;
  if ((store ?? d.STORE) !== "postgres") return { kind: "embedded" };
  if (d.DATABASE_URL === undefined)
    throw new ConfigError("STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/database)");
  return {
    kind: "postgres",
    databaseUrl: d.DATABASE_URL,
    pollMs: d.STORE_POLL_SECONDS * 1000,
    efSearch: d.STORE_EF_SEARCH === 0 ? null : d.STORE_EF_SEARCH,
    schema: d.STORE_SCHEMA ?? null,
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
    // A shard leaves registering to its manager: commands are deployed once, not once per shard.
    deployOnStart: d.DISCORD_DEPLOY_ON_START && d.SHARDING_MANAGER === undefined,
    shards: d.SHARDING_MANAGER === undefined ? d.DISCORD_SHARDS : null,
    isShard: d.SHARDING_MANAGER !== undefined,
    timeZone: d.TZ ?? DEFAULT_TIME_ZONE,
  };
}

const stateSchema = z.object({
  STATE_DB: optionalString,
  STATE_SALT: optionalString,
  STATE_RETENTION_DAYS: positiveInt(90),
});

/** Where questions and feedback are kept (`STATE_DB=off`: nowhere), and for how long. */
export interface StateSettings {
  db: string;
  salt: string | null;
  retentionDays: number;
}

/** Reads the state store's settings: `STATE_DB` (default data/state.sqlite, or `off`), `STATE_SALT`, `STATE_RETENTION_DAYS`. */
export function loadStateConfig(env: Env = process.env): StateSettings {
  const parsed = stateSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const d = parsed.data;
  return {
    db: d.STATE_DB?.toLowerCase() === "off" ? "off" : (d.STATE_DB ?? "data/state.sqlite"),
    salt: d.STATE_SALT ?? null,
    retentionDays: d.STATE_RETENTION_DAYS,
  };
}
