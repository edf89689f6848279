import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { completion, type FakeOpenAi, passageNumber, startFakeOpenAi } from "../helpers/openai-server.js";

const run = promisify(execFile);
const ROOT = resolve(".");

let work: string;
let server: FakeOpenAi;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "gaoxin-env-file-"));
  await cp(join(ROOT, "data/corpus"), join(work, "data/corpus"), { recursive: true });
  server = await startFakeOpenAi({
    chat: (req) => completion(`珠海高新区工业投资增速达40.7%[${passageNumber(req, "增速达40.7%")}]。`),
  });
});
afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the CLI reads .env like the bot", () => {
  it("takes the model settings from .env in the current folder, the environment's own winning", async () => {
    await writeFile(
      join(work, ".env"),
      `LLM_API_KEY=sk-from-dotenv-0123\nLLM_BASE_URL=${server.baseURL}\nLLM_MODEL=dotenv-model\n`,
    );
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(LLM_|OPENAI_|EMBEDDINGS)/.test(k)),
    );
    const { stdout } = await run(
      join(ROOT, "node_modules/.bin/tsx"),
      [join(ROOT, "src/cli/ask.ts"), "--json", "珠海高新区工业投资增速多少"],
      { cwd: work, env: { ...env, LLM_MODEL: "env-model" }, timeout: 60_000 },
    );
    expect((JSON.parse(stdout) as Answer).mode).toBe("llm");
    const [req] = server.chatRequests();
    expect(req?.headers.authorization).toBe("Bearer sk-from-dotenv-0123");
    expect(req?.body.model).toBe("env-model");
  });
});
