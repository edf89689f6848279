import type { Document } from "@langchain/core/documents";
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import { beforeAll, describe, expect, it } from "vitest";
import { HybridRetriever, type PassageMetadata } from "../../src/answer/langchain-retriever.js";
import { hybridSearch } from "../../src/answer/retrieve.js";
import type { LoadedIndex } from "../../src/index/load.js";
import { openPageService } from "../helpers/page-index.js";

let index: LoadedIndex;

beforeAll(async () => {
  ({ index } = await openPageService());
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
});
