import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Reindexer } from "../answer/reindex.js";
import type { AnswerService } from "../answer/types.js";
import type { Logger } from "../logger.js";
import type { State } from "../state/state.js";
import type { Gate } from "./gate.js";
import type { ProgressOptions } from "./progress.js";
import type { RateLimiter } from "./rate-limit.js";

/** What every command and handler gets: the answer service and the shared limits. Built once. */
export interface BotContext {
  service: AnswerService;
  logger: Logger;
  limiter: RateLimiter;
  gate: Gate;
  progress: ProgressOptions;
  /** Rebuilds the index and swaps it into `service` (`/reindex`); absent, the command says so. */
  reindex?: Reindexer;
  /** The IANA time zone of times shown to users; absent, Asia/Shanghai. */
  timeZone?: string;
  /** Questions and feedback (`STATE_DB`); absent, nothing is recorded and `/report` says so. */
  state?: State;
  /** The commands the bot registers, as Discord receives them: `/help` lists them. */
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

/** One slash command: its definition and the function that runs it. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** True when `value` has the shape of a command module's default export. */
export function isCommand(value: unknown): value is Command {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const data = v.data as Record<string, unknown> | undefined;
  return (
    typeof data === "object" &&
    data !== null &&
    typeof data.name === "string" &&
    typeof data.toJSON === "function" &&
    typeof v.execute === "function" &&
    (v.autocomplete === undefined || typeof v.autocomplete === "function")
  );
}
