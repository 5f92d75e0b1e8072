// A 407 from a real HTTP proxy on loopback (a plain server's 407 is rejected by Chromium before any
// extension sees it, platform-notes) is captured with its Proxy-Authenticate field.
import { test, expect, dumpLogs } from './fixtures';
import { startOrigin, startProxy } from './capture-server';

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

test('a proxy 407 is captured with Proxy-Authenticate and the browser scheme marked as proxy', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await expect(page.goto(`${server.origin}/proxy-auth`)).rejects.toThrow();
  await expect
    .poll(async () => {
      const events = Object.values(await dumpLogs(worker)).flatMap((log) => log?.events ?? []);
      return events.find((e) => e.status === 407);
    })
    .toMatchObject({
      status: 407,
      type: 'main_frame',
      challengeFields: [{ name: 'proxy-authenticate', value: 'Basic realm="corp-proxy"' }],
      credentials: { browserAuth: { scheme: 'basic', realm: 'corp-proxy', isProxy: true } },
    });
  const events = Object.values(await dumpLogs(worker)).flatMap((log) => log?.events ?? []);
  const event = events.find((e) => e.status === 407);
  expect(event?.parse.challenges[0]?.scheme.toLowerCase()).toBe('basic');
  // The proxy answered itself: the origin never saw the request.
  expect(server.log.some((r) => r.url.includes('proxy-auth'))).toBe(false);
});
