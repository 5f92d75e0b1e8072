// Settings made visible: the popup's "also watch images, scripts and styles" checkbox writes
// storage.local.captureAllTypes, and the worker then captures an image's 401 (it did not before).
// The language menu switches the popup to Russian at once and is remembered.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, dumpLogs, tabIdOf } from './fixtures';
import { PanelPage } from './pages/panel-page';
import { PopupPage } from './pages/popup-page';

/** A page with a 401 image and a 401 fetch (the fetch proves capture is live when the image is not seen). */
function startServer(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<title>img</title><img src="/avatar.png?n=${Date.now()}" alt="">
        <script>fetch('/api/me?n=' + Date.now())</script>`);
      return;
    }
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="settings-test"' });
    res.end();
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const origin = (s: Server): string => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

test('the capture checkbox writes storage.local and an image 401 is captured only after it', async ({
  context,
  worker,
  extensionId,
  ready,
}) => {
  await ready();
  const server = await startServer();
  const site = await context.newPage();
  const urlsOf = async (tabId: number): Promise<string[]> =>
    ((await dumpLogs(worker))[`tab:${tabId}`]?.events ?? []).map((e) => new URL(e.url).pathname);
  try {
    await site.goto(`${origin(server)}/`);
    const tabId = await tabIdOf(worker, site);
    await expect.poll(() => urlsOf(tabId)).toContain('/api/me');
    expect(await urlsOf(tabId)).not.toContain('/avatar.png');

    const popup = await PopupPage.open(context, extensionId, tabId);
    await popup.page.getByTestId('settings-toggle').click();
    const box = popup.page.getByTestId('capture-all-types');
    await expect(box).not.toBeChecked();
    await box.check();
    await expect
      .poll(() => worker.evaluate('chrome.storage.local.get("captureAllTypes")'))
      .toEqual({ captureAllTypes: true });

    await site.reload();
    await expect.poll(() => urlsOf(tabId)).toContain('/avatar.png');
    await expect(popup.page.getByTestId('event-url').filter({ hasText: 'avatar.png' })).not.toHaveCount(0);
  } finally {
    server.close();
  }
});

test('the language menu shows Russian at once, sets <html lang> and is remembered', async ({
  context,
  extensionId,
}) => {
  const popup = await PopupPage.open(context, extensionId, 'nope');
  await expect(popup.notice('no-tab')).toContainText('No tab to show');
  await popup.page.getByTestId('settings-toggle').click();
  await popup.page.getByTestId('language').selectOption('ru');
  await expect(popup.notice('no-tab')).toContainText('Нет вкладки для показа');
  await expect(popup.page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(popup.page.getByTestId('settings-toggle')).toHaveAttribute('aria-label', 'Настройки');

  const again = await PopupPage.open(context, extensionId, 'nope');
  await expect(again.notice('no-tab')).toContainText('Нет вкладки для показа');
  await again.page.getByTestId('settings-toggle').click();
  await again.page.getByTestId('language').selectOption('auto');
  await expect(again.notice('no-tab')).toContainText('No tab to show');
  await expect(again.page.locator('html')).toHaveAttribute('lang', /^en/);
});

test('the panel offers the same settings in its header, and an open popup follows its language', async ({
  context,
  extensionId,
}) => {
  const popup = await PopupPage.open(context, extensionId, 'nope');
  const panel = await PanelPage.open(context, extensionId, 'nope');
  await expect(panel.page.getByTestId('capture-all-types')).not.toBeChecked();
  await panel.page.getByTestId('language').selectOption('ru');
  await expect(panel.page.getByTestId('filter-text')).toHaveAttribute('aria-label', 'Фильтр по тексту');
  await expect(popup.notice('no-tab')).toContainText('Нет вкладки для показа');
});
