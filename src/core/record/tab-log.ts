// Pure operations on a tab's stored log: append with the per-tab cap, page-load grouping, patches
// from later webRequest events, and the global byte budget. The worker only reads, applies, writes.
import {
  BACKGROUND_TAB,
  requestIdOf,
  type AuthEvent,
  type BrowserAuth,
  type PageLoad,
  type TabLog,
} from './event';
import type { CookieJarFacts } from '../cookies';

/** Events kept per tab; older ones are dropped and counted. */
export const TAB_CAP = 500;
/** Bytes (JSON length) all logs may use: well under storage.session's 10 MB quota. */
export const BYTE_BUDGET = 6_000_000;
/** A page commit this close after a main-frame 401 page to the same URL is that same load. */
const SAME_LOAD_MS = 10_000;

/** Facts that arrive after the response (onCompleted, onErrorOccurred, onAuthRequired). */
export type EventPatch = Partial<Pick<AuthEvent, 'ip' | 'fromCache' | 'error'>> & {
  browserAuth?: BrowserAuth;
  /** The cookie jar read after the 401 (src/background/cookie-facts.ts). */
  cookieJar?: CookieJarFacts;
};

export const emptyLog = (tabId: number): TabLog => ({ tabId, events: [], pages: [], dropped: 0 });

const pageIdForRequest = (requestId: string): string => `req:${requestId}`;

/**
 * Adds a page load; a commit that merely confirms a main-frame 401 page just seen is not a new load.
 * Returns whether the log changed.
 */
export function addPage(log: TabLog, page: PageLoad): boolean {
  const last = log.pages.at(-1);
  if (last && last.id.startsWith('req:') && last.url === page.url && page.time - last.time < SAME_LOAD_MS)
    return false;
  if (last?.id === page.id) return false;
  log.pages.push(page);
  prunePages(log);
  return true;
}

/** The page load an event belongs to: the last one committed at or before it (else the first). */
function pageAt(log: TabLog, event: AuthEvent): PageLoad {
  const last = log.pages.at(-1)!;
  if (event.type === 'main_frame' || last.time <= event.time) return last;
  return [...log.pages].reverse().find((p) => p.time <= event.time) ?? log.pages[0]!;
}

/**
 * Appends an event (grouped under the current page load), then applies the per-tab cap. `startUrl` is
 * the tab's URL, used when the tab's page load was not seen (e.g. the extension started after it).
 */
export function addEvent(log: TabLog, event: AuthEvent, { cap = TAB_CAP, startUrl = '' } = {}): void {
  if (log.events.some((e) => e.id === event.id)) return; // a replayed batch must not duplicate
  if (log.tabId === BACKGROUND_TAB) event.pageId = '';
  else {
    if (event.type === 'main_frame') {
      const id = pageIdForRequest(requestIdOf(event.id));
      addPage(log, { id, url: event.url, time: event.time });
    } else if (log.pages.length === 0) {
      const url = startUrl || event.initiator || event.url;
      log.pages.push({ id: `start:${event.time}`, url, time: event.time });
    }
    event.pageId = pageAt(log, event).id;
  }
  // An event the journal replays after a worker restart can be older than the 401 that woke the
  // worker: it goes in its place by time, so the list reads in the order things happened.
  let at = log.events.length;
  while (at > 0 && log.events[at - 1]!.time > event.time) at--;
  log.events.splice(at, 0, event);
  if (log.events.length > cap) {
    const over = log.events.length - cap;
    log.events.splice(0, over);
    log.dropped += over;
    prunePages(log);
  }
}

/**
 * Puts a fuller record of an event already in the log in its place (same id, same page load).
 * Returns whether it was there; if not (trimmed, or its tab was cleared), the log is left alone.
 */
export function replaceEvent(log: TabLog, event: AuthEvent): boolean {
  let at = log.events.length - 1;
  while (at >= 0 && log.events[at]!.id !== event.id) at--;
  if (at < 0) return false;
  const { pageId, credentials } = log.events[at]!;
  // onAuthRequired's fact and the cookie jar may already have been patched onto the first record.
  const { browserAuth, cookieJar } = credentials;
  log.events[at] = {
    ...event,
    pageId,
    credentials: {
      ...event.credentials,
      ...(browserAuth ? { browserAuth } : {}),
      ...(cookieJar ? { cookieJar } : {}),
    },
  };
  return true;
}

/** Applies late facts to every event of a request; returns whether anything changed. */
export function patchEvents(log: TabLog, requestId: string, patch: EventPatch): boolean {
  let changed = false;
  const prefix = `${requestId}:`;
  for (const event of log.events) {
    if (!event.id.startsWith(prefix)) continue;
    const { browserAuth, cookieJar, ...rest } = patch;
    Object.assign(event, rest);
    if (browserAuth) event.credentials = { ...event.credentials, browserAuth };
    if (cookieJar) event.credentials = { ...event.credentials, cookieJar };
    changed = true;
  }
  return changed;
}

/** Keeps only the page loads that still have events (in the log or its segments), plus the current one. */
export function prunePages(log: TabLog): void {
  const used = new Set(log.events.map((e) => e.pageId));
  for (const segment of log.segments ?? []) for (const page of segment.pages) used.add(page);
  const last = log.pages.at(-1);
  log.pages = log.pages.filter((p) => p === last || used.has(p.id));
}

/** Estimated stored size of a value (storage.session counts roughly its JSON length). */
export const jsonSize = (value: unknown): number => JSON.stringify(value).length;

/**
 * Drops the oldest events across all logs until their total size is at most `target`; counts them
 * in each log's `dropped`. The newest `keep` events of each log always stay (a log is never wiped).
 * Returns the logs that changed.
 */
export function trimToBudget(logs: TabLog[], target: number, keep = 1): TabLog[] {
  const sizes = logs.map((log) => log.events.map(jsonSize));
  let total = logs.reduce((sum, log) => sum + jsonSize(log), 0);
  const cut = logs.map(() => 0);
  while (total > target) {
    let pick = -1;
    for (let i = 0; i < logs.length; i++) {
      const next = logs[i]!.events.length - cut[i]! > keep ? logs[i]!.events[cut[i]!] : undefined;
      if (next && (pick < 0 || next.time < logs[pick]!.events[cut[pick]!]!.time)) pick = i;
    }
    if (pick < 0) break; // nothing left to drop
    total -= (sizes[pick]![cut[pick]!] ?? 0) + 1;
    cut[pick]!++;
  }
  const changed: TabLog[] = [];
  logs.forEach((log, i) => {
    if (!cut[i]) return;
    log.events.splice(0, cut[i]);
    log.dropped += cut[i]!;
    prunePages(log);
    changed.push(log);
  });
  return changed;
}
