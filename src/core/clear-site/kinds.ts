// What "clear this site" may clear, what it preselects, and what Undo can bring back.

/** Data kinds the user may clear (browsingData DataTypeSet names, Chromium and Firefox). */
export type ClearKind =
  'cookies' | 'cache' | 'localStorage' | 'indexedDB' | 'cacheStorage' | 'serviceWorkers';

export const CLEAR_KINDS: readonly ClearKind[] = [
  'cookies',
  'cache',
  'localStorage',
  'indexedDB',
  'cacheStorage',
  'serviceWorkers',
];
/** Preselected: what a stale sign-in most often lives in. */
export const DEFAULT_KINDS: readonly ClearKind[] = ['cookies', 'cache'];
/** Only cookies can be put back (cookies.set); no API restores a cache or site storage. */
export const UNDOABLE_KINDS: readonly ClearKind[] = ['cookies'];
