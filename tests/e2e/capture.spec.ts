// The worker captures real 401s from a real local server into storage.session, per tab, and keeps
// them through navigations and worker restarts, without ever storing a credential value.
import type { Page, Worker } from '@playwright/test';
import { test, expect, dumpLogs, tabIdOf } from './fixtures';
import { startHostileOrigin, startOrigin, type TestOrigin } from './capture-server';
import type { AuthEvent } from '../../src/core/record';

let server: TestOrigin;
test.beforeEach(async () => {
  server = await startOrigin();
});
test.afterEach(() => server.close());

async function allEvents(worker: Worker): Promise<AuthEvent[]> {
  return Object.values(await dumpLogs(worker)).flatMap((log) => log?.events ?? []);
}

/** Waits until an event for `path` is stored, and returns it. */
async function waitForEvent(worker: Worker, path: string, count = 1): Promise<AuthEvent[]> {
  let found: AuthEvent[] = [];
  await expect
    .poll(
      async () => {
        found = (await allEvents(worker)).filter((e) => new URL(e.url).pathname === path);
        return found.length;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

const fetchIn = (page: Page, url: string, headers: Record<string, string> = {}): Promise<unknown> =>
  page.evaluate(
    ([u, h]) => fetch(u as string, { headers: h as Record<string, string> }).then((r) => r.status),
    [url, headers] as const,
  );

const badgeOf = (worker: Worker, tabId: number): Promise<string> =>
  worker.evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`) as Promise<string>;

test('a fetch 401 is stored with its challenge, parse, ip and the page script Authorization scheme', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  expect(
    await fetchIn(page, `${server.origin}/api/bearer`, { Authorization: 'Bearer SECRET-TOKEN-123' }),
  ).toBe(401);
  const [event] = await waitForEvent(worker, '/api/bearer');
  expect(event).toMatchObject({
    status: 401,
    type: 'xmlhttprequest',
    method: 'GET',
    tabId: await tabIdOf(worker, page),
    challengeFields: [{ name: 'www-authenticate', value: 'Bearer realm="api", error="invalid_token"' }],
  });
  expect(event?.parse.challenges[0]?.scheme.toLowerCase()).toBe('bearer');
  // Verified here: Authorization set by page script IS visible to onSendHeaders.
  expect(event?.credentials).toMatchObject({ requestHeaders: 'seen', authorizationScheme: 'Bearer' });
  await expect.poll(async () => (await waitForEvent(worker, '/api/bearer'))[0]?.ip).toBe('127.0.0.1');
});

test('two WWW-Authenticate fields are kept in their order', async ({ context, worker, ready }) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  await fetchIn(page, `${server.origin}/api/two`);
  const [event] = await waitForEvent(worker, '/api/two');
  expect(event?.challengeFields.map((f) => f.value)).toEqual(['Bearer realm="one"', 'Newauth realm="two"']);
  expect(event?.parse.challenges.map((c) => c.scheme.toLowerCase())).toEqual(['bearer', 'newauth']);
});

test('main-frame and iframe Basic 401s are captured with what the browser would answer', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const first = await context.newPage();
  // platform-notes: headless has no prompt, so the navigation fails with ERR_INVALID_AUTH_CREDENTIALS.
  await expect(first.goto(`${server.origin}/basic`)).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
  const [main] = await waitForEvent(worker, '/basic');
  expect(main).toMatchObject({ type: 'main_frame', frameId: 0, status: 401 });
  expect(main?.challengeFields).toEqual([{ name: 'www-authenticate', value: 'Basic realm="intranet"' }]);
  await expect
    .poll(async () => (await waitForEvent(worker, '/basic'))[0]?.credentials.browserAuth)
    .toEqual({ scheme: 'basic', realm: 'intranet', isProxy: false, challenger: new URL(server.origin).host });

  const second = await context.newPage();
  // An iframe meeting Basic never fires load: wait for the record, not the frame.
  await second.goto(`${server.origin}/frame`, { waitUntil: 'commit' });
  const events = await waitForEvent(worker, '/basic', 2);
  const frame = events.find((e) => e.type === 'sub_frame');
  expect(frame).toMatchObject({ status: 401, tabId: await tabIdOf(worker, second) });
  expect(frame?.frameId).toBeGreaterThan(0);
});

test('the badge shows the number of events stored for the tab', async ({ context, worker, ready }) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  const tabId = await tabIdOf(worker, page);
  for (let i = 0; i < 3; i++) await fetchIn(page, `${server.origin}/api/bearer?n=${i}`);
  await waitForEvent(worker, '/api/bearer', 3);
  await expect.poll(() => badgeOf(worker, tabId)).toBe('3');
  const log = (await dumpLogs(worker))[`tab:${tabId}`];
  expect(log?.events).toHaveLength(3);
});

test('stopping the worker before its batch is written loses nothing; the next 401 is captured', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  const tabId = await tabIdOf(worker, page);
  await worker.evaluate('globalThis.bootMark = 1');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');

  // An event is journaled at once; a second one right after the first waits for the next batch slot
  // (up to 150 ms, store.ts): stop the worker in between — seen as journaled and not yet in the log.
  let stoppedAt = -1;
  for (let attempt = 0; attempt < 5 && stoppedAt < 0; attempt++) {
    await fetchIn(page, `${server.origin}/api/bearer?lead=${attempt}`);
    await fetchIn(page, `${server.origin}/api/bearer?before=${attempt}`);
    const state = (await worker.evaluate(`chrome.storage.session.get(null).then((all) => [
      Object.keys(all).some((k) => k.startsWith('pending:')),
      JSON.stringify(all['tab:${tabId}'] ?? {}).includes('before=${attempt}'),
    ])`)) as [boolean, boolean];
    if (state[0] && !state[1]) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      stoppedAt = attempt;
    }
  }
  expect(stoppedAt).toBeGreaterThanOrEqual(0);

  // The next 401 wakes the worker; the journaled event reaches the log too.
  await fetchIn(page, `${server.origin}/api/bearer?after`);
  // Every 401 is there, and the journaled one stands before the newer one that woke the worker. The
  // replay and the new 401 are written in either order (the replay starts with the worker): wait for both.
  const order = async () => (await waitForEvent(worker, '/api/bearer', 2)).map((e) => new URL(e.url).search);
  await expect.poll(order).toContain('?after');
  await expect.poll(order).toContain(`?before=${stoppedAt}`);
  const listed = await order();
  expect(listed.indexOf(`?before=${stoppedAt}`)).toBeLessThan(listed.indexOf('?after'));
  // The handle now talks to a restarted worker: the mark set before the stop is gone.
  expect(await worker.evaluate('globalThis.bootMark')).toBeUndefined();
  // Nothing left in the journal once written.
  await expect
    .poll(async () => Object.keys(await dumpLogs(worker)).filter((k) => k.startsWith('pending:')))
    .toEqual([]);
});

test('events survive a same-tab navigation, grouped by page load; a closed tab is forgotten', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/one`);
  const tabId = await tabIdOf(worker, page);
  await fetchIn(page, `${server.origin}/api/bearer?page=1`);
  await waitForEvent(worker, '/api/bearer', 1);
  await page.goto(`${server.origin}/two`);
  await fetchIn(page, `${server.origin}/api/bearer?page=2`);
  await waitForEvent(worker, '/api/bearer', 2);

  const log = (await dumpLogs(worker))[`tab:${tabId}`];
  expect(log?.events).toHaveLength(2);
  const [a, b] = log!.events;
  expect(a?.pageId).not.toBe(b?.pageId);
  expect(log?.pages.map((p) => new URL(p.url).pathname)).toEqual(['/one', '/two']);
  await expect.poll(() => badgeOf(worker, tabId)).toBe('2');

  await page.close();
  await expect.poll(async () => `tab:${tabId}` in (await dumpLogs(worker))).toBe(false);
});

