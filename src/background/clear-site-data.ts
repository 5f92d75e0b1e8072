// Issue 5: "clear this site" — scope, cookie snapshot for Undo, removal, reload and re-check.
// State lives in storage.session (src/shared/clear-site.ts); the only memory state is the in-flight
// guard, which exists while a clear runs (a double click must clear once).
import { browser } from '../shared/browser';
import type { Handlers } from '../shared/messages';
import { readTabLog } from '../shared/storage';
import { registrableDomain } from '../core/site';
import { stateKey, snapshotKey, UNDO_WINDOW_MS, type ClearState } from '../shared/clear-site';
import { buildClearScope, clearTargetProblem, CLEAR_KINDS, inSite, type ClearKind } from '../core/clear-site';
import type { RecheckOutcome } from '../core/clear-site';
import { text } from '../core/text';
import { removeSiteData, snapshotCookies, storeOfTab } from './clear-site-browser';
import { reloadAndRecheck } from './clear-site-recheck';
import { readSnapshot, restoreSnapshot, scheduleSweep } from './clear-site-undo';

const inFlight = new Set<string>();

const fail = (key: string, ...args: string[]): Error => new Error(browser.i18n.getMessage(key, args));

async function scopeOf(url: string, tabId?: number) {
  const problem = clearTargetProblem(url);
  if (problem) return { problem };
  const host = new URL(url).hostname;
  const site = registrableDomain(host) ?? host;
  const log = tabId !== undefined && tabId >= -1 ? await readTabLog(tabId) : undefined;
  const storeId = tabId !== undefined ? await storeOfTab(tabId).catch(() => undefined) : undefined;
  const cookies = await snapshotCookies(site, storeId);
  const scope = buildClearScope({
    url,
    registrableDomain: registrableDomain(host),
    cookies: cookies.map((c) => ({
      domain: c.domain,
      hostOnly: c.hostOnly,
      ...(c.partitionKey?.topLevelSite ? { topLevelSite: c.partitionKey.topLevelSite } : {}),
    })),
    seenUrls: log?.events.map((e) => e.url) ?? [],
  });
  return scope ? { scope } : { problem: 'not_web' as const };
}

async function writeState(state: ClearState): Promise<ClearState> {
  await browser.storage.session.set({ [stateKey(state.site)]: state });
  return state;
}

async function tabExists(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(
    () => true,
    () => false,
  );
}

/** Checks the request, takes the scope and stores the cookie snapshot; nothing is removed yet. */
async function prepare(tabId: number, url: string, kinds: ClearKind[]) {
  const chosen = CLEAR_KINDS.filter((k) => kinds.includes(k));
  if (!chosen.length) throw fail('clear_error_nothing_chosen');
  if (tabId >= 0 && !(await tabExists(tabId))) throw fail('clear_error_tab_closed');
  const found = await scopeOf(url, tabId);
  if ('problem' in found) throw fail(`clear_refused_${found.problem}`);
  const { scope } = found;
  const storeId = await storeOfTab(tabId).catch(() => undefined);
  const cookies = chosen.includes('cookies') ? await snapshotCookies(scope.site, storeId) : [];
  const before = (await readTabLog(tabId)).events.filter((e) => inSite(new URL(e.url).hostname, scope.site));
  const now = Date.now();
  // A clear that finds no cookie (a second one) keeps the earlier snapshot and its Undo window.
  const kept = cookies.length ? undefined : await readSnapshot(scope.site);
  const undoUntil = kept ? kept.expiresAt : cookies.length ? now + UNDO_WINDOW_MS : undefined;
  // Only this key ever holds cookie values (README "Privacy"); an older snapshot of the site is replaced.
  if (cookies.length)
    await browser.storage.session.set({
      [snapshotKey(scope.site)]: { site: scope.site, expiresAt: now + UNDO_WINDOW_MS, cookies },
    });
  const state: ClearState = {
    site: scope.site,
    tabId,
    phase: 'clearing',
    since: now,
    kinds: chosen,
    cookieCount: cookies.length,
    ...(undoUntil ? { undoUntil, undoCount: kept?.cookies.length ?? cookies.length } : {}),
  };
  return { scope, chosen, storeId, cookies, before, state: await writeState(state) };
}

