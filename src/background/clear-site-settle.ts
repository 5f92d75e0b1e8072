// Worker start-up: what a stopped worker left behind. A clear stopped mid-way leaves its state at
// 'clearing'/'reloading' with nobody to finish it (the run lived in that worker's memory), and an
// Undo snapshot may have missed its alarm (the worker stopped between the write and the alarm).
import { browser } from '../shared/browser';
import { STATE_PREFIX, type ClearState } from '../shared/clear-site';
import { text } from '../core/text';
import { writeState } from './clear-site-run';
import { sweepSnapshots } from './clear-site-snapshot';

async function stateEntries(): Promise<[string, ClearState][]> {
  // Runs at every worker start: read only the state keys where the browser can list keys (Chromium
  // 130+), not the whole session store with every tab log.
  const area = browser.storage.session as { getKeys?: () => Promise<string[]> };
  const keys = area.getKeys ? (await area.getKeys()).filter((k) => k.startsWith(STATE_PREFIX)) : null;
  if (keys?.length === 0) return [];
  const all = await browser.storage.session.get(keys);
  return Object.entries(all).filter((entry): entry is [string, ClearState] =>
    entry[0].startsWith(STATE_PREFIX),
  );
}

/**
 * Settles every clear from before this worker booted as done with an unknown re-check (so the popup
 * does not wait a minute for it), then sweeps the Undo snapshots: past their window they go, the
 * others get their alarm again.
 */
export async function settleInterruptedClears(bootTime: number): Promise<void> {
  const stale = (await stateEntries()).filter(([, s]) => s.phase !== 'done' && s.since < bootTime);
  for (const [, state] of stale)
    await writeState({
      ...state,
      phase: 'done',
      since: Date.now(),
      recheck: state.recheck ?? { kind: 'unknown', summary: text('clear_recheck_not_loaded') },
    });
  await sweepSnapshots();
}
