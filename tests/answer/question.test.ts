import { describe, expect, it } from "vitest";
import {
  countedThingMissing,
  feeMissing,
  fineOnlyAllowed,
  indicatorMissing,
  onlyPricesPerUnit,
  periodContradicted,
} from "../../src/answer/decline-evidence.js";
import { everydayQuestion } from "../../src/answer/everyday.js";
import type { TextTools } from "../../src/answer/passage.js";
import {
  askedRole,
  asksAmount,
  asksForByline,
  asksForList,
  asksForSeveral,
  cleanQuestion,
  MAX_QUESTION_CHARS,
  NAME_UNIT,
  plainQuestion,
  questionShape,
  validateQuestion,
} from "../../src/answer/question.js";
import { questionTerms, timeWords } from "../../src/answer/question-terms.js";

describe("validateQuestion", () => {
  it("refuses an empty or whitespace-only question with a Chinese hint", () => {
    for (const q of ["", "   ", "\u200b\u200d\ufeff", "\u0000\u0007"]) {
      const r = validateQuestion(q);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("empty");
    }
  });

  it("refuses a 6,000-character question and says how long it was", () => {
    const r = validateQuestion("问".repeat(6000));
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.code === "too-long") {
      expect(r.error.length).toBe(6000);
      expect(r.error.message).toContain(String(MAX_QUESTION_CHARS));
    }
  });

  it("strips control, zero-width and bidi characters and mends lone surrogates", () => {
    expect(cleanQuestion("珠海\u200b高新区\u202e工业\u0001投资\n增速\ud800多少")).toBe(
      "珠海高新区工业投资 增速\ufffd多少",
    );
  });

  it("drops Discord mentions, which address people rather than the corpus", () => {
    expect(cleanQuestion("@everyone 珠海高新区<@123>增速<@&45>多少 <#6> @here")).toBe("珠海高新区 增速 多少");
  });

  it("counts length in characters, not UTF-16 units", () => {
    expect(validateQuestion("😀".repeat(MAX_QUESTION_CHARS)).ok).toBe(true);
  });
});

describe("questionShape", () => {
  it.each([
    ["珠海高新区工业投资增速多少", "number", "%"],
    ["济宁高新区今年计划新建项目多少个", "number", "个"],
    ["重庆市高新区协同创新战略联盟由几家高新区发起成立", "number", "家"],
    ["兰州高新区的党组织一共捐了多少钱", "number", "元"],
    ["西安高新区这次开工的新基建项目总投资是多少", "number", "元"],
    ["远山氮化镓计划什么时候达到量产", "date", null],
    ["科创中心是哪一年建成的", "date", "年"],
    ["兰州高新区两新组织党委书记叫什么名字", "person", null],
    ["鲁抗医药高新生物技术产业园位于哪里", "place", null],
    ["该联盟由哪个高新区牵头", "entity", "高新区"],
    ["该联盟由哪家企业牵头", "entity", null],
    ["西安高新区北斗产业创新中心项目投资额", "number", "元"],
    ["郴州高新区新增就业人数", "number", null],
    ["该区的营收在全省高新区中排名第几", "number", "第"],
    ["改造工程要持续多久", "number", "时长"],
    ["从园区到机场要多长时间", "number", "时长"],
    ["那位老人今年多大年纪", "number", "岁"],
    ["他夺冠时几岁", "number", "岁"],
    ["卖汽油的那个人多大了", "number", "岁"],
    ["警方查获了多少瓶假酒", "number", "瓶"],
    ["纪委通报了几起诬告案例", "number", "起"],
    ["新厂房面积多大", "number", null],
    ["新厂房预计在哪个月建成", "date", null],
    ["钻针能做到多细", "number", "米"],
    ["锂电池项目在哪个高新区投产的", "entity", "高新区"],
    ["园区派了多少个年轻干部进企业", "number", "人"],
    ["法院帮几个农民工讨回了工资", "number", "人"],
    ["园区配了多少个复工复产联络专员", "number", "人"],
    ["活动来了几个参与者", "number", "人"],
    // People named before the question word are counted in 人 (`六名…小朋友`); members may be bodies.
    ["来社区的彝族儿童有几个", "number", "人"],
    ["鞍山高新区转移了几个人", "number", "人"],
    ["缴纳多少个人所得税", "number", "个"],
    ["志愿者一共多少个", "number", "人"],
    // Counted among people (`人士里有几个…`): people, whatever they did (`有六位都曾身穿戎装`).
    ["去军营的文艺人士里有几个当过兵", "number", "人"],
    ["嘉宾中有多少个是院士", "number", "人"],
    ["园区里有几个项目", "number", "个"],
    ["宣讲团给多少青少年讲了", "number", "人"],
    // An audience is people too: `80周年` does not count it.
    ["双拥汇演有多少观众", "number", "人"],
    ["比赛来了多少名选手", "number", "名"],
    ["联会成员一共有多少个", "number", "个"],
    ["联谊会现场成了几对", "number", "对"],
    ["德国失去了多少比例人口", "number", "%"],
  ])("%s → %s", (q, type, unit) => {
    expect(questionShape(q)).toMatchObject({ type, unit });
  });

  it.each([
    ["园区实际销售收入同比下降了多少", null],
    ["工业产值涨了多少", null],
    ["比春节前多了多少人", "人"],
    ["出口额增幅是多少", "%"],
  ])("reads %s as a growth question (unit %s): a revenue's change is not counted in 元", (q, unit) => {
    expect(questionShape(q)).toEqual({ type: "number", unit, change: true });
  });

  it("reads `哪几个` as asking which things, not how many, and `多远` as a length", () => {
    expect(questionShape("珠海新引进了哪几个项目").type).not.toBe("number");
    expect(questionShape("充电要跑多远")).toEqual({ type: "number", unit: "米" });
  });

  it("does not read a plain amount as a growth question", () => {
    expect(questionShape("园区实际销售收入是多少").change).toBeUndefined();
    expect(questionShape("有多少家企业入驻").change).toBeUndefined();
    // What was newly added is an amount (`两批共新增电动车停车位1018个`), not a change.
    expect(questionShape("郴州高新区一共新增了多少个电动车停车位").change).toBeUndefined();
    expect(questionShape("收入增了多少").change).toBe(true);
  });
});

