// The DevTools panel reads each 401's body (memory only) and names who wrote the page: a real Tomcat
// (Debian's tomcat10 + tomcat10-admin), a real Apache httpd behind a real nginx whose Server header
// hides it, and a cross-origin API's JSON body. Expected text is written here by hand from the English
// catalog.
import { test, expect, dumpLogs } from './fixtures';
import { DevtoolsPanel } from './pages/panel-page';
import { startServer, type RunningServer } from './servers/real-servers';
import { startTomcat, type RunningTomcat } from './servers/tomcat-server';
import type { Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

test.use({ chromiumFlags: ['--auto-open-devtools-for-tabs'] });

let tomcat: RunningTomcat;
let apache: RunningServer;
let nginx: RunningServer;
let sso: RunningServer;
test.beforeAll(async () => {
  // A JVM on a busy 2-core machine: Tomcat took up to 17 s to answer here (README "Real servers").
  test.setTimeout(120_000);
  tomcat = await startTomcat();
  apache = await startServer('apache2');
  sso = await startServer('nginx');
  nginx = await startServer('nginx', { config: 'nginx-front.conf', vars: { UPSTREAM: String(apache.port) } });
});
test.afterAll(async () => {
  await tomcat?.stop();
  await nginx?.stop();
  await sso?.stop();
  await apache?.stop();
});

/**
 * Answers every sign-in prompt of the page with Cancel, as a person does who has no password: the
 * browser then shows the server's own 401 page (headless Chromium has no prompt and would fail the
 * load with ERR_INVALID_AUTH_CREDENTIALS before reading the body). Requests are only let through.
 */
async function cancelPrompts(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Fetch.requestPaused', (e: { requestId: string }) => {
    void cdp.send('Fetch.continueRequest', { requestId: e.requestId }).catch(() => undefined);
  });
  cdp.on('Fetch.authRequired', (e: { requestId: string }) => {
    const authChallengeResponse = { response: 'CancelAuth' as const };
    void cdp
      .send('Fetch.continueWithAuth', { requestId: e.requestId, authChallengeResponse })
      .catch(() => undefined);
  });
  await cdp.send('Fetch.enable', {
    handleAuthRequests: true,
    patterns: [{ urlPattern: 'http://127.0.0.1:*' }],
  });
}

// Spring Boot's default error JSON (tests/fixtures/response-bodies.ts, springBoot).
const SPRING_BODY =
  '{"timestamp":"2026-12-03T10:15:30.123+00:00","status":401,"error":"Unauthorized","path":"/api/orders"}';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Shown {
  ids: string[];
  title: string;
  text: string;
}

/**
 * Loads `url` in the inspected page until the panel lists it (the worker may still be starting), opens
 * its row and waits for the server finding (the top one, or folded below it) to say `title` (the body
 * arrives after the entry). A load DevTools finished before the panel listened has a row but no body:
 * then the page is loaded again (the panel shows the current page's events, so the row is the new one).
 */
async function panelFinding(page: Page, panel: DevtoolsPanel, url: string, title: string): Promise<Shown> {
  const rowSel = `[data-testid=panel-row] [title=${JSON.stringify(url)}]`;
  const read = `(() => {
    const details = document.querySelector('[data-testid=panel-details]');
    const f = details?.querySelector('[data-finding-id=server-setting]');
    return {
      ids: [...(details?.querySelectorAll('[data-finding-id]') ?? [])].map((e) => e.dataset.findingId),
      title: f?.querySelector('h4, summary')?.textContent ?? '',
      text: f?.textContent ?? '',
    };
  })()`;
  let shown: Shown = { ids: [], title: '', text: '' };
  await expect(async () => {
    await expect
      .poll(
        async () => {
          // The prompt is cancelled (cancelPrompts): the page shows the server's 401 page.
          await page.goto(url).catch(() => undefined);
          return panel.evaluate<boolean>(`document.querySelector(${JSON.stringify(rowSel)}) !== null`);
        },
        { timeout: 30_000, intervals: [1000] },
      )
      .toBe(true);
    await panel.evaluate(`document.querySelector(${JSON.stringify(rowSel)}).closest('[role=row]').click()`);
    await expect
      .poll(async () => (shown = await panel.evaluate<Shown>(read)).title, { timeout: 10_000 })
      .toContain(title);
  }).toPass({ timeout: 60_000 });
  return shown;
}

