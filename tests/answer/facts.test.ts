import { describe, expect, it } from "vitest";
import { askedPlaceKind, factsIn, namingPlaceOf, quotedNames } from "../../src/answer/facts.js";
import { questionShape } from "../../src/answer/question.js";

describe("factsIn", () => {
  it("gives an age question the ages a clause states, not its other numbers", () => {
    expect(factsIn("他带领12名队员出征，时年28岁", questionShape("他出征时几岁"), null)).toEqual(["28岁"]);
  });

  it("gives a how-long question the lengths of time a clause states, not its dates", () => {
    expect(factsIn("工程于2024年3月1日开工，工期两周", questionShape("工程要持续多久"), null)).toEqual([
      "两周",
    ]);
  });

  it("gives a how-many-days question days spent in `日` (`用时9日`), not a date's day", () => {
    const shape = questionShape("鉴定用了几天出结果");
    expect(factsIn("鉴定所仅用时9日即出具意见书", shape, null)).toEqual(["9日"]);
    expect(factsIn("并于8月9日宣判", shape, null)).toEqual([]);
  });
});

describe("quotedNames", () => {
  it("finds the names a sentence quotes or titles", () => {
    expect(quotedNames("要求其下载名为“浦发银贷”的app")).toEqual(["“浦发银贷”"]);
    expect(quotedNames("观看了警示教育片《剑指顽疾，砸局破圈》")).toEqual(["《剑指顽疾，砸局破圈》"]);
    expect(quotedNames("该仿冒app显示提款失败")).toEqual([]);
    // Asked a kind's name, only a name standing by that word.
    expect(
      quotedNames("开展“追光逐梦”青年交友活动，设计了“歌手猜猜猜”“听歌识曲”等音乐互动游戏", "游戏"),
    ).toEqual(["“歌手猜猜猜”", "“听歌识曲”"]);
    expect(quotedNames("开展“追光逐梦·只等你来”仲夏音乐会青年交友活动", "游戏")).toEqual([]);
  });
});

describe("namingPlaceOf", () => {
  it("finds a school named as a university, college or middle school, not a university student", () => {
    const kind = askedPlaceKind("税收志愿者是哪个学校的");
    expect(kind).toBe("学校");
    const naming = namingPlaceOf(kind ?? "");
    expect(naming.test("5名来自西安财经大学的大学生税收志愿者")).toBe(true);
    expect(naming.test("嘉兴学院的学生")).toBe(true);
    expect(naming.test("嘉兴市实验中学")).toBe(true);
    expect(naming.test("身着红马甲的大学生税收志愿者")).toBe(false);
    expect(naming.test("该学校的老师")).toBe(false);
    // Other kinds are named by their own word.
    expect(namingPlaceOf("社区").test("锦江社区")).toBe(true);
    expect(namingPlaceOf("社区").test("锦江大学")).toBe(false);
  });

  it("reads a police station asked for, named by its place, not by a verb of going", () => {
    expect(askedPlaceKind("龙先生在哪个派出所报的警")).toBe("派出所");
    expect(askedPlaceKind("哪个村民捐的")).toBeNull();
    const naming = namingPlaceOf("派出所");
    expect(naming.test("重庆高新区微电园派出所近日接到报警")).toBe(true);
    expect(naming.test("龙先生来到派出所报警")).toBe(false);
    expect(naming.test("他前往派出所")).toBe(false);
  });

  it("reads a crossing asked for, named by its streets (`腾飞大街与范阳路交叉口`)", () => {
    expect(askedPlaceKind("免费面摊在哪个路口")).toBe("路口");
    const naming = namingPlaceOf("路口");
    expect(naming.test("在涿州市腾飞大街与范阳路交叉口附近")).toBe(true);
    expect(naming.test("他们来到路口")).toBe(false);
  });
});
