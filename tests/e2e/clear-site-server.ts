// A node:http server for the clear-site e2e, answering a.test, www.a.test, sub.a.test and b.test
// (mapped to 127.0.0.1 by demo/chromium.ts). It counts hits per host and path, so a test can tell a
// cached response (no hit) from a fetched one, and whether a request carried Authorization.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ClearSiteServer {
  port: number;
  /** Hits per `host path` (host without port). */
  hits: Map<string, number>;
  /** Per `host path`: whether each hit carried an Authorization header. */
  authSeen: Map<string, boolean[]>;
  close: () => Promise<void>;
}

const BASIC_OK = `Basic ${Buffer.from('user:pass').toString('base64')}`;

const hostOf = (req: IncomingMessage): string => (req.headers.host ?? '').replace(/:\d+$/, '');

// The page sets storage in both of its stores and loads a long-cached script, then calls the API.
// fetch, not <script src>: Blink's per-process memory cache would answer a script tag without the
// HTTP cache, while fetch() always goes through the HTTP cache (what clearing the cache empties).
const APP = `<!doctype html><title>app</title><script>
localStorage.setItem('k', 'v');
const open = indexedDB.open('clear-test', 1);
open.onupgradeneeded = () => open.result.createObjectStore('s');
fetch('/cached.js').then(() => fetch('/api')).then((r) => (document.title = 'api ' + r.status));
</script>`;
// The app with an image that answers after 3 s: the page's load event waits for it (a slow reload).
const SLOW_APP = `${APP}<img src="/slow">`;
const AGAIN = `<!doctype html><title>again</title><script>
fetch('/cached.js').then(() => (document.title = 'again done'));
</script>`;

type Route = (req: IncomingMessage, host: string) => [number, Record<string, string | string[]>, string];

const ROUTES: Record<string, Route> = {
  // Signs in: a host-only cookie and a stale parent-domain session cookie (the cause of the 401s).
  '/setup': () => [
    200,
    {
      'Content-Type': 'text/html',
      'Set-Cookie': [
        'host_only=1; Path=/',
        'session=stale; Domain=.PARENT; Path=/',
        'pref=dark; Domain=.PARENT; Path=/; Max-Age=86400; HttpOnly; SameSite=Strict',
      ],
    },
    '<title>setup</title>',
  ],
  '/app': () => [200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }, APP],
  '/slowapp': () => [200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }, SLOW_APP],
  '/again': () => [200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }, AGAIN],
  '/cached.js': () => [
    200,
    { 'Content-Type': 'text/javascript', 'Cache-Control': 'max-age=3600' },
    '// cached',
  ],
  // a.test: a stale session cookie gets a Bearer 401, no cookie a 200 (clearing fixes it).
  // b.test: always 401 (clearing cannot fix it).
  '/api': (req, host) =>
    host.endsWith('b.test') || /session=stale/.test(req.headers.cookie ?? '')
      ? [401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }, 'stale']
      : [200, { 'Content-Type': 'application/json' }, '{}'],
  '/basic': (req) =>
    req.headers.authorization === BASIC_OK
      ? [200, { 'Content-Type': 'text/html' }, '<title>signed in</title>']
      : [401, { 'WWW-Authenticate': 'Basic realm="clear-test"', 'Content-Type': 'text/html' }, 'no'],
  '/denied': () => [401, { 'WWW-Authenticate': 'Bearer realm="clear-test"' }, 'denied'],
  '/check': () => [200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }, '<title>check</title>'],
};

/** Starts the server on a loopback port. */
export async function startClearSiteServer(): Promise<ClearSiteServer> {
  const hits = new Map<string, number>();
  const authSeen = new Map<string, boolean[]>();
  const server: Server = createServer((req, res) => {
    const host = hostOf(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const key = `${host} ${path}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    authSeen.set(key, [...(authSeen.get(key) ?? []), req.headers.authorization !== undefined]);
    if (path === '/slow') {
      setTimeout(() => res.writeHead(204).end(), 3000);
      return;
    }
    const route = ROUTES[path];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const [status, headers, body] = route(req, host);
    const parent = host.split('.').slice(-2).join('.');
    const fixed = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.map((c) => c.replace('PARENT', parent)) : v,
      ]),
    );
    res.writeHead(status, fixed).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    authSeen,
    close: () => {
      server.closeAllConnections(); // keep-alive sockets of the browser would hold close() open
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}
