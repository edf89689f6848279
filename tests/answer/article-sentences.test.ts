import { describe, expect, it } from "vitest";
import { passageSentences } from "../../src/answer/article-text.js";
import { isFurnitureSentence } from "../../src/corpus/feeds/boilerplate.js";
import type { Passage } from "../../src/index/types.js";

const passage = (ordinal: number, text: string): Passage => ({
  id: `a#${ordinal}`,
  articleId: "a",
  ordinal,
  text,
  title: "首批7款智能网联汽车在重庆高新区试跑",
  section: null,
  mainZone: "重庆高新区",
  zones: ["重庆高新区"],
  byline: null,
  source: "test",
});

describe("passageSentences", () => {
  it("reads an article's sentences in order, without a news site's furniture (`相关阅读：…广告声明：…`)", () => {
    const sentences = passageSentences([
      passage(
        1,
        "该示范区一期工程将于8月底完成建设。相关阅读：《两部门联合印发指南》广告声明：文内含有的对外跳转链接（包括不限于超链接），结果仅供参考。",
      ),
      passage(0, "首批7款智能网联汽车在重庆高新区试跑。车辆全部接入了云控平台。"),
    ]).map((s) => s.sentence);
    expect(sentences).toEqual([
      "首批7款智能网联汽车在重庆高新区试跑。",
      "车辆全部接入了云控平台。",
      "该示范区一期工程将于8月底完成建设。",
    ]);
  });

  it("reads a sentence of the article as news, however it mentions an advertisement", () => {
    expect(isFurnitureSentence("园区今年发布广告声明规范，约束企业宣传。")).toBe(false);
    expect(isFurnitureSentence("广告声明：文内含有的对外跳转链接，用于传递更多信息。")).toBe(true);
  });
});
