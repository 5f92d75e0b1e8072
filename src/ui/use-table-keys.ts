// Keyboard navigation of a virtualized grid (WAI-ARIA APG grid pattern, row selection): arrows move
// the active row, Home/End and PageUp/PageDown jump, Enter opens it; the active row is scrolled into
// view by hand, since it may not be rendered yet.
import type { RefObject } from 'preact';

/** Row height in px of the event table; the stylesheet uses the same value. */
export const ROW_HEIGHT = 24;

/** Scrolls `el` so row `index` (below a sticky header one row high) is fully in view. */
export function scrollRowIntoView(el: HTMLElement, index: number): void {
  const top = index * ROW_HEIGHT; // relative to the body, which starts under the header
  const view = el.clientHeight - ROW_HEIGHT;
  if (top < el.scrollTop) el.scrollTop = top;
  else if (top + ROW_HEIGHT > el.scrollTop + view) el.scrollTop = top + ROW_HEIGHT - view;
}

function nextIndex(key: string, active: number, count: number, pageRows: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, active) + pageRows);
    case 'PageUp':
      return Math.max(0, active - pageRows);
    default:
      return undefined;
  }
}

/** The grid's keydown handler. */
export function useTableKeys(
  ref: RefObject<HTMLDivElement | null>,
  count: number,
  active: number,
  height: number,
  onActive: (index: number) => void,
  onOpen: (index: number) => void,
): (e: KeyboardEvent) => void {
  return (e: KeyboardEvent) => {
    if (count === 0) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (active >= 0) onOpen(active);
      return;
    }
    const next = nextIndex(e.key, active, count, Math.max(1, Math.floor(height / ROW_HEIGHT) - 2));
    if (next === undefined) return;
    e.preventDefault();
    onActive(next);
    if (ref.current) scrollRowIntoView(ref.current, next);
  };
}
