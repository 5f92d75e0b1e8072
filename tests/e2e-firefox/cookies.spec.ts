// Firefox: why the cookie was not sent and which cookie the browser refused at Set-Cookie, with real
// cookies in Firefox's jar and a real app server (tests/fixtures/cookie-app.ts), read in the popup as
// a user reads it. Firefox differs from Chromium where it matters here (INTERNALS.md): no SameSite
// means None, not Lax; an embedded site's cookies are kept per top-level site (Total Cookie
// Protection, `partitionKey` in the cookies API); every listener sees Set-Cookie, so even a host's
// first 401 knows what the sign-in response set. One browser for the file; each test has sites of its
// own (harness COOKIE_SITES), so no test sees another's cookies, removals or Set-Cookie verdicts.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { COOKIE_SITES, Firefox, until } from './harness';
import { FxPopup } from './popup';
import { startCookieApp, type CookieApp } from '../fixtures/cookie-app';
import type { AuthEvent } from '../../src/core/record';

let firefox: Firefox;
let app: CookieApp;
let next = 0;
/** This test's sites: `a` (with www. and sub.) and `b`, another site. */
let a = '';
let b = '';
beforeAll(async () => {
  app = await startCookieApp();
  firefox = await Firefox.launch();
});
afterAll(async () => {
  await firefox?.close();
  await app?.close();
});
beforeEach(async () => {
  if (next >= COOKIE_SITES) throw new Error('more cookie tests than COOKIE_SITES in the harness');
  a = `app${next}.test`;
  b = `embed${next}.test`;
  next++;
  await firefox.reset();
});

const fetchFrom = (page: Page, url: string, credentials: RequestCredentials = 'include') =>
  page.evaluate(
    (u: string, c: RequestCredentials) =>
      fetch(u, { credentials: c }).then(
        (r) => r.status,
        () => 0,
      ),
    url,
    credentials,
  );

const addFrame = (page: Page, url: string) =>
  page.evaluate((u: string) => {
    const f = document.createElement('iframe');
    f.src = u;
    document.body.append(f);
  }, url);

/** The newest 401 of `url` once its cookie facts (and, with `setCookies`, its Set-Cookie facts) landed. */
async function eventFor(url: string, setCookies = false): Promise<AuthEvent> {
  return until(
    `the 401 of ${url} with its cookie facts`,
    async () => {
      const events = Object.values(await firefox.logs()).flatMap((l) => l.events);
      const jar = (e: AuthEvent) => e.credentials.cookieJar;
      return events.filter((e) => e.url === url && jar(e) && (!setCookies || jar(e)?.setCookies)).at(-1);
    },
    10_000,
  );
}

/** The popup's card for the event: finding ids and kinds (top first) and the text the user reads. */
async function card(event: AuthEvent) {
  const popup = await FxPopup.open(firefox, event.tabId);
  const seen = await popup.openCard(event.url);
  await popup.close();
  return seen;
}

/** Names of the cookies Firefox holds (every partition). */
const jarNames = () =>
  firefox.inExtension<string[]>(
    'browser.cookies.getAll({ partitionKey: {} }).then(cs => cs.map(c => c.name))',
  );

test('SameSite=Strict cookie kept off a cross-site frame', async () => {
  const { page: signIn } = await firefox.openTab(app.login(b, 'strict_sid=1; Path=/; SameSite=Strict'));
  await signIn.close();
  const { page } = await firefox.openTab(app.at(a, '/page'));
  const account = app.at(b, '/frame/account');
  await addFrame(page, account);
  const { ids, text } = await card(await eventFor(account));
  expect(ids[0]).toBe('cookie-samesite');
  expect(text).toContain(
    `The browser holds strict_sid, marked SameSite=Strict, and this request came from another site (http://${a}:${app.port} → http://${b}:${app.port})`,
  );
});

test('Secure cookie on a plain-http page', async () => {
  await firefox.inExtension(
    `browser.cookies.set({ url: 'https://${a}/', name: 'secure_sid', value: 'x', path: '/', secure: true })`,
  );
  const { page } = await firefox.openTab(app.at(a, '/page'));
  const url = app.at(a, '/api/me');
  await fetchFrom(page, url);
  const { ids, text } = await card(await eventFor(url));
  expect(ids[0]).toBe('cookie-secure-http');
  expect(text).toContain(
    `The browser holds secure_sid, but it is marked Secure and this request went to http://${a}:${app.port} over http`,
  );
});

test('cookie scoped to another path', async () => {
  const { page } = await firefox.openTab(app.login(a, 'path_sid=1; Path=/app'));
  const url = app.at(a, '/api/me');
  await fetchFrom(page, url);
  const { ids, text } = await card(await eventFor(url));
  expect(ids[0]).toBe('cookie-path-domain');
  expect(text).toContain(
    'The browser holds path_sid, but only for the path /app, and this request went to /api/me',
  );
});

// Firefox reports no removal for a cookie that expired before a request would use it, and
// cookies.getAll still lists it with its past expiry right after the 401: the expiry itself tells.
test('cookie that expired just before the request', async () => {
  const expires = Math.floor(Date.now() / 1000) + 2;
  await firefox.inExtension(
    `browser.cookies.set({ url: 'http://${a}/', name: 'exp_sid', value: 'x', path: '/', expirationDate: ${expires} })`,
  );
  const { page } = await firefox.openTab(app.at(a, '/page'));
  // The cookie's own clock: wait until its expiry has passed (a condition, not a fixed delay).
  await until('the cookie expired', async () => Date.now() / 1000 > expires + 0.2, 10_000);
  const url = app.at(a, '/api/me');
  await fetchFrom(page, url);
  const { ids, text } = await card(await eventFor(url));
  expect(ids[0]).toBe('cookie-gone');
  expect(text).toContain(`The browser dropped exp_sid for ${a} because it had expired`);
});

