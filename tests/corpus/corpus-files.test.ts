import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusFiles, loadCorpus } from "../../src/corpus/load.js";

describe("corpusFiles", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("lists the same files and hashes as loadCorpus, bad ones included, without parsing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "corpus-files-"));
    dirs.push(dir);
    await writeFile(join(dir, "b.jsonl"), '{"id":"x","title":"t","text":"珠海高新区。"}\n{bad\n');
    await writeFile(join(dir, "a.md"), "# 标题\n\n正文。\n");
    await writeFile(join(dir, "empty.txt"), "");
    await writeFile(join(dir, "README.md"), "not news");
    const inputs = [dir, "data/corpus", join(dir, "a.md"), join(dir, "missing.txt")];
    const loaded = await loadCorpus(inputs);
    expect(await corpusFiles(inputs)).toEqual(loaded.files);
    expect(loaded.files.map((f) => f.path)).toContain(join(dir, "empty.txt"));
  });
});
