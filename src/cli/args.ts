import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { closest, distance } from "fastest-levenshtein";

/**
 * The one argument parser of the command-line entry points: Node's `parseArgs` underneath, with
 * `--help`/`-h` on every command and the project's own one-line refusals (an unknown flag, a missing
 * value, a stray argument) followed by the command's usage, instead of Node's English error text.
 * No other import: `report` and `invite` start without loading the answer modules.
 */

/** What a command accepts and how it is described. */
export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The usage lines, `用法 (usage): npm run …`. */
  usage: string;
  /** What the command does and what its options mean, printed by `--help` under the usage. */
  help?: string;
  options: O;
  /** Whether the command takes arguments other than flags (`ask "问题"`, `invite <client-id>`). */
  positionals?: boolean;
  /** Whether `--no-X` sets a boolean `X` to false (`eval --no-split`). */
  negatable?: boolean;
}

/** A refusal: the one line saying what was wrong, and the exit code (2: the command was misused). */
export interface ArgsRefusal {
  line: string;
  code: 2;
}

/** The values of the options `O`, typed as `parseArgs` types them. */
export type ArgValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>
>["values"];

/** What parsing gave: the values, or `help` (print it, exit 0), or a refusal. */
export type Parsed<O extends ParseArgsOptionsConfig> =
  | { kind: "args"; values: ArgValues<O>; positionals: string[] }
  | { kind: "help"; text: string }
  | { kind: "refused"; refusal: ArgsRefusal; usage: string };

/** The known flag closest to a mistyped one, when it is close enough to be what was meant. */
function suggestion(typed: string, known: readonly string[]): string | null {
  if (known.length === 0) return null;
  const bare = typed.replace(/^-+/, "").replace(/=.*$/, "");
  const best = closest(bare, [...known]);
  return distance(bare, best) <= Math.max(1, Math.floor(best.length / 3)) ? `--${best}` : null;
}

/** Node's parseArgs error as one line of ours. */
function refusalLine(error: Error & { code?: string }, known: readonly string[]): string {
  const flag = /'(-[^' ]*)/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const hint = suggestion(flag, known);
      return `未知选项 ${flag} (unknown option ${flag})${hint ? `；是不是 ${hint}？(did you mean ${hint}?)` : ""}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /does not take an argument/.test(error.message)
        ? `${flag} 不带值 (${flag} takes no value)`
        : `${flag} 需要一个值 (${flag} needs a value)`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const extra = /'([^']*)'/.exec(error.message)?.[1] ?? "";
      return `多余的参数 "${extra}" (unexpected argument "${extra}")`;
    }
    default:
      return error.message;
  }
}

/** Parses `argv` (default: the process's) by `spec`; pure, so the refusals are testable. */
export function parseCommand<O extends ParseArgsOptionsConfig>(
  spec: CommandSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
): Parsed<O> {
  const options: ParseArgsOptionsConfig = { ...spec.options, help: { type: "boolean", short: "h" } };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      allowPositionals: spec.positionals === true,
      allowNegative: spec.negatable === true,
      strict: true,
    });
  } catch (e) {
    const known = Object.keys(options);
    return {
      kind: "refused",
      refusal: { line: refusalLine(e as Error, known), code: 2 },
      usage: spec.usage,
    };
  }
  if (parsed.values.help === true)
    return { kind: "help", text: spec.help ? `${spec.usage}\n\n${spec.help}` : spec.usage };
  // parseArgs checked every value against `spec.options`: this is the type it gives for them.
  const values = parsed.values as ArgValues<O>;
  return { kind: "args", values, positionals: parsed.positionals };
}

/**
 * Parses the process's arguments by `spec`: `--help` prints the usage and help on stdout and exits 0;
 * a refused argument is one line and the usage on stderr, exit 2.
 */
export function commandArgs<O extends ParseArgsOptionsConfig>(
  spec: CommandSpec<O>,
  argv?: readonly string[],
): Extract<Parsed<O>, { kind: "args" }> {
  const parsed = parseCommand(spec, argv);
  if (parsed.kind === "help") {
    process.stdout.write(`${parsed.text}\n`);
    process.exit(0);
  }
  if (parsed.kind === "refused") refuse(parsed.refusal.line, spec.usage);
  return parsed;
}

/** Refuses what was typed: the reason in one line, then the usage, on stderr; exit 2. */
export function refuse(line: string, usage: string): never {
  process.stderr.write(`${line}\n${usage}\n`);
  process.exit(2);
}
