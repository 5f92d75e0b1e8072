import { describe, it } from 'vitest';
import type { CookieJarFacts, HeldCookie } from '../../src/core/cookies';
import { checkCase, type DiagnosisCase, makeEvent } from './fixtures/events';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);

const sid = (over: Partial<HeldCookie> = {}): HeldCookie => ({
  name: 'sid',
  domain: 'app.example.com',
  hostOnly: true,
  path: '/',
  secure: true,
  sameSite: 'lax',
  ...over,
});
const jar = (held: HeldCookie[], over: Partial<CookieJarFacts> = {}): CookieJarFacts => ({
  held,
  gone: [],
  laxByDefault: true,
  topLevelSite: 'https://example.com',
  ...over,
});

const cases: DiagnosisCase[] = [
  {
    name: 'express-session-expired-a-second-before',
    event: makeEvent({
      time: T,
      credentials: {
        cookieSent: false,
        cookieNames: [],
        cookieJar: jar([], {
          gone: [
            { name: 'connect.sid', domain: 'app.example.com', path: '/', cause: 'expired', time: T - 900 },
          ],
        }),
      },
    }),
    expect: [
      {
        id: 'cookie-gone',
        kind: 'cause',
        detail: 'detail_expired',
        args: ['connect.sid', 'app.example.com'],
      },
    ],
    absent: ['not-signed-in'],
  },
  {
    name: 'session-ended-by-an-earlier-401-is-that-401s-story',
    event: makeEvent({
      time: T,
      credentials: {
        cookieSent: false,
        cookieNames: [],
        cookieJar: jar([], {
          gone: [
            {
              name: 'session',
              domain: 'app.example.com',
              path: '/',
              cause: 'expired_overwrite',
              time: T - 2000,
            },
          ],
        }),
      },
    }),
    history: [
      makeEvent({
        time: T - 2001,
        url: 'https://app.example.com/api/session',
        response: { setCookieCleared: ['session'] },
      }),
    ],
    expect: [{ id: 'not-signed-in', kind: 'cause' }],
    absent: ['cookie-gone'],
  },
  {
    name: 'secure-session-cookie-on-http-staging',
    event: makeEvent({
      url: 'http://app.example.com/api/me',
      initiator: 'http://app.example.com',
      credentials: { cookieSent: false, cookieNames: [], cookieJar: jar([sid()]) },
    }),
    expect: [{ id: 'cookie-secure-http', kind: 'cause', args: ['sid', 'http://app.example.com'] }],
    absent: ['not-signed-in', 'cookie-not-sent'],
  },
  {
    name: 'cookie-path-admin-api-elsewhere',
    event: makeEvent({
      credentials: { cookieSent: false, cookieNames: [], cookieJar: jar([sid({ path: '/admin' })]) },
    }),
    expect: [
      { id: 'cookie-path-domain', kind: 'cause', detail: 'detail_path', args: ['sid', '/admin', '/api/me'] },
    ],
    absent: ['not-signed-in'],
  },
  {
    name: 'host-only-cookie-of-www-api-subdomain',
    event: makeEvent({
      url: 'https://api.example.com/me',
      initiator: 'https://api.example.com',
      credentials: {
        cookieSent: false,
        cookieNames: [],
        cookieJar: jar([sid({ domain: 'www.example.com' })]),
      },
    }),
    expect: [
      {
        id: 'cookie-path-domain',
        kind: 'cause',
        detail: 'detail_domain',
        args: ['sid', 'www.example.com', 'api.example.com'],
      },
    ],
    absent: ['not-signed-in'],
  },
  {
    name: 'chips-cookie-from-another-embedder',
    event: makeEvent({
      type: 'sub_frame',
      credentials: {
        requestHeaders: 'unknown',
        cookieSent: undefined,
        cookieNames: ['sid'],
        cookieJar: jar([sid({ sameSite: 'no_restriction', partition: 'https://shop.test' })], {
          topLevelSite: 'https://news.test',
        }),
      },
    }),
    expect: [
      { id: 'cookie-partitioned', kind: 'cause', args: ['sid', 'https://shop.test', 'https://news.test'] },
    ],
  },
  {
    name: 'lax-cookie-in-cross-site-iframe',
    event: makeEvent({
      type: 'sub_frame',
      initiator: 'https://partner.test',
      credentials: {
        requestHeaders: 'unknown',
        cookieSent: undefined,
        cookieNames: ['sid'],
        cookieJar: jar([sid()], { topLevelSite: 'https://partner.test' }),
      },
    }),
    expect: [
      {
        id: 'cookie-samesite',
        kind: 'cause',
        detail: 'detail_lax',
        args: ['sid', 'https://partner.test', 'https://app.example.com'],
      },
    ],
    absent: ['cookie-withheld-cross-site'],
  },
  {
    name: 'spa-calls-api-subdomain-without-credentials',
    event: makeEvent({
      url: 'https://api.example.com/me',
      initiator: 'https://app.example.com',
      credentials: {
        cookieSent: false,
        cookieNames: ['sid'],
        cookieJar: jar([sid({ domain: '.example.com', hostOnly: false })]),
      },
    }),
    expect: [
      {
        id: 'cookie-credentials-mode',
        kind: 'cause',
        args: ['sid', 'https://app.example.com', 'https://api.example.com'],
      },
    ],
    absent: ['cookie-not-attached-cross-origin', 'cookie-not-sent'],
  },
  {
    name: 'samesite-none-widget-third-party-blocked',
    event: makeEvent({
      type: 'sub_frame',
      url: 'https://widget.example.com/frame',
      initiator: 'https://blog.test',
      credentials: {
        requestHeaders: 'unknown',
        cookieSent: undefined,
        cookieNames: ['sid'],
        cookieJar: jar([sid({ domain: 'widget.example.com', sameSite: 'no_restriction' })], {
          topLevelSite: 'https://blog.test',
        }),
      },
    }),
    expect: [{ id: 'cookie-third-party', kind: 'possible-cause' }],
  },
  {
    name: 'old-record-without-cookie-jar-keeps-the-old-wording',
    event: makeEvent({
      url: 'http://app.example.com/api/me',
      initiator: 'http://app.example.com',
      credentials: { cookieSent: false, cookieNames: ['sid'] },
    }),
    expect: [{ id: 'cookie-not-sent', kind: 'possible-cause', detail: 'detail_http' }],
    absent: ['cookie-secure-http'],
  },
  {
    name: 'cookie-went-out-but-the-session-cookie-is-path-scoped',
    event: makeEvent({
      credentials: {
        cookieSent: true,
        cookieNames: ['sid'],
        cookieJar: jar([sid({ path: '/admin' }), sid({ name: 'theme' })]),
      },
    }),
    expect: [
      {
        id: 'cookie-path-domain',
        kind: 'possible-cause',
        detail: 'detail_path',
        args: ['sid', '/admin', '/api/me'],
      },
    ],
  },
  {
    name: 'cookie-went-out: a withheld non-session cookie explains nothing',
    event: makeEvent({
      credentials: {
        cookieSent: true,
        cookieNames: ['sid'],
        cookieJar: jar([sid({ name: 'prefs', path: '/admin' }), sid()]),
      },
    }),
    expect: [],
    absent: ['cookie-path-domain', 'cookie-gone', 'cookie-secure-http'],
  },
  {
    name: 'cors-preflight: an OPTIONS request never carries cookies, so none was withheld from it',
    event: makeEvent({
      method: 'OPTIONS',
      time: T,
      credentials: {
        cookieSent: false,
        cookieNames: [],
        cookieJar: jar([], {
          gone: [
            { name: 'connect.sid', domain: 'app.example.com', path: '/', cause: 'expired', time: T - 900 },
          ],
        }),
      },
    }),
    expect: [],
    absent: ['cookie-gone', 'cookie-samesite', 'cookie-secure-http', 'cookie-path-domain'],
  },
  {
    name: 'hostile-cookie-jar-shape',
    event: makeEvent({
      credentials: {
        cookieSent: false,
        cookieJar: { held: 'nope', gone: null } as unknown as CookieJarFacts,
      },
    }),
    expect: [],
    absent: ['cookie-path-domain'],
  },
];

describe('diagnose: why the cookie was not sent', () => {
  it.each(cases)('$name', checkCase);
});
