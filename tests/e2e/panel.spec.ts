// The "401" DevTools panel as a plain extension page (?tabId=N) over a seeded store, plus one run with
// DevTools really open to prove the panel is registered.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, dumpLogs, tabIdOf } from './fixtures';
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
} from './pages/auth-events';
import { openTargetTab, seedLog } from './pages/popup-page';
import { DevtoolsPanel, PanelPage } from './pages/panel-page';
import type { AuthEvent, TabLog } from '../../src/core/event';

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

/**
 * Lets the worker's batched write of the target tab's own page commit (~150 ms) land before a seed:
 * a commit processed after the seed would add a newer, empty page load and make it the current one.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 500));

test('lists the seeded events oldest first and filters by text, status, scheme and page load', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'panel-filter');
  await settle();
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
  await panel.page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await panel.page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(31, 32, 35)');
  expect(await panel.page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
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

test.describe('inside DevTools', () => {
  test.use({ chromiumFlags: ['--auto-open-devtools-for-tabs'] });

  /** A WordPress-like site: /app is a page, its REST API answers 401 with a JSON error code. */
  async function wordpress(code: string): Promise<[Server, string]> {
    const server = createServer((req, res) => {
      if (req.url === '/app')
        return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>wp</title>');
      res.writeHead(401, { 'Content-Type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify({ code, message: 'Cookie check failed', data: { status: 401 } }));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`];
  }

  test('the devtools page creates the "401" panel', async ({ context, extensionId }) => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    // Throws unless DevTools lists the extension's devtools page and a panel of this extension.
    const panel = await DevtoolsPanel.open(cdp, extensionId);
    // DevTools' theme ('default' here) reaches the page as data-theme once the panel's script ran.
    await expect
      .poll(() => panel.evaluate<string | undefined>('document.documentElement.dataset.theme'))
      .toBe('light');
  });

  test('the open panel reads the credentials DevTools saw: scheme and JWT claims, never the token', async ({
    context,
    worker,
    extensionId,
    canaryOrigin,
  }) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${canaryOrigin}/app`).catch(() => undefined);
    const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256' })}.${b64({ iss: 'https://id.a.test', exp: 1_900_000_000, scope: 'read' })}.SIGNATURE-SECRET-42`;
    const rowCount = `document.querySelectorAll('[data-testid=panel-row] [title$="/canary?jwt=1"]').length`;
    // The worker may still be starting (platform-notes): send until its record reaches the panel.
    await expect
      .poll(
        async () => {
          await page.evaluate(
            ([u, token]) =>
              fetch(u!, { headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined),
            [`${canaryOrigin}/canary?jwt=1`, jwt],
          );
          return panel.evaluate<number>(rowCount);
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toBeGreaterThan(0);
    const facts = await panel.evaluate<Record<string, string>>(`(async () => {
      const cell = [...document.querySelectorAll('[data-testid=panel-row] [title$="/canary?jwt=1"]')].at(-1);
      cell.closest('[data-testid=panel-row]').click();
      for (let i = 0; i < 50 && !document.querySelector('[data-fact=panel_jwt_iss]'); i++)
        await new Promise((r) => setTimeout(r, 100));
      return Object.fromEntries([...document.querySelectorAll('[data-fact]')].map((f) => [f.dataset.fact, f.querySelector('dd').textContent]));
    })()`);
    expect(facts).toMatchObject({
      panel_fact_auth: 'Bearer',
      panel_jwt_iss: 'https://id.a.test',
      panel_jwt_scope: 'read',
    });
    expect(facts.panel_fact_source).toBe('DevTools (request headers seen)');
    const stored = JSON.stringify(await dumpLogs(worker));
    expect(stored).toContain('/canary?jwt=1');
    expect(stored).not.toContain('SIGNATURE-SECRET-42');
    expect(stored).not.toContain('https://id.a.test'); // claims stay in the panel's memory
  });

  test('a same-origin JSON 401 body gives diagnosis its WordPress code (in memory only)', async ({
    context,
    worker,
    extensionId,
  }) => {
    const [server, origin] = await wordpress('rest_cookie_invalid_nonce');
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${origin}/app`);
      const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
      const rows = `document.querySelectorAll('[data-testid=panel-row] [title$="/wp-json/wp/v2/users/me"]').length`;
      await expect
        .poll(
          async () => {
            await page.evaluate((u) => fetch(u).catch(() => undefined), `${origin}/wp-json/wp/v2/users/me`);
            return panel.evaluate<number>(rows);
          },
          { timeout: 20_000, intervals: [500] },
        )
        .toBeGreaterThan(0);
      const seen = await panel.evaluate<{ code?: string; findings: string[] }>(`(async () => {
        document.querySelector('[data-testid=panel-row] [title$="/wp-json/wp/v2/users/me"]').closest('[role=row]').click();
        for (let i = 0; i < 50 && !document.querySelector('[data-fact=panel_fact_body_code]'); i++)
          await new Promise((r) => setTimeout(r, 100));
        return {
          code: document.querySelector('[data-fact=panel_fact_body_code] dd')?.textContent,
          findings: [...document.querySelectorAll('[data-testid=panel-details] [data-finding-id]')].map((f) => f.dataset.findingId),
        };
      })()`);
      expect(seen.code).toBe('rest_cookie_invalid_nonce');
      expect(seen.findings).toContain('wp-rest-cookie-nonce');
      expect(JSON.stringify(await dumpLogs(worker))).not.toContain('rest_cookie_invalid_nonce');
    } finally {
      server.close();
    }
  });
});
