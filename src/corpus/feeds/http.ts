/**
 * Polite, bounded HTTP GETs for feeds and article pages. Every request names the bot in its
 * User-Agent, asks robots.txt first (RFC 9309), waits its turn per host, sends ETag/Last-Modified
 * back when it has them, and is bounded: a timeout per attempt (headers and body), a size cap on the
 * decoded body, a redirect limit, and a few retries with exponential backoff on 5xx, 429, timeouts and
 * dropped connections (cockatiel). Expected failures are values, never throws.
 */
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { ExponentialBackoff, handleWhen, retry } from "cockatiel";
import { err, ok, type Result } from "../../result.js";

// robots-parser is CommonJS whose types declare a default export it does not have under ESM.
const robotsParser: typeof import("robots-parser").default = createRequire(import.meta.url)("robots-parser");

/** The token robots.txt rules name us by. */
export const ROBOTS_AGENT = "gaoxin-qa";
/** Sent with every request: who is asking and why, so a site's operator can tell. */
export const USER_AGENT = `${ROBOTS_AGENT}/0.1 (news Q&A bot for high-tech zone news; fetches only the feeds and pages its operator lists)`;

/** How hard and how fast to fetch. Every field has a default fit for news sites. */
export interface FetcherOptions {
  userAgent?: string;
  /** One attempt, from the request to the last byte of the body. */
  timeoutMs?: number;
  /** Largest body read (after decompression); a larger one is refused. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Attempts after the first when the server fails (5xx, 429, 408) or does not answer in time. */
  retries?: number;
  /** First backoff; it doubles with jitter. */
  retryBaseMs?: number;
  /** Least time between two requests to one host (robots.txt `Crawl-delay` may ask for more). */
  hostIntervalMs?: number;
  /** The clock turns are booked on, and how one is waited for (tests pass a fake pair). */
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

const DEFAULTS: Required<FetcherOptions> = {
  userAgent: USER_AGENT,
  // Government sites in China answer slowly from abroad; 15 s holds all but the dead ones.
  timeoutMs: 15_000,
  // News pages run 50–500 KB; 5 MiB leaves room for inline scripts without reading a video by mistake.
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 1_000,
  hostIntervalMs: 1_000,
  now: Date.now,
  wait: sleep,
};

/** Crawl-delay above this (seconds) is taken as this: a feed of 20 items must still finish. */
const MAX_CRAWL_DELAY_S = 30;
/** robots.txt is kept this long (RFC 9309 asks for at most a day); an unreachable one for less. */
const ROBOTS_TTL_MS = 24 * 3600 * 1000;
const ROBOTS_FAILED_TTL_MS = 10 * 60 * 1000;
/** robots.txt beyond this is not read (RFC 9309 asks parsers to read at least 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;

/** A body the server sent. */
export interface Fetched {
  kind: "fetched";
  /** Where the body came from, after redirects. */
  url: string;
  body: Buffer;
  /** The Content-Type header, or "". */
  contentType: string;
  etag?: string;
  lastModified?: string;
}

/** The server said our copy is current (304). */
export interface NotModified {
  kind: "not-modified";
  url: string;
}

/** Why a URL gave nothing; `message` is one line for a person. */
export interface FetchFailure {
  code: "bad-url" | "robots" | "http" | "timeout" | "too-large" | "redirects" | "network";
  status?: number;
  message: string;
}

/** What we already hold for a URL, sent back so an unchanged page costs a 304. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Fetches URLs politely; one per entry point, shared by every feed and page of a run. */
export interface Fetcher {
  get(
    url: string,
    opts?: Validators & { accept?: string },
  ): Promise<Result<Fetched | NotModified, FetchFailure>>;
}

/** A failure worth another attempt (server error, timeout, dropped connection). */
class Transient extends Error {
  constructor(readonly failure: FetchFailure) {
    super(failure.message);
  }
}

/** A URL we may fetch: absolute http(s), without the fragment. */
export function parseHttpUrl(raw: string, base?: string): URL | null {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  return u;
}

interface RobotsEntry {
  at: number;
  ttl: number;
  allowed: (url: string) => boolean;
  /** Why nothing on the host may be fetched (robots.txt unreachable), or null. */
  blocked: FetchFailure | null;
  delayMs: number;
}

/** Builds the fetcher an entry point passes down. */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const o = { ...DEFAULTS, ...options };
  const nextSlot = new Map<string, number>();
  const robots = new Map<string, RobotsEntry>();

