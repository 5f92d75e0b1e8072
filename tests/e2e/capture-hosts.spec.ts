// A host's first 401 is captured by the one cheap listener (status, challenges, response headers);
// from then on the host is observed in full, so its retry also shows what the request carried
// (Authorization, Cookie), Set-Cookie on the 401 and the server's address — and the host list survives
// a stopped worker. README "What is known, when". The fixtures' canary makes 127.0.0.1 a capture host (then clears storage),
// so these tests use a.test / b.test (mapped to loopback by demo/chromium.ts).
import type { Page, Worker } from '@playwright/test';
import { test, expect, dumpLogs } from './fixtures';
import { startOrigin, type TestOrigin } from './capture-server';
import type { AuthEvent } from '../../src/core/record';

let server: TestOrigin;
let port: string;
test.beforeEach(async () => {
  server = await startOrigin();
  port = new URL(server.origin).port;
});
test.afterEach(() => server.close());

const on = (host: string, path: string): string => `http://${host}:${port}${path}`;

/** Waits until `count` events whose URL contains `part` are stored; returns them, oldest first. */
async function eventsFor(worker: Worker, part: string, count: number): Promise<AuthEvent[]> {
  let found: AuthEvent[] = [];
  await expect
    .poll(
      async () => {
        const all = Object.values(await dumpLogs(worker)).flatMap((log) => log?.events ?? []);
        found = all.filter((e) => e.url.includes(part)).sort((a, b) => a.time - b.time);
        return found.length;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The hosts the worker stored for full observation. */
const captureHosts = async (worker: Worker): Promise<unknown> =>
  ((await worker.evaluate("chrome.storage.session.get('captureHosts')")) as { captureHosts?: unknown })
    .captureHosts;

const fetchIn = (page: Page, url: string, init: RequestInit = {}): Promise<unknown> =>
  page.evaluate(
    ([u, i]) =>
      fetch(u as string, i as RequestInit).then(
        (r) => r.status,
        () => 'failed',
      ),
    [url, init] as const,
  );

const bearer = { headers: { Authorization: 'Bearer SECRET-TOKEN-A' } };

test("a host's first 401 has status and challenge; its retry also has the request's credentials, Set-Cookie and ip", async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(on('a.test', '/login'));
  expect(await fetchIn(page, on('a.test', '/api/bearer?first'), bearer)).toBe(401);
  const [first] = await eventsFor(worker, '?first', 1);
  expect(first).toMatchObject({ status: 401, method: 'GET', type: 'xmlhttprequest' });
  expect(first?.challengeFields).toEqual([
    { name: 'www-authenticate', value: 'Bearer realm="api", error="invalid_token"' },
  ]);
  // Not observed on a host's first 401: said as unknown, never as "not sent".
  expect(first?.credentials.requestHeaders).toBe('unknown');
  expect(first?.credentials.authorizationScheme).toBeUndefined();
  expect(first?.credentials.cookieSent).toBeUndefined();
  // Inferred after the 401 from the cookie store: known on the first one too.
  expect(first?.credentials.cookieNames).toEqual(['session']);

  await expect.poll(() => captureHosts(worker)).toEqual(['a.test']);
  expect(await fetchIn(page, on('a.test', '/api/bearer?retry'), bearer)).toBe(401);
  const [retry] = await eventsFor(worker, '?retry', 1);
  expect(retry?.credentials).toMatchObject({
    requestHeaders: 'seen',
    authorizationScheme: 'Bearer',
    cookieSent: true,
    cookieNames: ['session'],
  });
  await expect.poll(async () => (await eventsFor(worker, '?retry', 1))[0]?.ip).toBe('127.0.0.1');
  // Each event recorded once, although the retry met both the cheap and the full listener.
  expect(await eventsFor(worker, '/api/bearer', 2)).toHaveLength(2);
  // Set-Cookie on a capture host's 401 (a session the server ended): the name, never the value.
  expect(await fetchIn(page, on('a.test', '/api/session-end'))).toBe(401);
  const [ended] = await eventsFor(worker, '/api/session-end', 1);
  expect(ended?.response).toMatchObject({ setCookieNames: ['session'], setCookieCleared: ['session'] });
  expect(JSON.stringify(await dumpLogs(worker))).not.toContain('SECRET-TOKEN-A');
});

test('a CORS preflight that answers 401 is seen on the retry: the failed fetch marks its host', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(on('a.test', '/app'));
  // b.test is another origin; a custom header makes the request non-simple, so a preflight goes first.
  const init = { headers: { 'X-Client': 'demo' } };
  expect(await fetchIn(page, on('b.test', '/api/preflight?first'), init)).toBe('failed');
  // The preflight is invisible without extraHeaders, but the failed fetch (net::ERR_FAILED) is not.
  await expect.poll(() => captureHosts(worker)).toEqual(['b.test']);
  expect(await fetchIn(page, on('b.test', '/api/preflight?retry'), init)).toBe('failed');
  const [retry] = await eventsFor(worker, '/api/preflight', 1);
  expect(retry).toMatchObject({ status: 401, method: 'OPTIONS', type: 'xmlhttprequest' });
  expect(retry?.url).toContain('?retry');
  // A preflight never carries credentials (Fetch §4.8), and Chromium lets us see that.
  expect(retry?.credentials).toMatchObject({ requestHeaders: 'seen', cookieSent: false });
  const preflights = server.log.filter((r) => r.method === 'OPTIONS').map((r) => r.url);
  expect(preflights).toEqual(['/api/preflight?first', '/api/preflight?retry']);
  const all = Object.values(await dumpLogs(worker)).flatMap((log) => log?.events ?? []);
  expect(all.filter((e) => e.method === 'OPTIONS').map((e) => new URL(e.url).search)).toEqual(['?retry']);
});

test('a stopped worker registers the stored capture hosts again at start', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(on('a.test', '/app'));
  expect(await fetchIn(page, on('a.test', '/api/bearer?before'), bearer)).toBe(401);
  await eventsFor(worker, '?before', 1);
  await expect.poll(() => captureHosts(worker)).toEqual(['a.test']);
  await worker.evaluate('globalThis.bootMark = 1');

  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // A plain page load on another host wakes the worker (the cheap listener sees every response).
  const other = await context.newPage();
  await other.goto(on('b.test', '/woken'));
  await expect.poll(() => worker.evaluate('globalThis.bootMark')).toBeUndefined();
  // Storage answers in order: once this read returns, the start-up read of the hosts has been handled
  // and their listeners registered.
  await worker.evaluate("chrome.storage.session.get('captureHosts')");

  expect(await fetchIn(page, on('a.test', '/api/bearer?after'), bearer)).toBe(401);
  const [after] = await eventsFor(worker, '?after', 1);
  // The first 401 after the restart is observed in full: the host came back from storage.session.
  expect(after?.credentials).toMatchObject({ requestHeaders: 'seen', authorizationScheme: 'Bearer' });
  const [before] = await eventsFor(worker, '?before', 1);
  expect(before?.credentials.requestHeaders).toBe('unknown');
});

