import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../src/index/bm25.js";

// avgdl = (2 + 3 + 1) / 3 = 2; N = 3.
const DOCS = [["a", "b"], ["a", "a", "c"], ["c"]];
const idfA = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5)); // df 2
const idfB = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5)); // df 1

describe("Bm25Index", () => {
  const index = Bm25Index.build(DOCS, { k1: 1.2, b: 0.75 });

  it("scores a one-term query exactly (k1 1.2, b 0.75)", () => {
    const hits = index.search(["a"], 10);
    // d1: tf 2, dl 3 → 2·2.2 / (2 + 1.2·(0.25 + 0.75·1.5)); d0: tf 1, dl 2 → 2.2 / (1 + 1.2).
    expect(hits.map((h) => h.doc)).toEqual([1, 0]);
    expect(hits[0]?.score).toBeCloseTo((idfA * 4.4) / 3.65, 12);
    expect(hits[1]?.score).toBeCloseTo(idfA, 12);
  });

  it("sums over query terms and counts a repeated query term once", () => {
    const hits = index.search(["a", "b", "b"], 10);
    expect(hits[0]).toEqual({ doc: 0, score: expect.closeTo(idfA + idfB, 12) });
    expect(index.search(["b"], 10)).toEqual([{ doc: 0, score: expect.closeTo(idfB, 12) }]);
  });

  it("returns nothing for unknown terms, empty queries or k ≤ 0, and cuts at k", () => {
    expect(index.search(["zzz"], 5)).toEqual([]);
    expect(index.search([], 5)).toEqual([]);
    expect(index.search(["a"], 0)).toEqual([]);
    expect(index.search(["a", "c"], 1)).toHaveLength(1);
  });

  it("breaks ties by document number", () => {
    const tie = Bm25Index.build([["x"], ["x"], ["x"]]);
    expect(tie.search(["x"], 3).map((h) => h.doc)).toEqual([0, 1, 2]);
  });

  it("keeps idf positive for a term in every document", () => {
    expect(Bm25Index.build([["x"], ["x"]]).idf("x")).toBeGreaterThan(0);
  });

  it("round-trips through JSON with identical scores", () => {
    const json = JSON.parse(JSON.stringify(index.toJSON()));
    expect(json.terms).toEqual(["a", "b", "c"]);
    const back = Bm25Index.fromJSON(json);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.value.size).toBe(3);
      expect(back.value.search(["a", "c"], 10)).toEqual(index.search(["a", "c"], 10));
    }
  });

  it("rejects JSON whose arrays do not fit together", () => {
    const json = index.toJSON();
    expect(Bm25Index.fromJSON({ ...json, terms: ["a"] }).ok).toBe(false);
    expect(Bm25Index.fromJSON({ ...json, format: "other" }).ok).toBe(false);
    expect(Bm25Index.fromJSON({ ...json, lengths: "" }).ok).toBe(false);
    expect(Bm25Index.fromJSON(null).ok).toBe(false);
  });

  it("builds an empty index that finds nothing", () => {
    const empty = Bm25Index.build([]);
    expect(empty.size).toBe(0);
    expect(empty.search(["a"], 5)).toEqual([]);
    expect(Bm25Index.fromJSON(JSON.parse(JSON.stringify(empty.toJSON()))).ok).toBe(true);
  });

  it("handles many documents (growing its buffers)", () => {
    const many = Array.from({ length: 3000 }, (_, i) => [`t${i % 7}`, `u${i}`, "common"]);
    const big = Bm25Index.build(many);
    expect(big.search(["u2999"], 1)).toEqual([{ doc: 2999, score: expect.any(Number) }]);
    expect(big.search(["t3"], 1000)).toHaveLength(Math.ceil((3000 - 3) / 7));
  });
});

describe("Bm25Index files (bm25.json + bm25.bin)", () => {
  const index = Bm25Index.build(DOCS, { k1: 1.2, b: 0.75 });
  const filesOf = (index: Bm25Index) => ({
    meta: JSON.parse([...index.metaChunks()].join("")),
    bin: Buffer.concat(index.postingsChunks()),
  });

  it("round-trip with identical scores, also with a vocabulary longer than one piece", () => {
    const docs = Array.from({ length: 30_000 }, (_, i) => [`t${i}`, `t${i % 7}`, "common"]);
    const big = Bm25Index.build(docs);
    const { meta, bin } = filesOf(big);
    expect(meta.terms).toHaveLength(30_001);
    // At an odd offset, as a file's bytes may be: copied into aligned arrays.
    const shifted = Buffer.concat([Buffer.from([0]), bin]).subarray(1);
    const back = Bm25Index.fromFiles(meta, shifted);
    expect(back.ok && back.value.search(["t3", "common"], 20)).toEqual(big.search(["t3", "common"], 20));
    const small = Bm25Index.fromFiles(filesOf(index).meta, filesOf(index).bin);
    expect(small.ok && small.value.search(["a", "c"], 10)).toEqual(index.search(["a", "c"], 10));
  });

  it("refuses a truncated or mismatched pair", () => {
    const { meta, bin } = filesOf(index);
    expect(Bm25Index.fromFiles(meta, bin.subarray(0, bin.length - 2))).toMatchObject({
      ok: false,
      error: expect.stringContaining("does not match"),
    });
    expect(Bm25Index.fromFiles({ ...meta, terms: ["a"] }, bin).ok).toBe(false);
    expect(Bm25Index.fromFiles({ ...meta, format: "bm25-csr-v1" }, bin).ok).toBe(false);
    expect(Bm25Index.fromFiles(null, bin).ok).toBe(false);
  });
});
