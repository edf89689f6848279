import { describe, expect, it } from "vitest";
import { lineAndShort } from "../../src/answer/answer.js";
import { questionShape } from "../../src/answer/question.js";
import {
  candidateMatrix,
  decodeSpan,
  GIVE_FEATURES,
  GIVE_SPAN_FEATURES,
  giveChance,
  giveFeatures,
  netScore,
  periodOf,
  quoteCover,
  rankCandidates,
  shortAnswer,
  shortChoice,
  shortClass,
  softmax,
} from "../../src/answer/short.js";
import { SHORT_NET } from "../../src/answer/short-net-weights.js";
import { shortQuestion } from "../../src/answer/short-question.js";
import {
  cachedSentenceRead,
  linearScorer,
  readSentence,
  SPAN_FEATURES,
  scoredSpans,
  spanCandidates,
} from "../../src/answer/short-spans.js";
import { SHORT_HEDGE, SHORT_WEIGHTS } from "../../src/answer/short-weights.js";
import { normalizeText } from "../../src/index/tokenize.js";

/** The short answer to a question from a quote, as the answerer computes it. */
function short(question: string, quote: string) {
  const q = normalizeText(question);
  return shortAnswer(q, questionShape(q), quote, normalizeText);
}

const ZHUHAI = "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。";

