import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

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
