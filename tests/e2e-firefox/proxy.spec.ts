// Firefox behind a real HTTP proxy on loopback: the proxy's 407 is listed with its Proxy-Authenticate
// challenge and the proxy diagnosis, and the site itself never saw the request.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Firefox } from './harness';
import { FxPopup } from './popup';
import { startOrigin, startProxy, type TestOrigin } from '../e2e/capture-server';

let firefox: Firefox;
let server: TestOrigin;
let proxy: { port: number; close: () => void };
beforeAll(async () => {
  proxy = await startProxy();
  server = await startOrigin();
  firefox = await Firefox.launch({ proxyPort: proxy.port });
  await firefox.reset();
});
afterAll(async () => {
  await firefox?.close();
  proxy?.close();
  server?.close();
});

test('a proxy 407 on a page load: the popup shows the proxy challenge and the proxy-credentials finding', async () => {
  // The page never loads: Firefox waits for proxy credentials no one types in a headless browser.
  const { tabId } = await firefox.openTab(`${server.origin}/proxy-auth`, false);
  const popup = await FxPopup.open(firefox, tabId);
  const card = await popup.openCard(`${server.origin}/proxy-auth`);
  expect(card.ids[0]).toBe('proxy-credentials');
  expect(await popup.texts('status')).toEqual(['407']);
  expect(await popup.texts('raw-line')).toEqual(['Proxy-Authenticate: Basic realm="corp-proxy"']);
  expect(server.log.some((r) => r.url.includes('proxy-auth'))).toBe(false);
  await expect.poll(() => firefox.badge(tabId), { timeout: 10_000 }).toBe('1');
});
