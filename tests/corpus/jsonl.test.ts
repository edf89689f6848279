import { describe, expect, it } from "vitest";
import { parseJsonl } from "../../src/corpus/jsonl.js";

const line = (o: unknown) => JSON.stringify(o);

describe("parseJsonl", () => {
  it("reads one article a line with ids unchanged and source as publisher", () => {
    const text = [
      line({
        id: "news/2020-06-01#7",
        title: "杭州高新区数字经济逆势上扬",
        text: "今年一季度，杭州高新区数字经济核心产业营收增长 23.5%。\n\n区内重点企业订单饱满，\n产能利用率持续回升。",
        date: "2020-06-01",
        url: "https://example.com/7",
        source: "中国高新技术产业导报",
      }),
      line({ id: "b", title: "武汉东湖高新区光谷科创大走廊建设提速", text: "总投资达1280亿元。" }),
    ].join("\n");
    const { articles, problems } = parseJsonl(text, "x.jsonl");
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(["news/2020-06-01#7", "b"]);
    expect(articles[0]).toMatchObject({
      title: "杭州高新区数字经济逆势上扬",
      byline: null,
      mainZone: "杭州高新区",
      source: "x.jsonl",
      date: "2020-06-01",
      url: "https://example.com/7",
      publisher: "中国高新技术产业导报",
      paragraphs: [
        { section: null, text: "今年一季度，杭州高新区数字经济核心产业营收增长23.5%。" },
        { section: null, text: "区内重点企业订单饱满，产能利用率持续回升。" },
      ],
    });
    expect(articles[1]?.publisher).toBeUndefined();
  });

  it("gives an article naming no zone in full the zone its bare `高新区` means", () => {
    const text = line({
      id: "as",
      title: "辽宁鞍山：转移危险地区人员17859人",
      text: "截至8月13日6时，鞍山市各县（市）区共转移危险地区人员17859人，其中海城市转移2110人，高新区转移9人。",
    });
    expect(parseJsonl(text, "x.jsonl").articles[0]).toMatchObject({
      mainZone: "鞍山高新区",
      zones: ["鞍山高新区"],
    });
  });

  it("reports malformed and incomplete lines by line number and still reads the rest", () => {
    const text = [
      line({ id: "a", title: "甲", text: "第一条。" }),
      '{"id": "broken", "title": ',
      "",
      line({ id: "c", text: "没有标题。" }),
      line({ id: "d", title: "丁", text: "第四条。" }),
      line(["not", "an", "object"]),
    ].join("\n");
    const { articles, problems } = parseJsonl(text, "bad.jsonl");
    expect(articles.map((a) => a.id)).toEqual(["a", "d"]);
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ["bad.jsonl", 2],
      ["bad.jsonl", 4],
      ["bad.jsonl", 6],
    ]);
    expect(problems[0]?.message).toMatch(/^malformed JSON/);
    expect(problems[1]?.message).toContain('missing "title"');
  });

  it("reports a repeated id on the later line and keeps the first", () => {
    const text = [
      line({ id: "same", title: "第一篇", text: "一。" }),
      line({ id: "same", title: "第二篇", text: "二。" }),
    ].join("\r\n");
    const { articles, problems } = parseJsonl(text, "dup.jsonl");
    expect(articles.map((a) => a.title)).toEqual(["第一篇"]);
    expect(problems).toEqual([expect.objectContaining({ path: "dup.jsonl", line: 2 })]);
    expect(problems[0]?.message).toContain("duplicate id");
  });

  it("rejects empty title or text", () => {
    const { articles, problems } = parseJsonl(line({ id: "e", title: " ", text: "" }), "e.jsonl");
    expect(articles).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/"title".*"text"/);
  });
});
