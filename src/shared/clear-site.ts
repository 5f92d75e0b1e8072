// What "clear this site" keeps in storage.session, shared by the worker and the popup. The cookie
// snapshot (with values, for Undo) lives under its own key, one key per site, is read only by the
// worker, expires after ten minutes (an alarm of the same name) and is never exported; the state key
// the popup watches carries no cookie value.
import type { SavedCookie } from '../core/clear-site';
import type { RecheckOutcome } from '../core/clear-site';
import type { ClearKind } from '../core/clear-site';
import type { Text } from '../core/text';

/** How long Undo stays possible after a clear. */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** Prefix of every Undo snapshot key: the sweep finds them all by it (no separate index to keep). */
export const SNAPSHOT_PREFIX = 'clearSnapshot:';
/** storage.session key of a site's Undo snapshot (cookie values: worker only, never exported); also
 * the name of the alarm that wipes it. */
export const snapshotKey = (site: string): string => `${SNAPSHOT_PREFIX}${site}`;
/** Prefix of every clear-state key. */
export const STATE_PREFIX = 'clearState:';
/** storage.session key of a site's clear state, watched by the popup (no values). */
export const stateKey = (site: string): string => `${STATE_PREFIX}${site}`;
/**
 * storage.session key (tests only): a shorter Undo window in ms, honoured only by an unpacked
 * (development) install and only to shorten the window, so it can never keep cookie values longer.
 */
export const UNDO_WINDOW_TEST_KEY = 'test:undoWindowMs';
/** storage.session key the keyboard shortcut leaves for the popup: confirm clearing this tab's site. */
export const CONFIRM_KEY = 'clearConfirm';
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
