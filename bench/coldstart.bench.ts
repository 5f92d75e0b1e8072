// bench:coldstart — (e) worker cold start: the extension's service worker is stopped, a page's fetch
// gets a 401, the 401 wakes the worker, and the event lands in its tab's log. Per round: the page's
// clock when the fetch started, the worker's start (performance.timeOrigin), its modules evaluated
// (mark i401-listening, src/background/index.ts) and the batch written (mark i401-written, store.ts).
// Also: what evaluating the public-suffix library (tldts) costs on its own, in Node's V8.
import { chromium, type CDPSession, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from '../demo/chromium';

/** BENCH_DIST: another build to measure (e.g. /tmp/i401-dist-no-psl from bench/vite.no-psl.config.ts). */
const DIST = resolve(process.env.BENCH_DIST ?? resolve(import.meta.dirname, '../dist'));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const GOAL_MS = 50;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Resolves once the extension's worker is reported stopped. */
function stopped(cdp: CDPSession, extensionId: string): Promise<void> {
  return new Promise((ok) => {
    const onVersions = (e: { versions: { scriptURL: string; runningStatus: string }[] }): void => {
      const ours = e.versions.filter((v) => v.scriptURL.includes(extensionId));
      if (ours.length && ours.every((v) => v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', onVersions);
        ok();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onVersions);
  });
}

interface Round {
  /** ms from the fetch's start to: the worker started, its modules evaluated, the event written. */
  start: number;
  listening: number;
  written: number;
}

const TIMES = `(() => [performance.timeOrigin,
  performance.getEntriesByName('i401-listening')[0]?.startTime ?? NaN,
  performance.getEntriesByName('i401-written')[0]?.startTime ?? NaN])()`;

async function round(
  worker: Worker,
  page: import('@playwright/test').Page,
  origin: string,
  n: number,
): Promise<Round> {
  const t0 = (await page.evaluate(
    `(() => { const t = performance.timeOrigin + performance.now(); fetch('${origin}/401?cold=${n}').catch(() => 0); return t; })()`,
  )) as number;
  for (;;) {
    const found = (await worker.evaluate(
      `chrome.storage.session.get(null).then((all) => Object.entries(all).some(([k, v]) => k.startsWith('tab:') && JSON.stringify(v).includes('cold=${n}')))`,
    )) as boolean;
    if (found) break;
  }
  const [origin0, listening, written] = (await worker.evaluate(TIMES)) as number[];
  return { start: origin0! - t0, listening: origin0! + listening! - t0, written: origin0! + written! - t0 };
}

function tldtsEvalMs(): number[] {
  // A fresh Node process per sample: module evaluation is paid once per process, as in a worker start.
  const script = `const t = performance.now(); await import('tldts'); console.log(performance.now() - t)`;
  return Array.from({ length: 7 }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim(),
    ),
  );
}

function nodeImportMs(): number[] {
  const script = `const t = performance.now(); await import('data:text/javascript,export default 1'); console.log(performance.now() - t)`;
  return Array.from({ length: 7 }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim(),
    ),
  );
}

async function main(): Promise<void> {
  console.log(`Build: ${DIST}`);
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/401')) res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="cold"' }).end();
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>cold</title>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'i401-bench-cold-'));
  const extension = join(profile, 'extension');
  cpSync(DIST, extension, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumArgs(extension),
  });
  const rounds: Round[] = [];
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`${origin}/app`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    for (let n = -2; n < RUNS; n++) {
      const down = stopped(cdp, extensionId);
      await cdp.send('ServiceWorker.stopAllWorkers');
      await down;
      const r = await round(worker, page, origin, n + 2);
      if (n >= 0) rounds.push(r); // two warm-up rounds (code cache)
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    server.close();
  }
  const workerJs = readdirSync(join(DIST, 'assets')).filter((f) => f.startsWith('index.ts-'));
  const kb = workerJs.reduce((n, f) => n + statSync(join(DIST, 'assets', f)).size, 0) / 1024;
  const tldts = tldtsEvalMs();
  const baseline = nodeImportMs();
  const m = (f: (r: Round) => number): string => median(rounds.map(f)).toFixed(1);
  console.log(`\n(e) worker cold start, ${RUNS} rounds (worker stopped, a page's fetch gets a 401)`);
  console.log('| Measure | Goal | Median ms |\n|---|---|---|');
  console.log(`| fetch start → worker started | | ${m((r) => r.start)} |`);
  console.log(
    `| fetch start → worker modules evaluated, listeners registering | | ${m((r) => r.listening)} |`,
  );
  console.log(
    `|     of which module evaluation (${kb.toFixed(0)} KB worker bundle) | | ${m((r) => r.listening - r.start)} |`,
  );
  console.log(`| fetch start → event written to its tab's log | ≤ ${GOAL_MS} | ${m((r) => r.written)} |`);
  console.log(
    `| tldts (public-suffix list) import alone, Node V8, fresh process | | ${median(tldts).toFixed(1)} (an empty module: ${median(baseline).toFixed(1)}) |`,
  );
  console.log(`Per round, fetch → written (ms): ${rounds.map((r) => r.written.toFixed(0)).join(', ')}`);
}

await main();
