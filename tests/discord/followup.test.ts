import { describe, expect, it } from "vitest";
import { type ChainMessage, conversationBefore, questionText } from "../../src/discord/followup.js";

const BOT = "999";

/** Builds a reply chain, oldest first: each message replies to the one before it. */
function chain(...messages: [authorId: string, content: string][]): ChainMessage {
  let prev: ChainMessage | null = null;
  for (const [authorId, content] of messages) {
    const parent: ChainMessage | null = prev;
    prev = { authorId, content, parent: async () => parent };
  }
  if (prev === null) throw new Error("empty chain");
  return prev;
}

describe("conversationBefore", () => {
  it("is null for a message that does not reply to the bot", async () => {
    expect(await conversationBefore(chain(["1", "你好"]), BOT)).toBeNull();
    expect(await conversationBefore(chain(["2", "珠海呢"], ["1", "那重庆呢"]), BOT)).toBeNull();
  });

  it("reads the turns of a mention conversation back, oldest first", async () => {
    const msg = chain(
      ["1", `<@${BOT}> 重庆高新区签约了多少项目`],
      [BOT, "今年已签约项目56个[1]。"],
      ["1", "总投资呢？"],
      [BOT, "总投资超过800亿元[1]。"],
      ["1", "人才呢？"],
    );
    expect(await conversationBefore(msg, BOT)).toEqual([
      { question: "重庆高新区签约了多少项目", answer: "今年已签约项目56个[1]。" },
      { question: "总投资呢？", answer: "总投资超过800亿元[1]。" },
    ]);
  });

  it("keeps the last turns only", async () => {
    const msg = chain(
      ["1", "问一"],
      [BOT, "答一"],
      ["1", "问二"],
      [BOT, "答二"],
      ["1", "问三"],
      [BOT, "答三"],
      ["1", "问四"],
    );
    expect((await conversationBefore(msg, BOT, { maxTurns: 2 }))?.map((t) => t.question)).toEqual([
      "问二",
      "问三",
    ]);
  });

  it("takes the question of a slash-command answer from its echoed line, unescaping markdown", async () => {
    const msg = chain(
      [BOT, "**问：**珠海高新区\\*工业投资\\*增速多少\n增速达40.7%[1]。"],
      ["1", "比去年高吗？"],
    );
    expect(await conversationBefore(msg, BOT)).toEqual([
      { question: "珠海高新区*工业投资*增速多少", answer: "增速达40.7%[1]。" },
    ]);
  });

  it("stops where the chain cannot be read further", async () => {
    const msg = chain([BOT, "增速达40.7%[1]。"], ["1", "然后呢"]);
    expect(await conversationBefore(msg, BOT)).toEqual([]);
  });
});

describe("questionText", () => {
  it("takes mentions out and folds spaces", () => {
    expect(questionText(`<@!${BOT}>  珠海  高新区 <@123>`)).toBe("珠海 高新区");
  });
});