test('no credential value is stored and the extension makes no request of its own', async ({
  context,
  worker,
  ready,
}) => {
  const ownRequests: string[] = [];
  context.on('request', (r) => {
    // The worker loading its own chrome-extension:// module is not a network request.
    if (r.url().startsWith('chrome-extension://')) return;
    const fromExtension = r.serviceWorker() !== null || r.frame()?.url().startsWith('chrome-extension://');
    if (fromExtension) ownRequests.push(r.url());
  });
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/set-cookie`);
  await fetchIn(page, `${server.origin}/api/bearer`, { Authorization: 'Bearer SECRET-TOKEN-123' });
  const [event] = await waitForEvent(worker, '/api/bearer');
  expect(event?.credentials.cookieNames).toEqual(['sid']);
  // fetch/XHR is observed with extraHeaders: the Cookie header is seen, and only its presence is kept.
  // (Documents and frames still hide it: capture-headers.spec.ts.)
  expect(event?.credentials.cookieSent).toBe(true);
  await fetchIn(page, `${server.origin}/api/logout`);
  const [logout] = await waitForEvent(worker, '/api/logout');
  // Likewise Set-Cookie on a fetch 401: the name, never the value.
  expect(logout?.response).toMatchObject({ setCookieNames: ['sid'], setCookieCleared: ['sid'] });

  const dump = JSON.stringify([
    await worker.evaluate('chrome.storage.session.get(null)'),
    await worker.evaluate('chrome.storage.local.get(null)'),
  ]);
  expect(dump).toContain('"sid"');
  expect(dump).not.toContain('SECRET-TOKEN-123');
  expect(dump).not.toContain('SECRET-COOKIE-456');

  const fromExtension = server.log.filter((r) =>
    [r.headers.origin, r.headers.referer].some((h) => String(h ?? '').startsWith('chrome-extension://')),
  );
  expect(fromExtension).toEqual([]);
  expect(ownRequests).toEqual([]);
});

test('a full storage.session quota drops the oldest events and keeps capturing', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  const tabId = await tabIdOf(worker, page);
  const fire = (from: number, to: number) =>
    page.evaluate(
      ([a, b, o]) =>
        Promise.all(Array.from({ length: b - a }, (_, i) => fetch(`${o}/api/bearer?i=${a + i}`))),
      [from, to, server.origin] as const,
    );
  await fire(0, 50);
  await waitForEvent(worker, '/api/bearer', 50);
  // Their journal entries (src/background/journal.ts) are removed right after the batch: wait for
  // that, or the filler below is measured against space about to be freed.
  await expect
    .poll(async () => Object.keys(await dumpLogs(worker)).filter((k) => k.startsWith('pending:')))
    .toEqual([]);
  // Another feature's data fills the quota up to ~20 KB: the next events cannot all fit.
  await worker.evaluate(`(async () => {
    const s = chrome.storage.session;
    const free = s.QUOTA_BYTES - (await s.getBytesInUse(null)) - 20000;
    await s.set({ filler: 'x'.repeat(free) });
  })()`);
  await fire(50, 110);
  const key = `tab:${tabId}`;
  await expect
    .poll(async () => {
      const log = (await dumpLogs(worker))[key];
      return (log?.events.length ?? 0) + (log?.dropped ?? 0);
    })
    .toBe(110);
  const log = (await dumpLogs(worker))[key]!;
  expect(log.dropped).toBeGreaterThan(0);
  expect(log.events.length).toBeGreaterThan(0);
  expect(log.events.some((e) => e.url.endsWith('?i=109'))).toBe(true);
  expect((await dumpLogs(worker)).filler).toBeDefined();
});

test('clearTabLog from an extension page empties the tab log and its badge; a bad tab id is refused', async ({
  context,
  worker,
  extensionId,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  const tabId = await tabIdOf(worker, page);
  await fetchIn(page, `${server.origin}/api/bearer?a`);
  await fetchIn(page, `${server.origin}/api/bearer?b`);
  await waitForEvent(worker, '/api/bearer', 2);
  await expect.poll(() => badgeOf(worker, tabId)).toBe('2');

  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
  const send = (payload: unknown) =>
    extensionPage.evaluate(`chrome.runtime.sendMessage({ clearTabLog: ${JSON.stringify(payload)} })`);
  expect(await send({ tabId })).toEqual({ ok: true, value: { cleared: 2 } });
  expect(`tab:${tabId}` in (await dumpLogs(worker))).toBe(false);
  expect(await badgeOf(worker, tabId)).toBe('');
  // Errors travel as message keys: the popup renders them in its own language.
  expect(await send({ tabId: 'x' })).toEqual({
    ok: false,
    error: { key: 'bg_errorInvalidTab', args: ['x'] },
  });
});

test('a hostile 100 KB challenge with control characters is stored capped and flagged', async ({
  context,
  worker,
  ready,
}) => {
  const hostile = await startHostileOrigin();
  try {
    await ready();
    const page = await context.newPage();
    await page.goto(`${server.origin}/app`);
    await page.evaluate((u) => fetch(u).catch(() => undefined), `${hostile.origin}/hostile`);
    const [event] = await waitForEvent(worker, '/hostile');
    const [huge, control] = event!.challengeFields;
    expect(huge).toMatchObject({ name: 'www-authenticate', truncated: true });
    expect(huge?.value.length).toBe(8 * 1024);
    expect(control?.value).toBe('Newauth realm="a\x01b\x7fc\x1b[31m"');
    // The whole stored event stays small although the response carried 100 KB of challenge.
    expect(JSON.stringify(event).length).toBeLessThan(30_000);
  } finally {
    hostile.close();
  }
});

test("a service worker's 401 goes to the background group; a chrome:// page in the tab breaks nothing", async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    registration.active?.postMessage('go');
  });
  await waitForEvent(worker, '/api/bearer');
  const background = (await dumpLogs(worker))['tab:-1'];
  expect(background?.events.map((e) => [e.tabId, e.pageId, new URL(e.url).search])).toEqual([
    [-1, '', '?from=sw'],
  ]);

  const tabId = await tabIdOf(worker, page);
  await fetchIn(page, `${server.origin}/api/bearer?tab`);
  await expect.poll(async () => (await dumpLogs(worker))[`tab:${tabId}`]?.events.length).toBe(1);
  await page.goto('chrome://version');
  await expect.poll(() => badgeOf(worker, tabId)).toBe('1');
  expect((await dumpLogs(worker))[`tab:${tabId}`]?.events).toHaveLength(1);
});

test('image 401s are captured only with the captureAllTypes setting on', async ({
  context,
  worker,
  ready,
}) => {
  await ready();
  const page = await context.newPage();
  await page.goto(`${server.origin}/app`);
  const addImage = (query: string) =>
    page.evaluate(
      (src) =>
        new Promise((done) => {
          const img = document.createElement('img');
          img.onerror = img.onload = done;
          img.src = src;
          document.body.append(img);
        }),
      `${server.origin}/api/bearer?${query}`,
    );
  await addImage('img=off');
  // A later fetch 401 goes through the same write queue: once it is stored, an earlier image would be too.
  await fetchIn(page, `${server.origin}/api/bearer?fetch`);
  await waitForEvent(worker, '/api/bearer', 1);
  expect((await allEvents(worker)).map((e) => e.type)).toEqual(['xmlhttprequest']);

  await worker.evaluate('chrome.storage.local.set({ captureAllTypes: true })');
  await expect
    .poll(async () => {
      await addImage(`img=on-${Date.now()}`);
      return (await allEvents(worker)).filter((e) => e.type === 'image').length;
    })
    .toBeGreaterThan(0);
  const image = (await allEvents(worker)).find((e) => e.type === 'image');
  expect(image?.challengeFields).toEqual([
    { name: 'www-authenticate', value: 'Bearer realm="api", error="invalid_token"' },
  ]);
});
