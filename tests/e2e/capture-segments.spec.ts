// A tab's log is stored as a small head plus sealed segments of 50 older events
// (src/core/record/segments.ts): a flush writes only what changed, and the popup draws the newest
// events first. What readers see must not change: every event, in order, the right badge.
import type { Worker } from '@playwright/test';
import { test, expect, dumpLogs, tabIdOf } from './fixtures';
import { startOrigin, type TestOrigin } from './capture-server';
import { PopupPage } from './pages/popup-page';
import type { TabLog } from '../../src/core/record';

let server: TestOrigin;
test.beforeEach(async () => {
  server = await startOrigin();
});
test.afterEach(() => server.close());

const raw = (worker: Worker): Promise<Record<string, unknown>> =>
  worker.evaluate('chrome.storage.session.get(null)') as Promise<Record<string, unknown>>;

test('120 captured 401s in one tab: two sealed segments and a head, read back whole and in order', async ({
  context,
  worker,
  extensionId,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  const tabId = await tabIdOf(worker, page);
  // One after another, so the order of the requests is the order of the events.
  await page.evaluate(async (origin) => {
    for (let n = 0; n < 120; n++) await fetch(`${origin}/api/bearer?n=${n}`);
  }, server.origin);
  await expect
    .poll(async () => (await dumpLogs(worker))[`tab:${tabId}`]?.events.length, { timeout: 15_000 })
    .toBe(120);
  const log = (await dumpLogs(worker))[`tab:${tabId}`]!;
  expect(log.events.map((e) => new URL(e.url).search)).toEqual(
    Array.from({ length: 120 }, (_, n) => `?n=${n}`),
  );

  const stored = await raw(worker);
  const head = stored[`tab:${tabId}`] as TabLog;
  expect(head.events).toHaveLength(20);
  expect(head.segments?.map((s) => s.count)).toEqual([50, 50]);
  for (const segment of head.segments ?? []) expect(stored[`seg:${tabId}:${segment.seq}`]).toHaveLength(50);
  await expect.poll(() => worker.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`)).toBe('120');

  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.groups.first().locator('.count')).toHaveText('120');
  // Newest first: the head's last event tops the list.
  expect((await popup.eventUrls())[0]).toContain('?n=119');

  // Clearing the tab removes the head and every segment.
  await popup.clearButton.click();
  await expect
    .poll(async () => Object.keys(await raw(worker)).filter((k) => k.includes(`:${tabId}`)))
    .toEqual([]);
});
