import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { cliInProcess, ROOT } from "../helpers/cli.js";
import {
  completion,
  deadBaseURL,
  type FakeOpenAi,
  passageNumber,
  sequence,
  startFakeOpenAi,
} from "../helpers/openai-server.js";

const QUESTION = "珠海高新区工业投资增速多少";
const KEY = "sk-cli-fake-0123456789";

let work: string;
let index: string;
let server: FakeOpenAi | null = null;

/** The environment with no model settings of its own (LLM_*, OPENAI_*, EMBEDDINGS*): `env` alone sets them. */
function only(env: Record<string, string>): Record<string, string | undefined> {
  const unset = Object.keys(process.env).filter((k) => /^(LLM_|OPENAI_|EMBEDDINGS)/.test(k));
  return { ...Object.fromEntries(unset.map((k) => [k, undefined])), ...env };
}

/**
 * `ask --json` in a folder holding a copy of the default corpus, with only the given model settings,
 * run in this process (cliInProcess): the test is about what it prints.
 */
async function askJson(env: Record<string, string>): Promise<{ answer: Answer; stderr: string }> {
  const r = await cliInProcess("ask.ts", ["--json", "--index", index, QUESTION], work, only(env));
  expect(r.code, r.stderr).toBe(0);
  return { answer: JSON.parse(r.stdout) as Answer, stderr: r.stderr };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "gaoxin-llm-cli-"));
  await cp(join(ROOT, "data/corpus"), join(work, "data/corpus"), { recursive: true });
  index = join(work, "index");
  // Build the index once, offline.
  await askJson({});
});
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("ask --json with a model configured", () => {
  it("prints a checked model answer (mode llm) from an OpenAI-compatible server", async () => {
    server = await startFakeOpenAi({
      chat: (req) =>
        completion(`珠海高新区1-4月工业投资加速，增速达40.7%[${passageNumber(req, "增速达40.7%")}]。`),
    });
    const { answer } = await askJson({
      LLM_API_KEY: KEY,
      LLM_BASE_URL: server.baseURL,
      LLM_MODEL: "test-model",
      LLM_TIMEOUT_MS: "5000",
    });
    expect(answer).toMatchObject({ question: QUESTION, mode: "llm", abstained: false });
    expect(answer.answer).toBe("珠海高新区1-4月工业投资加速，增速达40.7%[1]。");
    expect(answer.citations[0]?.quote).toBe(
      "据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。",
    );
    const [req] = server.chatRequests();
    expect(req?.body.model).toBe("test-model");
    expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("prints the extractive answer, and why, when the model's answer fails the checks", async () => {
    server = await startFakeOpenAi({ chat: sequence(completion("珠海高新区工业投资增速达60%[1]。")) });
    const { answer, stderr } = await askJson({ LLM_API_KEY: KEY, LLM_BASE_URL: server.baseURL });
    expect(answer.mode).toBe("extractive");
    expect(answer.answer).toContain("40.7%[1]");
    expect(answer.answer).not.toContain("60%");
    expect(stderr).toContain("unsupported-number");
    expect(server.chatRequests()).toHaveLength(2);
  });

  // How long the wait is bounded (LLM_TIMEOUT_MS) is tested with fake timers in
  // tests/answer/llm-answer.test.ts; here, that the CLI falls back and says why.
  it("answers extractively, saying why, when the server is down or hangs", async () => {
    const down = await askJson({
      LLM_API_KEY: KEY,
      LLM_BASE_URL: await deadBaseURL(),
      // A refused connection fails at once; the generous budget keeps it a connection failure under load.
      LLM_TIMEOUT_MS: "20000",
    });
    expect(down.answer.mode).toBe("extractive");
    expect(down.answer.answer).toContain("40.7%[1]");
    expect(down.stderr).toContain('"reason":"connection"');

    server = await startFakeOpenAi({ chat: sequence({ hang: true }) });
    const hung = await askJson({ LLM_API_KEY: KEY, LLM_BASE_URL: server.baseURL, LLM_TIMEOUT_MS: "1000" });
    expect(hung.answer.mode).toBe("extractive");
    expect(hung.stderr).toContain('"reason":"timeout"');
    expect(hung.answer.answer).toContain("40.7%[1]");
    expect(hung.stderr).not.toContain(KEY);
  });

  it("with the server failing, stops calling it after 3 failed questions and answers the rest at once", async () => {
    server = await startFakeOpenAi({ chat: () => ({ status: 500 }) });
    const batch = join(work, "batch.jsonl");
    await writeFile(
      batch,
      `${Array.from({ length: 6 }, () => JSON.stringify({ question: QUESTION })).join("\n")}\n`,
    );
    const { stdout, stderr } = await cliInProcess(
      "ask.ts",
      ["--index", index, "--batch", batch],
      work,
      only({ LLM_API_KEY: KEY, LLM_BASE_URL: server.baseURL, LLM_MAX_RETRIES: "0" }),
    );
    const answers = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Answer);
    expect(answers).toHaveLength(6);
    for (const a of answers) {
      expect(a.mode).toBe("extractive");
      expect(a.answer).toContain("40.7%[1]");
    }
    expect(server.chatRequests()).toHaveLength(3);
    expect(stderr.split("model server failing")).toHaveLength(2);
    expect(stderr).toContain('"reason":"unavailable"');
    expect(stderr).not.toContain(KEY);
  });
});