describe("the short answer, by kind of fact", () => {
  it("gives no time for a when question whose quote states none, and gives one where it does", () => {
    expect(
      short("宁阳高新区什么时候获批省级高新区的", "原标题：宁阳高新技术产业开发区获批为省级高新区"),
    ).toBeNull();
    expect(
      short("宁阳高新区什么时候获批省级高新区的", "8月12日，山东省人民政府批复设立宁阳高新技术产业开发区。")
        ?.text,
    ).toBe("8月12日");
    // An ordinal counts, it does not date: `第一届` answers no when question.
    expect(short("员工关爱活动是什么时候办的", "第一届员工关爱活动启动仪式在软件城举行。")).toBeNull();
    // Nor does a count: `一名` answers no `哪天`; a length of time still states one.
    expect(
      short("大运会开幕式在哪天", "作为一名大运会开幕式主场馆所在区域的基层检察干警，他将认真履职。"),
    ).toBeNull();
  });

  it("a number with its unit, and the period the quote gives when the question does not", () => {
    expect(short("珠海高新区工业投资增速多少", ZHUHAI)).toEqual({ text: "40.7%", qualifier: "1-4月" });
    // The question names the period: it is not repeated.
    expect(short("珠海高新区1-4月工业投资增速多少", ZHUHAI)).toEqual({ text: "40.7%", qualifier: null });
    expect(
      short(
        "珠海高新区今年安排了多少个重点建设项目",
        "珠海高新区今年安排重点建设项目120个，年度计划投资300亿元。",
      ),
    ).toEqual({
      text: "120个",
      qualifier: null,
    });
  });

  it("ranks the amount next to the thing the question counts above the clause's last amount", () => {
    const question = normalizeText("西安高新区要新建和改造多少座5G宏基站");
    const q = shortQuestion(question, questionShape(question));
    const cands = spanCandidates("将新建和改造5G宏基站2337座、5G微基站767座。", q, normalizeText);
    const probs = rankCandidates(candidateMatrix(cands), cands.length, shortClass(q.kinds));
    const [first, second] = cands
      .map((c, i) => ({ text: c.text, p: probs[i] ?? 0 }))
      .sort((a, b) => b.p - a.p)
      .map((c) => c.text);
    expect([first, second]).toEqual(["2337座", "767座"]);
    // Unsure between the two, the answer is the span holding both, never the other one alone.
    expect(
      short("西安高新区要新建和改造多少座5G宏基站", "将新建和改造5G宏基站2337座、5G微基站767座。")?.text,
    ).toContain("2337座");
  });

  it("an amount with the words that say it is not exact, never with a verb (`达`)", () => {
    expect(short("野火造成的损失有多少", "野火造成的损失已接近60亿美元，还在上升。")?.text).toBe(
      "接近60亿美元",
    );
    expect(short("方案要推广多少项产品", "方案提出，推广300项以上升级和创新产品。")?.text).toBe("300项以上");
    expect(short("枪击造成多少人受伤", "事件造成1人死亡、至少23人受伤。")?.text).toBe("至少23人");
    expect(short("珠海高新区工业投资增速多少", ZHUHAI)?.text).toBe("40.7%");
    // `万` alone is a number: `近万亿元`, not `万亿元`.
    expect(short("联盟2019年gdp多少", "该联盟2019年实现地区生产总值近万亿元。")?.text).toBe("近万亿元");
  });

  it("the year alone for a which-year question, the month for a which-month one, the date for a when question", () => {
    const quote = "1976年7月，卡特在纽约赢得民主党总统候选人提名。";
    expect(short("卡特在哪一年赢得了提名", quote)?.text).toBe("1976年");
    expect(short("卡特什么时候赢得了提名", quote)?.text).toBe("1976年7月");
    // And the month alone for a which-month question.
    const plan = "项目预计2025年12月主体施工完成，2026年投入使用。";
    expect(short("项目预计在哪个月完成主体施工", plan)?.text).toBe("12月");
  });

  it("a date with the word bounding it right after (`2025年底前`), unless the question says it", () => {
    const quote = "到2025年底前，基本建立燃气安全管理长效机制。";
    expect(short("什么时候基本建立燃气安全管理长效机制", quote)?.text).toBe("2025年底前");
    const fest = "擺暝活動通常在元宵節前舉行，持續數日。";
    expect(short("擺暝活動在什麼時間前舉行", fest)?.text).toBe("元宵節");
  });

  it("a name with the place in brackets right after it (`中国石油大学（北京）`), not any bracket", () => {
    const quote = "近日，中国石油大学（北京）志愿服务队10名志愿者前往巢湖开展暑期社会实践活动。";
    expect(short("哪个大学的志愿服务队开展了暑期社会实践活动", quote)?.text).toBe("中国石油大学（北京）");
    const other = "近日，中国石油大学（简称石大）志愿服务队10名志愿者前往巢湖开展暑期社会实践活动。";
    expect(short("哪个大学的志愿服务队开展了暑期社会实践活动", other)?.text).toBe("中国石油大学");
  });

  it("the part of the month too when a which-month question asks it (`哪个月底`)", () => {
    const quote = "工程计划在2025年8月底前完工，随后投入运营。";
    expect(short("工程计划在哪个月底前完工", quote)?.text).toBe("8月底");
    // Not asked: the month alone.
    expect(short("工程计划在哪个月完工", quote)?.text).toBe("8月");
  });

  it("money, with its magnitude", () => {
    expect(
      short("珠海高新区年度计划投资多少钱", "珠海高新区今年安排重点建设项目120个，年度计划投资300亿元。")
        ?.text,
    ).toBe("300亿元");
  });

  it("a date", () => {
    expect(
      short("株洲高新区什么时候成立的", "株洲高新区成立于1992年11月，是首批国家级高新区之一。")?.text,
    ).toBe("1992年11月");
  });

  it("a person", () => {
    expect(
      short("珠海高新区党工委书记是谁", "珠海高新区党工委书记刘怀信表示，园区将继续推进项目建设。")?.text,
    ).toBe("刘怀信");
  });

  it("a place", () => {
    expect(short("金巴利街位于哪个城市", "金巴利街位于香港九龙尖沙咀，是一条单程行车街道。")?.text).toMatch(
      /香港|九龙/,
    );
  });

  it("a work, in its title marks", () => {
    expect(
      short("张三主演的哪部电影获得了金鸡奖", "2005年，张三主演的电影《图雅的婚事》获得了金鸡奖最佳影片。")
        ?.text,
    ).toBe("《图雅的婚事》");
  });

  it("a list for `哪些` and `哪两个`", () => {
    expect(short("哪些企业获得了首批补贴", "华为、中兴和小米获得了首批补贴。")?.text).toBe(
      "华为、中兴和小米",
    );
    expect(short("项目由哪两个公司合作开发", "该项目由光荣和ω-force合作开发。")?.text).toBe("光荣和ω-force");
  });

  it("an organisation: a company's name is never cut from its first place or name on", () => {
    const quote = "园区企业苏州贝尔特光伏电子科技有限公司去年营业收入增长两成。";
    const name = "苏州贝尔特光伏电子科技有限公司";
    const from = quote.indexOf(name);
    const to = from + name.length;
    const q = shortQuestion(
      normalizeText("哪家公司营业收入增长"),
      questionShape(normalizeText("哪家公司营业收入增长")),
    );
    const cands = spanCandidates(quote, q, normalizeText);
    expect(cands.some((c) => c.text === name)).toBe(true);
    for (const c of cands) {
      expect(c.start <= from || c.start >= to, c.text).toBe(true);
      expect(c.end <= from || c.end >= to, c.text).toBe(true);
    }
  });

  it("none for a yes-or-no question", () => {
    expect(short("珠海高新区工业投资是否增长", ZHUHAI)).toBeNull();
  });

  it("is always verbatim from the quote", () => {
    const quote = "東莞市總面積2,465平方公里，其中耕地面積約佔全市的一成。";
    const got = short("東莞市總面積是多少", quote);
    expect(got?.text).toBe("2,465平方公里");
    expect(quote).toContain(got?.text);
  });
});

