// Firefox lets the user withdraw "Access your data for all websites" at any time: capture stops and
// the popup and panel must say why nothing is listed, badge the icon, and ask again from a click.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Firefox } from './harness';
import { FxPopup } from './popup';
import { startOrigin, type TestOrigin } from '../e2e/capture-server';

let firefox: Firefox;
let server: TestOrigin;
beforeAll(async () => {
  // A permissions.request from a click is granted without the doorhanger (no one to click it here).
  firefox = await Firefox.launch({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});
afterAll(() => firefox?.close());
beforeEach(async () => {
  server = await startOrigin();
  await firefox.reset();
});
afterEach(() => server.close());

const ALL = `{ origins: ['<all_urls>'] }`;
const fetchFrom = (page: import('puppeteer-core').Page, url: string) =>
  page.evaluate(
    (u: string) =>
      fetch(u).then(
        (r) => r.status,
        () => 0,
      ),
    url,
  );

test('with host access the popup shows no warning and the icon no "!"', async () => {
  const { tabId } = await firefox.openTab(`${server.origin}/app`);
  const popup = await FxPopup.open(firefox, tabId);
  await popup.waitForText('empty-state', 'No 401 or 407 responses in this tab yet.');
  expect(await popup.texts('host-access')).toEqual([]);
  expect(await firefox.badge(tabId)).toBe('');
});

test('withdrawn access: popup and panel say capture is off, the icon shows "!", and the button brings capture back', async () => {
  const { page, tabId } = await firefox.openTab(`${server.origin}/app`);
  expect(await firefox.inExtension(`browser.permissions.remove(${ALL})`)).toBe(true);
  await expect.poll(() => firefox.badge(tabId), { timeout: 10_000 }).toBe('!');
  expect(await firefox.inExtension(`browser.action.getTitle({ tabId: ${tabId} })`)).toBe(
    '401 Inspector: access to websites is off, nothing is captured. Open to allow it.',
  );
  // Firefox reports nothing to the extension now: this 401 is not listed.
  expect(await fetchFrom(page, `${server.origin}/api/bearer?unseen`)).toBe(401);

  const panel = await FxPopup.openPanel(firefox, tabId);
  await panel.waitForText('host-access', 'Access to websites is switched off for 401 Inspector');
  const popup = await FxPopup.open(firefox, tabId);
  await popup.waitForText('host-access', 'nothing is captured in any tab until you allow it again');
  expect(await popup.eventUrls()).toEqual([]);

  await popup.click('host-access-allow');
  await expect.poll(() => popup.texts('host-access'), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => panel.texts('host-access'), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => firefox.badge(tabId), { timeout: 10_000 }).toBe('');
  expect(await fetchFrom(page, `${server.origin}/api/bearer?seen`)).toBe(401);
  await expect
    .poll(() => popup.eventUrls(), { timeout: 10_000 })
    .toEqual([`${server.origin}/api/bearer?seen`]);
});
