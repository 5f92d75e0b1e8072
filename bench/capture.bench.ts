// bench:capture — (a) page-load cost of the worker's listener set against two floors (no extension;
// a control extension with the same permissions and no listener), interleaved, medians of many runs;
// (b) a burst of 2,000 401 fetches: every one must be stored or counted as dropped.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from '../demo/chromium';
import { startBenchServer, SUBRESOURCES } from './capture-server';
import { burst } from './capture-burst';

const DIST = resolve(import.meta.dirname, '../dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const NO_EXTENSION = 'no extension';
const CONTROL = 'control (perms, no listener)';
const DELAYS = [0, 20];
/**
 * BENCH_BASELINE=dir[,dir…] adds other builds (e.g. the tree before a change, built with
 * `npx vite build --outDir /tmp/dist-before`) as more configs, named by folder, measured side by side
 * in the same rounds: the shared machine's drift hits all of them alike.
 */
const BASELINE = process.env.BENCH_BASELINE;
/** BENCH_PART=load or burst runs one half (the default runs both). */
const PART = process.env.BENCH_PART ?? 'all';
/**
 * BENCH_WATCHED=1 makes the page's host a capture host first (one 401), so the page loads meet the
 * costlier per-host listeners too (full fetch/XHR, documents' Set-Cookie), as on a site that asked.
 */
const WATCHED = process.env.BENCH_WATCHED === '1';

export interface Config {
  name: string;
  context: BrowserContext;
  page: Page;
  worker?: Worker;
  profile: string;
}

/** A control extension: the same permissions as ours and an empty worker. */
function controlExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'i401-control-'));
  const ours = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = {
    manifest_version: 3,
    name: 'control',
    version: '1.0',
    permissions: ours.permissions,
    host_permissions: ours.host_permissions,
    background: { service_worker: 'sw.js' },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'sw.js'), '// no listener\n');
  return dir;
}

async function launch(name: string, extension: string | undefined, executablePath: string): Promise<Config> {
  const profile = mkdtempSync(join(tmpdir(), `i401-bench-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumArgs(extension),
  });
  const worker = extension
    ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')))
    : undefined;
  return { name, context, page: await context.newPage(), worker, profile };
}

async function loadOnce(config: Config, origin: string, delay: number, run: string): Promise<number> {
  await config.page.goto(`${origin}/page?d=${delay}&r=${run}`, { waitUntil: 'commit' });
  return (await config.page.evaluate('window.__done')) as number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Median over rounds of a/b within the same round: drift of the shared machine cancels out. */
const pairedRatio = (a: number[], b: number[]): number => median(a.map((x, i) => x / b[i]!));

function printLoadTable(delay: number, times: Map<string, number[]>): void {
  const none = times.get(NO_EXTENSION)!;
  const control = times.get(CONTROL)!;
  console.log(`\n  responses after ${delay} ms`);
  console.log(
    '  config                           median ms  vs none  vs control  paired: vs none  vs control   p25..p75',
  );
  for (const [name, xs] of times) {
    const sorted = [...xs].sort((a, b) => a - b);
    const q = (p: number): string => sorted[Math.floor(p * (sorted.length - 1))]!.toFixed(0);
    const row = [
      name.padEnd(31),
      median(xs).toFixed(0).padStart(10),
      (median(xs) / median(none)).toFixed(3).padStart(9),
      (median(xs) / median(control)).toFixed(3).padStart(12),
      pairedRatio(xs, none).toFixed(3).padStart(17),
      pairedRatio(xs, control).toFixed(3).padStart(12),
      `   ${q(0.25)}..${q(0.75)}`,
    ];
    console.log('  ' + row.join(''));
  }
}

async function pageLoadCost(configs: Config[], origin: string): Promise<void> {
  const total = SUBRESOURCES.images + SUBRESOURCES.scripts + SUBRESOURCES.fetches;
  console.log(`\n(a) page load, ${total} subresources (${JSON.stringify(SUBRESOURCES)}), ${RUNS} rounds`);
  console.log(
    '    each round loads every config once in random order; medians, and medians of per-round ratios',
  );
  for (const delay of DELAYS) {
    const times = new Map(configs.map((c) => [c.name, [] as number[]]));
    for (const c of configs) await loadOnce(c, origin, delay, 'warm'); // warm-up: connections, worker
    for (let run = 0; run < RUNS; run++)
      for (const c of shuffle([...configs]))
        times.get(c.name)!.push(await loadOnce(c, origin, delay, `${run}`));
    printLoadTable(delay, times);
  }
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
  const { origin, server } = await startBenchServer();
  const control = controlExtension();
  const configs = [
    await launch(NO_EXTENSION, undefined, executablePath),
    await launch(CONTROL, control, executablePath),
    await launch('401 Inspector (default)', DIST, executablePath),
    await launch('401 Inspector (captureAllTypes)', DIST, executablePath),
  ];
  await configs[3]!.worker!.evaluate('chrome.storage.local.set({ captureAllTypes: true })');
  for (const dir of BASELINE?.split(',') ?? [])
    configs.push(await launch(`build ${basename(dir)}`.slice(0, 31), resolve(dir), executablePath));
  if (WATCHED)
    for (const c of configs) {
      await c.page.goto(`${origin}/page?d=0&r=watch`, { waitUntil: 'commit' });
      await c.page.evaluate((u) => fetch(u).catch(() => undefined), `${origin}/401?watch`);
    }
  try {
    if (PART !== 'burst') await pageLoadCost(configs, origin);
    if (PART !== 'load')
      await burst(
        configs.filter((c) => !c.name.includes('captureAllTypes')),
        origin,
      );
  } finally {
    for (const c of configs) {
      await c.context.close();
      rmSync(c.profile, { recursive: true, force: true });
    }
    server.close();
    rmSync(control, { recursive: true, force: true });
  }
}

await main();
