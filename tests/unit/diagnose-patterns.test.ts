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

const sessionCases: DiagnosisCase[] = [
  {
    name: 'a-maybe-does-not-hide-a-cause (analytics cookie cleared, token refused)',
    event: makeEvent({
      credentials: { authorizationScheme: 'Token', cookieSent: false },
      response: { setCookieNames: ['_hjSession'], setCookieCleared: ['_hjTmp'] },
    }),
    expect: [
      { id: 'credentials-rejected', kind: 'cause', detail: 'detail_authorization', args: ['Token'] },
      { id: 'session-cleared', kind: 'possible-cause' },
    ],
  },
  {
    name: 'analytics-cookie-expired-is-not-a-sign-out',
    event: makeEvent({ response: { setCookieNames: ['_ga_tmp'], setCookieCleared: ['_ga_tmp'] } }),
    expect: [{ id: 'session-cleared', kind: 'possible-cause', args: ['_ga_tmp'] }],
  },
  {
    name: 'clear-site-data-cache-only',
    event: makeEvent({ response: { clearSiteData: '"cache"' } }),
    expect: [{ id: 'session-cleared', kind: 'possible-cause', detail: 'detail_clear_site_data' }],
  },
  {
    name: 'laravel-session-cleared-without-seen-cookie',
    event: makeEvent({
      credentials: { requestHeaders: 'unknown', cookieSent: undefined },
      response: { setCookieNames: ['laravel_session'], setCookieCleared: ['laravel_session'] },
    }),
    expect: [{ id: 'session-cleared', kind: 'cause' }],
  },
  {
    name: 'tomcat-session-expired-cookie-deleted',
    event: makeEvent({
      credentials: { cookieSent: true, cookieNames: ['JSESSIONID'] },
      response: { setCookieNames: ['JSESSIONID'], setCookieCleared: ['JSESSIONID'] },
    }),
    expect: [{ id: 'session-cleared', kind: 'cause', detail: 'detail', args: ['JSESSIONID'] }],
    absent: ['credentials-rejected'],
  },
  {
    name: 'logout-clear-site-data',
    event: makeEvent({ response: { clearSiteData: '"cookies", "storage"' } }),
    expect: [
      {
        id: 'session-cleared',
        kind: 'cause',
        detail: 'detail_clear_site_data',
        args: ['"cookies", "storage"'],
      },
    ],
  },
  {
    name: 'idle-45-minutes-after-page-load',
    event: makeEvent({ time: T, credentials: { cookieSent: true } }),
    context: { pageTime: T - 45 * 60_000 },
    expect: [{ id: 'session-idle', kind: 'possible-cause', detail: 'detail_page_minutes', args: ['45'] }],
  },
  {
    name: 'idle-known-only-from-the-tabs-first-401',
    event: makeEvent({ time: T }),
    history: [makeEvent({ time: T - 2 * 3_600_000, url: 'https://app.example.com/api/ping' })],
    expect: [{ id: 'session-idle', kind: 'possible-cause', detail: 'detail_history_hours', args: ['2'] }],
  },
  {
    name: 'five-minutes-is-not-idle',
    event: makeEvent({ time: T }),
    context: { pageTime: T - 5 * 60_000 },
    expect: [],
    absent: ['session-idle'],
  },
  {
    name: 'another-page-load-does-not-count',
    event: makeEvent({ time: T }),
    history: [makeEvent({ time: T - 2 * 3_600_000, pageId: 'page-0' })],
    expect: [],
    absent: ['session-idle'],
  },
];

const redirectCases: DiagnosisCase[] = [
  {
    name: 'http-to-https-redirect-drops-authorization',
    event: makeEvent({
      url: 'https://api.example.com/v1/items',
      initiator: 'https://app.example.com',
      redirects: [
        {
          url: 'http://api.example.com/v1/items',
          status: 301,
          redirectUrl: 'https://api.example.com/v1/items',
        },
      ],
      ...www(ch('Bearer', { realm: 'api' })),
    }),
    expect: [
      {
        id: 'redirect-dropped-credentials',
        kind: 'cause',
        args: [
          'http://api.example.com',
          'https://api.example.com',
          'http://api.example.com/v1/items (301) → https://api.example.com/v1/items',
        ],
      },
    ],
    absent: ['redirect-chain'],
  },
  {
    name: 'same-origin-trailing-slash-redirect',
    event: makeEvent({
      url: 'https://app.example.com/api/items/',
      redirects: [
        {
          url: 'https://app.example.com/api/items',
          status: 308,
          redirectUrl: 'https://app.example.com/api/items/',
        },
      ],
    }),
    expect: [
      {
        id: 'redirect-chain',
        kind: 'info',
        args: ['1', 'https://app.example.com/api/items (308) → https://app.example.com/api/items/'],
      },
    ],
    absent: ['redirect-dropped-credentials'],
  },
];

