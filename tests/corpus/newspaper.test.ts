import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CAPTION_SECTION, parseNewspaperPage } from "../../src/corpus/newspaper.js";
import { endsSentence } from "../../src/corpus/text.js";
import type { Article } from "../../src/corpus/types.js";

const PAGE_PATH = "data/corpus/000_d463814998410617.txt";
const PAGE = readFileSync(PAGE_PATH, "utf8");
const SECOND = readFileSync("tests/fixtures/second-page.txt", "utf8");

/** The article's own paragraphs: not the photo caption kept after them. */
const body = (a: Article) =>
  a.paragraphs
    .filter((p) => p.section !== CAPTION_SECTION)
    .map((p) => p.text)
    .join("\n");
const sections = (a: Article) => [
  ...new Set(a.paragraphs.map((p) => p.section).filter((s) => s !== null && s !== CAPTION_SECTION)),
];
const captions = (a: Article) => a.paragraphs.filter((p) => p.section === CAPTION_SECTION).map((p) => p.text);
const byTitle = (articles: Article[], start: string) => {
  const a = articles.find((x) => x.title.startsWith(start));
  if (!a) throw new Error(`no article titled ${start}…`);
  return a;
};

describe("parseNewspaperPage on the default page", () => {
  const { articles, problems } = parseNewspaperPage(PAGE, PAGE_PATH, "000_d463814998410617");

  it("finds six articles, in body order, each with its own headline and byline", () => {
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.title, a.byline])).toEqual([
      ["000_d463814998410617-1", "济宁高新区掀起攻坚突破新热潮", null],
      ["000_d463814998410617-2", "郴州高新区务实举措稳就业", "黄鹏飞 曾凯然 戈清平"],
      ["000_d463814998410617-3", "重庆市高新区协同创新战略联盟成立", "叶伟"],
      ["000_d463814998410617-4", "兰州高新区“两新”组织与支部联合开展脱贫攻坚主题党日活动", "张娅利"],
      ["000_d463814998410617-5", "总投资166亿元 西安高新区7个“新基建”项目集中开工", "张静攀"],
      ["000_d463814998410617-6", "工业投资增40.7% 珠海高新区奋力夺取抗疫与发展“双胜利”", "宋显晖"],
    ]);
    for (const a of articles) expect(a.source).toBe(PAGE_PATH);
  });

  it("names exactly the nine zones of the page, the headline's zone first", () => {
    const all = new Set(articles.flatMap((a) => a.zones));
    expect([...all].sort()).toEqual(
      ["济宁", "郴州", "重庆", "璧山", "永川", "荣昌", "兰州", "西安", "珠海"]
        .map((z) => `${z}高新区`)
        .sort(),
    );
    expect(articles.map((a) => a.mainZone)).toEqual(
      ["济宁", "郴州", "重庆", "兰州", "西安", "珠海"].map((z) => `${z}高新区`),
    );
    expect(byTitle(articles, "重庆").zones).toEqual(["重庆高新区", "璧山高新区", "永川高新区", "荣昌高新区"]);
  });

  it("keeps captions, photo credits, headers and bylines out of the bodies", () => {
    for (const a of articles) {
      const text = body(a) + sections(a).join("");
      expect(text).not.toMatch(/图片来源|左一|本报讯|记者/);
      for (const name of ["黄鹏飞", "曾凯然", "戈清平", "叶伟", "张娅利", "张静攀", "宋显晖"]) {
        expect(text).not.toContain(name);
      }
      // No headline leaks into a body either.
      expect(text).not.toContain("集中开工\n");
    }
    expect(body(byTitle(articles, "重庆"))).toMatch(/^日前，重庆市高新技术产业开发区协同创新战略联盟成立。/);
    expect(body(byTitle(articles, "工业投资"))).toMatch(/占比99%。$/);
  });

  it("keeps the photo's caption, with its credit, as the last paragraph of the article it shows", () => {
    // The credit names the zone and the caption the article's people and places: `兰州` is that article.
    expect(captions(byTitle(articles, "兰州"))).toEqual([
      "图片说明：兰州高新区“两新”组织党委书记刘怀信（左一）查看合作社航天蔬菜实验种植基地。图片来源：兰州高新区。",
    ]);
    expect(byTitle(articles, "兰州").paragraphs.at(-1)?.section).toBe(CAPTION_SECTION);
    // `图片来源：西安高新区` under a headline credits a photo with no caption: nothing to keep.
    for (const a of articles.filter((x) => !x.title.startsWith("兰州"))) expect(captions(a)).toEqual([]);
  });

  it("leaves no stray space between Chinese characters or between digits and Chinese", () => {
    for (const a of articles) {
      for (const p of a.paragraphs) {
        expect(p.text).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
        expect(p.text).not.toMatch(/\d +[\p{Script=Han}%]|\p{Script=Han} +\d/u);
        expect(p.text).not.toMatch(/ [，。、；：！？（）“”]|[，。、；：！？（）“”] /u);
      }
    }
  });

  it("turns the three subheads of the 济宁 article into section titles, not body text", () => {
    const jining = byTitle(articles, "济宁");
    const heads = ["打造四大主导产业“新地标”", "引领产业转型升级“新靶向”", "全力推进蓼河新城建设"];
    expect(sections(jining)).toEqual(heads);
    expect(jining.paragraphs[0]?.section).toBeNull();
    for (const p of jining.paragraphs) for (const h of heads) expect(p.text).not.toContain(h);
    const first = jining.paragraphs.find((p) => p.section === heads[0]);
    expect(first?.text).toMatch(/^鲁抗医药高新生物技术产业园作为山东省重点建设项目/);
    for (const a of articles.slice(1)) expect(sections(a)).toEqual([]);
  });

  it("never ends a paragraph in the middle of a sentence", () => {
    for (const a of articles) for (const p of a.paragraphs) expect(endsSentence(p.text), p.text).toBe(true);
  });

  it.each([
    ["工业投资", "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。"],
    ["济宁", "今年计划新建项目91个，目前已开工67个，开工率62.9%，续建项目88个，开工率100%。"],
    [
      "济宁",
      "鲁抗医药高新生物技术产业园作为山东省重点建设项目，对建设济宁高新区国家生物医药产业基地、壮大济宁市生物医药产业集群具有重要意义。",
    ],
    [
      "济宁",
      "在高端装备产业方面，重点培育山推突破营收500亿元，中国重汽近期5万辆、远期10万辆扩产，推动永生重工、山推5G智能工厂、小松DPF、海尔硬创等项目加快建设、见效。",
    ],
    ["郴州", "截至今年5月底，郴州高新区新增（安置）就业3400人，完成年计划的37.7%。"],
    ["郴州", "同时强化“互联网+平台”等线上招聘，积极组织企业参加招聘会，稳就业保就业保持良好态势。"],
    ["郴州", "1-5月，公司实现主营业务收入4.55亿元，同比增长18%，完成外贸进出口额4109万美元，同比增长2.3%。"],
    [
      "重庆",
      "该联盟由重庆高新区牵头，联合璧山高新区、永川高新区、荣昌高新区等10家高新区发起成立，重庆高新区成为第一届理事会会长单位。",
    ],
    [
      "兰州",
      "甘肃奇正实业集团有限公司党委、甘肃天庆房地产集团有限公司党委、兰州时代里兰餐饮服务有限公司党支部等14个党组织共计30余人参加此次活动，共向定远镇水岔口村捐款5.6万元，用于专业合作社航天蔬菜试验种植项目。",
    ],
    ["总投资", "西安高新区参加此次开工仪式的项目共有7个，总投资达166亿元，全部为“新基建”项目。"],
    ["总投资", "此次开工的5G基础设施建设系列项目总投资达12亿元，将新建和改造5G宏基站2337座、5G微基站767座。"],
    ["工业投资", "此外，珠海高新区通过科学防治，在联防联控中筑牢抗疫防线：全面摸排，做到“底数清”；"],
    ["工业投资", "同时加强政策扶持，设立1亿元“稳企复产”专项扶持资金。"],
    ["工业投资", "目前，珠海高新区复工复产企业达3240家，复工率94%。"],
  ])("keeps the %s sentence intact: %s", (title, sentence) => {
    const a = byTitle(articles, title);
    expect(a.paragraphs.some((p) => p.text.includes(sentence))).toBe(true);
  });

  it("matches headlines by content: shuffling the headline block changes no title", () => {
    const lines = PAGE.split("\n");
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    const block = lines.slice(at("济宁高新区掀起"));
    const head = lines.slice(0, at("济宁高新区掀起"));
    const pick = (s: string) => block.filter((l) => l.startsWith(s));
    // Reverse the order of the headlines, keeping two-line headlines in reading order.
    const shuffled = [
      ...pick("总投资"),
      "",
      ...pick("工业投资"),
      "",
      ...pick("兰州高新区“两新”组织与支部"),
      "",
      ...pick("联合开展"),
      "",
      ...pick("重庆市高新区"),
      "",
      ...pick("协同创新"),
      "",
      ...pick("郴州高新区务实"),
      "",
      ...pick("济宁高新区掀起"),
      "",
      ...block.filter((l) => /图片来源|刘怀信/.test(l)),
    ];
    const again = parseNewspaperPage([...head, ...shuffled].join("\n"), PAGE_PATH, "p");
    expect(again.articles.map((a) => a.title)).toEqual(articles.map((a) => a.title));
  });

  it("reports a body left without a headline and titles it by its first sentence", () => {
    const cut = PAGE.replace("郴州高新区务实举措稳就业\n", "");
    const r = parseNewspaperPage(cut, "cut.txt", "cut");
    expect(r.articles).toHaveLength(6);
    expect(r.articles[1]?.title).toBe("从郴州高新区管委会获悉，6月8日，长歌智能（峥嵘电子）第一条…");
    expect(r.problems).toEqual([
      expect.objectContaining({ path: "cut.txt", message: expect.stringContaining("no headline") }),
    ]);
    expect(r.problems[0]?.line).toBe(244); // the body's first line, `本报讯 从郴州高新区管委会`
    expect(r.articles[2]?.title).toBe("重庆市高新区协同创新战略联盟成立");
  });
});

