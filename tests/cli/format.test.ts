import { describe, expect, it } from "vitest";
import { answerJson, formatAnswer } from "../../src/cli/format.js";
import { zhuhaiShortAnswer } from "../discord/fake-service.js";

const answer = zhuhaiShortAnswer;

describe("the short answer on the command line", () => {
  it("is the first line, the fact in bold with its period, above the answer sentence and the sources", () => {
    const lines = formatAnswer(answer).split("\n");
    expect(lines[0]).toBe("**40.7%**（1-4月）");
    expect(lines[1]).toBe(answer.answer);
    expect(lines[3]).toBe("来源：");
    expect(formatAnswer({ ...answer, short: { text: "刘怀信", qualifier: null } }).split("\n")[0]).toBe(
      "**刘怀信**",
    );
    expect(formatAnswer({ ...answer, short: null }).split("\n")[0]).toBe(answer.answer);
  });

  it("is always in the JSON object, null when none, every other field as before", () => {
    expect(answerJson(answer).short).toEqual({ text: "40.7%", qualifier: "1-4月" });
    const { short: _, ...rest } = answer;
    const json = answerJson(rest);
    expect(json.short).toBeNull();
    expect(Object.keys(JSON.parse(JSON.stringify(json)))).toEqual([
      "question",
      "answer",
      "short",
      "abstained",
      "mode",
      "citations",
    ]);
    expect(json).toMatchObject(rest);
  });
});

describe("sources on the command line", () => {
  it("quote each passage in 「」, so a quotation's own marks are not doubled", () => {
    const said = "“通过这个监测系统，现场扬尘情况一目了然。”";
    const quoting = { ...answer, citations: answer.citations.map((c) => ({ ...c, quote: said })) };
    expect(formatAnswer(quoting).split("\n")).toContain(`    「${said}」`);
  });

  it("show a news feed's headline without the source name glued to its end; --json keeps the title as stored", () => {
    const title = "全球50多位企业家成光谷产业合伙人湖北日报讯";
    const glued = { ...answer, citations: answer.citations.map((c) => ({ ...c, title })) };
    expect(formatAnswer(glued)).toContain("[1] 《全球50多位企业家成光谷产业合伙人》");
    expect(answerJson(glued).citations[0]?.title).toBe(title);
  });
});
