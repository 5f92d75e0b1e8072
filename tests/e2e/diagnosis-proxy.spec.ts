// The 407 rule family end to end: a real HTTP proxy on loopback asks for its own sign-in (a plain
// server's 407 never reaches an extension, platform-notes), and the popup puts the proxy finding first
// with the 401/403/407 background next to it.
import { test, expect, dumpLogs } from './fixtures';
import { startOrigin, startProxy } from './capture-server';
import { eventsOf } from '../../demo/summary';
import { PopupPage, cardFor, expandCard, findingIds } from './pages/popup-page';

// The proxy must be listening before Chromium starts with --proxy-server.
const proxy = await startProxy();
const server = await startOrigin();
test.afterAll(() => {
  proxy.close();
  server.close();
});
test.use({
  chromiumFlags: [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>'],
});

test('a proxy 407: the popup shows proxy-credentials first and the status background', async ({
  context,
  worker,
  ready,
  extensionId,
}) => {
  await ready();
  const page = await context.newPage();
  await expect(page.goto(`${server.origin}/proxy-auth`)).rejects.toThrow();
  await expect
    .poll(async () => eventsOf(await dumpLogs(worker)).find((e) => e.status === 407 && e.tabId >= 0))
    .toBeDefined();
  const event = eventsOf(await dumpLogs(worker)).find((e) => e.status === 407 && e.tabId >= 0)!;
  const popup = await PopupPage.open(context, extensionId, event.tabId);
  const card = cardFor(popup, event.url);
  await expandCard(card);
  const ids = await findingIds(card);
  expect(ids[0]).toBe('proxy-credentials');
  expect(ids).toContain('status-meaning');
  // Site sign-in advice would mislead: the site never saw the request.
  expect(ids).not.toContain('nothing-sent');
});