describe("a quote read once for every question quoting it", () => {
  // Questions of each kind over quotes with numbers, dates, names, marks of pairs, two sentences and a
  // traditional form (normalised to another character).
  const QUOTES = [
    ZHUHAI,
    "《战国无双3》（）是由光荣和ω-force开发的战国无双系列的正统第三续作。",
    "2.战国无双编年史的原创男女主角亦有专属声优。此模式是任天堂游戏谜之村雨城改编的新增模式。",
    "東莞市總面積2,465平方公里，其中耕地面積約佔全市的一成。",
    "8月12日，山东省人民政府批复设立宁阳高新技术产业开发区。",
  ];
  const QUESTIONS = [
    "增速多少",
    "是由哪两个公司合作开发的",
    "什么时候批复设立的",
    "总面积是多少",
    "谁改编的",
    "为什么",
  ];

  it("gives every answer the quote read afresh gives, reading each quote once", () => {
    let reads = 0;
    const counted = (s: string) => {
      reads++;
      return normalizeText(s);
    };
    const read = cachedSentenceRead(counted, 16);
    for (const quote of QUOTES)
      for (const question of QUESTIONS) {
        const q = normalizeText(question);
        expect(shortAnswer(q, questionShape(q), quote, normalizeText, read)).toEqual(
          shortAnswer(q, questionShape(q), quote, normalizeText),
        );
      }
    // Each quote normalised once, when first read.
    expect(reads).toBe(QUOTES.length);
    // (Its code-point map is a function: compared apart, at every UTF-16 offset.)
    for (const quote of QUOTES) {
      const fresh = readSentence(quote, normalizeText);
      expect({ ...read(quote), cp: null }).toEqual({ ...fresh, cp: null });
      for (let i = 0; i <= fresh.p.norm.length; i++) expect(read(quote).cp(i)).toBe(fresh.cp(i));
    }
  });
});

describe("periodOf", () => {
  const q = (text: string) => shortQuestion(normalizeText(text), questionShape(normalizeText(text)));

  it("takes the nearest period before the number, else the first after it, never a vague one", () => {
    const quote = "截至5月底，园区新增企业300家，1-4月增速达40.7%。";
    expect(periodOf(quote, quote.indexOf("40.7%"), "40.7%", q("增速多少"), normalizeText)).toBe("1-4月");
    expect(periodOf(quote, quote.indexOf("300家"), "300家", q("新增企业多少家"), normalizeText)).toBe(
      "截至5月底",
    );
    expect(periodOf("目前园区有企业300家。", 6, "300家", q("有多少家企业"), normalizeText)).toBeNull();
    // A period in the next clause is another figure's.
    const later = "截至目前，该联盟共有高新技术企业近1200家，2019年实现地区生产总值近万亿元。";
    expect(
      periodOf(later, later.indexOf("近1200家"), "近1200家", q("联盟共有多少家高新技术企业"), normalizeText),
    ).toBeNull();
    expect(periodOf("园区新增企业300家（1-5月）。", 6, "300家", q("新增企业多少家"), normalizeText)).toBe(
      "1-5月",
    );
    expect(
      periodOf("截至目前，累计发放补贴238万元。", 10, "238万元", q("累计发放了多少补贴"), normalizeText),
    ).toBeNull();
    // The question states the period, without the year: not repeated.
    const jobs = "截至今年5月底，郴州高新区新增就业3400人。";
    expect(
      periodOf(jobs, jobs.indexOf("3400人"), "3400人", q("郴州高新区截至5月底新增就业多少人"), normalizeText),
    ).toBeNull();
  });
});

