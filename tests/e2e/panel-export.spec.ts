// The panel's exports: HAR, cURL and the support report saved as files (a[download]) and copied to
// the clipboard, every credential masked with its scheme word kept.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { authEvent, basicAdmin, bearerExpired, tabLog } from '../fixtures/auth-events';
import { openTargetTab, seedLog } from './pages/popup-page';
import { PanelPage } from './pages/panel-page';
import type { AuthEvent } from '../../src/core/record';

test('exports the shown events as HAR and cURL files with the scheme kept and no value', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-export');
  const bearer: AuthEvent = {
    ...authEvent(tabId, { ...bearerExpired, at: 2 }),
    credentials: { requestHeaders: 'seen', authorizationScheme: 'Bearer', cookieSent: true },
  };
  await seedLog(worker, tabLog(tabId, [authEvent(tabId, { ...basicAdmin, at: 1 }), bearer]));
  const panel = await PanelPage.open(context, extensionId, tabId);
  await expect(panel.rows).toHaveCount(2);
  const bar = panel.exportBar('export-shown');
  const [harDownload] = await Promise.all([panel.page.waitForEvent('download'), bar.save.click()]);
  expect(harDownload.suggestedFilename()).toMatch(/^401-inspector-.*\.har$/);
  const har = JSON.parse(readFileSync((await harDownload.path())!, 'utf8')) as {
    log: {
      version: string;
      entries: { request: { url: string; headers: { name: string; value: string }[] } }[];
    };
  };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.map((e) => e.request.url)).toEqual([basicAdmin.url, bearerExpired.url]);
  expect(har.log.entries[1]!.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer ***' });

  await bar.format.selectOption('curl');
  const [curlDownload] = await Promise.all([panel.page.waitForEvent('download'), bar.save.click()]);
  const curl = readFileSync((await curlDownload.path())!, 'utf8');
  expect(curl).toContain(`curl -i '${bearerExpired.url}' -H 'Authorization: Bearer ***'`);

  await panel.row(bearer.id).click();
  const one = panel.exportBar('export-one');
  await one.format.selectOption('report');
  const [reportDownload] = await Promise.all([panel.page.waitForEvent('download'), one.save.click()]);
  expect(readFileSync((await reportDownload.path())!, 'utf8')).toContain('api.b.test');
});

test('copies one event as a cURL command to the clipboard', async ({
  context,
  worker,
  extensionId,
  canaryOrigin,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-copy');
  const bearer: AuthEvent = {
    ...authEvent(tabId, { ...bearerExpired, at: 1 }),
    credentials: { requestHeaders: 'seen', authorizationScheme: 'Bearer' },
  };
  await seedLog(worker, tabLog(tabId, [bearer]));
  // Extension origins cannot be granted clipboard-read: a web page reads the shared clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: canaryOrigin });
  const reader = await context.newPage();
  await reader.goto(`${canaryOrigin}/reader`).catch(() => undefined);
  await reader.evaluate('navigator.clipboard.writeText("")');
  const panel = await PanelPage.open(context, extensionId, tabId);
  await panel.row(bearer.id).click();
  const one = panel.exportBar('export-one');
  await one.format.selectOption('curl');
  await one.copy.click();
  await expect(one.status).toHaveText('Copied.');
  await reader.bringToFront();
  expect(await reader.evaluate('navigator.clipboard.readText()')).toBe(
    `curl -i '${bearerExpired.url}' -H 'Authorization: Bearer ***'\n`,
  );
});