describe("questionShape: a thing's name", () => {
  it("reads `X叫什么名字` of a thing as asking its quoted name, of a person as asking who", () => {
    expect(questionShape("仿冒app叫什么名字")).toEqual({ type: "entity", unit: NAME_UNIT, named: "app" });
    expect(questionShape("那个节目叫啥").unit).toBe(NAME_UNIT);
    expect(questionShape("理财经理叫什么名字").type).toBe("person");
    expect(questionShape("公司的董事长是谁").type).toBe("person");
    // `哪一位`, `哪一人`, `哪一个人`, `哪一名` (Taiwanese usage) ask who, as `哪位` and `哪个人` do.
    expect(questionShape("哪一位画家最早来到这座小镇").type).toBe("person");
    expect(questionShape("这份报告是由哪一个人执笔的").type).toBe("person");
    expect(questionShape("哪一名球员打进了制胜球").type).toBe("person");
    expect(questionShape("哪一人发明了这种编织方法").type).toBe("person");
    expect(questionShape("展品摆在哪一位置").type).not.toBe("person");
    expect(questionShape("哪一个人口最多").type).not.toBe("person");
    // `什么游戏`, `哪首歌`: the name asked stands by the word of its kind.
    expect(questionShape("音乐会上玩了什么游戏")).toEqual({ type: "entity", unit: NAME_UNIT, named: "游戏" });
    expect(questionShape("唱了哪首歌").named).toBe("歌|曲");
    expect(questionShape("买了什么游戏机").unit).toBeNull();
    // `什么模式`: a report quotes the model's name (`实行“三定一督”模式`).
    expect(questionShape("垃圾分类用的什么模式")).toEqual({ type: "entity", unit: NAME_UNIT, named: "模式" });
  });
});

