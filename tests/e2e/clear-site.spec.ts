// Clear this site end to end in real Chromium: "clear this site" removes exactly the site's cookies (host,
// parent-domain, subdomain, CHIPS), cache and storage, leaves another site alone, Undo restores every
// cookie with its attributes, the reload re-check is shown, Chromium's Basic cache goes with cookies.
import type { Page, Worker } from '@playwright/test';
import type { SavedCookie } from '../../src/core/clear-site';
import { expect, tabIdOf, test } from './fixtures';
import { startClearSiteServer, type ClearSiteServer } from './clear-site-server';
import { allCookies, ClearSitePage, comparable, inA, setCookies } from './pages/clear-site-page';
import { PopupPage } from './pages/popup-page';
import { EXTRA_COOKIES } from '../fixtures/clear-site-cookies';

let server: ClearSiteServer;
test.beforeEach(async () => {
  server = await startClearSiteServer();
});
test.afterEach(async () => {
  await server.close();
});

const origin = (host: string): string => `http://${host}:${server.port}`;
const sorted = (cookies: SavedCookie[]): string[] => cookies.map(comparable).sort();

/** Signs in on `host` (cookies), then opens the app page, which calls the API (a 401 on a stale session). */
async function openApp(page: Page, host: string): Promise<void> {
  await page.goto(`${origin(host)}/setup`);
  await page.goto(`${origin(host)}/app`);
  await expect(page).toHaveTitle(/api \d+/);
}

async function popupFor(worker: Worker, page: Page): Promise<Page> {
  const tabId = await tabIdOf(worker, page);
  const popup = await PopupPage.open(page.context(), new URL(worker.url()).host, tabId);
  return popup.page;
}

test('clears a.test exactly (cookies of every kind, cache, storage), leaves b.test, and Undo restores every cookie', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a, 'www.a.test');
  await openApp(b, 'b.test');
  await setCookies(worker, EXTRA_COOKIES(Math.floor(Date.now() / 1000) + 3600));
  const before = await allCookies(worker);
  const aBefore = before.filter(inA);
  expect(aBefore.map((c) => c.name).sort()).toEqual([
    '__Host-id',
    '__Secure-wide',
    'chips',
    'host_only',
    'pref',
    'session',
    'sub_only',
  ]);

  const popup = await popupFor(worker, a);
  const clear = ClearSitePage.inGroup(popup, origin('www.a.test'));
  await clear.open();
  await expect(clear.get('clear-scope-site')).toContainText('a.test');
  await expect(clear.get('clear-scope-cookie-count')).toContainText('7');
  const rows = clear.get('clear-scope-domain');
  await expect(rows.filter({ hasText: '.a.test' }).first()).toBeVisible();
  await expect(popup.locator('[data-domain=".a.test"]')).toContainText('3');
  await expect(popup.locator('[data-domain="a.test"]')).toContainText('1 partitioned');
  await clear.choose(['cookies', 'cache', 'localStorage', 'indexedDB']);
  await expect(clear.get('clear-irreversible')).toContainText('HTTP cache');
  await clear.setReload(false);
  await clear.confirm('done');

  const after = await allCookies(worker);
  expect(after.filter(inA)).toEqual([]);
  expect(sorted(after)).toEqual(sorted(before.filter((c) => !inA(c))));

  // Cache: a fresh fetch of the long-cached script reaches the server again for a.test only.
  for (const page of [a, b]) {
    await page.goto(`${new URL(page.url()).origin}/again`);
    await expect(page).toHaveTitle('again done');
  }
  expect(server.hits.get('www.a.test /cached.js')).toBe(2);
  expect(server.hits.get('b.test /cached.js')).toBe(1);
  // Storage: gone on a.test, kept on b.test.
  const storage = `(async () => [localStorage.getItem('k'), (await indexedDB.databases()).map((d) => d.name)])()`;
  expect(await a.evaluate(storage)).toEqual([null, []]);
  expect(await b.evaluate(storage)).toEqual(['v', ['clear-test']]);

  // Cookie values live only in the snapshot key, nowhere else in storage.session.
  const session = (await worker.evaluate('chrome.storage.session.get(null)')) as Record<string, unknown>;
  const holding = Object.keys(session).filter((k) => /secret-|stale/.test(JSON.stringify(session[k])));
  expect(holding).toEqual(['clearSnapshot:a.test']);
  await expect(clear.get('clear-undo-countdown')).toContainText(/(10:00|9:[0-5]\d)/);

  await clear.get('clear-undo').click();
  await expect(clear.get('clear-undo-result')).toContainText('Restored 7 cookies');
  await expect(clear.get('clear-undo-failures')).toHaveCount(0);
  expect(sorted((await allCookies(worker)).filter(inA))).toEqual(sorted(aBefore));
  const left = (await worker.evaluate('chrome.storage.session.get(null)')) as Record<string, unknown>;
  expect(Object.keys(left).filter((k) => /secret-|stale/.test(JSON.stringify(left[k])))).toEqual([]);
});