describe("parseNewspaperPage on a second page in the same layout", () => {
  const { articles, problems } = parseNewspaperPage(SECOND, "second-page.txt", "second-page");

  it("finds its four articles with headlines matched by content and their bylines", () => {
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.title, a.byline])).toEqual([
      ["second-page-1", "营收增长23.5% 杭州高新区数字经济逆势上扬", "赵一鸣"],
      ["second-page-2", "武汉东湖高新区光谷科创大走廊建设提速", "李明"],
      ["second-page-3", "成都高新区新经济企业突破10万家", "王晓东 刘倩"],
      ["second-page-4", "合肥高新区量子产业集群初具规模", "陈思远"],
    ]);
  });

  it("reports a stray line in the headline block instead of gluing it to a headline", () => {
    const r = parseNewspaperPage(`${SECOND}\n版面设计：周文\n`, "second-page.txt", "second-page");
    expect(r.articles.map((a) => a.title)).toEqual(articles.map((a) => a.title));
    expect(r.problems).toEqual([
      { path: "second-page.txt", line: 152, message: "headline line fits no article: 版面设计：周文" },
    ]);
  });

  it("keeps the caption of the page's photo after the body it shows", () => {
    expect(captions(byTitle(articles, "合肥"))).toEqual([
      "图片说明：合肥高新区量子计算机研发中心项目建设现场，工人正在进行设备安装调试。图片来源：合肥高新区。",
    ]);
    expect(articles.flatMap(captions)).toHaveLength(1);
  });

  it("reads subheads as sections and keeps the caption and credits out of the bodies", () => {
    expect(sections(byTitle(articles, "营收"))).toEqual(["数字经济跑出“加速度”", "人才引育打开新空间"]);
    expect(sections(byTitle(articles, "合肥"))).toEqual(["量子科技抢占制高点"]);
    for (const a of articles)
      expect(body(a)).not.toMatch(/图片来源|设备安装调试|赵一鸣|王晓东|陈思远|本报讯|记者 李明/);
  });

  it("repairs stray spaces and keeps sentences whole", () => {
    const hz = byTitle(articles, "营收");
    expect(body(hz)).toContain(
      "规上工业企业复工率达98.6%，数字经济核心产业实现营业收入812亿元，同比增长23.5%。",
    );
    expect(body(hz)).toMatch(/力争全年数字经济核心产业增加值增长15%以上。$/);
    expect(body(byTitle(articles, "合肥"))).toContain(
      "目前，合肥高新区已集聚量子企业40余家，占全国总数的三分之一。",
    );
    expect(body(byTitle(articles, "武汉"))).toMatch(/^日前，光谷科创大走廊建设推进会在武汉东湖高新区召开。/);
    for (const a of articles) for (const p of a.paragraphs) expect(endsSentence(p.text)).toBe(true);
  });

  it("gives each article its zones, headline zone first", () => {
    expect(articles.map((a) => a.mainZone)).toEqual([
      "杭州高新区",
      "武汉东湖高新区",
      "成都高新区",
      "合肥高新区",
    ]);
    expect(byTitle(articles, "成都").zones).toEqual(["成都高新区", "绵阳高新区", "德阳高新区"]);
  });
});

