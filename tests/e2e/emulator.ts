import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * A small Discord API emulator for end-to-end tests: HTTP REST under `/api/v10` and a JSON WebSocket
 * gateway, both on 127.0.0.1 with a random port. It records every REST request so tests can assert on
 * exactly what the real discord.js client sent, and lets tests dispatch gateway events.
 */

export interface RecordedRequest {
  method: string;
  /** Path below `/api/v10`, URL-decoded (`/webhooks/1/tok/messages/@original`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** `performance.now()` when the request arrived. */
  at: number;
  /** The JSON body the emulator answered with, once answered (e.g. the id of a message it created). */
  response?: unknown;
}

export interface EmulatorUser {
  id: string;
  username: string;
  discriminator: string;
  avatar: null;
  global_name: string | null;
  bot?: boolean;
}

export interface EmulatorOptions {
  applicationId?: string;
  botUser?: EmulatorUser;
  guildId?: string;
  channelId?: string;
  /** Keep every request in `requests` (default true). A long load run turns it off and listens instead. */
  record?: boolean;
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  shards?: number;
  /** More guilds the bot is in, besides `guildId`; each gets its own channel (see `channelOf`). */
  moreGuildIds?: string[];
}

/**
 * A fault to inject into REST. The next `times` requests matching `match` get `status` with `headers`
 * (e.g. a 429 with `Retry-After` and `X-RateLimit-*`), or, without a status, their normal answer
 * after `delayMs`. Faulted requests are still recorded.
 */
export interface FaultSpec {
  match: (r: RecordedRequest) => boolean;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests it applies to (default 1; `Infinity` for every one). */
  times?: number;
  delayMs?: number;
}

interface Fault extends FaultSpec {
  remaining: number;
}

/** A gateway session: resumable until invalidated; dispatches missed while disconnected are replayed. */
interface Session {
  id: string;
  socket: WebSocket | null;
  valid: boolean;
  /** Dispatches sent (or missed) since the session began, for replay on RESUME. */
  log: { s: number; frame: unknown }[];
  /** `[shard_id, num_shards]` from its IDENTIFY (`[0, 1]` when it sent none). */
  shard: [number, number];
}

