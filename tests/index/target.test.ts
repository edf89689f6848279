import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/index/build.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { IndexFailure } from "../../src/index/manifest.js";
import {
  checkIndexTarget,
  fsReason,
  keepTempDir,
  makeTempDir,
  removeTempDirs,
  trackScratch,
  trackTempDir,
} from "../../src/index/target.js";
import { scratchDir } from "../helpers/scratch.js";
import { corpus as fixtureCorpus } from "./fixtures.js";

let base: string;
beforeEach(async () => {
  base = await scratchDir("gaoxin-target-");
});

describe("checkIndexTarget", () => {
  it("accepts a missing path, an empty folder, and one holding only a README", async () => {
    expect(await checkIndexTarget(join(base, "a", "b"))).toEqual({ ok: true, value: "absent" });
    await mkdir(join(base, "empty"));
    expect(await checkIndexTarget(join(base, "empty"))).toEqual({ ok: true, value: "empty" });
    await mkdir(join(base, "readme"));
    await writeFile(join(base, "readme", "README.md"), "x");
    expect(await checkIndexTarget(join(base, "readme"))).toEqual({ ok: true, value: "empty" });
  });

  it("refuses a folder with a file of someone else's, naming it", async () => {
    await mkdir(join(base, "u"));
    await writeFile(join(base, "u", "notes.txt"), "x");
    const r = await checkIndexTarget(join(base, "u"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("foreign");
      expect(r.error.message).toContain("notes.txt");
    }
  });

  it("refuses a manifest.json of another shape, and takes a damaged one among index files only", async () => {
    await mkdir(join(base, "pwa"));
    await writeFile(join(base, "pwa", "manifest.json"), '{"name":"app"}');
    await writeFile(join(base, "pwa", "index.html"), "<html>");
    expect((await checkIndexTarget(join(base, "pwa"))).ok).toBe(false);
    await mkdir(join(base, "damaged"));
    await writeFile(join(base, "damaged", "manifest.json"), "{not json");
    await writeFile(join(base, "damaged", "bm25.json"), "");
    expect(await checkIndexTarget(join(base, "damaged"))).toEqual({ ok: true, value: "ours" });
  });

  it("calls a file and an impossible path unusable, in one line", async () => {
    await writeFile(join(base, "f"), "x");
    for (const p of [join(base, "f"), join(base, "f", "sub"), "/proc/gaoxin-nope"]) {
      const r = await checkIndexTarget(p);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("unusable");
        expect(r.error.message).not.toContain("\n");
      }
    }
  });

  it("words file-system errors for people, keeping the system's code", () => {
    const e = Object.assign(new Error("EACCES: permission denied, mkdir '/x'"), { code: "EACCES" });
    expect(fsReason(e)).toBe("没有写入权限 (permission denied) [EACCES]");
  });
});

describe("buildIndex at a refused target", () => {
  it("throws IndexFailure and writes nothing, not even beside the folder", async () => {
    await mkdir(join(base, "u"));
    await writeFile(join(base, "u", "notes.txt"), "x");
    await expect(
      buildIndex({
        corpus: fixtureCorpus(),
        embeddings: new LocalEmbeddings(),
        dir: join(base, "u"),
        inputs: [],
      }),
    ).rejects.toBeInstanceOf(IndexFailure);
    expect((await readdir(base)).sort()).toEqual(["u"]);
    expect(await readdir(join(base, "u"))).toEqual(["notes.txt"]);
  });

  it("removes its temporary directory when the build fails", async () => {
    const failing = new LocalEmbeddings();
    failing.embedDocuments = async () => {
      throw new Error("embedding failed");
    };
    await expect(
      buildIndex({ corpus: fixtureCorpus(), embeddings: failing, dir: join(base, "idx"), inputs: [] }),
    ).rejects.toThrow("embedding failed");
    expect(await readdir(base)).toEqual([]);
  });
});

describe("removeTempDirs", () => {
  it("removes every tracked temporary directory (what a signal handler calls)", async () => {
    const tmp = join(base, "idx.tmp-1-2");
    await mkdir(tmp);
    await writeFile(join(tmp, "half"), "x");
    trackTempDir(tmp);
    await removeTempDirs();
    expect(await readdir(base)).toEqual([]);
  });

  it("removes a folder still being made when the stop comes (an empty `….probe-…` folder was left)", async () => {
    // The stop handler runs while the folder's mkdir is in flight (past the turn makeTempDir takes
    // first, where a stop would have halted it): it waits for it, then removes it.
    const made = makeTempDir(join(base, "idx.probe-1-2"));
    await new Promise((r) => setImmediate(r));
    await removeTempDirs();
    expect(await made).toBe(join(base, "idx.probe-1-2"));
    expect(await readdir(base)).toEqual([]);
  });

  it("drops tracked scratch that is not a folder (a bench's schema) and forgets what was kept", async () => {
    const dropped: string[] = [];
    trackScratch("schema a", async () => {
      dropped.push("a");
    });
    trackScratch("schema b", async () => {
      dropped.push("b");
    });
    keepTempDir("schema b");
    await removeTempDirs();
    expect(dropped).toEqual(["a"]);
  });
});
