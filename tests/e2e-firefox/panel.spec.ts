// Firefox: the DevTools "401" panel opened as a page for a tab (panel.html?tabId=N, as the Chromium
// suite does), its facts as Firefox knows them, and the language switch in popup and panel.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Firefox } from './harness';
import { FxPopup } from './popup';
import { startOrigin, type TestOrigin } from '../e2e/capture-server';

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

/** The details pane's facts as shown: label key → text. */
const facts = (panel: FxPopup) =>
  panel.page.$$eval('[data-fact]', (els) =>
    Object.fromEntries(
      els.map((e) => [e.getAttribute('data-fact') ?? '', e.querySelector('dd')?.textContent ?? '']),
    ),
  );

test("the panel lists the tab's 401s and shows what Firefox let it see about a framed Basic sign-in", async () => {
  const { page, tabId } = await firefox.openTab(`${server.origin}/frame`);
  await page.evaluate(
    (u: string) =>
      fetch(u).then(
        () => 0,
        () => 0,
      ),
    `${server.origin}/api/bearer`,
  );
  const panel = await FxPopup.openPanel(firefox, tabId);
  const urls = () =>
    panel.page.$$eval('[data-testid="row-url"]', (els) => els.map((e) => e.getAttribute('title')));
  await expect
    .poll(urls, { timeout: 10_000 })
    .toEqual(expect.arrayContaining([`${server.origin}/basic`, `${server.origin}/api/bearer`]));
  await panel.page.evaluate((u: string) => {
    const cell = [...document.querySelectorAll('[data-testid="row-url"]')].find(
      (e) => e.getAttribute('title') === u,
    );
    (cell?.closest('[data-testid="panel-row"]') as HTMLElement | null)?.click();
  }, `${server.origin}/basic`);
  await expect
    .poll(() => facts(panel), { timeout: 10_000 })
    .toMatchObject({
      // Firefox shows a frame's request headers: nothing went out, as a fact.
      panel_fact_auth: 'none',
      panel_fact_cookie_sent: 'no',
      panel_fact_browser_auth: 'unknown (Firefox does not tell extensions which sign-in it answers with)',
    });
});

test('the language menu switches the popup to Russian at once and the panel follows', async () => {
  const { tabId } = await firefox.openTab(`${server.origin}/app`);
  const popup = await FxPopup.open(firefox, tabId);
  await popup.waitForText('empty-state', 'No 401 or 407 responses in this tab yet.');
  await popup.click('settings-toggle');
  await popup.page.waitForSelector('[data-testid="language"]');
  await popup.page.select('[data-testid="language"]', 'ru');
  await popup.waitForText('empty-state', 'В этой вкладке пока нет ответов 401 или 407.');
  expect(await popup.page.evaluate('document.documentElement.lang')).toBe('ru');
  const panel = await FxPopup.openPanel(firefox, tabId);
  await panel.waitForText('empty-state', 'В этой вкладке пока нет ответов 401 или 407.');
  await popup.page.select('[data-testid="language"]', 'auto');
  await popup.waitForText('empty-state', 'No 401 or 407 responses in this tab yet.');
  await panel.waitForText('empty-state', 'No 401 or 407 responses in this tab yet.');
});
