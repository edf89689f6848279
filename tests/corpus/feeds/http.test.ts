import { afterEach, describe, expect, it } from "vitest";
import { createFetcher, type FetcherOptions, ROBOTS_AGENT } from "../../../src/corpus/feeds/http.js";
import { type Site, startSite } from "../../helpers/news-site.js";

// Fast settings: no waits between requests, 1 ms backoff; each test sets what it exercises.
const FAST: FetcherOptions = { hostIntervalMs: 0, retryBaseMs: 1, timeoutMs: 5_000 };

let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe("createFetcher", () => {
  it("names the bot in its User-Agent and returns the body with its validators", async () => {
    site = await startSite({
      "/a": {
        body: "<p>正文</p>",
        headers: { etag: '"v1"', "last-modified": "Mon, 15 Jul 2024 01:00:00 GMT" },
      },
    });
    const r = await createFetcher(FAST).get(site.url("/a"));
    expect(r.ok && r.value).toMatchObject({ kind: "fetched", url: site.url("/a"), etag: '"v1"' });
    expect(r.ok && r.value.kind === "fetched" && r.value.body.toString()).toBe("<p>正文</p>");
    const sent = site.requests.find((q) => q.path === "/a");
    expect(sent?.headers["user-agent"]).toContain(ROBOTS_AGENT);
  });

  it("follows redirects, relative ones included, and reports the final address", async () => {
    site = await startSite({
      "/old": { status: 301, headers: { location: "/moved" } },
      "/moved": { status: 302, headers: { location: "/news/final.html" } },
      "/news/final.html": { body: "final" },
    });
    const r = await createFetcher(FAST).get(site.url("/old"));
    expect(r.ok && r.value.url).toBe(site.url("/news/final.html"));
  });

  it("gives up after the redirect limit", async () => {
    site = await startSite({ "/loop": { status: 302, headers: { location: "/loop" } } });
    const r = await createFetcher({ ...FAST, maxRedirects: 3 }).get(site.url("/loop"));
    expect(r).toEqual({ ok: false, error: { code: "redirects", message: "more than 3 redirects" } });
    expect(site.count("/loop")).toBe(4);
  });

  it("retries a 500 and returns the success that follows", async () => {
    site = await startSite({
      "/flaky": (_req, res, n) => {
        if (n === 1) res.writeHead(500).end("down");
        else res.writeHead(200, { "content-type": "text/html" }).end("up");
      },
    });
    const r = await createFetcher(FAST).get(site.url("/flaky"));
    expect(r.ok && r.value.kind === "fetched" && r.value.body.toString()).toBe("up");
    expect(site.count("/flaky")).toBe(2);
  });

  it("stops after its retries when the server keeps failing, and says how often it tried", async () => {
    site = await startSite({ "/down": { status: 503, body: "busy" } });
    const r = await createFetcher({ ...FAST, retries: 2 }).get(site.url("/down"));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: "http", status: 503 });
    expect(!r.ok && r.error.message).toContain("3 attempts");
    expect(site.count("/down")).toBe(3);
  });

  it("does not retry a 404", async () => {
    site = await startSite();
    const r = await createFetcher(FAST).get(site.url("/gone"));
    expect(!r.ok && r.error).toMatchObject({ code: "http", status: 404, message: "HTTP 404 Not Found" });
    expect(site.count("/gone")).toBe(1);
  });

  it("times out on a server that never answers, and retries it", async () => {
    site = await startSite({ "/hang": () => {} });
    const r = await createFetcher({ ...FAST, timeoutMs: 1_000, retries: 1 }).get(site.url("/hang"));
    expect(!r.ok && r.error.code).toBe("timeout");
    expect(site.count("/hang")).toBe(2);
  });

  it("times out on a body that stops halfway", async () => {
    site = await startSite({
      "/stall": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<p>half");
      },
    });
    const r = await createFetcher({ ...FAST, timeoutMs: 1_000, retries: 0 }).get(site.url("/stall"));
    expect(!r.ok && r.error.code).toBe("timeout");
  });

  it("refuses a page over the size cap, declared or streamed", async () => {
    const big = "字".repeat(2000);
    site = await startSite({
      "/declared": { body: big },
      "/streamed": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        for (let i = 0; i < 10; i++) res.write(big.slice(0, 200));
        res.end();
      },
    });
    const f = createFetcher({ ...FAST, maxBytes: 1024 });
    for (const path of ["/declared", "/streamed"]) {
      const r = await f.get(site.url(path));
      expect(!r.ok && r.error.code, path).toBe("too-large");
    }
  });

  it("keeps out of what robots.txt disallows for it, and never requests it", async () => {
    site = await startSite({
      "/robots.txt": {
        headers: { "content-type": "text/plain" },
        body: `User-agent: ${ROBOTS_AGENT}\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n`,
      },
      "/private/a.html": { body: "secret" },
      "/news/a.html": { body: "news" },
    });
    const f = createFetcher(FAST);
    const denied = await f.get(site.url("/private/a.html"));
    expect(!denied.ok && denied.error.code).toBe("robots");
    expect(site.count("/private/a.html")).toBe(0);
    expect((await f.get(site.url("/news/a.html"))).ok).toBe(true);
    expect(site.count("/robots.txt")).toBe(1);
  });

  it("checks robots.txt again for a redirect's target", async () => {
    site = await startSite({
      "/robots.txt": {
        headers: { "content-type": "text/plain" },
        body: "User-agent: *\nDisallow: /private/\n",
      },
      "/go": { status: 302, headers: { location: "/private/b.html" } },
      "/private/b.html": { body: "secret" },
    });
    const r = await createFetcher(FAST).get(site.url("/go"));
    expect(!r.ok && r.error.code).toBe("robots");
    expect(site.count("/private/b.html")).toBe(0);
  });

  it("treats an unreachable robots.txt (5xx) as keep-out", async () => {
    site = await startSite({ "/robots.txt": { status: 500 }, "/a": { body: "a" } });
    const r = await createFetcher({ ...FAST, retries: 0 }).get(site.url("/a"));
    expect(!r.ok && r.error.message).toMatch(/robots\.txt .* unreachable/);
    expect(site.count("/a")).toBe(0);
  });

  it("sends ETag and Last-Modified back and reports a 304 as not modified", async () => {
    site = await startSite({
      "/page": (req, res) => {
        if (req.headers["if-none-match"] === '"v1"') res.writeHead(304).end();
        else res.writeHead(200, { etag: '"v1"', "content-type": "text/html" }).end("body");
      },
    });
    const f = createFetcher(FAST);
    const first = await f.get(site.url("/page"));
    expect(first.ok && first.value.kind).toBe("fetched");
    const again = await f.get(site.url("/page"), {
      etag: '"v1"',
      lastModified: "Mon, 15 Jul 2024 01:00:00 GMT",
    });
    expect(again.ok && again.value.kind).toBe("not-modified");
    expect(site.requests.at(-1)?.headers["if-modified-since"]).toBe("Mon, 15 Jul 2024 01:00:00 GMT");
  });

  it("waits its turn per host (and longer when robots.txt asks), not across hosts", async () => {
    site = await startSite({
      "/robots.txt": { headers: { "content-type": "text/plain" }, body: "User-agent: *\nCrawl-delay: 4\n" },
      "/a": { body: "a" },
      "/b": { body: "b" },
    });
    // A clock that moves only by the waits: the turns booked are exact.
    let clock = 0;
    const waits: number[] = [];
    const wait = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    const f = createFetcher({ ...FAST, hostIntervalMs: 1_000, now: () => clock, wait });
    await f.get(site.url("/a"));
    await f.get(site.url("/b"));
    // robots.txt at once, /a one interval later, /b the crawl delay after /a.
    expect(waits).toEqual([1_000, 4_000]);
    // Another host (the same server by another name) keeps its own turns: its robots.txt at once,
    // then its page one interval later (the crawl delay is known only once robots.txt is read).
    await f.get(site.url("/a").replace("127.0.0.1", "localhost"));
    expect(waits).toEqual([1_000, 4_000, 1_000]);
  });

  it("refuses what is not an http(s) URL", async () => {
    const r = await createFetcher(FAST).get("file:///etc/passwd");
    expect(r).toEqual({ ok: false, error: { code: "bad-url", message: "not an http(s) URL" } });
  });
});
