// Nothing secret is stored or exported (README "Privacy"): real 401s whose URLs, redirect hops,
// response headers, request headers, bodies and cookies carry distinctive values; then everything the
// extension keeps (storage.session, storage.local) and every output (the popup's Copy report, the
// panel's HAR / cURL / report files) is read back and searched for them. (The Undo copy of "Clear this
// site" is the one documented exception and is not made here.)
import { readFileSync } from 'node:fs';
import { test, expect, dumpLogs, tabIdOf } from './fixtures';
import { PLANTED, startSecretsOrigin } from './secrets-server';
import { PopupPage } from './pages/popup-page';
import { PanelPage } from './pages/panel-page';

const leaks = (text: string): string[] =>
  Object.entries(PLANTED)
    .filter(([, value]) => text.includes(value))
    .map(([kind]) => kind);

test('no planted secret reaches storage, Copy report or the panel exports', async ({
  context,
  worker,
  extensionId,
  canaryOrigin,
  ready,
}) => {
  test.setTimeout(90_000);
  const server = await startSecretsOrigin();
  try {
    await ready();
    const page = await context.newPage();
    await page.goto(`${server.origin}/login`);
    const tabId = await tabIdOf(worker, page);
    await page.evaluate(
      async ({ p }) => {
        // A chain of two redirects ending in a 401 with secret response headers.
        await fetch('/start').catch(() => undefined);
        // Secrets in the query, the fragment, request headers and a JSON body.
        await fetch(
          `/api/data?page=2&access_token=${p.queryToken}&pwd=${p.queryPwd}&oauth_verifier=${p.queryOauthVerifier}#${p.fragment}`,
          {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${p.bearer}`,
              'X-Api-Key': p.requestApiKey,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify({ user: 'alice', password: p.bodyPassword }),
          },
        ).catch(() => undefined);
        // A password where the scheme word goes.
        await fetch('/api/odd', { headers: { Authorization: `${p.schemeWordPassword} x` } }).catch(
          () => undefined,
        );
      },
      { p: PLANTED },
    );
    await expect.poll(async () => (await dumpLogs(worker))[`tab:${tabId}`]?.events.length ?? 0).toBe(3);
    // A page whose URL holds a session id, then a main-frame 401 with a ticket: page loads are stored too.
    await page.goto(`${server.origin}/home?session_id=${PLANTED.pageSession}#${PLANTED.fragment}`);
    await page.goto(`${server.origin}/doc401?ticket=${PLANTED.docTicket}`).catch(() => undefined);
    await expect.poll(async () => (await dumpLogs(worker))[`tab:${tabId}`]?.events.length ?? 0).toBe(4);

    const session = JSON.stringify(await worker.evaluate('chrome.storage.session.get(null)'));
    const local = JSON.stringify(await worker.evaluate('chrome.storage.local.get(null)'));
    expect(leaks(session), 'storage.session').toEqual([]);
    expect(leaks(local), 'storage.local').toEqual([]);
    // What diagnosis needs is kept: parameter names, scheme words, cookie names.
    expect(session).toContain('/callback?code=***&state=s1');
    expect(session).toContain('access_token=***');
    expect(session).toContain('"authorizationScheme":"Bearer"');
    expect(session).toContain('"authorizationScheme":"(no scheme)"');
    expect(session).toContain('"setCookieNames":["sid"]');

    // The popup's Copy report (whole tab), read from the clipboard through a web page.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: canaryOrigin });
    const reader = await context.newPage();
    await reader.goto(`${canaryOrigin}/reader`).catch(() => undefined);
    await reader.evaluate('navigator.clipboard.writeText("")');
    const popup = await PopupPage.open(context, extensionId, tabId);
    await expect(popup.events).toHaveCount(4);
    await popup.page.getByTestId('copy-tab-report').click();
    await reader.bringToFront();
    let report = '';
    await expect
      .poll(async () => (report = (await reader.evaluate('navigator.clipboard.readText()')) as string))
      .toContain('401 Inspector');
    expect(report).toContain('code=***');
    expect(leaks(report), 'Copy report').toEqual([]);

    // The panel's exports of every shown event, saved as files.
    const panel = await PanelPage.open(context, extensionId, tabId);
    await expect(panel.rows).toHaveCount(4);
    const bar = panel.exportBar('export-shown');
    for (const format of ['har', 'curl', 'report']) {
      await bar.format.selectOption(format);
      const [download] = await Promise.all([panel.page.waitForEvent('download'), bar.save.click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(text.length).toBeGreaterThan(100);
      expect(leaks(text), `panel ${format}`).toEqual([]);
    }
  } finally {
    server.close();
  }
});
