import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TermCounts } from "../../src/index/postgres/bm25.js";

describe("TermCounts", () => {
  it("gives every term's count as a Map would, and 0 for terms it does not hold", () => {
    // Chinese words, bigrams, and characters outside the BMP (surrogate pairs sort by code unit).
    const term = fc.oneof(
      fc.string({
        unit: fc.constantFrom("高", "新", "区", "珠", "海", "a", "𠀀", "\uffff", "b:"),
        maxLength: 4,
      }),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(term, fc.integer({ min: 1, max: 1e6 })), { selector: ([t]) => t }),
        fc.array(term),
        (entries, others) => {
          const counts = TermCounts.of(entries);
          const map = new Map(entries);
          expect(counts.size).toBe(map.size);
          for (const t of [...map.keys(), ...others]) {
            expect(counts.get(t), t).toBe(map.get(t) ?? 0);
            expect(counts.has(t)).toBe(map.has(t));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
