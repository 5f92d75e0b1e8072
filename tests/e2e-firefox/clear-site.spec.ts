// Firefox: "Clear this site" as the user sees it — the preview, the clear, Undo putting every cookie
// back with its attributes (Firefox's partitionKey and firstPartyDomain included), and the reload
// re-check saying whether the 401 went away. Firefox clears by exact host names (browsingData).
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Firefox } from './harness';
import { FxPopup } from './popup';
import { clearUi, cookies as allCookies, expectOnlyAGone, inA, openApp as openAppOn } from './clear-site-ui';
import { startClearSiteServer, type ClearSiteServer } from '../e2e/clear-site-server';
import { EXTRA_COOKIES } from '../fixtures/clear-site-cookies';

let firefox: Firefox;
let server: ClearSiteServer;
beforeAll(async () => {
  firefox = await Firefox.launch();
});
afterAll(() => firefox?.close());
beforeEach(async () => {
  server = await startClearSiteServer();
  await firefox.reset();
});
afterEach(() => server.close());

const origin = (host: string) => `http://${host}:${server.port}`;
const cookies = () => allCookies(firefox);
const openApp = (host: string) => openAppOn(firefox, origin, host);

test('preview, clear and Undo: a.test loses every cookie of its own (partitioned too), b.test keeps its own, Undo restores each attribute', async () => {
  const a = await openApp('www.a.test');
  await openApp('b.test');
  // Cookies Firefox can hold beyond the server's: Secure, __Host-, partitioned (a partitionKey) ones.
  const extra = EXTRA_COOKIES(Math.floor(Date.now() / 1000) + 3600);
  const set = await firefox.inExtension<unknown[]>(
    `Promise.all(${JSON.stringify(extra)}.map((d) => browser.cookies.set(d).then((c) => !!c, (e) => String(e))))`,
  );
  expect(set).toEqual([true, true, true, true, true]);
  const before = await cookies();
  const aBefore = before.filter(inA);
  expect(aBefore.map((c) => JSON.parse(c).name).sort()).toEqual([
    '__Host-id',
    '__Secure-wide',
    'chips',
    'host_only',
    'pref',
    'session',
    'sub_only',
  ]);

  const popup = await FxPopup.open(firefox, a.tabId);
  const clear = clearUi(popup, origin('www.a.test'));
  await clear.click('clear-site-open');
  await popup.page.waitForSelector(clear.sel('clear-scope'));
  expect(await clear.text('clear-scope-site')).toContain('a.test');
  expect(await clear.text('clear-scope-cookie-count')).toContain('7');
  // Firefox wording: its remembered passwords cannot be cleared by an extension.
  expect(await clear.text('clear-limits')).toContain('Firefox keeps passwords typed into its sign-in box');
  await clear.clearNow(['cookies', 'cache']);

  expectOnlyAGone(before, await cookies());

  await clear.undo(7);
  // Every attribute back (value, host-only vs domain, path, Secure, HttpOnly, SameSite, expiry,
  // partition, first-party domain); only the creation time is new.
  expect((await cookies()).filter(inA)).toEqual(aBefore);
});

test('the reload re-check: a stale-cookie 401 is gone after clearing, a server that always refuses is still there', async () => {
  const a = await openApp('www.a.test');
  expect(await a.page.title()).toBe('api 401');
  const b = await openApp('b.test');

  const popupA = await FxPopup.open(firefox, a.tabId);
  const clearA = clearUi(popupA, origin('www.a.test'));
  await clearA.click('clear-site-open');
  await clearA.click('clear-site-confirm');
  await clearA.phase('done');
  await popupA.page.waitForSelector(`${clearA.sel('clear-recheck')}[data-kind="gone"]`, { timeout: 20_000 });
  expect(await clearA.text('clear-recheck')).toContain('now answers 200');
  await a.page.waitForFunction(() => document.title === 'api 200');

  const popupB = await FxPopup.open(firefox, b.tabId);
  const clearB = clearUi(popupB, origin('b.test'));
  await clearB.click('clear-site-open');
  await clearB.click('clear-site-confirm');
  await clearB.phase('done');
  await popupB.page.waitForSelector(`${clearB.sel('clear-recheck')}[data-kind="persists"]`, {
    timeout: 20_000,
  });
  await popupB.page.waitForSelector(clearB.sel('clear-next'));
});