describe("plainQuestion", () => {
  it.each([
    ["兰州那边捐了多少钱啊", "兰州捐了多少钱"],
    ["济宁那边山推打算营收突破多少", "济宁山推营收突破多少"],
    // `那里` after a place points at it; `就是` before the question word is the asker's `是`.
    ["范阳东路那里积水有多深", "范阳东路积水有多深"],
    ["这里面有什么", "这里面有什么"],
    ["克拉玛依高新区就是哪个区", "克拉玛依高新区是哪个区"],
    // The man pointed at (`那个男的`) is the report's `男子`; wanting to (`想在…`) is the asker's, not `思想在`.
    ["如皋那个男的想在网上贷多少钱", "如皋男子在网上贷多少钱"],
    ["天赋人权思想在何时传入中国", "天赋人权思想在何时传入中国"],
    ["想问一下珠海高新区工业投资增速多少", "珠海高新区工业投资增速多少"],
    ["我在看重庆的报道，记者是谁", "重庆记者是谁"],
    ["重庆那篇报道的记者是谁", "重庆记者是谁"],
    // `干嘛` is a question word of speech, not a particle ending the question.
    ["捐的钱拿去干嘛", "捐的钱拿去干嘛"],
    ["说说珠海嘛", "说说珠海"],
    // `这些企业` points at them; `这些年` is a time (`这些年一共捐了多少`: the running total).
    ["这些企业有多少家", "企业有多少家"],
    ["盛佳食品这些年一共捐了多少", "盛佳食品这些年一共捐了多少"],
  ])("%s → %s", (q, plain) => {
    expect(plainQuestion(q)).toBe(plain);
  });

  it.each([
    ["廣濟橋擁有甚麼稱號?", "廣濟橋擁有什么稱號?"],
    ["项目为啥停工", "项目为什么停工"],
    ["充电桩咋收费", "充电桩怎么收费"],
  ])("spells question words the usual way: %s → %s", (q, plain) => {
    expect(plainQuestion(q)).toBe(plain);
  });

  it("keeps a question that is nothing but a wrapper", () => {
    expect(plainQuestion("啊")).toBe("啊");
  });

  it.each([
    ["宝 山 高 新 区 在 建 项 目 多 少 个", "宝山高新区在建项目多少个"],
    ["宝山高新区 垒知上海科创园 总投资多少", "宝山高新区垒知上海科创园总投资多少"],
    ["5G 基站有多少座", "5G 基站有多少座"],
  ])("joins Chinese characters a space splits, not Latin words: %s → %s", (q, plain) => {
    expect(plainQuestion(q)).toBe(plain);
  });

  it.each([
    ["垒知项目一共要建几栋楼", "垒知项目一共要建多少栋楼"],
    ["車禍涉及幾輛車", "車禍涉及多少輛車"],
    ["获得第几名", "获得第几名"],
    ["哪几栋楼停电了", "哪几栋楼停电了"],
    ["几乎所有的楼", "几乎所有的楼"],
    ["几十万台设备", "几十万台设备"],
    ["有几个项目", "有几个项目"],
  ])("reads `几` with a measure word as `多少`, not an ordinal or `几乎`: %s → %s", (q, plain) => {
    expect(plainQuestion(q)).toBe(plain);
  });

  it.each([
    ["合肥高新区那场暴雨是哪天", "合肥高新区暴雨是哪天"],
    // `这个月` is a time, not a pointer at a thing.
    ["无锡高新区这个月有什么动态", "无锡高新区这个月有什么动态"],
    ["这个项目总投资多少", "项目总投资多少"],
    ["哪个项目总投资最多", "哪个项目总投资最多"],
    ["这是哪一年的事", "这是哪一年的事"],
  ])("drops a pointing word with its measure word before a noun: %s → %s", (q, plain) => {
    expect(plainQuestion(q)).toBe(plain);
  });

  it.each([
    ["腾讯 Q2 营收多少", "腾讯第二季度营收多少"],
    ["腾讯2023Q1净利润多少", "腾讯2023年第一季度净利润多少"],
    ["q4出货量多少", "第四季度出货量多少"],
    ["公司H1营收多少", "公司上半年营收多少"],
    ["2023 H2 有什么计划", "2023年下半年有什么计划"],
    ["H1N1是什么病毒", "H1N1是什么病毒"],
    ["Q10电池是哪家的", "Q10电池是哪家的"],
  ])(
    "reads the report abbreviation of a quarter or half-year in %s as Chinese reports write it",
    (q, plain) => {
      expect(plainQuestion(q)).toBe(plain);
    },
  );

  it("reads the pinyin slip `高薪区` as `高新区`", () => {
    expect(plainQuestion("无锡高薪区半导体展会面积多大")).toBe("无锡高新区半导体展会面积多大");
    expect(plainQuestion("高薪技术产业开发区有哪些")).toBe("高新技术产业开发区有哪些");
    expect(plainQuestion("高薪人才有多少")).toBe("高薪人才有多少");
  });

  it.each([
    ["what is 宝山高新区垒知项目的建筑面积", "宝山高新区垒知项目的建筑面积"],
    ["Hi, what's 珠海高新区工业投资增速", "珠海高新区工业投资增速"],
    ["how many 宝山高新区在建项目?", "宝山高新区在建项目多少"],
    ["who is 乌鲁木齐高新区妇联主席", "乌鲁木齐高新区妇联主席是谁"],
    ["when 垒知科创园封顶", "垒知科创园封顶是什么时候"],
    ["where is 垒知上海科创园", "垒知上海科创园在哪里"],
    ["what about AI", "what about AI"],
  ])("reads an English question word before Chinese as the Chinese one: %s → %s", (q, plain) => {
    expect(plainQuestion(q)).toBe(plain);
  });
});

