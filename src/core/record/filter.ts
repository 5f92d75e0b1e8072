// The panel's filters (text, status, scheme, preserve log). Pure and O(n) over a per-event search
// text computed once, so a keystroke over 10,000 events stays well under a frame (bench/panel.bench.ts).
import type { AuthEvent, TabLog } from './event';

export type StatusFilter = 'all' | '401' | '407';
/** 'all', 'none' (no challenge at all), or a lower-cased scheme name. */
export type SchemeFilter = string;

export interface PanelFilter {
  text: string;
  status: StatusFilter;
  scheme: SchemeFilter;
  /** Off: only the current page load's events (TabLog.pages' last), like DevTools' Network panel. */
  preserve: boolean;
}

export const NO_FILTER: PanelFilter = { text: '', status: 'all', scheme: 'all', preserve: true };

const searchText = new WeakMap<AuthEvent, string>();

/** Lower-cased text a filter string is looked for in: method, URL, status line, schemes, type. */
function haystack(event: AuthEvent): string {
  let text = searchText.get(event);
  if (text === undefined) {
    const schemes = event.parse.challenges.map((c) => c.scheme).join(' ');
    text =
      `${event.method} ${event.url} ${event.status} ${event.statusLine} ${schemes} ${event.type}`.toLowerCase();
    searchText.set(event, text);
  }
  return text;
}

/** The event's schemes, lower-cased (RFC 9110 §11.1: scheme names are case-insensitive). */
export const schemesOf = (event: AuthEvent): string[] =>
  event.parse.challenges.map((c) => c.scheme.toLowerCase());

/** Every scheme seen in the events, sorted, for the scheme filter's options. */
export function schemeOptions(events: readonly AuthEvent[]): string[] {
  const seen = new Set<string>();
  for (const e of events) for (const c of e.parse.challenges) seen.add(c.scheme.toLowerCase());
  return [...seen].sort();
}

/** The current page load's id: the last one the store recorded. */
export const currentPageId = (log: Pick<TabLog, 'pages'>): string | undefined => log.pages.at(-1)?.id;

/** Events that pass the filter, in the given order. */
export function filterEvents(
  events: readonly AuthEvent[],
  filter: PanelFilter,
  pageId: string | undefined,
): AuthEvent[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const status = filter.status === 'all' ? 0 : Number(filter.status);
  const onlyPage = !filter.preserve && pageId !== undefined;
  return events.filter((e) => {
    if (status && e.status !== status) return false;
    if (onlyPage && e.pageId !== pageId) return false;
    if (filter.scheme === 'none' && e.parse.challenges.length > 0) return false;
    if (filter.scheme !== 'all' && filter.scheme !== 'none' && !schemesOf(e).includes(filter.scheme))
      return false;
    if (words.length === 0) return true;
    const text = haystack(e);
    return words.every((w) => text.includes(w));
  });
}
