import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charLength, splitSentences } from "../../src/corpus/sentences.js";

describe("splitSentences", () => {
  it("splits on Chinese terminators and keeps them with the sentence", () => {
    expect(splitSentences("今年以来成效明显。增速达40.7%！为什么？原因有三。其一")).toEqual([
      "今年以来成效明显。",
      "增速达40.7%！",
      "为什么？",
      "原因有三。",
      "其一",
    ]);
  });

  it("keeps clauses joined by semicolons in one sentence", () => {
    expect(splitSentences("投资增长40.7%；产值增长12%。下一句; and more")).toEqual([
      "投资增长40.7%；产值增长12%。",
      "下一句; and more",
    ]);
  });

  it("never splits on the decimal point or on spaces", () => {
    expect(splitSentences("增速达 40.7%，开工率 62.9% 。下一句")).toEqual([
      "增速达 40.7%，开工率 62.9% 。",
      "下一句",
    ]);
  });

  it("keeps closing quotes and brackets with the sentence they end", () => {
    expect(splitSentences("他说：“项目为王。”随后离开。（完）")).toEqual([
      "他说：“项目为王。”",
      "随后离开。",
      "（完）",
    ]);
    expect(splitSentences("「好！」『对？』（注：略。）end")).toEqual([
      "「好！」",
      "『对？』",
      "（注：略。）",
      "end",
    ]);
  });

  it("keeps runs of terminators together", () => {
    expect(splitSentences("真的吗？！是的!!好")).toEqual(["真的吗？！", "是的!!", "好"]);
  });

  it("splits on ASCII !? too", () => {
    expect(splitSentences("Growth was 40.7%; strong! Really? Yes")).toEqual([
      "Growth was 40.7%; strong!",
      "Really?",
      "Yes",
    ]);
  });

  it("splits at line breaks and drops blank lines", () => {
    expect(splitSentences("第一行\n\n 第二行。第三句\r\n")).toEqual(["第一行", "第二行。", "第三句"]);
  });

  it("returns nothing for empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\t ")).toEqual([]);
  });

  it("loses nothing but whitespace at piece edges (property)", () => {
    const alphabet = fc.constantFrom(
      ..."高新区增速达40.7%。！？；!?;”）」 \n，abc".split(""),
      // Marks where a headline or a photo's credit runs into the story.
      ...["原标题：", "8月12日，", "近日，", "摄", "供图", "新京报讯"],
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = chars.join("");
        const pieces = splitSentences(text);
        for (const p of pieces) {
          expect(p).toBe(p.trim());
          expect(p.length).toBeGreaterThan(0);
          expect(p).not.toContain("\n");
        }
        expect(pieces.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        // Each piece is a contiguous stretch of the input, in order.
        let from = 0;
        for (const p of pieces) {
          const at = text.indexOf(p, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + p.length;
        }
      }),
    );
  });
});

describe("splitSentences on news that lost its line breaks", () => {
  it("splits a republished story's headline from its first sentence", () => {
    expect(splitSentences("原标题：某区获批为省级高新区8月12日，省政府发布批复。同意设立。")).toEqual([
      "原标题：某区获批为省级高新区",
      "8月12日，省政府发布批复。",
      "同意设立。",
    ]);
    expect(splitSentences("原标题：某法院帮助28名农民工追索工资近日，某法院调解了28起讨薪案件。")).toEqual([
      "原标题：某法院帮助28名农民工追索工资",
      "近日，某法院调解了28起讨薪案件。",
    ]);
    // Where the headline's first words come again, or a dateline starts, the story has begun.
    expect(splitSentences("原标题：某某高新区：破解党员管理难某某高新区面对党员年龄结构大等现象。")).toEqual([
      "原标题：某某高新区：破解党员管理难",
      "某某高新区面对党员年龄结构大等现象。",
    ]);
    expect(
      splitSentences("原标题：某局表态：满足住房需求新京报讯（记者某某）7月30日，某局发布消息。"),
    ).toEqual(["原标题：某局表态：满足住房需求", "新京报讯（记者某某）7月30日，某局发布消息。"]);
    // A headline that ends at its own punctuation was split already; one with no story mark stays whole.
    expect(splitSentences("原标题：小心陌生快递！女子被骗3万多。")).toEqual([
      "原标题：小心陌生快递！",
      "女子被骗3万多。",
    ]);
    expect(splitSentences("原标题：某区举办活动为丰富居民生活某区开展活动。")).toHaveLength(1);
  });

  it("splits a photo's credit from the caption after it", () => {
    expect(splitSentences("官兵在清理道路淤泥。本报记者某某摄8月6日，直升机运送救援物资。")).toEqual([
      "官兵在清理道路淤泥。",
      "本报记者某某摄",
      "8月6日，直升机运送救援物资。",
    ]);
    // `摄` inside words, not before a date, splits nothing.
    expect(splitSentences("记者现场拍摄了视频，摄影师也在。")).toHaveLength(1);
    // A caption's bracketed credit, then the story going on: split after the bracket.
    expect(splitSentences("讲座现场（央广网发某某摄）高新警方结合辖区实际开展宣讲。")).toEqual([
      "讲座现场（央广网发某某摄）",
      "高新警方结合辖区实际开展宣讲。",
    ]);
    expect(splitSentences("图为现场（记者某某摄）。他说（摄于2020年）很好。")).toEqual([
      "图为现场（记者某某摄）。",
      "他说（摄于2020年）很好。",
    ]);
  });
});

describe("charLength", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(charLength("高新区")).toBe(3);
    expect(charLength("𠀀a")).toBe(2);
  });
});
