// The Undo copy (the only place cookie values are held) expires on every path, in real Chromium:
// two clears at once each keep their own snapshot, and a worker stopped inside the window is woken by
// the snapshots' alarms, which wipe them when the window ends. The window is shortened to seconds
// through the test key, which only an unpacked install honours and which can only shorten it.
import { UNDO_WINDOW_TEST_KEY } from '../../src/shared/clear-site';
import { expect, tabIdOf, test } from './fixtures';
import { startClearSiteServer, type ClearSiteServer } from './clear-site-server';
import { ClearSitePage } from './pages/clear-site-page';
import { PopupPage } from './pages/popup-page';

let server: ClearSiteServer;
test.beforeEach(async () => {
  server = await startClearSiteServer();
});
test.afterEach(async () => {
  await server.close();
});

const origin = (host: string): string => `http://${host}:${server.port}`;
const WINDOW_MS = 8_000;
const KEYS = ['clearSnapshot:a.test', 'clearSnapshot:b.test'];

interface Snapshot {
  site: string;
  expiresAt: number;
  cookies: unknown[];
}

test('two clears at once keep both snapshots, and alarms wipe both after the window although the worker was stopped', async ({
  context,
  worker,
  ready,
  extensionId,
}) => {
  await ready();
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const [page, host] of [
    [a, 'www.a.test'],
    [b, 'b.test'],
  ] as const) {
    await page.goto(`${origin(host)}/setup`);
    await page.goto(`${origin(host)}/check`);
  }
  const [tabA, tabB] = [await tabIdOf(worker, a), await tabIdOf(worker, b)];
  // An extension page asks and reads storage.session: reading it does not wake the worker.
  const ext = await context.newPage();
  await ext.goto(PopupPage.url(extensionId, tabA));
  await ext.evaluate(`chrome.storage.session.set({ '${UNDO_WINDOW_TEST_KEY}': ${WINDOW_MS} })`);
  const clear = (tabId: number, url: string) => ({
    clearSite: { tabId, url, kinds: ['cookies'], reload: false },
  });
  const replies = (await ext.evaluate(
    `Promise.all(${JSON.stringify([clear(tabA, origin('www.a.test')), clear(tabB, origin('b.test'))])}.map((m) => chrome.runtime.sendMessage(m)))`,
  )) as { ok: boolean; value?: { undoUntil?: number } }[];
  expect(replies.map((r) => r.ok)).toEqual([true, true]);

  const read = () =>
    ext.evaluate(`chrome.storage.session.get(${JSON.stringify(KEYS)})`) as Promise<Record<string, Snapshot>>;
  const stored = await read();
  expect(Object.keys(stored).sort()).toEqual(KEYS);
  expect(stored['clearSnapshot:a.test']!.cookies).toHaveLength(3);
  expect(stored['clearSnapshot:b.test']!.cookies).toHaveLength(3);
  // The window is the test's, and each snapshot's alarm is set for its end.
  for (const [i, key] of KEYS.entries()) {
    const snapshot = stored[key]!;
    expect(snapshot.expiresAt).toBe(replies[i]!.value?.undoUntil);
    expect(snapshot.expiresAt - Date.now()).toBeLessThanOrEqual(WINDOW_MS);
  }
  const alarms = (await worker.evaluate('chrome.alarms.getAll()')) as {
    name: string;
    scheduledTime: number;
  }[];
  expect(alarms.map((x) => [x.name, x.scheduledTime]).sort()).toEqual(
    KEYS.map((k) => [k, stored[k]!.expiresAt]).sort(),
  );

  // The worker stops inside the window; nothing but the alarms may wake it.
  await worker.evaluate('self.beforeStop = true');
  const cdp = await context.newCDPSession(a);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(read, { timeout: WINDOW_MS + 20_000, intervals: [250] }).toEqual({});
  expect(Date.now()).toBeGreaterThanOrEqual(Math.min(...KEYS.map((k) => stored[k]!.expiresAt)));
  expect(await worker.evaluate('chrome.alarms.getAll()')).toEqual([]);
  expect(await worker.evaluate('self.beforeStop ?? false')).toBe(false); // it was a new worker
});

test("a Russian popup shows the worker's errors in Russian (they travel as message keys)", async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  await worker.evaluate(`chrome.storage.local.set({ uiLanguage: 'ru' })`);
  const a = await context.newPage();
  await a.goto(`${origin('www.a.test')}/setup`);
  await a.goto(`${origin('www.a.test')}/app`);
  await expect(a).toHaveTitle('api 401');
  const popup = await PopupPage.open(context, new URL(worker.url()).host, await tabIdOf(worker, a));
  const clear = ClearSitePage.inGroup(popup.page, origin('www.a.test'));
  await clear.open();
  await clear.setReload(false);
  await clear.confirm('done');
  // The window ends while the popup is open; Undo then fails in the worker.
  await worker.evaluate(
    `chrome.storage.session.get('clearSnapshot:a.test').then((got) => chrome.storage.session.set({ 'clearSnapshot:a.test': { ...got['clearSnapshot:a.test'], expiresAt: Date.now() - 1 } }))`,
  );
  await clear.get('clear-undo').click();
  await expect(clear.get('clear-error')).toHaveText(
    'Не удалось удалить: Отменить удаление для a.test уже нельзя: сохранённые файлы cookie удалены через 10 минут.',
  );
});
