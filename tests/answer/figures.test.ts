import { beforeAll, describe, expect, it } from "vitest";
import { sentenceFigures, zoneFigures } from "../../src/answer/figures.js";
import type { EmbeddedIndex } from "../../src/index/load.js";
import { openPageService } from "../helpers/page-index.js";

const ZH = ["珠海高新区"];

describe("sentenceFigures", () => {
  it("takes the subject beside the number, and the topic of the clause before for a bare measure word", () => {
    expect(sentenceFigures("据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。", ZH)).toEqual(
      [{ measure: "工业投资增速", value: "40.7%", period: "1-4月" }],
    );
    expect(sentenceFigures("目前，珠海高新区复工复产企业达3240家，复工率94%。", ZH)).toEqual([
      { measure: "复工复产企业", value: "3240家", period: "目前" },
      { measure: "复工率", value: "94%", period: "目前" },
    ]);
  });

  it("keeps an approximate value's qualifier and the count's object after a bare verb", () => {
    expect(sentenceFigures("该联盟共有高新技术企业近1200家。", [])[0]?.value).toBe("近1200家");
    expect(sentenceFigures("珠海高新区配备了31名企业复工复产联络专员。", ZH)[0]?.measure).toBe(
      "配备企业复工复产联络专员",
    );
  });

  it("finds no figure in durations, dates, product names or members of a list", () => {
    expect(sentenceFigures("6月8日，第一条生产线正式投产。", [])).toEqual([]);
    expect(sentenceFigures("“5G”控制舱正在远程遥控一台推土机。", [])).toEqual([]);
    expect(sentenceFigures("联合璧山高新区、永川高新区等10家高新区发起成立。", [])).toEqual([]);
    expect(sentenceFigures("项目将在3年内建成。", [])).toEqual([]);
  });
});

describe("zoneFigures on the page", () => {
  let index: EmbeddedIndex;
  beforeAll(async () => {
    ({ index } = await openPageService());
  });

  it("puts the figure the headline states first and keeps 珠海's 复工率, each cited to the passage holding it", () => {
    const figures = zoneFigures("珠海高新区", index.articles, index.passageById);
    const first = figures[0];
    const headline = index.articles.find((a) => a.id === first?.articleId)?.title ?? "";
    expect(headline).toContain(first?.value ?? "?");
    expect(first?.value).toBe("40.7%");
    const rate = figures.find((f) => f.measure === "复工率");
    expect(rate?.value).toBe("94%");
    for (const f of figures) {
      expect(index.passageById(f.passageId)?.text).toContain(f.quote);
      expect(f.quote).toContain(f.value.replace(/^[近约逾超]+|^不超过/, ""));
    }
    expect(figures.map((f) => f.n)).toEqual(figures.map((_, i) => i + 1));
  });

  it("lists no figure of a zone that is only named in a list", () => {
    expect(zoneFigures("永川高新区", index.articles, index.passageById)).toEqual([]);
  });
});
