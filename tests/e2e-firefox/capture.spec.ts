// Firefox: real 401s from a real loopback server, as the user sees them in the popup and on the badge;
// the event page suspended and woken loses nothing.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Firefox } from './harness';
import { FxPopup } from './popup';
import { startHostileOrigin, startOrigin, type TestOrigin } from '../e2e/capture-server';

let firefox: Firefox;
let server: TestOrigin;
beforeAll(async () => {
  firefox = await Firefox.launch();
});
afterAll(() => firefox?.close());
beforeEach(async () => {
  server = await startOrigin();
  await firefox.reset();
});
afterEach(() => server.close());

const fetchFrom = (page: import('puppeteer-core').Page, url: string, headers: Record<string, string> = {}) =>
  page.evaluate(
    (u: string, h: Record<string, string>) =>
      fetch(u, { headers: h }).then(
        (r) => r.status,
        () => 0,
      ),
    url,
    headers,
  );

test('a fetch 401 with a Bearer error code: the popup shows the challenge and the invalid_token finding', async () => {
  const { page, tabId } = await firefox.openTab(`${server.origin}/app`);
  expect(await fetchFrom(page, `${server.origin}/api/bearer`, { Authorization: 'Bearer abc.def' })).toBe(401);
  const popup = await FxPopup.open(firefox, tabId);
  const card = await popup.openCard(`${server.origin}/api/bearer`);
  expect(card.ids[0]).toBe('bearer-invalid-token');
  expect(await popup.texts('scheme')).toEqual(['Bearer']);
  expect(await popup.texts('raw-line')).toEqual([
    'WWW-Authenticate: Bearer realm="api", error="invalid_token"',
  ]);
});

test('an XHR 401 is listed like a fetch one', async () => {
  const { page, tabId } = await firefox.openTab(`${server.origin}/app`);
  await page.evaluate(
    (u: string) =>
      new Promise((done) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', u);
        xhr.onloadend = done;
        xhr.send();
      }),
    `${server.origin}/api/bearer?xhr=1`,
  );
  const popup = await FxPopup.open(firefox, tabId);
  const card = await popup.openCard(`${server.origin}/api/bearer?xhr=1`);
  expect(card.ids[0]).toBe('bearer-invalid-token');
  expect(await popup.texts('type')).toEqual(['fetch/XHR']);
});

test('two WWW-Authenticate fields (Firefox joins them with a newline) are shown as two challenges, no parse problem', async () => {
  const { page, tabId } = await firefox.openTab(`${server.origin}/app`);
  await fetchFrom(page, `${server.origin}/api/two`);
  const popup = await FxPopup.open(firefox, tabId);
  await popup.openCard(`${server.origin}/api/two`);
  expect(await popup.texts('scheme')).toEqual(['Bearer', 'Newauth']);
  expect(await popup.texts('raw-line')).toEqual([
    'WWW-Authenticate: Bearer realm="one"',
    'WWW-Authenticate: Newauth realm="two"',
  ]);
  expect(await popup.texts('problem')).toEqual([]);
});

test('an iframe meeting Basic is captured without a prompt hanging the browser', async () => {
  const { tabId } = await firefox.openTab(`${server.origin}/frame`);
  const popup = await FxPopup.open(firefox, tabId);
  await popup.openCard(`${server.origin}/basic`);
  expect(await popup.texts('scheme')).toEqual(['Basic']);
  expect(await popup.texts('type')).toEqual(['frame']);
});

test('the badge counts the events of each tab separately', async () => {
  const one = await firefox.openTab(`${server.origin}/app?tab=1`);
  const two = await firefox.openTab(`${server.origin}/app?tab=2`);
  for (let i = 0; i < 3; i++) await fetchFrom(one.page, `${server.origin}/api/bearer?n=${i}`);
  await fetchFrom(two.page, `${server.origin}/api/bearer?n=9`);
  await expect.poll(() => firefox.badge(one.tabId), { timeout: 10_000 }).toBe('3');
  await expect.poll(() => firefox.badge(two.tabId), { timeout: 10_000 }).toBe('1');
  const popup = await FxPopup.open(firefox, one.tabId);
  await expect.poll(() => popup.eventUrls()).toHaveLength(3);
});

test('the event page suspended and woken again keeps every event and captures the next one', async () => {
  const { page, tabId } = await firefox.openTab(`${server.origin}/app`);
  await fetchFrom(page, `${server.origin}/api/bearer?before`);
  await expect.poll(() => firefox.badge(tabId), { timeout: 10_000 }).toBe('1');
  await firefox.suspendBackground();
  // A webRequest event wakes the suspended event page (its listeners are persistent).
  await fetchFrom(page, `${server.origin}/api/bearer?after`);
  const popup = await FxPopup.open(firefox, tabId);
  await expect
    .poll(() => popup.eventUrls(), { timeout: 10_000 })
    .toEqual([`${server.origin}/api/bearer?after`, `${server.origin}/api/bearer?before`]);
  await expect.poll(() => firefox.badge(tabId), { timeout: 10_000 }).toBe('2');
});

test('a hostile challenge (100 KB, control characters) is shown capped and inert', async () => {
  const hostile = await startHostileOrigin();
  try {
    const { page, tabId } = await firefox.openTab(`${server.origin}/app`);
    await fetchFrom(page, `${hostile.origin}/x`);
    const popup = await FxPopup.open(firefox, tabId);
    await popup.openCard(`${hostile.origin}/x`);
    const lines = await popup.texts('raw-line');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.length).toBeLessThan(9_000);
    expect(await popup.page.$$eval('#app img, #app script', (els) => els.length)).toBe(0);
  } finally {
    hostile.close();
  }
});
