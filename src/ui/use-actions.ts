// Actions the views ask the worker for (src/shared/messages.ts), with their progress and error, and
// the present for relative times and countdowns: each defined once, for the popup and the panel.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText, send } from '../shared/messages';
import type { Text } from '../core/text';
import { msg, t } from './i18n';

export interface Action {
  /** Runs `action` unless one is running already (a double click's second event is ignored). */
  run: (action: () => Promise<unknown>) => Promise<void>;
  busy: boolean;
  /** The last failure, as the worker sent it (a message key): translated where it is shown. */
  error?: Text;
}

/** Runs an action of the worker once at a time, keeping its error for display. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Text>();
  // A ref, not the state: a double click's second event comes before the re-render.
  const running = useRef(false);
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { run, busy, error };
}

export interface ClearAction {
  clear: () => Promise<void>;
  clearing: boolean;
  /** Localized error of the last failed action, for a notice. */
  error?: string;
}

/** "Clear list" for a tab's log; the list empties through the store change, not from here. */
export function useClear(tabId: number | null): ClearAction {
  const action = useAction();
  const clear = (): Promise<void> =>
    tabId === null ? Promise.resolve() : action.run(() => send('clearTabLog', { tabId }));
  const error = action.error && msg('ui_clear_failed', t(action.error));
  return { clear, clearing: action.busy, ...(error ? { error } : {}) };
}

/** The present, every `everyMs` while `active`: relative times, the Undo countdown. */
export function useNow(everyMs: number, active = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, active]);
  return now;
}

/** Calls `callback` once, right after the first commit where `ready` is true (benchmarks). */
export function useOnceReady(ready: boolean, callback: (() => void) | undefined): void {
  const done = useRef(false);
  useLayoutEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    callback?.();
  }, [ready, callback]);
}
