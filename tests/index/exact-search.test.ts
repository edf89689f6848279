import hnswlib from "hnswlib-node";
import { describe, expect, it } from "vitest";
import { exactSearch, normalizeAsHnswlib } from "../../src/index/exact-search.js";

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Vectors far from unit length, some sparse, as hashed features and raw API vectors are. */
function vectors(count: number, dimensions: number, next: () => number): number[][] {
  return Array.from({ length: count }, (_, i) => {
    const scale = 0.01 + next() * 40;
    return Array.from({ length: dimensions }, () =>
      i % 3 === 0 && next() < 0.7 ? 0 : (next() - 0.5) * scale,
    );
  });
}

function graph(space: "cosine" | "ip" | "l2", points: number[][]): hnswlib.HierarchicalNSW {
  const g = new hnswlib.HierarchicalNSW(space, points[0]?.length ?? 0);
  g.initIndex({ maxElements: points.length, m: 16, efConstruction: 200, randomSeed: 7 });
  points.forEach((p, label) => {
    g.addPoint(p, label);
  });
  // ef above the count: the graph's search visits every node it can reach, so it finds the true nearest.
  g.setEf(points.length + 50);
  return g;
}

describe("exactSearch", () => {
  for (const space of ["cosine", "ip", "l2"] as const)
    it(`returns the labels and, bit for bit, the distances of the graph's own search (${space})`, () => {
      const next = random(space.length);
      const g = graph(space, vectors(300, 64, next));
      const exact = exactSearch(g, space, () => true);
      for (const query of vectors(60, 64, next)) {
        const theirs = g.searchKnn(query, 10);
        const ours = exact(query, 10);
        expect(ours.neighbors).toEqual(theirs.neighbors);
        ours.distances.forEach((d, i) => {
          expect(Object.is(d, theirs.distances[i])).toBe(true);
        });
      }
    });

  it("leaves out the labels that are not live, as the graph does once they are marked deleted", () => {
    const next = random(11);
    const g = graph("cosine", vectors(200, 32, next));
    const live = (label: number) => label % 3 !== 0;
    const exact = exactSearch(g, "cosine", live);
    for (let label = 0; label < 200; label++) if (!live(label)) g.markDelete(label);
    for (const query of vectors(30, 32, next)) {
      const ours = exact(query, 20);
      expect(ours.neighbors.every(live)).toBe(true);
      expect(ours.neighbors).toEqual(g.searchKnn(query, 20).neighbors);
    }
  });
});

describe("normalizeAsHnswlib", () => {
  it("divides by the norm as single precision does, which double precision does not", () => {
    // Summed in doubles, the norm of this vector rounds to another float than summed in floats.
    const next = random(3);
    const differ = vectors(200, 64, next).filter((v) => {
      const double = Math.fround(Math.sqrt(v.reduce((s, x) => s + Math.fround(x) ** 2, 0)));
      return normalizeAsHnswlib(v).some(
        (x, i) => !Object.is(x, Math.fround(Math.fround(v[i] as number) / double)),
      );
    });
    expect(differ.length).toBeGreaterThan(0);
  });

  it("leaves a zero vector as it is", () => {
    expect(normalizeAsHnswlib([0, 0, 0])).toEqual([0, 0, 0]);
  });
});
