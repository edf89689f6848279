import type { Document } from "@langchain/core/documents";
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { HybridRetriever, type PassageMetadata } from "../../src/answer/langchain-retriever.js";
import { hybridSearch } from "../../src/answer/retrieve.js";
import { createAnswerService } from "../../src/answer/service.js";
import type { LoadedIndex } from "../../src/index/load.js";
import { ok } from "../../src/result.js";
import { openPageService } from "../helpers/page-index.js";

let index: LoadedIndex;

beforeAll(async () => {
  ({ index } = await openPageService());
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("HybridRetriever", () => {
  it("returns the passage stating 珠海's investment growth first, with its citation metadata, inside a RunnableSequence", async () => {
    const retriever = new HybridRetriever({ index, k: 3 });
    const chain = RunnableSequence.from([
      RunnableLambda.from((input: { question: string }) => input.question),
      retriever,
      RunnableLambda.from((docs: Document<PassageMetadata>[]) =>
        docs.map((d, i) => ({ n: i + 1, text: d.pageContent, cite: d.metadata })),
      ),
    ]);
    const out = await chain.invoke({ question: "珠海高新区工业投资增速多少" });
    expect(out).toHaveLength(3);
    const first = out[0];
    expect(first?.text).toContain("40.7%");
    // The metadata is the indexed passage's own, so a chain can cite it as the bot does.
    const passage = index.passageById(first?.cite.passageId ?? "");
    expect(passage?.text).toBe(first?.text);
    expect(first?.cite).toMatchObject({
      articleId: passage?.articleId,
      headline: passage?.title,
      zones: passage?.zones,
      source: passage?.source,
    });
    expect(first?.cite.zones).toContain("珠海高新区");
    expect(first?.cite.headline.length).toBeGreaterThan(0);
  });

  it("gives the project's fused ranking, zone boost included, as Documents in the same order", async () => {
    const question = "珠海高新区企业复工率是多少";
    const docs = await new HybridRetriever({ index, k: 5 }).invoke(question);
    const hits = await hybridSearch(index, question, 5, ["珠海高新区"]);
    expect(docs.map((d) => d.id)).toEqual(hits.map((h) => h.passage.id));
    expect(docs.map((d) => d.metadata.score)).toEqual(hits.map((h) => h.score));
    const unboosted = await hybridSearch(index, question, 5, []);
    // The zone the question names lifts its passages' scores, as in the bot's own answers.
    expect(hits[0]?.score).toBeGreaterThan(unboosted[0]?.score ?? 0);
  });

  it("is what model answers retrieve through, and extractive answers do not need", async () => {
    const retrieved = vi.spyOn(HybridRetriever.prototype, "_getRelevantDocuments");
    const question = "珠海高新区工业投资增速多少";
    await createAnswerService(index).ask(question);
    expect(retrieved).not.toHaveBeenCalled();
    const prompts: string[] = [];
    const chat = async (messages: readonly { content: string }[]) => {
      prompts.push(messages.map((m) => m.content).join("\n"));
      return ok("资料中没有相关信息。");
    };
    await createAnswerService(index, { llm: chat }).ask(question);
    expect(retrieved.mock.calls.map((c) => c[0])).toEqual([question]);
    // The passages the model is shown are the retriever's.
    const docs = (await retrieved.mock.results[0]?.value) as Document<PassageMetadata>[];
    expect(prompts[0]).toContain(docs[0]?.pageContent.slice(0, 40));
  });
});
