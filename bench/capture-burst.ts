// bench:capture (b): a page fires 2,000 Bearer 401 fetches as fast as the local server answers; every
// one must end up stored or counted as dropped (per-tab cap 500) in the worker's storage.session.
import type { Worker } from '@playwright/test';
import type { Config } from './capture.bench';

const BURST = 2000;

/** Fires the burst page in the config's page (kept open: a closed tab's events are removed). */
async function fireBurst(config: Config, origin: string): Promise<[number, number]> {
  await config.page.goto(`${origin}/burst?n=${BURST}`);
  return (await config.page.evaluate('window.__burst')) as [number, number];
}

/** Counts stored and dropped events over all tab logs of a worker (heads and their sealed segments). */
async function accounted(worker: Worker): Promise<{ stored: number; dropped: number }> {
  const logs = (await worker.evaluate('chrome.storage.session.get(null)')) as Record<
    string,
    { events?: unknown[]; dropped?: number; segments?: { count: number }[] }
  >;
  const tabLogs = Object.values(logs).filter((l) => Array.isArray(l?.events));
  const count = (l: (typeof tabLogs)[number]): number =>
    (l.events?.length ?? 0) + (l.segments ?? []).reduce((n, s) => n + s.count, 0);
  return {
    stored: tabLogs.reduce((n, l) => n + count(l), 0),
    dropped: tabLogs.reduce((n, l) => n + (l.dropped ?? 0), 0),
  };
}

export async function burst(configs: Config[], origin: string): Promise<void> {
  console.log(`\n(b) burst of ${BURST} Bearer 401 fetches, 64 in flight`);
  console.log('  config                           answered   failed   accounted   stored  dropped   rate');
  for (const config of configs) {
    await config.worker?.evaluate('chrome.storage.session.clear()');
    const start = Date.now();
    const [answeredMs, failed] = await fireBurst(config, origin);
    let counts = { stored: 0, dropped: 0 };
    if (config.worker)
      while (Date.now() - start < 60_000) {
        counts = await accounted(config.worker);
        if (counts.stored + counts.dropped >= BURST) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    const elapsed = Date.now() - start;
    const total = counts.stored + counts.dropped;
    const cells = config.worker
      ? [`${elapsed} ms`.padStart(12), String(counts.stored).padStart(9), String(counts.dropped).padStart(9)]
      : ['-'.padStart(12), '-'.padStart(9), '-'.padStart(9)];
    const rate = ((config.worker ? total : BURST) / (elapsed / 1000)).toFixed(0);
    console.log(
      `  ${config.name.padEnd(30)} ${`${answeredMs.toFixed(0)} ms`.padStart(10)} ${String(failed).padStart(8)}${cells.join('')}   ${rate}/s`,
    );
    if (config.name.startsWith('401 Inspector') && total !== BURST) process.exitCode = 1;
  }
}
