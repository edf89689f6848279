import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodStance } from "../../src/answer/decline-evidence.js";
import { questionShape } from "../../src/answer/question.js";
import { shortQuestion } from "../../src/answer/short-question.js";
import { spanCandidates } from "../../src/answer/short-spans.js";
import {
  answerSpan,
  breaksMarks,
  PAIRS,
  type SpanQuestion,
  splitClauses,
  unbalancedMarks,
} from "../../src/answer/span.js";
import { normalizeText } from "../../src/index/tokenize.js";

/**
 * Sentences of clauses built from `piece`s (up to `words` a clause), some wrapped in brackets or quotes
 * holding commas (nested or not), up to `clauses` joined by one of `separators`, ending in `。`.
 */
function markedSentence(
  piece: fc.Arbitrary<string>,
  max: { words: number; clauses: number; separators: string[] },
): fc.Arbitrary<string> {
  const words = fc.array(piece, { minLength: 1, maxLength: max.words }).map((xs) => xs.join(""));
  const marked: fc.Arbitrary<string> = fc.letrec((tie) => ({
    clause: fc.oneof(
      { depthSize: "small" },
      words,
      fc
        .tuple(
          fc.constantFrom(["（", "）"], ["「", "」"], ["“", "”"], ["《", "》"]),
          fc.array(tie("clause"), { minLength: 1, maxLength: 3 }),
        )
        .map(([[open, close], inner]) => `${open}${inner.join("，")}${close}`),
      fc.tuple(words, tie("clause")).map(([a, b]) => `${a}${b}`),
    ),
  })).clause as fc.Arbitrary<string>;
  return fc
    .tuple(fc.array(marked, { minLength: 1, maxLength: max.clauses }), fc.constantFrom(...max.separators))
    .map(([clauses, sep]) => `${clauses.join(sep)}。`);
}

describe("splitClauses", () => {
  it("does not cut a number at its thousands separator", () => {
    expect(splitClauses("年降水量約有2,000毫米，夏季最多。")).toEqual([
      "年降水量約有2,000毫米，",
      "夏季最多。",
    ]);
    expect(splitClauses("总面积46,600m²，其中水面1,000m²。")).toEqual([
      "总面积46,600m²，",
      "其中水面1,000m²。",
    ]);
  });

  it("does not cut inside brackets or quotes", () => {
    expect(splitClauses("彌爾說：「寧做不滿的人類，不做滿足的豬」，後人常引用。")).toEqual([
      "彌爾說：",
      "「寧做不滿的人類，不做滿足的豬」，",
      "後人常引用。",
    ]);
    expect(splitClauses("莱昂德罗·内托（Leandro Netto de Macedo，1979年生），巴西人。")).toEqual([
      "莱昂德罗·内托（Leandro Netto de Macedo，1979年生），",
      "巴西人。",
    ]);
  });

  it("keeps the rest of a sentence whole after a mark the source never closes", () => {
    expect(splitClauses("他说：「第一，第二，第三。")).toEqual(["他说：", "「第一，第二，第三。"]);
  });
});

describe("unbalancedMarks / breaksMarks", () => {
  it("finds marks opened and never closed, or closed and never opened", () => {
    expect([...unbalancedMarks("内托（Leandro")]).toEqual(["（）"]);
    expect([...unbalancedMarks("人类」后")]).toEqual(["「」"]);
    expect(unbalancedMarks("《书》（注）“引”").size).toBe(0);
  });

  it("reads every pair as a pass of its own would, in the pairs' order", () => {
    // The definition: each pair's depth followed over the text alone, then the straight quotes counted.
    const byPair = (text: string): string[] => {
      const out: string[] = [];
      for (const [open, close] of PAIRS) {
        let depth = 0;
        let broken = false;
        for (const ch of text) {
          if (ch === open) depth++;
          else if (ch === close) {
            if (depth === 0) broken = true;
            else depth--;
          }
        }
        if (broken || depth > 0) out.push(open + close);
      }
      if ((text.split('"').length - 1) % 2 === 1) out.push('""');
      return out;
    };
    const pieces = [...PAIRS.flat(), '"', "字", "a", "，", "𠮷", "\uD842"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        expect([...unbalancedMarks(text)]).toEqual(byPair(text));
      }),
      { numRuns: 2000 },
    );
    // A pair closed before it opens stays broken though its depth comes back to 0 (`）（`, `）（）`).
    expect([...unbalancedMarks("）（）")]).toEqual(["（）"]);
  });

  it("blames a span only for marks its source sentence has balanced", () => {
    expect(breaksMarks("内托（Leandro", "内托（Leandro）是巴西人")).toBe(true);
    expect(breaksMarks("内托（Leandro", "内托（Leandro是巴西人")).toBe(false);
  });
});

