// "Open HAR file" in the DevTools panel (as a plain page, ?tabId=N): a HAR recorded in real Chromium
// is listed and diagnosed by the same table and details as live events, marked as imported, never
// written to storage.session; bad files get a message; a dropped file opens too; a 20,000-entry file
// loads with progress.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, dumpLogs } from './fixtures';
import { cardFor, expandCard, findingIds, openTargetTab, PopupPage } from './pages/popup-page';
import { PanelPage } from './pages/panel-page';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/har');
const DEMO_HAR = resolve(FIXTURES, 'chromium-demo.har');

test('a Chromium HAR is listed, diagnosed and exported like live events, and never stored', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'har-import');
  const panel = await PanelPage.open(context, extensionId, tabId);
  await expect(panel.page.getByTestId('empty-state')).toBeVisible();

  await panel.page.getByTestId('har-input').setInputFiles(DEMO_HAR);
  const banner = panel.page.getByTestId('har-banner');
  await expect(banner).toContainText('Imported from chromium-demo.har (Playwright 1.65.1).');
  await expect(banner).toContainText('24 of 35 requests in the file were answered 401 or 407.');
  await expect(panel.page.getByTestId('subtitle')).toHaveText('chromium-demo.har');
  expect(await panel.count()).toBe(24);

  // The same filters and top-finding column as for live events.
  await panel.textFilter.fill('bearer/invalid-token');
  await expect(panel.rows).toHaveCount(1);
  await expect(panel.rows.first().getByTestId('row-finding')).toHaveText('The access token has expired');
  await panel.rows.first().click();
  const details = panel.details;
  await expect(details.getByTestId('finding').first()).toContainText('The access token has expired');
  await expect(details).toContainText('Bearer token (OAuth 2.0)');

  await panel.textFilter.fill('redirect/landing');
  await panel.rows.first().click();
  await expect(panel.details.getByTestId('finding').first()).toContainText(
    'The sign-in was lost on a redirect to another origin',
  );

  // Exports of imported entries go through the same masking.
  await panel.textFilter.fill('');
  const bar = panel.exportBar('export-shown');
  await bar.format.selectOption('har');
  const [download] = await Promise.all([panel.page.waitForEvent('download'), bar.save.click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  // 24 responses plus the 302 hop before the cross-origin one (the export writes redirect hops too).
  expect(JSON.parse(exported).log.entries).toHaveLength(25);
  expect(exported).not.toContain('demo-token-not-secret');
  expect(exported).not.toContain('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi');

  // Nothing imported reached the worker's store.
  const stored = JSON.stringify(await dumpLogs(worker));
  expect(stored).not.toContain('/api/bearer/invalid-token');

  await panel.page.getByTestId('har-close').click();
  await expect(banner).toBeHidden();
  await expect(panel.page.getByTestId('empty-state')).toBeVisible();
});

test('files that are not a HAR get a clear message, and a dropped file opens', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'har-bad');
  const panel = await PanelPage.open(context, extensionId, tabId);
  const input = panel.page.getByTestId('har-input');
  const error = panel.page.getByTestId('har-error');

  await input.setInputFiles({
    name: 'photo.har',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]),
  });
  await expect(error).toContainText('photo.har: This file is not UTF-8 text (it cannot be read at byte 0)');
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"notes": []}'),
  });
  await expect(error).toContainText(
    'notes.json: This file is JSON but not a HAR: it has no log.entries list.',
  );
  const cut = readFileSync(DEMO_HAR, 'utf8');
  await input.setInputFiles({
    name: 'cut.har',
    mimeType: 'application/json',
    buffer: Buffer.from(cut.slice(0, Math.floor(cut.length * 0.6))),
  });
  await expect(panel.page.getByTestId('har-notice')).toContainText('The file is cut off after');
  await expect(panel.rows.first()).toBeVisible();

  // Drag and drop: a File in a DataTransfer, dropped on the panel.
  const text = readFileSync(resolve(FIXTURES, 'firefox.har'), 'utf8');
  const dataTransfer = await panel.page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'firefox.har', { type: 'application/json' }));
    return dt;
  }, text);
  await panel.root.dispatchEvent('dragover', { dataTransfer });
  await panel.root.dispatchEvent('drop', { dataTransfer });
  await expect(panel.page.getByTestId('har-banner')).toContainText(
    'Imported from firefox.har (Firefox 153.0).',
  );
  await expect(panel.rows).toHaveCount(3);
  await expect(panel.rows.first().getByTestId('row-status')).toHaveText('407');
  await expect(panel.rows.first().getByTestId('row-finding')).toHaveText('The proxy needs you to sign in');
});

