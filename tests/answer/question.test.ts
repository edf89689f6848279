import { describe, expect, it } from "vitest";
import {
  cleanQuestion,
  MAX_QUESTION_CHARS,
  questionShape,
  validateQuestion,
} from "../../src/answer/question.js";

describe("validateQuestion", () => {
  it("refuses an empty or whitespace-only question with a Chinese hint", () => {
    for (const q of ["", "   ", "\u200b\u200d\ufeff", "\u0000\u0007"]) {
      const r = validateQuestion(q);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("empty");
    }
  });

  it("refuses a 6,000-character question and says how long it was", () => {
    const r = validateQuestion("问".repeat(6000));
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.code === "too-long") {
      expect(r.error.length).toBe(6000);
      expect(r.error.message).toContain(String(MAX_QUESTION_CHARS));
    }
  });

  it("strips control, zero-width and bidi characters and mends lone surrogates", () => {
    expect(cleanQuestion("珠海\u200b高新区\u202e工业\u0001投资\n增速\ud800多少")).toBe(
      "珠海高新区工业投资 增速\ufffd多少",
    );
  });

  it("drops Discord mentions, which address people rather than the corpus", () => {
    expect(cleanQuestion("@everyone 珠海高新区<@123>增速<@&45>多少 <#6> @here")).toBe("珠海高新区 增速 多少");
  });

  it("counts length in characters, not UTF-16 units", () => {
    expect(validateQuestion("😀".repeat(MAX_QUESTION_CHARS)).ok).toBe(true);
  });
});

describe("questionShape", () => {
  it.each([
    ["珠海高新区工业投资增速多少", "number", "%"],
    ["济宁高新区今年计划新建项目多少个", "number", "个"],
    ["重庆市高新区协同创新战略联盟由几家高新区发起成立", "number", "家"],
    ["兰州高新区的党组织一共捐了多少钱", "number", "元"],
    ["西安高新区这次开工的新基建项目总投资是多少", "number", "元"],
    ["远山氮化镓计划什么时候达到量产", "date", null],
    ["科创中心是哪一年建成的", "date", "年"],
    ["兰州高新区两新组织党委书记叫什么名字", "person", null],
    ["鲁抗医药高新生物技术产业园位于哪里", "place", null],
    ["该联盟由哪个高新区牵头", "entity", null],
    ["西安高新区北斗产业创新中心项目投资额", "number", "元"],
    ["郴州高新区新增就业人数", "number", null],
    ["该区的营收在全省高新区中排名第几", "number", "第"],
  ])("%s → %s", (q, type, unit) => {
    expect(questionShape(q)).toEqual({ type, unit });
  });
});
