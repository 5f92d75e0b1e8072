// After a clear: reload the tab and compare what the same URLs answer now (src/core/clear-site/recheck.ts).
// The listeners here are temporary and filtered to the one tab, for the reload only: the log keeps
// only 401/407, so a 200 or 403 on the same URL is seen through webRequest.onCompleted.
import { browser, type WebNavigation, type WebRequest } from '../shared/browser';
import { readTabLog } from '../shared/storage';
import { storedUrl, type AuthEvent } from '../core/record';
import { recheckOutcome, type RecheckOutcome, type SeenStatus } from '../core/clear-site';
import { text } from '../core/text';
import { flush } from './store';

/** Longest wait for the reloaded page to finish. */
const LOAD_LIMIT_MS = 15_000;
/** After load: fetches the page starts on load, and the store's batch (FLUSH_MS), get time to land. */
const SETTLE_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true when the tab's main frame finishes (or fails), false at the time limit or tab close. */
function waitForLoad(tabId: number): { loaded: Promise<boolean>; stop: () => void } {
  let finish: (ok: boolean) => void = () => undefined;
  const loaded = new Promise<boolean>((resolve) => (finish = resolve));
  const onDone = (d: WebNavigation.OnCompletedDetailsType): void => {
    if (d.tabId === tabId && d.frameId === 0) finish(true);
  };
  const onRemoved = (id: number): void => {
    if (id === tabId) finish(false);
  };
  const timer = setTimeout(() => finish(false), LOAD_LIMIT_MS);
  browser.webNavigation.onCompleted.addListener(onDone);
  browser.webNavigation.onErrorOccurred.addListener(onDone);
  browser.tabs.onRemoved.addListener(onRemoved);
  const stop = (): void => {
    clearTimeout(timer);
    browser.webNavigation.onCompleted.removeListener(onDone);
    browser.webNavigation.onErrorOccurred.removeListener(onDone);
    browser.tabs.onRemoved.removeListener(onRemoved);
  };
  return { loaded, stop };
}

/**
 * Reloads the tab and judges the URLs that failed before (`before`, the site's events). A tab closed
 * on the way gives an "unknown" outcome, never an error.
 */
export async function reloadAndRecheck(tabId: number, before: AuthEvent[]): Promise<RecheckOutcome> {
  const statuses: SeenStatus[] = [];
  const urls = new Set(before.map((e) => e.url));
  const onCompleted = (d: WebRequest.OnCompletedDetailsType): void => {
    // Events hold URLs as stored (masked); compare the reload's URLs in the same form.
    const url = storedUrl(d.url);
    if (d.type === 'main_frame' || urls.has(url)) statuses.push({ url, status: d.statusCode });
  };
  browser.webRequest.onCompleted.addListener(onCompleted, { urls: ['<all_urls>'], tabId });
  const wait = waitForLoad(tabId);
  const started = Date.now();
  try {
    try {
      await browser.tabs.reload(tabId);
    } catch {
      return { kind: 'unknown', summary: text('clear_recheck_tab_closed') };
    }
    const loaded = await wait.loaded;
    await sleep(SETTLE_MS);
    await flush();
    const after = (await readTabLog(tabId)).events.filter((e) => e.time >= started);
    // A tab closed mid-load ends its navigation with onErrorOccurred (frameId 0), which also resolves
    // `loaded`: ask whether the tab still exists whatever the wait said, or a half-seen reload is judged.
    if (!(await browser.tabs.get(tabId).catch(() => null)))
      return { kind: 'unknown', summary: text('clear_recheck_tab_closed') };
    return recheckOutcome({ before, after, statuses, loaded });
  } finally {
    wait.stop();
    browser.webRequest.onCompleted.removeListener(onCompleted);
  }
}
