// The table's "top finding" column, computed after the rows are on screen: a row first shows the last
// known finding (or nothing), and the rows in view are diagnosed in small time slices afterwards, so a
// filter keystroke or a scroll never waits for diagnosis (bench/panel.bench.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuthEvent, TabLog } from '../core/record';
import { t } from '../ui/i18n';
import type { PanelAnalysis } from './panel-analysis';

// One slice of diagnosis work between frames.
const SLICE_MS = 8;

/** A `topFinding(event)` for EventTable that never diagnoses during render. */
export function useTopFindings(
  analysis: PanelAnalysis,
  log: TabLog | undefined,
): (event: AuthEvent) => string {
  const [, setTick] = useState(0);
  const queue = useRef(new Set<AuthEvent>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const current = useRef(log);
  current.current = log;
  // What the rows of this render ask for replaces what earlier renders asked for.
  queue.current.clear();
  useEffect(() => () => clearTimeout(timer.current), []);

  const drain = (): void => {
    timer.current = undefined;
    const until = performance.now() + SLICE_MS;
    for (const event of queue.current) {
      queue.current.delete(event);
      if (current.current) analysis.findingsOf(event, current.current);
      if (performance.now() > until) break;
    }
    if (queue.current.size > 0) timer.current = setTimeout(drain, 0);
    setTick((n) => n + 1);
  };

  return (event) => {
    if (!log) return '';
    const { list, fresh } = analysis.peekFindings(event, log);
    if (!fresh) {
      queue.current.add(event);
      timer.current ??= setTimeout(drain, 0);
    }
    const top = list?.[0];
    return top ? t(top.title) : '';
  };
}
