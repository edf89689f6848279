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
    const alphabet = fc.constantFrom(..."高新区增速达40.7%。！？；!?;”）」 \n，abc".split(""));
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

describe("charLength", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(charLength("高新区")).toBe(3);
    expect(charLength("𠀀a")).toBe(2);
  });
});
