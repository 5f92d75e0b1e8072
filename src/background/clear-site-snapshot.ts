// The Undo snapshot: the one place a cookie value is ever held (README "Privacy"). One storage.session
// key per site, written in the same set as the clear state that announces it, so there is no index
// to fall out of step; an alarm of the same name wipes it when its window ends, whether or not the
// worker was stopped in between (alarms wake it); the worker's start-up and the settling of an
// interrupted clear sweep every key with the prefix, for an alarm that was never created.
import { browser } from '../shared/browser';
import { getAllSession, getSession, removeSession, setSession } from '../shared/storage';
import {
  isSnapshotKey,
  sessionItem,
  SNAPSHOT_PREFIX,
  snapshotKey,
  stateKey,
  UNDO_WINDOW_MS,
  UNDO_WINDOW_TEST_KEY,
  type ClearSnapshot,
  type ClearState,
} from '../shared/clear-site';

/**
 * The Undo window. An unpacked (development) install may shorten it through UNDO_WINDOW_TEST_KEY so
 * end-to-end tests need not wait ten minutes; the value can only shorten the window (never keep a
 * copy longer) and storage.session is writable only by this extension's own pages and worker.
 */
export async function undoWindowMs(): Promise<number> {
  const wanted = (await getSession([UNDO_WINDOW_TEST_KEY]))[UNDO_WINDOW_TEST_KEY];
  if (typeof wanted !== 'number' || !(wanted > 0) || wanted >= UNDO_WINDOW_MS) return UNDO_WINDOW_MS;
  const self = await browser.management.getSelf().catch(() => undefined);
  return self?.installType === 'development' ? wanted : UNDO_WINDOW_MS;
}

/** Stores the snapshot and the state that announces it in one write, then sets its alarm. */
export async function writeSnapshot(snapshot: ClearSnapshot, state: ClearState): Promise<void> {
  await setSession({
    ...sessionItem(snapshotKey(snapshot.site), snapshot),
    ...sessionItem(stateKey(state.site), state),
  });
  // The alarm's name is the key. A worker stopped before this line leaves no alarm: the start-up
  // sweep (sweepSnapshots) finds the key by its prefix and sets it again.
  await browser.alarms.create(snapshotKey(snapshot.site), { when: snapshot.expiresAt });
}

/** Wipes a site's snapshot now (Undo ran, the window ended, the removal failed). */
export async function forgetSnapshot(site: string): Promise<void> {
  await removeSession([snapshotKey(site)]);
  await browser.alarms.clear(snapshotKey(site)).catch(() => false);
}

/** The site's snapshot while its Undo window lasts; an expired one is wiped on the spot. */
export async function readSnapshot(site: string, now = Date.now()): Promise<ClearSnapshot | undefined> {
  const key = snapshotKey(site);
  const snapshot = (await getSession([key]))[key];
  if (!snapshot) return undefined;
  if (snapshot.expiresAt > now) return snapshot;
  await forgetSnapshot(site);
  return undefined;
}

/**
 * alarms.onAlarm (registered at top level): the window of a snapshot ended. A snapshot whose window
 * was renewed by a later clear gets its alarm again instead of being wiped early.
 */
export async function onSnapshotAlarm(alarm: { name: string }): Promise<void> {
  if (!alarm.name.startsWith(SNAPSHOT_PREFIX)) return;
  const snapshot = await readSnapshot(alarm.name.slice(SNAPSHOT_PREFIX.length));
  if (snapshot) await browser.alarms.create(alarm.name, { when: snapshot.expiresAt });
}

/** Every key of storage.session: getKeys (Chromium 130+) lists them without reading every tab log. */
export async function sessionKeys(): Promise<string[]> {
  const area = browser.storage.session as { getKeys?: () => Promise<string[]> };
  return area.getKeys ? area.getKeys() : Object.keys(await getAllSession());
}

/** Wipes every snapshot past its window and makes sure each other one has its alarm. */
export async function sweepSnapshots(now = Date.now()): Promise<void> {
  for (const key of (await sessionKeys()).filter(isSnapshotKey)) {
    const snapshot = await readSnapshot(key.slice(SNAPSHOT_PREFIX.length), now);
    if (snapshot) await browser.alarms.create(key, { when: snapshot.expiresAt });
  }
}
