import { type ChildProcess, spawn } from "node:child_process";
import { totalmem } from "node:os";
import { whenHalted } from "../../stop-signals.js";

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

/** Set once a stop halted the work: a child's end then settles nothing (its caller goes no further). */
let stopping = false;

/** The children running now, each with the promise of its end. */
const running = new Map<ChildProcess, Promise<unknown>>();

// A stop (Ctrl-C, SIGTERM) stops the children too, and waits for them, before the bench's work folder
// and scratch schema are removed: a SIGTERM to the bench alone left a child ingest writing into them.
whenHalted(async () => {
  stopping = true;
  for (const child of running.keys()) child.kill("SIGTERM");
  await Promise.allSettled(running.values());
});

/**
 * Runs `cmd args` to its end with both outputs captured (a bench probe, an ingest): the benches
 * measure in fresh processes so that one corpus's memory never counts for another. After a stop it
 * never settles, as `nextTurn` does not: the caller goes no further while scratch is removed.
 */
export function runCaptured(
  cmd: string,
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ChildOutput> {
  return new Promise((done, fail) => {
    if (stopping) return;
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
    running.set(child, new Promise((ended) => child.on("close", ended).on("error", ended)));
    child.on("error", (e) => {
      running.delete(child);
      if (!stopping) fail(e);
    });
    child.on("close", (code) => {
      running.delete(child);
      if (!stopping) done({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}
