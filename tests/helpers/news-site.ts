/**
 * A news site on 127.0.0.1 for the fetch tests: routes by path, each a fixed answer or a handler;
 * every request is logged (path and headers) so tests can count attempts and check what was sent.
 * Unknown paths are 404 (so robots.txt is absent unless a test serves one).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Route = Answer | ((req: IncomingMessage, res: ServerResponse, n: number) => void);

export interface Site {
  /** The absolute URL of `path` on this site. */
  url(path: string): string;
  readonly origin: string;
  routes: Map<string, Route>;
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  /** Requests to `path` so far. */
  count(path: string): number;
  close(): Promise<void>;
}

/** Starts a site serving `routes` (path → answer); close it in afterAll/afterEach. */
export async function startSite(routes: Record<string, Route> = {}): Promise<Site> {
  const map = new Map(Object.entries(routes));
  const requests: Site["requests"] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, headers: req.headers });
    const route = map.get(path);
    if (route === undefined) {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>404 Not Found</h1>");
      return;
    }
    if (typeof route === "function") {
      route(req, res, requests.filter((r) => r.path === path).length);
      return;
    }
    res.writeHead(route.status ?? 200, { "content-type": "text/html; charset=utf-8", ...route.headers });
    res.end(route.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    routes: map,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise((resolve) => {
        // A test's hanging route holds its socket open: cut every connection, then stop listening.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
