import { describe, expect, it } from "vitest";
import { fuseRankings } from "../../src/answer/retrieve.js";
import type { Hit, Passage } from "../../src/index/types.js";

const passage = (id: string, zones: string[] = []): Passage => ({
  id,
  articleId: id.split("#")[0] ?? id,
  ordinal: 0,
  text: id,
  title: id,
  section: null,
  mainZone: zones[0] ?? null,
  zones,
  byline: null,
  source: "x",
});
const hits = (...ps: [Passage, number][]): Hit[] => ps.map(([passage, score]) => ({ passage, score }));

describe("fuseRankings", () => {
  it("ranks a passage both searches found above one only a single search found", () => {
    const a = passage("a#0");
    const b = passage("b#0");
    const c = passage("c#0");
    const fused = fuseRankings(hits([a, 1], [b, 0.9]), hits([c, 10], [b, 9.5]), []);
    expect(fused.map((h) => h.passage.id)).toEqual(["b#0", "c#0", "a#0"]);
  });

  it("weighs BM25 by the query's best BM25 score, so its scale does not matter", () => {
    const a = passage("a#0");
    const b = passage("b#0");
    const small = fuseRankings(hits([b, 0.5]), hits([a, 2], [b, 1]), []);
    const large = fuseRankings(hits([b, 0.5]), hits([a, 200], [b, 100]), []);
    expect(small.map((h) => h.score)).toEqual(large.map((h) => h.score));
  });

  it("lifts a passage about the zone the question names", () => {
    const other = passage("o#0", ["济宁高新区"]);
    const zh = passage("z#0", ["珠海高新区"]);
    const plain = fuseRankings(hits([other, 0.5], [zh, 0.45]), hits([other, 10], [zh, 9]), []);
    expect(plain[0]?.passage.id).toBe("o#0");
    const boosted = fuseRankings(hits([other, 0.5], [zh, 0.45]), hits([other, 10], [zh, 9]), ["珠海高新区"]);
    expect(boosted[0]?.passage.id).toBe("z#0");
  });

  it("is empty when both rankings are", () => {
    expect(fuseRankings([], [], ["珠海高新区"])).toEqual([]);
  });
});