describe("parseNewspaperPage on a plain article", () => {
  it("reads the first line as the title when it is short and unpunctuated", () => {
    const text =
      "郴州高新区务实举措稳就业\n\n今年以来，郴州高新区坚持线上线下相结合。截至5月底，新增就业3400人。\n\n负责人表示，将加快人力资源产业园建设。\n";
    const { articles, problems } = parseNewspaperPage(text, "plain.txt", "plain");
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: "plain-1",
      title: "郴州高新区务实举措稳就业",
      mainZone: "郴州高新区",
      paragraphs: [
        { section: null, text: "今年以来，郴州高新区坚持线上线下相结合。截至5月底，新增就业3400人。" },
        { section: null, text: "负责人表示，将加快人力资源产业园建设。" },
      ],
    });
  });

  it("reads a column-broken article with a two-line title at the top as one article", () => {
    const lines = PAGE.split("\n");
    const from = lines.findIndex((l) => l.startsWith("本报讯 （记者 叶伟）"));
    const to = lines.findIndex((l) => l.startsWith("中发挥重要作用。"));
    const text = ["重庆市高新区", "", "协同创新战略联盟成立", "", ...lines.slice(from, to + 1)].join("\n");
    const { articles } = parseNewspaperPage(text, "cq.txt", "cq");
    expect(articles.map((a) => [a.title, a.byline, a.mainZone])).toEqual([
      ["重庆市高新区协同创新战略联盟成立", "叶伟", "重庆高新区"],
    ]);
    expect(articles[0]?.paragraphs[0]?.text).toMatch(/^日前，/);
  });

  it("titles an article without a title line by its first sentence", () => {
    const text =
      "今年以来，珠海高新区积极应对风险挑战，经济社会秩序迅速恢复。\n民间投资活跃，增速转负为正，达32%。\n";
    const { articles } = parseNewspaperPage(text, "zh.txt", "zh");
    expect(articles[0]?.title).toBe("今年以来，珠海高新区积极应对风险挑战，经济社会秩序迅速恢复");
    expect(articles[0]?.paragraphs).toHaveLength(2);
  });

  it("reports a text with nothing in it", () => {
    expect(parseNewspaperPage(" \n\u200B\n", "blank.txt", "blank")).toEqual({
      articles: [],
      problems: [{ path: "blank.txt", message: "no text" }],
    });
  });
});
