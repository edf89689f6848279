import { passageCitation } from "../../src/answer/article-text.js";
import type { Answer, AnswerService, AnswerStage, PassageView, ZoneSummary } from "../../src/answer/types.js";

/**
 * A small deterministic AnswerService for tests: two real passages from the default corpus, a
 * handful of zones, and knobs for slowness and failure. Not the real retrieval.
 */

export const ZHUHAI_TITLE = "工业投资增40.7% 珠海高新区奋力夺取抗疫与发展“双胜利”";
export const XIAN_TITLE = "总投资166亿元 西安高新区7个“新基建”项目集中开工";

export const passages: PassageView[] = [
  {
    id: "000_d463814998410617-5#0",
    articleId: "000_d463814998410617-5",
    title: ZHUHAI_TITLE,
    section: null,
    zones: ["珠海高新区"],
    byline: "本报记者 张三",
    text: "今年以来，面对新冠肺炎疫情，珠海高新区积极应对风险挑战，扎实做好“六稳”工作、落实“六保”任务。据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。民间投资活跃，增速转负为正，达32%。",
    source: "data/corpus/000_d463814998410617.txt",
  },
  {
    id: "000_d463814998410617-6#0",
    articleId: "000_d463814998410617-6",
    title: XIAN_TITLE,
    section: null,
    zones: ["西安高新区"],
    byline: null,
    text: "西安高新区7个“新基建”项目集中开工，总投资166亿元，涵盖5G、数据中心、工业互联网等领域。",
    source: "data/corpus/000_d463814998410617.txt",
  },
];

const [zhuhai, xian] = passages as [PassageView, PassageView];

export const zhuhaiCitation = passageCitation(
  1,
  zhuhai,
  "1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。",
);
/** An answer to the page's first question with its short answer, as the answer layer gives it. */
export const zhuhaiShortAnswer: Answer = {
  question: "珠海高新区工业投资增速多少",
  answer: "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%[1]。",
  short: { text: "40.7%", qualifier: "1-4月" },
  abstained: false,
  mode: "extractive",
  citations: [zhuhaiCitation],
};

export const xianCitation = passageCitation(
  1,
  xian,
  "西安高新区7个“新基建”项目集中开工，总投资166亿元，涵盖5G、数据中心、工业互联网等领域。",
);

const summary = (zone: string, titles: string[]): ZoneSummary => ({
  zone,
  articles: titles.length,
  titles,
  newest: titles.slice(0, 3).map((title) => ({ title, headline: title, date: "2020-06" })),
});

export const zoneList: ZoneSummary[] = [
  summary("珠海高新区", [ZHUHAI_TITLE]),
  summary("西安高新区", [XIAN_TITLE, "西安高新区另一篇"]),
  summary("兰州高新区", ["兰州高新区“两新”组织与支部联合开展脱贫攻坚主题党日活动"]),
  summary("重庆高新区", ["重庆市高新区协同创新战略联盟成立"]),
];

export interface FakeOptions {
  /** Delay before each answer, in ms, with progress reported along the way. */
  delayMs?: number;
  /** Only questions containing this text are delayed (all are, when unset). */
  slowOn?: string;
  /** Extra zones, to make `/zones` paginate. */
  extraZones?: number;
  /** Makes `ask` reject for questions containing this text. */
  failOn?: string;
}

/** A zone `zone()` knows with 200 articles, for paging `/zone`. */
export const MANY_ARTICLES_ZONE = "长篇高新区";

/** Builds the fake; `calls` records every question asked. */
export function createFakeService(
  opts: FakeOptions = {},
): AnswerService & { calls: string[]; maxConcurrent: number } {
  const calls: string[] = [];
  let running = 0;
  const zones: ZoneSummary[] = [...zoneList];
  for (let i = 0; i < (opts.extraZones ?? 0); i++)
    zones.push({ zone: `测试${i + 1}号高新区`, articles: 1, titles: [], newest: [] });
  const service = {
    calls,
    maxConcurrent: 0,
    async ask(question: string, o?: { onProgress?: (stage: AnswerStage) => void }): Promise<Answer> {
      calls.push(question);
      running += 1;
      service.maxConcurrent = Math.max(service.maxConcurrent, running);
      try {
        o?.onProgress?.("retrieving");
        if (opts.delayMs && (opts.slowOn === undefined || question.includes(opts.slowOn))) {
          await new Promise((r) => setTimeout(r, opts.delayMs));
        }
        o?.onProgress?.("generating");
        if (opts.failOn && question.includes(opts.failOn)) throw new Error(`fake failure for ${opts.failOn}`);
        if (question.includes("珠海")) {
          return {
            question,
            answer: "珠海高新区1-4月工业投资增速达40.7%[1]。",
            abstained: false,
            mode: "extractive",
            citations: [zhuhaiCitation],
          };
        }
        if (question.includes("西安")) {
          return {
            question,
            answer: "西安高新区7个“新基建”项目集中开工，总投资166亿元[1]。",
            abstained: false,
            mode: "extractive",
            citations: [xianCitation],
          };
        }
        return {
          question,
          answer: "语料中没有找到能回答这个问题的内容。",
          abstained: true,
          mode: "extractive",
          citations: [{ ...zhuhaiCitation }],
        };
      } finally {
        running -= 1;
      }
    },
    zones: () => zones,
    zoneList: async (only?: readonly string[]) =>
      only === undefined ? zones : zones.filter((z) => only.includes(z.zone)),
    async zone(name: string) {
      // A zone of a season's news, more articles than one message lists (not in the zone list).
      if (name === MANY_ARTICLES_ZONE)
        return {
          zone: name,
          articles: Array.from({ length: 200 }, (_, i) => ({
            id: `many-${i}`,
            title: `第${i}篇`,
            headline: `长篇高新区第${i}期社区活动顺利举办`,
            byline: null,
            date: "2023-08-09",
          })),
          figures: [],
        };
      const z = zones.find(
        (x) => x.zone === name || x.zone.replace("高新区", "") === name.replace(/市?高新区$/, ""),
      );
      if (!z) return null;
      const ps = passages.filter((p) => p.zones.includes(z.zone));
      return {
        zone: z.zone,
        articles: ps.map((p) => ({ id: p.articleId, title: p.title, headline: p.title, byline: p.byline })),
        figures: ps.map((p, i) => ({
          ...passageCitation(i + 1, p, p.text.split("。")[0] ?? p.text),
          measure: "示例指标",
          value: p.text.match(/\d+(?:\.\d+)?%/)?.[0] ?? "1个",
          period: null,
        })),
      };
    },
    zoneNames(prefix: string, limit = 25) {
      return zones
        .map((z) => z.zone)
        .filter((z) => z.startsWith(prefix) || z.includes(prefix))
        .slice(0, limit);
    },
    passage: async (id: string) => passages.find((p) => p.id === id) ?? null,
    stats: () => ({
      articles: 6,
      passages: 40,
      zones: zones.length,
      builtAt: "2024-05-01T08:00:00.000Z",
      mode: "extractive" as const,
    }),
  };
  return service;
}
