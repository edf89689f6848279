import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/corpus/sentences.js";
import { cleanText, endsSentence, joinLines, lineWidth } from "../../src/corpus/text.js";

describe("cleanText", () => {
  it.each([
    ["5 万辆", "5万辆"],
    ["积 极 组 织", "积极组织"],
    ["2019 年 4 月", "2019年4月"],
    ["开工 67个", "开工67个"],
    ["此 外 ，珠 海 高 新 区", "此外，珠海高新区"],
    ["山推 5G 智能工厂", "山推5G智能工厂"],
    ["设立 1 亿 元“ 稳 企 复 产 ”专 项", "设立1亿元“稳企复产”专项"],
    ["增速达 40 .7 %。", "增速达40.7%。"],
  ])("removes the stray spaces in %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it("keeps the space between two Latin words or numbers", () => {
    expect(cleanText("Hello World")).toBe("Hello World");
    expect(cleanText("iPhone 12 Pro 发布")).toBe("iPhone 12 Pro发布");
  });

  it("keeps Chinese full-width punctuation as printed", () => {
    const s = "据统计，1-4月：增速（含地价款）达40.7%；“稳企”！？、";
    expect(cleanText(s)).toBe(s);
  });

  it("maps full-width digits, letters and percent signs to ASCII", () => {
    expect(cleanText("增长１８．５％，ＧＤＰ")).toBe("增长18.5%，GDP");
  });

  it("maps Kangxi radicals from PDF extraction to ordinary ideographs", () => {
    expect(cleanText("\u2F42化")).toBe("文化");
  });

  it("strips zero-width and control characters and odd spaces", () => {
    expect(cleanText("高\u200B新\uFEFF区\u0007　建设\u00A0 项目\t")).toBe("高新区建设项目");
  });

  it("turns an ASCII comma between Chinese characters into a full-width one", () => {
    expect(cleanText("六大执行落实体系,用好督查")).toBe("六大执行落实体系，用好督查");
    expect(cleanText("1,000 units")).toBe("1,000 units");
  });
});

describe("joinLines", () => {
  it("joins Chinese lines without spaces and Latin words with one", () => {
    expect(joinLines(["对建设济宁高", "新区国家生物"])).toBe("对建设济宁高新区国家生物");
    expect(joinLines(["Hello", "World"])).toBe("Hello World");
    expect(joinLines(["完成外贸进出口额 4109", "万美元"])).toBe("完成外贸进出口额 4109万美元");
    expect(joinLines(["  山推 ", "", " 5G 智能"])).toBe("山推5G 智能");
  });
});

describe("sentence helpers", () => {
  it("recognises sentence ends, also inside closing quotes", () => {
    expect(endsSentence("做到“物资足”。")).toBe(true);
    expect(endsSentence("增加了360人。”")).toBe(true);
    expect(endsSentence("全面落实“要素跟着项目走”")).toBe(false);
    expect(endsSentence("目前，整个二期项目已经竣工。其中，")).toBe(false);
  });

  it("splits sentences on 。！？ (not ；) and keeps closing quotes with them", () => {
    expect(splitSentences("甲。乙！“丙？”丁；戊")).toEqual(["甲。", "乙！", "“丙？”", "丁；戊"]);
  });

  it("measures Chinese characters as one and ASCII as half, ignoring spaces", () => {
    expect(lineWidth("开工 67个")).toBe(4);
  });
});
