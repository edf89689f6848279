import { ButtonStyle } from "discord-api-types/v10";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  Answer,
  Citation,
  PassageView,
  ZoneCount,
  ZoneDetail,
  ZoneHeadline,
} from "../../src/answer/types.js";
import { parseCustomId } from "../../src/discord/custom-ids.js";
import { commandBodies, loadCommands } from "../../src/discord/loader.js";
import {
  localTime,
  renderAnswer,
  renderHelp,
  renderPassage,
  renderReindexed,
  renderReindexFailed,
} from "../../src/discord/render.js";
import { renderZone, renderZonesPage } from "../../src/discord/zone-render.js";
import { sortZones } from "../../src/index/articles.js";
import {
  createFakeService,
  passages,
  ZHUHAI_TITLE,
  zhuhaiCitation,
  zhuhaiShortAnswer,
} from "./fake-service.js";
import { buttonKey, expectWithinLimits } from "./limits.js";

// Hostile text: emoji, lone surrogates, zero-width, markdown, mass mentions, long runs.
const hostileChar = fc.oneof(
  fc.constantFrom("*", "_", "`", "|", "~", ">", "#", "\\", "[", "]", "(", ")", "<", "@", "\n", "。"),
  fc.constantFrom("\u200b", "\u200d", "\ufeff", "\u202e", "😀", "👨‍👩‍👧", "\ud800", "\udc00", "字"),
  fc.constantFrom("@everyone", "@here", "<@123456789012345678>", "<@&123456789012345678>"),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);
const hostile = (maxLength: number) => fc.array(hostileChar, { maxLength }).map((parts) => parts.join(""));
const long = fc.oneof(
  hostile(40),
  hostile(1500),
  fc.constant("长".repeat(6000)),
  fc.constant("😀".repeat(3000)),
);

const citationArb: fc.Arbitrary<Citation> = fc.record({
  n: fc.integer({ min: 1, max: 99 }),
  passageId: fc.oneof(fc.constant("000_d463814998410617-5#0"), hostile(30), fc.constant("x".repeat(120))),
  articleId: fc.constant("a"),
  title: long,
  zones: fc.array(hostile(10), { maxLength: 5 }),
  quote: long,
  source: fc.constant("data/corpus/x.txt"),
  // Fetched articles carry their page's address; a hostile or overlong one gets no link button.
  url: fc.option(fc.oneof(fc.webUrl(), fc.constant(`https://x.cn/${"a".repeat(600)}`), hostile(20)), {
    nil: undefined,
  }),
});

