import { describe, expect, it } from "vitest";
import { bestF1, charF1, exactMatch, holdsGold, scoredChars } from "../../src/cli/eval-short.js";

describe("character-level F1, as CMRC 2018's script scores", () => {
  it("scores a prediction equal to the gold answer 1 and one sharing nothing 0", () => {
    expect(charF1("40.7%", "40.7%")).toBe(1);
    expect(charF1("刘怀信", "叶伟")).toBe(0);
  });

  it("counts the longest common substring: extra characters cost precision, missing ones recall", () => {
    // `增速达40.7%` holds `40.7%` (5 of its 8 characters): precision 5/8, recall 1.
    expect(charF1("增速达40.7%", "40.7%")).toBeCloseTo((2 * (5 / 8)) / (5 / 8 + 1), 10);
    // `足球` is 2 of the 5 characters of `足球运动员`: precision 1, recall 2/5.
    expect(charF1("足球", "足球运动员")).toBeCloseTo((2 * 0.4) / 1.4, 10);
  });

  it("drops punctuation and spaces but keeps the percent sign and a number's separators, and folds full-width forms", () => {
    expect(scoredChars("「战史演武」& 40.7％，1,161。")).toEqual([..."战史演武40.7%1,161"]);
    expect(charF1("《图雅的婚事》", "图雅的婚事")).toBe(1);
  });

  it("takes the best gold answer, and no prediction scores 0", () => {
    expect(bestF1("238万", ["238万元", "238万"])).toBe(1);
    expect(bestF1(null, ["238万元"])).toBe(0);
  });
});

describe("exact match and holding a gold answer", () => {
  it("matches exactly once cleaned up, and holds when the prediction contains a gold answer whole", () => {
    expect(exactMatch("“勋位”", ["勋位"])).toBe(true);
    expect(exactMatch("勋位制度", ["勋位"])).toBe(false);
    expect(holdsGold("巴西足球运动员", ["足球运动员"])).toBe(true);
    expect(holdsGold("足球", ["足球运动员"])).toBe(false);
    expect(holdsGold(null, ["足球运动员"])).toBe(false);
  });
});
