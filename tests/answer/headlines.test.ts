import { beforeAll, describe, expect, it } from "vitest";
import {
  articleHeadline,
  articleHeadlines,
  cachedArticleHeadlines,
  shownTitle,
} from "../../src/answer/article-text.js";
import { createAnswerService } from "../../src/answer/service.js";
import type { AnswerService } from "../../src/answer/types.js";
import { fixtureIndex } from "../helpers/kinds-index.js";
import { scratchDir } from "../helpers/scratch.js";

let service: AnswerService;

beforeAll(async () => {
  service = createAnswerService(
    await fixtureIndex(await scratchDir("gaoxin-headlines-"), "headline-news.jsonl"),
  );
});

const BYLINE = "某报记者 张三通讯员 李四 王五实习生 赵六";

describe("one article, one headline", () => {
  it("shows an article whose feed gave its byline as the title under one stand-in everywhere", async () => {
    const digest = await service.ask("黄石高新区有什么新闻");
    const line = digest.answer.split("\n").find((l) => l.includes("禁毒大队")) ?? "";
    const inDigest = /《([^》]+)》/u.exec(line)?.[1];
    expect(inDigest).toBeDefined();
    expect(inDigest).not.toContain("记者");
    const cited = digest.citations.find((c) => c.articleId === "hl-00");
    expect(cited && shownTitle(cited)).toBe(inDigest);
    // The title as the corpus gave it stays in `title`.
    expect(cited?.title.replace(/\s+/gu, "")).toBe(BYLINE.replace(/\s+/gu, ""));

    const zone = await service.zone("黄石高新区");
    expect(zone?.articles.find((a) => a.id === "hl-00")?.headline).toBe(inDigest);
    const [listed] = await service.zoneList(["黄石高新区"]);
    expect(listed?.newest[0]?.headline).toBe(inDigest);
    const view = await service.passage(cited?.passageId ?? "");
    expect(view && shownTitle(view)).toBe(inDigest);
  });

  it("gives an article a title of its own everywhere as the headline", async () => {
    const zone = await service.zone("黄石高新区");
    expect(zone?.articles.map((a) => a.headline).slice(1)).toEqual([
      "黄石高新区举办夏季招聘会",
      "黄石高新区新建两座充电站",
    ]);
  });
});

describe("zones --json's titles", () => {
  it("lists a zone's titles newest first, as the text and /zone list them (the corpus has them oldest first)", async () => {
    const [listed] = await service.zoneList(["黄石高新区"]);
    expect(listed?.titles.map((t) => t.replace(/\s+/gu, ""))).toEqual([
      BYLINE.replace(/\s+/gu, ""),
      "黄石高新区举办夏季招聘会",
      "黄石高新区新建两座充电站",
    ]);
  });
});

describe("articleHeadline", () => {
  it("is made from the article alone: the first sentence after the names that tells something", () => {
    const sentences = [
      `${BYLINE}“快，把门守住！”`,
      "8月12日凌晨，某某高新区公安分局禁毒大队在城郊一处出租屋打掉一个涉毒窝点，当场抓获4名涉毒人员。",
    ];
    expect(articleHeadline(BYLINE, sentences)).toMatch(/^某某高新区公安分局禁毒大队/u);
    expect(articleHeadline("某某高新区举办招聘会", sentences)).toBe("某某高新区举办招聘会");
  });

  it("joins a headline the feed cut inside its quotes with the rest it ran into the text", () => {
    const sentences = [
      "爱党拥军”系列主题活动8月4日，某某街道十里营社区开展“红色传承 爱党拥军”系列主题活动。",
      "走访慰问，共绘双拥同心圆。",
    ];
    expect(articleHeadline("某某街道开展“红色传承", sentences)).toBe(
      "某某街道开展“红色传承 爱党拥军”系列主题活动",
    );
    // A whole headline keeps itself: the subtitle after it is not its rest.
    const subtitled = ["高新警方给财会人员上“反诈课”近日，某某高新区反诈办民警开展讲座。"];
    expect(articleHeadline("守好企业“钱袋子”", subtitled)).toBe("守好企业“钱袋子”");
  });
});

describe("headlines read once an article", () => {
  it("gives through the cache what a fresh read gives, loading an article's passages once", async () => {
    const index = await fixtureIndex(await scratchDir("gaoxin-headlines-cache-"), "headline-news.jsonl");
    const articles = (await index.loadArticles(["hl-00", "hl-01"])).filter((a) => a !== undefined);
    expect(articles.length).toBe(2);
    let loads = 0;
    const source = {
      loadPassages: (ids: readonly string[]) => {
        loads += ids.length;
        return index.loadPassages(ids);
      },
    };
    const fresh = await articleHeadlines(index, articles);
    const cached = cachedArticleHeadlines(8);
    expect(await cached(source, articles)).toEqual(fresh);
    const first = loads;
    expect(first).toBeGreaterThan(0);
    expect(await cached(source, articles)).toEqual(fresh);
    expect(await cached(source, [...articles].reverse())).toEqual(fresh);
    expect(loads).toBe(first);
  });
});