test('cross-origin fetch without credentials', async () => {
  const { page: signIn } = await firefox.openTab(app.login(`www.${a}`, `cred_sid=1; Domain=${a}; Path=/`));
  await signIn.close();
  const { page } = await firefox.openTab(app.at(`www.${a}`, '/page'));
  const url = app.at(`sub.${a}`, '/api/me');
  await fetchFrom(page, url, 'same-origin');
  const { ids, text } = await card(await eventFor(url));
  expect(ids[0]).toBe('cookie-credentials-mode');
  expect(text).toContain(`but the script on http://www.${a}:${app.port} called it without them`);
});

test("a frame's cookie is kept in the top-level site's partition (partitionKey in cookies.getAll)", async () => {
  // Site b framed in site a: Firefox keeps the frame's cookie under a only (Total Cookie Protection).
  const { page: embedder } = await firefox.openTab(app.at(a, '/page'));
  await addFrame(embedder, app.login(b, 'tcp_sid=1; Path=/'));
  await until('the partitioned cookie is stored', async () =>
    (
      await firefox.inExtension<{ name: string; partitionKey?: { topLevelSite?: string } }[]>(
        "browser.cookies.getAll({ name: 'tcp_sid', partitionKey: {} })",
      )
    ).find((c) => c.partitionKey?.topLevelSite === `http://${a}`),
  );
  // Site b opened on its own: the cookie stays in a's partition.
  const { page } = await firefox.openTab(app.at(b, '/page'));
  const url = app.at(b, '/api/me');
  await fetchFrom(page, url);
  const { ids, text } = await card(await eventFor(url));
  expect(ids[0]).toBe('cookie-partitioned');
  expect(text).toContain(`it was set while the page on top was http://${a}, and goes only there`);
});

test('refused at Set-Cookie: SameSite=None without Secure, known on the first 401 of the host', async () => {
  const { page } = await firefox.openTab(app.login(a, 'none_sid=1; Path=/; SameSite=None'));
  const url = app.at(a, '/api/me');
  await fetchFrom(page, url);
  const event = await eventFor(url, true);
  expect(event.credentials.cookieJar?.setCookies).toEqual([
    { name: 'none_sid', reason: 'samesite-none-insecure', host: a, time: expect.any(Number) },
  ]);
  expect(await jarNames()).not.toContain('none_sid');
  const { ids, kinds, text } = await card(event);
  expect(ids[0]).toBe('cookie-refused');
  expect(kinds[0]).toBe('Cause');
  expect(text).toContain('The browser refused the cookie none_sid when the site set it');
  expect(text).toContain(`A response from ${a} set none_sid with SameSite=None but without Secure`);
});

// The sentence is a function of the test's own host (site a).
test.each<[string, string, (host: string) => string]>([
  [
    'Secure over http',
    'sec_sid=1; Path=/; Secure',
    () => 'set sec_sid with the Secure attribute over plain http',
  ],
  [
    'Domain of another site',
    'dom_sid=1; Domain=other.test',
    (host) => `set dom_sid with a Domain attribute that does not cover ${host}`,
  ],
  [
    '__Secure- without Secure',
    '__Secure-pfx=1; Path=/',
    () => 'whose name starts with __Secure-, without the Secure attribute',
  ],
  [
    'Partitioned without Secure',
    'part_sid=1; Partitioned',
    () => 'set part_sid as Partitioned but without Secure',
  ],
])('refused at Set-Cookie: %s', async (_name, cookie, sentence) => {
  const name = cookie.split('=')[0]!;
  const { page } = await firefox.openTab(app.login(a, cookie));
  const url = app.at(a, `/api/${name}`);
  await fetchFrom(page, url);
  const event = await eventFor(url, true);
  expect(await jarNames()).not.toContain(name);
  const { ids, text } = await card(event);
  expect(ids[0]).toBe('cookie-refused');
  expect(text).toContain(`The browser refused the cookie ${name} when the site set it`);
  expect(text).toContain(sentence(a));
});

test('refused at Set-Cookie: a cross-site frame sets a SameSite=Lax cookie', async () => {
  const { page } = await firefox.openTab(app.at(a, '/page'));
  await addFrame(page, app.login(b, 'lax_sid=1; Path=/; SameSite=Lax'));
  const account = app.at(b, '/frame/lax');
  await addFrame(page, account);
  const event = await eventFor(account, true);
  expect(await jarNames()).not.toContain('lax_sid');
  const { ids, text } = await card(event);
  expect(ids[0]).toBe('cookie-refused');
  expect(text).toContain('loaded inside a page of another site');
});

test('a frame cookie without SameSite is stored (partitioned), not refused, in Firefox', async () => {
  const { page } = await firefox.openTab(app.at(a, '/page'));
  await addFrame(page, app.login(b, 'def_sid=1; Path=/'));
  const account = app.at(b, '/frame/def');
  await addFrame(page, account);
  const event = await eventFor(account, true);
  expect(event.credentials.cookieJar?.setCookies).toEqual([]);
  expect(await jarNames()).toContain('def_sid');
  const { ids } = await card(event);
  expect(ids).not.toContain('cookie-refused');
});
