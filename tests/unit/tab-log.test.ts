import { describe, expect, it } from 'vitest';
import type { AuthEvent, TabLog } from '../../src/core/record';
import {
  addEvent,
  addPage,
  emptyLog,
  jsonSize,
  patchEvents,
  replaceEvent,
  trimToBudget,
} from '../../src/core/record';

/** A minimal captured Bearer 401 from an API call (the shape buildAuthEvent produces). */
function apiEvent(requestId: string, time: number, overrides: Partial<AuthEvent> = {}): AuthEvent {
  return {
    id: `${requestId}:${time}`,
    time,
    tabId: 7,
    frameId: 0,
    parentFrameId: -1,
    pageId: '',
    url: 'https://api.example/v1/me',
    method: 'GET',
    type: 'xmlhttprequest',
    status: 401,
    statusLine: 'HTTP/1.1 401 Unauthorized',
    challengeFields: [{ name: 'www-authenticate', value: 'Bearer error="invalid_token"' }],
    parse: { challenges: [], problems: [] },
    redirects: [],
    credentials: { requestHeaders: 'unknown' },
    response: { setCookieNames: [], setCookieCleared: [] },
    ...overrides,
  };
}

describe('addEvent', () => {
  it('groups events under the page load committed before them', () => {
    const log = emptyLog(7);
    addPage(log, { id: 'doc-1', url: 'https://app.example/', time: 1 });
    addEvent(log, apiEvent('10', 2));
    addPage(log, { id: 'doc-2', url: 'https://app.example/settings', time: 3 });
    addEvent(log, apiEvent('11', 4));
    expect(log.events.map((e) => e.pageId)).toEqual(['doc-1', 'doc-2']);
    expect(log.pages.map((p) => p.id)).toEqual(['doc-1', 'doc-2']);
  });

  it('makes a main-frame 401 its own page load, and its commit does not add another', () => {
    const log = emptyLog(7);
    addEvent(log, apiEvent('20', 1000, { type: 'main_frame', url: 'https://intranet.example/' }));
    expect(addPage(log, { id: 'doc-err', url: 'https://intranet.example/', time: 1100 })).toBe(false);
    expect(log.pages).toEqual([{ id: 'req:20', url: 'https://intranet.example/', time: 1000 }]);
    expect(log.events[0]?.pageId).toBe('req:20');
  });

  it.each([
    ['the tab URL when known', 'https://app.example/dashboard', 'https://app.example/dashboard'],
    ['the initiator otherwise', '', 'https://app.example'],
  ])('starts a page for a tab whose load was not seen, named by %s', (_, startUrl, url) => {
    const log = emptyLog(7);
    addEvent(log, apiEvent('30', 5, { initiator: 'https://app.example' }), { startUrl });
    expect(log.pages).toEqual([{ id: 'start:5', url, time: 5 }]);
  });

  it('puts background requests (tab -1) in no page', () => {
    const log = emptyLog(-1);
    addEvent(log, apiEvent('40', 5, { tabId: -1 }));
    expect(log.events[0]?.pageId).toBe('');
    expect(log.pages).toEqual([]);
  });

  it('drops the oldest beyond the per-tab cap and counts them', () => {
    const log = emptyLog(7);
    for (let i = 0; i < 8; i++) addEvent(log, apiEvent(String(i), i), { cap: 5 });
    expect(log.events.map((e) => e.time)).toEqual([3, 4, 5, 6, 7]);
    expect(log.dropped).toBe(3);
  });

  it('puts an older event replayed from the journal before the newer 401 that woke the worker', () => {
    const log = emptyLog(7);
    addPage(log, { id: 'doc-1', url: 'https://app.example/', time: 1 });
    addEvent(log, apiEvent('60', 10));
    addPage(log, { id: 'doc-2', url: 'https://app.example/next', time: 20 });
    addEvent(log, apiEvent('62', 30));
    addEvent(log, apiEvent('61', 15)); // journaled before the worker stopped, replayed after '62'
    expect(log.events.map((e) => e.id)).toEqual(['60:10', '61:15', '62:30']);
    // It happened on the first page, before the second load.
    expect(log.events.map((e) => e.pageId)).toEqual(['doc-1', 'doc-1', 'doc-2']);
  });

  it('does not duplicate an event replayed by a retried batch', () => {
    const log = emptyLog(7);
    addEvent(log, apiEvent('50', 1));
    addEvent(log, apiEvent('50', 1));
    expect(log.events).toHaveLength(1);
  });
});

describe('addPage', () => {
  it('forgets earlier page loads that have no events, keeps the current one', () => {
    const log = emptyLog(7);
    addPage(log, { id: 'a', url: 'https://x.example/a', time: 1 });
    addEvent(log, apiEvent('1', 2));
    addPage(log, { id: 'b', url: 'https://x.example/b', time: 3 });
    addPage(log, { id: 'c', url: 'https://x.example/c', time: 4 });
    expect(log.pages.map((p) => p.id)).toEqual(['a', 'c']);
  });
});

