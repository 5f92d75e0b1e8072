// The panel inside a real DevTools window (--auto-open-devtools-for-tabs): registered by the devtools
// page, shown through DevTools' front end, reading what the network panel saw (memory only).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, dumpLogs } from './fixtures';
import { DevtoolsPanel } from './pages/panel-page';

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
    const rowCount = `document.querySelectorAll('[data-testid=panel-row] [title$="/canary?case=claims"]').length`;
    // The worker may still be starting (platform-notes): send until its record reaches the panel.
    await expect
      .poll(
        async () => {
          await page.evaluate(
            ([u, token]) =>
              fetch(u!, { headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined),
            [`${canaryOrigin}/canary?case=claims`, jwt],
          );
          return panel.evaluate<number>(rowCount);
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toBeGreaterThan(0);
    await panel.evaluate(`[...document.querySelectorAll('[data-testid=panel-row] [title$="/canary?case=claims"]')]
      .at(-1).closest('[data-testid=panel-row]').click()`);
    await panel.waitForSelector('[data-fact=panel_jwt_iss]');
    const facts = await panel.evaluate<Record<string, string>>(`(() => {
      return Object.fromEntries([...document.querySelectorAll('[data-fact]')].map((f) => [f.dataset.fact, f.querySelector('dd').textContent]));
    })()`);
    expect(facts).toMatchObject({
      panel_fact_auth: 'Bearer',
      panel_jwt_iss: 'https://id.a.test',
      panel_jwt_scope: 'read',
    });
    expect(facts.panel_fact_source).toBe('DevTools (request headers seen)');
    const stored = JSON.stringify(await dumpLogs(worker));
    expect(stored).toContain('/canary?case=claims');
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
      await panel.evaluate(
        `document.querySelector('[data-testid=panel-row] [title$="/wp-json/wp/v2/users/me"]').closest('[role=row]').click()`,
      );
      // The body arrives through getContent() after the entry itself: allow it up to 15 s under load.
      await panel.waitForSelector('[data-fact=panel_fact_body_code]', 15_000);
      const seen = await panel.evaluate<{ code?: string; findings: string[] }>(`(() => {
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
