import { Embeddings } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { hashedVector, LocalEmbeddings } from "../../src/index/local-embeddings.js";

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe("LocalEmbeddings", () => {
  const e = new LocalEmbeddings();

  it("is a LangChain Embeddings with an id naming its version and size", () => {
    expect(e).toBeInstanceOf(Embeddings);
    expect(e.id).toBe("local-hash-v1-256");
    expect(e.dimensions).toBe(256);
    expect(new LocalEmbeddings({ dimensions: 1024 }).id).toBe("local-hash-v1-1024");
    expect(() => new LocalEmbeddings({ dimensions: 0 })).toThrow();
  });

  it("embeds the same text to the same unit vector, across instances", async () => {
    const text = "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。";
    const a = await e.embedQuery(text);
    const [b] = await new LocalEmbeddings().embedDocuments([text]);
    expect(a).toHaveLength(256);
    expect(b).toEqual(a);
    expect(Math.sqrt(dot(a, a))).toBeCloseTo(1, 10);
  });

  it("scores similar Chinese texts higher than unrelated ones", async () => {
    const [q, near, far] = await e.embedDocuments([
      "珠海高新区工业投资增速",
      "珠海高新区1-4月工业投资加速，增速达40.7%。",
      "重庆高新区出台人才新政，对顶尖人才团队给予最高1亿元资助。",
    ]);
    expect(dot(q as number[], near as number[])).toBeGreaterThan(dot(q as number[], far as number[]) + 0.2);
  });

  it("embeds Traditional and Simplified forms of a sentence the same", async () => {
    expect(await e.embedQuery("珠海高新區工業投資增速達40.7%")).toEqual(
      await e.embedQuery("珠海高新区工业投资增速达40.7%"),
    );
  });

  it("gives the zero vector for text with no features", async () => {
    expect((await e.embedQuery("？！")).every((x) => x === 0)).toBe(true);
  });

  it("weights repeated features sublinearly", () => {
    const once = hashedVector(["工业", "投资"], 64);
    const thrice = hashedVector(["工业", "工业", "工业", "投资"], 64);
    // With tf 3 the 工业 weight is 1 + ln 3 ≈ 2.1, not 3.
    expect(dot(once, thrice)).toBeGreaterThan(dot(hashedVector(["工业"], 64), thrice));
    const ratio =
      Math.max(...thrice.map(Math.abs)) / Math.min(...thrice.filter((x) => x !== 0).map(Math.abs));
    expect(ratio).toBeCloseTo(1 + Math.log(3), 10);
  });
});
