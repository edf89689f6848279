import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A bot started as its own process (`node --import tsx <entry>`), with its output collected. */
export interface BotProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the first stdout line containing `text`; rejects after `timeoutMs` or on exit. */
  waitForLine(text: string, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code; rejects (after killing it) if it has not exited within `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
}

/**
 * Only what the bot needs from the parent environment, so a developer's own DISCORD_* never leaks in.
 * No state store unless `extra` names one: a test must not write data/state.sqlite in the checkout.
 */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { STATE_DB: "off" };
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "NODE_OPTIONS"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * The environment of a bot process pointed at an emulator: token, application and guild ids, the
 * emulator's API base, commands registered on start; `extra` adds to or overrides it.
 */
export function botEnv(
  emu: { applicationId: string; guildId: string; api: string },
  token: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return cleanEnv({
    DISCORD_TOKEN: token,
    DISCORD_CLIENT_ID: emu.applicationId,
    DISCORD_GUILD_ID: emu.guildId,
    DISCORD_API_BASE: emu.api,
    DISCORD_DEPLOY_ON_START: "true",
    ...extra,
  });
}

/**
 * How `npm start` runs the bot, read from package.json (`exec node [flags] --import tsx src/main.ts`):
 * its Node flags and entry, so the process tests and `npm run bench:bot` start the bot as production
 * does. Throws if the start script takes another shape, rather than measuring something else.
 */
export function startCommand(): { nodeArgs: string[]; entry: string } {
  const start = startScript();
  const words = start.trim().split(/\s+/);
  const command = words[0] === "exec" ? words.slice(1) : words;
  const flags = command.slice(1, -3);
  if (
    command[0] !== "node" ||
    command.slice(-3).join(" ") !== "--import tsx src/main.ts" ||
    !flags.every((f) => f.startsWith("--"))
  ) {
    throw new Error(`package.json "start" is not "[exec] node [flags] --import tsx src/main.ts": ${start}`);
  }
  return { nodeArgs: flags, entry: fileURLToPath(new URL("src/main.ts", ROOT)) };
}

const ROOT = new URL("../../", import.meta.url);

function startScript(): string {
  const pkg = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as {
    scripts?: Record<string, string>;
  };
  return pkg.scripts?.start ?? "";
}

/**
 * Runs `npm start` itself in the project's root, as a user would, with the output collected. With
 * `group`, npm leads a process group of its own, as a terminal's foreground job or a service does, so
 * a test can signal the whole group (`process.kill(-pid, …)`).
 */
export function spawnNpmStart(env: Record<string, string>, opts: { group?: boolean } = {}): BotProcess {
  return spawnNpm(["start", "--silent"], env, opts);
}

/** Runs `npm <args>` in the project's root (see {@link spawnNpmStart}). */
export function spawnNpm(
  args: string[],
  env: Record<string, string>,
  opts: { group?: boolean } = {},
): BotProcess {
  return collect(
    spawn("npm", args, {
      cwd: fileURLToPath(ROOT),
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: opts.group === true,
    }),
  );
}

/** Spawns `entry` under tsx with `args`, and any extra Node flags (e.g. `--cpu-prof`). */
export function spawnBot(
  entry: string,
  env: Record<string, string>,
  opts: { nodeArgs?: string[]; args?: string[] } = {},
): BotProcess {
  return collect(
    spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", entry, ...(opts.args ?? [])], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/** Wraps a started process: its stdout lines and stderr collected, waiting for a line or its exit. */
function collect(child: ChildProcess): BotProcess {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<{ text: string; resolve: (line: string) => void }>();
  let pending = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      stdout.push(line);
      for (const w of waiters) {
        if (line.includes(w.text)) {
          waiters.delete(w);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));
  const exit = once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    stdout,
    stderr,
    waitForLine(text, timeoutMs = 15_000) {
      const seen = stdout.find((l) => l.includes(text));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { text, resolve };
        waiters.add(waiter);
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no "${text}" on stdout within ${timeoutMs} ms; stderr: ${stderr.join("")}`));
        }, timeoutMs);
        waiter.resolve = (line) => {
          clearTimeout(timer);
          resolve(line);
        };
        void exit.then((code) => {
          clearTimeout(timer);
          reject(new Error(`bot exited (${code}) before "${text}"; stderr: ${stderr.join("")}`));
        });
      });
    },
    async exited(timeoutMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill("SIGKILL");
          reject(new Error(`bot did not exit within ${timeoutMs} ms`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exit, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Test teardown: kills a bot still running (SIGKILL) and waits for it to be gone. */
export async function killBot(bot: BotProcess | undefined): Promise<void> {
  if (!bot || bot.child.exitCode !== null) return;
  bot.child.kill("SIGKILL");
  await bot.exited(5_000).catch(() => undefined);
}
