import { describe, expect, it } from "vitest";
import { checkAnswer, claimsOf, statedNumbers, tidyAnswer } from "../../src/answer/llm/check.js";
import { checkShort, splitShort } from "../../src/answer/llm/short.js";
import type { Passage } from "../../src/index/types.js";

const passage = (id: string, text: string, title = "标题"): Passage => ({
  id,
  articleId: id.split("#")[0] ?? id,
  ordinal: 0,
  text,
  title,
  section: null,
  mainZone: null,
  zones: [],
  byline: null,
  source: "x",
});

const P = [
  passage(
    "a#0",
    "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。",
    "工业投资增40.7% 珠海高新区",
  ),
  passage("b#0", "珠海高新区今年安排重点建设项目120个，年度计划投资300亿元。目前已有98个项目复工。"),
  passage("c#0", "园区对顶尖人才团队给予最高1亿元资助，已引进各类人才1.2万人，其中博士超过600人。"),
];

const problems = (raw: string) => {
  const r = checkAnswer(raw, P);
  return r.ok ? [] : r.error.map((p) => p.code);
};

describe("tidyAnswer", () => {
  it("writes every citation form as [n] and moves markers before the full stop", () => {
    expect(tidyAnswer("增速达40.7%。【1】项目120个［２］。")).toBe("增速达40.7%[1]。项目120个[2]。");
    expect(tidyAnswer("见[1,3]和[1-3]。")).toBe("见[1][3]和[1][2][3]。");
    expect(tidyAnswer("增速达40.7%[1][1]。")).toBe("增速达40.7%[1]。");
  });

  it("drops a reasoning block and a trailing source list", () => {
    expect(tidyAnswer("<think>先想想……</think>\n增速达40.7%[1]。\n\n来源：\n[1] 《工业投资增40.7%》")).toBe(
      "增速达40.7%[1]。",
    );
  });
});

describe("statedNumbers", () => {
  it("reads value with magnitude and unit, folding full-width forms and thousands separators", () => {
    expect(
      statedNumbers("166亿元、４０.７％、1,200人、600余人、3.5万人").map(({ value, unit }) => [value, unit]),
    ).toEqual([
      [166e8, "元"],
      [40.7, "%"],
      [1200, "人"],
      [600, "人"],
      [35000, "人"],
    ]);
  });

  it("reads numbers written in Chinese numerals, and not the words that merely contain one", () => {
    expect(
      statedNumbers("四十九家企业，一百六十六亿元，二〇二〇年，两个项目").map(({ value, unit }) => [
        value,
        unit,
      ]),
    ).toEqual([
      [49, "家"],
      [166e8, "元"],
      [2020, "年"],
      [2, "个"],
    ]);
    expect(statedNumbers("这十分重要，千万不要一度放松")).toEqual([]);
  });
});

describe("claimsOf", () => {
  it("gives a sentence without a marker the sources of the next cited sentence", () => {
    expect(claimsOf("园区计划投资300亿元。其中项目120个[2]。")).toEqual([
      { text: "园区计划投资300亿元。", refs: [2] },
      { text: "其中项目120个[2]。", refs: [2] },
    ]);
  });

  it("checks the clauses of a sentence joined by `；` each against its own source", () => {
    expect(claimsOf("工业投资增速达40.7%[1]；计划投资300亿[2]。")).toEqual([
      { text: "工业投资增速达40.7%[1]；", refs: [1] },
      { text: "计划投资300亿[2]。", refs: [2] },
    ]);
    // Sources swapped between the clauses: read as one sentence citing [1] and [2], both numbers
    // would be found; clause by clause, neither is in the passage its clause cites.
    expect(problems("工业投资增速达40.7%[2]；计划投资300亿[1]。")).toHaveLength(2);
  });
});

describe("checkAnswer", () => {
  it("passes numbers stated as in the cited passage, unit left out or spelled out", () => {
    const r = checkAnswer("工业投资增速达40.7%[1]，年度计划投资300亿[2]。引进人才1.2万人[3]。", P);
    expect(r.ok && r.value.cited).toEqual([1, 2, 3]);
    expect(problems("年度计划投资300亿元，项目120个[2]。")).toEqual([]);
    expect(problems("工业投资增速达４０.７％[1]。")).toEqual([]);
  });

  it("checks numbers written in Chinese numerals like those written in digits", () => {
    // Passage 2 says 120个 and 300亿元.
    expect(problems("今年安排重点项目一百二十个，年度计划投资三百亿元[2]。")).toEqual([]);
    expect(problems("今年安排重点项目一百五十个[2]。")).toEqual(["unsupported-number"]);
    expect(problems("已有九十八个项目复工[2]。")).toEqual([]);
    expect(problems("已有九十个项目复工[2]。")).toEqual(["unsupported-number"]);
  });

  it("fails a number that is in another passage than the one cited", () => {
    expect(problems("已引进人才1.2万人[1]。")).toEqual(["unsupported-number"]);
  });

  it("fails a number with another unit: 40.7个百分点 is not 40.7%", () => {
    expect(problems("增速提高40.7个百分点[1]。")).toEqual(["unsupported-number"]);
  });

  it("fails a made-up amount even when other numbers are right", () => {
    const r = checkAnswer("项目120个，总投资166亿元[2]。", P);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error[0]?.message).toContain("166亿元");
  });

  it("fails citations to passages that were not given, and answers citing nothing", () => {
    expect(problems("增速达40.7%[4]。")).toContain("unknown-citation");
    expect(problems("增速达40.7%[0]。")).toContain("unknown-citation");
    expect(problems("增速达40.7%。")).toEqual(["no-citation"]);
  });

  it("fails an empty or over-long answer", () => {
    expect(problems("  ")).toEqual(["empty"]);
    expect(problems("<think>嗯</think>")).toEqual(["empty"]);
    expect(problems(`${"园区发展很快".repeat(300)}[1]。`)).toEqual(["too-long"]);
  });

  it("reads 语料中没有相关信息 without citations as an abstention", () => {
    const r = checkAnswer("语料中没有相关信息。", P);
    expect(r.ok && r.value).toMatchObject({ abstained: true, cited: [] });
  });
});

describe("the model's short line", () => {
  it("is taken out of the reply, its period in brackets read as the qualifier", () => {
    expect(splitShort("简答：40.7%（1-4月）\n增速达40.7%[1]。")).toEqual({
      short: { text: "40.7%", qualifier: "1-4月" },
      rest: "增速达40.7%[1]。",
    });
    // Brackets that are not a period belong to the fact.
    expect(splitShort("**简答：**国际足联（FIFA）[2]\n正文[2]。").short).toEqual({
      text: "国际足联（FIFA）",
      qualifier: null,
    });
    expect(splitShort("简答：无\n语料中没有相关信息。")).toEqual({
      short: null,
      rest: "语料中没有相关信息。",
    });
    expect(splitShort("增速达40.7%[1]。")).toEqual({ short: null, rest: "增速达40.7%[1]。" });
  });

  it("must state only numbers the cited passages state, and be short", () => {
    expect(checkShort({ text: "40.7%", qualifier: "1-4月" }, [1], P)).toEqual([]);
    expect(checkShort({ text: "120个", qualifier: null }, [1], P).map((p) => p.code)).toEqual([
      "unsupported-number",
    ]);
    expect(checkShort({ text: "甲".repeat(41), qualifier: null }, [1], P).map((p) => p.code)).toEqual([
      "too-long",
    ]);
  });
});
