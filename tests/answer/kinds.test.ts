import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asksYesOrNo, countsAnything } from "../../src/answer/answer.js";
import {
  gluedHeadline,
  headlineOf,
  shortened,
  shownHeadline,
  withoutDateline,
  withoutSubtitle,
} from "../../src/answer/article-text.js";
import {
  aboutOtherCountry,
  countriesNamed,
  otherCountryStated,
  otherPeriod,
  periodStance,
} from "../../src/answer/decline-evidence.js";
import { DIGEST_ARTICLES } from "../../src/answer/digest.js";
import { everydayQuestion } from "../../src/answer/everyday.js";
import { questionIntent } from "../../src/answer/kinds.js";
import { DURATION_UNIT, questionShape } from "../../src/answer/question.js";
import { countedByAny } from "../../src/answer/question-terms.js";
import { NUMERAL_WORDS } from "../../src/answer/question-words.js";
import { createAnswerService } from "../../src/answer/service.js";
import type { Answer, AnswerService } from "../../src/answer/types.js";
import { endsWithPlace, findZones, withoutZones } from "../../src/corpus/zones.js";
import type { LoadedIndex } from "../../src/index/load.js";
import { normalizeText } from "../../src/index/tokenize.js";
import { kindsIndex } from "../helpers/kinds-index.js";

let root: string;
let index: LoadedIndex;
let service: AnswerService;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "gaoxin-kinds-"));
  index = await kindsIndex(root);
  service = createAnswerService(index);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const intent = (q: string) => {
  const n = normalizeText(q);
  return questionIntent(n, findZones(n), withoutZones);
};

describe("otherPeriod", () => {
  it.each([
    ["腾讯三季度营收多少", "腾讯在今年第二季度实现营收1492亿元", true],
    ["腾讯第二季度营收多少", "腾讯在今年二季度实现营收1492亿元", false],
    ["腾讯3季度营收多少", "第三季度营收1550亿元", false],
    ["前三季度营收多少", "第三季度营收1550亿元", true],
    ["下半年计划招多少人", "上半年招聘员工300人", true],
    ["示范区二期什么时候建完", "该示范区一期工程将于8月底完成建设", true],
    ["示范区一期什么时候建完", "该示范区一期工程将于8月底完成建设", false],
    ["上半年营收多少", "公司实现营收52亿元", false],
    ["第一期培训多少人", "每期培训人数为40人", false],
  ])("%s / %s → %s", (q, s, other) => {
    expect(otherPeriod(q, s)).toBe(other);
  });
});

describe("periodStance", () => {
  it.each([
    ["二季度gdp增长多少", "一季度gdp同比增长4.5%", "other"],
    ["二季度gdp增长多少", "一季度增长4.5%,二季度增长6.3%", "asked"],
    ["二季度gdp增长多少", "上半年gdp增长5.5%", "none"],
    ["7月份cpi上涨多少", "6月份,cpi同比上涨3%", "other"],
    ["7月份cpi上涨多少", "7月cpi同比上涨3.2%", "asked"],
    ["gdp增长多少", "一季度gdp同比增长4.5%", "none"],
  ])("%s / %s → %s", (q, s, stance) => {
    expect(periodStance(q, s)).toBe(stance);
  });
});

describe("aboutOtherCountry", () => {
  it.each([
    ["韩国统计厅发布数据", ["日本"], true],
    ["上半年,我国gdp同比增长5.5%", ["意大利"], true],
    ["日本和韩国统计部门发布数据", ["日本"], false],
    ["该镇位于河谷之中,人口约三千", ["英国"], false],
    ["韩国统计厅发布数据", [], false],
  ])("%s / %s → %s", (text, countries, other) => {
    expect(aboutOtherCountry(text, countries)).toBe(other);
  });

  it.each([
    ["美国有多少家公司上榜", "2023年世界500强排行榜揭晓,中国共有142家公司上榜", true],
    ["美国有多少家公司上榜", "美国有136家公司上榜", false],
    ["西班牙二季度gdp环比增长多少", "欧元区二季度国内生产总值环比上升0.3%", false],
    ["公司有多少家门店", "公司在中国和日本共有门店120家", false],
  ])("a quote answering %s with %s states another country's figure: %s", (q, quote, other) => {
    expect(otherCountryStated(q, quote)).toBe(other);
  });

  it("reads the countries a question names, China not among them", () => {
    expect(countriesNamed("中国与印度尼西亚的贸易额是多少")).toEqual(["印度尼西亚"]);
    expect(countriesNamed("内蒙古在印度洋科考中发现了什么")).toEqual([]);
  });
});

describe("questionIntent", () => {
  it.each([
    ["株洲高新区有什么新闻", "overview"],
    ["株洲高新区最近怎么样", "overview"],
    ["介绍一下株洲高新区", "overview"],
    ["绵阳高新区的最新动态", "overview"],
    ["株洲高新区有几篇报道", "overview"],
    ["株洲高新区是怎么帮企业留住工人的", "how"],
    ["园区采取了哪些措施", "how"],
    ["复工企业有多少家、复工率多少", "several"],
    ["株洲高新区工业产值是多少", "fact"],
    ["赛事组织得如何", "fact"],
    ["这种酶是如何构成的", "fact"],
    ["它在哪方面获得进展", "fact"],
    ["株洲高新区最近在搞什么", "overview"],
    // A village (its party committee) acts as a zone does.
    ["巨桥村怎么宣传救助政策的", "how"],
    ["村民怎么看", "fact"],
    ["株洲高新区有啥动静", "overview"],
    ["这个节日有哪些活动", "fact"],
    ["霍布斯在1647年的时候发生了什么事", "fact"],
    ["甲和乙分别是谁", "several"],
    ["株洲高新区最近在干嘛", "overview"],
    ["园区配了多少个救生圈和多少件救生衣", "several"],
    ["张三和李四谁更高", "fact"],
    ["保险公司和外包公司分别赔了多少", "several"],
  ])("%s → %s", (q, kind) => {
    expect(intent(q).kind).toBe(kind);
  });

  it("asks each of two things with the verb asked of both", () => {
    expect(intent("保险公司和外包公司分别赔了多少").parts).toEqual(["保险公司赔了多少", "外包公司赔了多少"]);
    expect(intent("复工率和复工企业数分别是多少").parts).toEqual(["复工率是多少", "复工企业数是多少"]);
    // The head both share (`投资`) takes what follows it in the second (`增速`) for the first too.
    expect(intent("工业投资和民间投资增速分别是多少").parts).toEqual([
      "工业投资增速是多少",
      "民间投资增速是多少",
    ]);
    expect(intent("宏基站和微基站各建多少座").parts).toEqual(["宏基站建多少座", "微基站建多少座"]);
  });

  it("reads a part asking `多大` or `几对` as asking (`占地多大，固定资产多少`), not the `多大` of `多伦多大学`", () => {
    expect(intent("绿源实验小学占地多大，固定资产多少").parts).toEqual([
      "绿源实验小学占地多大",
      "固定资产多少",
    ]);
    expect(intent("联谊会多少人报名，成了几对").parts).toEqual(["联谊会多少人报名", "成了几对"]);
    expect(intent("多伦多大学是知名研究型大学，论文被引用数量为世界前几名").kind).toBe("fact");
  });

  it("counts each of two things joined after one question word (`多少问题和线索`)", () => {
    expect(intent("巡察发现了多少问题和线索").parts).toEqual(["巡察发现了多少问题", "巡察发现了多少线索"]);
    expect(intent("园区新增了几个基地和平台").parts).toEqual(["园区新增了几个基地", "园区新增了几个平台"]);
    // One thing described, and a word holding `和`: not two things.
    expect(intent("方案提出推广多少项以上的升级和创新产品").kind).toBe("fact");
    expect(intent("此条约可换多少年的和平").kind).toBe("fact");
  });

  it("reads a city asked how it did something as an actor", () => {
    const n = normalizeText("淮南是怎么整治非法卖油的");
    expect(questionIntent(n, findZones(n), withoutZones, endsWithPlace).kind).toBe("how");
    expect(questionIntent(n, findZones(n), withoutZones).kind).toBe("fact");
    const thing = normalizeText("这种酶是怎么构成的");
    expect(questionIntent(thing, [], withoutZones, endsWithPlace).kind).toBe("fact");
  });

  it("reads time words as asking for the newest, and keeps an overview's topic apart from its zone", () => {
    expect(intent("株洲高新区最近有什么新闻")).toMatchObject({ kind: "overview", recent: true, topic: "" });
    // `这个月`, `这几天`, `本周` ask for the newest as `最近` does: no topic of their own.
    expect(intent("株洲高新区这个月有什么动态")).toMatchObject({ kind: "overview", recent: true, topic: "" });
    expect(intent("株洲高新区这几天怎么样")).toMatchObject({ kind: "overview", recent: true, topic: "" });
    expect(intent("株洲高新区本周有啥新闻")).toMatchObject({ kind: "overview", recent: true, topic: "" });
    expect(intent("株洲高新区专精特新有什么新闻")).toMatchObject({ kind: "overview", topic: "专精特新" });
    // Asked of nothing, what is new in the corpus as a whole; `新闻` itself is no topic.
    for (const q of [
      "有什么新闻",
      "最新消息",
      "说说最近的新闻",
      "最近怎么样",
      "最近怎么样😀",
      "有什么新闻吗👍🏻",
    ])
      expect(intent(q), q).toMatchObject({ kind: "overview", topic: "" });
    // What a zone did, on no topic, is its news; on a topic it is a how question.
    for (const q of ["株洲高新区有哪些举措", "株洲高新区干了什么", "株洲高新区采取了哪些措施"])
      expect(intent(q), q).toMatchObject({ kind: "overview", topic: "" });
    expect(intent("株洲高新区采取了哪些措施稳就业").kind).toBe("how");
    // `X的Y情况` asks Y's news of X, as `X Y情况怎么样` does.
    expect(intent("株洲高新区的就业情况")).toMatchObject({ kind: "overview", topic: "就业" });
  });

  it("reads the kind of event asked of a zone, and a situation asked of a topic, as a topic's news", () => {
    expect(intent("株洲高新区最近有什么诈骗案")).toMatchObject({
      kind: "overview",
      recent: true,
      topic: "诈骗",
    });
    expect(intent("株洲高新区有哪些活动")).toMatchObject({ kind: "overview", topic: "活动" });
    expect(intent("涿州受灾情况怎么样")).toMatchObject({ kind: "overview", topic: "涿州受灾" });
    // The field asked about is the topic, not the word for "field".
    expect(intent("株洲高新区环保方面有什么新闻")).toMatchObject({ kind: "overview", topic: "环保" });
    // A situation of the zone alone is its overview; `如何` without `情况` asks a fact.
    expect(intent("株洲高新区最近情况怎么样")).toMatchObject({ kind: "overview", topic: "" });
    expect(intent("成都大运会的赛事组织如何").kind).toBe("fact");
    // How a thing is doing, asked with a time word, is its news; without one, a fact.
    expect(intent("天府绛溪实验室最近怎么样")).toMatchObject({ kind: "overview", topic: "天府绛溪实验室" });
    expect(intent("产品质量怎么样").kind).toBe("fact");
  });

  it("splits `A和B分别是多少` into a part per thing, each with the question word", () => {
    expect(intent("株洲高新区复工率和复工企业数分别是多少")).toMatchObject({
      kind: "several",
      parts: ["株洲高新区复工率是多少", "复工企业数是多少"],
    });
  });
});

