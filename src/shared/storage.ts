// Every storage.session and storage.local key, declared once with its type, and the only place that
// casts what storage returns: call sites read and write through the typed functions below.
// Session writes of the tab logs and capture hosts go through the worker's one queue (background/store.ts).
import { browser } from './browser';
import type { SetCookieNote } from '../core/cookies';
import type { AuthEvent, TabLog } from '../core/record';
import { assembleLog, segmentKey } from '../core/record';

/** storage.session: cleared when the browser quits, kept across worker restarts (INTERNALS.md). */
export interface SessionItems {
  /** A tab's log head (newest events, page loads, segment list); tabId -1 is the background group. */
  [tab: `tab:${number}`]: TabLog;
  /** A sealed segment of a tab's older events (core/record/segments.ts), written once. */
  [segment: `seg:${number}:${number}`]: AuthEvent[];
  /**
   * Hosts that answered 401/407 or failed a fetch in this browser session, oldest first: the worker
   * observes them with its costlier listeners (background/listeners.ts), re-registered at start.
   */
  captureHosts: string[];
  /**
   * A captured event written at once, before its batch (background/journal.ts): a worker stopped
   * before the batch lands loses nothing; the next start puts it in the log. Removed once written.
   */
  [pending: `pending:${string}`]: { event: AuthEvent; cookieUrl: string };
  /**
   * Set-Cookie fields the browser refused or that deleted a cookie, names and verdicts only, for a
   * worker stopped before the site's next 401 (background/set-cookie-watch.ts, its only writer).
   */
  setCookieNotes: SetCookieNote[];
}

/** storage.local: user settings, kept across browser restarts. */
export interface LocalItems {
  /**
   * Also capture 401/407 answered to images, scripts, stylesheets, fonts, media, pings and CSP reports
   * (default false): observing every subresource slows page loads (bench/capture.bench.ts).
   */
  captureAllTypes: boolean;
  /** The UI language: 'auto' (the browser's) or a shipped locale code (src/ui/language.ts checks it). */
  uiLanguage: string;
}

export type SessionKey = keyof SessionItems & string;
export type LocalKey = keyof LocalItems & string;

/** storage.session key of a tab's log. */
export const tabKey = (tabId: number): `tab:${number}` => `tab:${tabId}`;
/** storage.session key of a sealed segment of a tab's log. */
export const segmentKeyOf = segmentKey;
/** Whether a storage.session key is a tab log's. */
export const isTabKey = (key: string): key is `tab:${number}` => /^tab:-?\d+$/.test(key);

export const CAPTURE_HOSTS_KEY = 'captureHosts' satisfies SessionKey;
export const SET_COOKIE_NOTES_KEY = 'setCookieNotes' satisfies SessionKey;
export const CAPTURE_ALL_TYPES_KEY = 'captureAllTypes' satisfies LocalKey;
export const LANGUAGE_KEY = 'uiLanguage' satisfies LocalKey;

/** Reads some session keys; missing ones are absent from the result. */
export async function getSession<K extends SessionKey>(keys: K[]): Promise<Partial<Pick<SessionItems, K>>> {
  return (await browser.storage.session.get(keys)) as Partial<Pick<SessionItems, K>>;
}

/** Reads every session key (the budget check and quota retries need all logs). */
export async function getAllSession(): Promise<Partial<SessionItems>> {
  return (await browser.storage.session.get(null)) as Partial<SessionItems>;
}

/** The session keys with a prefix, without reading their values where the browser can list keys (Chromium 130+). */
export async function sessionKeysWith<P extends string>(prefix: P): Promise<`${P}${string}`[]> {
  const area = browser.storage.session as { getKeys?: () => Promise<string[]> };
  const keys = area.getKeys ? await area.getKeys() : Object.keys(await browser.storage.session.get(null));
  return keys.filter((k): k is `${P}${string}` => k.startsWith(prefix));
}

