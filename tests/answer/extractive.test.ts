import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Candidate,
  definedTerm,
  kindNamer,
  lists,
  PICK_TERMS,
  PICK_WEIGHTS,
  pickScore,
  pickSentences,
  pickTerms,
} from "../../src/answer/extractive.js";
import {
  cachedPassageText,
  prepareAhead,
  preparePassage,
  type TextTools,
  withAttribution,
} from "../../src/answer/passage.js";
import { questionShape } from "../../src/answer/question.js";
import { hybridSearch } from "../../src/answer/retrieve.js";
import { indexTextTools } from "../../src/answer/service.js";
import type { EmbeddedIndex } from "../../src/index/load.js";
import { normalizeText } from "../../src/index/tokenize.js";
import type { Passage } from "../../src/index/types.js";
import { openPageService } from "../helpers/page-index.js";

const questions = readFileSync("tests/fixtures/page-questions.jsonl", "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => (JSON.parse(l) as { question: string }).question);

let index: EmbeddedIndex;
beforeAll(async () => {
  ({ index } = await openPageService());
});

const passage = (id: string, text: string): Passage => ({
  id,
  articleId: id,
  ordinal: 0,
  text,
  title: "标题",
  section: null,
  mainZone: null,
  zones: [],
  byline: null,
  source: "x",
});

describe("prepared passages", () => {
  it("give the same picks from the cache, cold and warm, as preparing each passage afresh", async () => {
    const cached = indexTextTools(
      index,
      index.zones.map((z) => z.zone),
    );
    const { passageText: _, ...fresh } = cached;
    const uncached: TextTools = fresh;
    for (const question of [...questions, "珠海高新區民間投資增速多少", "为什么，增速：达到40.7%？"]) {
      const shape = questionShape(cached.normalize(question));
      const hits = await hybridSearch(index, question, 8);
      const candidates: Candidate[] = hits.map((h, rank) => ({ passage: h.passage, rank }));
      const expected = pickSentences(question, shape, candidates, uncached);
      expect(pickSentences(question, shape, candidates, cached)).toEqual(expected);
      expect(pickSentences(question, shape, candidates, cached)).toEqual(expected);
    }
  });

  it("leave out a repost's tail and short credit lines, not a long sentence a caption's credit opens", () => {
    const text =
      "图片来源：韩联社据悉，韩国警方于8日下午接警后，便出动特种部队在国会大楼开展爆炸物探测工作。图片来源：韩联社。来源：大庆高新区法院版权归原作者所有责任编辑：翟晓晨返回搜狐，查看更多";
    const p = preparePassage(passage("f", text), normalizeText);
    expect(p.sentences.map((s) => s.sentence)).toEqual([
      "图片来源：韩联社据悉，韩国警方于8日下午接警后，便出动特种部队在国会大楼开展爆炸物探测工作。",
    ]);
  });

  it("keep letters and digits only, so a bigram split by punctuation (`增，速`) still matches", () => {
    const p = preparePassage(passage("a", "工业投资增，速达40.7%。第二句"), normalizeText);
    expect(p.sentences.map((s) => s.sentence)).toEqual(["工业投资增，速达40.7%。", "第二句"]);
    expect(p.sentences[0]?.chars).toBe("工业投资增速达407");
    expect(p.contextChars).toBe("标题工业投资增速达407第二句");
  });

  it("join a quotation to the attribution after it, and nothing else", () => {
    const text =
      "“今年以来，我们克服了影响。订单增加。1-5月，公司收入4.55亿元。目前全厂在岗3719人。”园区企业台达电子公司负责人说。下一句。";
    const p = preparePassage(passage("q", text), normalizeText);
    const at = (start: string) => p.sentences.findIndex((s) => s.sentence.startsWith(start));
    // The quotation's last sentence and the one before it reach the speaker; the quotation's first
    // sentence is three sentences from its close, past the reach.
    expect(withAttribution(text, p.sentences, at("目前"))).toBe(
      "目前全厂在岗3719人。”园区企业台达电子公司负责人说。",
    );
    expect(withAttribution(text, p.sentences, at("1-5月"))).toBe(
      "1-5月，公司收入4.55亿元。目前全厂在岗3719人。”园区企业台达电子公司负责人说。",
    );
    expect(withAttribution(text, p.sentences, at("“今年"))).toBeNull();
    // A sentence after the quotation that says more than who spoke is no attribution.
    const more = "“收入增长了。”负责人说，明年还要扩产。";
    const q = preparePassage(passage("r", more), normalizeText);
    expect(withAttribution(more, q.sentences, 0)).toBeNull();
  });

  it("are all prepared ahead when they fit in the cache, so reading them later prepares none", () => {
    const seen: string[] = [];
    const counting = (s: string) => {
      seen.push(s);
      return normalizeText(s);
    };
    const [a, b] = ["a", "b"].map((id) => passage(id, `${id}。`)) as [Passage, Passage];
    const prepare = cachedPassageText(counting, 3);
    // A hole (a passage a store fetches per query) is skipped.
    expect(prepareAhead(prepare, [a, undefined, b], 3)).toBe(2);
    const calls = seen.length;
    expect(calls).toBeGreaterThan(0);
    expect(prepare(a)).toEqual(preparePassage(a, normalizeText));
    prepare(b);
    expect(seen.length).toBe(calls);
    // More passages than the cache holds: none, as they would only evict one another.
    const other = cachedPassageText(counting, 1);
    expect(prepareAhead(other, [a, b], 1)).toBe(0);
    expect(seen.length).toBe(calls);
  });

  it("are held for the most recently used passages only, up to the capacity", () => {
    const prepare = cachedPassageText(normalizeText, 2);
    const [a, b, c] = ["a", "b", "c"].map((id) => passage(id, `${id}。`)) as [Passage, Passage, Passage];
    const first = prepare(a);
    prepare(b);
    expect(prepare(a)).toBe(first);
    const bBefore = prepare(b);
    prepare(c); // evicts a, the least recently used
    expect(prepare(b)).toBe(bBefore);
    expect(prepare(a)).not.toBe(first);
    expect(prepare(a)).toEqual(first);
  });
});

describe("sentence choice", () => {
  const tools = (): TextTools => ({
    normalize: normalizeText,
    words: (s) => index.tokenizer.words(s),
    idf: () => 1,
  });
  const pick = (question: string, text: string, title = "标题") => {
    const p = { ...passage("a", text), title };
    const [first] = pickSentences(
      question,
      questionShape(normalizeText(question)),
      [{ passage: p, rank: 0 }],
      tools(),
    );
    if (first === undefined) throw new Error("no sentence picked");
    return first;
  };
  const ask = (question: string, text: string, title = "标题"): string =>
    pick(question, text, title).sentence;

  it("does not count `多久`, `多长` or `甚么` as words of the question the corpus must hold", () => {
    const { evidence } = pick("合同期多久", "该项目的合同期为三年。");
    expect(evidence?.missing).toBe(0);
    expect(evidence?.chars).toBe(1);
  });

  it("answers `多久` with the clause stating a length of time, not the one with a date", () => {
    const { span } = pick(
      "道路改造工程要持续多久",
      "据市交通局介绍，道路改造工程于2024年3月1日正式开工，预计将持续两周的时间，其间公交线路临时绕行。",
    );
    // The clause naming what lasts is read with it; the rest of the sentence is not.
    expect(span).toBe("道路改造工程于2024年3月1日正式开工，预计将持续两周的时间");
  });

  it("measures the lead over the next article with another headline, not over another part of the same story", () => {
    const shape = questionShape("园区有多少家企业");
    const at = (id: string, title: string, text: string, rank: number): Candidate => ({
      passage: { ...passage(id, text), title },
      rank,
    });
    const [same] = pickSentences(
      "园区有多少家企业",
      shape,
      [at("a", "园区概况", "园区有企业120家。", 0), at("b", "园区概况", "园区有企业和机构多家。", 1)],
      tools(),
    );
    const [other] = pickSentences(
      "园区有多少家企业",
      shape,
      [at("a", "园区概况", "园区有企业120家。", 0), at("c", "别的报道", "园区有企业和机构多家。", 1)],
      tools(),
    );
    expect(same?.evidence?.margin).toBe(0);
    expect(other?.evidence?.margin).toBeGreaterThan(0);
    expect(same?.evidence?.named).toBe(0);
  });

  it("quotes the sentence stating the period asked, not one stating another period's figure", () => {
    const text =
      "公司一季度实现营业收入52亿元，同比增长12%，研发投入和新产品销售收入均创新高。二季度营业收入为61亿元。";
    expect(ask("公司二季度的营业收入是多少", text)).toBe("二季度营业收入为61亿元。");
    expect(ask("公司一季度的营业收入是多少", text)).toContain("52亿元");
  });

  it("answers a figure from the body, not from a `原标题` headline stating it rounded", () => {
    const text =
      "原标题：上半年园区软件业务收入同比增长超30%。据统计，上半年园区软件产品产量同比增长超过12%。数据显示，今年上半年，园区软件业务收入同比增长31.6%，增速居全省首位。";
    expect(ask("上半年园区软件业务收入增长了多少", text)).toContain("31.6%");
    // A headline stating the figure exactly stays the answer.
    expect(ask("上半年园区软件业务收入增长了多少", text.replace("超30%", "31.6%"))).toContain("原标题");
  });

  it("answers who holds a role (`谁是…的队长`) with the sentence naming someone right after it", () => {
    const text =
      "当天，某某市代表团在机场举行出征仪式，32名运动员启程前往成都参加比赛。某某市男子篮球队队长阿卜杜·卡里姆告诉记者，队员们都很期待比赛。";
    expect(ask("谁是某某市代表团的队长", text)).toContain("阿卜杜·卡里姆");
  });

  it("cuts the line from the whole quote when the sentence before, quoted with it, states more of the question", () => {
    const text =
      "“我们抵达后还有几天时间来适应场地和调整时差，希望以最好的状态迎接比赛。”当天，某某市体育局在机场为代表团举行出征仪式，32名运动员启程前往成都。";
    const first = pick("代表团将利用抵达后的几天时间做什么", text);
    expect(first.span).toContain("适应场地和调整时差");
    // A question the quoted sentence itself answers is answered from it alone.
    expect(pick("哪个部门举行了出征仪式", text).span).not.toContain("适应场地");
  });

  it("notes when the question names the article's whole headline", () => {
    expect(pick("李成栋是哪里人", "李成栋生于陕西。", "李成栋").evidence?.named).toBe(1);
  });

  it("quotes the sentence saying the words next to the question word, not the one repeating the rest", () => {
    expect(
      ask(
        "吴淞路闸桥在外白渡桥大修期间起到了什么作用",
        "外白渡桥大修期间，吴淞路闸桥承担了部分车流。吴淞路闸桥建成后起到了分流作用，大大减轻了交通压力。",
      ),
    ).toBe("吴淞路闸桥建成后起到了分流作用，大大减轻了交通压力。");
  });

  it("takes a number counted with the question's own measure word (`多少盘` → `五盘`)", () => {
    expect(
      ask("一场比赛最多有多少盘", "一场比赛的盘数由赛事决定，常见于大满贯。一场比赛一般由三至五盘构成。"),
    ).toBe("一场比赛一般由三至五盘构成。");
  });

  it("takes a rank (`第五`) as the number a `第几` question asks for", () => {
    expect(
      ask("该学院在排名中名列第几", "该学院在排名中名列前茅，共有学生3000人。该学院在全国排名第五。"),
    ).toBe("该学院在全国排名第五。");
  });

  it("answers a rank (`排第几`) with a place in a ranking, not an ordinal of rounds (`第二轮`)", () => {
    const { span } = pick(
      "某市在评比活动里排第几",
      "7月下旬，某市登上城市排行榜第一名后，又组织检查组对评比活动开展第二轮督导检查，稳定领先优势。",
    );
    expect(span).toContain("第一名");
    expect(questionShape("第几届论坛在哪里举办")).toMatchObject({ unit: "第", ordinal: "届" });
    expect(
      ask("论坛举办到第几届了", "论坛已连续举办五年，今年第二轮报名已开始。本次论坛是第五届，规模空前。"),
    ).toBe("本次论坛是第五届，规模空前。");
  });

  it("ranks first the passage whose sentence repeats a stretch of the question, over one sharing its words apart", () => {
    const question = "园区7月份新增就业人数是多少";
    const at = (id: string, text: string, rank: number, relevance: number): Candidate => ({
      passage: { ...passage(id, text), title: id },
      rank,
      relevance,
    });
    const candidates = [
      at("别的报道", "7月份，园区人数超过5万人，就业形势平稳，新增企业30家。", 0, 1),
      at("这篇报道", "据统计，园区7月份新增就业人数为3400人。", 1, 0.4),
    ];
    const shape = questionShape(normalizeText(question));
    const [first] = pickSentences(question, shape, candidates, tools());
    expect(first?.passage.id).toBe("这篇报道");
    const [plain] = pickSentences(question, shape, candidates, tools(), [], {
      weights: { ...PICK_WEIGHTS, run: 0, evidence: 0 },
    });
    expect(plain?.passage.id).toBe("别的报道");
  });

  it("ranks first the passage whose sentence names a place of the kind asked (`哪个州`), over one naming none", () => {
    const question = "那个国家哪个州遭到了暴雨袭击";
    const at = (id: string, text: string, rank: number, relevance: number): Candidate => ({
      passage: { ...passage(id, text), title: id },
      rank,
      relevance,
    });
    const candidates = [
      at("别的报道", "那个国家的沿海港口多次遭到暴雨袭击。", 0, 1),
      at("这篇报道", "当天科罗拉多州遭到暴雨袭击。", 1, 1),
    ];
    const shape = questionShape(normalizeText(question));
    const [first] = pickSentences(question, shape, candidates, tools());
    expect(first?.passage.id).toBe("这篇报道");
    const [plain] = pickSentences(question, shape, candidates, tools(), [], {
      weights: { ...PICK_WEIGHTS, kindUnnamed: 0 },
    });
    expect(plain?.passage.id).toBe("别的报道");
  });

  describe("a sentence opening with a pronoun", () => {
    const lead = "科创中心由珠海高新区管委会于2019年建成。";
    const text = `${lead}它的主要任务是孵化初创企业，已孵化120家。园区另有人才公寓。`;

    it("is quoted with the sentence before it, which names what the pronoun stands for", () => {
      const p = pick("哪个中心的主要任务是孵化初创企业", text);
      expect(p.sentence).toBe("它的主要任务是孵化初创企业，已孵化120家。");
      expect(p.quote).toBe(`${lead}${p.sentence}`);
      expect(text).toContain(p.quote);
    });

    it("is quoted alone across a line break or when the two would be too long", () => {
      expect(pick("哪个中心的主要任务是孵化初创企业", text.replace("。它", "。\n它")).quote).toBe(
        "它的主要任务是孵化初创企业，已孵化120家。",
      );
      const long = `${"科创中心".repeat(40)}建成。它的主要任务是孵化初创企业。`;
      expect(pick("哪个中心的主要任务是孵化初创企业", long).quote).toBe("它的主要任务是孵化初创企业。");
    });

    it("is quoted with the sentence before it when it opens with a relative date", () => {
      const dated = "新园区于2019年5月动工。同年12月，新园区正式投入使用。园区另有人才公寓。";
      expect(pick("新园区当时有多少企业", "新园区于2019年5月动工。当时入驻企业12家。").quote).toBe(
        "新园区于2019年5月动工。当时入驻企业12家。",
      );
      expect(pick("新园区哪一年投入使用", dated).quote).toBe(
        "新园区于2019年5月动工。同年12月，新园区正式投入使用。",
      );
    });

    it("is quoted with the sentence before it when dated by month and day alone and the year is asked", () => {
      const text = "2019年5月，新园区动工。9月2日，新园区通过竣工验收。园区另有人才公寓。";
      const p = pick("新园区在哪一年通过竣工验收", text);
      expect(p.sentence).toBe("9月2日，新园区通过竣工验收。");
      expect(p.quote).toBe("2019年5月，新园区动工。9月2日，新园区通过竣工验收。");
      expect(pick("新园区在什么时候通过竣工验收", text).quote).toBe("9月2日，新园区通过竣工验收。");
    });

    it("is quoted alone when it opens with a discourse word, not a pronoun (`其实`)", () => {
      const plain = "新园区于2019年5月动工。其实新园区的主要任务是孵化初创企业。";
      expect(pick("新园区的主要任务是什么", plain).quote).toBe("其实新园区的主要任务是孵化初创企业。");
    });

    it("leaves other sentences quoted as they are", () => {
      const p = pick("园区另有什么", text);
      expect(p.quote).toBe(p.sentence);
    });
  });

  describe("a sentence pointing back at the one before it", () => {
    it.each([
      [
        "a word pointing back (`对此`)",
        "谁对新园区停工整顿作出了解释",
        "新园区上月停工整顿。",
        "对此，管委会解释说消防验收未通过。",
      ],
      [
        "the two it names (`双方`)",
        "谁同意加强经贸合作",
        "中英两国领导人在伦敦举行会谈。",
        "双方同意加强经贸合作。",
      ],
      [
        "the generic word for a thing that sentence names",
        "2023中关村创新论坛的主题是什么",
        "2023中关村创新论坛在北京开幕。",
        "论坛主题为“科技向善”，吸引500家企业参加。",
      ],
    ])("is quoted and scored with it when it opens with %s", (_, question, before, sentence) => {
      const p = pick(question, `${before}${sentence}园区另有人才公寓。`);
      expect(p.sentence).toBe(sentence);
      expect(p.quote).toBe(`${before}${sentence}`);
    });

    it("is quoted alone when the sentence before only points at the thing (`该论坛`)", () => {
      const text = "科技局介绍了该论坛的筹备情况。论坛主题为“科技向善”，吸引500家企业参加。";
      expect(pick("论坛的主题是什么", text).quote).toBe("论坛主题为“科技向善”，吸引500家企业参加。");
    });

    it("is quoted alone when the generic word is a document saying something (`报告显示`), the source not the subject", () => {
      const text = "某公司发布2023年上半年业绩报告。报告显示，上半年销售收入142亿元，同比增长8.4%。";
      expect(pick("上半年销售收入是多少", text).quote).toBe(
        "报告显示，上半年销售收入142亿元，同比增长8.4%。",
      );
    });

    it("answers a which-question with the name the sentence before gives, not the generic word", () => {
      const text =
        "同期举办的2023丝路国际旅游博览会聚焦国际化旅游产业发展，重点展示沿线国家的旅游业发展成果。展会邀请吉尔吉斯斯坦作为主宾国，共商旅游业发展蓝图。";
      const p = pick("吉尔吉斯斯坦在哪个展会中作为主宾国参与", text);
      expect(p.sentence).toBe("展会邀请吉尔吉斯斯坦作为主宾国，共商旅游业发展蓝图。");
      expect(p.span).toContain("2023丝路国际旅游博览会");
    });
  });
});

describe("the sentence choice", () => {
  it("is the weighted sum of the terms the fitting script reads, and quotes the article's best-scoring sentence", async () => {
    const tools = indexTextTools(
      index,
      index.zones.map((z) => z.zone),
    );
    let sentences = 0;
    for (const question of questions) {
      const shape = questionShape(tools.normalize(question));
      const hits = await hybridSearch(index, question, 8);
      const candidates: Candidate[] = hits.map((h, rank) => ({ passage: h.passage, rank }));
      const seen: { articleId: string; quote: string; score: number }[] = [];
      const [first] = pickSentences(question, shape, candidates, tools, [], {
        observe: (p, quote, f) => {
          const terms = pickTerms(f, shape);
          const sum = PICK_TERMS.reduce((s, k) => s + PICK_WEIGHTS[k] * terms[k], 0);
          expect(pickScore(f, shape)).toBeCloseTo(sum * (f.offZone ? PICK_WEIGHTS.offZone : 1), 12);
          seen.push({ articleId: p.articleId, quote, score: pickScore(f, shape) });
        },
      });
      const mine = seen.filter((s) => s.articleId === first?.passage.articleId);
      const top = Math.max(...mine.map((s) => s.score));
      expect(mine.filter((s) => s.score === top).map((s) => s.quote)).toContain(first?.quote);
      sentences += seen.length;
    }
    expect(sentences).toBeGreaterThan(questions.length * 8);
  });
});

describe("kindNamer", () => {
  const names = (question: string, sentence: string): boolean | null =>
    kindNamer(normalizeText(question))?.(normalizeText(sentence)) ?? null;

  it("asks a country of a sentence for one the question does not name, 中国 and `…汗国` among them", () => {
    expect(names("哪个国家指责中国对菲律宾进行拦阻", "菲律宾海警称，中国海警进行了拦阻。")).toBe(false);
    expect(names("哪个国家指责中国对菲律宾进行拦阻", "美国国务院发表声明称，中方进行拦阻。")).toBe(true);
    expect(names("岸田文雄是哪国的首相", "中国外交部表示，岸田文雄的讲话…")).toBe(true);
    expect(names("回鹘字母是哪一个国家使用的文字", "回鹘汗国使用回鹘字母。")).toBe(true);
    expect(names("中国超过了哪个国家成为汽车出口第一", "中国新能源汽车出口量全球第一。")).toBe(false);
  });

  it("asks a state or province for a name ending in the kind's word, not `该州`", () => {
    expect(names("乌克兰哪个州遭到了导弹袭击", "该州一栋高层建筑遭袭。")).toBe(false);
    expect(names("乌克兰哪个州遭到了导弹袭击", "俄军对第聂伯罗彼得罗夫斯克州发动导弹袭击。")).toBe(true);
    expect(names("大湾区与哪个省在文旅领域有合作", "陕西省文化和旅游厅表示…")).toBe(true);
  });

  it("is null for a question asking no place of a kind", () => {
    expect(kindNamer(normalizeText("中国上半年出口了多少辆汽车"))).toBeNull();
  });
});

describe("definedTerm", () => {
  it.each([
    ["什么是代位注销", "代位注销"],
    ["什么是“容缺受理”？", "容缺受理"],
    ["半透膜指的是什么？", "半透膜"],
    ["操场的定义是什么", "操场"],
    ["阿阇黎的意思是什么", "阿阇黎"],
    ["代位注销是什么意思", "代位注销"],
    ["代位注销是什么", null],
    ["珠海高新区工业投资增速多少", null],
  ])("reads %s as asking what %s means", (q, term) => {
    expect(definedTerm(q)).toBe(term);
  });
});

describe("a sentence listing things", () => {
  it("lists three things or more, not a roster of someone's offices", () => {
    expect(lists("为他们送上矿泉水、饮料、西瓜和防暑药品")).toBe(true);
    expect(lists("提供“整车工程能力、智慧工厂、供应链管理”等支持")).toBe(true);
    // `党委副书记、纪委书记、工会主席王红岩`: one person's titles.
    expect(lists("中建一局装饰公司党委副书记、纪委书记、工会主席王红岩，一线员工等70余人参加活动")).toBe(
      false,
    );
    expect(lists("社区党委书记、居委会主任、妇联主席黄芳出席")).toBe(false);
    // A roster and a list of things in one sentence: the things count.
    expect(lists("社区党委书记、居委会主任、妇联主席黄芳送上大米、食用油、月饼")).toBe(true);
  });
});
