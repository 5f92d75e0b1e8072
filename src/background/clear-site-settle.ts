// Worker start-up: what a stopped worker left behind. A clear stopped mid-way leaves its state at
// 'clearing'/'reloading' with nobody to finish it (the run lived in that worker's memory), and an
// Undo snapshot may have missed its alarm (the worker stopped between the write and the alarm).
import { getSession } from '../shared/storage';
import { isStateKey, type ClearState } from '../shared/clear-site';
import { text } from '../core/text';
import { writeState } from './clear-site-run';
import { sessionKeys, sweepSnapshots } from './clear-site-snapshot';

async function states(): Promise<ClearState[]> {
  // Runs at every worker start: list the keys, then read only the clear states.
  const keys = (await sessionKeys()).filter(isStateKey);
  if (!keys.length) return [];
  const got = await getSession(keys);
  return keys.map((k) => got[k]).filter((s): s is ClearState => s !== undefined);
}

/**
 * Settles every clear from before this worker booted as done with an unknown re-check (so the popup
 * does not wait a minute for it), then sweeps the Undo snapshots: past their window they go, the
 * others get their alarm again.
 */
export async function settleInterruptedClears(bootTime: number): Promise<void> {
  const stale = (await states()).filter((s) => s.phase !== 'done' && s.since < bootTime);
  for (const state of stale)
    await writeState({
      ...state,
      phase: 'done',
      since: Date.now(),
      recheck: state.recheck ?? { kind: 'unknown', summary: text('clear_recheck_not_loaded') },
    });
  await sweepSnapshots();
}
