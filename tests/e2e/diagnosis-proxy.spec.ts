// The 407 rule family end to end with the demo's proxy-407 scenario: Chromium runs with the demo server
// as its HTTP proxy (a plain server's 407 never reaches an extension, platform-notes), the demo answers
// the scenario page with 407 as that proxy, and the popup puts the proxy finding first.
import { test, expect, dumpLogs } from './fixtures';
import { startDemoServer } from '../../demo/server';
import { scenarioById } from '../../demo/scenarios';
import { eventsOf } from '../../demo/summary';
import { PopupPage, cardFor, expandCard, findingIds } from './pages/popup-page';

// The proxy must be listening before Chromium starts with --proxy-server. Proxied requests arrive in
// absolute form and the demo routes them by path, so every other page still works through it.
const server = await startDemoServer({ port: 0 });
const port = new URL(server.origin).port;
test.afterAll(() => server.close());
test.use({
  chromiumFlags: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'],
});

test('proxy-407: the popup shows proxy-credentials first, with the 401/403/407 background', async ({
  context,
  worker,
  ready,
  extensionId,
}) => {
  await ready();
  const scenario = scenarioById('proxy-407')!;
  const page = await context.newPage();
  // No credentials for the proxy: headless fails the navigation, the worker still sees the 407.
  await page.goto(server.urlOf(scenario)).catch(() => undefined);
  const captured = async () =>
    eventsOf(await dumpLogs(worker)).find((e) => e.status === 407 && e.url.endsWith(scenario.path));
  await expect.poll(captured, { timeout: 10_000 }).toBeDefined();
  const event = (await captured())!;
  expect(event.challengeFields).toEqual([{ name: 'proxy-authenticate', value: 'Basic realm="demo-proxy"' }]);
  const popup = await PopupPage.open(context, extensionId, event.tabId);
  const card = cardFor(popup, event.url);
  await expandCard(card);
  const ids = await findingIds(card);
  expect(ids[0]).toBe('proxy-credentials');
  expect(ids).toContain('status-meaning');
  // Site sign-in advice would mislead: the site never saw the request.
  expect(ids).not.toContain('nothing-sent');
});