describe('patchEvents', () => {
  it('adds late facts to every event of the request and only to those', () => {
    const log = emptyLog(7);
    addEvent(log, apiEvent('60', 1));
    addEvent(log, apiEvent('600', 2));
    const changed = patchEvents(log, '60', {
      ip: '127.0.0.1',
      error: 'net::ERR_INVALID_AUTH_CREDENTIALS',
      browserAuth: { scheme: 'basic', realm: 'intranet', isProxy: false },
    });
    expect(changed).toBe(true);
    expect(log.events[0]).toMatchObject({ ip: '127.0.0.1', error: 'net::ERR_INVALID_AUTH_CREDENTIALS' });
    expect(log.events[0]?.credentials.browserAuth).toEqual({
      scheme: 'basic',
      realm: 'intranet',
      isProxy: false,
    });
    expect(log.events[1]?.ip).toBeUndefined();
  });

  it('reports no change for an unknown request', () => {
    expect(patchEvents(emptyLog(7), '99', { ip: '::1' })).toBe(false);
  });
});

describe('replaceEvent', () => {
  it("puts the full listener's record in place of the cheap one, keeping its page load and browser answer", () => {
    const log = emptyLog(7);
    addPage(log, { id: 'doc-1', url: 'https://app.example/', time: 1 });
    addEvent(log, apiEvent('10', 2));
    addEvent(log, apiEvent('11', 3));
    patchEvents(log, '10', { browserAuth: { scheme: 'basic', isProxy: false } });
    const full = apiEvent('10', 2, {
      credentials: { requestHeaders: 'seen', cookieSent: true },
      response: { setCookieNames: ['sid'], setCookieCleared: ['sid'] },
    });
    expect(replaceEvent(log, full)).toBe(true);
    expect(log.events.map((e) => e.id)).toEqual(['10:2', '11:3']);
    expect(log.events[0]).toMatchObject({
      pageId: 'doc-1',
      credentials: {
        requestHeaders: 'seen',
        cookieSent: true,
        browserAuth: { scheme: 'basic', isProxy: false },
      },
      response: { setCookieNames: ['sid'] },
    });
  });

  it('keeps the cookie jar read after the first record (read once per event)', () => {
    const log = emptyLog(7);
    addEvent(log, apiEvent('10', 2));
    const cookieJar = { held: [], gone: [], laxByDefault: true };
    patchEvents(log, '10', { cookieJar });
    expect(
      replaceEvent(log, apiEvent('10', 2, { credentials: { requestHeaders: 'seen', cookieSent: false } })),
    ).toBe(true);
    expect(log.events[0]!.credentials).toEqual({ requestHeaders: 'seen', cookieSent: false, cookieJar });
  });

  it('leaves the log alone when the event is no longer there (trimmed or cleared)', () => {
    const log = emptyLog(7);
    addEvent(log, apiEvent('11', 3));
    expect(replaceEvent(log, apiEvent('10', 2))).toBe(false);
    expect(log.events.map((e) => e.id)).toEqual(['11:3']);
  });
});

describe('trimToBudget', () => {
  function filled(tabId: number, times: number[]): TabLog {
    const log = emptyLog(tabId);
    for (const t of times) addEvent(log, apiEvent(`${tabId}-${t}`, t, { tabId }));
    return log;
  }

  it('drops the oldest events across tabs until the total fits, counting them per tab', () => {
    const a = filled(1, [1, 4, 5]);
    const b = filled(2, [2, 3, 6]);
    const total = jsonSize(a) + jsonSize(b);
    const oneEvent = jsonSize(a.events[0]);
    const changed = trimToBudget([a, b], total - 2.5 * oneEvent);
    expect(a.events.map((e) => e.time)).toEqual([4, 5]);
    expect(b.events.map((e) => e.time)).toEqual([6]);
    expect([a.dropped, b.dropped]).toEqual([1, 2]);
    expect(changed).toEqual([a, b]);
    expect(jsonSize(a) + jsonSize(b)).toBeLessThanOrEqual(total - 2.5 * oneEvent);
  });

  it('never wipes a log: the newest events stay even when the target cannot be met', () => {
    const a = filled(1, [1, 2, 3]);
    const b = filled(2, [4]);
    trimToBudget([a, b], 0, 1);
    expect(a.events.map((e) => e.time)).toEqual([3]);
    expect(b.events.map((e) => e.time)).toEqual([4]);
    expect(a.dropped).toBe(2);
  });

  it('changes nothing when the logs already fit', () => {
    const a = filled(1, [1, 2]);
    expect(trimToBudget([a], 10_000_000)).toEqual([]);
    expect(a.events).toHaveLength(2);
  });
});
