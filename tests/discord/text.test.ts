import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeAndTruncate, escapeKeepingMarkers, escapeMarkdown, truncate } from "../../src/discord/text.js";

const hasLoneSurrogate = (s: string) => /\p{Cs}/u.test(s);

describe("truncate", () => {
  it("leaves text within the limit untouched", () => {
    expect(truncate("工业投资增速达40.7%。", 100)).toBe("工业投资增速达40.7%。");
  });

  it("cuts at a sentence end when that keeps at least half the room, adding …", () => {
    const text = "第一句话比较长一些。第二句也不短的内容在这里继续写";
    expect(truncate(text, 15)).toBe("第一句话比较长一些。…");
  });

  it("cuts between characters when no sentence end is near", () => {
    expect(truncate("一二三四五六七八九十", 5)).toBe("一二三四…");
  });

  it("never splits a surrogate pair (emoji are two UTF-16 units)", () => {
    const out = truncate("😀😀😀😀😀", 4);
    expect(out).toBe("😀…");
    expect(hasLoneSurrogate(out)).toBe(false);
  });

  it("keeps any string within the limit and whole code points", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 0, max: 400 }),
        (s, max) => {
          const out = truncate(s, max);
          expect(out.length).toBeLessThanOrEqual(max);
          if (!hasLoneSurrogate(s)) expect(hasLoneSurrogate(out)).toBe(false);
          if (s.length <= max) expect(out).toBe(s);
          else if (max >= 2) expect(out.endsWith("…")).toBe(true);
        },
      ),
    );
  });
});

describe("escapeMarkdown", () => {
  it("escapes emphasis, code, spoilers, masked links and mention syntax", () => {
    expect(escapeMarkdown("**粗体** _斜_ `code` ||剧透|| [链接](http://x) <@123>")).toBe(
      "\\*\\*粗体\\*\\* \\_斜\\_ \\`code\\` \\|\\|剧透\\|\\| \\[链接\\](http://x) \\<@123>",
    );
  });

  it("escapes headings, quotes and lists at the start of a line", () => {
    expect(escapeMarkdown("# 标题\n> 引用\n- 列表\n1. 第一")).toBe("\\# 标题\n\\> 引用\n\\- 列表\n1\\. 第一");
  });

  it("keeps [n] citation markers readable", () => {
    expect(escapeKeepingMarkers("增速达40.7%[1]，*注意*[2]")).toBe("增速达40.7%[1]，\\*注意\\*[2]");
  });
});

describe("escapeAndTruncate", () => {
  it("fits the escaped text in the limit for any input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("*", "_", "\\", "字", "😀", "`", "a", "\n", "#"), maxLength: 500 }),
        fc.integer({ min: 0, max: 300 }),
        (s, max) => {
          const out = escapeAndTruncate(s, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(hasLoneSurrogate(out)).toBe(false);
        },
      ),
    );
  });
});
