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
const hits = (...ps: Passage[]): Hit[] => ps.map((p, i) => ({ passage: p, score: 1 / (i + 1) }));

describe("fuseRankings", () => {
  it("ranks a passage both searches agree on above one only a single search found", () => {
    const a = passage("a#0");
    const b = passage("b#0");
    const c = passage("c#0");
    const fused = fuseRankings(hits(a, b), hits(c, b), []);
    expect(fused[0]?.passage.id).toBe("b#0");
    expect(fused).toHaveLength(3);
  });

  it("lifts a passage about the zone the question names", () => {
    const other = passage("o#0", ["济宁高新区"]);
    const zh = passage("z#0", ["珠海高新区"]);
    const plain = fuseRankings(hits(other, zh), hits(other, zh), []);
    expect(plain[0]?.passage.id).toBe("o#0");
    const boosted = fuseRankings(hits(other, zh), hits(other, zh), ["珠海高新区"], {
      k: 60,
      dense: 1,
      lexical: 1,
      zoneBoost: 1,
      depth: 50,
    });
    expect(boosted[0]?.passage.id).toBe("z#0");
  });

  it("is empty when both rankings are", () => {
    expect(fuseRankings([], [], ["珠海高新区"])).toEqual([]);
  });
});
