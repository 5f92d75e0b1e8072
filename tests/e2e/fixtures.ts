// Playwright fixtures: a real Chromium with the built extension (dist/) loaded, its service worker,
// and a helper that waits until the worker's listeners are live (platform-notes: start-up race).
import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type Worker,
  type Page,
} from '@playwright/test';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from '../../demo/chromium';
import type { TabLog } from '../../src/core/record';

export const DIST = resolve(import.meta.dirname, '../../dist');
/** Fixed by the manifest's "key". */
export const EXTENSION_ID = 'ehdianhopkklolnfjocgbpmfgdneljai';

export interface ExtensionFixtures {
  /** Extra Chromium flags for this test file (e.g. a proxy): `test.use({ chromiumFlags: [...] })`. */
  chromiumFlags: string[];
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** An http server on loopback that answers /canary with a Bearer 401 (used to wait for the worker). */
  canaryOrigin: string;
  /** Waits until the worker captures 401s, then empties its store so the test starts clean. */
  ready: () => Promise<void>;
  /**
   * Waits until every write the worker queued so far has landed: a distinct canary 401 from a
   * throw-away tab is stored after them (the worker writes in order), then that tab is closed.
   */
  drain: () => Promise<void>;
}

/**
 * Reads every tab log the worker holds in storage.session, whole: a log's older events live in
 * sealed segments (`seg:<tab>:<seq>`, src/core/record/segments.ts), put back in front of the head's.
 * Other keys are returned as they are.
 */
export async function dumpLogs(worker: Worker): Promise<Record<string, TabLog>> {
  const all = (await worker.evaluate('chrome.storage.session.get(null)')) as Record<string, unknown>;
  const out: Record<string, TabLog> = {};
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith('seg:')) continue;
    const head = value as TabLog;
    if (!key.startsWith('tab:') || !head.segments?.length) {
      out[key] = head;
      continue;
    }
    const older = head.segments.flatMap((s) => (all[`seg:${head.tabId}:${s.seq}`] as TabLog['events']) ?? []);
    const { segments: _segments, ...rest } = head;
    out[key] = { ...rest, events: [...older, ...head.events] };
  }
  return out;
}

/** Resolves with the tab id of a page, asked of the worker by URL. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(
    `chrome.tabs.query({}).then(ts => (ts.find(t => t.url === ${JSON.stringify(url)}) || {}).id ?? -2)`,
  );
  return id as number;
}

function startCanary(): Promise<Server> {
  const server = createServer((req, res) => {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="canary"', 'Access-Control-Allow-Origin': '*' });
    res.end('canary');
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export const test = base.extend<ExtensionFixtures>({
  chromiumFlags: [[], { option: true }],
  context: async ({ chromiumFlags }, use) => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
    if (!existsSync(join(DIST, 'manifest.json')))
      throw new Error('dist/ is missing: run `npm run build` first.');
    const profile = mkdtempSync(join(tmpdir(), 'i401-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumArgs(DIST, chromiumFlags),
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  canaryOrigin: async ({}, use) => {
    const server = await startCanary();
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.close();
  },
  ready: async ({ context, worker, canaryOrigin }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`${canaryOrigin}/blank`).catch(() => undefined);
      await expect
        .poll(
          async () => {
            await page.evaluate((u) => fetch(u).catch(() => undefined), `${canaryOrigin}/canary`);
            const logs = await dumpLogs(worker);
            return Object.values(logs).some((l) => Array.isArray(l?.events) && l.events.length > 0);
          },
          { timeout: 15_000, intervals: [200] },
        )
        .toBe(true);
      // Earlier canaries may still be in their write batch. The worker writes batches in order, so once
      // a last, distinct canary is stored every earlier one is too: then one clear leaves nothing behind.
      const marker = `${canaryOrigin}/canary?last=${Date.now()}`;
      await page.evaluate((u) => fetch(u).catch(() => undefined), marker);
      await expect
        .poll(async () => JSON.stringify(await dumpLogs(worker)).includes('last='), { timeout: 10_000 })
        .toBe(true);
      await page.close();
      await worker.evaluate('chrome.storage.session.clear()');
    });
  },
  drain: async ({ context, worker, canaryOrigin }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`${canaryOrigin}/blank`).catch(() => undefined);
      const marker = `${canaryOrigin}/canary?drain=${Date.now()}`;
      await page.evaluate((u) => fetch(u).catch(() => undefined), marker);
      await expect
        .poll(async () => JSON.stringify(await dumpLogs(worker)).includes(marker), { timeout: 10_000 })
        .toBe(true);
      await page.close();
    });
  },
});

export { expect };
