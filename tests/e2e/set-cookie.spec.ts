// Cookies the browser refused at Set-Cookie, with real responses in Chromium: the app's API answers 401
// once (so its host is watched in full, README "What is known, when"), a sign-in response sets the
// session cookie in a way Chromium refuses, the app calls its API again and gets 401: the popup must
// name the cookie and the reason. Test hosts (a.test, b.test…) resolve to 127.0.0.1 (demo/chromium.ts).
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, dumpLogs } from './fixtures';
import { PopupPage, cardFor, expandCard } from './pages/popup-page';
import { startCookieApp, type CookieApp } from '../fixtures/cookie-app';
import type { AuthEvent } from '../../src/core/record';

let app: CookieApp;
test.beforeAll(async () => {
  app = await startCookieApp();
});
test.afterAll(async () => {
  await app.close();
});

const at = (host: string, path: string) => app.at(host, path);
const login = (host: string, cookie: string) => app.login(host, cookie);

async function fetchFrom(page: Page, url: string): Promise<void> {
  await page.evaluate(
    (u) =>
      fetch(u, { credentials: 'include' }).then(
        () => undefined,
        () => undefined,
      ),
    url,
  );
}

/** The app's first 401 on `host`: from then on the worker sees the host's Set-Cookie (extraHeaders). */
async function watched(page: Page, worker: Worker, host: string): Promise<void> {
  await fetchFrom(page, at(host, '/api/first'));
  await expect
    .poll(async () => JSON.stringify(await worker.evaluate("chrome.storage.session.get('captureHosts')")))
    .toContain(`"${host}"`);
}

/** The newest 401 of `url` whose cookie facts say what recent Set-Cookie fields did. */
async function eventWithSetCookies(worker: Worker, url: string): Promise<AuthEvent> {
  let found: AuthEvent | undefined;
  await expect
    .poll(
      async () => {
        const events = Object.values(await dumpLogs(worker)).flatMap((l) => l?.events ?? []);
        found = events.filter((e) => e.url === url && e.credentials.cookieJar?.setCookies).at(-1);
        return found !== undefined;
      },
      { timeout: 10_000, message: `401 of ${url} with Set-Cookie facts` },
    )
    .toBe(true);
  return found!;
}

/** The browser's own jar agrees: the cookie is not there (every partition). */
async function notInJar(worker: Worker, name: string): Promise<void> {
  const names = (await worker.evaluate('chrome.cookies.getAll({ partitionKey: {} })')) as { name: string }[];
  expect(names.map((c) => c.name)).not.toContain(name);
}

/** The popup's cookie-refused finding for the event, expanded. */
async function refusedFinding(context: BrowserContext, extensionId: string, event: AuthEvent) {
  const popup = await PopupPage.open(context, extensionId, event.tabId);
  const card = cardFor(popup, event.url);
  await expandCard(card);
  return { popup, finding: card.locator('[data-finding-id="cookie-refused"]') };
}

/** Sign-in on `host` whose response sets `cookie`, then the app's API call: its 401 event. */
async function signInThen401(context: BrowserContext, worker: Worker, host: string, cookie: string) {
  const page = await context.newPage();
  await page.goto(at(host, '/page'));
  await watched(page, worker, host);
  await page.goto(login(host, cookie));
  const api = at(host, '/api/me');
  await fetchFrom(page, api);
  return eventWithSetCookies(worker, api);
}

/** Adds an iframe of `url` to the page (a cross-site frame: its sign-in and its 401). */
async function frameIn(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => {
    const f = document.createElement('iframe');
    f.src = u;
    document.body.append(f);
  }, url);
}