test('reloads and re-checks: a stale cookie 401 is gone, a server that always refuses persists; a double click clears once', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a, 'www.a.test');
  await expect(a).toHaveTitle('api 401');
  await openApp(b, 'b.test');

  const popupA = await popupFor(worker, a);
  const clearA = ClearSitePage.inGroup(popupA, origin('www.a.test'));
  await clearA.open();
  await clearA.confirm('done');
  await expect(clearA.get('clear-recheck')).toHaveAttribute('data-kind', 'gone');
  await expect(clearA.get('clear-recheck')).toContainText('now answers 200');
  await expect(a).toHaveTitle('api 200');

  const bCount = (await allCookies(worker)).filter((c) => c.domain.endsWith('b.test')).length;
  const popupB = await popupFor(worker, b);
  const clearB = ClearSitePage.inGroup(popupB, origin('b.test'));
  await clearB.open();
  await clearB.get('clear-site-confirm').dblclick();
  await expect(clearB.root.locator('[data-testid="clear-result"][data-phase="done"]')).toBeVisible({
    timeout: 20_000,
  });
  await expect(clearB.get('clear-recheck')).toHaveAttribute('data-kind', 'persists');
  await expect(clearB.get('clear-next')).toBeVisible();
  await expect(clearB.get('clear-error')).toHaveCount(0);

  // Two requests at once reach the worker: one clears, the other is refused, and the snapshot of the
  // first clear (b.test's cookies) is not replaced by an empty one.
  const tabB = await tabIdOf(worker, b);
  const payload = { clearSite: { tabId: tabB, url: origin('b.test'), kinds: ['cookies'], reload: false } };
  const replies = (await popupB.evaluate(
    `Promise.all([0, 1].map(() => chrome.runtime.sendMessage(${JSON.stringify(payload)})))`,
  )) as { ok: boolean; error?: { key: string; args?: string[] } }[];
  expect(replies.filter((r) => r.ok)).toHaveLength(1);
  expect(replies.find((r) => !r.ok)?.error).toEqual({ key: 'clear_error_in_progress', args: ['b.test'] });
  const snapshot = (await worker.evaluate(`chrome.storage.session.get('clearSnapshot:b.test')`)) as Record<
    string,
    { cookies: unknown[] }
  >;
  expect(snapshot['clearSnapshot:b.test']?.cookies).toHaveLength(bCount);

  // Past its window, the snapshot is wiped on the next read and Undo says so (values gone for good).
  await worker.evaluate(
    `chrome.storage.session.get('clearSnapshot:b.test').then((got) => chrome.storage.session.set({ 'clearSnapshot:b.test': { ...got['clearSnapshot:b.test'], expiresAt: Date.now() - 1 } }))`,
  );
  await clearB.get('clear-undo').click();
  await expect(clearB.get('clear-error')).toContainText('no longer possible');
  expect(await worker.evaluate(`chrome.storage.session.get('clearSnapshot:b.test')`)).toEqual({});
});

test("clearing a site's cookies also drops Chromium's cached Basic credentials for it", async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`http://user:pass@a.test:${server.port}/basic`);
  await expect(page).toHaveTitle('signed in');
  for (let i = 0; i < 2; i++) await page.goto(`${origin('a.test')}/check`);
  // The auth cache answers preemptively for the same protection space.
  expect(server.authSeen.get('a.test /check')).toEqual([true, true]);
  // Chromium answers the Basic challenge with the URL's credentials inside its network stack, so no
  // 401 reaches the extension: a Bearer 401 from the same origin gives the popup its origin group.
  await page.evaluate(() => fetch('/denied'));

  const popup = await popupFor(worker, page);
  const clear = ClearSitePage.inGroup(popup, origin('a.test'));
  await clear.open();
  await clear.choose(['cookies']);
  await clear.setReload(false);
  await clear.confirm('done');
  await page.goto(`${origin('a.test')}/check`);
  // If this fails, Chromium no longer drops Basic credentials with cookies: update clear_limits_chromium.
  expect(server.authSeen.get('a.test /check')).toEqual([true, true, false]);
});

test('refuses browser, store, file and extension pages and closed tabs; nothing is cleared', async ({
  context,
  worker,
  ready,
  extensionId,
}) => {
  await ready();
  const a = await context.newPage();
  await a.goto(`${origin('www.a.test')}/setup`);
  const cookies = sorted(await allCookies(worker));
  const tabA = await tabIdOf(worker, a);

  const internal = await context.newPage();
  await internal.goto('chrome://version');
  const internalId = await tabIdOf(worker, internal);
  const confirm = await context.newPage();
  await confirm.goto(`${PopupPage.url(extensionId, internalId)}&confirmClear=1`);
  await expect(ClearSitePage.shortcut(confirm).get('clear-refused')).toContainText('browser page');

  const ask = (url: string, tabId = tabA) =>
    confirm.evaluate(
      `chrome.runtime.sendMessage(${JSON.stringify({ clearSite: { tabId, url, kinds: ['cookies', 'cache'], reload: true } })})`,
    ) as Promise<{ ok: boolean; error?: { key: string } }>;
  // The worker answers with message keys; the popup shows them translated (seen above for the page).
  expect((await ask('file:///etc/hosts')).error?.key).toBe('clear_refused_file');
  expect((await ask('https://chromewebstore.google.com/detail/x')).error?.key).toBe(
    'clear_refused_web_store',
  );
  expect((await ask(`chrome-extension://${extensionId}/src/popup/popup.html`)).error?.key).toBe(
    'clear_refused_extension_page',
  );
  expect((await ask('chrome://settings')).error?.key).toBe('clear_refused_browser_page');

  const closed = await context.newPage();
  await closed.goto(`${origin('www.a.test')}/check`);
  const closedId = await tabIdOf(worker, closed);
  await closed.close();
  expect((await ask(origin('www.a.test'), closedId)).error?.key).toBe('clear_error_tab_closed');
  expect(sorted(await allCookies(worker))).toEqual(cookies);
});

