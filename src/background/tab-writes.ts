// What a flush writes for one tab in the segmented layout (core/record/segments.ts): the head, the
// segments sealed in this flush, and the removal of segments that were dropped or cleared.
import { getSession, segmentKeyOf, tabKey, type SessionItems, type SessionKey } from '../shared/storage';
import type { EventPatch, TabLog } from '../core/record';
import { capSegments, patchEvents, sealFull } from '../core/record';

/** A head to change in place: its own event and segment arrays (the stored one stays as read). */
export const copyHead = (head: TabLog | undefined): TabLog | undefined =>
  head && { ...head, events: [...head.events], pages: [...head.pages], segments: [...(head.segments ?? [])] };

/**
 * Adds to `writes` / `removals` what turns `before` (the stored head) into `after` (undefined: the
 * log is gone): the new head, newly sealed segments, and the keys of segments no longer listed.
 */
export function planTabWrites(
  tabId: number,
  before: TabLog | undefined,
  after: TabLog | undefined,
  now: number,
  writes: Partial<SessionItems>,
  removals: SessionKey[],
): void {
  if (after) {
    for (const { ref, events } of sealFull(after, now)) writes[segmentKeyOf(tabId, ref.seq)] = events;
    for (const ref of capSegments(after)) delete writes[segmentKeyOf(tabId, ref.seq)];
    writes[tabKey(tabId)] = after;
  } else if (before) removals.push(tabKey(tabId));
  const kept = new Set((after?.segments ?? []).map((s) => s.seq));
  for (const ref of before?.segments ?? [])
    if (!kept.has(ref.seq)) removals.push(segmentKeyOf(tabId, ref.seq));
}

/**
 * Patches whose event was already sealed (onCompleted after a flush sealed it): read the tab's
 * newest segment, patch it there. Older segments are not searched: late facts arrive within a flush
 * or two.
 */
export async function addLatePatches(
  late: Map<number, { requestId: string; patch: EventPatch }[]>,
  logs: Map<number, TabLog | undefined>,
  writes: Partial<SessionItems>,
): Promise<void> {
  for (const [tabId, patches] of late) {
    const ref = logs.get(tabId)?.segments?.at(-1);
    if (!ref) continue;
    const key = segmentKeyOf(tabId, ref.seq);
    const events = writes[key] ?? (await getSession([key]))[key];
    if (!events) continue;
    const segment: TabLog = { tabId, events, pages: [], dropped: 0 };
    if (patches.map((p) => patchEvents(segment, p.requestId, p.patch)).some(Boolean)) writes[key] = events;
  }
}
