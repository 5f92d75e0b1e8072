// `npm start`: builds the extension (package.json), starts the demo server and opens it in Chromium with
// the extension loaded. With a display: stays open for you to explore. Without: runs every scenario,
// prints what the extension captured, and exits.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from './chromium';
import { startDemoServer, type DemoServer } from './server';
import { RUN_ALL } from './scenarios';
import { eventsOf, formatTally, tally } from './summary';

const DIST = resolve(import.meta.dirname, '../dist');
const PORT = Number(process.env.DEMO_PORT ?? 4010);
/** Time for iframes and images to finish after "Run all" reports its fetches answered. */
const SETTLE_MS = 3000;

/** Whether the built extension has a DevTools page (the panel lands separately). */
const hasPanel = (): boolean =>
  Boolean(
    (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { devtools_page?: string })
      .devtools_page,
  );
const hasDisplay = (): boolean => Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const dump = (worker: Worker) =>
  worker.evaluate('chrome.storage.session.get(null)') as Promise<Record<string, unknown>>;

/** The fixed port when free (stable URLs for the docs), else any free port. */
async function startServer(): Promise<DemoServer> {
  try {
    return await startDemoServer({ port: PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${PORT} is busy; using a free one.`);
    return startDemoServer({ port: 0 });
  }
}

/**
 * platform-notes: the worker exists before its listeners are live. Fire a canary 401 until the worker
 * has stored it, then empty the store so the summary counts only the demo.
 */
async function waitForCapture(page: Page, worker: Worker, origin: string): Promise<boolean> {
  await page.goto(`${origin}/public/`);
  for (let i = 0; i < 75; i++) {
    await page.evaluate(`fetch('/canary').catch(() => undefined)`);
    await sleep(200);
    if (eventsOf(await dump(worker)).length > 0) {
      // Writes are batched (~150 ms): a later canary may land after the first clear.
      await worker.evaluate('chrome.storage.session.clear()');
      await sleep(400);
      await worker.evaluate('chrome.storage.session.clear()');
      return true;
    }
  }
  return false;
}

async function runHeadless(page: Page, worker: Worker, server: DemoServer): Promise<void> {
  await page.goto(`${server.origin}/`);
  await page.getByTestId('run-all').click();
  await page.waitForSelector('body[data-run-all="done"]', { timeout: 30_000 });
  await sleep(SETTLE_MS);
  const rows = tally(eventsOf(await dump(worker)), RUN_ALL, {
    main: server.origin,
    other: server.otherOrigin,
  });
  console.log(`\nWhat 401 Inspector captured from "Run all" on ${server.origin}/ :\n`);
  console.log(formatTally(rows));
}

function explainHeadful(server: DemoServer, id: string): void {
  console.log(`
401 Inspector demo is open at ${server.origin}/ (second origin ${server.otherOrigin}).
  1. Pin the extension: puzzle-piece icon in the toolbar → pin "401 Inspector".
  2. Click a scenario's Run button (or "Run all"); the badge counts the 401s on the tab.
  3. Click the toolbar icon to see each 401 explained.${hasPanel() ? ' DevTools has a 401 Inspector panel too.' : ''}
  Basic/Digest/Windows scenarios may open a sign-in prompt: cancel it.
  The popup also works as a page: chrome-extension://${id}/src/popup/popup.html
Press Ctrl-C to quit.`);
}

async function launch(executablePath: string, profile: string, headless: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    // We close Chromium ourselves on Ctrl-C (then the profile); Playwright's handler would exit first.
    handleSIGINT: false,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: chromiumArgs(DIST),
  });
}

async function main(): Promise<number> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(NO_CHROMIUM_HELP);
    return 1;
  }
  if (!existsSync(join(DIST, 'manifest.json'))) {
    console.error('dist/ is missing: run `npm run build` first (`npm start` does it for you).');
    return 1;
  }
  const headless = !hasDisplay();
  const server = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'i401-demo-'));
  let context: BrowserContext | undefined;
  try {
    context = await launch(executablePath, profile, headless).catch((error: unknown) => {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const hint = headless
        ? ''
        : ' Is the display usable? Unset DISPLAY/WAYLAND_DISPLAY for the headless run.';
      throw new Error(`Chromium did not start: ${why}.${hint}`);
    });
    const running = session(context, server, headless);
    running.catch(() => undefined); // after Ctrl-C, closing Chromium fails whatever it was doing
    return await Promise.race([running.then(() => 0), interrupted.then(() => 130)]);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await context?.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Ctrl-C, from the moment we start: an early one still closes Chromium and removes the profile. A terminal
 * sends SIGINT to tsx and to us, and tsx relays it: one press arrives twice, so `on`, not `once`; the
 * third signal gives up on cleaning.
 */
let sigints = 0;
const interrupted = new Promise<void>((done) =>
  process.on('SIGINT', () => (++sigints > 2 ? process.exit(130) : done())),
);

async function session(context: BrowserContext, server: DemoServer, headless: boolean): Promise<void> {
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const page = context.pages()[0] ?? (await context.newPage());
  // Images and scripts are opt-in (src/shared/storage.ts CAPTURE_ALL_TYPES_KEY); the demo shows them too.
  await worker.evaluate('chrome.storage.local.set({ captureAllTypes: true })');
  if (!(await waitForCapture(page, worker, server.origin)))
    console.warn('Warning: the extension captured no canary 401 within 15 s; the summary may be empty.');
  if (headless) return runHeadless(page, worker, server);
  await page.goto(`${server.origin}/`);
  explainHeadful(server, new URL(worker.url()).host);
  await new Promise<void>((done) => context.once('close', () => done()));
}

process.exitCode = await main();
