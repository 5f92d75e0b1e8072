import { describe, expect, it } from 'vitest';
import type { AuthEvent, TabLog } from '../../src/core/record';
import {
  addEvent,
  addPage,
  assembleLog,
  capSegments,
  emptyLog,
  patchEvents,
  sealFull,
  segmentKey,
  storedCount,
} from '../../src/core/record';

/** A Bearer 401 from an API call, numbered (the shape buildAuthEvent produces). */
function apiEvent(n: number): AuthEvent {
  return {
    id: `${n}:${1000 + n}`,
    time: 1000 + n,
    tabId: 7,
    frameId: 0,
    parentFrameId: -1,
    pageId: '',
    url: `https://api.example/v1/me?n=${n}`,
    method: 'GET',
    type: 'xmlhttprequest',
    status: 401,
    statusLine: 'HTTP/1.1 401 Unauthorized',
    challengeFields: [{ name: 'www-authenticate', value: 'Bearer error="invalid_token"' }],
    parse: { challenges: [], problems: [] },
    redirects: [],
    credentials: { requestHeaders: 'unknown' },
    response: { setCookieNames: [], setCookieCleared: [] },
  };
}

function logWith(count: number, firstPage = 'doc-1'): TabLog {
  const log = emptyLog(7);
  addPage(log, { id: firstPage, url: 'https://app.example/', time: 1 });
  for (let n = 0; n < count; n++) addEvent(log, apiEvent(n), { cap: Infinity });
  return log;
}

const numbers = (events: AuthEvent[]): number[] => events.map((e) => Number(e.id.split(':')[0]));

describe('sealFull', () => {
  it('moves full runs of the oldest events into segments and leaves the rest in the head', () => {
    const log = logWith(23);
    const sealed = sealFull(log, 5000, 10);
    expect(sealed.map((s) => numbers(s.events))).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
    ]);
    expect(numbers(log.events)).toEqual([20, 21, 22]);
    expect(log.segments).toMatchObject([
      { seq: 5000, count: 10, newest: 1009, pages: ['doc-1'] },
      { seq: 5001, count: 10, newest: 1019, pages: ['doc-1'] },
    ]);
    expect(storedCount(log)).toBe(23);
    expect(segmentKey(7, 5001)).toBe('seg:7:5001');
  });

  it('seals nothing while the head is under the segment size', () => {
    const log = logWith(9);
    expect(sealFull(log, 5000, 10)).toEqual([]);
    expect(log.segments).toBeUndefined();
  });

  it('numbers later segments after the earlier ones, and after a clear by the clock', () => {
    const log = logWith(10);
    sealFull(log, 5000, 10);
    for (let n = 10; n < 20; n++) addEvent(log, apiEvent(n), { cap: Infinity });
    sealFull(log, 10, 10); // a clock behind the last number
    expect(log.segments?.map((s) => s.seq)).toEqual([5000, 5001]);
  });
});

describe('capSegments', () => {
  it('drops whole oldest segments past the cap and counts their events as dropped', () => {
    const log = logWith(35);
    sealFull(log, 1, 10);
    const dropped = capSegments(log, 22);
    expect(dropped.map((s) => s.seq)).toEqual([1, 2]);
    expect(storedCount(log)).toBe(15);
    expect(log.dropped).toBe(20);
  });

  it('keeps page loads that only sealed segments still use', () => {
    const log = logWith(10, 'doc-1');
    addPage(log, { id: 'doc-2', url: 'https://app.example/next', time: 2 });
    addPage(log, { id: 'doc-3', url: 'https://app.example/last', time: 3 });
    sealFull(log, 1, 10);
    expect(log.pages.map((p) => p.id)).toEqual(['doc-1', 'doc-3']);
    capSegments(log, 0);
    expect(log.pages.map((p) => p.id)).toEqual(['doc-3']);
  });
});

describe('assembleLog', () => {
  it('puts the segments back in front of the head, oldest first, without the segment list', () => {
    const log = logWith(25);
    const store = new Map(sealFull(log, 1, 10).map((s) => [s.ref.seq, s.events]));
    const whole = assembleLog(log, (seq) => store.get(seq));
    expect(numbers(whole.events)).toEqual(Array.from({ length: 25 }, (_, n) => n));
    expect(whole.segments).toBeUndefined();
    expect(whole.dropped).toBe(0);
  });

  it('counts a segment that could not be read as dropped instead of failing', () => {
    const log = logWith(25);
    sealFull(log, 1, 10);
    const whole = assembleLog(log, (seq) => (seq === 1 ? undefined : [apiEvent(99)]));
    expect(numbers(whole.events)).toEqual([99, 20, 21, 22, 23, 24]);
    expect(whole.dropped).toBe(10);
  });

  it('a patch finds an event still in the head, not one already sealed', () => {
    const log = logWith(12);
    sealFull(log, 1, 10);
    expect(patchEvents(log, '11', { ip: '10.0.0.1' })).toBe(true);
    expect(patchEvents(log, '3', { ip: '10.0.0.1' })).toBe(false);
  });
});
