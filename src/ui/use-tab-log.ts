// Live state of one tab's log: read once, then follow every write the worker makes (watchTabLog).
// The first read takes the log's head only (its newest events, core/record/segments.ts), so the view
// draws them without waiting for the older segments, which follow in a second read.
import { useLayoutEffect, useState } from 'preact/hooks';
import type { TabLog } from '../core/record';
import { readTabHead, watchTabLog, withSegments } from '../shared/storage';
import { describeTab, type TabStatus } from './tab-target';

export type LogState =
  { status: 'loading' } | { status: 'ready'; log: TabLog } | { status: 'error'; error: string };

/** The tab's log, kept current while the view is open. `null` tabId: nothing to load. */
export function useTabLog(tabId: number | null): LogState {
  const [state, setState] = useState<LogState>({ status: 'loading' });
  // A layout effect starts the read right after the first commit, not after the first paint.
  useLayoutEffect(() => {
    if (tabId === null) return undefined;
    let live = true;
    let changed = false;
    setState({ status: 'loading' });
    const stop = watchTabLog(tabId, (log) => {
      changed = true; // a write after our read started is newer than what the read returns
      if (live) setState({ status: 'ready', log });
    });
    const fail = (error: unknown): void => {
      if (live) setState({ status: 'error', error: String(error) });
    };
    readTabHead(tabId).then((head) => {
      performance.mark('i401-log-read'); // benchmarks: storage read done (bench/popup.bench.ts)
      if (!live || changed) return;
      const { segments, ...newest } = head;
      setState({ status: 'ready', log: newest });
      if (segments?.length)
        withSegments(head).then((log) => {
          performance.mark('i401-log-full'); // benchmarks: the older segments read too
          if (live && !changed) setState({ status: 'ready', log });
        }, fail);
    }, fail);
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);
  return state;
}

/** The tab's status (open / gone / background), or undefined while it is being asked. */
export function useTabStatus(tabId: number | null): TabStatus | undefined {
  const [status, setStatus] = useState<TabStatus>();
  useLayoutEffect(() => {
    if (tabId === null) return;
    let live = true;
    describeTab(tabId).then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, [tabId]);
  return status;
}