export interface Emulator {
  /** Base to give discord.js: `http://127.0.0.1:PORT/api`. */
  readonly api: string;
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUser: EmulatorUser;
  readonly guildId: string;
  readonly channelId: string;
  /** Every guild the bot is in: `guildId` first. */
  readonly guildIds: readonly string[];
  /** The text channel of a guild (`channelId` for `guildId`). */
  channelOf(guildId: string): string;
  readonly requests: readonly RecordedRequest[];
  /**
   * Channel messages by id, as `GET /channels/{c}/messages/{m}` returns them: every MESSAGE_CREATE
   * dispatched, and every message the bot created or edited (channel replies, interaction replies).
   */
  readonly messages: ReadonlyMap<string, Record<string, unknown>>;
  /** IDENTIFY payloads received, in order. */
  readonly identifies: readonly Record<string, unknown>[];
  /** Dispatches `dispatch` sent per shard (not READY and the like), keyed `id/count` (`0/1` unsharded). */
  readonly delivered: Readonly<Record<string, number>>;
  /**
   * Sends a dispatch (`op 0`) to every gateway session, or, when `d` names a `guild_id`, only to the
   * sessions of the shard that owns that guild (`(guild_id >> 22) % num_shards`), as Discord routes
   * them; returns the send time.
   */
  dispatch(t: string, d: unknown): number;
  /** Resolves with the first request (from index `from` on) that matches; rejects after `timeoutMs`. */
  waitForRequest(
    match: (r: RecordedRequest) => boolean,
    opts?: { timeoutMs?: number; from?: number },
  ): Promise<RecordedRequest>;
  /** Resolves when a client has identified and received READY; rejects after `timeoutMs`. */
  waitForIdentify(timeoutMs?: number): Promise<void>;
  /** Makes the next matching request fail with `status`. */
  failNext(match: (r: RecordedRequest) => boolean, status?: number): void;
  /** Injects a REST fault (see {@link FaultSpec}); the returned function removes it. */
  inject(fault: FaultSpec): () => void;
  /** Calls `listener` for every request once it has been answered; returns the unsubscribe. */
  onRequest(listener: (r: RecordedRequest) => void): () => void;
  /** RESUME payloads received, in order. */
  readonly resumes: readonly Record<string, unknown>[];
  /** Gateway connections currently open. */
  readonly connections: number;
  /**
   * Cuts every gateway connection without a close frame (the TCP socket destroyed), as a network
   * failure would. The session stays resumable.
   */
  dropGateway(): void;
  /**
   * Closes every gateway connection with `code`. With 4009 (session timed out) the session is also
   * forgotten, so a RESUME is answered with INVALID_SESSION and the client must identify again.
   */
  closeGateway(code: number): void;
  /** Answers the next IDENTIFYs with a close frame of `code` (4004 bad token, 4014 disallowed intents) instead of READY. */
  refuseIdentify(code: number | null): void;
  /** Resolves once `count` sessions in all were established (READY or RESUMED) and one is connected. */
  waitForSessions(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** An attached file of a multipart request, as Discord receives it (`files[n]` parts). */
export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/**
 * A multipart body (a message with attachments) as its `payload_json` object plus `files`, parsed by
 * the platform's own form-data reader.
 */
async function multipartBody(bytes: Buffer, contentType: string): Promise<unknown> {
  try {
    const form = await new Response(new Uint8Array(bytes), {
      headers: { "content-type": contentType },
    }).formData();
    const json = form.get("payload_json");
    const files: UploadedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") continue;
      files.push({
        field,
        name: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { ...(typeof json === "string" ? (JSON.parse(json) as object) : {}), files };
  } catch {
    return bytes.toString("utf8");
  }
}

let snowflakeCounter = 0n;
/** Unique, increasing snowflake-like ids. */
/** A full Discord message object, as Discord returns one, with `fields` laid over the defaults. */
export function messageObject(
  channelId: string,
  author: EmulatorUser,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content: "",
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...fields,
  };
}

export function snowflake(): string {
  snowflakeCounter += 1n;
  return String((BigInt(Date.now() - 1420070400000) << 22n) + snowflakeCounter);
}

const API_PREFIX = "/api/v10";
const REPLAY_BACKLOG = 1_000;

/** Starts the emulator; close it only after the client is destroyed (see discord-emulation.md). */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const applicationId = opts.applicationId ?? "100000000000000001";
  const botUser: EmulatorUser = opts.botUser ?? {
    id: applicationId,
    username: "gaoxin-qa",
    discriminator: "0",
    avatar: null,
    global_name: null,
    bot: true,
  };
  const guildId = opts.guildId ?? "200000000000000001";
  const channelId = opts.channelId ?? "300000000000000001";
  const guildIds = [guildId, ...(opts.moreGuildIds ?? [])];
  const channelOf = (g: string) => (g === guildId ? channelId : String(BigInt(g) + 1n));
  /** Whether a session's shard receives a guild's events. */
  const owns = (session: Session, g: string) =>
    Number((BigInt(g) >> 22n) % BigInt(session.shard[1])) === session.shard[0];

  const record = opts.record ?? true;
  const requests: RecordedRequest[] = [];
  const identifies: Record<string, unknown>[] = [];
  const delivered: Record<string, number> = {};
  const resumes: Record<string, unknown>[] = [];
  const sessions = new Map<string, Session>();
  /** READYs and successful RESUMEs so far. */
  let established = 0;
  const faults: Fault[] = [];
  let identifyCloseCode: number | null = null;
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const sockets = new Set<WebSocket>();
  let seq = 0;
  const messages = new Map<string, Record<string, unknown>>();
  /** The message id of each interaction's original reply, by interaction token. */
  const originals = new Map<string, string>();
  /** Keeps a message for `GET …/messages/{id}` and returns it. */
  const stored = (m: Record<string, unknown>) => {
    messages.set(String(m.id), m);
    return m;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const at = performance.now();
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString("utf8");
      const contentType = String(req.headers["content-type"] ?? "");
      let body: unknown = raw;
      if (raw !== "" && contentType.includes("application/json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      } else if (contentType.startsWith("multipart/form-data")) {
        body = await multipartBody(bytes, contentType);
      }
      const path = decodeURIComponent(
        url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname,
      );
      const rec: RecordedRequest = {
        method: req.method ?? "GET",
        path,
        query: url.searchParams,
        headers: req.headers,
        body,
        at,
      };
      if (record) requests.push(rec);
      const fault = faults.find((f) => f.remaining > 0 && f.match(rec));
      if (fault) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults.splice(faults.indexOf(fault), 1);
      }
      const answer = () => {
        if (fault?.status !== undefined) {
          send(res, fault.status, fault.body ?? { message: "emulated failure", code: 0 }, fault.headers);
        } else {
          const [status, payload] = route(rec);
          rec.response = payload;
          send(res, status, payload, fault?.headers);
        }
        events.emit("request", rec);
      };
      if (fault?.delayMs) setTimeout(answer, fault.delayMs);
      else answer();
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (!(req.url ?? "").startsWith("/gateway")) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const api = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const message = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    messageObject(channelId, botUser, { ...body, ...extra });

  function send(
    res: ServerResponse,
    status: number,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (res.destroyed) return;
    if (payload === undefined) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      ...headers,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  }

  /** What to answer a REST request with: a status and, unless 204, a JSON body. */
  function route(r: RecordedRequest): [number, unknown?] {
    const body = (typeof r.body === "object" && r.body !== null ? r.body : {}) as Record<string, unknown>;
    const p = r.path;
    if (r.method === "GET" && (p === "/gateway/bot" || p === "/gateway")) {
      return [
        200,
        {
          url: gatewayUrl,
          shards: opts.shards ?? 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (r.method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(p)) {
      const list = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
      return [
        200,
        list.map((c) => ({ id: snowflake(), application_id: applicationId, version: snowflake(), ...c })),
      ];
    }
    if (r.method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) {
      if (r.query.get("with_response") !== "true") return [204];
      return [200, { interaction: { id: p.split("/")[2], type: 2 }, resource: { type: body.type } }];
    }
    const edit = p.match(/^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/);
    if (edit) {
      const token = edit[1] as string;
      // The original reply keeps one id across edits, as on Discord.
      let id = edit[2] as string;
      if (id === "@original") {
        id = originals.get(token) ?? snowflake();
        originals.set(token, id);
      }
      if (r.method === "PATCH") return [200, stored({ ...messages.get(id), ...message(body, { id }) })];
      if (r.method === "GET") return [200, messages.get(id) ?? message({ id })];
      if (r.method === "DELETE") {
        messages.delete(id);
        return [204];
      }
    }
    if (r.method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(p)) return [200, stored(message(body))];
    const post = p.match(/^\/channels\/(\d+)\/messages$/);
    if (post && r.method === "POST") {
      const ref = body.message_reference as Record<string, unknown> | undefined;
      const reply = ref
        ? { type: 19, message_reference: { type: 0, channel_id: post[1], guild_id: guildId, ...ref } }
        : {};
      return [200, stored(message(body, { channel_id: post[1], ...reply }))];
    }
    const get = p.match(/^\/channels\/(\d+)\/messages\/(\d+)$/);
    if (get && r.method === "GET") {
      const m = messages.get(get[2] as string);
      if (m && m.channel_id === get[1]) return [200, m];
      return [404, { message: "Unknown Message", code: 10008 }];
    }
    if (/^\/channels\/\d+\/typing$/.test(p) && r.method === "POST") return [204];
    if (p === "/users/@me" && r.method === "GET") return [200, botUser];
    if (p === "/applications/@me" && r.method === "GET") {
      return [200, { id: applicationId, name: botUser.username, flags: 0, bot: botUser }];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  const frame = (ws: WebSocket, payload: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  };

  const guildCreate = (guildId: string) => ({
    id: guildId,
    name: "高新区测试服务器",
    icon: null,
    owner_id: "400000000000000009",
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: new Date().toISOString(),
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      {
        id: guildId,
        name: "@everyone",
        permissions: "2248473465835073",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: [
      {
        id: channelOf(guildId),
        type: 0,
        name: "general",
        guild_id: guildId,
        position: 0,
        permission_overwrites: [],
      },
    ],
    members: [],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  });

  /** The session a socket is attached to, if any. */
  const sessionOf = (ws: WebSocket): Session | undefined => {
    for (const session of sessions.values()) if (session.socket === ws) return session;
    return undefined;
  };

  /** Sends a dispatch to a session's socket, logging it for replay; missed while it is disconnected. */
  const sendDispatch = (session: Session, t: string, d: unknown, s: number) => {
    const payload = { op: 0, t, s, d };
    session.log.push({ s, frame: payload });
    // Discord keeps a bounded backlog for resumes; so does this, so long runs do not grow it forever.
    if (session.log.length > REPLAY_BACKLOG) session.log.splice(0, session.log.length - REPLAY_BACKLOG);
    if (session.socket) frame(session.socket, payload);
  };

  wss.on("connection", (ws) => {
    sockets.add(ws);
    const detach = (code?: number) => {
      sockets.delete(ws);
      const session = sessionOf(ws);
      if (session) {
        session.socket = null;
        // A client closing with 1000/1001 ends its session, as on Discord.
        if (code === 1000 || code === 1001) session.valid = false;
      }
    };
    ws.on("close", (code) => detach(code));
    ws.on("error", () => detach());
    frame(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on("message", (raw) => {
      let packet: { op?: number; d?: unknown };
      try {
        packet = JSON.parse(String(raw)) as { op?: number; d?: unknown };
      } catch {
        return;
      }
      if (packet.op === 1) frame(ws, { op: 11, d: null, s: null, t: null });
      if (packet.op === 2) {
        const identify = (packet.d ?? {}) as Record<string, unknown>;
        identifies.push(identify);
        if (identifyCloseCode !== null) {
          ws.close(identifyCloseCode, "identify refused");
          return;
        }
        const [id, count] = Array.isArray(identify.shard) ? (identify.shard as number[]) : [];
        const shard: [number, number] =
          Number.isInteger(id) && Number.isInteger(count) && (count as number) > 0
            ? [id as number, count as number]
            : [0, 1];
        const session: Session = { id: `session-${snowflake()}`, socket: ws, valid: true, log: [], shard };
        const mine = guildIds.filter((g) => owns(session, g));
        sessions.set(session.id, session);
        sendDispatch(
          session,
          "READY",
          {
            v: 10,
            user: botUser,
            guilds: mine.map((g) => ({ id: g, unavailable: true })),
            session_id: session.id,
            resume_gateway_url: gatewayUrl,
            shard,
            application: { id: applicationId, flags: 0 },
          },
          ++seq,
        );
        for (const g of mine) sendDispatch(session, "GUILD_CREATE", guildCreate(g), ++seq);
        established += 1;
        events.emit("identify");
        events.emit("session");
      }
      if (packet.op === 6) {
        const d = (packet.d ?? {}) as { session_id?: string; seq?: number };
        resumes.push(d as Record<string, unknown>);
        const session = sessions.get(String(d.session_id));
        if (!session?.valid) {
          // Discord's answer to a resume of a session it no longer has: identify again.
          frame(ws, { op: 9, d: false, s: null, t: null });
          return;
        }
        session.socket = ws;
        // Replays what the client missed, then confirms, as Discord does.
        const from = typeof d.seq === "number" ? d.seq : 0;
        for (const entry of session.log) if (entry.s > from) frame(ws, entry.frame);
        sendDispatch(session, "RESUMED", {}, ++seq);
        established += 1;
        events.emit("session");
      }
    });
  });

  return {
    api,
    gatewayUrl,
    applicationId,
    botUser,
    guildId,
    channelId,
    guildIds,
    channelOf,
    requests,
    messages,
    identifies,
    delivered,
    resumes,
    get connections() {
      return sockets.size;
    },
    dispatch(t, d) {
      const at = performance.now();
      if (t === "MESSAGE_CREATE" && typeof d === "object" && d !== null && "id" in d)
        stored(d as Record<string, unknown>);
      seq += 1;
      const g = typeof d === "object" && d !== null ? (d as { guild_id?: unknown }).guild_id : undefined;
      // Every live session gets it, connected or not: a disconnected one has it replayed on RESUME.
      for (const session of sessions.values()) {
        if (!session.valid || (typeof g === "string" && !owns(session, g))) continue;
        sendDispatch(session, t, d, seq);
        const key = session.shard.join("/");
        delivered[key] = (delivered[key] ?? 0) + 1;
      }
      return at;
    },
    waitForRequest(match, { timeoutMs = 5_000, from = 0 } = {}) {
      const found = requests.slice(from).find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onRequest = (r: RecordedRequest) => {
          if (!match(r)) return;
          clearTimeout(timer);
          events.off("request", onRequest);
          resolve(r);
        };
        const timer = setTimeout(() => {
          events.off("request", onRequest);
          reject(new Error(`emulator: no matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        events.on("request", onRequest);
      });
    },
    waitForIdentify(timeoutMs = 5_000) {
      if (identifies.length > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("emulator: no IDENTIFY")), timeoutMs);
        events.once("identify", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    failNext(match, status = 500) {
      faults.push({ match, status, remaining: 1 });
    },
    inject(spec) {
      const fault: Fault = { ...spec, remaining: spec.times ?? 1 };
      faults.push(fault);
      return () => {
        const i = faults.indexOf(fault);
        if (i >= 0) faults.splice(i, 1);
      };
    },
    onRequest(listener) {
      events.on("request", listener);
      return () => events.off("request", listener);
    },
    dropGateway() {
      for (const ws of sockets) ws.terminate();
    },
    refuseIdentify(code) {
      identifyCloseCode = code;
    },
    closeGateway(code) {
      for (const ws of sockets) {
        if (code === 4009) {
          const session = sessionOf(ws);
          if (session) session.valid = false;
        }
        ws.close(code, "emulated close");
      }
    },
    waitForSessions(count, timeoutMs = 10_000) {
      const done = () => established >= count && sockets.size > 0;
      if (done()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done()) return;
          clearTimeout(timer);
          events.off("session", check);
          resolve();
        };
        const timer = setTimeout(() => {
          events.off("session", check);
          reject(new Error(`emulator: ${established} sessions established, wanted ${count}`));
        }, timeoutMs);
        events.on("session", check);
      });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      sockets.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
