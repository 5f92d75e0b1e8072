// What "clear this site" keeps in storage.session, shared by the worker and the popup. The cookie
// snapshot (with values, for Undo) lives under its own key, one key per site, is read only by the
// worker, expires after ten minutes (an alarm of the same name) and is never exported; the state key
// the popup watches carries no cookie value.
import type { SavedCookie } from '../core/clear-site';
import type { RecheckOutcome } from '../core/clear-site';
import type { ClearKind } from '../core/clear-site';
import type { Text } from '../core/text';
import type { SessionItems } from './storage';

/** How long Undo stays possible after a clear. */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** Prefix of every Undo snapshot key: the sweep finds them all by it (no separate index to keep). */
export const SNAPSHOT_PREFIX = 'clearSnapshot:';
/** storage.session key of a site's Undo snapshot (cookie values: worker only, never exported); also
 * the name of the alarm that wipes it. */
export const snapshotKey = (site: string): SnapshotKey => `${SNAPSHOT_PREFIX}${site}`;
/** Prefix of every clear-state key. */
export const STATE_PREFIX = 'clearState:';
/** storage.session key of a site's clear state, watched by the popup (no values). */
export const stateKey = (site: string): StateKey => `${STATE_PREFIX}${site}`;
/** Whether a storage.session key is a clear state's. */
export const isStateKey = (key: string): key is StateKey => key.startsWith(STATE_PREFIX);
/** Whether a storage.session key is an Undo snapshot's. */
export const isSnapshotKey = (key: string): key is SnapshotKey => key.startsWith(SNAPSHOT_PREFIX);
/**
 * storage.session key (tests only): a shorter Undo window in ms, honoured only by an unpacked
 * (development) install and only to shorten the window, so it can never keep cookie values longer.
 */
export const UNDO_WINDOW_TEST_KEY = 'test:undoWindowMs';

/**
 * One storage.session item under a computed clear-site key, typed by the key (an object literal with
 * a computed template-literal key widens to a plain string index, which the typed map refuses).
 */
export const sessionItem = <K extends SnapshotKey | StateKey>(
  key: K,
  value: SessionItems[K],
): Record<K, SessionItems[K]> => ({ [key]: value }) as Record<K, SessionItems[K]>;

export type SnapshotKey = `clearSnapshot:${string}`;
export type StateKey = `clearState:${string}`;

// The clear-site keys join the typed storage.session map of ./storage, declared beside their types.
declare module './storage' {
  interface SessionItems {
    [snapshot: SnapshotKey]: ClearSnapshot;
    [state: StateKey]: ClearState;
    clearConfirm: ConfirmRequest;
    'test:undoWindowMs': number;
  }
}
/** storage.session key the keyboard shortcut leaves for the popup: confirm clearing this tab's site. */
export const CONFIRM_KEY = 'clearConfirm' as const;
/** How long a shortcut's confirm request stays valid for a popup opened by it. */
export const CONFIRM_MS = 30_000;

export interface ClearSnapshot {
  site: string;
  expiresAt: number;
  cookies: SavedCookie[];
}

/** A cookie Undo could not put back exactly: which and why (no value). */
export interface RestoreFailure {
  cookie: string;
  reason: Text;
}

export interface ClearState {
  site: string;
  tabId: number;
  phase: 'clearing' | 'reloading' | 'done';
  /** When the phase began (a phase older than a minute is stale: the worker stopped mid-way). */
  since: number;
  kinds: ClearKind[];
  cookieCount: number;
  /** Undo possible until then; absent when no cookie was taken or Undo ran. */
  undoUntil?: number;
  /** Cookies Undo would restore (an earlier clear's snapshot when this one found none). */
  undoCount?: number;
  recheck?: RecheckOutcome;
  undo?: { restored: number; failures: RestoreFailure[] };
  /** Localized only at render time. */
  error?: Text;
}

export interface ConfirmRequest {
  tabId: number;
  at: number;
}
