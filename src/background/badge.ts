// The toolbar badge shows how many events the tab's log holds (the popup lists exactly those).
// Chromium wipes a per-tab badge when a page commits, so the store re-applies it after commits.
import { browser } from '../shared/browser';
import { isFirefox } from '../shared/platform';

const BADGE_RED = '#d93025';

/** Sets the global badge colour once per worker start. */
export function initBadge(): void {
  browser.action.setBadgeBackgroundColor({ color: BADGE_RED }).catch(() => undefined);
}

/**
 * Shows `count` on the tab's badge ('' for none), and says it in the tooltip for screen readers.
 * A closed tab makes the calls fail: ignore it.
 */
export async function showCount(tabId: number, count: number): Promise<void> {
  if (tabId < 0) return;
  // No count: null drops the tab's own text, so the global one shows (a '!' while host access is off).
  const text = count === 0 ? null : count > 999 ? '999+' : String(count);
  // Firefox resets a tab's own title with null (Chromium's setTitle takes strings only).
  const title = count
    ? browser.i18n.getMessage('bg_badgeTitle', [String(count)])
    : isFirefox()
      ? (null as unknown as string)
      : browser.i18n.getMessage('actionTitle');
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed between the event and the flush (tabs.onRemoved removes its log).
  }
}