describe("decodeSpan", () => {
  it("prefers a span holding the rivals the ranker hesitates between, more so the lower the hedge", () => {
    // Two names inside one phrase, each half likely: the phrase holds either.
    const spans = [
      [0, 3],
      [4, 7],
      [0, 7],
    ] as const;
    expect(decodeSpan(spans, [0.45, 0.45, 0.1], 0.3).index).toBe(2);
    // One name nearly certain: it alone.
    expect(decodeSpan(spans, [0.9, 0.05, 0.05], 0.3).index).toBe(0);
    expect(decodeSpan(spans, [0.9, 0.05, 0.05], 0.3).worth).toBeGreaterThan(0.85);
  });
});

describe("spanCandidates: runs of clauses", () => {
  const quote = "演员依照角色行当的身份、性格、情绪以及环境，配合相应的锣鼓点，完成表演。随后乐队退场。";
  const runs = (question: string) => {
    const norm = normalizeText(question);
    const q = shortQuestion(norm, questionShape(norm));
    const d = SPAN_FEATURES.length;
    const cands = spanCandidates(quote, q, normalizeText);
    const x = candidateMatrix(cands);
    return cands.filter((_, i) => x[i * d + SPAN_FEATURES.indexOf("clauseRun")] === 1).map((c) => c.text);
  };

  it("are candidates of a how question: two to four whole clauses, never across a sentence's end", () => {
    const got = runs("演员如何配合锣鼓点表演？");
    expect(got).toContain("演员依照角色行当的身份、性格、情绪以及环境，配合相应的锣鼓点");
    expect(got).toContain("演员依照角色行当的身份、性格、情绪以及环境，配合相应的锣鼓点，完成表演");
    expect(got.some((t) => t.includes("。"))).toBe(false);
  });

  it("are no candidates of a question asking one thing", () => {
    expect(runs("演员配合的是什么？")).toEqual([]);
  });
});

describe("giveFeatures", () => {
  it("reads how much of the question the quote states, and the chosen span's anchors from its own row", () => {
    const question = normalizeText("锣鼓经常用的节奏型是什么？");
    const q = shortQuestion(question, questionShape(question));
    const cands = spanCandidates("常用的节奏型是「锣鼓点」。", q, normalizeText);
    const x = candidateMatrix(cands);
    const d = SPAN_FEATURES.length;
    const at = cands.findIndex((c) => c.text === "「锣鼓点」");
    expect(at).toBeGreaterThanOrEqual(0);
    const probs = cands.map((_, i) => (i === at ? 0.9 : 0.1 / (cands.length - 1)));
    const cover = quoteCover(q, normalizeText("常用的节奏型是「锣鼓点」。"));
    const f = giveFeatures("thing", probs, { index: at, worth: 0.9, expected: 0.9 }, [7, 12], {
      cover,
      row: x,
      at: at * d,
    });
    for (const name of GIVE_SPAN_FEATURES)
      expect(f[GIVE_FEATURES.indexOf(name)]).toBe(x[at * d + SPAN_FEATURES.indexOf(name)]);
    // The question's text before its question word (`节奏型是`) ends right before the span.
    expect(f[GIVE_FEATURES.indexOf("leftAnchor")]).toBeGreaterThan(0);
    // The quote states `常用`, `节奏型` of the question's words, not `锣鼓经`.
    expect(f[GIVE_FEATURES.indexOf("quoteCover")]).toBe(cover);
    expect(cover).toBeGreaterThan(0.5);
    expect(cover).toBeLessThan(1);
  });
});