  /** Waits until `host` may be asked again, and books the next turn. */
  const turn = async (host: string, delayMs: number): Promise<void> => {
    const now = o.now();
    const at = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, at + Math.max(o.hostIntervalMs, delayMs));
    if (at > now) await o.wait(at - now);
  };

  /** One request, no redirects followed, body read up to `maxBytes`. Throws Transient when worth retrying. */
  const once = async (
    url: URL,
    headers: Record<string, string>,
    maxBytes: number,
    delayMs: number,
  ): Promise<Result<{ response: Response; body?: Buffer }, FetchFailure>> => {
    await turn(url.host, delayMs);
    const signal = AbortSignal.timeout(o.timeoutMs);
    const timedOut = (): FetchFailure => ({
      code: "timeout",
      message: `no complete answer within ${o.timeoutMs / 1000} s`,
    });
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { "user-agent": o.userAgent, ...headers },
        redirect: "manual",
        signal,
      });
    } catch (e) {
      if (signal.aborted) throw new Transient(timedOut());
      throw new Transient({ code: "network", message: `cannot connect: ${causeOf(e)}` });
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => {});
      return ok({ response });
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      await response.body?.cancel().catch(() => {});
      throw new Transient(httpFailure(response));
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => {});
      return response.status === 304 ? ok({ response }) : err(httpFailure(response));
    }
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      return err(tooLarge(maxBytes));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      const reader = response.body?.getReader();
      for (;;) {
        const r = await reader?.read();
        if (r === undefined || r.done) break;
        size += r.value.byteLength;
        if (size > maxBytes) {
          await reader?.cancel().catch(() => {});
          return err(tooLarge(maxBytes));
        }
        chunks.push(Buffer.from(r.value));
      }
    } catch (e) {
      if (signal.aborted) throw new Transient(timedOut());
      throw new Transient({ code: "network", message: `connection dropped: ${causeOf(e)}` });
    }
    return ok({ response, body: Buffer.concat(chunks) });
  };

  const policy = retry(
    handleWhen((e) => e instanceof Transient),
    {
      maxAttempts: o.retries,
      backoff: new ExponentialBackoff({ initialDelay: o.retryBaseMs, maxDelay: 30_000 }),
    },
  );

  /** GET following up to maxRedirects redirects, each hop asked of its host's robots.txt unless `checkRobots` is off. */
  const follow = async (
    start: URL,
    headers: Record<string, string>,
    maxBytes: number,
    checkRobots: boolean,
  ): Promise<Result<Fetched | NotModified, FetchFailure>> => {
    let url = start;
    for (let hop = 0; ; hop++) {
      let delayMs = 0;
      if (checkRobots) {
        const rules = await robotsFor(url);
        if (rules.blocked) return err(rules.blocked);
        if (!rules.allowed(url.href))
          return err({
            code: "robots",
            message: `robots.txt of ${url.host} does not allow ${ROBOTS_AGENT} to fetch it`,
          });
        delayMs = rules.delayMs;
      }
      let r: Awaited<ReturnType<typeof once>>;
      let attempts = 0;
      try {
        r = await policy.execute(() => {
          attempts++;
          return once(url, headers, maxBytes, delayMs);
        });
      } catch (e) {
        if (!(e instanceof Transient)) throw e;
        const tries = attempts > 1 ? ` (${attempts} attempts)` : "";
        return err({ ...e.failure, message: `${e.failure.message}${tries}` });
      }
      if (!r.ok) return r;
      const res = r.value.response;
      if (r.value.body !== undefined) {
        const h = res.headers;
        const etag = h.get("etag");
        const lastModified = h.get("last-modified");
        return ok({
          kind: "fetched",
          url: url.href,
          body: r.value.body,
          contentType: h.get("content-type") ?? "",
          ...(etag ? { etag } : {}),
          ...(lastModified ? { lastModified } : {}),
        });
      }
      if (res.status === 304) return ok({ kind: "not-modified", url: url.href });
      const location = res.headers.get("location");
      const next = location === null ? null : parseHttpUrl(location, url.href);
      if (next === null)
        return err({
          code: "http",
          status: res.status,
          message: `HTTP ${res.status} redirect without a usable Location`,
        });
      if (hop >= o.maxRedirects)
        return err({ code: "redirects", message: `more than ${o.maxRedirects} redirects` });
      url = next;
    }
  };

  /** The rules of `url`'s origin: fetched once, kept a day (RFC 9309: 4xx = no rules; 5xx or unreachable = keep out). */
  const robotsFor = async (url: URL): Promise<RobotsEntry> => {
    const cached = robots.get(url.origin);
    if (cached && Date.now() - cached.at < cached.ttl) return cached;
    const robotsUrl = new URL("/robots.txt", url.origin);
    const r = await follow(robotsUrl, { accept: "text/plain" }, ROBOTS_MAX_BYTES, false);
    let entry: RobotsEntry;
    const open = { at: Date.now(), ttl: ROBOTS_TTL_MS, allowed: () => true, blocked: null, delayMs: 0 };
    if (r.ok && r.value.kind === "fetched") {
      const rules = robotsParser(robotsUrl.href, r.value.body.toString("utf8"));
      const delay = Math.min(MAX_CRAWL_DELAY_S, rules.getCrawlDelay(ROBOTS_AGENT) ?? 0);
      entry = { ...open, allowed: (u) => rules.isAllowed(u, ROBOTS_AGENT) !== false, delayMs: delay * 1000 };
    } else if (
      !r.ok &&
      r.error.code === "http" &&
      (r.error.status ?? 0) >= 400 &&
      (r.error.status ?? 0) < 500
    ) {
      entry = open;
    } else if (!r.ok && r.error.code === "too-large") {
      entry = open;
    } else {
      const why = r.ok ? "unexpected answer" : r.error.message;
      entry = {
        ...open,
        ttl: ROBOTS_FAILED_TTL_MS,
        allowed: () => false,
        blocked: {
          code: r.ok ? "robots" : r.error.code,
          message: `robots.txt of ${url.host} unreachable (${why}), so nothing there is fetched`,
        },
      };
    }
    robots.set(url.origin, entry);
    return entry;
  };

  return {
    async get(raw, opts = {}) {
      const url = parseHttpUrl(raw);
      if (url === null) return err({ code: "bad-url", message: "not an http(s) URL" });
      const headers: Record<string, string> = {};
      if (opts.accept) headers.accept = opts.accept;
      if (opts.etag) headers["if-none-match"] = opts.etag;
      if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
      return follow(url, headers, o.maxBytes, true);
    },
  };
}

function httpFailure(res: Response): FetchFailure {
  return {
    code: "http",
    status: res.status,
    message: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`,
  };
}

function tooLarge(maxBytes: number): FetchFailure {
  return { code: "too-large", message: `larger than ${(maxBytes / 1024 / 1024).toFixed(1)} MiB` };
}

/** The low-level reason under fetch's "fetch failed" (ECONNREFUSED, a DNS failure). */
function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message ?? String(e);
}