describe("renderAnswer", () => {
  it("puts the answer with its [n] markers in content and the numbered source in an embed", () => {
    const p = renderAnswer(
      {
        question: "珠海高新区工业投资增速多少",
        answer: "珠海高新区1-4月工业投资增速达40.7%[1]。",
        abstained: false,
        mode: "extractive",
        citations: [zhuhaiCitation],
      },
      { echoQuestion: true },
    );
    expect(p.content).toContain("40.7%[1]");
    expect(p.content).toContain("珠海高新区工业投资增速多少");
    expect(p.embeds[0]?.fields?.[0]?.name).toBe(`[1] ${ZHUHAI_TITLE}`);
    expect(p.embeds[0]?.fields?.[0]?.value).toContain("珠海高新区");
    expect(p.embeds[0]?.fields?.[0]?.value).toContain("增速达40.7%");
    const button = p.components[0]?.components[0];
    expect(button?.label).toBe("[1] 原文");
    expect(parseCustomId(button ? buttonKey(button) : "")).toEqual({
      kind: "source",
      passageId: zhuhaiCitation.passageId,
    });
  });

  it("shows each source's date beside its zones when the corpus knows it", () => {
    const answer: Answer = {
      question: "珠海高新区工业投资增速多少",
      answer: "增速达40.7%[1]。",
      abstained: false,
      mode: "extractive",
      citations: [{ ...zhuhaiCitation, date: "2020-06" }],
    };
    expect(renderAnswer(answer).embeds[0]?.fields?.[0]?.value).toMatch(/^珠海高新区 · 2020-06\n/);
    const undated = { ...answer, citations: [zhuhaiCitation] };
    expect(renderAnswer(undated).embeds[0]?.fields?.[0]?.value).not.toContain("·");
  });

  it("says so when the corpus has no answer, and lists the closest sources", () => {
    const p = renderAnswer({
      question: "火星高新区有几家企业",
      answer: "",
      abstained: true,
      mode: "extractive",
      citations: [zhuhaiCitation],
    });
    expect(p.content).toContain("没有找到");
    expect(p.content).toContain("最接近的来源");
    expect(p.embeds[0]?.title).toBe("最接近的来源");
  });

  it("escapes markdown in the echoed question so `@everyone **x**` shows as typed", () => {
    const p = renderAnswer(
      { question: "@everyone **大家** `看`", answer: "无", abstained: true, mode: "llm", citations: [] },
      { echoQuestion: true },
    );
    expect(p.content).toContain("@everyone \\*\\*大家\\*\\* \\`看\\`");
    expect(p.embeds).toEqual([]);
    expect(p.components).toEqual([]);
  });

  it("stays within every Discord limit for hostile answers and up to 40 citations", () => {
    fc.assert(
      fc.property(
        long,
        long,
        fc.array(citationArb, { maxLength: 40 }),
        fc.boolean(),
        fc.option(fc.record({ text: long, qualifier: fc.option(long) })),
        (question, text, citations, abstained, short) => {
          const answer: Answer = { question, answer: text, short, abstained, mode: "llm", citations };
          expectWithinLimits(renderAnswer(answer, { echoQuestion: true }));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("renderAnswer with a short answer", () => {
  const answer = zhuhaiShortAnswer;

  it("shows the fact in bold with its period first, then the sentence with its [n], then the sources", () => {
    const p = renderAnswer(answer, { echoQuestion: true });
    const lines = p.content.split("\n");
    expect(lines[0]).toContain("珠海高新区工业投资增速多少");
    expect(lines[1]).toBe("**40.7%**（1-4月）");
    expect(lines[2]).toContain("增速达40.7%[1]");
    expect(p.embeds[0]?.fields?.[0]?.name).toBe(`[1] ${ZHUHAI_TITLE}`);
  });

  it("leaves the period out when the quote gives none, and the whole line out when there is no short answer", () => {
    expect(renderAnswer({ ...answer, short: { text: "40.7%", qualifier: null } }).content).toMatch(
      /^\*\*40\.7%\*\*\n据统计/,
    );
    expect(renderAnswer({ ...answer, short: null }).content).toMatch(/^据统计/);
    expect(renderAnswer({ ...answer, short: undefined }).content).not.toContain("**");
  });

  it("escapes markdown inside the bold, so the fact shows as written and nobody is pinged", () => {
    const p = renderAnswer({ ...answer, short: { text: "A*B_<@123>", qualifier: "`x`" } });
    expect(p.content.split("\n")[0]).toBe("**A\\*B\\_\\<@123>**（\\`x\\`）");
    expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("shows no short answer over a declined answer", () => {
    const p = renderAnswer({ ...answer, abstained: true, answer: "语料中没有找到能回答这个问题的内容。" });
    expect(p.content).not.toContain("40.7%");
  });
});

describe("renderAnswer, digests and lists", () => {
  const line = (i: number, text: string) => `${i}. 2023-08-${10 + i} 《标题${i}》：${text}[${i}]`;

  it("shows a digest one item a line, citations kept, markdown escaped", () => {
    const answer: Answer = {
      question: "株洲高新区有什么新闻",
      answer: [
        "株洲高新区的报道（共 8 篇，最新在前）：",
        line(1, "新增就业2860人"),
        line(2, "**捐款**12万元"),
        "另有 6 篇，用 /zone 株洲高新区 查看全部。",
      ].join("\n"),
      abstained: false,
      mode: "extractive",
      kind: "overview",
      citations: [zhuhaiCitation, { ...zhuhaiCitation, n: 2 }],
    };
    const lines = renderAnswer(answer).content.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe("1\\. 2023-08-11 《标题1》：新增就业2860人[1]");
    expect(lines[2]).toContain("\\*\\*捐款\\*\\*12万元[2]");
    expect(lines[3]).toContain("/zone 株洲高新区");
  });

  it("keeps whole lines within Discord's limits however long the items, saying how many are left out", () => {
    fc.assert(
      fc.property(
        fc.array(long, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("overview", "how", "several") as fc.Arbitrary<"overview" | "how" | "several">,
        fc.array(citationArb, { maxLength: 12 }),
        (items, kind, citations) => {
          const answer: Answer = {
            question: "问",
            // An item is one sentence: answers never put a line break inside one.
            answer: ["报道：", ...items.map((t, i) => line(i + 1, t.replace(/[\r\n]/g, "")))].join("\n"),
            abstained: false,
            mode: "extractive",
            kind,
            citations,
          };
          const p = renderAnswer(answer, { echoQuestion: true });
          expectWithinLimits(p);
          const shown = p.content.split("\n").slice(2);
          // Every item shown is shown whole, with its marker; a cut list ends by counting the rest.
          for (const l of shown.filter((x) => /^\d+\\\. /.test(x))) expect(l).toMatch(/\[\d+\]$/);
          if (shown.length < items.length) expect(p.content).toMatch(/…等另 \d+ 项$/);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("renderZonesPage", () => {
  const zones: ZoneCount[] = Array.from({ length: 40 }, (_, i) => ({
    zone: `第${i}高新区`,
    articles: i % 7,
  }));
  const page = (zs: readonly ZoneCount[], p: number, newest?: ReadonlyMap<string, ZoneHeadline[]>) =>
    renderZonesPage(zs, p, { articles: 33, ...(newest ? { newest } : {}) });

  it("sorts by article count, most first, then by name", () => {
    const sorted = sortZones(zones);
    for (let i = 1; i < sorted.length; i++) {
      expect((sorted[i - 1]?.articles ?? 0) >= (sorted[i]?.articles ?? 0)).toBe(true);
    }
  });

  it("pages long lists with previous/next buttons that name the target page", () => {
    const first = page(zones, 0);
    expect(first.embeds[0]?.footer?.text).toContain("第 1/5 页");
    const [prev, next] = first.components[0]?.components ?? [];
    expect(prev?.disabled).toBe(true);
    expect(parseCustomId(next ? buttonKey(next) : "")).toEqual({ kind: "zones", page: 1 });
    const last = page(zones, 99);
    expect(last.embeds[0]?.footer?.text).toContain("第 5/5 页");
    expect(last.components[0]?.components[1]?.disabled).toBe(true);
  });

  it("has no buttons when one page is enough", () => {
    expect(page(zones.slice(0, 3), 0).components).toEqual([]);
  });

  it("shows each zone's newest headlines under its count, and a footer that counts articles and says how it sorts", () => {
    const zs: ZoneCount[] = [
      { zone: "乙高新区", articles: 2 },
      { zone: "甲高新区", articles: 2 },
      { zone: "丙高新区", articles: 5 },
    ];
    const newest = new Map([
      [
        "丙高新区",
        [
          { title: "丙高新区最新一篇", headline: "丙高新区最新一篇", date: "2023-08-28" },
          { title: "较早一篇", headline: "较早一篇" },
        ],
      ],
    ]);
    const embed = renderZonesPage(zs, 0, { articles: 6, newest }).embeds[0];
    expect(embed?.description?.split("\n")).toEqual([
      "1\\. **丙高新区** — 5 篇",
      "　· 《丙高新区最新一篇》（2023-08-28）",
      "　· 《较早一篇》",
      // Equal counts in pinyin order (jiǎ before yǐ), as the footer says.
      "2\\. **甲高新区** — 2 篇",
      "3\\. **乙高新区** — 2 篇",
    ]);
    // 6 articles, though the zones' counts add up to 9: an article naming two zones is one article.
    expect(embed?.footer?.text).toContain("按文章数从多到少，同数按拼音 · 资料库共 6 篇文章");
  });

  it("stays within limits for hostile zone names", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ zone: long, articles: fc.nat() }), { maxLength: 60 }),
        fc.integer({ min: -5, max: 10 }),
        long,
        (zs, p, title) =>
          expectWithinLimits(
            page(
              zs,
              p,
              new Map(
                zs.map((z) => [
                  z.zone,
                  [
                    { title, headline: title, date: title },
                    { title, headline: title },
                    { title, headline: title },
                  ],
                ]),
              ),
            ),
          ),
      ),
      { numRuns: 80 },
    );
  });
});

describe("renderZone, renderPassage, renderHelp", () => {
  const service = createFakeService();

  it("lists a zone's articles with bylines and its figures as rows of measure, value, period and source", async () => {
    const detail = (await service.zone("珠海高新区")) as ZoneDetail;
    const p = renderZone({
      ...detail,
      articles: detail.articles.map((a) => ({ ...a, date: "2020-06-12" })),
      figures: [
        {
          ...zhuhaiCitation,
          n: 1,
          measure: "工业投资增速",
          value: "40.7%",
          period: "1-4月",
          date: "2020-06",
        },
        { ...zhuhaiCitation, n: 2, passageId: "other#1", measure: "复工率", value: "94%", period: null },
        // The same passage as the first row: the same source, and no second button.
        { ...zhuhaiCitation, n: 1, measure: "民间投资增速", value: "32%", period: null },
      ],
    });
    expect(p.embeds[0]?.title).toBe("珠海高新区");
    expect(p.embeds[0]?.fields?.[0]?.value).toContain(ZHUHAI_TITLE);
    expect(p.embeds[0]?.fields?.[0]?.value).toContain("本报记者 张三");
    expect(p.embeds[0]?.fields?.[0]?.value).toContain("2020-06-12");
    // Markdown escapes (`40\.7%`) render as the plain text.
    const rows = (p.embeds[0]?.description ?? "").replace(/\\/g, "").split("\n");
    expect(rows).toContain("工业投资增速 · **40.7%** · 1-4月 · [1]（2020-06）");
    expect(rows).toContain("复工率 · **94%** · — · [2]");
    expect(rows).toContain("民间投资增速 · **32%** · — · [1]");
    // One button per passage.
    expect(p.components[0]?.components.map((b) => b.label)).toEqual(["[1] 原文", "[2] 原文"]);
  });

  it("lists every article of a zone with 60 (the digest's `/zone … 查看全部`) on one page, over several fields", () => {
    const articles = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `a${i}`,
        title: `重庆高新区虎溪街道第${i}期社区活动顺利举办`,
        headline: `重庆高新区虎溪街道第${i}期社区活动顺利举办`,
        byline: null,
        date: "2023-08-09",
      }));
    const all = renderZone({ zone: "重庆高新区", articles: articles(60), figures: [] });
    expectWithinLimits(all);
    const fields = all.embeds[0]?.fields ?? [];
    expect(fields[0]?.name).toBe("文章（60 篇）");
    const listed = fields.flatMap((f) => f.value.split("\n"));
    expect(listed).toHaveLength(60);
    expect(listed[59]).toContain("第59期");
    expect(all.components).toEqual([]);
  });

  it("pages a zone of 500 articles: every article on exactly one page, the buttons and `page` reach each", () => {
    const articles = Array.from({ length: 500 }, (_, i) => ({
      id: `a${i}`,
      title: `重庆高新区第${i}号`,
      headline: `重庆高新区虎溪街道第${i}期社区活动顺利举办`,
      byline: i % 3 === 0 ? "记者 张三 通讯员 李四" : null,
      date: "2023-08-09",
    }));
    const detail = { zone: "重庆高新区", articles, figures: [] };
    const first = renderZone(detail);
    const pages = Number(/第 1\/(\d+) 页/.exec(first.embeds[0]?.footer?.text ?? "")?.[1]);
    expect(pages).toBeGreaterThan(1);
    const seen: string[] = [];
    let page = 0;
    for (let i = 0; i < pages; i++) {
      const p = renderZone(detail, page);
      expectWithinLimits(p);
      expect(p.embeds[0]?.fields?.[0]?.name).toBe(`文章（500 篇，第 ${i + 1}/${pages} 页）`);
      seen.push(...(p.embeds[0]?.fields ?? []).flatMap((f) => f.value.split("\n")));
      // The next page is the one the 下一页 button asks for.
      const next = p.components.at(-1)?.components.find((b) => "label" in b && b.label === "下一页");
      const action = next && "custom_id" in next ? parseCustomId(next.custom_id) : null;
      expect(action).toEqual({ kind: "zone", zone: "重庆高新区", page: Math.min(i + 1, pages - 1) });
      expect(next && "disabled" in next && next.disabled).toBe(i === pages - 1);
      page = action?.kind === "zone" ? action.page : page;
    }
    expect(seen.map((l) => /第(\d+)期/.exec(l)?.[1])).toEqual(articles.map((_, i) => String(i)));
    // A page past the last shows the last.
    expect(renderZone(detail, 10_000).embeds[0]?.fields?.[0]?.name).toBe(
      `文章（500 篇，第 ${pages}/${pages} 页）`,
    );
  });

  it("says how many reprints of a story it merged, beside the story and in the count", () => {
    const p = renderZone({
      zone: "宝山高新区",
      articles: [
        {
          id: "a",
          title: "垒知上海科创园项目现场仍灯火通明",
          headline: "垒知上海科创园项目现场仍灯火通明",
          byline: null,
          date: "2023-08-09",
          copies: 1,
        },
        {
          id: "b",
          title: "福然德5G智慧工厂",
          headline: "福然德5G智慧工厂",
          byline: null,
          date: "2023-08-02",
        },
      ],
      figures: [],
    });
    expect(p.embeds[0]?.fields?.[0]?.name).toBe("文章（2 篇，另有 1 篇转载已合并）");
    expect(p.embeds[0]?.fields?.[0]?.value).toContain("（2023-08-09） · 另有 1 篇转载");
    expect(p.embeds[0]?.fields?.[0]?.value).not.toContain("（2023-08-02） · 另有");
  });

  it("puts a link to the original page beside 原文 for a citation fetched from the web, a pair never split across rows", () => {
    const url = "https://news.example.cn/2024/0715/xian.html";
    const cites = [1, 2, 3, 4].map((n) => ({
      ...zhuhaiCitation,
      n,
      passageId: `p${n}#0`,
      ...(n !== 4 ? { url } : {}),
    }));
    const p = renderAnswer({
      question: "q",
      answer: "a[1]",
      abstained: false,
      mode: "extractive",
      citations: cites,
    });
    expectWithinLimits(p);
    const labels = p.components.map((r) => r.components.map((b) => b.label));
    expect(labels).toEqual([
      ["[1] 原文", "[1] 网页", "[2] 原文", "[2] 网页"],
      ["[3] 原文", "[3] 网页", "[4] 原文"],
    ]);
    const link = p.components[0]?.components[1];
    expect(link && "url" in link && link).toMatchObject({ style: ButtonStyle.Link, url });
    // A passage opened from a button links its headline to the page.
    const view = { ...(passages[0] as PassageView), url };
    expect(renderPassage(view).embeds[0]?.url).toBe(url);
  });

  it("shows a passage in full with its headline, zones and date, and neither its id nor its file", () => {
    const view = { ...(passages[0] as PassageView), date: "2020-06-12" };
    const p = renderPassage(view);
    expect(p.embeds[0]?.title).toBe(view.title);
    expect(p.embeds[0]?.description).toBe(view.text);
    const fields = Object.fromEntries((p.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ 高新区: view.zones.join("、"), 日期: "2020-06-12" });
    const shown = JSON.stringify(p);
    expect(shown).not.toContain(view.id);
    expect(shown).not.toContain(view.source);
  });

  it("shows what the bot knows, the index time as local time in the configured zone", () => {
    const p = renderHelp(service.stats(), []);
    const fields = Object.fromEntries((p.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ 文章: "6", 段落: "40", 高新区: "4" });
    // 2024-05-01T08:00Z is 16:00 in China and 04:00 in New York (daylight time).
    expect(fields.索引构建时间).toBe("2024年5月1日 16:00");
    expect(fields.回答方式).toContain("摘录式");
    const ny = renderHelp(service.stats(), [], "America/New_York").embeds[0]?.fields ?? [];
    expect(ny.find((f) => f.name === "索引构建时间")?.value).toBe("2024年5月1日 04:00");
  });

  it("lists every command the bot registers, from the command modules, admins' last, within limits", async () => {
    const bodies = commandBodies(await loadCommands());
    const description = renderHelp(service.stats(), bodies).embeds[0]?.description ?? "";
    const listed = [...description.matchAll(/^\*\*\/([\w-]+)\*\*/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual(bodies.map((b) => b.name).sort());
    for (const name of ["report", "reindex", "forget-me"]) expect(listed).toContain(name);
    expect(listed.slice(-2).sort()).toEqual(["reindex", "report"]);
    expect(description).toContain("**/zone** `name:` [`page:`]：查看某个高新区的文章和关键数字");
    expect(description).toContain("**/ask** `question:` [`private:`]");
    expect(description.length).toBeLessThanOrEqual(4096);
  });

  it("writes times in the reader's zone across a date line, and leaves a non-date as it is", () => {
    expect(localTime("2026-11-28T12:15:00.000Z")).toBe("2026年11月28日 20:15");
    expect(localTime("2026-11-28T20:15:00.000Z", "Asia/Shanghai")).toBe("2026年11月29日 04:15");
    expect(localTime("2026-11-28T20:15:00.000Z", "UTC")).toBe("2026年11月28日 20:15");
    expect(localTime("unknown")).toBe("unknown");
  });

  it("mentions follow-ups by reply only when answers are model-written", () => {
    const help = (mode: "llm" | "extractive") =>
      renderHelp({ ...service.stats(), mode }, []).embeds[0]?.description ?? "";
    expect(help("llm")).toContain("回复我的回答");
    expect(help("extractive")).not.toContain("回复我的回答");
  });

  it("/reindex outcomes stay within limits, whatever the error says", () => {
    expect(
      renderReindexed({ articles: 12, passages: 80, seconds: 3.05, skipped: 2, changed: true }).content,
    ).toBe("索引已重建并换上：12 篇文章，80 个段落，用时 3.0 秒，2 处语料无法读取已跳过（详见日志）。");
    // Nothing changed: said so, not "rebuilt" (the index folder; a PostgreSQL bot's generation).
    expect(
      renderReindexed({ articles: 12, passages: 80, seconds: 0.2, skipped: 0, changed: false }).content,
    ).toBe("没有变化：语料与正在使用的索引一致，无需重建（12 篇文章，80 个段落）。");
    const pg = { articles: 12, passages: 80, seconds: 0.1, skipped: 0, generation: 7 };
    expect(renderReindexed({ ...pg, changed: false }).content).toContain("没有变化");
    expect(renderReindexed({ ...pg, changed: false }).content).toContain("第 7 代");
    expect(renderReindexed({ ...pg, changed: true }).content).toBe(
      "已换上数据库中的第 7 代索引：12 篇文章，80 个段落。",
    );
    fc.assert(
      fc.property(long, (message) => {
        const p = renderReindexFailed({ code: "failed", message });
        expectWithinLimits(p);
        expect(p.content.startsWith("重建索引失败，仍在使用原来的索引：")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("stays within limits for hostile zones and passages", () => {
    fc.assert(
      fc.property(
        long,
        fc.array(
          fc.record(
            {
              id: fc.constant("a"),
              title: long,
              headline: long,
              byline: fc.option(long),
              date: long,
              copies: fc.integer({ min: 0, max: 1_000_000 }),
            },
            { requiredKeys: ["id", "title", "headline", "byline"] },
          ),
          { maxLength: 50 },
        ),
        fc
          .array(
            fc.record({
              citation: citationArb,
              measure: long,
              value: long,
              period: fc.option(long),
            }),
            { maxLength: 30 },
          )
          .map((rows) => rows.map(({ citation, ...row }) => ({ ...citation, ...row }))),
        fc.integer({ min: -3, max: 40 }),
        (zone, articles, figures, page) => expectWithinLimits(renderZone({ zone, articles, figures }, page)),
      ),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(
        long,
        long,
        fc.option(long),
        fc.option(long),
        fc.array(long, { maxLength: 5 }),
        (t, x, s, b, z) =>
          expectWithinLimits(
            renderPassage({
              id: "p#1",
              articleId: "p",
              title: t,
              section: s,
              byline: b,
              zones: z,
              text: x,
              source: "f",
            }),
          ),
      ),
      { numRuns: 60 },
    );
  });
});
