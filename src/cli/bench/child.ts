import { spawn } from "node:child_process";
import { totalmem } from "node:os";

/**
 * Heap cap of every measured ingest and embedded-store process: half the machine's memory. Node's
 * default (~4 GiB) is too small for a million passages (the articles, passages and docstore alone
 * take ~3.5 GiB while ingesting); at the sizes that fit the default, the cap changes nothing.
 */
export const HEAP_FLAG = `--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 1024 / 1024 / 2))}`;

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
