// State behind the "clear this site" UI: the scope asked of the worker, the clear state it writes to
// storage.session (no cookie value ever reaches the UI), the sites of the list's origin groups.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { getSession, removeSession } from '../shared/storage';
import { CONFIRM_KEY, CONFIRM_MS, stateKey, type ClearState } from '../shared/clear-site';
import { errorText, send } from '../shared/messages';
import {
  CLEAR_KINDS,
  UNDOABLE_KINDS,
  type ClearKind,
  type ClearScope,
  type ScopeProblem,
} from '../core/clear-site';
import type { Text } from '../core/text';

export type ScopeState =
  | { status: 'loading' }
  | { status: 'ready'; scope: ClearScope }
  | { status: 'refused'; problem: ScopeProblem; host: string }
  | { status: 'error'; message: Text };

/** A phase older than this was cut short by a stopped worker: show it as finished. */
const STALE_MS = 60_000;

/** Chosen kinds that no API can bring back (everything but cookies), in display order. */
export const irreversible = (kinds: readonly ClearKind[]): ClearKind[] =>
  CLEAR_KINDS.filter((k) => kinds.includes(k) && !UNDOABLE_KINDS.includes(k));

/** "9:05" for the Undo countdown; "0:00" once passed. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Whether the state's phase is still running (not done, not stale). */
export const isBusy = (state: ClearState | undefined, now: number): boolean =>
  !!state && state.phase !== 'done' && now - state.since < STALE_MS;

/**
 * Asks the worker for the scope of clearing `url`'s site (with the origins `tabId` talked to, when
 * given); a change of `refresh` asks again (after a clear). The last answer stays while re-asking.
 */
export function useClearScope(url: string, tabId: number | undefined, refresh: unknown): ScopeState {
  const [state, setState] = useState<ScopeState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    send('getClearScope', { url, tabId }).then(
      (r) =>
        live &&
        setState(
          'scope' in r
            ? { status: 'ready', scope: r.scope }
            : { status: 'refused', problem: r.problem, host: r.host },
        ),
      (e: unknown) => live && setState({ status: 'error', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [url, tabId, refresh]);
  return state;
}

/** The worker's clear state of a site, followed live. */
export function useClearState(site: string | undefined): ClearState | undefined {
  const [state, setState] = useState<ClearState>();
  useEffect(() => {
    if (!site) return;
    const key = stateKey(site);
    let live = true;
    void getSession([key]).then((got) => live && setState(got[key]));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area === 'session' && key in changes) setState(changes[key]?.newValue as ClearState | undefined);
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [site]);
  return state;
}

/**
 * Whether this view was opened by the keyboard shortcut for `tabId`: `?confirmClear=1` (a tab), or a
 * fresh request in storage.session (the toolbar popup, which takes no query string). Consumed once.
 */
export async function takeConfirmRequest(tabId: number, params: URLSearchParams): Promise<boolean> {
  const got = (await getSession([CONFIRM_KEY]))[CONFIRM_KEY];
  if (got) await removeSession([CONFIRM_KEY]);
  if (params.get('confirmClear') === '1') return true;
  return !!got && got.tabId === tabId && Date.now() - got.at < CONFIRM_MS;
}

/**
 * Which origins carry a clear button: one per site (www.a.test and api.a.test are one site), the
 * first origin of each; an origin the worker refuses (a bare public suffix) keeps its own, which
 * says why. Asked of the worker, which holds the public-suffix list. undefined while it answers.
 */
export function useClearOwners(origins: readonly string[]): Set<string> | undefined {
  const [owners, setOwners] = useState<{ key: string; owners: Set<string> }>();
  const key = origins.join('\n');
  useEffect(() => {
    let live = true;
    if (!origins.length) {
      setOwners({ key, owners: new Set() });
      return;
    }
    send('getClearSites', { urls: [...origins] }).then(
      (answers) => {
        const seen = new Set<string>();
        const chosen = origins.filter((origin, i) => {
          const answer = answers[i];
          const id = answer && 'site' in answer ? answer.site : `${origin} refused`;
          if (seen.has(id)) return false;
          seen.add(id);
          return true;
        });
        if (live) setOwners({ key, owners: new Set(chosen) });
      },
      () => live && setOwners({ key, owners: new Set() }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return owners?.key === key ? owners.owners : undefined;
}