test('Tomcat Manager: the panel names Tomcat from its own page and the role to add', async ({
  context,
  worker,
  extensionId,
}) => {
  const page = context.pages()[0] ?? (await context.newPage());
  const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
  await cancelPrompts(page);
  const shown = await panelFinding(page, panel, `${tomcat.origin}/manager/html`, 'Who asked: Apache Tomcat');
  expect(shown.ids[0]).toBe('server-setting');
  for (const phrase of [
    `Apache Tomcat's Manager app asked (conf/tomcat-users.xml … rolename="manager-gui")`,
    'only users with the role manager-gui',
    "This is the sign-in of Tomcat's Manager app",
    'in conf/tomcat-users.xml add <role rolename="manager-gui"/>',
  ])
    expect(shown.text).toContain(phrase);
  // The body was read in the panel only: nothing of it reached storage.
  expect(JSON.stringify(await dumpLogs(worker))).not.toContain('tomcat-users.xml');
});

test("a webapp's BASIC <login-config>: Tomcat named by its error page's footer", async ({
  context,
  extensionId,
}) => {
  const page = context.pages()[0] ?? (await context.newPage());
  const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
  await cancelPrompts(page);
  const shown = await panelFinding(page, panel, `${tomcat.origin}/app/`, 'Who asked: Apache Tomcat');
  // Debian's tomcat10 is 10.1.x; its footer says "Apache Tomcat/10.1.<n> (Debian)".
  expect(shown.text).toMatch(/Apache Tomcat asked \(<h3>Apache Tomcat\/10\.1\.\d+ \(Debian\)<\/h3>\)/);
  for (const phrase of [
    'area "Authentication required"',
    'WEB-INF/web.xml <security-constraint> and <login-config>',
  ])
    expect(shown.text).toContain(phrase);
});

test('Apache behind nginx with server_tokens off: the Server header says nginx, the page names Apache', async ({
  context,
  worker,
  extensionId,
}) => {
  const page = context.pages()[0] ?? (await context.newPage());
  const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
  await cancelPrompts(page);
  const url = `${nginx.origin}/signed/`;
  const shown = await panelFinding(page, panel, url, 'Who asked: Apache httpd');
  expect(shown.text).toMatch(
    /Apache httpd asked \(<address>Apache\/2\.4\.\d+ \(Debian\) Server at …<\/address>\)/,
  );
  for (const phrase of ['area "Signed area"', 'AuthUserFile']) expect(shown.text).toContain(phrase);
  // What the capture alone stored says nginx: only the Server header, which nginx wrote.
  const stored = JSON.stringify(await dumpLogs(worker));
  expect(stored).toContain('"server":"nginx"');
  expect(stored).not.toContain('Apache/2.4');
});

test('nginx auth_request: no challenge, and only its own page shows nginx answered itself', async ({
  context,
  extensionId,
}) => {
  const page = context.pages()[0] ?? (await context.newPage());
  const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
  const shown = await panelFinding(page, panel, `${sso.origin}/sso/`, 'Who asked: nginx');
  expect(shown.text).toMatch(/nginx answered the 401 itself \(<center>nginx\/1\.\d+\.\d+<\/center>\)/);
  expect(shown.text).toContain('look for auth_request in the location for this path');
});

test("a cross-origin API's Spring Boot 401 body: read too, named 'probably', never stored", async ({
  context,
  worker,
  extensionId,
}) => {
  // The page and its API on two loopback ports: two origins, as an app and its API usually are.
  const api = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate');
    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' });
    res.end(SPRING_BODY);
  });
  const site = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>app</title>');
  });
  const [apiOrigin, siteOrigin] = await Promise.all([listen(api), listen(site)]);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${siteOrigin}/app`);
    const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
    const url = `${apiOrigin}/api/orders`;
    const rowSel = `[data-testid=panel-row] [title=${JSON.stringify(url)}]`;
    // The worker may still be starting (platform-notes): fetch until the record reaches the panel.
    await expect
      .poll(
        async () => {
          await page.evaluate((u) => fetch(u).catch(() => undefined), url);
          return panel.evaluate<boolean>(`document.querySelector(${JSON.stringify(rowSel)}) !== null`);
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toBe(true);
    await panel.evaluate(`document.querySelector(${JSON.stringify(rowSel)}).closest('[role=row]').click()`);
    await panel.waitForSelector('[data-fact=panel_fact_body_server]', 15_000);
    const fact = await panel.evaluate<string>(
      `document.querySelector('[data-fact=panel_fact_body_server] dd').textContent`,
    );
    expect(fact).toBe('probably Spring Boot ({"timestamp", "status": 401, "error", "path"})');
    const ids = await panel.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid=panel-details] [data-finding-id]')].map((f) => f.dataset.findingId)`,
    );
    expect(ids).toContain('served-by');
    expect(JSON.stringify(await dumpLogs(worker))).not.toContain('/api/orders","timestamp');
    expect(JSON.stringify(await dumpLogs(worker))).not.toContain('spring-boot');
  } finally {
    api.close();
    site.close();
  }
});
