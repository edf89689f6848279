import { beforeAll, describe, expect, it } from "vitest";
import { sentenceFigures, zoneFigures } from "../../src/answer/figures.js";
import type { EmbeddedIndex } from "../../src/index/load.js";
import type { ArticleSummary, Passage } from "../../src/index/types.js";
import { openPageService } from "../helpers/page-index.js";

const ZH = ["珠海高新区"];

describe("sentenceFigures", () => {
  it("takes the subject beside the number, and the topic of the clause before for a bare measure word", () => {
    expect(sentenceFigures("据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。", ZH)).toEqual(
      [{ measure: "工业投资增速", value: "40.7%", period: "1-4月", unit: "%", goal: false }],
    );
    expect(sentenceFigures("目前，珠海高新区复工复产企业达3240家，复工率94%。", ZH)).toMatchObject([
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
    // One source number per passage: figures from one passage share it, so each passage gets one button.
    const passageOf = new Map<number, string>();
    for (const f of figures) {
      expect(passageOf.get(f.n) ?? f.passageId).toBe(f.passageId);
      passageOf.set(f.n, f.passageId);
    }
    expect([...passageOf.keys()].sort()).toEqual([...passageOf.keys()].map((_, i) => i + 1));
    expect(new Set(passageOf.values()).size).toBe(passageOf.size);
  });

  it("labels 济宁's two 开工率 by the projects they belong to, and keeps the plan and the 近期 target out", () => {
    const rows = zoneFigures("济宁高新区", index.articles, index.passageById).map((f) => [
      f.measure,
      f.value,
      f.period,
    ]);
    expect(rows).toContainEqual(["新建项目开工率", "62.9%", "今年"]);
    expect(rows).toContainEqual(["续建项目开工率", "100%", "今年"]);
    expect(rows).toContainEqual(["济宁市智能终端制造产业园总投资", "150亿元", null]);
    expect(rows).toContainEqual(["市场化基金", "1亿元", null]);
    // `计划新建项目91个` is a plan; `重点培育山推突破营收500亿元` a target; `近期` is no time.
    const values = rows.map((r) => r[1]);
    expect(values).not.toContain("91个");
    expect(values).not.toContain("500亿元");
    expect(rows.map((r) => r[2])).not.toContain("近期");
    expect(rows.map((r) => r[0])).not.toContain("开工率");
  });

  it("lists no figure of a zone that is only named in a list", () => {
    expect(zoneFigures("永川高新区", index.articles, index.passageById)).toEqual([]);
  });
});

describe("what counts as a key figure", () => {
  /** The figures of one article about 东湖, made of `sentences`, dated `date`. */
  function figuresOf(
    articles: { id: string; sentences: string[]; date?: string; title?: string; url?: string }[],
  ) {
    const passages = new Map<string, Passage>();
    const summaries: ArticleSummary[] = articles.map((a) => {
      const p: Passage = {
        id: `${a.id}#0`,
        articleId: a.id,
        ordinal: 0,
        text: a.sentences.join(""),
        title: a.title ?? "武汉东湖高新区新闻",
        section: null,
        mainZone: "武汉东湖高新区",
        zones: ["武汉东湖高新区"],
        byline: null,
        source: "x.jsonl",
      };
      passages.set(p.id, p);
      return {
        id: a.id,
        title: p.title,
        byline: null,
        mainZone: "武汉东湖高新区",
        zones: ["武汉东湖高新区"],
        source: "x.jsonl",
        passageIds: [p.id],
        ...(a.date ? { date: a.date } : {}),
        ...(a.url ? { url: a.url } : {}),
      };
    });
    return zoneFigures("武汉东湖高新区", summaries, (id) => passages.get(id));
  }

  it("gives a figure from a fetched page its article's date and web address, as answers cite them", () => {
    const url = "https://news.example.cn/2023/0703.html";
    const [row] = figuresOf([
      {
        id: "page",
        date: "2023-07-03",
        url,
        sentences: ["上半年，武汉东湖高新区规模以上工业总产值达1200亿元，同比增长12.5%。"],
      },
    ]);
    expect(row).toMatchObject({ date: "2023-07-03", url });
  });

  it("lists none rather than numbers picked from any sentence (the noise seen on a month of real news)", () => {
    expect(
      figuresOf([
        {
          id: "noise",
          sentences: [
            "13位购房者一纸诉状将投资公司告上了武汉东湖高新区人民法院。",
            "武汉东湖高新区佛祖岭街道金融港社区举办暑期活动，来自社区的30名青少年参加。",
            "武汉东湖高新区完成箱变增容，变压器6360千伏安。",
            "武汉东湖高新区公安分局集结40余名精干警力，初步估计涉案金额2000余万元。",
            "这样的储罐该公司有70多个。",
          ],
        },
      ]),
    ).toEqual([]);
  });

  it("keeps output, investment, firms, projects and funds, newest article first, labelled by what they measure", () => {
    const rows = figuresOf([
      {
        id: "july",
        date: "2023-07-03",
        sentences: ["上半年，武汉东湖高新区规模以上工业总产值达1200亿元，同比增长12.5%。"],
      },
      {
        id: "august",
        date: "2023-08-15",
        sentences: [
          "如今，武汉东湖高新区高新技术企业5249家，上市公司62家；年均签约百亿项目4个，设立20亿元产业基金。",
        ],
      },
    ]).map((f) => `${f.measure} ${f.value} ${f.date}`);
    expect(rows).toEqual([
      "高新技术企业 5249家 2023-08-15",
      "上市公司 62家 2023-08-15",
      "年均签约百亿项目 4个 2023-08-15",
      "产业基金 20亿元 2023-08-15",
      "规模以上工业总产值 1200亿元 2023-07-03",
      "规模以上工业总产值增速 12.5% 2023-07-03",
    ]);
  });

  it("labels by what is counted, not the examples before 等 or a pointer back; one firm's structure is not the zone's", () => {
    const rows = figuresOf([
      {
        id: "labels",
        sentences: [
          "今年以来，武汉东湖高新区鹰游纺机等智改数转项目12个。",
          "此次子牛亦东项目总投资30亿元。",
          "公司位于武汉东湖高新区，现拥直接控股子公司13家，员工约2700人。",
        ],
      },
    ]).map((f) => `${f.measure} ${f.value}`);
    expect(rows).toEqual(["智改数转项目 12个", "子牛亦东项目总投资 30亿元"]);
  });

  it("takes a sentence of a roundup only when it, or the headline, names the zone (not its city)", () => {
    const rows = figuresOf([
      {
        id: "roundup",
        title: "1、南京大学苏州校区今天正式启用",
        sentences: ["光谷上市公司62家。", "南通全市实现生产总值6032.4亿元，同比增长7.0%。"],
      },
    ]);
    expect(rows.map((f) => f.measure)).toEqual(["上市公司"]);
  });
});
