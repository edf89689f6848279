import { execFile } from "node:child_process";
import { cp } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { scratchDir } from "./scratch.js";

const run = promisify(execFile);
export const ROOT = resolve(".");
const TSX = join(ROOT, "node_modules/.bin/tsx");

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the CLI entry points the way `npm run` does, in `cwd`, and never throws on exit codes. */
export async function cli(
  script: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, "src/cli", script), ...args], {
      cwd,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === "number" ? x.code : -1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
  }
}

/** A working folder holding a copy of the default corpus, so tests never touch the project's index. */
export async function workdir(): Promise<string> {
  const dir = await scratchDir("gaoxin-cli-");
  await cp(join(ROOT, "data/corpus"), join(dir, "data/corpus"), { recursive: true });
  return dir;
}

/** What a stubbed `process.exit` throws, carrying the code, so the entry point stops where it exits. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

let runs = 0;

/**
 * Runs an entry point (`ask.ts` for src/cli/ask.ts, or a path from the root: `scripts/bench-bot.ts`)
 * inside this test process, as {@link cli} runs it in its own: `process.argv`, the environment and the working folder set for the
 * run (a variable given as undefined is unset), stdout and stderr captured, and `process.exit`'s code (or `process.exitCode`) as the result. A
 * fresh module instance each run (a query on the URL) re-runs its top-level `await main()`, while
 * the libraries it imports load once per test file: a spawned `tsx` pays 1–3 s of transpiling and
 * importing per run. For what a command prints and its exit code; what needs a process of its own
 * (signals, a crash, a hanging handle, stdin) stays with {@link cli}.
 */
export async function cliInProcess(
  script: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<Ran> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = { argv: process.argv, cwd: process.cwd(), exitCode: process.exitCode };
  // The whole environment: a run may load a .env file into it, as `npm run` in that folder would.
  const savedEnv = { ...process.env };
  // What runCli hangs on the process for the run: its Ctrl-C handlers, its closed-pipe handler.
  const hooks: [NodeJS.EventEmitter, string][] = [
    [process, "SIGINT"],
    [process, "SIGTERM"],
    [process.stdout, "error"],
  ];
  const before = hooks.map(([emitter, event]) => emitter.listeners(event));
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    };
  const writes = { out: process.stdout.write, err: process.stderr.write, exit: process.exit };
  const file = join(ROOT, script.includes("/") ? script : join("src/cli", script));
  process.argv = [process.execPath, file, ...args];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.chdir(cwd);
  process.exitCode = undefined;
  process.stdout.write = capture(stdout) as typeof process.stdout.write;
  process.stderr.write = capture(stderr) as typeof process.stderr.write;
  process.exit = ((code?: number | string | null) => {
    throw new Exit(Number(code ?? process.exitCode ?? 0));
  }) as typeof process.exit;
  let code: number;
  try {
    await import(`${pathToFileURL(file).href}?run=${++runs}`);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    code = e.code;
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    process.exit = writes.exit;
    process.exitCode = saved.exitCode;
    process.argv = saved.argv;
    process.chdir(saved.cwd);
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
    // They belong to the run, not to the test worker.
    hooks.forEach(([emitter, event], i) => {
      for (const l of emitter.listeners(event))
        if (!before[i]?.includes(l)) emitter.off(event, l as (...args: unknown[]) => void);
    });
  }
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}