describe("withoutDateline", () => {
  it("finds the headline a source ran into its dateline, where a figure may stand", () => {
    expect(
      gluedHeadline("16条中小河流出现涨水过程中新网重庆7月21日电(梁钦卿)重庆市气象台21日发布要讯称"),
    ).toBe("16条中小河流出现涨水过程");
    expect(gluedHeadline("中新网重庆7月21日电 重庆市气象台发布要讯")).toBeNull();
  });

  it("drops a lead's label, dateline and byline, and the words of no other sentence", () => {
    expect(withoutDateline("原标题：某某光伏电子科技有限公司违反环评法被处罚")).toBe(
      "某某光伏电子科技有限公司违反环评法被处罚",
    );
    expect(withoutDateline("中国山东网-感知山东8月18日讯为进一步提高居民的知晓率，社区开展宣讲。")).toBe(
      "为进一步提高居民的知晓率，社区开展宣讲。",
    );
    expect(withoutDateline("刘某某)记者17日从重庆高新警方获悉，民警已冻结涉案账户。")).toBe(
      "记者17日从重庆高新警方获悉，民警已冻结涉案账户。",
    );
    expect(withoutDateline("河南日报客户端记者李某某实习生王某近期河北省涿州市遭受了洪水灾害。")).toBe(
      "近期河北省涿州市遭受了洪水灾害。",
    );
    // A photo's credit glued to the sentence after it, no date between them.
    expect(withoutDateline("贾某某供图活动现场，救援人员讲解如何自救。")).toBe(
      "活动现场，救援人员讲解如何自救。",
    );
    expect(withoutDateline("记者李某某摄知识竞赛决赛现场。")).toBe("知识竞赛决赛现场。");
    for (const plain of [
      "张三拍摄电影时受了伤。",
      "会同电信部门开展排查。",
      "电子信息产业产值增长12%。",
      "英国的摄政时期是指1811年至1820年。",
    ])
      expect(withoutDateline(plain)).toBe(plain);
  });
});

describe("headlineOf", () => {
  it("drops a source name or byline glued to a headline's end, and nothing else", () => {
    expect(headlineOf("民警为500家企业集中授课，筑牢“防骗墙”！极目新闻记者")).toBe(
      "民警为500家企业集中授课，筑牢“防骗墙”！",
    );
    expect(headlineOf("全球50多位企业家成光谷产业合伙人湖北日报讯")).toBe("全球50多位企业家成光谷产业合伙人");
    expect(headlineOf("工业投资增40.7% 珠海高新区奋力夺取抗疫与发展“双胜利”")).toBe(
      "工业投资增40.7% 珠海高新区奋力夺取抗疫与发展“双胜利”",
    );
    // A title that is nothing but a byline stays as it is rather than vanish.
    expect(headlineOf("新华社记者")).toBe("新华社记者");
  });

  it("reads a long title's short opening exclamation with what follows it", () => {
    // `20人落网！` alone says nothing of what happened.
    expect(
      headlineOf("20人落网！武汉东湖高新公安夏夜行动打掉一荐股诈骗团伙，涉案金额上千万极目新闻记者"),
    ).toBe("20人落网！武汉东湖高新公安夏夜行动打掉一荐股诈…");
    expect(headlineOf("好消息！重庆高新区新增3家专精特新企业")).toBe("好消息！重庆高新区新增3家专精特新企业");
  });

  it("drops a dateline glued to a headline's end without eating the headline's own words", () => {
    expect(headlineOf("园区男子被AI合成视频诈骗10万余元中新网重庆新闻8月17日电(记者")).toBe(
      "园区男子被AI合成视频诈骗10万余元",
    );
    expect(headlineOf("园区举办首届“员工关爱”系列活动三秦都市报-三秦网讯（")).toBe(
      "园区举办首届“员工关爱”系列活动",
    );
    expect(headlineOf("泰州举行“百姓名嘴”风采展示活动本报讯")).toBe("泰州举行“百姓名嘴”风采展示活动");
    // `电` inside a headline's words is no dateline.
    expect(headlineOf("银行支行识破电诈骗局")).toBe("银行支行识破电诈骗局");
  });

  it("shows a republished story's headline without its label or the story that ran on after it", () => {
    expect(headlineOf("原标题：小心陌生快递")).toBe("小心陌生快递");
    expect(headlineOf("原标题：某某高新区（某镇）：“三抓三促”破解农村党员管理难某某高新区（某")).toBe(
      "某某高新区（某镇）：“三抓三促”破解农村党员管理难",
    );
    expect(headlineOf("原标题：某区：“党建+救助”，让民生更有温度“以前不知道政府还")).toBe(
      "某区：“党建+救助”，让民生更有温度",
    );
    expect(headlineOf("原标题：艺术公益课堂打造农村留守儿童暑期7月26日，由园区团委、阳")).toBe(
      "艺术公益课堂打造农村留守儿童暑期",
    );
  });

  it("shows a title or stand-in that opens a quote it never closes without the opening mark", () => {
    expect(headlineOf("“年轻人素质越来越高")).toBe("年轻人素质越来越高");
    expect(
      shownHeadline(
        "“某某石塔的修缮方案有没有组织专家论证",
        "“某某石塔的修缮方案有没有组织专家论证？相关决策有没有按规程开展？”日前，某某高新区纪工委开展专项监督。",
      ),
    ).toBe("某某石塔的修缮方案有没有组织专家论证");
    // A quote it closes stays.
    expect(headlineOf("“双胜利”背后的珠海高新区")).toBe("“双胜利”背后的珠海高新区");
  });

  it("makes a stand-in of a title that is only a lead's first characters, cut mid-word", () => {
    expect(headlineOf("8月18日上午，某某高新区“送法入企”助力汽车工业向“绿”而生主题活动在比亚迪工")).toBe(
      "某某高新区“送法入企”助力汽车工业向“绿”而生主题活动在比亚迪工…",
    );
    expect(headlineOf("央视网消息：昨天（8月4日），河北涿州市主城区积水已经基本退去，居民生活秩序正在")).toBe(
      "河北涿州市主城区积水已经基本退去，居民生活秩序正在…",
    );
    expect(headlineOf("7月28日晚，第三十一届世界大学生夏季运动会在四川省成都市隆重开幕")).toBe(
      "第三十一届世界大学生夏季运动会在四川省成都市隆重开幕…",
    );
    // A headline followed by the story's first clause.
    expect(
      headlineOf("园区银行为“宁小蜂”夏日送清凉7月21日上午，龙湖天街“宁小蜂”驿站前，园区党工委组织开展了"),
    ).toBe("园区银行为“宁小蜂”夏日送清凉");
    // A headline and its subtitle given twice.
    expect(headlineOf("柳州这新区出手，帮青年才俊“牵手”柳州这新区出手，帮青年才俊“牵手”")).toBe(
      "柳州这新区出手，帮青年才俊“牵手”",
    );
  });
});

describe("shortened", () => {
  it("cuts a long list after a lead-in clause at an item, not after the lead-in alone", () => {
    const items = Array.from({ length: 12 }, (_, i) => `第${i + 1}号产业创新中心项目`).join("、");
    const line = shortened(`据了解，园区此次开工的项目包括${items}。`);
    expect(line.startsWith("据了解，园区此次开工的项目包括第1号")).toBe(true);
    expect(line.endsWith("项目…")).toBe(true);
    expect([...line].length).toBeLessThanOrEqual(91);
  });
});

