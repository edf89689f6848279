import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliInProcess, type Ran, workdir } from "../helpers/cli.js";
import { seedStore } from "../state/seed.js";

/**
 * Every command as a user meets it: `--help`, a mistyped flag, and the inputs each one refuses, each
 * refusal one clear line (then the usage) and a non-zero exit. The entry points run in this process
 * (what they print and their exit code, through the same `process.exit`); that a refusal ends a real
 * process with its code is checked by tests/cli/cli.test.ts (`ask ""`, exit 2).
 */

let work: string;
const cli = (script: string, args: string[], env: Record<string, string> = {}): Promise<Ran> =>
  cliInProcess(script, args, work, env);

beforeAll(async () => {
  work = await workdir();
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const COMMANDS: [string, (args: string[]) => Promise<Ran>][] = [
  ...["ask", "zones", "ingest", "eval", "bench", "report", "invite", "deploy-commands"].map(
    (name): [string, (args: string[]) => Promise<Ran>] => [
      name,
      (args) => cli(`${name}.ts`, args, { DISCORD_CLIENT_ID: "" }),
    ],
  ),
  ["bench:bot", (args) => cli("scripts/bench-bot.ts", args)],
  ["bench:report", (args) => cli("scripts/bench-report.ts", args)],
];

describe.each(COMMANDS)("npm run %s", (_name, command) => {
  it("--help prints its usage and what it does, exit 0", async () => {
    const r = await command(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法 \(usage\):/);
    expect(r.stdout.trim().split("\n").length).toBeGreaterThan(1);
    expect(r.stderr).toBe("");
  });

  it("a mistyped flag: one line of its own, then the usage, exit 2", async () => {
    const r = await command(["--jsn"]);
    expect(r.code).toBe(2);
    const [first, second] = r.stderr.split("\n");
    expect(first).toMatch(/^未知选项 --jsn \(unknown option --jsn\)/);
    expect(second).toMatch(/^用法 \(usage\):/);
    expect(r.stderr).not.toContain("To specify a positional argument");
    expect(r.stdout).toBe("");
  });
});

describe("ask refuses what it cannot ask", () => {
  it("a 20,000-character question: one line, exit 2, and --json does not echo it", async () => {
    const long = "珠".repeat(20_000);
    const r = await cli("ask.ts", ["--json", long]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(
      "问题太长（20000 字），请控制在 500 字以内。 (question too long: 20000 characters, at most 500)",
    );
    expect(r.stderr).not.toContain("珠珠");
  });

  it("an empty or blank question, exit 2", async () => {
    for (const q of ["", "   "]) {
      const r = await cli("ask.ts", [q]);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toContain("(no question given)");
    }
  });

  it("a --batch line without `question`, by its line number; the other lines are answered, exit 1", async () => {
    const file = join(work, "batch.jsonl");
    await writeFile(file, '珠海高新区工业投资增速多少\n{"q":"bad"}\n');
    const r = await cli("ask.ts", ["--batch", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:2: 没有 "question" 字段 (no "question" string in the object)（已跳过 skipped）`,
    );
    const answers = r.stdout.trim().split("\n");
    expect(answers).toHaveLength(1);
    expect(JSON.parse(answers[0] ?? "{}").question).toBe("珠海高新区工业投资增速多少");
  });

  it("a --batch file with no question in it, exit 1", async () => {
    const file = join(work, "blank.txt");
    await writeFile(file, "\n\n");
    const r = await cli("ask.ts", ["--batch", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`问题文件里没有问题 (no questions in ${file})`);
  });
});

describe("invite <client-id>", () => {
  it("prints the link for the id given, before DISCORD_CLIENT_ID", async () => {
    const r = await cli("invite.ts", ["123456789012345678"], {
      DISCORD_CLIENT_ID: "999999999999999999",
    });
    expect(r.code).toBe(0);
    expect(new URL(r.stdout.trim()).searchParams.get("client_id")).toBe("123456789012345678");
  });

  it("refuses what is not an application id, and a second argument, exit 2", async () => {
    const bad = await cli("invite.ts", ["my-bot"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toContain('"my-bot" 不是应用 ID');
    const two = await cli("invite.ts", ["123456789012345678", "1"]);
    expect(two.code).toBe(2);
  });
});

describe("report", () => {
  let db: string;
  beforeAll(async () => {
    db = join(work, "state.sqlite");
    await seedStore(db, 60, Date.now(), 7);
  });

  it("speaks Chinese like /report, while --json keeps English keys", async () => {
    const text = await cli("report.ts", ["--db", db, "--since", "30d"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^提问统计：/);
    expect(text.stdout).toContain("提问 60，已回答");
    const json = await cli("report.ts", ["--db", db, "--json"]);
    expect(Object.keys(JSON.parse(json.stdout))).toContain("uncoveredZones");
  });

  it("--png FILE writes the chart /report attaches, and never overwrites a file", async () => {
    const png = join(work, "chart.png");
    const r = await cli("report.ts", ["--db", db, "--png", png]);
    expect(r.code).toBe(0);
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    // 800×400, as Discord shows it.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 400]);
    const again = await cli("report.ts", ["--db", db, "--png", png]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("已存在，不会覆盖");
    expect((await readFile(png)).equals(bytes)).toBe(true);
  });

  it("a missing store is one Chinese line, exit 1, and is not created", async () => {
    const missing = join(work, "none.sqlite");
    const r = await cli("report.ts", ["--db", missing, "--png", join(work, "x.png")]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("没有状态库");
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(work, "x.png"))).toBe(false);
  });
});
