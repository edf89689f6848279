import { describe, expect, it } from "vitest";
import { questionTopics } from "../../src/answer/topics.js";

const known = new Set(["珠海高新区", "西安高新区"]);
const covered = (z: string) => known.has(z);

describe("questionTopics", () => {
  it("names the zones a question asks about and which of them the corpus lacks", () => {
    expect(questionTopics("深圳高新区和珠海高新区哪个投资多", covered)).toMatchObject({
      zones: ["深圳高新区", "珠海高新区"],
      uncovered: ["深圳高新区"],
    });
  });

  it("gives a question without a zone its main words, sorted, without question words or 高新区", () => {
    const t = questionTopics("高新区的人才政策有哪些？", covered);
    expect(t.zones).toEqual([]);
    expect(t.topic).toBe("人才·政策");
    expect(questionTopics("政策人才有哪些", covered).topic).toBe(t.topic);
  });

  it("reads Traditional Chinese as Simplified", () => {
    expect(questionTopics("珠海高新區的工業投資增速", covered).zones).toEqual(["珠海高新区"]);
  });
});
