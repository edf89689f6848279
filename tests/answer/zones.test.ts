import { describe, expect, it } from "vitest";
import { dateKey } from "../../src/answer/date-key.js";
import { newestHeadlines } from "../../src/answer/zones.js";

describe("dateKey", () => {
  it("reads the dates the corpus writes as one sortable key", () => {
    expect(dateKey("2023-07-10")).toBe("2023-07-10");
    expect(dateKey("2023年7月10日")).toBe("2023-07-10");
    expect(dateKey("2023/7/1")).toBe("2023-07-01");
    expect(dateKey("2020-06")).toBe("2020-06-00");
    expect(dateKey("2020")).toBe("2020-00-00");
    expect(dateKey("去年夏天")).toBeNull();
    expect(dateKey(undefined)).toBeNull();
  });
});

describe("newestHeadlines", () => {
  it("gives the newest first, undated last, same dates in corpus order, at most n", () => {
    const articles = [
      { title: "a", date: "2023-07-03" },
      { title: "b" },
      { title: "c", date: "2023年8月21日" },
      { title: "d", date: "2023-07-03" },
      { title: "e", date: "2023-08" },
    ];
    expect(newestHeadlines(articles, 10).map((h) => h.title)).toEqual(["c", "e", "a", "d", "b"]);
    expect(newestHeadlines(articles)).toEqual([
      { title: "c", date: "2023年8月21日" },
      { title: "e", date: "2023-08" },
      { title: "a", date: "2023-07-03" },
    ]);
  });
});