test("the shortcut's confirm view clears the tab's site only after the user confirms; a tab closed mid-way is no error", async ({
  context,
  worker,
  ready,
  extensionId,
}) => {
  await ready();
  const a = await context.newPage();
  await a.goto(`${origin('www.a.test')}/setup`);
  await a.goto(`${origin('www.a.test')}/slowapp`); // its reload takes 3 s: time to close the tab
  const tabA = await tabIdOf(worker, a);
  // What the command leaves for the toolbar popup (which takes no query string).
  await worker.evaluate(`chrome.storage.session.set({ clearConfirm: { tabId: ${tabA}, at: Date.now() } })`);
  const popup = await context.newPage();
  await popup.goto(PopupPage.url(extensionId, tabA));
  const shortcut = ClearSitePage.shortcut(popup);
  await expect(shortcut.get('clear-scope-site')).toContainText('a.test');
  await expect(shortcut.get('clear-site-panel')).toBeVisible();
  expect((await allCookies(worker)).filter(inA).length).toBeGreaterThan(0); // nothing before the click

  await shortcut.get('clear-site-confirm').click();
  await expect(shortcut.root.locator('[data-testid="clear-result"][data-phase="reloading"]')).toBeVisible();
  // The user closes the tab while the worker reloads and waits. (Playwright's page.close() during a
  // navigation the browser itself started hung now and then; the tabs API closes it as a user would.)
  await worker.evaluate(`chrome.tabs.remove(${tabA})`);
  await expect(shortcut.root.locator('[data-testid="clear-result"][data-phase="done"]')).toBeVisible({
    timeout: 20_000,
  });
  await expect(shortcut.get('clear-recheck')).toHaveAttribute('data-kind', 'unknown');
  expect((await allCookies(worker)).filter(inA)).toEqual([]);
});

test('an Undo snapshot past its window is wiped when the stopped worker starts again', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const a = await context.newPage();
  await openApp(a, 'www.a.test');
  const popup = await popupFor(worker, a);
  const clear = ClearSitePage.inGroup(popup, origin('www.a.test'));
  await clear.open();
  await clear.setReload(false);
  await clear.confirm('done');
  const read = `chrome.storage.session.get('clearSnapshot:a.test')`;
  const stored = (await worker.evaluate(read)) as Record<string, { expiresAt: number }>;
  // Its alarm is set for the end of its window.
  const alarm = (await worker.evaluate(`chrome.alarms.get('clearSnapshot:a.test')`)) as {
    scheduledTime: number;
  };
  expect(alarm.scheduledTime).toBe(stored['clearSnapshot:a.test']?.expiresAt);
  // Ten minutes pass while the worker is stopped, and the alarm was lost (a worker stopped between
  // the write and alarms.create): the start-up sweep finds the key by its prefix.
  await worker.evaluate(
    `chrome.alarms.clear('clearSnapshot:a.test').then(() => chrome.storage.session.set({ 'clearSnapshot:a.test': { site: 'a.test', expiresAt: 1, cookies: [] } }))`,
  );
  const cdp = await context.newCDPSession(a);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await a.goto(`${origin('www.a.test')}/check`); // any observed request wakes the worker
  await expect.poll(async () => worker.evaluate(read), { timeout: 15_000 }).toEqual({});
});

test('a clear the stopped worker left mid-reload is settled as unknown when the worker starts again', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const a = await context.newPage();
  await openApp(a, 'www.a.test');
  const tabId = await tabIdOf(worker, a);
  // What a worker stopped during the reload leaves behind: the phase, and nobody to finish it.
  const left = {
    site: 'a.test',
    tabId,
    phase: 'reloading',
    since: Date.now() - 5_000,
    kinds: ['cookies'],
    cookieCount: 0,
  };
  await worker.evaluate(`chrome.storage.session.set({ 'clearState:a.test': ${JSON.stringify(left)} })`);
  const cdp = await context.newCDPSession(a);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await a.goto(`${origin('www.a.test')}/check`); // any observed request wakes the worker
  const read = `chrome.storage.session.get('clearState:a.test').then((got) => got['clearState:a.test'])`;
  await expect
    .poll(async () => ((await worker.evaluate(read)) as { phase: string }).phase, { timeout: 15_000 })
    .toBe('done');
  const settled = (await worker.evaluate(read)) as { recheck?: { kind: string } };
  expect(settled.recheck?.kind).toBe('unknown');
});
