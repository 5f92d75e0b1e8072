// Which browser the extension runs in: the one definition every browser-specific sentence, API shape
// and diagnosis wording asks (INTERNALS.md "Browser facts").
import { browser } from './browser';

export type BrowserFamily = 'chromium' | 'firefox';

/** Firefox: `runtime.getBrowserInfo` exists only there (Chromium, Edge, Opera… do not have it). */
export function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

export function browserFamily(): BrowserFamily {
  return isFirefox() ? 'firefox' : 'chromium';
}