describe("asksAmount", () => {
  it("tells a question asking an amount outright from one a number word only qualifies", () => {
    expect(asksAmount("张家港高新区巨桥村有多少低保户")).toBe(true);
    expect(asksAmount("垒知项目一共要建几栋楼")).toBe(true);
    expect(asksAmount("美国特勤区的雇员有哪几种")).toBe(false);
    expect(asksAmount("几乎所有食物都喜欢加入什么油调味")).toBe(false);
    expect(asksAmount("稻米的黏性与哪一种淀粉的比例有关")).toBe(false);
    expect(asksAmount("如何获得更高的分辨率")).toBe(false);
    expect(asksAmount("名列第几")).toBe(false);
  });

  it("reads `X叫什么` as asking a person when X is an office or role", () => {
    expect(questionShape("保定高新区哈罗城社区党支部书记叫什么").type).toBe("person");
    expect(questionShape("重庆高新区反诈办的宣防民警叫什么").type).toBe("person");
    expect(questionShape("这个产品叫什么").type).not.toBe("person");
    expect(questionShape("主任是什么级别").type).not.toBe("person");
  });

  it("does not read `几乎` or `几何` as asking a number", () => {
    expect(questionShape("几乎所有食物都喜欢加入什么油调味").type).not.toBe("number");
    expect(questionShape("几何光学又称为什么").type).not.toBe("number");
    expect(questionShape("巨桥村有几户低保户").type).toBe("number");
  });
});

describe("asksForByline / asksForSeveral", () => {
  it("tells a byline question from a question about a person in the news", () => {
    expect(asksForByline("重庆记者是谁")).toBe(true);
    expect(asksForByline("这篇文章是谁写的")).toBe(true);
    expect(asksForByline("兰州高新区两新组织党委书记是谁")).toBe(false);
  });

  it("tells a question asking for several things", () => {
    expect(asksForSeveral("哪些高新区参与发起了联盟")).toBe(true);
    expect(asksForSeveral("哪个高新区牵头")).toBe(false);
  });

  it("reads the role of the person a which-person question asks for", () => {
    expect(askedRole("防溺水宣讲是哪个人大代表讲的")).toBe("人大代表");
    expect(askedRole("给孩子上课的是哪位老师")).toBe("老师");
    expect(askedRole("哪个社区举办的")).toBeNull();
  });

  it("tells a question asking for a list: `哪些`, or `些什么` (plural)", () => {
    expect(asksForList("总工会给一线工人送了些什么")).toBe(true);
    expect(asksForList("孩子们都画了些啥")).toBe(true);
    expect(asksForList("哪些高新区参与发起了联盟")).toBe(true);
    expect(asksForList("总工会给一线工人送了什么")).toBe(false);
  });
});

describe("timeWords", () => {
  const terms = (words: string[]) => words.map((word) => ({ word, weight: 1 }));

  it("finds the question's words inside its time phrases, and only those", () => {
    const q = "中国外汇储备规模截至2023年7月末为多少";
    expect([...timeWords(q, terms(["外汇储备", "规模", "截至", "2023", "年", "7", "月末"]))].sort()).toEqual(
      ["2023", "7", "年", "月末"].sort(),
    );
    expect([...timeWords("上半年锂电池出口增长多少", terms(["上半年", "锂电池", "出口"]))]).toEqual([
      "上半年",
    ]);
    expect(timeWords("园区有多少家企业", terms(["园区", "企业"])).size).toBe(0);
  });
});

