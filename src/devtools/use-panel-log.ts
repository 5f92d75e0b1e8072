// The panel's log: the tab's stored log (live, through useTabLog) merged into a history kept in the
// panel's memory, so events the store drops for its per-tab cap (500) stay listed while the panel is
// open — DevTools' "preserve log" semantics. A cleared (empty) store log clears the history too.
import { useMemo, useRef } from 'preact/hooks';
import type { AuthEvent, PageLoad, TabLog } from '../core/record';
import { useTabLog, type LogState } from '../ui/use-tab-log';

export interface PanelLog {
  state: LogState;
  /** Stored and remembered events, oldest first; undefined while loading. */
  log?: TabLog;
}

class History {
  events = new Map<string, AuthEvent>();
  pages = new Map<string, PageLoad>();

  /** Merges a newer store log; returns the merged log. Newer versions of an event replace older ones. */
  merge(log: TabLog): TabLog {
    if (log.events.length === 0) {
      this.events.clear();
      this.pages.clear();
    }
    for (const p of log.pages) this.pages.set(p.id, p);
    for (const e of log.events) this.events.set(e.id, e);
    // The store's last page is the current load, even when an older one was re-added.
    const current = log.pages.at(-1);
    const pages = [...this.pages.values()].filter((p) => p !== current);
    if (current) pages.push(current);
    return { ...log, events: [...this.events.values()], pages };
  }
}

/** The tab's log with the panel's remembered history; `null` tabId loads nothing. */
export function usePanelLog(tabId: number | null): PanelLog {
  const state = useTabLog(tabId);
  const history = useRef(new History());
  const stored = state.status === 'ready' ? state.log : undefined;
  const log = useMemo(() => (stored ? history.current.merge(stored) : undefined), [stored]);
  return { state, log };
}
