import { describe, it } from 'vitest';
import { ch, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);

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

describe('diagnose: session rules', () => it.each(sessionCases)('$name', checkCase));
describe('diagnose: redirect rules', () => it.each(redirectCases)('$name', checkCase));
