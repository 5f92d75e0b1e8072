// How the event list is grouped: by origin (default) or by page load. Pure functions over the
// stored TabLog, newest first (the store keeps events oldest first).
import type { AuthEvent, TabLog } from '../core/record';
import { originOf } from '../core/site';

export type GroupBy = 'origin' | 'page';

export interface EventGroup {
  /** Stable key: the origin, or the page-load id ('' = events whose page load is no longer known). */
  key: string;
  /** What the heading shows: the origin, or the page's URL. */
  label: string;
  /** Time of the page load, for page groups. */
  time?: number;
  /** Newest first. */
  events: AuthEvent[];
}

/** Groups by the event URL's origin; groups are ordered by their newest event. */
export function groupByOrigin(events: readonly AuthEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    const origin = originOf(event.url);
    let group = groups.get(origin);
    if (!group) groups.set(origin, (group = { key: origin, label: origin, events: [] }));
    group.events.push(event);
  }
  return [...groups.values()];
}

/** Groups by page load, newest load first; events of a forgotten load go to a last '' group. */
export function groupByPage(log: TabLog): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (let i = log.pages.length - 1; i >= 0; i--) {
    const page = log.pages[i]!;
    groups.set(page.id, { key: page.id, label: page.url, time: page.time, events: [] });
  }
  const orphans: EventGroup = { key: '', label: '', events: [] };
  for (let i = log.events.length - 1; i >= 0; i--) {
    const event = log.events[i]!;
    (groups.get(event.pageId) ?? orphans).events.push(event);
  }
  return [...groups.values(), orphans].filter((g) => g.events.length > 0);
}

/** The grouping the list shows. */
export function groupEvents(log: TabLog, by: GroupBy): EventGroup[] {
  return by === 'page' ? groupByPage(log) : groupByOrigin(log.events);
}
