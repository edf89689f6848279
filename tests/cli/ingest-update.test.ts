import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT, workdir } from "../helpers/cli.js";

/** `npm run ingest` on a corpus that changes: updates, not rebuilds, and `--watch` picking up a dropped file. */

let dir: string;
const corpus = () => join(dir, "data/corpus");
const xian = (id: string, n: number) =>
  `${JSON.stringify({ id, title: "西安高新区项目开工", text: `西安高新区${n}个项目集中开工。` })}\n`;

beforeAll(async () => {
  dir = await workdir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("ingest", () => {
  it("updates in place when articles are added, says so, and --full rebuilds", async () => {
    expect((await cli("ingest.ts", [], dir)).stdout).toContain("full rebuild");
    const same = await cli("ingest.ts", [], dir);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("corpus unchanged");

    await writeFile(join(corpus(), "news.jsonl"), xian("x1", 7));
    const added = await cli("ingest.ts", [], dir);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/incremental: \+1 ~0 −0 篇 articles, 1 个段落已嵌入 passages embedded/);
    expect(await readdir(join(dir, "embeddings"))).toContain("seg-1");

    const full = await cli("ingest.ts", ["--full"], dir);
    expect(full.stdout).toContain("full rebuild");
    expect(await readdir(join(dir, "embeddings"))).not.toContain("seg-1");
    const asked = await cli("ask.ts", ["--json", "西安高新区多少个项目集中开工"], dir);
    expect(JSON.parse(asked.stdout).citations[0]?.articleId).toBe("x1");
  });

  it("--watch picks up a file dropped into the corpus folder, then stops on SIGTERM", async () => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli/ingest.ts"), "--watch"], {
      cwd: dir,
      env: { ...process.env, INGEST_INTERVAL: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (pattern.test(out)) resolve();
        };
        child.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          check();
        });
        check();
      });
    try {
      await seen(/已索引/);
      await writeFile(join(corpus(), "more.jsonl"), xian("x2", 9));
      await seen(/incremental: \+1 ~0 −0/);
    } finally {
      child.kill("SIGTERM");
      await once(child, "close");
    }
    const asked = await cli("ask.ts", ["--json", "西安高新区9个项目集中开工"], dir);
    expect(JSON.parse(asked.stdout).citations.map((c: { articleId: string }) => c.articleId)).toContain("x2");
  }, 60_000);
});