describe("shownHeadline", () => {
  it("takes a headline the source ran into the dateline as the headline, and out of the lead", () => {
    const lead =
      "园区多措并举优化服务“靠前办”本报衡阳8月1日电 （记者某某）不久前，一家企业拿到了施工许可证。";
    expect(shownHeadline("园区多措并举优化服务“靠前办”本报衡阳8月1日电", lead)).toBe(
      "园区多措并举优化服务“靠前办”",
    );
    expect(withoutDateline(lead)).toBe("不久前，一家企业拿到了施工许可证。");
  });

  it("keeps a real headline, less a source glued to its end", () => {
    expect(shownHeadline("园区企业家大会举行湖北日报讯", "（记者某某）8月15日，园区企业家大会举行。")).toBe(
      "园区企业家大会举行",
    );
  });

  it("makes a short stand-in from the lead when the title is only the text's first characters", () => {
    const lead =
      "中新网株洲8月1日电(记者某某) 8月1日，株洲高新区举办新能源汽车产业链对接会，签约项目12个，总投资86亿元。";
    const shown = shownHeadline("中新网株洲8月1日电(记者某某) 8月1日，株洲高新区举办新", lead);
    expect(shown).toBe("株洲高新区举办新能源汽车产业链对接会…");
  });

  it("takes the shown sentence when the lead is only names of reporters", () => {
    const lead = "极目新闻记者张三通讯员李四王五8月12日凌晨，园区警方打掉一处诈骗窝点。";
    expect(
      shownHeadline("极目新闻记者张三通讯员李四王五", lead, "8月12日凌晨，园区警方打掉一处诈骗窝点。"),
    ).toBe("8月12日凌晨，园区警方打掉一处诈骗窝点");
  });
});