test('a host that floods 401s is observed cheaply until it has been quiet, then in full again', async ({
  context,
  worker,
  ready,
}) => {
  test.setTimeout(60_000);
  await ready();
  const page = await context.newPage();
  await page.goto(on('a.test', '/app'));
  expect(await fetchIn(page, on('a.test', '/api/bearer?n=0'), bearer)).toBe(401);
  await expect.poll(() => captureHosts(worker)).toEqual(['a.test']);
  // 100 more, back to back: past 60 within 10 s the full listeners go (capture-hosts.ts).
  await page.evaluate(
    async ([url, token]) => {
      for (let n = 1; n <= 100; n++) await fetch(`${url}?n=${n}`, { headers: { Authorization: token! } });
    },
    [on('a.test', '/api/bearer'), bearer.headers.Authorization] as const,
  );
  const flood = await eventsFor(worker, '/api/bearer', 101);
  // Every 401 is still captured, in order; the first ones in full, the last ones without request facts.
  expect(flood.map((e) => new URL(e.url).search)).toEqual(Array.from({ length: 101 }, (_, n) => `?n=${n}`));
  expect(flood[2]?.credentials.requestHeaders).toBe('seen');
  expect(flood[100]?.credentials.requestHeaders).toBe('unknown');
  // Quiet for 5 s: the next 401 puts the full listeners back, so the one after it is seen in full.
  let tries = 0;
  await expect
    .poll(
      async () => {
        expect(await fetchIn(page, on('a.test', `/api/bearer?again=${++tries}`), bearer)).toBe(401);
        return (await eventsFor(worker, `?again=${tries}`, 1))[0]?.credentials.requestHeaders;
      },
      { timeout: 40_000, intervals: [6_000] },
    )
    .toBe('seen');
});
