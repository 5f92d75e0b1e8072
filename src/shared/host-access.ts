// Host access: webRequest reports a request only for hosts the extension may access. The manifest asks
// for <all_urls>, but Firefox lets the user withdraw it at any time (extensions panel; Firefox before
// 127 did not even grant it at install) and Chromium's "site access: on click" does the same: capture
// then stops without any error. Popup, panel and badge ask this module and say so.
import { browser } from './browser';

const ALL_SITES = { origins: ['<all_urls>'] };

/** Whether the extension may observe requests to every site. A failing check counts as granted. */
export async function hasHostAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains(ALL_SITES);
  } catch {
    return true;
  }
}

/**
 * Asks the user to allow every site again. Browsers accept this only during a user gesture: call it
 * directly from the click handler, before any await.
 */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request(ALL_SITES);
}

/** Calls `listener` whenever a permission is granted or withdrawn; returns the unsubscribe. */
export function onHostAccessChange(listener: () => void): () => void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}