test.describe('cookies refused at Set-Cookie (Chromium, real responses)', () => {
  test.beforeEach(async ({ ready }) => {
    await ready();
  });

  test('SameSite=None without Secure', async ({ context, worker, extensionId }) => {
    const event = await signInThen401(context, worker, 'a.test', 'sid=s1; Path=/; SameSite=None; HttpOnly');
    expect(event.credentials.cookieJar?.setCookies).toEqual([
      { name: 'sid', reason: 'samesite-none-insecure', host: 'a.test', time: expect.any(Number) },
    ]);
    expect(JSON.stringify(event)).not.toContain('s1;');
    await notInJar(worker, 'sid');
    const { popup, finding } = await refusedFinding(context, extensionId, event);
    await expect(finding).toContainText('The browser refused the cookie sid when the site set it');
    await expect(finding).toContainText(
      'A response from a.test set sid with SameSite=None but without Secure',
    );
    await expect(finding).toContainText('(Set-Cookie: sid=…; SameSite=None; Secure)');
    expect(await popup.page.getByTestId('finding').first().getAttribute('data-finding-id')).toBe(
      'cookie-refused',
    );
  });

  test('Secure set over plain http', async ({ context, worker, extensionId }) => {
    const event = await signInThen401(context, worker, 'a.test', 'session=s2; Path=/; Secure');
    await notInJar(worker, 'session');
    const { finding } = await refusedFinding(context, extensionId, event);
    await expect(finding).toContainText('The browser refused the cookie session when the site set it');
    await expect(finding).toContainText('set session with the Secure attribute over plain http');
  });

  test('Domain of another site', async ({ context, worker, extensionId }) => {
    const event = await signInThen401(context, worker, 'a.test', 'sid=s3; Path=/; Domain=b.test');
    await notInJar(worker, 'sid');
    const { finding } = await refusedFinding(context, extensionId, event);
    await expect(finding).toContainText('set sid with a Domain attribute that does not cover a.test');
    await expect(finding).toContainText('drop the Domain attribute from sid');
  });

  test('__Host- cookie with a Domain attribute (on a secure loopback origin)', async ({
    context,
    worker,
    extensionId,
  }) => {
    const event = await signInThen401(
      context,
      worker,
      'localhost',
      '__Host-sid=s4; Secure; Path=/; Domain=localhost',
    );
    await notInJar(worker, '__Host-sid');
    const { finding } = await refusedFinding(context, extensionId, event);
    await expect(finding).toContainText('The browser refused the cookie __Host-sid when the site set it');
    await expect(finding).toContainText(
      "whose name starts with __Host-, without meeting that prefix's rules",
    );
  });

  test('a cross-site frame sets a SameSite=Lax cookie', async ({ context, worker, extensionId }) => {
    const page = await context.newPage();
    await page.goto(at('a.test', '/page'));
    await watched(page, worker, 'b.test');
    await frameIn(page, login('b.test', 'sid=s5; Path=/; SameSite=Lax'));
    const account = at('b.test', '/frame/account');
    await frameIn(page, account);
    const event = await eventWithSetCookies(worker, account);
    await notInJar(worker, 'sid');
    const { finding } = await refusedFinding(context, extensionId, event);
    await expect(finding).toContainText('The browser refused the cookie sid when the site set it');
    await expect(finding).toContainText('loaded inside a page of another site');
    await expect(finding).toContainText('SameSite=None; Secure');
  });

  test('an embedded sign-in sets a SameSite=None; Secure cookie: third-party blocking, likely', async ({
    context,
    worker,
    extensionId,
  }) => {
    // localhost framed in a 127.0.0.1 page: two sites, both secure (loopback), so only third-party
    // blocking stands in the way (this Chromium blocks third-party cookies; INTERNALS.md).
    const page = await context.newPage();
    await page.goto(at('127.0.0.1', '/page'));
    await watched(page, worker, 'localhost');
    await frameIn(page, login('localhost', 'tp_sid=s8; Path=/; SameSite=None; Secure'));
    const account = at('localhost', '/frame/account');
    await frameIn(page, account);
    const event = await eventWithSetCookies(worker, account);
    await notInJar(worker, 'tp_sid');
    const { finding } = await refusedFinding(context, extensionId, event);
    await expect(finding).toContainText('The browser likely refused the cookie tp_sid when the site set it');
    await expect(finding).toContainText('set tp_sid as a third-party cookie');
    await expect(finding).toContainText('SameSite=None; Secure; Partitioned (CHIPS)');
  });

  test('a worker stopped between the sign-in and the 401 still pairs them (storage.session)', async ({
    context,
    worker,
  }) => {
    const page = await context.newPage();
    await page.goto(at('a.test', '/page'));
    await watched(page, worker, 'a.test');
    await page.goto(login('a.test', 'sid=s7; Path=/; SameSite=None'));
    await expect
      .poll(async () => JSON.stringify(await worker.evaluate("chrome.storage.session.get('setCookieNotes')")))
      .toContain('"samesite-none-insecure"');
    await worker.evaluate('globalThis.bootMark = 1');
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // A page load on another host wakes the worker (its cheap listener sees every response).
    const other = await context.newPage();
    await other.goto(at('b.test', '/woken'));
    await expect.poll(() => worker.evaluate('globalThis.bootMark')).toBeUndefined();
    const api = at('a.test', '/api/me');
    await fetchFrom(page, api);
    const event = await eventWithSetCookies(worker, api);
    expect(event.credentials.cookieJar?.setCookies).toEqual([
      { name: 'sid', reason: 'samesite-none-insecure', host: 'a.test', time: expect.any(Number) },
    ]);
  });

  test('an accepted cookie: watched, nothing refused, no such finding', async ({
    context,
    worker,
    extensionId,
  }) => {
    const event = await signInThen401(context, worker, 'a.test', 'sid=ok; Path=/; HttpOnly');
    expect(event.credentials.cookieJar?.setCookies).toEqual([]);
    const names = (await worker.evaluate('chrome.cookies.getAll({})')) as { name: string }[];
    expect(names.map((c) => c.name)).toContain('sid');
    const { finding } = await refusedFinding(context, extensionId, event);
    await expect(finding).toHaveCount(0);
  });

  test("a host's first 401 cannot know: the facts are absent, and the popup says so", async ({
    context,
    worker,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(login('b.test', 'sid=s6; SameSite=None'));
    const api = at('b.test', '/api/me');
    await fetchFrom(page, api);
    await expect
      .poll(async () => {
        const events = Object.values(await dumpLogs(worker)).flatMap((l) => l?.events ?? []);
        return events.find((e) => e.url === api && e.credentials.cookieJar)?.credentials.cookieJar;
      })
      .toMatchObject({ held: [] });
    const events = Object.values(await dumpLogs(worker)).flatMap((l) => l?.events ?? []);
    const event = events.find((e) => e.url === api)!;
    expect(event.credentials.cookieJar?.setCookies).toBeUndefined();
    const popup = await PopupPage.open(context, extensionId, event.tabId);
    const card = cardFor(popup, event.url);
    await expandCard(card);
    const unknown = card.locator('[data-finding-id="cookie-refusal-unknown"]');
    await expect(unknown).toContainText('Whether the browser refused a sign-in cookie is not known yet');
    await expect(unknown).toContainText(`This is the first 401 of b.test the extension saw in full`);
    await expect(card.locator('[data-finding-id="cookie-refused"]')).toHaveCount(0);
  });
});
