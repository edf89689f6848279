import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/corpus/markdown.js";

const MD = `date: 2020-06-12
url: https://example.com/news/1

# 成都高新区 新经济企业突破10万家

本报讯 截至今年5月底，成都高新区新经济企业数量突破 10 万家，
较去年底增长18.2%。

## 场景供给

成都高新区先后推出**应用场景供给清单**，累计发布[城市机会清单](https://example.com)项目480个。

- 与绵阳高新区加强协作。
`;

describe("parseMarkdown", () => {
  it("reads the title, sections, paragraphs and date/url lines", () => {
    const { articles, problems } = parseMarkdown(MD, "corpus/chengdu.md", "chengdu");
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    const a = articles[0];
    expect(a).toMatchObject({
      id: "chengdu",
      title: "成都高新区新经济企业突破10万家",
      source: "corpus/chengdu.md",
      date: "2020-06-12",
      url: "https://example.com/news/1",
      mainZone: "成都高新区",
      zones: ["成都高新区", "绵阳高新区"],
    });
    expect(a?.paragraphs).toEqual([
      { section: null, text: "本报讯截至今年5月底，成都高新区新经济企业数量突破10万家，较去年底增长18.2%。" },
      { section: "场景供给", text: "成都高新区先后推出应用场景供给清单，累计发布城市机会清单项目480个。" },
      { section: "场景供给", text: "与绵阳高新区加强协作。" },
    ]);
  });

  it("reports an empty file instead of throwing", () => {
    expect(parseMarkdown("\n  \n", "empty.md", "empty")).toEqual({
      articles: [],
      problems: [{ path: "empty.md", line: 1, message: "empty file" }],
    });
  });

  it("reports a file without a `# ` title line", () => {
    const r = parseMarkdown("## 小标题\n\n正文。\n", "untitled.md", "untitled");
    expect(r.articles).toEqual([]);
    expect(r.problems).toEqual([{ path: "untitled.md", line: 1, message: "no `# ` title line" }]);
  });

  it("reports a title with no body", () => {
    const r = parseMarkdown("# 只有标题\n", "bare.md", "bare");
    expect(r.articles).toEqual([]);
    expect(r.problems[0]).toMatchObject({ path: "bare.md", message: "title but no body text" });
  });
});

describe("metadata right after the title", () => {
  it("gives the citation its date and stays out of the text", () => {
    const md =
      "# 成都高新区新经济企业突破10万家\ndate: 2024-05-10\nsource: 成都日报\n本报讯 截至今年5月底，成都高新区新经济企业数量突破10万家。\n";
    const { articles, problems } = parseMarkdown(md, "a.md", "a");
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({ date: "2024-05-10", publisher: "成都日报" });
    expect(articles[0]?.paragraphs).toEqual([
      { section: null, text: "本报讯截至今年5月底，成都高新区新经济企业数量突破10万家。" },
    ]);
    expect(JSON.stringify(articles[0]?.paragraphs)).not.toContain("date");
  });

  it("reads it after blank lines and inside a --- block, and lets keys before the title win", () => {
    const blank = parseMarkdown(
      "# 标题\n\nurl: https://example.com/x\nbyline: 记者 张三\n\n正文第一段。\n",
      "b.md",
      "b",
    );
    expect(blank.articles[0]).toMatchObject({ url: "https://example.com/x", byline: "记者 张三" });
    expect(blank.articles[0]?.paragraphs.map((p) => p.text)).toEqual(["正文第一段。"]);
    const fenced = parseMarkdown(
      "date: 2020-01-01\n# 标题\n---\ndate：2024-05-10\n---\n正文。\n",
      "c.md",
      "c",
    );
    expect(fenced.articles[0]?.date).toBe("2020-01-01");
    expect(fenced.articles[0]?.paragraphs.map((p) => p.text)).toEqual(["正文。"]);
  });

  it("leaves body text that only looks like it alone: Chinese keys, and an unclosed --- block", () => {
    const chinese = parseMarkdown("# 标题\n记者：张三\n正文。\n", "d.md", "d");
    expect(chinese.articles[0]?.paragraphs.map((p) => p.text)).toEqual(["记者：张三正文。"]);
    const unclosed = parseMarkdown("# 标题\n---\ndate: 2024-05-10\n", "e.md", "e");
    expect(unclosed.articles[0]?.date).toBeUndefined();
  });
});
