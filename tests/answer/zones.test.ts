import { describe, expect, it } from "vitest";
import { dateKey } from "../../src/answer/date-key.js";
import { newestHeadlines, zoneDetail } from "../../src/answer/zones.js";
import type { ArticleSummary, Passage } from "../../src/index/types.js";

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
      { id: "a", title: "a", date: "2023-07-03" },
      { id: "b", title: "b" },
      { id: "c", title: "c", date: "2023年8月21日" },
      { id: "d", title: "d", date: "2023-07-03" },
      { id: "e", title: "e", date: "2023-08" },
    ];
    expect(newestHeadlines(articles, new Map(), 10).map((h) => h.title)).toEqual(["c", "e", "a", "d", "b"]);
    expect(newestHeadlines(articles)).toEqual([
      { title: "c", headline: "c", date: "2023年8月21日" },
      { title: "e", headline: "e", date: "2023-08" },
      { title: "a", headline: "a", date: "2023-07-03" },
    ]);
  });

  it("shows each article under the headline it is given, the title's own where it is given none", () => {
    const shown = newestHeadlines(
      [
        { id: "a", title: "某报记者 张三通讯员 李四", date: "2023-08-13" },
        { id: "b", title: "园区举办招聘会极目新闻记者", date: "2023-08-10" },
      ],
      new Map([["a", "园区禁毒大队打掉一处涉毒窝点"]]),
    );
    expect(shown.map((h) => h.headline)).toEqual(["园区禁毒大队打掉一处涉毒窝点", "园区举办招聘会"]);
  });
});

describe("newestHeadlines, reprints", () => {
  it("shows a headline once when a copy of the story ran under it again", () => {
    const shown = newestHeadlines([
      { id: "a", title: "垒知上海科创园项目现场仍灯火通明", date: "2023-08-08" },
      { id: "b", title: "垒知上海科创园项目现场仍灯火通明", date: "2023-08-09" },
      { id: "c", title: "福然德5G智慧工厂", date: "2023-08-02" },
    ]);
    expect(shown).toEqual([
      {
        title: "垒知上海科创园项目现场仍灯火通明",
        headline: "垒知上海科创园项目现场仍灯火通明",
        date: "2023-08-09",
      },
      { title: "福然德5G智慧工厂", headline: "福然德5G智慧工厂", date: "2023-08-02" },
    ]);
  });
});

describe("zoneDetail", () => {
  const story =
    "园区新建的科创园项目总用地面积四十五亩，建筑面积达十万平方米以上。项目计划于明年年底前竣工，届时将引进一百家科技企业入驻。";
  const article = (id: string, date: string, text: string): [ArticleSummary, Passage] => [
    {
      id,
      title: id,
      byline: null,
      mainZone: "宝山高新区",
      zones: ["宝山高新区"],
      source: "x",
      date,
      passageIds: [`${id}#0`],
    },
    { id: `${id}#0`, articleId: id, ordinal: 0, title: id, text } as unknown as Passage,
  ];
  const rows = [
    article("first", "2023-08-08", `晚上八点，项目现场仍灯火通明。${story}`),
    article("copy", "2023-08-09", `记者从宝山获悉此事。${story}`),
    article("other", "2023-08-02", "福然德股份有限公司成立于2004年，是宝山高新区北部区域一家钢材加工企业。"),
  ];
  const passages = new Map(rows.map(([, p]) => [p.id, p]));

  it("lists each story once, newest copy first, with how many copies it merged", () => {
    const d = zoneDetail(
      "宝山高新区",
      rows.map(([a]) => a),
      (id) => passages.get(id),
    );
    expect(d.articles.map((a) => [a.id, a.copies])).toEqual([
      ["copy", 1],
      ["other", undefined],
    ]);
  });

  it("keeps two stories sharing one long sentence apart (a stock phrase, not a copy), newest first", () => {
    const one = article(
      "one",
      "2023-08-08",
      `${story.split("。")[0]}。另一件事发生了，细节各不相同的报道内容。`,
    );
    const two = article("two", "2023-08-09", `${story.split("。")[0]}。完全不同的第二句话写的是另一件事情。`);
    const map = new Map([one, two].map(([, p]) => [p.id, p]));
    const d = zoneDetail("宝山高新区", [one[0], two[0]], (id) => map.get(id));
    expect(d.articles.map((a) => a.id)).toEqual(["two", "one"]);
  });
});
