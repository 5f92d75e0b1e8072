// "Clear this site" never reaches another site, in real Chromium: localhost is not app.localhost's
// site (a host without a registrable domain is cleared alone), alice.github.io is not bob.github.io's
// (github.io is a private public suffix), and the bare suffix github.io is refused. The other host's
// cookies are byte-identical after the clear.
import type { Page, Worker } from '@playwright/test';
import { hostResolverRules, TEST_HOSTS } from '../../demo/chromium';
import type { SavedCookie } from '../../src/core/clear-site';
import { expect, tabIdOf, test } from './fixtures';
import { startClearSiteServer, type ClearSiteServer } from './clear-site-server';
import { allCookies, ClearSitePage } from './pages/clear-site-page';
import { PopupPage } from './pages/popup-page';

test.use({
  chromiumFlags: [
    hostResolverRules([...TEST_HOSTS, 'app.localhost', 'github.io', 'alice.github.io', 'bob.github.io']),
  ],
});

let server: ClearSiteServer;
test.beforeEach(async () => {
  server = await startClearSiteServer();
});
test.afterEach(async () => {
  await server.close();
});

const origin = (host: string): string => `http://${host}:${server.port}`;
const on = (host: string) => (c: SavedCookie) => c.domain.replace(/^\./, '') === host;
const names = (cookies: SavedCookie[]): string[] => cookies.map((c) => `${c.domain} ${c.name}`).sort();

/**
 * Signs in on `host` (the server's /setup: a host-only cookie and two with `Domain=<last two labels>`),
 * then meets a Bearer 401 there, so the popup lists the host's origin group.
 */
async function signIn(page: Page, host: string): Promise<void> {
  await page.goto(`${origin(host)}/setup`);
  await page.goto(`${origin(host)}/check`);
  await page.evaluate(() => fetch('/denied'));
}

async function clearFrom(worker: Worker, page: Page, host: string): Promise<ClearSitePage> {
  const tabId = await tabIdOf(worker, page);
  const popup = await PopupPage.open(page.context(), new URL(worker.url()).host, tabId);
  const clear = ClearSitePage.inGroup(popup.page, origin(host));
  await clear.open();
  return clear;
}

test('clearing localhost removes its own cookies only: app.localhost keeps every cookie, byte for byte', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const [local, app] = [await context.newPage(), await context.newPage()];
  await signIn(local, 'localhost');
  await signIn(app, 'app.localhost');
  const before = await allCookies(worker);
  // What Chromium made of the Set-Cookie lines: `Domain=localhost` from localhost becomes a host-only
  // cookie (a host with no registrable domain can only have host cookies).
  expect(names(before.filter(on('localhost')))).toEqual([
    'localhost host_only',
    'localhost pref',
    'localhost session',
  ]);
  const appBefore = before.filter(on('app.localhost'));
  expect(names(appBefore)).toEqual([
    '.app.localhost pref',
    '.app.localhost session',
    'app.localhost host_only',
  ]);

  const clear = await clearFrom(worker, local, 'localhost');
  // The preview shows exactly what will go: localhost's three cookies, none of app.localhost's.
  await expect(clear.get('clear-scope-site')).toContainText('localhost');
  await expect(clear.get('clear-scope-cookie-count')).toContainText('3 cookies');
  await expect(clear.get('clear-scope-domain')).toHaveCount(1);
  await expect(clear.root.locator('[data-domain="localhost"]')).toHaveText('localhost 3 (this host only)');
  await clear.choose(['cookies', 'cache']);
  await clear.setReload(false);
  await clear.confirm('done');
  await expect(clear.get('clear-done')).toContainText('3 cookies removed');

  const after = await allCookies(worker);
  expect(after.filter(on('localhost'))).toEqual([]);
  expect(JSON.stringify(after.filter(on('app.localhost')))).toBe(JSON.stringify(appBefore));
});

test('alice.github.io is cleared without touching bob.github.io; the bare suffix github.io is refused', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const [alice, bob, bare] = [await context.newPage(), await context.newPage(), await context.newPage()];
  await signIn(alice, 'alice.github.io');
  await signIn(bob, 'bob.github.io');
  await signIn(bare, 'github.io');
  const before = await allCookies(worker);
  // Chromium refuses `Domain=github.io` from alice and bob (a public suffix is no cookie domain), and
  // from github.io itself keeps it as a host-only cookie (RFC 6265 §5.3 step 5).
  expect(names(before.filter((c) => c.domain.endsWith('github.io')))).toEqual([
    'alice.github.io host_only',
    'bob.github.io host_only',
    'github.io host_only',
    'github.io pref',
    'github.io session',
  ]);

  const tabId = await tabIdOf(worker, bare);
  const popup = await PopupPage.open(bare.context(), new URL(worker.url()).host, tabId);
  const group = popup.page.locator(`[data-testid="event-group"][data-group="${origin('github.io')}"]`);
  await expect(group.getByTestId('clear-refused')).toHaveText(
    'github.io is a public suffix: many unrelated sites live under it, so it has no site data of its own to clear. Clear the site itself (for example name.github.io). Nothing was cleared.',
  );
  await expect(group.getByTestId('clear-site-open')).toHaveCount(0);
  const reply = await popup.page.evaluate(
    `chrome.runtime.sendMessage(${JSON.stringify({ clearSite: { tabId, url: origin('github.io'), kinds: ['cookies', 'cache'], reload: false } })})`,
  );
  expect(reply).toEqual({ ok: false, error: { key: 'clear_refused_public_suffix', args: ['github.io'] } });
  expect(JSON.stringify(await allCookies(worker))).toBe(JSON.stringify(before));

  const clear = await clearFrom(worker, alice, 'alice.github.io');
  await expect(clear.get('clear-scope-site')).toContainText('alice.github.io');
  await expect(clear.get('clear-scope-cookie-count')).toContainText('1 cookie');
  await clear.setReload(false);
  await clear.confirm('done');
  const after = await allCookies(worker);
  expect(after.filter(on('alice.github.io'))).toEqual([]);
  expect(JSON.stringify(after)).toBe(JSON.stringify(before.filter((c) => !on('alice.github.io')(c))));
});

test('one clear button per site: the www.a.test and sub.a.test groups share one, localhost keeps its own', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await signIn(page, 'www.a.test');
  // Cross-origin 401s from the same page: another host of the same site, then a host with no site.
  await page.evaluate((u) => fetch(u, { mode: 'no-cors' }), `${origin('sub.a.test')}/denied`);
  await page.evaluate((u) => fetch(u, { mode: 'no-cors' }), `${origin('localhost')}/denied`);
  const tabId = await tabIdOf(worker, page);
  const popup = await PopupPage.open(context, new URL(worker.url()).host, tabId);
  const groups = popup.page.getByTestId('event-group');
  await expect(groups).toHaveCount(3);
  const buttons = popup.page.getByTestId('clear-site');
  await expect(buttons).toHaveCount(2);
  // Each under the newest group of its site (the list is newest first), named for the site once the
  // worker has answered the scope.
  await expect
    .poll(() =>
      groups.evaluateAll((all) =>
        all.map((g) => [
          g.getAttribute('data-group'),
          g.querySelector('[data-testid="clear-site-open"]')?.textContent ?? null,
        ]),
      ),
    )
    .toEqual([
      [origin('localhost'), 'Clear cookies & cache for localhost…'],
      [origin('sub.a.test'), 'Clear cookies & cache for a.test…'],
      [origin('www.a.test'), null],
    ]);
});