/** One set of session items (one write, so a reader never sees half of it). */
export function setSession(items: Partial<SessionItems>): Promise<void> {
  return browser.storage.session.set(items);
}

export function removeSession(keys: SessionKey[]): Promise<void> {
  return browser.storage.session.remove(keys);
}

export async function getLocal<K extends LocalKey>(key: K): Promise<LocalItems[K] | undefined> {
  return ((await browser.storage.local.get(key)) as Partial<LocalItems>)[key];
}

export function setLocal(items: Partial<LocalItems>): Promise<void> {
  return browser.storage.local.set(items);
}

type Changes = Record<string, { newValue?: unknown }>;

/**
 * Calls `onChange` with a storage.local setting's new value (undefined when removed). Uses
 * storage.local.onChanged where it exists: storage.onChanged would also deliver every session write
 * (old and new tab log) — measured as most of the cost of a write under burst in the worker.
 */
export function watchLocal<K extends LocalKey>(
  key: K,
  onChange: (value: LocalItems[K] | undefined) => void,
): () => void {
  const pick = (changes: Changes): void => {
    if (key in changes) onChange(changes[key]?.newValue as LocalItems[K] | undefined);
  };
  const local = browser.storage.local as {
    onChanged?: typeof browser.storage.onChanged & {
      addListener(l: (c: Changes) => void): void;
      removeListener(l: (c: Changes) => void): void;
    };
  };
  if (local.onChanged) {
    local.onChanged.addListener(pick);
    return () => local.onChanged?.removeListener(pick);
  }
  const listener = (changes: Changes, area: string): void => {
    if (area === 'local') pick(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const emptyTabLog = (tabId: number): TabLog => ({ tabId, events: [], pages: [], dropped: 0 });

/** Reads one tab's head: its newest events (the popup's first render), with `segments` listing the rest. */
export async function readTabHead(tabId: number): Promise<TabLog> {
  const key = tabKey(tabId);
  return (await getSession([key]))[key] ?? emptyTabLog(tabId);
}

/** The whole log of a head: its segments read in one get (`cache`: segments already read, kept). */
export async function withSegments(head: TabLog, cache = new Map<number, AuthEvent[]>()): Promise<TabLog> {
  const missing = (head.segments ?? [])
    .filter((s) => !cache.has(s.seq))
    .map((s) => segmentKey(head.tabId, s.seq));
  if (missing.length) {
    const got = await getSession(missing);
    for (const key of missing) {
      const events = got[key];
      if (events) cache.set(Number(key.slice(key.lastIndexOf(':') + 1)), events);
    }
  }
  return assembleLog(head, (seq) => cache.get(seq));
}

/** Reads one tab's whole log; an empty log when nothing was captured. */
export async function readTabLog(tabId: number): Promise<TabLog> {
  return withSegments(await readTabHead(tabId));
}

/**
 * Calls `onChange` with the tab's whole log whenever the worker writes it. Segments are written once
 * (or patched right after sealing): each is read once and kept. Returns the unsubscribe.
 */
export function watchTabLog(tabId: number, onChange: (log: TabLog) => void): () => void {
  const key = tabKey(tabId);
  const prefix = `seg:${tabId}:`;
  const cache = new Map<number, AuthEvent[]>();
  let head: TabLog | undefined;
  let chain = Promise.resolve();
  const listener = (changes: Changes, area: string): void => {
    if (area !== 'session') return;
    let touched = false;
    for (const [name, change] of Object.entries(changes))
      if (name.startsWith(prefix)) {
        const seq = Number(name.slice(prefix.length));
        if (change.newValue) cache.set(seq, change.newValue as AuthEvent[]);
        else cache.delete(seq);
        touched = true;
      }
    if (key in changes) head = (changes[key]?.newValue as TabLog | undefined) ?? emptyTabLog(tabId);
    else if (!touched || !head) return;
    const next = head;
    // In order: a slow segment read must not let an older state overwrite a newer one.
    chain = chain.then(() => withSegments(next, cache).then(onChange, () => undefined));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
