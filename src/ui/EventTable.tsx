// A virtualized table of events: fixed row height, only the rows in view (plus a few) are in the DOM,
// so 10,000 events scroll and filter as fast as 10 (bench/panel.bench.ts). Keyboard: the grid holds
// focus and points at the active row with aria-activedescendant (WAI-ARIA APG, grid pattern).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AuthEvent } from '../core/record';
import { absoluteTime } from './format';
import { msg } from './i18n';
import { ROW_HEIGHT, useTableKeys } from './use-table-keys';

export { ROW_HEIGHT };
const OVERSCAN = 8;

interface Props {
  events: readonly AuthEvent[];
  /** Index of the active (keyboard) row, -1 for none. */
  active: number;
  /** Id of the event whose details are open. */
  openId?: string;
  onActive: (index: number) => void;
  onOpen: (index: number) => void;
  /** Title of the event's top finding (computed lazily, only for rows in view). */
  topFinding: (event: AuthEvent) => string;
  label: string;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function clock(time: number): string {
  const lang = document.documentElement.lang || 'en';
  let f = timeFormats.get(lang);
  if (!f)
    timeFormats.set(
      lang,
      (f = new Intl.DateTimeFormat(lang, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      })),
    );
  return f.format(time);
}

const COLUMNS = ['time', 'status', 'method', 'url', 'scheme', 'finding'] as const;

function Row(
  props: { event: AuthEvent; index: number; active: boolean; open: boolean } & Pick<
    Props,
    'onOpen' | 'topFinding'
  >,
) {
  const { event: e, index, active, open } = props;
  const schemes = e.parse.challenges.map((c) => c.scheme).join(', ');
  return (
    <div
      role="row"
      id={`row-${index}`}
      class={`erow${active ? ' active' : ''}${open ? ' open' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="panel-row"
      data-event-id={e.id}
      onClick={() => props.onOpen(index)}
    >
      <span role="gridcell" class="c-time" title={absoluteTime(e.time)}>
        {clock(e.time)}
      </span>
      <span role="gridcell" class={`c-status s${e.status}`} data-testid="row-status">
        {e.status}
      </span>
      <span role="gridcell" class="c-method">
        {e.method}
      </span>
      <span role="gridcell" class="c-url" title={e.url} data-testid="row-url">
        {e.url}
      </span>
      <span role="gridcell" class="c-scheme" data-testid="row-scheme">
        {schemes || msg('panel_no_scheme')}
      </span>
      <span role="gridcell" class="c-finding" data-testid="row-finding">
        {props.topFinding(e)}
      </span>
    </div>
  );
}

/** Which rows to render for a scroll position and viewport height. */
export function visibleRange(scrollTop: number, height: number, count: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 1 - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  return [first, last];
}

/** The events as a keyboard-navigable, virtualized grid. */
export function EventTable(props: Props) {
  const { events, active, openId } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight || 600);
    return () => observer.disconnect();
  }, []);
  const onKeyDown = useTableKeys(ref, events.length, active, height, props.onActive, props.onOpen);
  const [first, last] = visibleRange(scrollTop, height, events.length);
  const rows = [];
  for (let i = first; i < last; i++) {
    const e = events[i]!;
    rows.push(
      <Row
        key={e.id}
        event={e}
        index={i}
        active={i === active}
        open={e.id === openId}
        onOpen={props.onOpen}
        topFinding={props.topFinding}
      />,
    );
  }
  return (
    <div
      ref={ref}
      class="etable"
      role="grid"
      tabIndex={0}
      aria-label={props.label}
      aria-rowcount={events.length + 1}
      aria-activedescendant={active >= first && active < last ? `row-${active}` : undefined}
      data-testid="panel-table"
      data-count={events.length}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div role="row" class="ehead" aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <span role="columnheader" key={c} class={`c-${c}`}>
            {msg(`panel_col_${c}`)}
          </span>
        ))}
      </div>
      <div role="rowgroup" class="ebody" style={{ height: `${events.length * ROW_HEIGHT}px` }}>
        {rows}
      </div>
    </div>
  );
}
