// The "401" DevTools panel as a plain extension page (?tabId=N) over a seeded store: listing, filters,
// keyboard, details, hostile input, live updates, clear, history beyond the store cap, colour scheme.
import { test, expect, tabIdOf } from './fixtures';
import {
  authEvent,
  basicAdmin,
  bearerExpired,
  HOSTILE,
  hostileRealm,
  malformedBasic,
  negotiateThenBasic,
  proxyBasic,
  tabLog,
} from '../fixtures/auth-events';
import { openTargetTab, seedLog } from './pages/popup-page';
import { PanelPage } from './pages/panel-page';
import type { AuthEvent, TabLog } from '../../src/core/record';

/** Five events over two page loads: three on the first, two on the current one. */
function twoLoads(tabId: number): TabLog {
  const first = [basicAdmin, bearerExpired, malformedBasic].map((kind, i) =>
    authEvent(tabId, { ...kind, at: i, pageId: 'page-1' }),
  );
  const current = [negotiateThenBasic, proxyBasic].map((kind, i) =>
    authEvent(tabId, { ...kind, at: 100 + i, pageId: 'page-2' }),
  );
  const log = tabLog(tabId, [...first, ...current]);
  log.pages.push({
    id: 'page-2',
    url: 'https://intranet.a.test/reports/',
    time: log.pages[0]!.time + 99_000,
  });
  return log;
}


test('lists the seeded events oldest first and filters by text, status, scheme and page load', async ({
  context,
  worker,
  extensionId,
  drain,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-filter');
  // The tab's own page commit must land before the seed, or it would add a newer, empty page load.
  await drain();
  const log = twoLoads(tabId);
  await seedLog(worker, log);
  const panel = await PanelPage.open(context, extensionId, tabId);
  await expect(panel.rows).toHaveCount(5);
  expect(await panel.urls()).toEqual(log.events.map((e) => e.url));
  await expect(panel.row(log.events[1]!.id).getByTestId('row-scheme')).toHaveText('Bearer');
  await expect(panel.row(log.events[4]!.id).getByTestId('row-status')).toHaveText('407');
  await expect(panel.row(log.events[1]!.id).getByTestId('row-finding')).not.toBeEmpty();

  await panel.textFilter.fill('api.b.test');
  await expect(panel.rows).toHaveCount(1);
  expect(await panel.urls()).toEqual([bearerExpired.url]);
  await panel.textFilter.fill('');

  await panel.statusFilter.selectOption('407');
  expect(await panel.urls()).toEqual([proxyBasic.url]);
  await panel.statusFilter.selectOption('401');
  await expect(panel.rows).toHaveCount(4);

  await panel.schemeFilter.selectOption('negotiate');
  expect(await panel.urls()).toEqual([negotiateThenBasic.url]);
  await panel.statusFilter.selectOption('all');
  await panel.schemeFilter.selectOption('basic'); // three Basic-only events and the Negotiate+Basic one
  await expect(panel.rows).toHaveCount(4);
  await panel.schemeFilter.selectOption('all');

  await panel.preserveLog.uncheck();
  expect(await panel.urls()).toEqual([negotiateThenBasic.url, proxyBasic.url]);
  await panel.preserveLog.check();
  await expect(panel.rows).toHaveCount(5);
});

test('arrow keys move the active row, Enter opens its details', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-keys');
  const log = twoLoads(tabId);
  await seedLog(worker, log);
  const panel = await PanelPage.open(context, extensionId, tabId);
  await expect(panel.rows).toHaveCount(5);
  await panel.table.focus();
  await panel.page.keyboard.press('ArrowDown');
  expect(await panel.activeEventId()).toBe(log.events[0]!.id);
  await panel.page.keyboard.press('ArrowDown');
  await panel.page.keyboard.press('ArrowDown');
  await panel.page.keyboard.press('ArrowUp');
  expect(await panel.activeEventId()).toBe(log.events[1]!.id);
  await expect(panel.details).toHaveCount(0);
  await panel.page.keyboard.press('Enter');
  await expect(panel.details.getByTestId('full-url')).toHaveText(bearerExpired.url);
  await expect(panel.row(log.events[1]!.id)).toHaveAttribute('aria-selected', 'true');
  await panel.page.keyboard.press('End');
  expect(await panel.activeEventId()).toBe(log.events[4]!.id);
  await panel.page.keyboard.press('Enter');
  await expect(panel.details.getByTestId('full-url')).toHaveText(proxyBasic.url);
});

