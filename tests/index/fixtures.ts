import type { Article, LoadedCorpus } from "../../src/corpus/types.js";

/** Builds an Article with defaults, for tests that do not care about most fields. */
export function article(over: Partial<Article> & Pick<Article, "id" | "paragraphs">): Article {
  return {
    title: "标题",
    byline: null,
    mainZone: null,
    zones: [],
    source: `fixtures/${over.id}.md`,
    ...over,
  };
}

/** A few hand-made articles about different zones and topics. */
export const ARTICLES: Article[] = [
  article({
    id: "zhuhai",
    title: "工业投资增40.7% 珠海高新区奋力夺取抗疫与发展“双胜利”",
    byline: "黄鹏飞 曾凯然 戈清平",
    mainZone: "珠海高新区",
    zones: ["珠海高新区"],
    paragraphs: [
      {
        section: null,
        text: "今年以来，珠海高新区统筹推进疫情防控和经济社会发展，各项工作取得积极成效。园区企业复工复产率稳步提升，重点项目建设加快推进，招商引资工作持续发力。",
      },
      {
        section: "经济指标回升",
        text: "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。规模以上工业增加值降幅逐月收窄，高新技术产业保持较快增长。",
      },
      {
        section: "项目建设提速",
        text: "珠海高新区今年安排重点建设项目120个，年度计划投资300亿元。目前已有98个项目复工，复工率超过八成。园区还推出“拿地即开工”审批改革，为企业节省时间。",
      },
    ],
  }),
  article({
    id: "chongqing",
    title: "重庆高新区加快建设西部（重庆）科学城",
    mainZone: "重庆高新区",
    zones: ["重庆高新区"],
    paragraphs: [
      {
        section: null,
        text: "重庆高新区聚焦科学城建设，大力引进高校和科研院所，布局大科学装置。今年已签约项目56个，总投资超过800亿元，涵盖集成电路、生物医药等产业。",
      },
      {
        section: "人才引进",
        text: "园区出台人才新政，对顶尖人才团队给予最高1亿元资助。截至目前，已引进各类人才1.2万人，其中博士超过600人。",
      },
    ],
  }),
  article({
    id: "jining",
    title: "济宁高新区百日攻坚见成效",
    mainZone: "济宁高新区",
    zones: ["济宁高新区"],
    paragraphs: [
      {
        section: null,
        text: "百日攻坚行动开展以来，济宁高新区牢固树立“项目为王”的理念，全力以赴抢时间、赶进度。今年计划新建项目91个，目前已开工67个，开工率62.9%。",
      },
      {
        section: "打造四大主导产业“新地标”",
        text: "鲁抗医药高新生物技术产业园作为山东省重点建设项目，对建设国家生物医药产业基地具有重要意义。目前，整个二期项目已经竣工。",
      },
    ],
  }),
];

/** A corpus from articles, with made-up file hashes. */
export function corpus(articles: Article[] = ARTICLES): LoadedCorpus {
  return {
    articles,
    problems: [],
    files: articles.map((a) => ({ path: a.source, sha256: `sha-${a.id}` })),
  };
}