describe("answerSpan", () => {
  const numberQuestion = (norm: string, terms: string[], slot: string[] = []): SpanQuestion => ({
    norm,
    terms: terms.map((word) => ({ word, weight: 1 })),
    slot: new Set(slot),
    facts: (text) => [...text.matchAll(/\d+(?:[.,]\d+)*(?:万|亿)?(?:元|%|个|毫米|省)/g)].map((m) => m[0]),
    person: false,
    normalize: normalizeText,
  });

  it("takes the clause with the asked-for predicate, not the one repeating the question's number", () => {
    const q = numberQuestion("清初增为内地18省,后增为几省", ["清初", "增为", "内地", "后增"], ["后增"]);
    expect(
      answerSpan(
        "清朝的行政区划沿袭明制而略有调整，清初增为内地18省，后增为22省，另设将军辖区与办事大臣。",
        q,
      ),
    ).toBe("后增为22省");
  });

  it("of two clauses naming slot words, takes the one with the word next to the question word", () => {
    // `两市` and `结好` both frame the slot; `结好` (right before `多少`) is the predicate asked about.
    const q: SpanQuestion = {
      ...numberQuestion("两市结好多少周年", ["两市", "结好", "周年"], ["两市", "结好", "周年"]),
      facts: (text) => [...text.matchAll(/\d+周年/g)].map((m) => m[0]),
    };
    const sentence =
      "市外办负责人在座谈会上介绍说，今年是两市开展经贸合作20周年，明年将迎来结好30周年，双方将互派代表团。";
    expect(answerSpan(sentence, q)).toBe("明年将迎来结好30周年");
    // Without a question word to measure from, the two clauses tie and the sentence is shown whole.
    expect(answerSpan(sentence, { ...q, norm: "两市结好周年" })).toBe(sentence.replace(/。$/, ""));
  });

  it("reads a four-character word stated with a word between its halves (`符合安装条件` for `符合条件`)", () => {
    const q = {
      ...numberQuestion("报名装光伏的有几户符合条件", ["报名", "装", "光伏", "符合条件"], ["符合条件"]),
      facts: (text: string) => [...text.matchAll(/\d+户/g)].map((m) => m[0]),
    };
    expect(
      answerSpan("截至目前，共有287户村（居）民自愿报名安装光伏，其中，176户经评估符合安装条件。", q),
    ).toBe("176户经评估符合安装条件");
  });

  it("reads a clause that is only a value (`为87.9毫米`) with the clause before, whose subject it completes", () => {
    const q = numberQuestion("人和村雨量多少", ["人和村", "雨量"], ["雨量"]);
    const sentence =
      "据实况监测显示，全市有115个雨量站超过20毫米，达短时强降雨标准，其中北碚区人和村雨量最大，为87.9毫米。";
    expect(answerSpan(sentence, q)).toBe("其中北碚区人和村雨量最大，为87.9毫米");
    // `是一个…` is no value: the clause stays apart.
    const area = numberQuestion("面积多少", ["面积"], ["面积"]);
    expect(
      answerSpan(
        "达特穆尔是英格兰德文郡中部穆尔兰的一个地区，面积953平方公里，是一个受保护的国家公园，以花岗岩突岩闻名。",
        {
          ...area,
          facts: (text) => [...text.matchAll(/\d+平方公里/g)].map((m) => m[0]),
        },
      ),
    ).toBe("面积953平方公里");
  });

  it("keeps a number with a thousands separator whole", () => {
    const q = numberQuestion("年降水量是多少毫米", ["年降水量"]);
    expect(
      answerSpan("长崎县气候温暖湿润，受对马暖流和季风的共同影响，年降水量约有2,000毫米，夏季台风较多。", q),
    ).toBe("年降水量约有2,000毫米");
  });

  it("quotes the whole sentence when two clauses state a new fact equally well", () => {
    const q = numberQuestion("投资多少", ["投资"]);
    const sentence = "一期项目投资30亿元，二期项目投资50亿元，预计明年全部建成投产并达到设计产能。";
    expect(answerSpan(sentence, q)).toBe(sentence.replace(/。$/, ""));
  });

  it("answers a growth question with the clause of the comparison it names, not another number", () => {
    const sentence =
      "今年1-7月，园区规模以上工业产值为512.3亿元，同比增长8.4%，环比增长1.6%，高于全市平均水平。";
    const q = {
      ...numberQuestion(
        "园区规模以上工业产值环比增长了多少",
        ["园区", "工业产值", "环比", "增长"],
        ["环比", "增长"],
      ),
      cues: [/环比/, /增/],
    };
    expect(answerSpan(sentence, q)).toBe("环比增长1.6%");
    const yoy = { ...q, norm: "园区规模以上工业产值同比增长了多少", cues: [/同比/, /增/] };
    expect(answerSpan(sentence, yoy)).toBe("同比增长8.4%");
  });

  it("prefers the clause whose new number is followed by what the question counts", () => {
    const sentence = "截至6月底，园区今年已组织招聘会12场，帮助企业招工3150人，发放补贴420万元。";
    const q = {
      ...numberQuestion("园区帮助企业招工多少人", ["园区", "帮助", "企业", "招工"], ["招工"]),
      counts: true,
    };
    const facts = (text: string) => [...text.matchAll(/\d+(?:场|人|万元)/g)].map((m) => m[0]);
    const counted = {
      ...q,
      norm: "截至6月底园区组织了多少场招聘会",
      terms: [
        { word: "招聘会", weight: 1 },
        { word: "组织", weight: 1 },
      ],
      slot: new Set(["招聘会"]),
      facts,
    };
    expect(answerSpan(sentence, counted)).toContain("招聘会12场");
    expect(answerSpan(sentence, { ...q, facts })).toContain("招工3150人");
  });

  it("reads a clause continuing a list of counts (`9辆在检修`) with the list's first clause, which names what is counted", () => {
    const sentence =
      "据园区管委会交通运输部门统计，园区今年共有46辆无人车投入运营，9辆在检修，另有3辆被召回。";
    const facts = (text: string) => [...text.matchAll(/\d+辆/g)].map((m) => m[0]);
    const asked = (norm: string, predicate: string) => ({
      ...numberQuestion(norm, ["园区", "无人车", predicate], ["无人车"]),
      counts: true,
      facts,
    });
    expect(answerSpan(sentence, asked("园区有多少辆无人车在检修", "检修"))).toBe(
      "园区今年共有46辆无人车投入运营，9辆在检修",
    );
    expect(answerSpan(sentence, asked("园区有多少辆无人车投入运营", "投入运营"))).toBe(
      "园区今年共有46辆无人车投入运营",
    );
    // A clause naming what it counts itself is shown alone.
    const named =
      "据园区管委会交通运输部门统计，园区今年共有46辆无人车投入运营，9辆无人车在检修，另有3辆被召回。";
    expect(answerSpan(named, asked("园区有多少辆无人车在检修", "检修"))).toBe("9辆无人车在检修");
  });

  it("takes the clause saying the words next to the question word over one repeating more of the topic", () => {
    const sentence =
      "因加收电费，某某科技有限公司违法收取电费806786.62元，监管局对其作出警告、罚款403393.31元的处罚。";
    const q = numberQuestion(
      "某某科技有限公司被罚款了多少元",
      ["某某", "科技", "有限公司", "罚款"],
      ["罚款"],
    );
    expect(answerSpan(sentence, q)).toContain("罚款403393.31元");
    expect(answerSpan(sentence, q)).not.toContain("806786.62元");
  });

  it("answers with the clause stating the period asked, not another period's figure", () => {
    const sentence =
      "统计部门新闻发言人当日在发布会上说，分季度看，一季度GDP同比增长4.5%，二季度增长6.3%，增速有所加快。";
    const q = {
      ...numberQuestion(
        "今年二季度的gdp同比增长了多少",
        ["今年", "二季度", "gdp", "同比", "增长"],
        ["同比", "增长"],
      ),
      cues: [/同比/, /增/],
      period: (clause: string) => periodStance("今年二季度的gdp同比增长了多少", clause),
    };
    expect(answerSpan(sentence, q)).toBe("二季度增长6.3%");
    // A clause naming no period is read in the period the clause before it names.
    const framed = "据介绍，今年一季度，全区GDP同比增长4.5%；二季度，全区GDP同比增长6.3%，高于全市平均水平。";
    expect(answerSpan(framed, q)).toContain("6.3%");
    expect(answerSpan(framed, q)).not.toContain("4.5%");
  });

  it("quotes the whole sentence when the question asks for no recognisable kind of fact", () => {
    const q = { ...numberQuestion("它是由哪两个公司开发的", ["开发"]), facts: () => null };
    const sentence = "《战国无双3》是由光荣和ω-force开发的，是战国无双系列的正统第三续作，以三大故事为主轴。";
    expect(answerSpan(sentence, q)).toBe(sentence.replace(/。$/, ""));
  });
});

