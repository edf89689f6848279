import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HnswWorker } from "../../src/index/hnsw-worker.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-hnsw-worker-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Deterministic pseudo-random vectors. */
function vectors(n: number, dim: number): number[][] {
  let x = 12345;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32 - 0.5;
  };
  return Array.from({ length: n }, () => Array.from({ length: dim }, next));
}

const params = { dimensions: 16, maxElements: 600, m: 8, efConstruction: 50, randomSeed: 100 };

describe("HnswWorker", () => {
  it("builds, on its thread, the very graph that inserting on the main thread builds", async () => {
    const vs = vectors(600, 16);
    const here = new hnswlib.HierarchicalNSW("cosine", 16);
    here.initIndex({ maxElements: 600, m: 8, efConstruction: 50, randomSeed: 100 });
    vs.forEach((v, i) => {
      here.addPoint(v, i);
    });
    await here.writeIndex(join(dir, "main.index"));

    const progress: number[] = [];
    const worker = new HnswWorker(params, (done) => progress.push(done));
    for (let start = 0; start < vs.length; start += 256)
      await worker.add(vs.slice(start, start + 256), start);
    await worker.write(join(dir, "worker.index"));

    expect(await readFile(join(dir, "worker.index"))).toEqual(await readFile(join(dir, "main.index")));
    expect(progress.at(-1)).toBe(600);
  });

  it("halted (for a process about to exit), inserts nothing more and answers from between two insertions", async () => {
    const n = 4000;
    let inserted = 0;
    let halted: Promise<void> | undefined;
    const worker: HnswWorker = new HnswWorker(
      { dimensions: 64, maxElements: n, m: 16, efConstruction: 200, randomSeed: 100 },
      (done) => {
        inserted = done;
        if (done >= 200) halted ??= worker.halt();
      },
    );
    const vs = vectors(n, 64);
    for (let start = 0; start < n; start += 100) await worker.add(vs.slice(start, start + 100), start);
    while (halted === undefined) await new Promise((r) => setTimeout(r, 5));
    await halted;
    const atHalt = inserted;
    // Messages from the thread keep their order: all it inserted before the halt was reported first.
    await worker.halt();
    expect(inserted).toBe(atHalt);
    expect(inserted).toBeLessThan(n);
    await worker.stop();
  });

  it("reports an insertion hnswlib refuses (past maxElements) when the graph is written", async () => {
    const worker = new HnswWorker({ ...params, maxElements: 2 });
    await worker.add(vectors(3, 16), 0);
    await expect(worker.write(join(dir, "full.index"))).rejects.toThrow(/hnswlib/);
  });
});
