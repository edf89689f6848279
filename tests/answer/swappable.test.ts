import { describe, expect, it } from "vitest";
import { createSwappableService } from "../../src/answer/swappable.js";
import type { AnswerService } from "../../src/answer/types.js";
import { createFakeService } from "../discord/fake-service.js";

/** A fake whose stats and answers say which index they come from. */
function named(name: string, opts: { delayMs?: number } = {}): AnswerService {
  const fake = createFakeService(opts);
  return {
    ...fake,
    ask: async (q, o) => ({ ...(await fake.ask(q, o)), answer: `${name}: ${q}` }),
    stats: () => ({ ...fake.stats(), builtAt: name }),
  };
}

describe("createSwappableService", () => {
  it("answers from the first service until swapped, then from the new one for every call", async () => {
    const service = createSwappableService(named("old"));
    expect((await service.ask("珠海")).answer).toBe("old: 珠海");
    expect(service.stats().builtAt).toBe("old");
    service.swap(named("new"));
    expect((await service.ask("珠海")).answer).toBe("new: 珠海");
    expect(service.stats().builtAt).toBe("new");
    expect(service.zones().length).toBeGreaterThan(0);
    expect((await service.passage("000_d463814998410617-5#0"))?.title).toContain("珠海");
  });

  it("lets a question already being answered finish on the service it started on", async () => {
    const service = createSwappableService(named("old", { delayMs: 50 }));
    const during = service.ask("珠海");
    service.swap(named("new"));
    const after = service.ask("珠海");
    expect((await during).answer).toBe("old: 珠海");
    expect((await after).answer).toBe("new: 珠海");
  });

  it("passes history and progress through to the current service", async () => {
    const seen: unknown[] = [];
    const inner = named("old");
    const service = createSwappableService({
      ...inner,
      ask: (q, o) => {
        seen.push(o);
        return inner.ask(q, o);
      },
    });
    const history = [{ question: "珠海高新区工业投资增速多少", answer: "增速达40.7%[1]。" }];
    const onProgress = () => {};
    await service.ask("民间投资呢", { history, onProgress });
    expect(seen).toEqual([{ history, onProgress }]);
  });
});

describe("createSwappableService warmUp", () => {
  it("warms the current service, and is harmless when it has no warmUp", async () => {
    let warmed = "";
    const service = createSwappableService({
      ...named("old"),
      warmUp: async () => {
        warmed = "old";
      },
    });
    await service.warmUp?.();
    expect(warmed).toBe("old");
    service.swap(named("new"));
    await expect(service.warmUp?.()).resolves.toBeUndefined();
  });
});