describe("shortChoice", () => {
  it("gives the chance the give model reads off the chosen span's whole row (the answerer keeps no rows)", () => {
    const d = SPAN_FEATURES.length;
    const cases: [string, string][] = [
      ["珠海高新区工业投资增速多少", ZHUHAI],
      ["锣鼓经常用的节奏型是什么", "常用的节奏型称为「锣鼓点」，又名“点子”（俗称）。"],
      ["兰州高新区两新组织党委书记叫什么名字", "兰州高新区两新组织党委书记刘怀信带头捐款。"],
      ["东西莒还是用什么交通工具互通", "而东西莒交通船用的还是一般的轻型小游艇。"],
    ];
    for (const [question, quote] of cases) {
      const norm = normalizeText(question);
      const q = shortQuestion(norm, questionShape(norm));
      const cls = shortClass(q.kinds);
      const cands = spanCandidates(quote, q, normalizeText);
      const x = candidateMatrix(cands);
      const all = SPAN_FEATURES.map((_, i) => i);
      const probs = softmax(cands.map((_, i) => netScore(SHORT_NET[cls], x, i * d, all, 0, d)));
      const choice = decodeSpan(
        cands.map((c) => [c.start, c.end] as const),
        probs,
        SHORT_HEDGE[cls],
      );
      const chosen = cands[choice.index];
      if (chosen === undefined) throw new Error(`no candidate for ${question}`);
      const dense = giveChance(
        giveFeatures(cls, probs, choice, [chosen.start, chosen.end], {
          cover: quoteCover(q, normalizeText(quote)),
          row: x,
          at: choice.index * d,
        }),
      );
      const got = shortChoice(q, quote, normalizeText);
      expect(got?.text).toBe(chosen.text);
      expect(got?.chance).toBeCloseTo(dense, 12);
    }
  });
});

describe("the answerer's scores", () => {
  // `scoredSpans` sums only the features a candidate has other than 0, in the order they are written:
  // the same sum, bit for bit, as the whole row in list order, if the features are written in that order.
  it("equal the sum over each candidate's whole row, for every class of question", () => {
    const d = SPAN_FEATURES.length;
    const cases: [string, string][] = [
      ["珠海高新区工业投资增速多少", ZHUHAI],
      ["宁阳高新区什么时候获批省级高新区的", "8月12日，山东省人民政府批复设立宁阳高新技术产业开发区。"],
      [
        "《战国无双3》是由哪两个公司合作开发的",
        "《战国无双3》（）是由光荣和ω-force开发的战国无双系列的正统第三续作。",
      ],
      ["锣鼓经常用的节奏型称为什么", "常用的节奏型称为「锣鼓点」，又名“点子”（俗称）。"],
      ["赵鹏在2014年下半赛季没有出场的原因是什么", "不过由于伤病困扰，他在2014下半赛季并没有得到出场机会。"],
    ];
    for (const [question, quote] of cases) {
      const norm = normalizeText(question);
      const q = shortQuestion(norm, questionShape(norm));
      const cands = spanCandidates(quote, q, normalizeText);
      const x = candidateMatrix(cands);
      for (const cls of ["amount", "time", "name", "reason", "thing"] as const) {
        const w = SPAN_FEATURES.map((f) => SHORT_WEIGHTS[f][cls]);
        const scored = scoredSpans(quote, q, normalizeText, linearScorer(w));
        expect(scored.spans.map((s) => s.text)).toEqual(cands.map((c) => c.text));
        const dense = cands.map((_, i) => w.reduce((sum, wi, k) => sum + wi * (x[i * d + k] ?? 0), 0));
        expect(scored.scores).toEqual(dense);
        expect(scored.scores.every((s, i) => Object.is(s, dense[i]))).toBe(true);
      }
    }
  });
});

describe("lineAndShort", () => {
  const quote = "如今，园区市场主体达19.6万家，其中企业13万家；高新技术企业5249家，占全市41%。";
  const short = { text: "5249家", qualifier: null };

  it("re-cuts a line that leaves the short answer out to the clause of the quote stating it", () => {
    expect(lineAndShort("如今，园区市场主体达19.6万家[1]。", short, quote, false)).toEqual({
      text: "高新技术企业5249家[1]。",
      short,
    });
  });

  it("reads a clause that is the short answer alone with the next clause", () => {
    const dated = "2003年12月，她出任省妇联副主席；2005年8月出任区长。";
    expect(
      lineAndShort("2005年8月出任区长[1]。", { text: "2003年12月", qualifier: null }, dated, false).text,
    ).toBe("2003年12月，她出任省妇联副主席[1]。");
  });

  it("keeps a line cut by the question's predicate, and then shows no short answer contradicting it", () => {
    expect(lineAndShort("如今，园区市场主体达19.6万家[1]。", short, quote, true)).toEqual({
      text: "如今，园区市场主体达19.6万家[1]。",
      short: null,
    });
  });

  it("leaves a line that states the short answer, and a quote without it, as they are", () => {
    const line = "高新技术企业5249家，占全市41%[1]。";
    expect(lineAndShort(line, short, quote, false)).toEqual({ text: line, short });
    expect(
      lineAndShort("园区市场主体达19.6万家[1]。", { text: "42家", qualifier: null }, quote, false),
    ).toEqual({
      text: "园区市场主体达19.6万家[1]。",
      short: null,
    });
  });
});

