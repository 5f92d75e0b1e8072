// A real Squid (Debian's squid 5) as Chromium's HTTP proxy answers 407: the popup says the proxy asks,
// not the website, names the proxy by the host:port Chromium reports and Squid by its headers, and
// gives the proxy admin's auth_param / http_access steps. Expected text is written here by hand.
import { test as base, expect, dumpLogs } from './fixtures';
import { eventsOf } from '../../demo/summary';
import { PopupPage, cardFor, expandCard, findingIds } from './pages/popup-page';
import { startServer, type RunningServer } from './servers/real-servers';

// The proxy must listen before Chromium starts with --proxy-server: a worker-scoped fixture starts it
// (not the module's top level, which Playwright also runs while only listing tests). Loopback bypasses
// the proxy by default, so the fixtures' canary still reaches its server; the site goes through Squid.
const test = base.extend<object, { squid: RunningServer }>({
  squid: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const squid = await startServer('squid');
      await use(squid);
      await squid.stop();
    },
    { scope: 'worker' },
  ],
  chromiumFlags: async ({ squid }, use) => use([`--proxy-server=http://127.0.0.1:${squid.port}`]),
});

test('squid 407: the popup names the proxy and sends the visitor to the network admin', async ({
  squid,
  context,
  worker,
  ready,
  extensionId,
}) => {
  await ready();
  const url = 'http://intranet.test/report';
  const page = await context.newPage();
  await page.goto(url).catch(() => undefined);
  const captured = async () =>
    eventsOf(await dumpLogs(worker)).find((e) => e.status === 407 && e.url === url);
  await expect.poll(captured, { timeout: 15_000 }).toBeDefined();
  // onAuthRequired's challenger arrives as a patch after the response: wait for it too.
  await expect
    .poll(async () => (await captured())?.credentials.browserAuth?.challenger)
    .toBe(`127.0.0.1:${squid.port}`);
  const event = (await captured())!;
  expect(event.challengeFields).toEqual([
    { name: 'proxy-authenticate', value: 'Basic realm="Office proxy"' },
  ]);

  const popup = await PopupPage.open(context, extensionId, event.tabId);
  const card = cardFor(popup, url);
  await expandCard(card);
  const ids = await findingIds(card);
  expect(ids[0]).toBe('proxy-credentials');
  expect(ids).not.toContain('server-setting');
  const top = card.getByTestId('finding').first();
  await expect(top).toContainText(`The proxy that asked is 127.0.0.1:${squid.port}`);
  await expect(top).toContainText('intranet.test never saw this request');
  await expect(top).toContainText('The proxy runs Squid (Server: squid/5.7)');
  await expect(top).toContainText(
    `ask your network administrator or IT department about the proxy 127.0.0.1:${squid.port}`,
  );
  await expect(top).toContainText('auth_param');
  await expect(top).toContainText('http_access');
  // The website's administrator is the wrong person for a proxy's question.
  await expect(card).not.toContainText('Ask the administrator of intranet.test');
  await page.close();
});
