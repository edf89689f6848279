import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliInProcess as cli, ROOT, workdir } from "../helpers/cli.js";

/**
 * `npm run ingest` on a corpus that changes: updates, not rebuilds, and `--watch` picking up a dropped
 * file. The single runs are in this process (cliInProcess); `--watch`, stopped by a signal, in its own.
 */

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

  it("a plain ingest keeps what an earlier --input added; leaving a folder out says so; a folder given twice is read once", async () => {
    const own = await workdir();
    try {
      const mine = join(own, "my-articles");
      await mkdir(mine);
      await writeFile(join(mine, "xian.jsonl"), xian("x1", 7));
      const both = await cli(
        "ingest.ts",
        ["--input", "data/corpus", "--input", mine, "--input", `${mine}/`],
        own,
      );
      expect(both.code, both.stderr).toBe(0);
      expect(both.stdout).toContain("indexed 7 articles");
      const manifest = JSON.parse(await readFile(join(own, "embeddings/manifest.json"), "utf8"));
      expect(manifest.corpus.inputs).toEqual(["data/corpus", mine]);
      // A plain ingest reads the stored list, not CORPUS_DIR alone: nothing changed, nothing dropped.
      const plain = await cli("ingest.ts", [], own);
      expect(plain.code, plain.stderr).toBe(0);
      expect(plain.stdout).toContain("corpus unchanged");
      expect(plain.stderr).not.toContain("no longer indexed");
      const asked = await cli("ask.ts", ["--json", "西安高新区多少个项目集中开工"], own);
      expect(JSON.parse(asked.stdout).citations[0]?.articleId).toBe("x1");
      // Naming only the page: the other folder's articles go, and the run says so in one line.
      const one = await cli("ingest.ts", ["--input", "./data/corpus/"], own);
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout).toContain("indexed 6 articles");
      expect(one.stderr.split("\n").filter((l) => l.includes("no longer indexed"))).toEqual([
        expect.stringContaining(mine),
      ]);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  }, 120_000);

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
