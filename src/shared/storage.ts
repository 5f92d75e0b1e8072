import { browser } from './browser';
import type { TabLog } from '../core/record';

/** storage.session key of a tab's log; tabId -1 is the background-requests group. */
export const tabKey = (tabId: number): string => `tab:${tabId}`;

/** Reads one tab's log; an empty log when nothing was captured. */
export async function readTabLog(tabId: number): Promise<TabLog> {
  const key = tabKey(tabId);
  const got = await browser.storage.session.get(key);
  return (got[key] as TabLog | undefined) ?? { tabId, events: [], pages: [], dropped: 0 };
}

/** Calls `onChange` with the tab's log whenever the worker writes it. Returns the unsubscribe. */
export function watchTabLog(tabId: number, onChange: (log: TabLog) => void): () => void {
  const key = tabKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'session' || !(key in changes)) return;
    const next = changes[key]?.newValue as TabLog | undefined;
    onChange(next ?? { tabId, events: [], pages: [], dropped: 0 });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * storage.local setting (boolean, default false): also capture 401/407 answered to images, scripts,
 * stylesheets, fonts, media, pings and CSP reports. Off by default because observing every subresource
 * slows page loads (bench/capture.bench.ts); the worker reads it at start-up and when it changes.
 */
export const CAPTURE_ALL_TYPES_KEY = 'captureAllTypes';
