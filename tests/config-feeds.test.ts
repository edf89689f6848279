import { describe, expect, it } from "vitest";
import { loadBaseConfig } from "../src/config.js";

describe("FEEDS", () => {
  it("is a comma-separated list of http(s) URLs, none when unset or blank", () => {
    expect(loadBaseConfig({}).feeds).toEqual([]);
    expect(loadBaseConfig({ FEEDS: "  " }).feeds).toEqual([]);
    expect(
      loadBaseConfig({ FEEDS: "https://a.example.cn/rss.xml, http://127.0.0.1:8080/feed.json," }).feeds,
    ).toEqual(["https://a.example.cn/rss.xml", "http://127.0.0.1:8080/feed.json"]);
  });

  it("refuses anything else in one line naming the variable and the item, never its value", () => {
    for (const bad of ["ftp://a.example.cn/rss", "https://ok.cn/a, not a url"]) {
      let message = "";
      try {
        loadBaseConfig({ FEEDS: bad });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^FEEDS must be comma-separated http\(s\) URLs \(item \d is not one\)$/);
    }
  });
});
