// Page-load grouping and badge upkeep on navigation. A main-frame commit starts a new page load in a
// tab that has a log; Chromium wipes the per-tab badge at commit, so every commit re-applies it.
import type { Tabs, WebNavigation } from '../shared/browser';
import { storedUrl } from '../core/record';
import { enqueue } from './store';

/** webNavigation.onCommitted: main frame only (sub-frame commits are not page loads). */
export function onCommitted(details: WebNavigation.OnCommittedDetailsType): void {
  if (details.frameId !== 0 || details.tabId < 0) return;
  const documentId = (details as { documentId?: string }).documentId;
  const page = {
    id: documentId ?? `nav:${details.timeStamp}`,
    url: storedUrl(details.url),
    time: details.timeStamp,
  };
  enqueue({ kind: 'page', tabId: details.tabId, page });
}

/** tabs.onUpdated: a finished load may have reset the badge (e.g. a history navigation) — re-apply it. */
export function onTabUpdated(tabId: number, change: Tabs.OnUpdatedChangeInfoType): void {
  if (change.status === 'complete') enqueue({ kind: 'badge', tabId });
}

/** tabs.onRemoved: a closed tab's events go with it. */
export function onTabRemoved(tabId: number): void {
  enqueue({ kind: 'remove', tabId }, true);
}
