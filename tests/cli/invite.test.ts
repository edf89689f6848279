import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../helpers/scratch.js";

const run = promisify(execFile);
const ROOT = resolve(".");

/** `npm run invite` as a process, in an empty folder (no `.env`), with only `env` beyond PATH. */
async function invite(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = await scratchDir("gaoxin-invite-");
  try {
    const { stdout, stderr } = await run(
      join(ROOT, "node_modules/.bin/tsx"),
      [join(ROOT, "src/cli/invite.ts")],
      {
        cwd,
        env: { PATH: process.env.PATH ?? "", ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
  }
}

describe("npm run invite", () => {
  it("prints the OAuth2 link for DISCORD_CLIENT_ID and nothing else", async () => {
    const r = await invite({ DISCORD_CLIENT_ID: "123456789012345678" });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const url = new URL(lines[0] ?? "");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
  });

  it("exits 1 with one line naming DISCORD_CLIENT_ID and where to find it when it is missing", async () => {
    const r = await invite({});
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("DISCORD_CLIENT_ID is required");
    expect(r.stderr).toContain("Application ID");
  });
});
