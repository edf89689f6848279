import { spawn } from "node:child_process";

/** What a finished child process printed, its exit code, and how long it ran. */
export interface ChildOutput {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * Runs `cmd args` to its end with both outputs captured (a bench probe, an ingest): the benches
 * measure in fresh processes so that one corpus's memory never counts for another.
 */
export function runCaptured(
  cmd: string,
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ChildOutput> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    child.on("error", fail);
    child.on("close", (code) =>
      done({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
  });
}
