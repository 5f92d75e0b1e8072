// Why the cookie was not sent, with real cookies in Chromium's jar: each case sets its cookie the way a
// site would (Set-Cookie) or, where http cannot set it (Secure, Partitioned), through the browser's
// cookie store; then a real request meets a 401 and the popup must name the cookie and the reason.
// Test hosts (a.test, www.a.test, sub.a.test, b.test) resolve to 127.0.0.1 (demo/chromium.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, dumpLogs } from './fixtures';
import { PopupPage, cardFor, expandCard, findingIds } from './pages/popup-page';
import type { AuthEvent } from '../../src/core/record';

let server: Server;
let port = 0;

/** A session-cookie app: 401 without a challenge on /api/* and /frame/*, Set-Cookie from /set?c=... */
function handler(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/set') {
    res.writeHead(200, { 'Set-Cookie': url.searchParams.get('c') ?? '', 'Content-Type': 'text/html' });
    res.end('<title>set</title>set');
  } else if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/frame/')) {
    // The API lets the app's origin read its answers (CORS), as a sibling-subdomain API does: a response
    // that fails CORS is hidden from the extension's cheap listener until the host is watched in full.
    const cors = req.headers.origin ? { 'Access-Control-Allow-Origin': req.headers.origin } : {};
    res.writeHead(401, { 'Content-Type': 'application/json', ...cors });
    res.end('{"error":"not signed in"}');
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>page</title><p>page</p>');
  }
}

test.beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
});
test.afterAll(() => {
  server.close();
});

const at = (host: string, path: string) => `http://${host}:${port}${path}`;

/** Lets the site set a cookie by a top-level visit, as a sign-in response would. */
async function setByServer(context: BrowserContext, host: string, cookie: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(at(host, `/set?c=${encodeURIComponent(cookie)}`));
  await page.close();
}

/**
 * The newest captured 401 for `url` once its cookie-jar facts have landed. The first 401 of a host may
 * come from the listener without request headers (src/background/listeners.ts), so whether a Cookie
 * header went out can be unknown here: the reasons must hold either way.
 */
async function eventFor(worker: Worker, url: string): Promise<AuthEvent> {
  let found: AuthEvent | undefined;
  await expect
    .poll(
      async () => {
        const events = Object.values(await dumpLogs(worker)).flatMap((l) => l?.events ?? []);
        found = events.filter((e) => e.url === url && e.credentials.cookieJar).at(-1);
        return found !== undefined;
      },
      { timeout: 10_000, message: `401 of ${url} with its cookie jar` },
    )
    .toBe(true);
  return found!;
}

/** Opens the popup on the event's tab and its card: finding ids (top first) and the top finding's text. */
async function topFinding(context: BrowserContext, extensionId: string, event: AuthEvent) {
  const popup = await PopupPage.open(context, extensionId, event.tabId);
  const card = cardFor(popup, event.url);
  await expandCard(card);
  const ids = await findingIds(card);
  const text = (await card.getByTestId('finding').first().textContent()) ?? '';
  await popup.page.close();
  return { ids, text };
}

async function fetchFrom(page: Page, url: string): Promise<void> {
  await page.evaluate(
    (u) =>
      fetch(u).then(
        () => undefined,
        () => undefined,
      ),
    url,
  );
}