describe("periodContradicted", () => {
  it("reads a quote counting another year or month than the question asks as contradicting it", () => {
    expect(periodContradicted("郴州高新区去年新增就业多少人", "截至今年5月底，新增就业3400人")).toBe(true);
    // News counts this year's figures by months alone.
    expect(periodContradicted("珠海高新区去年工业投资增速多少", "1-4月工业投资增速达40.7%")).toBe(true);
    // A figure as it is now (`目前`) is this year's too.
    expect(
      periodContradicted("珠海高新区去年复工率多少", "目前，珠海高新区复工复产企业达3240家，复工率94%"),
    ).toBe(true);
    expect(periodContradicted("美国7月份消费者价格指数上涨多少", "6月份，消费者价格指数上涨3%")).toBe(true);
  });

  it("does not when the quote states the period asked, names none, or the year is a comparison's base", () => {
    expect(periodContradicted("郴州高新区今年新增就业多少人", "截至今年5月底，新增就业3400人")).toBe(false);
    expect(periodContradicted("去年新增就业多少人", "新增就业3400人")).toBe(false);
    expect(periodContradicted("收入比去年同期增长多少", "今年1-5月收入同比增长18%")).toBe(false);
    expect(periodContradicted("7月份消费者价格指数上涨多少", "8月10日公布的7月消费者价格指数上涨3.2%")).toBe(
      false,
    );
    // A day is an event's date, not the period of a figure.
    expect(periodContradicted("7月份新增多少", "6月8日投产，新增800人")).toBe(false);
    // Years by number are not read: an encyclopedia question's year is its story's time.
    expect(periodContradicted("1924年出走的师生创办了什么大学", "1951年，大夏大学与光华大学合并")).toBe(
      false,
    );
    // A quote naming a year by number may name the one asked: its `今年` need not be its figure's year.
    expect(
      periodContradicted(
        "南大苏州校区去年招了多少本科生",
        "2022年首次招录本科生503名、硕士生66名、博士生45名，今年起学生正式入驻苏州校区",
      ),
    ).toBe(false);
  });
});

describe("countedThingMissing and indicatorMissing", () => {
  it("reads a count of another thing, or a figure of another indicator, as not answering", () => {
    const alliance = "该联盟由重庆高新区牵头，联合璧山高新区、永川高新区、荣昌高新区等10家高新区发起成立";
    expect(countedThingMissing("重庆高新区联盟有多少家上市公司", alliance)).toBe(true);
    expect(countedThingMissing("重庆高新区联盟有多少家高新区", alliance)).toBe(false);
    // Said otherwise, a character shared is enough: `出入口` as `出口`.
    expect(countedThingMissing("呼家楼站有几个出入口", "目前呼家楼站有8个出口")).toBe(false);
    const firm = "1-5月，公司实现主营业务收入4.55亿元，同比增长18%，完成外贸进出口额4109万美元，同比增长2.3%";
    expect(indicatorMissing("郴州高新区1-5月gdp增长多少", firm)).toBe(true);
    expect(indicatorMissing("台达电子营收涨了多少", firm)).toBe(false);
    expect(indicatorMissing("重庆高新区2019年营收是多少", "2019年实现地区生产总值近万亿元")).toBe(true);
    expect(indicatorMissing("联盟2019年gdp多少", "2019年实现地区生产总值近万亿元")).toBe(false);
  });

  it("reads an indicator the everyday reading put in as stated by the words it was read from (`赚了` → `收入`)", () => {
    const read = everydayQuestion("何女士刷单前前后后赚了多少");
    const earned = "何女士前前后后大概赚了80元，随后群管理员又发来一个二维码";
    expect(indicatorMissing(read.question, earned)).toBe(true);
    expect(indicatorMissing(read.question, earned, read.alts)).toBe(false);
    // Another indicator is still missing (`gdp` is no everyday reading).
    expect(indicatorMissing("何女士所在区gdp多少", earned, read.alts)).toBe(true);
  });
});