test('a 20,000-entry HAR loads in slices with progress', async ({ context, worker, extensionId }) => {
  const [, tabId] = await openTargetTab(context, worker, 'har-huge');
  const panel = await PanelPage.open(context, extensionId, tabId);
  const pad = 'x'.repeat(900);
  const entries = Array.from({ length: 20_000 }, (_, i) => {
    const status = i % 10 === 9 ? 401 : 200;
    const headers = status === 401 ? [{ name: 'WWW-Authenticate', value: 'Bearer realm="api"' }] : [];
    return {
      startedDateTime: new Date(Date.UTC(2026, 0, 1) + i * 10).toISOString(),
      time: 3,
      request: {
        method: 'GET',
        url: `https://api.example.test/item/${i}`,
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        queryString: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers,
        cookies: [],
        content: { size: pad.length, mimeType: 'text/plain', text: pad },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: 2, receive: 1 },
    };
  });
  const buffer = Buffer.from(
    JSON.stringify({ log: { version: '1.2', creator: { name: 'generated', version: '1' }, entries } }),
  );
  // The page records every progress value it shows, so the test sees the slices without timing them.
  await panel.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { harProgress: string[] }).harProgress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="har-progress"]') as HTMLProgressElement | null;
      if (bar) seen.push(String(bar.value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await panel.page
    .getByTestId('har-input')
    .setInputFiles({ name: 'big.har', mimeType: 'application/json', buffer });
  await expect(panel.page.getByTestId('har-summary')).toHaveText(
    '2000 of 20000 requests in the file were answered 401 or 407.',
    { timeout: 30_000 },
  );
  expect(await panel.count()).toBe(2000);
  const progress = await panel.page.evaluate(
    () => (window as unknown as { harProgress: string[] }).harProgress,
  );
  expect(new Set(progress).size).toBeGreaterThan(2);
});

test('the popped-out view opens a HAR too, with the same cards and findings', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'har-popout');
  const popup = await PopupPage.open(context, extensionId, tabId); // ?tabId=N: the popped-out view
  await popup.page.getByTestId('har-input').setInputFiles(resolve(FIXTURES, 'chrome-devtools.har'));
  await expect(popup.page.getByTestId('har-banner')).toContainText(
    '4 of 6 requests in the file were answered 401 or 407.',
  );
  await expect(popup.events).toHaveCount(4);
  const card = cardFor(popup, 'https://app.example.test/api/session');
  await expandCard(card);
  expect((await findingIds(card))[0]).toBe('session-cleared');
  await expect(popup.clearButton).toBeHidden();
  await popup.page.getByTestId('har-close').click();
  await expect(popup.emptyState).toBeVisible();

  // The request's JWT claims in the file reach the diagnosis here too, as in the panel: expired.
  await popup.page.getByTestId('har-input').setInputFiles(DEMO_HAR);
  await expect(popup.events.first()).toBeVisible();
  // The list shows the newest 20 first; the file's early Bearer call is behind "Show more".
  for (const more of await popup.page.getByTestId('show-more').all()) await more.click();
  const bearer = cardFor(popup, 'http://127.0.0.1:46615/api/bearer/invalid-token');
  await expandCard(bearer);
  expect((await findingIds(bearer))[0]).toBe('bearer-jwt-expired');
  await expect(bearer.getByTestId('finding').first()).toContainText('The access token has expired');
});
