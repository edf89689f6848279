import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnstated } from "../../src/answer/decline-evidence.js";
import { createAnswerService } from "../../src/answer/service.js";
import type { AnswerService } from "../../src/answer/types.js";
import { fixtureIndex } from "../helpers/kinds-index.js";

// Zone news written for these tests (tests/fixtures/SOURCES.md): a story that counts nothing with the
// measure word a question asks, beside one that does.
let root: string;
let service: AnswerService;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "gaoxin-split-"));
  service = createAnswerService(await fixtureIndex(root, "split-news.jsonl"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a count asked with its own measure word", () => {
  it("is declined when the quote counts nothing with it (another figure of the story)", async () => {
    const a = await service.ask("株洲高新区发布会展示了多少款智能装备新品？");
    expect(a.abstained).toBe(true);
    expect(a.citations[0]?.quote).toContain("倒计时30天");
  });

  it("is answered when the quote counts with it", async () => {
    const a = await service.ask("湘潭高新区发布会展示了多少款智能装备新品？");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("12款");
  });

  it("is answered when the quote counts the thing with another measure word", async () => {
    const a = await service.ask("益阳高新区那家连锁药房有多少家门店？");
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("28间门店");
  });

  it.each([
    ["展示了多少款创新医疗科技", "今天是进博会开幕倒计时100天", true],
    ["有多少处火场", "目前燃烧失控的火场数量约占全国总数的四分之一", true],
    ["展示了多少款创新医疗科技", "西门子医疗计划展示超过20款创新医疗科技", false],
    // Another measure word counting the thing asked answers it.
    ["在香港设有多少家分店", "现时在香港共有28间分店", false],
    ["通过领导留言板收到多少条建议", "市民通过留言板提出的建议147件", false],
    // `几座山` said as "a few mountains", not asked.
    ["只有多少座山的源头看起来是火山", "只有几座山的源头看起来是火山", false],
    // `个` may be answered with any measure word; no thing named after the measure word.
    ["有多少个项目", "签约项目12项", false],
    ["乐队共有多少只", "只有10队可以晋级", false],
  ])("%s against %s: unstated %s", (q, quote, unstated) => {
    expect(countUnstated(q, quote)).toBe(unstated);
  });
});
