// Which tab a view shows and what state that tab is in (open, gone, a browser page no extension
// may inspect). The popup picks the tab; the DevTools panel will pass the inspected tab's id.
import { browser } from '../shared/browser';
import { isInspectable } from '../core/pages';
import { BACKGROUND_TAB } from '../core/record';

export type TabStatus =
  | { kind: 'background' }
  | { kind: 'open'; url: string; title: string; inspectable: boolean }
  | { kind: 'gone' };

/**
 * The tab to show: `?tabId=N` when given (tests, the popped-out view), else the active tab of the
 * current window. `null` when `?tabId` is not a tab id or no tab is active.
 */
export async function resolveTabId(params: URLSearchParams): Promise<number | null> {
  const given = params.get('tabId');
  if (given !== null) {
    const id = Number(given);
    return Number.isInteger(id) && id >= BACKGROUND_TAB ? id : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** What the tab is now; a tab that no longer exists is 'gone' (tabs.get rejects). */
export async function describeTab(tabId: number): Promise<TabStatus> {
  if (tabId === BACKGROUND_TAB) return { kind: 'background' };
  try {
    const tab = await browser.tabs.get(tabId);
    const url = tab.url ?? tab.pendingUrl ?? '';
    return { kind: 'open', url, title: tab.title ?? '', inspectable: isInspectable(url) };
  } catch {
    return { kind: 'gone' };
  }
}