describe("shortQuestion: Taiwanese and spoken ways of asking (eighteenth session)", () => {
  const read = (text: string) => {
    const norm = normalizeText(text);
    return shortQuestion(norm, questionShape(norm));
  };
  it("reads `哪里`/`哪儿`/`哪边` whole, the place asked, not `里`/`边` as the text after it", () => {
    expect(read("这座水库建在哪里？").right).toBe("");
    expect(read("新城的哪儿开了第一家书店").right).toBe("开了第一家书店");
    const side = read("老街的哪邊保留了最多的騎樓？");
    expect(side.right).toBe("保留了最多的骑楼");
    expect(side.kinds.place).toBe(true);
    expect(shortClass(side.kinds)).toBe("name");
  });
  it("takes `部分` after `哪一` as the noun asked, not `部` as a measure word", () => {
    const q = read("这条铁路的哪一部分最早通车");
    expect(q.head).toBe("部分");
    expect(q.right).toBe("部分最早通车");
  });
  it("reads the measure words `门`, `层`, `枚` … before the noun asked", () => {
    expect(read("这所学校开设哪一门语言课程").head).toBe("语言");
    expect(read("博物馆共有几层展厅").head).toBe("展厅");
  });
  it("reads `什么样的` and `什么东西` whole", () => {
    expect(read("她获得的是一个什么样的奖项").head).toBe("奖项");
    expect(read("村民用什么东西来驱赶野猪").right).toBe("来驱赶野猪");
  });
});

describe("shortQuestion: the noun asked when it stands before the question word, or jieba tags it otherwise (nineteenth session)", () => {
  const read = (text: string) => {
    const norm = normalizeText(text);
    return shortQuestion(norm, questionShape(norm));
  };
  it("reads the kind asked from the noun before `为`/`是` when the question closes on it", () => {
    expect(read("承办这次展会的公司为？").kinds.org).toBe(true);
    expect(read("這座新城最大的港口是？").kinds.place).toBe(true);
    const who = read("创办这所书院的校长为？");
    expect(who.kinds.person).toBe(true);
    expect(shortClass(who.kinds)).toBe("name");
  });
  it("reads the kind asked from the noun before `哪一个` when none follows it", () => {
    expect(read("最早通高铁的城市是哪一个").kinds.place).toBe(true);
    expect(read("城里的银行中哪一个最早成立").kinds.org).toBe(true);
    // A noun after the question word is still the one asked about.
    expect(read("哪一个城市的小说最多").kinds.work).toBe(false);
  });
  it("takes `组织`, `联盟`, `影响` after `哪一个`/`什么` as the noun asked, whatever jieba tags them", () => {
    const org = read("哪一个组织每年评选这个奖");
    expect(org.head).toBe("组织");
    expect(org.kinds.org).toBe(true);
    expect(read("这所大学是哪一个联盟的成员").head).toBe("联盟");
    expect(read("这场运动受到了什么影响").head).toBe("影响");
    // Not a verb used as a noun that modifies the next word: the response is asked, not the emergency.
    expect(read("省里启动了什么应急响应").head).not.toBe("应急");
    // After a time (`哪一年`) the word is the question's verb.
    expect(read("他在哪一年发动改革").head).toBe("");
  });
  it("reads `什么类型` with `类型` as the noun asked", () => {
    expect(read("这是什么类型的企业").head).toBe("类型");
  });
  it("asks who for a noun naming a person by role, not for a kind of one", () => {
    const king = read("哪一个皇帝下令修建了这座宫殿");
    expect(king.kinds.person).toBe(true);
    expect(shortClass(king.kinds)).toBe("name");
    expect(read("这个奖项专门颁给哪一种演员").kinds.person).toBe(false);
  });
});
