// One "clear this site" run: check the request, take the snapshot, remove, reload and re-check.
// State lives in storage.session (src/shared/clear-site.ts); what runs lives in this worker's memory
// only while it runs (a stopped worker's run is settled at start-up: clear-site-settle.ts).
import { browser } from '../shared/browser';
import { setSession } from '../shared/storage';
import { KeyedError, errorText, keyedError } from '../shared/messages';
import { sessionItem, stateKey, type ClearState } from '../shared/clear-site';
import { CLEAR_KINDS, inSite, scopeProblemText, type ClearKind } from '../core/clear-site';
import type { RecheckOutcome } from '../core/clear-site';
import { text } from '../core/text';
import { removeSiteData, stillThere } from './clear-site-browser';
import { reloadAndRecheck } from './clear-site-recheck';
import { gatherScope, type GatheredScope, type SiteOfUrl } from './clear-site-scope';
import { forgetSnapshot, readSnapshot, undoWindowMs, writeSnapshot } from './clear-site-snapshot';

export async function writeState(state: ClearState): Promise<ClearState> {
  await setSession(sessionItem(stateKey(state.site), state));
  return state;
}

const tabExists = (tabId: number): Promise<boolean> =>
  browser.tabs.get(tabId).then(
    () => true,
    () => false,
  );

/** Checks the request, gathers the scope once and stores the cookie snapshot; nothing is removed yet. */
async function prepare(site: SiteOfUrl, tabId: number, kinds: ClearKind[]) {
  const chosen = CLEAR_KINDS.filter((k) => kinds.includes(k));
  if (!chosen.length) throw keyedError('clear_error_nothing_chosen');
  if (tabId >= 0 && !(await tabExists(tabId))) throw keyedError('clear_error_tab_closed');
  const found = await gatherScope(site, tabId);
  if ('problem' in found) throw new KeyedError(scopeProblemText(found.problem, found.host));
  const { scope } = found;
  const cookies = chosen.includes('cookies') ? found.cookies : [];
  const now = Date.now();
  // A clear that finds no cookie (a second one) keeps the earlier snapshot and its Undo window.
  const kept = cookies.length ? undefined : await readSnapshot(scope.site);
  const expiresAt = kept ? kept.expiresAt : now + (await undoWindowMs());
  const state: ClearState = {
    site: scope.site,
    tabId,
    phase: 'clearing',
    since: now,
    kinds: chosen,
    cookieCount: cookies.length,
    ...(kept || cookies.length
      ? { undoUntil: expiresAt, undoCount: kept?.cookies.length ?? cookies.length }
      : {}),
  };
  // Only the snapshot key ever holds cookie values (README "Privacy"); an older one of the site is replaced.
  if (cookies.length) await writeSnapshot({ site: scope.site, expiresAt, cookies }, state);
  else await writeState(state);
  return { found, chosen, cookies, state };
}

/**
 * The removal failed. When no snapshotted cookie is gone, the snapshot is wiped at once (there is
 * nothing to undo, and no reason to hold cookie values); otherwise it stays for Undo until its alarm.
 */
async function afterFailure(found: GatheredScope, state: ClearState, error: unknown): Promise<ClearState> {
  const reason = errorText(error);
  const shown = reason.args?.[0] ?? reason.key;
  const taken = state.kinds.includes('cookies') ? found.cookies : [];
  const left = await stillThere(taken, found.scope, found.storeId).catch(() => null);
  if (taken.length && left?.length === taken.length) {
    await forgetSnapshot(state.site);
    const { undoUntil: _gone, undoCount: _count, ...rest } = state;
    return { ...rest, phase: 'done', error: text('clear_error_remove_failed_nothing', shown) };
  }
  if (!state.undoUntil)
    return { ...state, phase: 'done', error: text('clear_error_remove_failed_nothing', shown) };
  return { ...state, phase: 'done', error: text('clear_error_remove_failed', shown) };
}

/**
 * The clear itself; `done` is set while the reload is still being judged. Order matters for "nothing
 * half-done": the snapshot is stored (with its alarm) before anything is removed (a full quota aborts
 * with nothing cleared), and a tab closed after that point does not stop the removal (it needs no
 * tab); only the reload is skipped.
 */
export async function runClear(
  site: SiteOfUrl,
  tabId: number,
  kinds: ClearKind[],
  reload: boolean,
): Promise<{ state: ClearState; done?: Promise<unknown> }> {
  const { found, chosen, cookies, state } = await prepare(site, tabId, kinds);
  const finished = async (next: ClearState) => ({ state: await writeState(next) });
  try {
    await removeSiteData(found.scope, chosen, cookies, found.storeId);
  } catch (error) {
    return finished(await afterFailure(found, state, error));
  }
  if (!reload || tabId < 0) return finished({ ...state, phase: 'done', since: Date.now() });
  const before = (found.log?.events ?? []).filter((e) => inSite(new URL(e.url).hostname, found.scope));
  const reloading = await writeState({ ...state, phase: 'reloading', since: Date.now() });
  // The popup learns the outcome through the state key; the guard holds until then.
  const done = reloadAndRecheck(tabId, before)
    .catch((): RecheckOutcome => ({ kind: 'unknown', summary: text('clear_recheck_not_loaded') }))
    .then((recheck) => writeState({ ...reloading, phase: 'done', since: Date.now(), recheck }));
  return { state: reloading, done };
}