describe("answerSpan, for any sentence", () => {
  // Clauses built from pieces the splitter must respect: numbers with separators and decimals,
  // brackets and quotes holding commas (nested or not), and plain words.
  const piece = fc.oneof(
    fc.constantFrom("园区", "投资", "增长", "后增为", "年降水量", "企业", "项目", "说"),
    fc.integer({ min: 0, max: 9_999_999 }).map((n) => `${n.toLocaleString("en-US")}毫米`),
    fc.double({ min: 0, max: 100, noNaN: true }).map((x) => `${x.toFixed(1)}%`),
    fc.integer({ min: 1, max: 99 }).map((n) => `${n}个`),
  );
  const sentence = markedSentence(piece, { words: 4, clauses: 8, separators: ["，", "：", "；", ","] });
  const question = fc.record({
    words: fc.subarray(["园区", "投资", "增长", "后增为", "年降水量", "企业", "项目"]),
    slot: fc.subarray(["后增为", "投资"]),
    person: fc.boolean(),
    typed: fc.boolean(),
  });

  it("is verbatim and leaves no bracket or quote unbalanced that the sentence has balanced", () => {
    fc.assert(
      fc.property(sentence, question, (s, q) => {
        const span = answerSpan(s, {
          norm: `${q.words.join("")}多少`,
          terms: q.words.map((word) => ({ word, weight: 1 })),
          slot: new Set(q.slot),
          facts: (text) =>
            q.typed ? [...text.matchAll(/\d+(?:[.,]\d+)*(?:毫米|%|个)/g)].map((m) => m[0]) : null,
          person: q.person,
          normalize: normalizeText,
        });
        expect(s).toContain(span);
        expect(breaksMarks(span, s)).toBe(false);
        // Never cut inside a number: no digit (or separator and digit) right outside the span.
        const at = s.indexOf(span);
        const before = s.slice(Math.max(0, at - 2), at);
        const after = s.slice(at + span.length, at + span.length + 2);
        if (/^\d/.test(span)) expect(before).not.toMatch(/\d$|\d[.,]$/);
        if (/\d$/.test(span)) expect(after).not.toMatch(/^\d|^[.,]\d/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("short-answer candidates, for any sentence", () => {
  // Sentences of the pieces a cut must respect: numbers with separators, decimals and units, Latin
  // words with inner hyphens, names joined by `·`, brackets and quotes holding commas (nested or not).
  const piece = fc.oneof(
    fc.constantFrom("园区", "投资", "增长", "达", "企业", "项目", "由", "开发", "和", "的", "、"),
    fc.integer({ min: 0, max: 9_999_999 }).map((n) => `${n.toLocaleString("en-US")}毫米`),
    fc.double({ min: 0, max: 100, noNaN: true }).map((x) => `${x.toFixed(1)}%`),
    fc.integer({ min: 1, max: 99 }).map((n) => `${n}个`),
    fc.constantFrom(
      "ω-force",
      "Leandro Netto",
      "AK-130",
      "雷蒙·钱德勒",
      "J·K·罗琳",
      "5.6万元",
      "卡-52",
      "歼-20",
    ),
  );
  const sentence = markedSentence(piece, { words: 5, clauses: 4, separators: ["，", "：", "；"] });
  const question = fc.constantFrom(
    "投资增长多少",
    "项目由哪两个公司开发",
    "企业在哪里",
    "谁开发的",
    "园区什么时候开发",
    "年降水量是多少毫米",
    "园区为什么增长",
  );
  const ATOMS = /\p{Script=Han}-\d+|\d+(?:[.,]\d+)*|[A-Za-zω]+(?:[-'.][A-Za-zω]+)*/gu;

  it("are verbatim, never cut inside a number, a Latin word, a model (`卡-52`) or a name joined by `·`, and leave no mark unbalanced", () => {
    fc.assert(
      fc.property(sentence, question, (s, raw) => {
        const norm = normalizeText(raw);
        const chars = [...s];
        const atoms = [...s.matchAll(ATOMS)].map((m) => {
          const start = [...s.slice(0, m.index)].length;
          return [start, start + [...m[0]].length] as const;
        });
        for (const c of spanCandidates(s, shortQuestion(norm, questionShape(norm)), normalizeText)) {
          expect(c.text).toBe(chars.slice(c.start, c.end).join(""));
          expect(breaksMarks(c.text, s)).toBe(false);
          for (const [a, b] of atoms) {
            expect(c.start <= a || c.start >= b, `${c.text} starts inside ${s.slice(a, b)}`).toBe(true);
            expect(c.end <= a || c.end >= b, `${c.text} ends inside ${s.slice(a, b)}`).toBe(true);
          }
          // A name joined by `·` is never cut at the `·`.
          chars.forEach((ch, k) => {
            if (ch !== "·") return;
            expect([k, k + 1], c.text).not.toContain(c.start);
            expect([k, k + 1], c.text).not.toContain(c.end);
          });
        }
      }),
      // Each sentence yields hundreds of candidates with every feature computed: fewer runs than the cuts above.
      { numRuns: 120 },
    );
  });
});
