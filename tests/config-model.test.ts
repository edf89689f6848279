import { describe, expect, it } from "vitest";
import { ConfigError, loadModelConfig } from "../src/config.js";

describe("loadModelConfig", () => {
  it("has no model without a key: offline extractive answers, not an error", () => {
    expect(loadModelConfig({})).toEqual({ llm: null, embeddings: { kind: "local" } });
    expect(loadModelConfig({ LLM_MODEL: "deepseek-chat", LLM_API_KEY: "  " }).llm).toBeNull();
  });

  it("defaults to OpenAI's endpoint and gpt-4o-mini, falling back to the OPENAI_* names", () => {
    expect(loadModelConfig({ OPENAI_API_KEY: "sk-a" }).llm).toEqual({
      apiKey: "sk-a",
      baseURL: "https://api.openai.com/v1",
      model: "gpt-4o-mini",
      timeoutMs: 20_000,
      maxRetries: 2,
      retryBaseMs: 500,
      breakerFailures: 3,
      breakerCooldownMs: 30_000,
    });
    const llm = loadModelConfig({
      LLM_API_KEY: "sk-b",
      OPENAI_API_KEY: "sk-a",
      LLM_BASE_URL: "https://api.deepseek.com/v1",
      OPENAI_BASE_URL: "https://example.com/v1",
      LLM_MODEL: "deepseek-chat",
      LLM_TIMEOUT_MS: "5000",
      LLM_MAX_RETRIES: "0",
      LLM_BREAKER_FAILURES: "0",
      LLM_BREAKER_COOLDOWN_MS: "5000",
    }).llm;
    expect(llm).toMatchObject({
      apiKey: "sk-b",
      baseURL: "https://api.deepseek.com/v1",
      model: "deepseek-chat",
    });
    expect(llm).toMatchObject({
      timeoutMs: 5000,
      maxRetries: 0,
      breakerFailures: 0,
      breakerCooldownMs: 5000,
    });
  });

  it("configures OpenAI-compatible embeddings, with the chat key and base URL unless given their own", () => {
    expect(
      loadModelConfig({
        EMBEDDINGS: "OpenAI",
        LLM_API_KEY: "sk-b",
        LLM_BASE_URL: "http://127.0.0.1:11434/v1",
      }).embeddings,
    ).toMatchObject({
      kind: "openai",
      apiKey: "sk-b",
      baseURL: "http://127.0.0.1:11434/v1",
      model: "text-embedding-3-small",
    });
    expect(
      loadModelConfig({
        EMBEDDINGS: "openai",
        EMBEDDINGS_API_KEY: "sk-e",
        EMBEDDINGS_BASE_URL: "https://dashscope.aliyuncs.com/compatible-mode/v1",
        EMBEDDINGS_MODEL: "text-embedding-v3",
      }).embeddings,
    ).toMatchObject({ apiKey: "sk-e", model: "text-embedding-v3" });
  });

  it("names the variable, never its value, when one is malformed", () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadModelConfig(env);
        return "";
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
    };
    expect(bad({ LLM_BASE_URL: "not a url sk-secret" })).toMatch(/^LLM_BASE_URL must be a URL/);
    expect(bad({ LLM_BASE_URL: "not a url sk-secret" })).not.toContain("sk-secret");
    expect(bad({ LLM_TIMEOUT_MS: "soon" })).toMatch(/^LLM_TIMEOUT_MS must be a positive whole number/);
    expect(bad({ LLM_BREAKER_FAILURES: "-1" })).toMatch(/^LLM_BREAKER_FAILURES must be/);
    expect(bad({ EMBEDDINGS: "bert" })).toMatch(/^EMBEDDINGS must be local or openai/);
    expect(bad({ EMBEDDINGS: "openai" })).toContain("EMBEDDINGS=openai needs a key");
  });
});