describe("everydayQuestion", () => {
  // The everyday words of a question read as the reports' (the asker's frame out), or left as they are.
  it.each([
    ["园区帮多少人找到了工作", "园区多少人就业"],
    ["机关党委向村里捐了多少钱", "机关党委向村捐款多少钱"],
    ["哪个高新区向村里捐了款", "哪个高新区向村捐款"],
    ["产值涨了多少", "产值增长了多少"],
    // `上涨` is already the report's word.
    ["物价上涨了多少", "物价上涨了多少"],
    ["公司最后要赔多少钱", "公司要赔偿多少钱"],
    ["园区签了多少个亿元以上的项目", "园区签约多少个亿元以上的项目"],
    ["警方那次抓了多少人", "警方那次抓获多少人"],
    // Taken by fraud, nothing counted after `多少`: money.
    ["骆女士被骗了多少", "骆女士被骗了多少钱"],
    ["被骗了多少人", "被骗了多少人"],
    // Already the reports' words.
    ["签约了多少个项目", "签约了多少个项目"],
    ["抓获了多少人", "抓获了多少人"],
    // A sentence is reported as `判处有期徒刑四年`; `判决`/`判处` asked are left alone.
    ["彭某最后被判了几年", "彭某判处几年"],
    // A crossing is `交口` in a report; `当场` is `现场`; staying (`待`) is the length asked.
    ["哪个路口积水了", "哪个路口积水了"],
    ["联谊会当场成了几对", "联谊会现场成了几对"],
    ["在重庆待了几天", "在重庆几天"],
    // Asked "at first" or "back to work": the report states the ruling and `返岗`.
    ["仲裁委当初判公司赔多少", "仲裁委判公司赔偿多少"],
    ["法院判了公司赔多少", "法院判公司赔偿多少"],
    // A name asked as `真名` is the report's `原名`.
    ["二驴真名叫啥", "二驴原名叫啥"],
    ["公司是哪天让小张回去上班的", "公司是哪天让小张在岗的"],
    ["联谊会在哪办的", "联谊会在哪举办的"],
    ["工作签证最长可以停留多久", "工作签证最长可以停留多久"],
    ["法院判处了几年", "法院判处了几年"],
    ["判断依据是什么", "判断依据是什么"],
    // `一名7岁的儿童`: a child is `儿童` in a report, and `孩子`, `男孩` state it too.
    ["光谷步行街那个小孩几岁", "光谷步行街那个儿童几岁"],
    ["园区帮忙招了多少人", "园区招聘多少人"],
    ["在建几个商业综合体", "建设几个商业综合体"],
    ["在建项目有多少个", "在建项目有多少个"],
    ["兰州捐款的钱拿去干嘛了", "兰州捐款用于什么"],
    ["补贴用来干什么", "补贴用于什么"],
    // `做了什么` asked of a zone is what it did, not what money is for.
    ["园区做了什么", "园区做了什么"],
    ["兰州高新区去的是哪个村", "兰州高新区赴的是哪个村"],
    ["党组织去村里捐款了", "党组织赴村捐款了"],
    ["去年新增就业多少人", "去年新增就业多少人"],
    ["济宁高新区怎么抓新基建的", "济宁高新区怎么新基建的"],
    ["联盟里的高新区有几家", "联盟的高新区有几家"],
    ["3公里的路", "3公里的路"],
    ["台达现在多少人上班", "台达现在多少人在岗"],
    ["怎么帮村里脱贫的", "怎么帮扶村脱贫的"],
    ["帮忙招了多少人", "招聘多少人"],
    // `搞` is any doing in speech; `在搞什么` (a zone's news) is read before everyday words and stays.
    ["哪些高新区在搞新基建", "哪些高新区新基建"],
    ["泰安高新区在搞什么", "泰安高新区在搞什么"],
    // `搞了个`/`弄了个`: the asker's "set up a"; the thing asked about stays.
    ["济宁高新区搞了个多大的市场化基金", "济宁高新区多大的市场化基金"],
    ["园区弄了个多少钱的基金", "园区多少钱的基金"],
    ["总投资接近多少", "总投资多少"],
    ["民间投资是涨是跌", "民间投资增速多少"],
    // `最后`/`最终` before an amount is the asker's "in the end"; before `什么` it may be the report's word.
    ["那个女职工最后拿到多少赔偿金", "那个女职工拿到多少赔偿金"],
    ["巴西最终获得什么名次", "巴西最终获得什么名次"],
    ["照片里刘怀信在看什么", "刘怀信查看什么"],
    // `之前是干什么的`: a career is reported as `此前担任…`, `曾任…`.
    ["陈杰之前是干什么的", "陈杰此前从事什么的"],
    ["6月底之前能建成吗", "6月底之前能建成吗"],
    ["这张图上是谁", "这张是谁"],
    // `图` inside a word (`蓝图`, `试图`) is no photo.
    ["蓝图中有什么", "蓝图中有什么"],
    ["老太看病花了多少钱", "老太治疗投资多少钱"],
    // `有多高`: a size is stated after its word (`城门高5.33米`); not `许多高校`, nor a rate's `多高`.
    ["通远门城门有多高", "通远门城门高是多少米"],
    ["那条河有多深", "那条河深是多少米"],
    ["许多高校在哪", "许多高校在哪"],
    ["增长率有多高", "增长率有多高"],
    // `有人受伤吗`: reports say `未造成人员伤亡` (a count of the hurt says `受伤`, an alternative).
    ["滑坡有人受伤吗", "滑坡有人伤亡吗"],
    ["有多少人受伤", "有多少人受伤"],
    // `跟…一起办的`: reports say `联合…开展`, `携手…举办`.
    ["虎兴社区跟哪个学院一起办的红岩文化活动", "虎兴社区跟哪个学院联合举办的红岩文化活动"],
    ["我们一起办吧", "我们一起办吧"],
    ["跟谁联合办学", "跟谁联合办学"],
    // A day said with `号` is the report's `日`; the `号` of a name stays.
    ["郑州机场29号取消了多少航班", "郑州机场29日取消了多少航班"],
    ["7月29号几点开", "7月29日几点开"],
    ["汉光39号演习的战略意义是什么", "汉光39号演习的战略意义是什么"],
    ["地铁3号线几点开", "地铁3号线几点开"],
    ["月球-26号探测器哪年发射", "月球-26号探测器哪年发射"],
    // `第一批`, `第一期`: reports say `首批`, `首期`; moving in is `入驻`.
    ["南大苏州校区第一批住进去多少学生", "南大苏州校区首批入驻多少学生"],
    ["高新企服课堂第一期讲的啥", "高新企服课堂首期讲的啥"],
    // What is paid (`给多少`) is the report's `支付`; `给` before a person stays.
    ["悬赏金给多少", "悬赏金支付多少"],
    ["给多少人发了补贴", "给多少人发了补贴"],
    // A child (`那个孩子`) is the report's `儿童`; stealing and being caught, its `盗窃` and `抓获`; `查实`, its `核实`.
    ["光谷步行街那个孩子几岁", "光谷步行街那个儿童几岁"],
    ["偷自行车的人在哪被抓的", "盗窃自行车的人在哪抓获的"],
    ["小偷被抓了吗", "小偷抓获吗"],
    ["摊主刮脚皮查实了吗", "摊主刮脚皮核实了吗"],
    // Land set aside (`划了多少地`) is the report's `规划用地…亩`.
    ["赤壁高新区给项目划了多少地", "赤壁高新区给项目规划用地多少亩"],
    // Where something is built (`建在哪`) is where the report says it `位于`.
    ["福耀科技大学建在哪", "福耀科技大学位于哪"],
    // What a firm does (`是做什么的`) is the report's `主营`, `从事`; what was given (`送了什么`), its `获得`, `赠送`.
    ["维科车辆是做什么的", "维科车辆从事什么的"],
    ["测试通过的送了什么", "测试通过的赠送什么"],
    ["救援队运送了什么物资", "救援队运送了什么物资"],
    ["物资送到哪个社区了", "物资送到哪个社区了"],
    // A count between a deed and `什么` is the asker's (`做了一本什么手册`); after `是` it stays.
    ["中建三局做了一本什么手册", "中建三局做了什么手册"],
    ["珠江频道是一条什么性质的频道", "珠江频道是一条什么性质的频道"],
    // A plot pointed at (`那块地`) is the report's `地块`; its size (`有多大`), its area; a person's `多大了` stays.
    ["肇庆高新区那块地有多大", "肇庆高新区地块面积多少"],
    ["园区有多大规模", "园区有多大规模"],
    ["那个孩子多大了", "那个儿童多大了"],
    // `搞了什么` is the report's `开展`, `组织`; a visit (`慰问`) may be said `走访`.
    ["盒马搞了什么活动", "盒马开展了什么活动"],
    // The suspects pointed at (`那伙人`) are the report's `嫌疑人`; goods `从哪收来的` were `收购`; `开车` stays, said `驾驶`.
    ["璧山那伙人是开车去偷的吗", "璧山嫌疑人是开车去盗窃的吗"],
    ["汽油是从哪收来的", "汽油是从哪收购的"],
    ["收到了吗", "收到了吗"],
    ["哪些高新区在搞新基建", "哪些高新区新基建"],
    // A journey asked as driving (`开了多久车`) is the report's `赶路`, `车程`.
    ["公羊救援队开了多久车到涿州", "公羊救援队多久赶路到涿州"],
    // A case pointed at (`那事`) goes; its delay (`拖了多少年`) is the report's `时隔`; `事情`, `事业` stay.
    ["买商铺那事拖了多少年才拿回钱", "买商铺时隔多少年才拿回钱"],
    ["这事情怎么办", "这事情怎么办"],
    ["那家企业的事业部在哪", "那家企业的事业部在哪"],
    // A film shown (`放的是什么电影`) is the report's `放映…影片`; rain asked of is its `雨量`.
    ["玉成社区放的是什么电影", "玉成社区放映是什么影片"],
    ["园区开放了什么", "园区开放了什么"],
    ["人和村下了多少雨", "人和村雨量多少"],
    ["哪里雨最大", "哪里雨量最大"],
    ["暴雨最大的是哪", "暴雨最大的是哪"],
    // The count now (`现在有几家`) is the running total the report says `已达`, `累计`.
    ["连云港高新区现在有几家小巨人企业", "连云港高新区现在现有几家小巨人企业"],
    // Leading (`带队`) is the report's `率`; things that came (`来了多少台`), its `抵达`; people stay.
    ["涿州来了多少台供电车", "涿州抵达多少台供电车"],
    ["微军训这次来了多少个学生", "微军训这次来了多少个学生"],
    // What children are taught to make (`教孩子做啥`) is the report's `制作`; `做什么工作` stays.
    ["活动教孩子做什么", "活动教儿童制作什么"],
    ["他是做什么工作的", "他是做什么工作的"],
    // Stopping a fraud (`拦住`) is the report's `拦截`; a fake app (`假APP`), its `仿冒APP`; what one may
    // borrow (`能贷多少`), its `贷款额度`; a film watched (`看了什么片子`), its `观看…影片`.
    ["拦住诈骗的理财经理叫什么", "拦截诈骗的理财经理叫什么"],
    ["在假app上测出能贷多少", "在仿冒app测试贷款额度多少"],
    ["查处假冒商品多少件", "查处假冒商品多少件"],
    ["去监狱看了什么片子", "去监狱观看什么影片"],
    ["刘怀信在看什么", "刘怀信查看什么"],
    // A new appointee (`新来的书记`) is the report's `新任`; borrowing (`贷多少`), its `贷款`; `差点被骗`, its
    // `险些`; talking someone out of it (`劝住`), its `劝阻`; a club's size (`有多大`), its area.
    ["烟台高新区新来的书记是谁", "烟台高新区新任书记是谁"],
    ["新来的同事叫什么", "新来的同事叫什么"],
    ["想在网上贷多少钱", "想在网上贷款多少钱"],
    ["张某差点被骗多少钱", "张某险些被骗多少钱"],
    ["劝住张某的民警叫啥", "劝阻张某的民警叫啥"],
    ["人才俱乐部有多大", "人才俱乐部面积多少"],
    // A notice sent out at a time (`几点发的警报`) is the report's `发布`.
    ["重庆气象台几点发的暴雨警报", "重庆气象台几点发布的暴雨警报"],
    ["几点出发", "几点出发"],
    // Splitting into groups (`分成几组`) is the report's `分为`; `防溺水`, its `防范…溺水`.
    ["志愿者分成几组去巡查", "志愿者分为几组去巡查"],
    ["防溺水讲座在哪个社区办的", "防范溺水讲座在哪个社区办的"],
    // Flood water's depth (`积水有多深`) is stated as its height (`积水超过了40厘米`), not as `深`.
    ["积水有多深", "积水多少"],
    // What was done after (`宣讲完代表们`) is the report's `结束后`; `干嘛去了` asks what they went on to do.
    ["宣讲完代表们干嘛去了", "宣讲结束后代表们开展了什么"],
    ["他们去干什么了", "他们开展了什么"],
    ["大家吃完饭", "大家吃完饭"],
    // `免费` is a word of its own, not `免` (`减免`) before `费`.
    ["涿州那个免费面摊在哪个路口", "涿州那个免费面摊在哪个路口"],
    ["免了多少房租", "减免多少房租"],
    // A count of rivers (`多少条河`) is the report's `河流`; `后来` before `怎么` goes; `靠什么`, its `通过`.
    ["重庆暴雨有多少条河涨水了", "重庆暴雨有多少条河流涨水了"],
    ["河南有多少条河道", "河南有多少条河道"],
    ["摊主后来被怎么处理了", "摊主被怎么处理了"],
    ["净月警方是靠什么找到小偷的", "净月警方是通过什么找到小偷的"],
    // Having served (`当过兵`) is the report's `身穿戎装`, `退役军人`; holding (`手里拿着啥`), its `手持`; being
    // chosen (`怎么选出来的`), its `投票产生`; benefiting when counted (`多少工人受益`), its `惠及`; a meeting held
    // at the question's end (`在哪开的`), its `举办`; an office asked of, `职务`.
    ["文艺人士里有几个当过兵", "文艺人士里有几个当兵"],
    ["官兵们手里拿着啥", "官兵们手持啥"],
    ["他手上拿的什么", "他手持的什么"],
    ["拿着什么去", "拿着什么去"],
    ["议事长是怎么选出来的", "议事长是怎么产生的"],
    ["选出来几个人", "选出来几个人"],
    ["有多少工人受益", "有多少工人惠及"],
    ["哪个产业是直接受益者", "哪个产业是直接受益者"],
    ["议事会在哪开的", "议事会在哪举办的"],
    ["在哪开的店", "在哪开的店"],
    ["曹媛是什么职务", "曹媛是什么职务"],
    // The day of an event named before (`启用那天`) is the report's `当天`; drawing (`画画`), its `绘画`; a
    // psychology class, its `心理健康教育课`; being developed (`在研发`), its `在研`; how those counted came
    // (`来听`) goes; a meeting asked when at the question's end (`啥时候开的`), its `召开`.
    ["驿站启用那天志愿者干了啥", "驿站启用当天志愿者干了啥"],
    ["那天", "那天"],
    ["孩子们用画画装饰了啥", "儿童们用绘画装饰了啥"],
    ["心理课有多少孩子来听", "心理健康有多少儿童"],
    ["来听讲座的有多少人", "来听讲座的有多少人"],
    ["还有多少种零部件在研发", "还有多少种零部件在研"],
    ["大会啥时候开的", "大会啥时候召开的"],
    ["什么时候开的店", "什么时候开的店"],
    // A trip's length (`车路上开了多久`) is the report's `运输`; a total over the years (`这些年一共`), its
    // `累计`; what is lacked most (`最缺啥`), its `急需`; a flood disaster (`洪灾`), its `洪水`, not a named one.
    ["运罐头的车路上开了多久", "运罐头的车运输多久"],
    ["会开了多久", "会开了多久"],
    ["这些年一共捐了多少", "累计捐款多少"],
    ["一共有多少个", "一共有多少个"],
    ["居民最缺啥", "居民急需啥"],
    ["缺点是什么", "缺点是什么"],
    ["洪灾后保险赔了多少钱", "洪水后保险赔偿多少钱"],
    ["八七水灾发生在哪一年", "八七水灾发生在哪一年"],
    // Those who came (`来了多少人`) are those who took part, `参加`; how long a zone has grown (`发展了多少年`),
    // its `历经`; how many a vehicle actually carried (`实际坐了几人`), a traffic report's `实载`.
    ["交友活动来了多少人", "交友活动参加了多少人"],
    ["他来了多少次", "他来了多少次"],
    ["高新区发展了多少年了", "高新区历经多少年了"],
    ["面包车核载几人、实际坐了几人", "面包车核载几人、实载几人"],
    // A lawsuit (`官司`) is the report's `诉讼`; being taken in (`上当`), its `被骗`; `去商户那查` points at a
    // place with `那`, no word of the report (jieba glued `那查`).
    ["兄弟俩打了多久官司", "兄弟俩打了多久诉讼"],
    ["何女士是怎么上当的", "何女士是怎么被骗的"],
    ["去商户那查煤气罐", "去商户查煤气罐"],
    ["那个村在哪", "那个村在哪"],
  ])("reads %s as %s", (asked, read) => {
    expect(everydayQuestion(asked).question).toBe(read);
  });

  it("gives the report's other words for a term it puts in, and drops the asker's `最终` before an amount", () => {
    expect(everydayQuestion("园区帮多少人找到了工作").alts.get("就业")).toContain("上岗");
    expect(everydayQuestion("小孩是怎么受伤的").alts.get("儿童")).toContain("孩子");
    // A biography says `1963年11月生`: the question keeps `出生`, the report's `月生` states it.
    expect(everydayQuestion("华静哪年出生的").alts.get("出生")).toContain("月生");
    expect(everydayQuestion("联盟2019年gdp多少").alts.get("gdp")).toContain("生产总值");
    expect(everydayQuestion("台达现在多少人上班").alts.get("现在")).toContain("目前");
    expect(everydayQuestion("最终被判了几年").question).not.toContain("最终");
    expect(everydayQuestion("陈杰之前是干什么的").alts.get("此前")).toContain("曾");
    expect(everydayQuestion("十里营社区去慰问了谁").alts.get("慰问")).toContain("走访");
    expect(everydayQuestion("那伙人是开车去的吗").alts.get("开车")).toContain("驾驶");
    // A yes-or-no question's `最后` is the asker's; a decision says `不需要判处刑罚`, `不起诉`.
    expect(everydayQuestion("徐某某最后被判刑了吗").question).toBe("徐某某被判刑了吗");
    expect(everydayQuestion("徐某某最后被判刑了吗").alts.get("判刑")).toContain("刑罚");
    expect(everydayQuestion("测试通过的送了什么").alts.get("赠送")).toContain("获得");
    expect(everydayQuestion("老太看病花了多少钱").alts.get("投资")).toContain("花费");
    expect(everydayQuestion("老太看病花了多少钱").alts.get("治疗")).toContain("医药费");
    expect(everydayQuestion("拖了几年").alts.get("时隔")).toContain("历时");
    expect(everydayQuestion("带队去克拉玛依的是谁").alts.get("带队")).toContain("率");
    expect(everydayQuestion("现在一共有多少家").alts.get("现有")).toContain("已达");
    expect(everydayQuestion("放的什么电影").alts.get("影片")).toContain("电影");
    expect(everydayQuestion("有几个当过兵").alts.get("当兵")).toContain("戎装");
    expect(everydayQuestion("怎么选出来的").alts.get("产生")).toContain("投票");
    expect(everydayQuestion("给一线工人送了些啥").alts.get("工人")).toContain("工作者");
    expect(everydayQuestion("曹媛是什么职务").alts.get("职务")).toContain("书记");
    expect(everydayQuestion("摊主被怎么处理了").alts.get("处理")).toContain("责令");
    expect(everydayQuestion("警方靠什么找到小偷的").alts.get("小偷")).toContain("犯罪嫌疑人");
    expect(everydayQuestion("张三担任什么职位").alts.get("职务")).toContain("主任");
    // A meeting asked when was convened or held, not `开展`ed (`今年，…开展…专项行动` is no meeting).
    expect(everydayQuestion("大会啥时候开的").alts.get("召开")).not.toContain("开展");
    expect(everydayQuestion("启用那天").alts.get("当天")).toContain("当日");
  });

  it("reads a numeral inside a policy's or a day's name (`两新`, `六稳`, `八一`) as counting nothing", () => {
    const numeral = /[一二两三四五六七八九十]/u;
    expect("舟山市委两新工委主办的“六稳”“六保”活动".replace(NUMERAL_WORDS, " ")).not.toMatch(numeral);
    expect("开展“八一”慰问，第一时间报告".replace(NUMERAL_WORDS, " ")).not.toMatch(numeral);
    // A place named with a numeral (`四川`, `九江`) counts nothing either.
    expect("四川天府新区在九江、十堰设点".replace(NUMERAL_WORDS, " ")).not.toMatch(numeral);
    // A count stays one.
    expect("81名官兵，八一路".replace(NUMERAL_WORDS, " ")).toContain("81名");
  });

  it("reads a lone `一` with no measure word after it (`焕然一新`) as counting nothing, `一倍`, `一个`, `第一` as counting; asked money, an area as none", () => {
    expect(countsAnything("位于枣庄高新区的德仁公园升级改造后，面貌焕然一新，深受市民喜爱", "亩")).toBe(
      false,
    );
    expect(countsAnything("一心为民，一马当先", null)).toBe(false);
    // Money asked: a sentence whose every number is in a unit of its own states none; a share may.
    expect(countsAnything("现对二期项目（净地面积约2.5万平方米）公开整体招租", "元")).toBe(false);
    expect(countsAnything("国防开支将增加到国内生产总值的4%", "元")).toBe(true);
    expect(countsAnything("租金为每平方米25元", "元")).toBe(true);
    // Nor do times of day count money: `8点30分` is no amount.
    expect(countsAnything("公羊救援队在早上8点30分左右，用直升机将被困的5名当地居民救出", "元")).toBe(false);
    expect(countsAnything("截至29日19时，当天取消航班17架次", "元")).toBe(false);
    expect(countsAnything("8点30分，公司投资300万", "元")).toBe(true);
    // A multiple in words counts (`双倍车辆定金`).
    expect(countsAnything("并于解约当天退还全部款项、支付协议内涉及的双倍车辆定金", null)).toBe(true);
    // A length of time counts no things: `为期两个月` does not answer `多少个非法加油点`; asked how long, it does.
    expect(countsAnything("在全市开展为期两个月的依法整治非法经营成品油行为专项行动", "个")).toBe(false);
    expect(countsAnything("在全市开展为期两个月的专项行动，查处非法加油点12个", "个")).toBe(true);
    expect(countsAnything("在全市开展为期两个月的依法整治非法经营成品油行为专项行动", null)).toBe(true);
    // A level in Roman numerals counts (`Ⅳ级`), the time before it aside.
    expect(countsAnything("决定于7月24日上午10时起，启动全市防汛Ⅳ级应急响应", null)).toBe(true);
    for (const counts of [
      "出口收入同比增长一倍",
      "一巢只生一个蛋",
      "一成用于分红",
      "投资一万元",
      "排名第一",
      "調集了八萬大軍",
      "共設置十一個行省",
    ])
      expect(countsAnything(counts, null), counts).toBe(true);
  });

  it("counts the thing of `多少个X` with any measure word a report gives it", () => {
    const asked = countedByAny("坝坝会上居民提了多少个问题");
    expect(asked?.test("收集公交线路等问题13条")).toBe(true);
    expect(asked?.test("收集了13条问题")).toBe(true);
    expect(asked?.test("现场解答5条")).toBe(false);
    expect(countedByAny("有多少家企业")).toBeNull();
    expect(countedByAny("要建几个商业综合体")?.test("加紧建设四大商业综合体")).toBe(true);
  });
});