const finished = async (state: ClearState) => ({ state: await writeState(state), done: Promise.resolve() });

/**
 * The clear itself. Order matters for "nothing half-done": the snapshot is stored before anything is
 * removed (a full quota aborts with nothing cleared), and a tab closed after that point does not stop
 * the removal (it needs no tab); only the reload is skipped.
 */
async function clearSite(
  tabId: number,
  url: string,
  kinds: ClearKind[],
  reload: boolean,
): Promise<{ state: ClearState; done: Promise<unknown> }> {
  const { scope, chosen, storeId, cookies, before, state } = await prepare(tabId, url, kinds);
  try {
    await removeSiteData(scope, chosen, cookies, storeId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return finished({ ...state, phase: 'done', error: text('clear_error_remove_failed', reason) });
  }
  if (state.undoUntil) scheduleSweep(scope.site, state.undoUntil);
  if (!reload || tabId < 0) return finished({ ...state, phase: 'done', since: Date.now() });
  const reloading = await writeState({ ...state, phase: 'reloading', since: Date.now() });
  // The popup learns the outcome through the state key; the guard holds until then.
  const done = reloadAndRecheck(tabId, before)
    .catch((): RecheckOutcome => ({ kind: 'unknown', summary: text('clear_recheck_not_loaded') }))
    .then((recheck) => writeState({ ...reloading, phase: 'done', since: Date.now(), recheck }));
  return { state: reloading, done };
}

/**
 * A worker that stopped mid-clear or mid-reload leaves its state at 'clearing'/'reloading' with nobody
 * left to finish it (the work lived in its memory). At start-up, every such state from before this
 * worker booted is settled as done with an unknown re-check, so the popup does not wait a minute for it.
 */
export async function settleInterruptedClears(bootTime: number): Promise<void> {
  // Runs at every worker start: read only the state keys where the browser can list keys (Chromium
  // 130+), not the whole session store with every tab log.
  const area = browser.storage.session as { getKeys?: () => Promise<string[]> };
  const keys = area.getKeys ? (await area.getKeys()).filter((k) => k.startsWith(stateKey(''))) : null;
  if (keys?.length === 0) return;
  const all = await browser.storage.session.get(keys);
  const stale = Object.entries(all).filter(
    (entry): entry is [string, ClearState] =>
      entry[0].startsWith(stateKey('')) &&
      (entry[1] as ClearState).phase !== 'done' &&
      (entry[1] as ClearState).since < bootTime,
  );
  for (const [, state] of stale)
    await writeState({
      ...state,
      phase: 'done',
      since: Date.now(),
      recheck: state.recheck ?? { kind: 'unknown', summary: text('clear_recheck_not_loaded') },
    });
}

export const clearSiteHandlers: Pick<Handlers, 'getClearScope' | 'clearSite' | 'undoClear'> = {
  getClearScope: ({ url, tabId }) => scopeOf(String(url), tabId),
  clearSite: async ({ tabId, url, kinds, reload }) => {
    if (!Number.isInteger(tabId) || tabId < -1) throw fail('bg_errorInvalidTab', String(tabId));
    if (!Array.isArray(kinds)) throw fail('clear_error_nothing_chosen');
    const problem = clearTargetProblem(String(url));
    if (problem) throw fail(`clear_refused_${problem}`);
    const host = new URL(url).hostname;
    const site = registrableDomain(host) ?? host;
    // A second click while the first clear runs must not snapshot the already-emptied jar.
    if (inFlight.has(site)) throw fail('clear_error_in_progress', site);
    inFlight.add(site);
    try {
      const { state, done } = await clearSite(tabId, url, kinds, reload !== false);
      void done.catch(() => undefined).finally(() => inFlight.delete(site));
      return state;
    } catch (error) {
      inFlight.delete(site);
      throw error;
    }
  },
  undoClear: async ({ site }) => {
    if (inFlight.has(site)) throw fail('clear_error_in_progress', site);
    inFlight.add(site);
    try {
      return await restoreSnapshot(String(site));
    } finally {
      inFlight.delete(site);
    }
  },
};
