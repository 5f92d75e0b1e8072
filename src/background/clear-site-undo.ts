// Undo for "clear this site": puts the snapshotted cookies back, exactly or with a reason per cookie.
// The snapshot expires after UNDO_WINDOW_MS: every read checks the expiry, a timer wipes it while the
// worker lives, and the worker's start-up sweeps what a stopped worker's timer missed (no alarm needed).
import { browser } from '../shared/browser';
import {
  snapshotKey,
  stateKey,
  type ClearSnapshot,
  type ClearState,
  type RestoreFailure,
} from '../shared/clear-site';
import { cookieLabel, restoreDifferences, toSetDetails, type SavedCookie } from '../core/clear-site';
import { text } from '../core/text';
import { cookieApi } from './clear-site-browser';

/** storage.session: site → expiry of its snapshot, so the sweep need not read every stored key. */
const INDEX_KEY = 'clearSnapshotIndex';

async function readIndex(): Promise<Record<string, number>> {
  return ((await browser.storage.session.get(INDEX_KEY))[INDEX_KEY] as Record<string, number>) ?? {};
}

async function forget(site: string): Promise<void> {
  await browser.storage.session.remove(snapshotKey(site));
  const index = await readIndex();
  delete index[site];
  await browser.storage.session.set({ [INDEX_KEY]: index });
}

/** The site's snapshot while its Undo window lasts; an expired one is wiped on the spot. */
export async function readSnapshot(site: string, now = Date.now()): Promise<ClearSnapshot | undefined> {
  const key = snapshotKey(site);
  const snapshot = (await browser.storage.session.get(key))[key] as ClearSnapshot | undefined;
  if (!snapshot) return undefined;
  if (snapshot.expiresAt > now) return snapshot;
  await forget(site);
  return undefined;
}

/** Wipes the snapshot when its window ends (while the worker lives) and records it for the sweep. */
export function scheduleSweep(site: string, expiresAt: number): void {
  void readIndex().then((index) =>
    browser.storage.session.set({ [INDEX_KEY]: { ...index, [site]: expiresAt } }),
  );
  setTimeout(() => void readSnapshot(site), Math.max(0, expiresAt - Date.now()) + 50);
}

/** Worker start-up: wipes every snapshot whose window ended while the worker was stopped. */
export async function sweepSnapshots(now = Date.now()): Promise<void> {
  const index = await readIndex();
  for (const [site, expiresAt] of Object.entries(index)) {
    if (expiresAt <= now) await forget(site);
    else scheduleSweep(site, expiresAt);
  }
}

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
  if (!snapshot) throw new Error(browser.i18n.getMessage('clear_error_undo_expired', [site]));
  const nowSeconds = Date.now() / 1000;
  const results = await Promise.all(snapshot.cookies.map((c) => restoreOne(c, nowSeconds)));
  const failures = results.filter((r): r is RestoreFailure => r !== null);
  await forget(site);
  const key = stateKey(site);
  const previous = (await browser.storage.session.get(key))[key] as ClearState | undefined;
  const { undoUntil: _gone, ...rest } = previous ?? {
    site,
    tabId: -1,
    phase: 'done' as const,
    since: Date.now(),
    kinds: ['cookies' as const],
    cookieCount: snapshot.cookies.length,
  };
  const state: ClearState = { ...rest, undo: { restored: results.length - failures.length, failures } };
  await browser.storage.session.set({ [key]: state });
  return state;
}
