import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { corpusFiles, loadCorpus, sidecarPath } from "../../src/corpus/load.js";
import { corpusChanged } from "../../src/index/manifest.js";
import { scratchDir } from "../helpers/scratch.js";

const second = await readFile("tests/fixtures/second-page.txt", "utf8");
let dir: string;
beforeEach(async () => {
  dir = await scratchDir("gaoxin-meta-");
  await mkdir(dir, { recursive: true });
});

describe("a page's metadata file (<page>.meta.json)", () => {
  it("dates every article of the page, and is not read as news itself", async () => {
    const page = join(dir, "p.txt");
    await writeFile(page, second);
    await writeFile(sidecarPath(page), JSON.stringify({ date: "2020-06", note: "how it was established" }));
    const c = await loadCorpus([dir]);
    expect(c.problems).toEqual([]);
    expect(c.articles.length).toBeGreaterThan(1);
    for (const a of c.articles) expect(a.date).toBe("2020-06");
    expect(c.files.map((f) => f.path)).toEqual([page, sidecarPath(page)]);
  });

  it("the default corpus page is dated 2020-06", async () => {
    const c = await loadCorpus(["data/corpus"]);
    expect(new Set(c.articles.map((a) => a.date))).toEqual(new Set(["2020-06"]));
  });

  it("reports a malformed date or JSON by the file's path, and still reads the page", async () => {
    const page = join(dir, "p.txt");
    await writeFile(page, second);
    await writeFile(sidecarPath(page), JSON.stringify({ date: "June 2020" }));
    const c = await loadCorpus([dir]);
    expect(c.problems).toEqual([
      { path: sidecarPath(page), message: "date must be YYYY, YYYY-MM or YYYY-MM-DD" },
    ]);
    expect(c.articles.length).toBeGreaterThan(1);
    expect(c.articles.every((a) => a.date === undefined)).toBe(true);
    await writeFile(sidecarPath(page), "{oops");
    expect((await loadCorpus([dir])).problems).toEqual([
      { path: sidecarPath(page), message: "not valid JSON" },
    ]);
  });

  it("is part of what the index was built from: changing it counts as a corpus change", async () => {
    const page = join(dir, "p.txt");
    await writeFile(page, second);
    await writeFile(sidecarPath(page), JSON.stringify({ date: "2020-06" }));
    const built = await loadCorpus([dir]);
    const manifest = { corpus: { inputs: [dir], files: built.files } } as Parameters<typeof corpusChanged>[0];
    expect(corpusChanged(manifest, await corpusFiles([dir]))).toBe(false);
    await writeFile(sidecarPath(page), JSON.stringify({ date: "2020-07" }));
    expect(corpusChanged(manifest, await corpusFiles([dir]))).toBe(true);
  });
});