const networkCases: DiagnosisCase[] = [
  {
    name: 'different-endpoints-on-different-versions-are-no-typo',
    event: makeEvent({ url: 'https://app.example.com/api/v1/users' }),
    history: [makeEvent({ url: 'https://app.example.com/api/v2/orders' })],
    expect: [],
    absent: ['wrong-url'],
  },
  {
    name: 'public-name-served-from-private-address',
    event: makeEvent({ url: 'https://www.example.com/account', type: 'main_frame', ip: '192.168.1.20' }),
    expect: [
      {
        id: 'served-by-ip',
        kind: 'possible-cause',
        detail: 'detail_unexpected_private',
        args: ['www.example.com', '192.168.1.20'],
      },
    ],
  },
  {
    name: 'hosts-file-points-to-loopback',
    event: makeEvent({ url: 'https://portal.example.com/', type: 'main_frame', ip: '127.0.0.1' }),
    expect: [{ id: 'served-by-ip', kind: 'possible-cause', detail: 'detail_unexpected_loopback' }],
  },
  {
    name: 'intranet-name-on-private-address-is-expected',
    event: makeEvent({ url: 'http://intranet/', type: 'main_frame', ip: '10.1.2.3' }),
    expect: [{ id: 'served-by-ip', kind: 'info', detail: 'detail', args: ['intranet', '10.1.2.3'] }],
  },
  {
    name: 'public-ipv6',
    event: makeEvent({ url: 'https://www.example.com/', ip: '2001:db8::1' }),
    expect: [{ id: 'served-by-ip', kind: 'info', detail: 'detail' }],
  },
  {
    name: 'ip-literal-url-needs-no-dns-advice',
    event: makeEvent({ url: 'http://203.0.113.9:8080/admin', ip: '203.0.113.9' }),
    expect: [],
    absent: ['served-by-ip'],
  },
  {
    name: 'double-slash-in-path',
    event: makeEvent({ url: 'https://app.example.com/api//users' }),
    expect: [{ id: 'wrong-url', kind: 'possible-cause', args: ['//', 'https://app.example.com/api//users'] }],
    absent: ['only-this-path'],
  },
  {
    name: 'api-v1-while-the-app-uses-v2',
    event: makeEvent({ url: 'https://app.example.com/api/v1/orders' }),
    history: [makeEvent({ url: 'https://app.example.com/api/v2/orders' })],
    expect: [
      {
        id: 'wrong-url',
        kind: 'possible-cause',
        args: ['/v1 ≠ /v2', 'https://app.example.com/api/v1/orders'],
      },
    ],
  },
  {
    name: 'only-this-path-fails-on-a-working-site',
    event: makeEvent({
      url: 'https://app.example.com/reports/export.csv',
      ...www(ch('Bearer', { realm: 'reports' })),
      credentials: { requestHeaders: 'unknown', cookieSent: undefined },
    }),
    expect: [
      { id: 'only-this-path', kind: 'info', args: ['/reports/export.csv', 'https://app.example.com'] },
    ],
  },
  {
    name: 'only-this-path-stays-quiet-next-to-a-cause',
    event: makeEvent({ url: 'https://app.example.com/reports/export.csv' }),
    expect: [{ id: 'nothing-sent', kind: 'cause' }],
    absent: ['only-this-path'],
  },
];

describe('diagnose: loop, burst and rate rules', () => it.each(patternCases)('$name', checkCase));
describe('diagnose: session rules', () => it.each(sessionCases)('$name', checkCase));
describe('diagnose: redirect rules', () => it.each(redirectCases)('$name', checkCase));
describe('diagnose: network and URL rules', () => it.each(networkCases)('$name', checkCase));
