// A tab's log in storage: a small head (`tab:<id>`: page loads, dropped count, the newest events, and
// the list of sealed segments) plus sealed segments of SEGMENT_SIZE older events (`seg:<id>:<seq>`),
// written once. A flush reads and writes the head only, so its cost does not grow with the log, and
// the popup draws the head's newest events before it reads the rest (README "Speed").
import { jsonSize, prunePages, TAB_CAP } from './tab-log';
import type { AuthEvent, SegmentRef, TabLog } from './event';

/** Events per sealed segment; the head holds fewer. */
export const SEGMENT_SIZE = 50;

/** Storage key of a sealed segment. */
export const segmentKey = (tabId: number, seq: number): `seg:${number}:${number}` => `seg:${tabId}:${seq}`;

/** Events the tab holds: the head's and its segments'. */
export const storedCount = (head: TabLog): number =>
  head.events.length + (head.segments ?? []).reduce((n, s) => n + s.count, 0);

/**
 * Moves full runs of the head's oldest events into new segments. `now` makes sequence numbers unique
 * across a clear (a cleared tab starts a new head, and its old keys may still be on their way out).
 * Returns the new segments with their events, to be written.
 */
export function sealFull(
  head: TabLog,
  now: number,
  size = SEGMENT_SIZE,
): { ref: SegmentRef; events: AuthEvent[] }[] {
  const sealed: { ref: SegmentRef; events: AuthEvent[] }[] = [];
  while (head.events.length >= size) {
    const events = head.events.splice(0, size);
    const seq = Math.max((head.segments?.at(-1)?.seq ?? 0) + 1, now);
    const ref: SegmentRef = {
      seq,
      count: events.length,
      newest: events.at(-1)!.time,
      bytes: jsonSize(events),
      pages: [...new Set(events.map((e) => e.pageId))],
    };
    (head.segments ??= []).push(ref);
    sealed.push({ ref, events });
  }
  return sealed;
}

/**
 * Drops the oldest segments while the tab holds more than `cap` events, counting them as dropped (so
 * the tab keeps between cap − SEGMENT_SIZE and cap events). Returns the dropped segments.
 */
export function capSegments(head: TabLog, cap = TAB_CAP): SegmentRef[] {
  const dropped: SegmentRef[] = [];
  while (head.segments?.length && storedCount(head) > cap) {
    const ref = head.segments.shift()!;
    head.dropped += ref.count;
    dropped.push(ref);
  }
  if (dropped.length) prunePages(head);
  return dropped;
}

/** Drops one segment from a head (budget), counting its events. */
export function dropSegment(head: TabLog, ref: SegmentRef): void {
  head.segments = (head.segments ?? []).filter((s) => s.seq !== ref.seq);
  head.dropped += ref.count;
  prunePages(head);
}

/**
 * The whole log from a head and its segments' events (`read(seq)`; a segment that could not be read
 * counts as dropped rather than failing the view). The result has no `segments`.
 */
export function assembleLog(head: TabLog, read: (seq: number) => AuthEvent[] | undefined): TabLog {
  const { segments = [], ...rest } = head;
  const events: AuthEvent[] = [];
  let missing = 0;
  for (const ref of segments) {
    const got = read(ref.seq);
    if (got) events.push(...got);
    else missing += ref.count;
  }
  return { ...rest, events: [...events, ...head.events], dropped: head.dropped + missing };
}
