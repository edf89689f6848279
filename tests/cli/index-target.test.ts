import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cliInProcess as cli, workdir } from "../helpers/cli.js";

/**
 * `--index DIR` never touches a folder that is not an index of ours: the CLI refuses, names the
 * folder, and every file in it is left byte for byte; odd paths get one readable line, no stack.
 * The commands run in this process (cliInProcess): what they print, exit with and leave on disk.
 */

/** Every file under `dir` with the sha256 of its bytes and its mode, sorted: a folder's fingerprint. */
async function fingerprint(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        out.push(`${relative(dir, p)}/`);
        await walk(p);
      } else {
        const hash = createHash("sha256")
          .update(await readFile(p))
          .digest("hex");
        out.push(`${relative(dir, p)} ${hash} ${(await stat(p)).mode}`);
      }
    }
  }
  await walk(dir);
  return out.sort();
}

/** A folder of a user's own files: notes, a sub-folder, a PWA-style manifest.json of another shape. */
async function userFolder(parent: string, name: string): Promise<string> {
  const dir = join(parent, name);
  await mkdir(join(dir, "drafts"), { recursive: true });
  await writeFile(join(dir, "notes.txt"), "我的笔记：珠海高新区\n");
  await writeFile(join(dir, "drafts", "a.md"), "# 草稿\n");
  await writeFile(join(dir, "manifest.json"), '{"name":"my app","icons":[]}\n');
  return dir;
}

/** No JavaScript stack frame in what a command printed. */
function noStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at /);
}

let work: string;
beforeAll(async () => {
  work = await workdir();
});

describe("--index pointed at a folder of user files", () => {
  for (const [script, args] of [
    ["ask.ts", ["珠海高新区工业投资增速多少"]],
    ["ingest.ts", []],
    ["zones.ts", []],
  ] as const) {
    it(`${script} refuses, names the folder, and leaves every file byte-identical`, async () => {
      const dir = await userFolder(work, `user-${script}`);
      const before = await fingerprint(dir);
      const r = await cli(script, ["--index", dir, ...args], work);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(dir);
      expect(r.stderr).toContain("不是本工具建立的索引文件夹");
      expect(r.stderr).toContain("notes.txt");
      expect(r.stdout).not.toContain("40.7%");
      noStack(r.stderr);
      expect(await fingerprint(dir)).toEqual(before);
      // Nothing was left beside it either (no temporary build directory).
      expect((await readdir(work)).filter((n) => n.startsWith(`user-${script}.`))).toEqual([]);
    });
  }

  it("eval --contexts refuses the same way", async () => {
    const dir = await userFolder(work, "user-eval");
    const before = await fingerprint(dir);
    const contexts = join(work, "ctx.jsonl");
    await writeFile(
      contexts,
      `${JSON.stringify({ context_id: "c1", title: "t", text: "珠海高新区增长5%。" })}\n`,
    );
    const questions = join(work, "q.jsonl");
    await writeFile(questions, `${JSON.stringify({ id: "q1", question: "增长多少", answers: ["5%"] })}\n`);
    const r = await cli("eval.ts", ["--questions", questions, "--contexts", contexts, "--index", dir], work);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("不是本工具建立的索引文件夹");
    noStack(r.stderr);
    expect(await fingerprint(dir)).toEqual(before);
  });
});

describe("--index pointed at a path that cannot hold an index", () => {
  it("/proc/… : one line, exit 1", async () => {
    const r = await cli("ask.ts", ["--index", "/proc/gaoxin-nope", "珠海高新区工业投资增速多少"], work);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("无法在 /proc/gaoxin-nope 建立索引");
    noStack(r.stderr);
  });

  it("a file: one line naming it, and the file is unchanged", async () => {
    const file = join(work, "a-file.txt");
    await writeFile(file, "不要动我\n");
    const r = await cli("ingest.ts", ["--index", file], work);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("这是一个文件而不是文件夹");
    expect(await readFile(file, "utf8")).toBe("不要动我\n");
  });

  it("a path under a file: one line", async () => {
    const file = join(work, "b-file.txt");
    await writeFile(file, "x");
    const r = await cli("zones.ts", ["--index", join(file, "idx")], work);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    noStack(r.stderr);
  });
});

describe("--index pointed at a folder that may hold an index", () => {
  it("a missing nested folder is created and answered from", async () => {
    const dir = join(work, "new", "nested", "idx");
    const r = await cli("ask.ts", ["--index", dir, "珠海高新区工业投资增速多少"], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("40.7%");
    expect(await readdir(dir)).toContain("manifest.json");
  });

  it("an index of ours is rebuilt in place, keeping a README and a note a user put beside it", async () => {
    const dir = join(work, "ours");
    await mkdir(dir);
    await writeFile(join(dir, "README.md"), "# 索引\n");
    expect((await cli("ingest.ts", ["--index", dir], work)).code).toBe(0);
    await writeFile(join(dir, "note.txt"), "留着\n");
    const r = await cli("ingest.ts", ["--index", dir], work);
    expect(r.code).toBe(0);
    expect(await readFile(join(dir, "README.md"), "utf8")).toBe("# 索引\n");
    expect(await readFile(join(dir, "note.txt"), "utf8")).toBe("留着\n");
    expect((await readdir(work)).filter((n) => n.startsWith("ours."))).toEqual([]);
  });
});

describe("skipped corpus files", () => {
  it("ask that builds the index itself names the files it skipped, unsupported types included", async () => {
    const dir = await workdir();
    await writeFile(join(dir, "data/corpus/report.docx"), "PK\u0003\u0004");
    await writeFile(join(dir, "data/corpus/notes.csv"), "a,b\n");
    const r = await cli("ask.ts", ["珠海高新区工业投资增速多少"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("40.7%");
    expect(r.stderr).toMatch(/report\.docx: unsupported file type "\.docx".*已跳过 skipped/);
    expect(r.stderr).toMatch(/notes\.csv: unsupported file type "\.csv".*已跳过 skipped/);
  });
});