test.describe('why the cookie was not sent (Chromium, real cookies)', () => {
  test.beforeEach(async ({ ready }) => {
    await ready();
  });

  test('SameSite=Lax cookie kept off a cross-site iframe', async ({ context, worker, extensionId }) => {
    await setByServer(context, 'b.test', 'sid=lax-1; Path=/; SameSite=Lax');
    const page = await context.newPage();
    await page.goto(at('a.test', '/page'));
    const frameUrl = at('b.test', '/frame/account');
    await page.evaluate((u) => {
      const f = document.createElement('iframe');
      f.src = u;
      document.body.append(f);
    }, frameUrl);
    const event = await eventFor(worker, frameUrl);
    const { ids, text } = await topFinding(context, extensionId, event);
    expect(ids[0]).toBe('cookie-samesite');
    expect(text).toContain('A SameSite cookie was kept off a cross-site request');
    expect(text).toContain(`The browser holds sid, which is SameSite=Lax`);
    expect(text).toContain(`(http://a.test:${port} → http://b.test:${port})`);
  });

  test('Secure cookie on a plain-http page', async ({ context, worker, extensionId }) => {
    await context.addCookies([{ name: 'sid', value: 'secure-1', domain: 'a.test', path: '/', secure: true }]);
    const page = await context.newPage();
    await page.goto(at('a.test', '/page'));
    const url = at('a.test', '/api/me');
    await fetchFrom(page, url);
    const event = await eventFor(worker, url);
    const { ids, text } = await topFinding(context, extensionId, event);
    expect(ids[0]).toBe('cookie-secure-http');
    expect(text).toContain(
      `The browser holds sid, but it is marked Secure and this request went to http://a.test:${port} over http`,
    );
  });

  test('cookie scoped to another path', async ({ context, worker, extensionId }) => {
    await setByServer(context, 'a.test', 'sid=path-1; Path=/app');
    const page = await context.newPage();
    await page.goto(at('a.test', '/page'));
    const url = at('a.test', '/api/me');
    await fetchFrom(page, url);
    const event = await eventFor(worker, url);
    const { ids, text } = await topFinding(context, extensionId, event);
    expect(ids[0]).toBe('cookie-path-domain');
    expect(text).toContain(
      'The browser holds sid, but only for the path /app, and this request went to /api/me',
    );
    expect(text).toContain('set the cookie with Path=/ (now Path=/app)');
  });

  test('cookie of another host of the site (host-only on www)', async ({ context, worker, extensionId }) => {
    await setByServer(context, 'www.a.test', 'sid=host-1; Path=/');
    const page = await context.newPage();
    await page.goto(at('sub.a.test', '/page'));
    const url = at('sub.a.test', '/api/me');
    await fetchFrom(page, url);
    const event = await eventFor(worker, url);
    const { ids, text } = await topFinding(context, extensionId, event);
    expect(ids[0]).toBe('cookie-path-domain');
    expect(text).toContain('The browser holds sid for www.a.test only, and this request went to sub.a.test');
  });

  test('cross-origin fetch without credentials', async ({ context, worker, extensionId }) => {
    await setByServer(context, 'www.a.test', 'sid=site-1; Domain=a.test; Path=/');
    const page = await context.newPage();
    await page.goto(at('www.a.test', '/page'));
    const url = at('sub.a.test', '/api/me');
    await fetchFrom(page, url);
    const event = await eventFor(worker, url);
    const { ids, text } = await topFinding(context, extensionId, event);
    expect(ids[0]).toBe('cookie-credentials-mode');
    expect(text).toContain(`but the script on http://www.a.test:${port} called it without them`);
  });

  test('partitioned cookie set under another top-level site', async ({ context, worker, extensionId }) => {
    // CHIPS needs Secure; loopback counts as a secure channel, so only the partition stands in the way.
    await worker.evaluate(
      `chrome.cookies.set({ url: 'https://localhost/', name: 'sid', value: 'chips-1', path: '/', secure: true,
        sameSite: 'no_restriction', partitionKey: { topLevelSite: 'https://b.test' } })`,
    );
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/page`);
    const url = `http://localhost:${port}/api/me`;
    await fetchFrom(page, url);
    const event = await eventFor(worker, url);
    const { ids, text } = await topFinding(context, extensionId, event);
    expect(ids[0]).toBe('cookie-partitioned');
    expect(text).toContain('it was set while the page on top was https://b.test, and goes only there');
  });

  test('cookie that expired just before the request', async ({ context, worker, extensionId }) => {
    const expires = Math.floor(Date.now() / 1000) + 2;
    await context.addCookies([{ name: 'sid', value: 'exp-1', domain: 'a.test', path: '/', expires }]);
    const page = await context.newPage();
    await page.goto(at('a.test', '/page'));
    // The cookie's own clock: wait until its expiry has passed (a condition, not a fixed delay).
    await expect.poll(() => Date.now() / 1000 > expires + 0.2, { timeout: 10_000 }).toBe(true);
    const url = at('a.test', '/api/me');
    await fetchFrom(page, url);
    const event = await eventFor(worker, url);
    const { ids, text } = await topFinding(context, extensionId, event);
    expect(ids[0]).toBe('cookie-gone');
    expect(text).toContain('The browser dropped sid for a.test because it had expired');
  });
});

test.describe('third-party cookies blocked by the browser', () => {
  // The switch Chromium's third-party cookie blocking is tested with: the setting is really on here.
  test.use({ chromiumFlags: ['--test-third-party-cookie-phaseout'] });

  test('a SameSite=None cookie of an embedded site is named as likely blocked', async ({
    context,
    worker,
    extensionId,
    ready,
  }) => {
    await ready();
    await worker.evaluate(
      `chrome.cookies.set({ url: 'https://localhost/', name: 'sid', value: 'tp-1', path: '/', secure: true,
        sameSite: 'no_restriction' })`,
    );
    const page = await context.newPage();
    await page.goto(at('a.test', '/page'));
    const frameUrl = `http://localhost:${port}/frame/widget`;
    await page.evaluate((u) => {
      const f = document.createElement('iframe');
      f.src = u;
      document.body.append(f);
    }, frameUrl);
    const event = await eventFor(worker, frameUrl);
    const popup = await PopupPage.open(context, extensionId, event.tabId);
    const card = cardFor(popup, event.url);
    await expandCard(card);
    const finding = card.locator('[data-finding-id="cookie-third-party"]');
    await expect(finding).toContainText('Third-party cookies are probably blocked here');
    await expect(finding).toContainText(
      `this request was made inside a page of another site (http://a.test)`,
    );
  });
});
