import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiChat } from "../../src/answer/llm/openai-chat.js";
import { createAnswerService } from "../../src/answer/service.js";
import type { AnswerService } from "../../src/answer/types.js";
import type { LoadedIndex } from "../../src/index/load.js";
import { kindsIndex } from "../helpers/kinds-index.js";
import {
  completion,
  type FakeOpenAi,
  passageNumber,
  type Script,
  startFakeOpenAi,
  userMessage,
} from "../helpers/openai-server.js";

let root: string;
let index: LoadedIndex;
let server: FakeOpenAi | null = null;

beforeAll(async () => {
  // The SDK the chat seam imports on its first question, loaded before the 2 s model budgets start.
  await Promise.all([import("openai"), import("../../src/api-retry.js")]);
  root = await mkdtemp(join(tmpdir(), "gaoxin-llm-kinds-"));
  index = await kindsIndex(root);
});
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function serviceWith(chat: Script): Promise<AnswerService> {
  server = await startFakeOpenAi({ chat });
  const llm = createOpenAiChat({
    apiKey: "sk-test-0123456789abcdef",
    baseURL: server.baseURL,
    model: "test-model",
    timeoutMs: 2_000,
    maxRetries: 0,
    retryBaseMs: 20,
  });
  return createAnswerService(index, { llm, llmOptions: { timeoutMs: 2_000 } });
}

describe("model answers to the kinds of question", () => {
  it("tells the model an overview was asked, passes the digest's articles and sentences, and keeps its lines", async () => {
    const model: Script = (req) => {
      const donation = passageNumber(req, "捐款12万元");
      const resumed = passageNumber(req, "复工率97%");
      return completion(
        `株洲高新区机关党委向白石村捐款12万元[${donation}]\n株洲高新区复工复产企业达1260家，复工率97%[${resumed}]`,
      );
    };
    const service = await serviceWith(model);
    const answer = await service.ask("株洲高新区最近有什么新闻");
    expect(answer.mode).toBe("llm");
    expect(answer.kind).toBe("overview");
    expect(answer.answer.split("\n")).toHaveLength(2);
    expect(answer.citations.map((c) => c.articleId)).toEqual(["zz-07", "zz-06"]);
    for (const c of answer.citations) expect(index.passageById(c.passageId)?.text).toContain(c.quote);
    const [req] = server?.chatRequests() ?? [];
    const user = req === undefined ? "" : userMessage(req);
    expect(user).toContain("问题类型：概览");
    // The digest's sentences, newest first, each with the number of the passage it stands in.
    expect(user).toMatch(/1\. \[\d+\] 8月14日，株洲高新区机关党委/);
    expect(user).toContain("问题：株洲高新区最近有什么新闻");
  });

  it("tells the model a how question was asked and passes the measure sentences it found", async () => {
    let user = "";
    const model: Script = (req) => {
      user = userMessage(req);
      const n = passageNumber(req, "劳务协作站");
      return completion(`园区在12个乡镇设立劳务协作站，累计为企业输送员工920人[${n}]。`);
    };
    const service = await serviceWith(model);
    const answer = await service.ask("株洲高新区是怎么帮企业稳岗留工的？");
    expect(user).toContain("问题类型：做法");
    const found = user.slice(user.indexOf("资料中与问题最相关的句子"));
    expect(found).toContain("劳务协作站");
    expect(found).not.toContain("又一例");
    expect(answer.mode).toBe("llm");
    expect(answer.kind).toBe("how");
    expect(answer.answer).toContain("920人[1]");
    expect(answer.citations[0]?.articleId).toBe("zz-03");
  });

  it("falls back to the extractive digest when the model's numbers are not in the passages", async () => {
    const service = await serviceWith(() => completion("株洲高新区新增就业9999人[1]。"));
    const answer = await service.ask("株洲高新区有什么新闻");
    expect(answer.mode).toBe("extractive");
    expect(answer.kind).toBe("overview");
    expect(answer.answer).toContain("株洲高新区的报道");
  });
});
