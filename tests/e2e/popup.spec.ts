// The toolbar popup as a plain extension page (?tabId=N), with its store seeded from the worker so
// these tests depend on the view alone, not on capture timing.
import { test, expect } from './fixtures';
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
import { openTargetTab, PopupPage, seedLog } from './pages/popup-page';

test('an empty tab says nothing was caught yet and what is watched', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'empty');
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.emptyState).toContainText('No 401 or 407 responses in this tab yet.');
  await expect(popup.emptyState).toContainText('fetch/XHR');
  await expect(popup.events).toHaveCount(0);
  await expect(popup.clearButton).toHaveCount(0);
});

test('events are listed newest first, grouped by origin, with the dropped count', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'grouped');
  const events = [
    authEvent(tabId, { ...basicAdmin, at: 0 }),
    authEvent(tabId, { ...bearerExpired, at: 10 }),
    authEvent(tabId, { ...negotiateThenBasic, at: 20 }),
    authEvent(tabId, { ...proxyBasic, at: 30 }),
  ];
  await seedLog(worker, tabLog(tabId, events, 3));
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.events).toHaveCount(4);
  expect(await popup.groupLabels()).toEqual([
    'http://www.a.test',
    'https://intranet.a.test',
    'https://api.b.test',
  ]);
  expect(await popup.eventUrls()).toEqual([
    proxyBasic.url,
    negotiateThenBasic.url,
    basicAdmin.url,
    bearerExpired.url,
  ]);
  await expect(popup.event(0).getByTestId('status')).toHaveText('407');
  await expect(popup.event(3).getByTestId('status')).toHaveText('401');
  await expect(popup.event(1).getByTestId('type')).toHaveText('frame');
  await expect(popup.notice('dropped')).toContainText('3');
});

test('grouping by page load and the background-requests switch', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'pages');
  await seedLog(worker, tabLog(tabId, [authEvent(tabId, { ...basicAdmin, at: 0 })]));
  await seedLog(worker, tabLog(-1, [authEvent(-1, { ...bearerExpired, at: 5 })]));
  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.page.getByTestId('group-by').selectOption('page');
  expect(await popup.groupLabels()).toEqual(['Page load: intranet.a.test/']);
  await expect(popup.page.getByTestId('view-background')).toContainText('(1)');
  await popup.page.getByTestId('view-background').click();
  expect(await popup.eventUrls()).toEqual([bearerExpired.url]);
});

test('a challenge shows its scheme and the catalog explanation', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'explained');
  await seedLog(worker, tabLog(tabId, [authEvent(tabId, { ...bearerExpired, at: 0 })]));
  const popup = await PopupPage.open(context, extensionId, tabId);
  const card = await popup.expand(0);
  await expect(card.getByTestId('scheme')).toHaveText('Bearer');
  await expect(card.getByTestId('challenge-title')).toHaveText('Bearer token (OAuth 2.0)');
  await expect(card.getByTestId('explanation')).toContainText(
    'The server expects an access token: a key the web app gets after you sign in',
  );
  await expect(card.getByTestId('explanation')).toContainText('The browser never asks you for it.');
  // chrome.storage does not keep an object's key order (platform notes), so compare as sets.
  const shown = await card.getByTestId('param-value').allTextContents();
  expect(shown.sort()).toEqual(['The access token expired', 'api', 'invalid_token']);
});

test('raw header lines are shown exactly and in arrival order', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'raw');
  await seedLog(worker, tabLog(tabId, [authEvent(tabId, { ...negotiateThenBasic, at: 0 })]));
  const popup = await PopupPage.open(context, extensionId, tabId);
  const card = await popup.expand(0);
  await expect(card.getByTestId('raw-line')).toHaveText([
    'WWW-Authenticate: Negotiate',
    'WWW-Authenticate: Basic realm="CORP"',
  ]);
  await expect(card.getByTestId('scheme')).toHaveText(['Negotiate', 'Basic']);
});

test('a malformed header shows its parse problems', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'malformed');
  await seedLog(worker, tabLog(tabId, [authEvent(tabId, { ...malformedBasic, at: 0 })]));
  const popup = await PopupPage.open(context, extensionId, tabId);
  const card = await popup.expand(0);
  const problem = card.getByTestId('problem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-code', 'unterminated-quoted-string');
  await expect(problem).toContainText(
    'A quoted value is never closed, so the rest of the header was read as part of it.',
  );
  await expect(problem).toContainText('(header line 1, character 13)');
});

test('the list updates live when the store changes', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'live');
  const first = authEvent(tabId, { ...basicAdmin, at: 0 });
  await seedLog(worker, tabLog(tabId, [first]));
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.events).toHaveCount(1);
  await seedLog(worker, tabLog(tabId, [first, authEvent(tabId, { ...bearerExpired, at: 4 })]));
  await expect(popup.events).toHaveCount(2);
  expect(await popup.eventUrls()).toEqual([bearerExpired.url, basicAdmin.url]);
});

