// Firefox: clearing a host with no registrable domain stays on that host. Firefox's browsingData takes
// exact host names and cookies go one by one from the snapshot, so both must leave app.localhost alone
// when localhost is cleared (INTERNALS.md "Clearing a site").
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Firefox } from './harness';
import { FxPopup } from './popup';
import { startClearSiteServer, type ClearSiteServer } from '../e2e/clear-site-server';

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

interface FxCookie {
  name: string;
  domain: string;
}

const all = () =>
  firefox.inExtension<FxCookie[]>('browser.cookies.getAll({ partitionKey: {}, firstPartyDomain: null })');
const on = (host: string) => (c: FxCookie) => c.domain.replace(/^\./, '') === host;
const names = (cookies: FxCookie[]) => cookies.map((c) => `${c.domain} ${c.name}`).sort();

test('clearing localhost removes its own cookies only: app.localhost keeps every cookie, byte for byte', async () => {
  // app.localhost's cookies, a host-only one and a domain one, set without visiting it.
  const set = await firefox.inExtension(
    `Promise.all(${JSON.stringify([
      { url: 'http://app.localhost/', name: 'app', value: 'secret-app' },
      { url: 'http://app.localhost/', name: 'app_wide', value: 'secret-wide', domain: 'app.localhost' },
    ])}.map((d) => browser.cookies.set(d).then((c) => !!c, (e) => String(e))))`,
  );
  expect(set).toEqual([true, true]);
  const origin = `http://localhost:${server.port}`;
  await firefox.openTab(`${origin}/setup`).then(({ page }) => page.close());
  const tab = await firefox.openTab(`${origin}/app`);
  await tab.page.waitForFunction(() => document.title === 'api 401');
  const before = await all();
  // As in Chromium, `Domain=localhost` from localhost makes a host-only cookie.
  expect(names(before.filter(on('localhost')))).toEqual([
    'localhost host_only',
    'localhost pref',
    'localhost session',
  ]);
  const appBefore = before.filter(on('app.localhost'));
  expect(names(appBefore)).toEqual(['.app.localhost app_wide', 'app.localhost app']);

  const popup = await FxPopup.open(firefox, tab.tabId);
  const scope = `[data-testid="event-group"][data-group="${origin}"] [data-testid="clear-site"]`;
  const sel = (id: string) => `${scope} [data-testid="${id}"]`;
  await popup.page.waitForSelector(sel('clear-site-open'));
  await popup.page.click(sel('clear-site-open'));
  await popup.page.waitForSelector(sel('clear-scope'));
  const text = (id: string) => popup.page.$eval(sel(id), (e) => e.textContent ?? '');
  expect(await text('clear-scope-cookie-count')).toBe('3 cookies will be removed:');
  await popup.page.$eval(sel('clear-reload'), (box) => (box as HTMLInputElement).click());
  await popup.page.click(sel('clear-site-confirm'));
  await popup.page.waitForSelector(`${scope} [data-testid="clear-result"][data-phase="done"]`, {
    timeout: 20_000,
  });

  const after = await all();
  expect(after.filter(on('localhost'))).toEqual([]);
  expect(JSON.stringify(after.filter(on('app.localhost')))).toBe(JSON.stringify(appBefore));
});
