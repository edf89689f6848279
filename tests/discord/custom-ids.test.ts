import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_CUSTOM_ID,
  parseCustomId,
  sourceButtonId,
  zonePageId,
  zonesPageId,
} from "../../src/discord/custom-ids.js";

describe("custom ids", () => {
  it("round-trip a passage id and a zones page", () => {
    const id = sourceButtonId(3, "000_d463814998410617-5#0");
    expect(id).toBe("src:3:000_d463814998410617-5#0");
    expect(parseCustomId(id ?? "")).toEqual({ kind: "source", passageId: "000_d463814998410617-5#0" });
    expect(parseCustomId(zonesPageId(2, "next"))).toEqual({ kind: "zones", page: 2 });
    expect(parseCustomId(zonePageId("武汉东湖高新区", 3, "prev") ?? "")).toEqual({
      kind: "zone",
      zone: "武汉东湖高新区",
      page: 3,
    });
  });

  it("give no page button id for a zone whose name would pass 100 characters", () => {
    expect(zonePageId("长".repeat(MAX_CUSTOM_ID), 1, "next")).toBeNull();
  });

  it("give no button id when the passage id would pass 100 characters", () => {
    expect(sourceButtonId(1, "长".repeat(MAX_CUSTOM_ID))).toBeNull();
  });

  it("read anything malformed as null", () => {
    for (const bad of ["", "src:", "src:1:", "zones:x:next", "zones:1:up", "other:1", "src:123:x"]) {
      expect(parseCustomId(bad)).toBeNull();
    }
  });

  it("never produce an id over the limit, and parse back what they produce", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.string({ maxLength: 150 }), (n, pid) => {
        const id = sourceButtonId(n, pid);
        if (id === null) return;
        expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
        expect(parseCustomId(id)).toEqual({ kind: "source", passageId: pid });
      }),
    );
  });
});
