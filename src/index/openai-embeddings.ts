import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Embeddings } from "@langchain/core/embeddings";
import type OpenAI from "openai";
import type { ApiConfig } from "../config.js";

/** Options for {@link OpenAiEmbeddings}: the API (any OpenAI-compatible `/embeddings`), then batching and cache. */
export interface OpenAiEmbeddingsOptions extends ApiConfig {
  /** Texts per request. OpenAI accepts up to 2,048; some compatible services far fewer (DashScope: 10). */
  batchSize?: number;
  /** A JSON Lines file of vectors by text hash: a re-ingest pays only for text it has not seen. */
  cacheFile?: string;
  /** For tests: a client to use instead of building one. */
  client?: OpenAI;
}

/** Characters per request: well under OpenAI's 300,000 tokens per request even for Chinese (≈1 token a character). */
const MAX_BATCH_CHARS = 100_000;
/** Longest text embedded: inputs over 8,192 tokens are refused, so longer ones are cut. */
const MAX_INPUT_CHARS = 6_000;

/** Sizes of OpenAI's own models, so an index mismatch is caught before any request. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

const hashText = (text: string) => createHash("sha256").update(text).digest("hex");

function encode(v: readonly number[]): string {
  return Buffer.from(new Float32Array(v).buffer).toString("base64");
}

function decode(s: string): number[] {
  const b = Buffer.from(s, "base64");
  return Array.from(new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4));
}

/** Groups texts into requests within both the count and the size limit. */
export function batches<T extends { text: string }>(
  items: readonly T[],
  size: number,
  maxChars = MAX_BATCH_CHARS,
): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let chars = 0;
  for (const item of items) {
    const n = item.text.length;
    if (cur.length > 0 && (cur.length >= size || chars + n > maxChars)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(item);
    chars += n;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Where the cache of a model lives: beside the index directory, which a rebuild replaces whole. */
export function embeddingsCacheFile(indexDir: string, model: string): string {
  return `${indexDir.replace(/\/+$/, "")}-cache/openai-${model.replace(/[^\w.-]/g, "_")}.jsonl`;
}

/**
 * Embeddings from an OpenAI-compatible API, behind LangChain's `Embeddings` interface: batched within
 * the API's limits, each batch retried with backoff (429, 5xx, timeouts), document vectors cached by
 * text hash. The `id` (`openai:<model>`) goes into the index manifest, so an index built with other
 * embeddings is refused at load instead of being searched with meaningless vectors.
 */
export class OpenAiEmbeddings extends Embeddings {
  readonly id: string;
  private known: number | undefined;
  private client: Promise<OpenAI> | undefined;
  private cache: Map<string, number[]> | null = null;

  constructor(private readonly opts: OpenAiEmbeddingsOptions) {
    super({});
    this.id = `openai:${opts.model}`;
    this.known = KNOWN_DIMENSIONS[opts.model];
    this.client = opts.client ? Promise.resolve(opts.client) : undefined;
  }

  /** The SDK (~230 modules, also behind api-retry's error classes) is imported on the first request, not at every start. */
  private openai(): Promise<OpenAI> {
    const { apiKey, baseURL, timeoutMs } = this.opts;
    this.client ??= import("openai").then(
      ({ default: OpenAI }) => new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: timeoutMs }),
    );
    return this.client;
  }

  /** Vector size: known for OpenAI's models, otherwise learnt from the first vector. */
  get dimensions(): number | undefined {
    return this.known;
  }

  /** Embeds passages, asking the API only for texts not in the cache. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const cache = await this.loadCache();
    const keys = texts.map((t) => hashText(t));
    const todo: { text: string; key: string }[] = [];
    const queued = new Set<string>();
    texts.forEach((text, i) => {
      const key = keys[i] as string;
      if (!cache.has(key) && !queued.has(key)) {
        queued.add(key);
        todo.push({ text, key });
      }
    });
    for (const batch of batches(todo, this.opts.batchSize ?? 256)) {
      const vectors = await this.request(batch.map((b) => b.text));
      const lines = batch.map((b, i) => {
        const v = vectors[i] as number[];
        cache.set(b.key, v);
        return `${JSON.stringify({ h: b.key, v: encode(v) })}\n`;
      });
      if (this.opts.cacheFile) await appendFile(this.opts.cacheFile, lines.join(""));
    }
    return keys.map((k) => cache.get(k) as number[]);
  }

  /** Embeds a question; not cached (questions rarely repeat). */
  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.request([text]);
    return v as number[];
  }

  private async request(texts: string[]): Promise<number[][]> {
    const input = texts.map((t) => (t.length > MAX_INPUT_CHARS ? t.slice(0, MAX_INPUT_CHARS) : t) || " ");
    const [client, { withRetries }] = await Promise.all([this.openai(), import("../api-retry.js")]);
    const r = await withRetries(
      ({ signal, timeoutMs }) =>
        client.embeddings.create(
          // Floats, not the client's default base64: not every compatible server supports base64.
          { model: this.opts.model, input, encoding_format: "float" },
          { signal, timeout: timeoutMs, maxRetries: 0 },
        ),
      { retries: this.opts.maxRetries, baseDelayMs: this.opts.retryBaseMs, budgetMs: this.opts.timeoutMs },
    );
    if (!r.ok) {
      const message = r.error.message.split(this.opts.apiKey).join("[REDACTED]");
      throw new Error(`embeddings request to ${this.opts.baseURL} failed (${r.error.code}): ${message}`);
    }
    const data = [...r.value.data].sort((a, b) => a.index - b.index);
    if (data.length !== texts.length) {
      throw new Error(`embeddings API returned ${data.length} vectors for ${texts.length} texts`);
    }
    const vectors = data.map((d) => d.embedding);
    for (const v of vectors) {
      this.known ??= v.length;
      if (v.length !== this.known)
        throw new Error(`embedding has ${v.length} dimensions, expected ${this.known}`);
    }
    return vectors;
  }

  private async loadCache(): Promise<Map<string, number[]>> {
    if (this.cache) return this.cache;
    const cache = new Map<string, number[]>();
    const file = this.opts.cacheFile;
    if (file) {
      await mkdir(dirname(file), { recursive: true });
      let text = "";
      try {
        text = await readFile(file, "utf8");
      } catch {
        // No cache yet.
      }
      for (const line of text.split("\n")) {
        if (line === "") continue;
        try {
          const { h, v } = JSON.parse(line) as { h: string; v: string };
          const vector = decode(v);
          // A line cut short by a killed ingest, or another model's size, is skipped (and re-embedded).
          this.known ??= vector.length;
          if (vector.length === this.known) cache.set(h, vector);
        } catch {
          // A torn last line: skip it.
        }
      }
    }
    this.cache = cache;
    return cache;
  }
}
