import { describe, expect, it } from "vitest";
import { questionShape } from "../../src/answer/question.js";
import { respectiveAnswer } from "../../src/answer/respectively.js";
import { shortAnswer } from "../../src/answer/short.js";
import { normalizeText } from "../../src/index/tokenize.js";

// Sentences written for these tests in the way news reports statistics.
const GROWTH = "今年前三季度，园区营业收入、利税和出口额分别增长12.5%、8.3%和20.1%，均高于全市平均水平。";
const TWO_LISTS =
  "一季度，园区工业产值和固定资产投资按可比价计分别增长10.2%和6.4%，按现价计分别增长12.0%和7.9%。";
const PREDICATE_AFTER = "甲公司和乙公司的研发投入今年分别达到3.2亿元和1.5亿元。";
const LIST_BEFORE = "去年，东区、西区两个片区招商成效明显，分别新增企业320家和180家。";

const value = (sentence: string, question: string) =>
  respectiveAnswer(sentence, question, normalizeText)?.value ?? null;

describe("a 分别 list pairs things with amounts", () => {
  it("gives the amount at the place of the thing the question names", () => {
    expect(value(GROWTH, "园区营业收入增长了多少")).toBe("12.5%");
    expect(value(GROWTH, "利税涨了多少")).toBe("8.3%");
    expect(value(GROWTH, "出口额增长多少")).toBe("20.1%");
  });

  it("reads the first thing by its end and the last by its start", () => {
    // `甲公司和乙公司的研发投入今年`: the last thing carries the predicate after it.
    expect(value(PREDICATE_AFTER, "乙公司的研发投入是多少")).toBe("1.5亿元");
    expect(value(PREDICATE_AFTER, "甲公司研发投入多少")).toBe("3.2亿元");
  });

  it("of two lists, takes the one whose own words the question says, else the first", () => {
    expect(value(TWO_LISTS, "固定资产投资按现价计增长多少")).toBe("7.9%");
    expect(value(TWO_LISTS, "工业产值按现价计增长了多少")).toBe("12.0%");
    expect(value(TWO_LISTS, "固定资产投资增长多少")).toBe("6.4%");
  });

  it("finds the things in a clause before the amounts, and spans from there", () => {
    const r = respectiveAnswer(LIST_BEFORE, "西区新增了多少家企业", normalizeText);
    expect(r?.value).toBe("180家");
    expect(r?.span).toBe("东区、西区两个片区招商成效明显，分别新增企业320家和180家");
    expect(LIST_BEFORE.slice(r?.valueAt ?? 0).startsWith("180家")).toBe(true);
  });

  it("gives nothing when things and amounts do not pair up or no one thing is named", () => {
    // The unit stands on the last amount only: no amount alone is a verbatim answer.
    expect(value("三个项目的投资分别为3、5和7亿元。", "第二个项目投资多少")).toBeNull();
    // Two things, three amounts.
    expect(value("东区和西区分别新增企业320家、180家和90家。", "西区新增企业多少家")).toBeNull();
    // The question names none of the things.
    expect(value(GROWTH, "园区增长了多少")).toBeNull();
    expect(value("园区营业收入增长12.5%。", "营业收入增长了多少")).toBeNull();
  });

  it("is the short answer of a how-much question", () => {
    const q = normalizeText("利税增长了多少");
    expect(shortAnswer(q, questionShape(q), GROWTH, normalizeText)).toEqual({
      text: "8.3%",
      qualifier: "今年前三季度",
    });
  });
});
