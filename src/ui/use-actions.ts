// Actions the views ask the worker for (src/shared/messages.ts), with their progress and error.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/messages';
import { msg } from './i18n';

export interface ClearAction {
  clear: () => Promise<void>;
  clearing: boolean;
  /** Localized error of the last failed action, for a notice. */
  error?: string;
}

/** "Clear list" for a tab's log; the list empties through the store change, not from here. */
export function useClear(tabId: number | null): ClearAction {
  const [clearing, setClearing] = useState(false);
  const [error, setError] = useState<string>();
  const clear = async (): Promise<void> => {
    if (tabId === null) return;
    setClearing(true);
    setError(undefined);
    try {
      await send('clearTabLog', { tabId });
    } catch (e) {
      setError(msg('ui_clear_failed', e instanceof Error ? e.message : String(e)));
    } finally {
      setClearing(false);
    }
  };
  return { clear, clearing, error };
}

/** Relative times stay current while the view is open. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
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
