// Where the tab's top-level page is: the partition key of CHIPS cookies and the test for a third-party
// (cross-site) context, for a response's cookie facts and its Set-Cookie verdicts.
import { browser } from '../shared/browser';
import { schemefulSite } from '../core/site';

/** The schemeful site of the tab's top-level page, or undefined (not a tab, or a tab that is gone). */
export async function topLevelSiteOf(tabId: number, type: string, url: string): Promise<string | undefined> {
  if (type === 'main_frame') return schemefulSite(url);
  if (tabId < 0) return undefined;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.url ? schemefulSite(tab.url) : undefined;
}
