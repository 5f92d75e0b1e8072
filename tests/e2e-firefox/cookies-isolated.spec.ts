// Firefox with first-party isolation on (privacy.firstparty.isolate, also part of "resist
// fingerprinting" setups): cookies.getAll refuses a query without firstPartyDomain, and every cookie
// carries the first party it belongs to. The cookie facts must still be read (the worker passes
// firstPartyDomain: null, "all"), so the reasons and the Set-Cookie refusals are named as usual.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { Firefox, until } from './harness';
import { FxPopup } from './popup';
import { startCookieApp, type CookieApp } from '../fixtures/cookie-app';
import type { AuthEvent } from '../../src/core/record';

let firefox: Firefox;
let app: CookieApp;
beforeAll(async () => {
  app = await startCookieApp();
  firefox = await Firefox.launch({ prefs: { 'privacy.firstparty.isolate': true } });
});
afterAll(async () => {
  await firefox?.close();
  await app?.close();
});
beforeEach(async () => {
  await firefox.reset();
});

const fetchFrom = (page: Page, url: string) =>
  page.evaluate(
    (u: string) =>
      fetch(u, { credentials: 'include' }).then(
        (r) => r.status,
        () => 0,
      ),
    url,
  );

async function card(url: string) {
  const event = await until(`the 401 of ${url} with its cookie facts`, async () =>
    Object.values(await firefox.logs())
      .flatMap((l) => l.events)
      .filter((e: AuthEvent) => e.url === url && e.credentials.cookieJar?.setCookies)
      .at(-1),
  );
  const popup = await FxPopup.open(firefox, event.tabId);
  const seen = await popup.openCard(url);
  await popup.close();
  return seen;
}

test('the query without firstPartyDomain is refused here: the isolation is really on', async () => {
  await expect(firefox.inExtension("browser.cookies.getAll({ domain: 'a.test' })")).rejects.toThrow(
    /firstPartyDomain/,
  );
});

test('a path-scoped cookie is read with its first party and named', async () => {
  const { page } = await firefox.openTab(app.login('a.test', 'fpi_path=1; Path=/app'));
  const held = await firefox.inExtension<{ name: string; firstPartyDomain: string }[]>(
    "browser.cookies.getAll({ name: 'fpi_path', firstPartyDomain: null })",
  );
  expect(held).toEqual([expect.objectContaining({ name: 'fpi_path', firstPartyDomain: 'a.test' })]);
  const url = app.at('a.test', '/api/me');
  await fetchFrom(page, url);
  const { ids, text } = await card(url);
  expect(ids[0]).toBe('cookie-path-domain');
  expect(text).toContain(
    'The browser holds fpi_path, but only for the path /app, and this request went to /api/me',
  );
});

test('a refused Set-Cookie is named as usual', async () => {
  const { page } = await firefox.openTab(app.login('b.test', 'fpi_none=1; SameSite=None'));
  const url = app.at('b.test', '/api/me');
  await fetchFrom(page, url);
  const { ids, text } = await card(url);
  expect(ids[0]).toBe('cookie-refused');
  expect(text).toContain('A response from b.test set fpi_none with SameSite=None but without Secure');
});