test('details show findings with steps, challenges, problems, raw headers, redirects and credential facts', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-details');
  const malformed = authEvent(tabId, { ...malformedBasic, at: 1 });
  const bearer: AuthEvent = {
    ...authEvent(tabId, { ...bearerExpired, at: 2 }),
    ip: '192.0.2.7',
    redirects: [{ url: 'http://api.b.test/v1/me', status: 301, redirectUrl: bearerExpired.url }],
    credentials: {
      requestHeaders: 'seen',
      authorizationScheme: 'Bearer',
      cookieSent: false,
      cookieNames: ['sid'],
    },
  };
  await seedLog(worker, tabLog(tabId, [malformed, bearer]));
  const panel = await PanelPage.open(context, extensionId, tabId);
  await panel.row(bearer.id).click();
  const details = panel.details;
  await expect(details.getByTestId('finding').first()).toBeVisible();
  await expect(details.getByTestId('finding-steps').first()).toBeVisible();
  await expect(details.getByTestId('challenge')).toHaveCount(1);
  await expect(details.getByTestId('raw-line')).toHaveText([
    `WWW-Authenticate: ${bearerExpired.fields[0]!.value}`,
  ]);
  await expect(details).toContainText('301 http://api.b.test/v1/me');
  const facts = details.getByTestId('credential-facts');
  await expect(facts.locator('[data-fact="panel_fact_auth"] dd')).toHaveText('Bearer');
  await expect(facts.locator('[data-fact="panel_fact_ip"] dd')).toHaveText('192.0.2.7');
  await expect(facts.locator('[data-fact="panel_fact_cookie_names"] dd')).toHaveText('sid');

  await panel.row(malformed.id).click();
  await expect(details.getByTestId('problem')).toHaveAttribute('data-code', 'unterminated-quoted-string');
});

test('hostile URLs and realms render as inert text', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-hostile');
  const hostile = authEvent(tabId, { ...hostileRealm, at: 1 });
  await seedLog(worker, tabLog(tabId, [hostile]));
  const panel = await PanelPage.open(context, extensionId, tabId);
  let dialogs = 0;
  panel.page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await panel.row(hostile.id).click();
  await expect(panel.details.getByTestId('raw-line')).toContainText(HOSTILE);
  await expect(panel.row(hostile.id).getByTestId('row-url')).toHaveText(hostileRealm.url);
  await panel.textFilter.fill('<script>');
  await expect(panel.rows).toHaveCount(1);
  expect(await panel.page.locator('img, script:not([src])').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('follows the store live and Clear empties the tab log', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-live');
  const first = authEvent(tabId, { ...basicAdmin, at: 1 });
  await seedLog(worker, tabLog(tabId, [first]));
  const panel = await PanelPage.open(context, extensionId, tabId);
  await expect(panel.rows).toHaveCount(1);
  await seedLog(worker, tabLog(tabId, [first, authEvent(tabId, { ...bearerExpired, at: 2 })]));
  await expect(panel.rows).toHaveCount(2);
  await panel.clearButton.click();
  await expect(panel.emptyState).toBeVisible();
  const stored = (await worker.evaluate(`chrome.storage.session.get('tab:${tabId}')`)) as Record<
    string,
    TabLog
  >;
  expect(stored[`tab:${tabId}`]?.events ?? []).toHaveLength(0);
});

test('keeps events the store dropped for its cap while the panel is open (preserve log)', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-history');
  const old = authEvent(tabId, { ...basicAdmin, at: 1 });
  const newer = authEvent(tabId, { ...bearerExpired, at: 2 });
  await seedLog(worker, tabLog(tabId, [old]));
  const panel = await PanelPage.open(context, extensionId, tabId);
  await expect(panel.rows).toHaveCount(1);
  // The store's cap dropped the old event; the panel still lists it.
  await seedLog(worker, tabLog(tabId, [newer], 1));
  await expect(panel.rows).toHaveCount(2);
  expect(await panel.urls()).toEqual([basicAdmin.url, bearerExpired.url]);
});

test('follows the colour scheme as a plain page (no DevTools theme to read)', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-theme');
  const panel = await PanelPage.open(context, extensionId, tabId);
  const background = (): Promise<string> =>
    panel.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The system's change reaches the page as a matchMedia event (a task later): poll.
  await panel.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await panel.page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe('rgb(31, 32, 35)');
  // No DevTools theme was read: the page's theme is the system's, and follows it when it changes.
  expect(await panel.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await panel.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(255, 255, 255)');
});

test('a 401 the worker really captures shows up in an open panel', async ({
  context,
  worker,
  extensionId,
  canaryOrigin,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${canaryOrigin}/app`).catch(() => undefined);
  const tabId = await tabIdOf(worker, page);
  const panel = await PanelPage.open(context, extensionId, tabId);
  await page.evaluate((u) => fetch(u).catch(() => undefined), `${canaryOrigin}/canary?live=1`);
  const row = panel.rows.filter({ has: panel.page.locator(`[title="${canaryOrigin}/canary?live=1"]`) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('row-scheme')).toHaveText('Bearer');
  await expect(row.getByTestId('row-finding')).not.toBeEmpty();
});
