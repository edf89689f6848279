import { describe, expect, it } from "vitest";
import { findDates, findDurations, findNumbers, hasYear, unitMatches } from "../../src/answer/evidence.js";

describe("findNumbers", () => {
  it("reads a level in Roman numerals, as printed and as normalised, and no letters elsewhere", () => {
    expect(findNumbers("启动全市防汛Ⅳ级应急响应").map((n) => [n.text, n.unit])).toEqual([["Ⅳ级", "级"]]);
    expect(findNumbers("将应急响应从II级提升至I级").map((n) => [n.text, n.unit])).toEqual([
      ["II级", "级"],
      ["I级", "级"],
    ]);
    // Normalised text is lowercased: `Ⅳ级` reads `iv级` there.
    expect(findNumbers("启动全市防汛iv级应急响应").map((n) => [n.text, n.unit])).toEqual([["iv级", "级"]]);
    expect(findNumbers("IVF技术和VIP服务")).toEqual([]);
  });

  it("keeps the unit with the number", () => {
    const got = findNumbers("总投资达166亿元，增速达40.7%，新增就业3400人，建成4万个充电桩").map(
      (n) => n.text,
    );
    expect(got).toEqual(["166亿元", "40.7%", "3400人", "4万个"]);
    // Measure words of goods and cases, not only of companies and people.
    expect(findNumbers("查获假酒416瓶，通报4起案例，发放12箱物资").map((n) => n.text)).toEqual([
      "416瓶",
      "4起",
      "12箱",
    ]);
  });

  it("reads Chinese numerals with a unit but not a lone numeral", () => {
    expect(findNumbers("三个产业链，一批项目").map((n) => n.text)).toEqual(["三个"]);
    expect(findNumbers("统一领导")).toEqual([]);
    // `一个` is an article; `一百五十个` a count.
    expect(findNumbers("一个园区有一百五十个项目").map((n) => n.text)).toEqual(["一百五十个"]);
  });
});

describe("findDurations", () => {
  it("reads lengths of time in digits and in Chinese numerals, halves included", () => {
    expect(findDurations("工期两周，试运行3个月左右，质保半年，单程约2.5小时")).toEqual([
      "两周",
      "3个月左右",
      "半年",
      "2.5小时",
    ]);
  });

  it("does not take a date, a month, an anniversary or a decade for a length of time", () => {
    expect(findDurations("项目于2024年5月20日开工，迎来建厂50周年，始于1960年代")).toEqual([]);
    expect(findDurations("并于8月9日宣判")).toEqual([]);
  });

  it("reads days after a word of spending time (`用时9日`) and working days as lengths of time", () => {
    expect(findDurations("鉴定所仅用时9日即出具意见书，5个工作日内办结")).toEqual(["9日", "5个工作日"]);
  });
});

describe("unitMatches", () => {
  it("takes any unit of length for a length asked", () => {
    expect(unitMatches("公里", "米")).toBe(true);
    expect(unitMatches("毫米", "米")).toBe(true);
    expect(unitMatches("个", "米")).toBe(false);
  });

  it("matches the unit a question expects", () => {
    expect(unitMatches("%", "%")).toBe(true);
    expect(unitMatches("亿元", "元")).toBe(true);
    expect(unitMatches("万个", "个")).toBe(true);
    expect(unitMatches("人", "个")).toBe(false);
    expect(unitMatches("", null)).toBe(false);
    expect(unitMatches("个月", "时长")).toBe(true);
    expect(unitMatches("人", "时长")).toBe(false);
  });
});

describe("findDates", () => {
  it("finds years, months and relative dates", () => {
    expect(findDates("2019年4月，研发测试平台项目已竣工，6月通过GMP认证").map((d) => d.text)).toEqual([
      "2019年4月",
      "6月",
    ]);
    expect(findDates("推动远山氮化镓6月份达到量产").map((d) => d.text)).toEqual(["6月份"]);
  });
});

describe("hasYear", () => {
  it.each(["2019年4月", "光绪三十三年", "1960年代起", "19世纪", "去年年底", "公元前221年"])(
    "%s names a year",
    (t) => {
      expect(hasYear(t)).toBe(true);
    },
  );
  it.each(["9月2日，项目开工", "6月份达到量产", "一年级学生", "上半年"])("%s does not", (t) => {
    expect(hasYear(t)).toBe(false);
  });
});