describe("fineOnlyAllowed", () => {
  const law = "违反者应当退还违法所得，可以并处5000元以下罚款";
  it("reads a fine the law allows as not answering what a party was fined", () => {
    expect(fineOnlyAllowed("新余那家水果店被罚了多少钱", law)).toBe(true);
    expect(fineOnlyAllowed("商家罚款多少", "最高可处10万元罚款")).toBe(true);
  });
  it("lets the ceiling answer what could be fined, and an imposed fine answer what was", () => {
    expect(fineOnlyAllowed("反向抹零违法最多能罚多少", law)).toBe(false);
    expect(fineOnlyAllowed("水果店被罚了多少钱", "该店被处以2000元罚款")).toBe(false);
    expect(fineOnlyAllowed("水果店被罚了多少钱", "市场监管局依法对该店处以2000元罚款")).toBe(false);
    expect(fineOnlyAllowed("水果店赚了多少钱", law)).toBe(false);
  });
});

describe("questionTerms", () => {
  it("reads a word jieba glued the question's way as the word the reports hold (`坝坝` → `坝坝会`, `提了` → `提`)", () => {
    const held = new Set(["坝坝会", "会上", "居民", "提", "问题"]);
    const tools: TextTools = {
      normalize: (s) => s,
      words: () => ["坝坝", "会上", "居民", "提了", "问题"],
      idf: () => 1,
      known: (w) => held.has(w),
    };
    expect(questionTerms("坝坝会上居民提了多少个问题", tools).map((t) => t.word)).toEqual([
      "坝坝会",
      "会上",
      "居民",
      "提",
      "问题",
    ]);
  });

  it("leaves out the one character after `什么` that no passage holds as a word (`什么歌`): the answer names it", () => {
    const held = new Set(["合唱", "孩子"]);
    const tools: TextTools = {
      normalize: (s) => s,
      words: () => ["孩子", "合唱", "歌"],
      idf: () => 1,
      known: (w) => held.has(w),
    };
    expect(questionTerms("孩子们合唱了什么歌", tools).map((t) => t.word)).toEqual(["孩子", "合唱"]);
    // Held as a word, it stays.
    expect(questionTerms("孩子们合唱了什么歌", { ...tools, known: () => true }).map((t) => t.word)).toContain(
      "歌",
    );
  });

  it("leaves out the asking of a name (`叫什么名字`): a report names it without saying `叫`", () => {
    const tools: TextTools = {
      normalize: (s) => s,
      words: (s) => ["理财", "经理", "叫", "名字"].filter((w) => s.includes(w)),
      idf: () => 1,
    };
    expect(questionTerms("理财经理叫什么名字", tools).map((t) => t.word)).toEqual(["理财", "经理"]);
  });
});

describe("onlyPricesPerUnit", () => {
  it("reads a total of money asked of a quote stating only prices per unit as not stated", () => {
    const quote = "以游客采摘为主，价格在15到35元/斤，每斤出售价格15-25元不等";
    expect(onlyPricesPerUnit("海安阳光玫瑰葡萄一年卖了多少钱", quote)).toBe(true);
    expect(onlyPricesPerUnit("葡萄合作社收入多少", quote)).toBe(true);
  });

  it("does not when a price is asked, or the quote states a sum that is no price", () => {
    const quote = "以游客采摘为主，价格在15到35元/斤";
    expect(onlyPricesPerUnit("阳光玫瑰葡萄多少钱一斤", quote)).toBe(false);
    expect(onlyPricesPerUnit("阳光玫瑰葡萄价格多少", quote)).toBe(false);
    expect(onlyPricesPerUnit("合作社一年卖了多少钱", "价格15元/斤，全年销售收入达300万元")).toBe(false);
  });
});

describe("feeMissing", () => {
  it("reads a fee asked of a quote naming neither it nor any charge as not stated", () => {
    expect(feeMissing("福耀科技大学学费多少钱", "河仁慈善基金会首期捐资100亿元人民币")).toBe(true);
  });

  it("does not when the quote names the fee or a charge, or no fee is asked", () => {
    expect(feeMissing("学费多少钱", "本科学费每学年6000元")).toBe(false);
    expect(feeMissing("停车费多少", "收费标准为每小时5元")).toBe(false);
    expect(feeMissing("捐了多少钱", "首期捐资100亿元")).toBe(false);
  });
});