test('a hostile realm renders as inert text', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'hostile');
  await seedLog(worker, tabLog(tabId, [authEvent(tabId, { ...hostileRealm, at: 0 })]));
  const dialogs: string[] = [];
  const popup = new PopupPage(await context.newPage());
  popup.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await popup.page.goto(PopupPage.url(extensionId, tabId));
  const card = await popup.expand(0);
  await expect(card.getByTestId('raw-line')).toHaveText(`WWW-Authenticate: Basic realm="${HOSTILE}"`);
  await expect(card.getByTestId('param-value').first()).toHaveText(HOSTILE);
  await expect(card.getByTestId('full-url')).toHaveText(hostileRealm.url);
  expect(await popup.page.locator('#app img, #app script').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('Clear list empties the tab', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'clear');
  const events = [authEvent(tabId, { ...basicAdmin, at: 0 }), authEvent(tabId, { ...bearerExpired, at: 1 })];
  await seedLog(worker, tabLog(tabId, events));
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.events).toHaveCount(2);
  await popup.clearButton.click();
  await expect(popup.emptyState).toBeVisible();
  await expect(popup.notice('action-error')).toHaveCount(0);
  const stored = (await worker.evaluate(`chrome.storage.session.get('tab:${tabId}')`)) as Record<
    string,
    { events?: unknown[] }
  >;
  expect(stored[`tab:${tabId}`]?.events ?? []).toEqual([]);
});

test('a closed tab is reported as gone and what was stored is still listed', async ({
  context,
  worker,
  extensionId,
}) => {
  const closedId = 987_654;
  await seedLog(worker, tabLog(closedId, [authEvent(closedId, { ...basicAdmin, at: 0 })]));
  const popup = await PopupPage.open(context, extensionId, closedId);
  await expect(popup.notice('tab-gone')).toContainText(String(closedId));
  await expect(popup.events).toHaveCount(1);
});

test('a tab id that is not a number is reported, not crashed on', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId, 'abc');
  await expect(popup.notice('no-tab')).toHaveText(
    'No tab to show: the tab id is not valid or no tab is active.',
  );
});

test('a browser page says it cannot be inspected and still lists captures', async ({
  context,
  worker,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto('chrome://version');
  const tabId = (await worker.evaluate(
    `chrome.tabs.query({}).then(ts => ts.find(t => (t.url || '').startsWith('chrome://version')).id)`,
  )) as number;
  await seedLog(worker, tabLog(tabId, [authEvent(tabId, { ...basicAdmin, at: 0 })]));
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.notice('not-inspectable')).toHaveText(
    'The browser does not let extensions inspect this page (browser pages, other extensions, the web store). Anything captured earlier in this tab is listed below.',
  );
  await expect(popup.events).toHaveCount(1);
});

test('the top finding is shown in full with its steps, the others folded', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'findings');
  const event = authEvent(tabId, { ...bearerExpired, at: 0 });
  await seedLog(worker, tabLog(tabId, [event]));
  const popup = await PopupPage.open(context, extensionId, tabId);
  const card = await popup.expand(0);
  // An expired Bearer token: the refusal first, then "not attached" and what 401 means, folded.
  const findings = card.getByTestId('finding');
  await expect(findings).toHaveCount(3);
  await expect(findings.first()).toHaveAttribute('data-finding', 'bearer-invalid-token');
  await expect(findings.first()).toContainText('The access token was refused');
  // Plain steps in the list, steps for the site's developers folded below it: all of them are there.
  await expect(findings.first().locator('.steps li')).toHaveCount(4);
  // Others are folded <details>, closed until asked.
  expect(
    await findings.evaluateAll((els) =>
      els.slice(1).every((e) => e.tagName === 'DETAILS' && !(e as HTMLDetailsElement).open),
    ),
  ).toBe(true);
});

test('a storage error is reported without breaking the view', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'storage-error');
  const popup = new PopupPage(await context.newPage());
  // The polyfill calls chrome.storage.session.get inside a Promise: a throw becomes its rejection.
  await popup.page.addInitScript(() => {
    const area = (globalThis as unknown as { chrome: { storage: { session: { get: unknown } } } }).chrome
      .storage.session;
    area.get = () => {
      throw new Error('Session storage is unavailable');
    };
  });
  await popup.page.goto(PopupPage.url(extensionId, tabId));
  await expect(popup.notice('storage-error')).toContainText('Session storage is unavailable');
  await expect(popup.page.getByTestId('header-bar')).toBeVisible();
});

test('without ?tabId the popup shows the active tab and can pop out into a tab', async ({
  context,
  extensionId,
}) => {
  const popup = new PopupPage(await context.newPage());
  await popup.page.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
  // The active tab is the extension page itself: a page no extension may inspect.
  await expect(popup.notice('not-inspectable')).toBeVisible();
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    popup.page.getByTestId('pop-out').click(),
  ]);
  await expect(opened).toHaveURL(/\/src\/popup\/popup\.html\?tabId=\d+$/);
  await expect(opened.getByTestId('tab-view')).toBeVisible();
  await expect(opened.getByTestId('pop-out')).toHaveCount(0);
});

test('everything is reachable by keyboard and a card opens with Enter', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'keyboard');
  await seedLog(
    worker,
    tabLog(tabId, [
      authEvent(tabId, { ...basicAdmin, at: 0 }),
      authEvent(tabId, { ...bearerExpired, at: 1 }),
    ]),
  );
  const popup = await PopupPage.open(context, extensionId, tabId);
  // Walk by Tab until the first card's summary takes focus (at most 20 stops: the header's controls first).
  const reached: string[] = [];
  for (let i = 0; i < 20 && !reached.includes('SUMMARY'); i++) {
    await popup.page.keyboard.press('Tab');
    reached.push(
      await popup.page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '',
      ),
    );
  }
  expect(reached).toEqual(
    expect.arrayContaining(['clear', 'har-input', 'view-tab', 'view-background', 'group-by', 'SUMMARY']),
  );
  // Focus the second (closed) card's summary and open it from the keyboard.
  await popup.event(1).locator('summary').first().focus();
  await popup.page.keyboard.press('Enter');
  await expect(popup.event(1).getByTestId('event-details')).toBeVisible();
});
