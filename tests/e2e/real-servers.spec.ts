// Real web servers from Debian's packages ask for a password, and the popup names the server and the
// setting behind it: nginx (auth_basic), Apache httpd (.htaccess with AllowOverride AuthConfig, and
// mod_auth_digest), lighttpd (mod_auth, Digest SHA-256) and Caddy (basicauth). Expected text is written
// here by hand from the English catalog.
import { test, expect, dumpLogs } from './fixtures';
import { eventsOf } from '../../demo/summary';
import { PopupPage, cardFor, expandCard, findingIds } from './pages/popup-page';
import { startServer, type RunningServer, type ServerName } from './servers/real-servers';

interface Case {
  server: ServerName;
  path: string;
  challenge: string;
  /** The top finding's title and phrases of its text (detail and steps, the owner's folded ones too). */
  title: string;
  says: string[];
  /** The scheme the challenges section says Chromium answers by itself. */
  chromium: string;
}

const CASES: Case[] = [
  {
    server: 'nginx',
    path: '/staff/',
    challenge: 'Basic realm="Staff only"',
    title: 'Who asked: nginx',
    says: ['auth_basic directive protects this location', 'area "Staff only"', 'auth_basic_user_file'],
    chromium: 'Basic',
  },
  {
    server: 'apache2',
    path: '/members/',
    challenge: 'Basic realm="Members area"',
    title: 'Who asked: Apache httpd',
    says: ['an .htaccess file', 'area "Members area"', 'AllowOverride AuthConfig', 'htpasswd'],
    chromium: 'Basic',
  },
  {
    server: 'apache2',
    path: '/digest/',
    challenge: 'Digest realm="Digest area"',
    title: 'Who asked: Apache httpd',
    says: ['mod_auth_digest', 'area "Digest area"', 'htdigest'],
    chromium: 'Digest',
  },
  {
    server: 'lighttpd',
    path: '/vault/',
    challenge: 'Digest realm="Vault"',
    title: 'Who asked: lighttpd',
    says: ['auth.require rule protects this path', 'area "Vault"', 'auth.backend'],
    chromium: 'Digest',
  },
  {
    server: 'caddy',
    path: '/admin/',
    challenge: 'Basic realm="restricted"',
    title: 'Who asked: Caddy',
    says: ['basic_auth directive (basicauth before Caddy 2.8)', 'area "restricted"', 'caddy hash-password'],
    chromium: 'Basic',
  },
];

const running = new Map<ServerName, RunningServer>();
test.beforeAll(async () => {
  for (const name of new Set(CASES.map((c) => c.server))) running.set(name, await startServer(name));
});
test.afterAll(async () => {
  for (const server of running.values()) await server.stop();
});

for (const c of CASES) {
  test(`${c.server} ${c.path}: the popup names the server and its setting`, async ({
    context,
    worker,
    ready,
    extensionId,
  }) => {
    await ready();
    const url = `${running.get(c.server)!.origin}${c.path}`;
    const page = await context.newPage();
    // Headless Chromium cannot prompt: the navigation fails, the worker still records the 401.
    await page.goto(url).catch(() => undefined);
    const captured = async () =>
      eventsOf(await dumpLogs(worker)).find((e) => e.status === 401 && e.url === url);
    await expect.poll(captured, { timeout: 15_000 }).toBeDefined();
    const event = (await captured())!;
    expect(event.challengeFields[0]?.value.startsWith(c.challenge)).toBe(true);

    const popup = await PopupPage.open(context, extensionId, event.tabId);
    const card = cardFor(popup, url);
    await expandCard(card);
    expect((await findingIds(card))[0]).toBe('server-setting');
    const top = card.getByTestId('finding').first();
    await expect(top.locator('h4')).toContainText(c.title);
    for (const phrase of c.says) await expect(top).toContainText(phrase);
    await expect(card.getByTestId('chromium-pick')).toHaveText(
      `Chromium answers with ${c.chromium} by itself: it prefers Negotiate, then NTLM, Digest, Basic, whatever order the server sent.`,
    );
    await page.close();
  });
}
