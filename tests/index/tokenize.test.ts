import { describe, expect, it } from "vitest";
import { createTokenizer, normalizeText } from "../../src/index/tokenize.js";

describe("normalizeText", () => {
  it("folds full-width latin and digits, Traditional characters and case", () => {
    expect(normalizeText("珠海高新區ＧＤＰ增長１２％")).toBe("珠海高新区gdp增长12%");
  });
});

describe("createTokenizer", () => {
  const zones = createTokenizer({ userWords: ["珠海高新区", "重庆高新区"] });

  it("keeps given zone names whole and still emits their parts", () => {
    const words = zones.words("珠海高新区工业投资增速");
    expect(words).toContain("珠海高新区");
    expect(words).toContain("珠海");
    expect(words).toContain("高新区");
    expect(words).toEqual(expect.arrayContaining(["工业", "投资", "增速"]));
  });

  it("drops punctuation, whitespace, stopwords and question words", () => {
    const words = zones.words("珠海高新区的工业投资增速是多少？ 有哪些企业呢！");
    for (const w of ["的", "是", "多少", "？", " ", "有", "哪些", "呢", "！"]) expect(words).not.toContain(w);
    expect(words).toContain("企业");
  });

  it("tokenises Traditional input like Simplified", () => {
    expect(zones.words("珠海高新區工業投資增速")).toEqual(zones.words("珠海高新区工业投资增速"));
    expect(zones.terms("重慶高新區引進人才")).toEqual(zones.terms("重庆高新区引进人才"));
  });

  it("keeps a decimal percentage as one token", () => {
    expect(zones.words("增速达40.7%")).toContain("40.7%");
  });

  it("adds bigrams of CJK runs, broken at stopwords", () => {
    const terms = zones.terms("增速是多少");
    expect(terms).toContain("b:增速");
    expect(terms.filter((t) => t.startsWith("b:"))).toEqual(["b:增速"]);
    expect(zones.terms("工业投资")).toEqual(
      expect.arrayContaining(["工业", "投资", "b:工业", "b:业投", "b:投资"]),
    );
  });

  it("gives nothing usable for a query of question words and punctuation", () => {
    expect(zones.terms("是多少？？")).toEqual([]);
    expect(zones.words("")).toEqual([]);
  });

  it("segments the same whichever tokenizer was created first", () => {
    const plain = createTokenizer();
    const again = createTokenizer({ userWords: ["重庆高新区", "珠海高新区", "珠海高新区"] });
    expect(plain.words("珠海高新区")).not.toContain("珠海高新区");
    expect(again.userWords).toEqual(zones.userWords);
    expect(again.words("珠海高新区工业")).toEqual(zones.words("珠海高新区工业"));
  });

  it("normalises user words (Traditional, full width) before adding them", () => {
    const t = createTokenizer({ userWords: ["蘇州工業園區", ""] });
    expect(t.userWords).toEqual(["苏州工业园区"]);
    expect(t.words("苏州工业园区")).toContain("苏州工业园区");
  });

  it("uses precise-mode words for dense features, so compounds count once", () => {
    const f = zones.denseFeatures("珠海高新区工业投资");
    expect(f.filter((x) => !x.startsWith("b:"))).toEqual(["珠海高新区", "工业", "投资"]);
  });
});
