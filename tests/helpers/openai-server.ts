import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests: `/v1/chat/completions` and `/v1/embeddings`
 * answer from scripts, and every request is recorded. Never a real API.
 */

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are inspected loosely in assertions
  body: any;
}

/** What the server sends back: a status and JSON body, or nothing at all (a hung server). */
export type Reply = { status?: number; headers?: Record<string, string>; json?: unknown } | { hang: true };

/** Decides a reply from the request and its 0-based number on that endpoint. */
export type Script = (req: RecordedRequest, i: number) => Reply | Promise<Reply>;

export interface FakeOpenAi {
  baseURL: string;
  requests: RecordedRequest[];
  chatRequests(): RecordedRequest[];
  embeddingRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/** A chat completion whose message is `text`. */
export function completion(text: string): Reply {
  return {
    json: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1,
      model: "test-model",
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

/** Replies in order; the last one repeats. */
export function sequence(...replies: Reply[]): Script {
  return (_req, i) => replies[Math.min(i, replies.length - 1)] as Reply;
}

/** The user message of a chat request (the passages and the question). */
export function userMessage(req: RecordedRequest): string {
  const messages = req.body.messages as { role: string; content: string }[];
  return messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
}

/** The number the request gave the first passage containing `needle`, or null. */
export function passageNumber(req: RecordedRequest, needle: string): number | null {
  const all = (req.body.messages as { content: string }[]).map((m) => m.content).join("\n");
  for (const m of all.matchAll(/<段落 编号="(\d+)">([\s\S]*?)<\/段落>/g)) {
    if ((m[2] ?? "").includes(needle)) return Number(m[1]);
  }
  return null;
}

const vectors = new LocalEmbeddings({ dimensions: 64 });

/** Deterministic vectors (the local hashed embeddings) for every input. */
export const embedAll: Script = async (req) => {
  const input: string[] = Array.isArray(req.body.input) ? req.body.input : [req.body.input];
  const data = (await vectors.embedDocuments(input)).map((embedding, index) => ({
    object: "embedding",
    index,
    embedding,
  }));
  return {
    json: { object: "list", data, model: req.body.model, usage: { prompt_tokens: 1, total_tokens: 1 } },
  };
};

/** Starts the server; `chat` and `embeddings` script the two endpoints. */
export async function startFakeOpenAi(
  scripts: { chat?: Script; embeddings?: Script } = {},
): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      raw += c;
    });
    req.on("end", async () => {
      const path = req.url ?? "";
      const recorded: RecordedRequest = { path, headers: req.headers, body: raw ? JSON.parse(raw) : null };
      requests.push(recorded);
      const i = counts.get(path) ?? 0;
      counts.set(path, i + 1);
      const script = path.endsWith("/chat/completions")
        ? scripts.chat
        : path.endsWith("/embeddings")
          ? (scripts.embeddings ?? embedAll)
          : undefined;
      const reply: Reply = script
        ? await script(recorded, i)
        : { status: 404, json: { error: { message: "no route" } } };
      if ("hang" in reply) return;
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.json ?? { error: { message: `status ${reply.status}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith("/chat/completions")),
    embeddingRequests: () => requests.filter((r) => r.path.endsWith("/embeddings")),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL nothing listens on: a port that was just free. */
export async function deadBaseURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
