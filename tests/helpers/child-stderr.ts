import type { ChildProcess } from "node:child_process";
import { once } from "node:events";

/**
 * A child process's stderr, collected from its start, and its exit, watched from its start (so neither
 * is missed): for tests that signal a real process at the moment its output says it reached a stage.
 */
export function watchChild(child: ChildProcess): {
  exit: Promise<number | null>;
  stderr: () => string;
  /** Resolves once stderr holds `cue` (or the process has exited). */
  until(cue: RegExp | string): Promise<void>;
} {
  const exit = once(child, "exit").then(([code]) => code as number | null);
  let text = "";
  const waiting = new Set<() => void>();
  child.stderr?.on("data", (c: Buffer) => {
    text += c.toString();
    for (const check of waiting) check();
  });
  return {
    exit,
    stderr: () => text,
    until: (cue) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (typeof cue === "string" ? text.includes(cue) : cue.test(text)) resolve();
        };
        waiting.add(check);
        check();
        void exit.then(() => resolve());
      }),
  };
}
