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