/** Asks `question` and expects a decline whose closest source quotes a sentence holding `quoted`. */
async function declinesAbove(question: string, quoted: string): Promise<void> {
  const a = await service.ask(question);
  expect(a.abstained).toBe(true);
  expect(a.citations[0]?.quote).toContain(quoted);
}

/** Asks `question` and expects an answer, not a decline, whose text holds `holds`; returns it for more checks. */
async function answers(question: string, holds: string): Promise<Answer> {
  const a = await service.ask(question);
  expect(a.abstained, question).toBe(false);
  expect(a.answer, question).toContain(holds);
  return a;
}

describe("kinds of question, answered from whole articles", () => {
  it("answers an everyday fact question with the sentence stating it", async () => {
    await answers("株洲高新区帮多少人找到了工作啊", "2860人");
    await answers("株洲高新区向白石村捐了多少钱？", "12万元");
  });

  it("answers what a firm does, a thing made and a plot's size asked in everyday words", async () => {
    await answers("启明软件是做啥的", "主营工业控制软件开发");
    await answers("嘉兴高新区财政局做了一本什么手册", "《科创企业融资手册》");
    await answers("嘉兴高新区智能制造产业园那块地有多大", "150亩");
  });

  it("answers with the sentence before too when the question's heaviest word is only there (`…赠送了纪念品。他们还…`)", async () => {
    const a = await answers("送了纪念品的嘉兴银行还讲了什么", "防范金融诈骗");
    // The line says who `他们` are.
    expect(a.answer).toContain("嘉兴银行");
  });

  it("answers how many of a kind of people from the sentence counting them, not one counting others in 人", async () => {
    await answers("嘉兴高新区微军训这次来了多少个学生", "36名");
  });

  it("answers who with the sentence before a `他们…` one, which names them", async () => {
    const a = await answers("哪家银行给企业代表讲解了防范金融诈骗知识", "防范金融诈骗");
    expect(a.answer).toContain("嘉兴银行");
  });

  it("answers of a zone from an article naming its county-level city beside a bare `高新区`, which the corpus reader leaves zoneless", async () => {
    await answers("汨罗高新区的安全生产大检查是哪天搞的", "8月3日");
    await answers("汨罗高新区安全检查是谁牵头的", "汨罗市应急局");
  });

  it("answers how a case ended with the sentence stating the outcome, not the headline-like lead naming the case", async () => {
    await answers("萍乡高新区那家超市缺斤短两最后怎么处理的", "责令整改");
  });

  it("answers a question typed with spaces between its characters as if typed plainly", async () => {
    await answers("株 洲 高 新 区 帮 多 少 人 找 到 了 工 作", "2860人");
  });

  it("declines a how-many question whose best sentence counts nothing, a date being no count", async () => {
    for (const q of ["德阳高新区人才公寓有多少间健身房", "湘潭高新区员工关爱活动有多少人参加"]) {
      const a = await service.ask(q);
      expect(a.abstained, q).toBe(true);
      expect(a.citations.length, q).toBeGreaterThan(0);
    }
    // A count in words is a count: `减半` aside, `入住青年人才156人` answers.
    await answers("德阳高新区人才公寓首批住了多少人", "156人");
  });

  it("declines an amount of money whose sentence states only a time of day and a count of people", async () => {
    await declinesAbove("潍坊高新区蓝海救援队用冲锋舟转移村民花了多少钱", "早上7点40分左右");
  });

  it("answers the hour asked (`几点`) with a time of day, which counts nothing for an amount", async () => {
    await answers("潍坊警方当晚几点赶到现场", "22时许");
  });

  it("declines a length of time asked of a sentence with no word of time (`被判了几年`: `…总长800余米`)", async () => {
    await declinesAbove("偷电缆的赵某被判了几年", "总长800余米");
    await answers("潍坊高新区偷电缆的赵某偷了多长的电缆", "800余米");
  });

  it("answers which place of a kind with the sentence naming one (`…新华社区`), not a closer one naming none", async () => {
    const a = await answers("潍坊高新区救援队的物资送到哪个社区了", "新华社区");
    expect(a.answer).not.toContain("受灾群众手中");
  });

  it("never quotes a repost's tail (`来源：…责任编辑：…返回搜狐`)", async () => {
    const a = await service.ask("潍坊高新区救援队的责任编辑是谁");
    for (const c of a.citations) expect(c.quote).not.toMatch(/责任编辑|返回搜狐/u);
  });

  it("declines a how-much question whose sentence has a numeral only in words that count nothing (`一行`)", async () => {
    await declinesAbove("韶关高新区长者食堂用餐多少钱", "询问用餐价格");
  });

  it("counts people in 名 for `多少人`: the clause whose count is followed by what is asked answers", async () => {
    const a = await answers("韶关高新区夜市招聘会有多少人来求职", "3000余名求职者");
    expect(a.answer).not.toContain("260人");
  });

  it("reads `找工作` as the reports' `求职`", async () => {
    await answers("韶关高新区夜市招聘会有多少人来找工作", "3000余名");
  });

  it("reads `Q2` as `第二季度`: the quarter's figure answers, not the half-year's", async () => {
    const a = await answers("丹霞科技 Q2 营收多少", "28.1亿元");
    expect(a.answer).not.toContain("52.6亿元");
  });

  it("declines an amount of money whose sentence only counts people (`接待百名…志愿者`)", async () => {
    await declinesAbove("南岭橡胶去年营收多少", "百名");
  });

  it("reads `最多…罚多少` as the reports' cap on a fine (`处5000元以下罚款`)", async () => {
    const a = await answers("反向抹零最多罚多少", "5000元以下罚款");
    expect(a.answer).not.toContain("10元");
  });

  it("reads `被偷` as `被盗` and `值多少钱` as `价值多少钱`", async () => {
    await answers("那辆被偷的山地车值多少钱", "价值6000余元");
  });

  it("reads a yes-or-no ending as asking yes or no only without a question word", () => {
    expect(asksYesOrNo("刘女士被骗的近8万元追回来了吗")).toBe(true);
    expect(asksYesOrNo("退款退了没有")).toBe(true);
    expect(asksYesOrNo("在新北市升格之前哪一种商圈比较少或是没有")).toBe(false);
    expect(asksYesOrNo("他叫什么")).toBe(false);
  });

  it("declines a yes-or-no question whose sentence does not state what it asks of (`追回`)", async () => {
    await declinesAbove("刘女士被骗的近8万元追回来了吗", "转账近8万元");
    await answers("刘女士报警了吗", "报警求助");
    // `叫什么` ends in `么` but asks a name.
    await answers("韶关高新区党工委书记叫什么", "赵文山");
  });

  it("answers `有人受伤吗` with a report's own words for it (`未造成人员伤亡`, `造成2人受伤`)", async () => {
    await answers("宜昌高新区仓库起火有人受伤吗", "未造成人员伤亡");
    await answers("宜昌高新区厂房坍塌有人受伤吗", "2人受伤");
  });

  it("declines `多少个X` when its sentence counts nothing (`…重点项目…两地…`), and answers it when one does", async () => {
    await declinesAbove("宜昌高新区在深圳参观了多少个项目", "重点项目");
    await answers("湘潭高新区科技成果转化论坛签约了多少个项目", "项目6个");
  });

  it("reads `被判了几年` as asking a length of time, not a date's year", () => {
    expect(questionShape(normalizeText("外卖员曹某被判了几年"))).toEqual({
      type: "number",
      unit: DURATION_UNIT,
    });
    expect(questionShape(normalizeText("彭某被判处多少年"))).toEqual({ type: "number", unit: DURATION_UNIT });
    expect(questionShape(normalizeText("曹某是哪年撞的人"))).not.toEqual({
      type: "number",
      unit: DURATION_UNIT,
    });
  });

  it("declines a quarter's figure the articles state only for another quarter", async () => {
    await declinesAbove("丹霞科技第三季度营收多少", "第二季度");
    await answers("丹霞科技二季度营收多少", "28.1亿元");
  });

  it("answers from the sentence an evaluation judges, not from the evaluation (`这是…又一例`)", async () => {
    const a = await service.ask("株洲高新区是不是多措并举帮企业稳岗留工了");
    expect(a.abstained).toBe(false);
    expect(a.answer).not.toContain("又一例");
    expect(a.answer).toContain("稳岗留工");
  });

  it("answers a question begun in English as if asked in Chinese", async () => {
    await answers("how much 株洲高新区向白石村捐款", "12万元");
  });

  it("answers what is new of no zone with the zones' newest articles, newest first, one line each", async () => {
    const a = await service.ask("最近有什么新闻");
    expect(a.abstained, a.answer).toBe(false);
    expect(a.kind).toBe("overview");
    const lines = a.answer.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(DIGEST_ARTICLES);
    expect(a.citations).toHaveLength(lines.length);
    const zones = lines.map((l) => /^\d+\. (\S+?高新区)/.exec(l)?.[1]);
    expect(new Set(zones).size).toBe(lines.length);
    const dates = lines.map((l) => /\d{4}-\d{2}-\d{2}/.exec(l)?.[0] ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("digests a zone's articles newest first, with dates, cited, then the count of the rest", async () => {
    const a = await service.ask("株洲高新区最近有什么新闻");
    expect(a.abstained).toBe(false);
    expect(a.kind).toBe("overview");
    const lines = a.answer.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(DIGEST_ARTICLES);
    const dates = lines.map((l) => /\d{4}-\d{2}-\d{2}/.exec(l)?.[0] ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe("2023-08-15");
    lines.forEach((l, i) => {
      expect(l).toContain(`[${i + 1}]`);
    });
    expect(a.citations).toHaveLength(DIGEST_ARTICLES);
    for (const c of a.citations) {
      expect(c.zones).toContain("株洲高新区");
      expect(index.passageById(c.passageId)?.text).toContain(c.quote);
    }
    // Nine articles name the zone; the newest only mentions it in passing, so it is not among the five.
    expect(a.answer).toContain("另有 4 篇，用 /zone 株洲高新区 查看全部。");
    expect(a.answer).not.toContain("消防");
  });

  it("lists an article whose zone was read from a bare 高新区 with the sentence saying it", async () => {
    const a = await service.ask("潍坊高新区有什么新闻");
    const line = a.answer.split("\n").find((l) => l.includes("潍坊警方破获一起电动车盗窃案"));
    expect(line).toContain("民警随即在高新区某小区内将犯罪嫌疑人孙某抓获");
  });

  it("lists an article mentioning the zone in passing after those about it", async () => {
    const a = await service.ask("介绍一下株洲高新区");
    const overview = await createAnswerService(index).ask("株洲高新区有什么新闻");
    expect(a.answer).toBe(overview.answer.replace(overview.question, a.question));
    const few = await service.ask("绵阳高新区有什么新闻");
    expect(few.answer).toContain("绵阳高新区的报道（共 1 篇");
    expect(few.answer).not.toContain("另有");
  });

  it("answers a how question with the measure sentences of the article, in its order, without evaluations", async () => {
    const a = await service.ask("株洲高新区是怎么帮企业稳岗留工的？");
    expect(a.abstained).toBe(false);
    expect(a.kind).toBe("how");
    const lines = a.answer.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(a.answer).toContain("劳务协作站");
    expect(a.answer).toContain("186万元");
    expect(a.answer).not.toContain("又一例");
    expect(a.answer).not.toContain("重要意义");
    const text = index.passages
      .filter((p) => p.articleId === "zz-03")
      .map((p) => p.text)
      .join("");
    const at = a.citations.map((c) => text.indexOf(c.quote));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
    // What was done named before `做了啥`: the topic, not the actor.
    const done = await service.ask("株洲高新区帮企业稳岗留工做了啥");
    expect(done.kind).toBe("how");
    expect(done.answer).toContain("劳务协作站");
  });

  it("answers several facts each from the clause stating it, in the question's order", async () => {
    const a = await service.ask("株洲高新区复工企业有多少家，协调物流车辆多少台次");
    expect(a.abstained).toBe(false);
    const first = a.answer.indexOf("1260家");
    const second = a.answer.indexOf("230台次");
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(a.answer).toMatch(/\[1\]/);
  });

  it("gives several facts one sentence states together in that sentence, with no one fact in bold above it", async () => {
    const a = await answers("株洲高新区复工企业有多少家、复工率多少", "1260家");
    expect(a.answer).toContain("97%");
    expect(a.short ?? null).toBeNull();
    const both = await service.ask("株洲高新区复工率和复工企业数分别是多少");
    expect(both.answer).toContain("1260家");
    expect(both.answer).toContain("97%");
    expect(both.short ?? null).toBeNull();
    // One fact asked of the same sentence still gets its short answer.
    expect((await service.ask("株洲高新区复工率多少")).short?.text).toBe("97%");
  });

  it("answers a growth question with the clause of the change it asks for, not another number", async () => {
    const yoy = await service.ask("株洲高新区工业产值同比增长了多少");
    expect(yoy.answer).toContain("9.6%");
    expect(yoy.answer).not.toContain("812.4亿元");
    const mom = await service.ask("株洲高新区工业产值环比涨了多少");
    expect(mom.answer).toContain("2.1%");
    expect(mom.answer).not.toContain("9.6%");
  });

  it("answers a growth question from the part of a listing sentence on what it asks", async () => {
    const a = await service.ask("益阳高新区科技型中小企业贷款余额涨了多少");
    expect(a.answer).toContain("18.2%");
    expect(a.answer).not.toContain("31.5%");
    expect(a.answer).not.toContain("12.4%");
  });

  it("answers which zone did something with the clause naming it", async () => {
    const a = await answers("哪个高新区建成了1200座5G基站", "绵阳高新区");
    // The zone itself in bold, as the line spells it; asked in everyday words too.
    expect(a.short?.text).toBe("绵阳高新区");
    const d = await service.ask("哪个高新区向村里捐了款");
    expect(d.short?.text).toBe("株洲高新区");
    expect(d.answer).toContain("捐款12万元");
  });

  it("answers a question asking for the latest from the newest article that states it", async () => {
    const a = await answers("株洲高新区目前有多少家国家级专精特新企业", "41家");
    expect(a.citations[0]?.articleId).toBe("zz-05");
  });

  it("starts the answer after a republished story's headline label and its dateline, unless the date is asked", async () => {
    const a = await answers("德阳高新区人才公寓有多少套房源", "320套");
    expect(a.answer).not.toMatch(/原标题|日报讯|记者/);
    expect(a.citations[0]?.quote).toContain("8月16日");
    await answers("德阳高新区人才公寓是什么时候交付使用的", "8月16日");
    // A byline the source broke over two lines leaves a name and a bracket before the date: not shown.
    const e = await service.ask("湘潭高新区员工关爱活动是什么时候启动的");
    expect(e.answer).toMatch(/^8月4日，湘潭高新区/);
    // Its digest line: the headline without the label, then a sentence of the story, not the headline again.
    const o = await service.ask("德阳高新区有什么新闻");
    const item = o.answer.split("\n").find((l) => l.startsWith("1. ")) ?? "";
    expect(item).toContain("《德阳高新区首批人才公寓交付使用》：");
    expect(item).toContain("320套");
    // A topic's digest line is the sentence stating the topic, though it comes late in the article.
    const topic = await service.ask("德阳高新区物业有什么新闻");
    expect(topic.kind).toBe("overview");
    expect(topic.answer.split("\n").find((l) => l.startsWith("1. "))).toContain("物业服务由园区国企负责");
  });

  it("answers a how question from the first article stating two measures, its lines without the dateline", async () => {
    const a = await service.ask("湘潭高新区是怎么反诈的？");
    expect(a.kind).toBe("how");
    expect(a.citations.every((c) => c.articleId === "xt-02")).toBe(true);
    expect(a.answer).toContain("300余家企业");
    const first = a.answer.split("\n").find((l) => l.startsWith("1. ")) ?? "";
    expect(first).not.toMatch(/日报讯|记者/);
    expect(a.citations[0]?.quote).toContain("湘潭日报讯");
  });

  it("digests the news of a kind of event, articles stating the topic in one sentence first", async () => {
    const a = await service.ask("湘潭高新区最近有什么诈骗案");
    expect(a.kind).toBe("overview");
    expect(a.answer).toContain("湘潭高新区诈骗的报道");
    // The story's own question (`…还能追回吗？`) is not its line.
    expect(a.answer).toContain("被骗2万元");
    expect(a.answer).not.toContain("追回吗");
    // `网购` and `诈骗` in two sentences of the newest article: listed after the one stating both, in passing.
    const b = await service.ask("湘潭高新区网购诈骗有什么新闻");
    const lines = b.answer.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines[0]).toContain("遭遇网购诈骗");
    expect(lines[1]).toContain("（提及）");
  });

  it("ends an answer line that closes a quote without a second full stop", async () => {
    const a = await answers("湘潭高新区设立了多少个反诈咨询台", "12个");
    expect(a.answer).toMatch(/。”\[1\]$/);
  });

  it("answers several zones' news with each zone's count and newest article", async () => {
    const a = await service.ask("株洲高新区和绵阳高新区各有几篇报道");
    expect(a.kind).toBe("overview");
    const lines = a.answer.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^1\. 株洲高新区（共 \d+ 篇），最新：2023-08-15/);
    expect(lines[1]).toMatch(/^2\. 绵阳高新区（共 1 篇），最新：2023-08-10 《绵阳高新区建成5G基站1200座》/);
    expect(a.citations).toHaveLength(2);
  });

  it("passes over who attended for a digest line", async () => {
    const a = await service.ask("湘潭高新区有什么新闻");
    const first = a.answer.split("\n").find((l) => l.startsWith("1. ")) ?? "";
    expect(first).toContain("2023-08-20");
    expect(first).toContain("签约项目6个");
    expect(first).not.toContain("参加活动");
  });

  it("gives a digest line the sentence stating the event, not a platitude with a vague number (`几千年`)", async () => {
    const a = await service.ask("荆门高新区有什么新闻");
    const first = a.answer.split("\n").find((l) => l.startsWith("1. ")) ?? "";
    expect(first).toContain("阅读知识挑战赛");
    expect(first).not.toContain("几千年");
  });

  it("starts a digest line after the subtitle the feed ran into an article's lead (`…上“反诈课”近日，…`)", async () => {
    const a = await service.ask("宜春高新区有什么新闻");
    const first = a.answer.split("\n").find((l) => l.startsWith("1. ")) ?? "";
    expect(first).toContain("《守好企业“钱袋子”》：近日，宜春高新区反诈办");
    // The citation quotes the sentence whole.
    expect(a.citations[0]?.quote).toMatch(/^宜春高新警方给财会人员上/u);
    expect(withoutSubtitle("贴心服务叩开群众心门今年来，虎中社区")).toBe("今年来，虎中社区");
    // A subject before its time word, with no comma, is the lead itself.
    expect(withoutSubtitle("重庆高新区虎溪街道近日组织志愿者")).toBe("重庆高新区虎溪街道近日组织志愿者");
  });

  it("reads `该区` in an article about the zone asked of as that zone", async () => {
    await answers("益阳高新区今年在谈多少个项目啊", "52个");
    await answers("益阳高新区签了多少个亿元以上的项目", "19个");
  });

  it("reads a zone asked of without its city as the one zone the corpus names so", async () => {
    const a = await answers("滨海高新区新增了多少家科技型中小企业", "120家");
    expect(a.citations[0]?.zones).toContain("天津滨海高新区");
  });

  it("lists a reprinted story once, and shows no quotation whole as an article's main sentence", async () => {
    const a = await service.ask("益阳高新区有什么新闻");
    const lines = a.answer.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines.filter((l) => l.includes("科创贷款300万元"))).toHaveLength(1);
    const order = lines.find((l) => l.includes("电机企业")) ?? "";
    expect(order).not.toContain("订单已经排到了年底");
    expect(order).toContain("新建生产线");
    // A copy whose lead was rewritten (`原标题：…` run into it) repeats the story's other sentences.
    const b = await service.ask("宜昌高新区有什么新闻");
    const listed = b.answer.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(listed.filter((l) => l.includes("华昊新材料"))).toHaveLength(1);
    expect(listed.some((l) => l.includes("仓库起火"))).toBe(true);
    // The copy left out is said to be one, not counted among the articles to look up with /zone.
    expect(b.answer).toContain("另有 1 篇是上面报道的转载。");
    expect(b.answer).not.toContain("/zone");
  });

  it("bolds the zone as the corpus reads it, and the article's zone for a bare `高新区`", async () => {
    const a = await service.ask("哪个高新区发放了首笔科创贷款");
    expect(a.short?.text).toBe("益阳高新区");
    const b = await service.ask("哪个高新区在推行代位注销");
    expect(b.short?.text).toBe("益阳高新区");
    expect(b.answer.startsWith("益阳高新区：")).toBe(true);
    // Where the news came from, and what the zone did: the clause after `获悉` too.
    const c = await service.ask("哪个高新区发放了知识产权质押贷款");
    expect(c.short?.text).toBe("常德高新区");
    expect(c.answer).toContain("500万元");
    // A zone named by a district jieba does not tag as a place (玄武, 徐庄: in the place list).
    const d = await service.ask("哪个高新区开了智能机器人产业大会");
    expect(d.short?.text).toBe("南京玄武徐庄高新区");
    // A zone the corpus does not know by name keeps its suffix in bold.
    const e = await service.ask("哪个高新区举行了新材料产业论坛");
    expect(e.short?.text).toBe("长沙麓谷高新区");
  });

  it("lists measures, not a caption nor how people took them", async () => {
    const a = await service.ask("益阳高新区是怎么防溺水的");
    expect(a.kind).toBe("how");
    expect(a.answer).toContain("领导小组");
    expect(a.answer).toContain("护栏");
    expect(a.answer).not.toContain("大家纷纷表示");
    expect(a.answer).not.toMatch(/\d\. 防溺水安全知识宣讲活动/);
  });

  it("lists a village's measures, not the line saying who spoke the words quoted before it", async () => {
    const a = await service.ask("青溪村怎么宣传救助政策的");
    expect(a.kind).toBe("how");
    expect(a.answer).toContain("微信公众号");
    expect(a.answer).not.toContain("说道");
  });

  it("answers which person of a role with the sentence naming someone after the role, not the lead naming the role", async () => {
    await answers("韶关防溺水宣讲是哪个人大代表讲的", "王敏");
  });

  it("answers what people went on to do (`宣讲完…干嘛去了`) with the sentence saying what was done after", async () => {
    await answers("韶关人大代表宣讲完代表们干嘛去了", "巡查");
  });

  it("still declines what the articles do not state", async () => {
    const a = await service.ask("株洲高新区今年引进了多少名博士");
    expect(a.abstained).toBe(true);
  });

  it("answers `涨了多少` with the clause of the growth, not the one saying how the rate moved", async () => {
    const a = await service.ask("衡阳高新区上半年GDP涨了多少");
    expect(a.answer).toContain("6.2%");
    expect(a.answer).not.toContain("312.5亿元");
    expect(a.answer).not.toContain("1.8个百分点");
  });

  it("declines an age asked of a sentence that states no number", async () => {
    // `街道党工委书记一行来到长者食堂`: its only numeral is `一行`'s.
    const age = await service.ask("韶关那个街道党工委书记多大年纪");
    expect(age.abstained, age.answer).toBe(true);
  });

  it("declines a province's figure that only another place's article states", async () => {
    // `衡阳高新区上半年GDP达312.5亿元`: the article never names 湖北, so its GDP is not 湖北's.
    const other = await service.ask("湖北上半年GDP涨了多少");
    expect(other.abstained, other.answer).toBe(true);
    expect(other.citations.length).toBeGreaterThan(0);
    // A question naming a zone the corpus knows is read by that zone, whatever province it adds.
    expect((await service.ask("湖南衡阳高新区上半年GDP涨了多少")).answer).toContain("6.2%");
  });

  it("answers a province's figure from the article naming it, though another place's states `GDP` itself", async () => {
    // `上半年，全省地区生产总值同比增长4.9%` of a report on 江西 against 衡阳高新区's `上半年GDP…同比增长6.2%`.
    const a = await answers("江西上半年GDP涨了多少", "4.9%");
    expect(a.answer).not.toContain("6.2%");
  });

  it("answers which station with the sentence naming one, not with one saying `来到派出所`", async () => {
    const a = await answers("王先生在哪个派出所报的警", "凤凰派出所");
    expect(a.short?.text ?? "").toContain("凤凰派出所");
  });

  it("answers what a term means with the sentence defining it, not the lead naming it", async () => {
    await answers("什么是容缺受理", "是指企业申请材料主件齐全");
  });

  it("answers a thing's name with the sentence quoting it, and an amount asked of a fake app", async () => {
    const name = await answers("那个假APP叫什么名字", "极速贷");
    expect(name.short?.text ?? "").toContain("极速贷");
    await answers("陈先生在假APP上测出能贷多少", "8万元");
  });

  it("answers how many of a kind came with the sentence counting them, though the lead names them more fully", async () => {
    await answers("芙蓉社区的交友音乐会来了多少青年", "60多名");
  });

  it("answers `送了些啥` with the sentence listing what was given, not the lead naming the visit", async () => {
    await answers("韶关总工会给一线工人送了些啥", "绿豆汤");
    await answers("韶关武警官兵手里拿着啥", "福兔");
  });

  it("answers people asked in everyday words (`工人`, `受益`, `当过兵`) from the sentence counting them", async () => {
    // `惠及3000余名一线劳动者`: the workers are `劳动者`, benefiting is `惠及`.
    await answers("韶关送清凉有多少工人受益", "3000余名");
    // `12名书画家中有四位曾身穿军装`: counted among people, in 位.
    await answers("韶关书画进军营的人里有几个当过兵", "四位");
  });

  it("answers how one was chosen, where a meeting was held and what office someone holds", async () => {
    await answers("韶关儿童议事会的议事长是怎么选出来的", "投票产生");
    await answers("韶关儿童议事会在哪开的", "韶关市图书馆");
    await answers("李娟是什么职务", "副主席");
  });

  it("declines a country's figure that only a report on another country states", async () => {
    // `韩国统计厅…7月居民消费价格指数同比上涨2.3%`: the report never names 日本, and names 韩国.
    const other = await service.ask("日本7月份CPI同比上涨了多少");
    expect(other.abstained, other.answer).toBe(true);
    expect((await service.ask("韩国7月份CPI同比上涨了多少")).answer).toContain("2.3%");
  });

  it("answers a number question from the article's sentence stating a number of its kind", async () => {
    await answers("衡阳高新区法院帮那13个购房者要回了多少钱", "210余万元");
  });

  it("lists a zone's measures on a topic its sentences state in part (`招商引资` as `招商`)", async () => {
    const a = await service.ask("衡阳高新区是怎么招商引资的");
    expect(a.kind).toBe("how");
    expect(a.answer).toContain("招商小分队");
    expect((await service.ask("衡阳高新区是怎么建5G基站的")).abstained).toBe(true);
  });

  it("reads `多细` as asking a size", async () => {
    expect((await service.ask("湘南精工的钻针能做到多细")).answer).toContain("0.03毫米");
  });

  it("gives no short answer to a how question answered from one sentence (a way of doing is no span)", async () => {
    const a = await answers("岳阳高新区是怎么疏导交通的", "岳阳高新区");
    expect(a.short).toBeNull();
  });

  it("reads `判…赔` as stated by an award's `裁决` as well as a court's `判决`", () => {
    const read = everydayQuestion("仲裁委当初判公司赔多少");
    expect(read.alts.get("判")).toContain("裁决");
    expect(everydayQuestion("被判了几年").alts.get("判")).toBeUndefined();
  });

  it("answers a count of children asked in everyday words from the sentence counting `孩子`", async () => {
    // `心理课` is the report's `心理健康教育`, `孩子` read as `儿童`: `对30余名孩子进行了主题宣讲` counts them,
    // though the roster before it counts `50余人`.
    const a = await answers("芙蓉社区的心理课有多少孩子来听", "30余名");
    expect(a.answer).not.toContain("50余人");
  });

  it("answers a total over the years, a trip's length and what is lacked, asked in everyday words", async () => {
    // The headline's `50余万元` is this gift; `这些年一共` asks the running total, `累计…300余万元`.
    const total = await answers("丰泰食品这些年一共捐了多少", "300余万元");
    expect(total.answer).not.toContain("50余万元");
    await answers("丰泰食品运物资的车路上开了多久", "8个小时");
    await answers("丰泰食品驰援的灾区群众最缺啥", "饮用水和药品");
  });

  it("declines a count of one kind of people (`志愿者`) where the sentence counts only another (`青少年`)", async () => {
    await declinesAbove("岳阳高新区核能宣讲团有多少个志愿者", "30多名青少年");
    await answers("岳阳高新区核能宣讲给多少青少年科普了", "30多名");
  });

  it("reads a `路口` asked as the `交口` a report names", async () => {
    await answers("岳阳高新区哪个路口积水了", "金鹗路与学院路交口");
  });

  it("counts pairs in 对, reads `当场` as `现场` and `在哪办的` as where it was held", async () => {
    await answers("岳阳高新区联谊会当场成了几对", "6对");
    await answers("岳阳高新区那个交友联谊会在哪办的", "南湖会展中心");
  });

  it("counts the people named before `有几个` in 名, and reads `待了几天` as a length of time", async () => {
    const a = await answers("来枫桥社区的山区小朋友有几个", "八名");
    expect(a.answer).not.toContain("四个家庭");
    await answers("山区小孩在岳阳待了几天", "六天");
  });
});
