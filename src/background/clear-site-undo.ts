// Undo for "clear this site": puts the snapshotted cookies back, exactly or with a reason per cookie,
// then wipes the snapshot (src/background/clear-site-snapshot.ts keeps and expires it).
import { getSession, setSession } from '../shared/storage';
import { keyedError } from '../shared/messages';
import { sessionItem, stateKey, type ClearState, type RestoreFailure } from '../shared/clear-site';
import { cookieLabel, restoreDifferences, toSetDetails, type SavedCookie } from '../core/clear-site';
import { text } from '../core/text';
import { cookieApi } from './clear-site-browser';
import { forgetSnapshot, readSnapshot } from './clear-site-snapshot';

async function restoreOne(cookie: SavedCookie, nowSeconds: number): Promise<RestoreFailure | null> {
  const label = cookieLabel(cookie);
  const planned = toSetDetails(cookie, nowSeconds);
  if ('problem' in planned) return { cookie: label, reason: text(`clear_restore_${planned.problem}`) };
  try {
    const got = await cookieApi.set(planned.details);
    if (!got) return { cookie: label, reason: text('clear_restore_refused', '') };
    const diffs = restoreDifferences(cookie, got);
    return diffs.length ? { cookie: label, reason: text('clear_restore_changed', diffs.join(', ')) } : null;
  } catch (error) {
    return {
      cookie: label,
      reason: text('clear_restore_refused', error instanceof Error ? error.message : ''),
    };
  }
}

/** Restores every snapshotted cookie of the site, then drops the snapshot (values leave storage). */
export async function restoreSnapshot(site: string): Promise<ClearState> {
  const snapshot = await readSnapshot(site);
  if (!snapshot) throw keyedError('clear_error_undo_expired', site);
  const nowSeconds = Date.now() / 1000;
  const results = await Promise.all(snapshot.cookies.map((c) => restoreOne(c, nowSeconds)));
  const failures = results.filter((r): r is RestoreFailure => r !== null);
  await forgetSnapshot(site);
  const key = stateKey(site);
  const previous = (await getSession([key]))[key];
  const { undoUntil: _gone, ...rest } = previous ?? {
    site,
    tabId: -1,
    phase: 'done' as const,
    since: Date.now(),
    kinds: ['cookies' as const],
    cookieCount: snapshot.cookies.length,
  };
  const state: ClearState = { ...rest, undo: { restored: results.length - failures.length, failures } };
  await setSession(sessionItem(key, state));
  return state;
}
