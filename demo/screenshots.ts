// `npm run screenshots`: runs every demo scenario in Chromium with the built extension, then saves the
// popup and the panel of that tab, light and dark, English and Russian, into demo/screenshots/.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from './chromium';
import { startDemoServer, type DemoServer } from './server';

const DIST = resolve(import.meta.dirname, '../dist');
const OUT = resolve(import.meta.dirname, 'screenshots');
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const session = (worker: Worker) =>
  worker.evaluate('chrome.storage.session.get(null)') as Promise<Record<string, { events?: unknown[] }>>;

/** platform-notes: the worker's listeners go live a little after it starts; fire 401s until one lands. */
async function waitForCapture(page: Page, worker: Worker, origin: string): Promise<void> {
  await page.goto(`${origin}/public/`);
  for (let i = 0; i < 75; i++) {
    await page.evaluate(`fetch('/canary').catch(() => undefined)`);
    await sleep(200);
    if (Object.values(await session(worker)).some((log) => (log.events?.length ?? 0) > 0)) {
      await sleep(400); // writes are batched (~150 ms): clear after the last canary landed
      await worker.evaluate('chrome.storage.session.clear()');
      return;
    }
  }
  throw new Error('The extension captured no canary 401 within 15 s.');
}

/** Runs "Run all" on the demo's front page; resolves with that tab's id. */
async function runAll(page: Page, worker: Worker, server: DemoServer): Promise<number> {
  await page.goto(`${server.origin}/`);
  await page.getByTestId('run-all').click();
  await page.waitForSelector('body[data-run-all="done"]', { timeout: 30_000 });
  await sleep(3000); // iframes and images finish after the fetches
  const url = JSON.stringify(page.url());
  return (await worker.evaluate(
    `chrome.tabs.query({}).then(ts => ts.find(t => t.url === ${url}).id)`,
  )) as number;
}

/** Opens a page that makes no request and resolves with its tab id. */
async function blankTab(context: BrowserContext, worker: Worker): Promise<number> {
  const page = await context.newPage();
  await page.goto('data:text/html,<title>Quiet page</title>');
  const url = JSON.stringify(page.url());
  return (await worker.evaluate(
    `chrome.tabs.query({}).then(ts => ts.find(t => t.url === ${url}).id)`,
  )) as number;
}

interface TabIds {
  /** The tab that ran the demo. */
  demo: number;
  /** A tab that saw no 401. */
  empty: number;
}

interface Shot {
  file: string;
  page: 'popup' | 'panel';
  dark?: boolean;
  ru?: boolean;
  /** Not an error when its control is missing (the clear-site button lands separately). */
  optional?: boolean;
  /** Show a tab with nothing captured. */
  empty?: boolean;
  /** What to open before the picture. */
  prepare?: (page: Page) => Promise<void>;
}

const openFirstCard = async (page: Page) => {
  const toggle = page.getByTestId('event-toggle').first();
  if (!(await toggle.evaluate((d) => (d as HTMLDetailsElement).open)))
    await toggle.locator('summary').first().click();
  await page.locator('details[open] [data-testid="event-details"]').first().waitFor();
};
const openClearSite = async (page: Page) => {
  await page.getByTestId('clear-site-open').first().click({ timeout: 5000 });
  await page.getByTestId('clear-scope').first().waitFor();
};
const openFirstRow = async (page: Page) => {
  await page.getByTestId('panel-row').first().click();
  await page.getByTestId('panel-details').waitFor();
};

const openSettings = async (page: Page) => {
  await page.getByTestId('settings-toggle').click();
  await page.getByTestId('settings').waitFor();
};

const SHOTS: Shot[] = [
  { file: 'popup-empty.png', page: 'popup', empty: true, prepare: openSettings },
  { file: 'popup.png', page: 'popup', prepare: openFirstCard },
  { file: 'popup-dark.png', page: 'popup', dark: true, prepare: openFirstCard },
  { file: 'popup-ru.png', page: 'popup', ru: true, prepare: openFirstCard },
  { file: 'popup-clear-site.png', page: 'popup', optional: true, prepare: openClearSite },
  { file: 'panel.png', page: 'panel', prepare: openFirstRow },
  { file: 'panel-dark.png', page: 'panel', dark: true, prepare: openFirstRow },
];

async function take(context: BrowserContext, worker: Worker, id: string, tabIds: TabIds, shot: Shot) {
  await worker.evaluate(`chrome.storage.local.set({ uiLanguage: '${shot.ru ? 'ru' : 'en'}' })`);
  const page = await context.newPage();
  const popup = shot.page === 'popup';
  await page.setViewportSize(popup ? { width: 480, height: 600 } : { width: 1024, height: 560 });
  await page.emulateMedia({ colorScheme: shot.dark ? 'dark' : 'light' });
  const path = popup ? 'src/popup/popup.html' : 'src/devtools/panel.html';
  await page.goto(`chrome-extension://${id}/${path}?tabId=${shot.empty ? tabIds.empty : tabIds.demo}`);
  await page
    .getByTestId(shot.empty ? 'empty-state' : popup ? 'event' : 'panel-row')
    .first()
    .waitFor();
  await shot.prepare?.(page);
  await sleep(300);
  const file = join(OUT, shot.file);
  await page.screenshot({ path: file });
  console.log(`${shot.file.padEnd(22)} ${(statSync(file).size / 1024).toFixed(0)} KB`);
  await page.close();
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build`.');
  mkdirSync(OUT, { recursive: true });
  const server = await startDemoServer({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'i401-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumArgs(DIST),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The demo shows images and scripts too (the user's opt-in setting).
    await worker.evaluate('chrome.storage.local.set({ captureAllTypes: true })');
    const page = context.pages()[0] ?? (await context.newPage());
    await waitForCapture(page, worker, server.origin);
    const tabIds = { demo: await runAll(page, worker, server), empty: await blankTab(context, worker) };
    const id = new URL(worker.url()).host;
    for (const shot of SHOTS)
      await take(context, worker, id, tabIds, shot).catch((error: unknown) => {
        console.warn(
          `${shot.file}: skipped (${error instanceof Error ? error.message.split('\n')[0] : error})`,
        );
        if (!shot.optional) process.exitCode = 1;
      });
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
