import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { findNumbers } from "../../src/answer/evidence.js";
import type { Answer, AnswerService } from "../../src/answer/types.js";
import { seedRight, squash } from "../../src/cli/eval-metrics.js";
import type { LoadedIndex } from "../../src/index/load.js";
import { openPageService, type SeedRow } from "../helpers/page-index.js";

// The team's seed questions (a copy of the shared bench's seed-dev.jsonl, so a plain clone has them);
// tests/fixtures/page-questions.jsonl holds our own further questions of the same kind.
const SEED = "tests/fixtures/bench/seed-dev.jsonl";
const OURS = "tests/fixtures/page-questions.jsonl";
const rows = (path: string): SeedRow[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as SeedRow);

/** The shared scorer's rule (answer and a quote hold an expected string, right headline first). */
const right = (row: SeedRow, a: Answer): boolean => seedRight(row, a);

let service: AnswerService;
let index: LoadedIndex;
beforeAll(async () => {
  ({ service, index } = await openPageService());
});

describe("seed questions about the page (seed-dev.jsonl)", () => {
  const seed = rows(SEED);

  it("has the 24 answerable and 2 unanswerable rows it is meant to", () => {
    expect(seed.filter((r) => r.answerable)).toHaveLength(24);
    expect(seed.filter((r) => !r.answerable)).toHaveLength(2);
  });

  it.each(seed.map((r) => [r.id, r.question, r] as const))("%s %s", async (_id, question, row) => {
    const a = await service.ask(question);
    expect(right(row, a), JSON.stringify(a, null, 1)).toBe(true);
  });
});

describe("further questions of the same kind (tests/fixtures/page-questions.jsonl)", () => {
  it("answers at least 95% of the answerable ones and declines every unanswerable one", async () => {
    const ours = rows(OURS);
    const wrong: string[] = [];
    for (const row of ours)
      if (!right(row, await service.ask(row.question))) wrong.push(`${row.id} ${row.question}`);
    const answerable = ours.filter((r) => r.answerable).length;
    const wrongAnswerable = wrong.filter((w) => w.startsWith("p-")).length;
    expect(wrong.filter((w) => w.startsWith("n-"))).toEqual([]);
    expect(wrongAnswerable / answerable, wrong.join("\n")).toBeLessThanOrEqual(0.05);
  });
});

describe("what every answer promises", () => {
  const questions = [...rows(SEED), ...rows(OURS)].map((r) => r.question);

  it("quotes verbatim from the cited passage and states only numbers its first source holds", async () => {
    for (const q of questions) {
      const a = await service.ask(q);
      for (const c of a.citations) {
        const passage = index.passageById(c.passageId);
        expect(passage, c.passageId).toBeDefined();
        expect(squash(passage?.text ?? "")).toContain(squash(c.quote));
        expect(c.n).toBe(a.citations.indexOf(c) + 1);
      }
      if (a.abstained) continue;
      expect(a.answer).toMatch(/\[1\]/);
      const quote = squash(a.citations[0]?.quote ?? "");
      for (const n of findNumbers(a.answer.replace(/\[\d+\]/g, "")))
        expect(quote, q).toContain(squash(n.text));
    }
  });

  it("declines a question about a zone the corpus does not cover, naming the zone", async () => {
    const a = await service.ask("深圳高新区2020年的GDP是多少");
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain("深圳高新区");
  });

  it("answers a Traditional-Chinese question like its Simplified twin", async () => {
    const t = await service.ask("珠海高新區工業投資增速多少");
    const s = await service.ask("珠海高新区工业投资增速多少");
    expect(t.answer).toBe(s.answer);
    expect(t.answer).toContain("40.7%");
  });

  it("turns an empty or over-long question into a clear message, not an answer", async () => {
    for (const q of ["", " \u200b ", "问".repeat(6000)]) {
      const a = await service.ask(q);
      expect(a.abstained).toBe(true);
      expect(a.citations).toEqual([]);
      expect(a.answer).toMatch(/请输入问题|问题太长/);
    }
  });
});
