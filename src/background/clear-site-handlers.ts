// The messages of "clear this site" (src/shared/messages.ts). Errors go back as message keys
// (KeyedError), translated by the UI. The only memory state is the in-flight guard, which exists
// while a clear runs: a double click must clear once.
import { KeyedError, keyedError, type Handlers } from '../shared/messages';
import { scopeProblemText, type ClearKind } from '../core/clear-site';
import { runClear } from './clear-site-run';
import { gatherScope, siteOfUrl } from './clear-site-scope';
import { restoreSnapshot } from './clear-site-undo';

const inFlight = new Set<string>();

/** Holds the site's guard while `work` runs (and, for a clear, until its reload is judged). */
async function guarded<T>(site: string, work: () => Promise<{ value: T; done?: Promise<unknown> }>) {
  if (inFlight.has(site)) throw keyedError('clear_error_in_progress', site);
  inFlight.add(site);
  let pending: Promise<unknown> | undefined;
  try {
    const { value, done } = await work();
    pending = done;
    return value;
  } finally {
    // Released as soon as the answer goes back, unless a reload is still being judged.
    if (pending) void pending.catch(() => undefined).finally(() => inFlight.delete(site));
    else inFlight.delete(site);
  }
}

const isKinds = (kinds: unknown): kinds is ClearKind[] => Array.isArray(kinds);

export const clearSiteHandlers: Pick<
  Handlers,
  'getClearScope' | 'getClearSites' | 'clearSite' | 'undoClear'
> = {
  getClearScope: async ({ url, tabId }) => {
    const site = siteOfUrl(String(url));
    if ('problem' in site) return site;
    const found = await gatherScope(site, tabId);
    // The preview gets the counts, never the cookies themselves (their values stay in the worker).
    return 'problem' in found ? found : { scope: found.scope };
  },
  getClearSites: ({ urls }) =>
    Promise.resolve(
      (Array.isArray(urls) ? urls : []).map((url) => {
        const site = siteOfUrl(String(url));
        return 'problem' in site ? { problem: site.problem } : { site: site.bounds.site };
      }),
    ),
  clearSite: ({ tabId, url, kinds, reload }) => {
    if (!Number.isInteger(tabId) || tabId < -1)
      return Promise.reject(keyedError('clear_error_invalid_tab', String(tabId)));
    if (typeof url !== 'string') return Promise.reject(keyedError('clear_error_invalid_url', String(url)));
    if (!isKinds(kinds)) return Promise.reject(keyedError('clear_error_nothing_chosen'));
    const site = siteOfUrl(url);
    if ('problem' in site) return Promise.reject(new KeyedError(scopeProblemText(site.problem, site.host)));
    // Checked before any await: a second click while the first clear runs must not snapshot the
    // already-emptied jar.
    return guarded(site.bounds.site, async () => {
      const { state, done } = await runClear(site, tabId, kinds, reload !== false);
      return { value: state, ...(done ? { done } : {}) };
    });
  },
  undoClear: ({ site }) =>
    guarded(String(site), async () => ({
      value: await restoreSnapshot(String(site)),
      done: Promise.resolve(),
    })),
};
