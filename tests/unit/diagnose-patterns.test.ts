import { describe, it } from 'vitest';
import { ch, checkCase, type DiagnosisCase, makeEvent, series, www } from './fixtures/events';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);
const me = 'https://app.example.com/api/me';

function loopOf(n: number, stepMs: number, overrides: Parameters<typeof makeEvent>[0] = {}) {
  const all = series(n, stepMs, T, overrides).map((e, i) => ({ ...e, url: `${e.url}?_=${i}` }));
  return { event: all.at(-1)!, history: all.slice(0, -1) };
}

const patternCases: DiagnosisCase[] = [
  {
    name: 'loop-shown-on-its-first-event-too',
    event: loopOf(4, 2_000, { url: me }).history[0]!,
    history: loopOf(4, 2_000, { url: me })
      .history.slice(1)
      .concat(loopOf(4, 2_000, { url: me }).event),
    expect: [{ id: 'auth-loop', kind: 'cause', args: ['4', '6'] }],
  },
  {
    name: 'react-refresh-token-loop',
    ...loopOf(4, 2_000, {
      url: me,
      ...www(ch('Bearer', { error: 'invalid_token' })),
      credentials: { authorizationScheme: 'Bearer' },
    }),
    expect: [{ id: 'auth-loop', kind: 'cause', detail: 'detail_refresh', args: ['4', '6'] }],
  },
  {
    name: 'login-redirect-loop',
    ...loopOf(3, 1_000, { url: 'https://shop.example.com/account', type: 'main_frame' }),
    expect: [{ id: 'auth-loop', kind: 'cause', detail: 'detail_login', args: ['3', '2'] }],
  },
  {
    name: 'two-401s-are-not-a-loop',
    ...loopOf(2, 1_000, { url: me }),
    expect: [],
    absent: ['auth-loop'],
  },
  {
    name: 'same-url-minutes-apart-is-not-a-loop',
    ...loopOf(4, 120_000, { url: me }),
    expect: [],
    absent: ['auth-loop', 'auth-burst'],
  },
  {
    name: 'history-that-includes-the-event-itself',
    event: makeEvent({ url: me, time: T, id: 'same' }),
    history: [makeEvent({ url: me, time: T, id: 'same' }), makeEvent({ url: me, time: T - 1_000 })],
    expect: [],
    absent: ['auth-loop'],
  },
  {
    name: 'dashboard-widgets-burst',
    event: makeEvent({ url: 'https://grafana.example.com/api/ds/query/11', time: T }),
    history: series(11, 4_000, T - 1_000).map((e, i) => ({
      ...e,
      url: `https://grafana.example.com/api/ds/query/${i}`,
    })),
    expect: [{ id: 'auth-burst', kind: 'possible-cause', args: ['12', 'https://grafana.example.com'] }],
  },
  {
    name: 'retry-after-seconds',
    event: makeEvent({ response: { retryAfter: '120' } }),
    expect: [{ id: 'retry-after', kind: 'cause', detail: 'detail_seconds', args: ['120'] }],
  },
  {
    name: 'retry-after-http-date',
    event: makeEvent({ response: { retryAfter: 'Mon, 23 Nov 2026 12:30:00 GMT' } }),
    expect: [
      { id: 'retry-after', kind: 'cause', detail: 'detail_date', args: ['Mon, 23 Nov 2026 12:30:00 GMT'] },
    ],
  },
];

describe('diagnose: loop, burst and rate rules', () => it.each(patternCases)('$name', checkCase));
