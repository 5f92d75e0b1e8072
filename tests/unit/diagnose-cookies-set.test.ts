// The Set-Cookie rules: a cookie a recent response of the site set that the browser refused, or stored
// where this request cannot get it. Each case is a real-world shape; expected ids, kinds, detail
// variants and arguments are written out.
import { describe, it } from 'vitest';
import type { CookieJarFacts, SetCookieProblem } from '../../src/core/cookies';
import { checkCase, type DiagnosisCase, makeEvent } from './fixtures/events';

const T = Date.UTC(2026, 11, 3, 12, 0, 0);

const problem = (over: Partial<SetCookieProblem>): SetCookieProblem => ({
  name: 'sid',
  reason: 'samesite-none-insecure',
  host: 'app.example.com',
  time: T - 3_000,
  ...over,
});
const jar = (setCookies: SetCookieProblem[], over: Partial<CookieJarFacts> = {}): CookieJarFacts => ({
  held: [],
  gone: [],
  laxByDefault: true,
  topLevelSite: 'https://app.example.com',
  setCookies,
  ...over,
});
const event = (setCookies: SetCookieProblem[], cookieSent = false, over: Partial<CookieJarFacts> = {}) =>
  makeEvent({ time: T, credentials: { cookieSent, cookieNames: [], cookieJar: jar(setCookies, over) } });

const cases: DiagnosisCase[] = [
  {
    name: 'express sign-in sets connect.sid with SameSite=None and no Secure',
    event: event([problem({ name: 'connect.sid' })]),
    expect: [
      {
        id: 'cookie-refused',
        kind: 'cause',
        detail: 'detail_samesite_none',
        args: ['connect.sid', 'app.example.com'],
      },
    ],
    absent: ['cookie-not-sent', 'cookie-set-out-of-reach'],
  },
  {
    name: 'the session cookie is named first, the other refusal is listed too',
    event: event([
      problem({ name: 'pref', reason: 'domain-mismatch' }),
      problem({ name: 'laravel_session', reason: 'secure-insecure', host: 'login.example.com' }),
    ]),
    expect: [
      {
        id: 'cookie-refused',
        kind: 'cause',
        detail: 'detail_secure_more',
        args: ['laravel_session', 'login.example.com', 'pref'],
      },
    ],
  },
  {
    name: '__Host- cookie with Domain',
    event: event([problem({ name: '__Host-session', reason: 'prefix-host' })]),
    expect: [{ id: 'cookie-refused', kind: 'cause', detail: 'detail_prefix_host' }],
  },
  {
    name: 'embedded sign-in frame: third-party blocking is only likely',
    event: event([problem({ name: 'sso', reason: 'third-party', likely: true, host: 'idp.example.net' })]),
    expect: [{ id: 'cookie-refused', kind: 'possible-cause', detail: 'detail_third_party' }],
  },
  {
    name: 'a tracking cookie refused while the session cookie went: possible only',
    event: event([problem({ name: '_ga_x', reason: 'domain-public-suffix' })], true),
    expect: [{ id: 'cookie-refused', kind: 'possible-cause', detail: 'detail_public_suffix' }],
  },
  {
    name: 'a nameless cookie is shown as such',
    event: event([problem({ name: '', reason: 'no-name' })]),
    expect: [
      {
        id: 'cookie-refused',
        kind: 'cause',
        detail: 'detail_malformed',
        args: ['(no name)', 'app.example.com'],
      },
    ],
  },
  {
    name: 'sign-in host set a host-only session, the API host got nothing',
    event: event([
      problem({
        name: 'SESSION',
        reason: 'host-only',
        attribute: 'login.example.com',
        host: 'login.example.com',
      }),
    ]),
    expect: [
      {
        id: 'cookie-set-out-of-reach',
        kind: 'cause',
        detail: 'detail_host_only',
        args: ['SESSION', 'login.example.com', 'login.example.com', 'app.example.com'],
      },
    ],
    absent: ['cookie-refused'],
  },
  {
    name: 'default path of /auth/login keeps the cookie off /api',
    event: event([problem({ name: 'sid', reason: 'path', attribute: '/auth' })]),
    expect: [
      {
        id: 'cookie-set-out-of-reach',
        kind: 'cause',
        detail: 'detail_path',
        args: ['sid', 'app.example.com', '/auth', '/api/me'],
      },
    ],
  },
  {
    name: "the 401's own deletion is the session family's story",
    event: makeEvent({
      time: T,
      response: { setCookieNames: ['sid'], setCookieCleared: ['sid'] },
      credentials: { cookieSent: false, cookieNames: [], cookieJar: jar([problem({ reason: 'deleted' })]) },
    }),
    expect: [],
    absent: ['cookie-set-out-of-reach'],
  },
  {
    name: 'a sign-out a minute ago deleted the session',
    event: event([problem({ reason: 'deleted', time: T - 60_000 })]),
    expect: [{ id: 'cookie-set-out-of-reach', kind: 'cause', detail: 'detail_deleted' }],
  },
  {
    name: 'a CORS preflight never carries cookies: no cookie explains it',
    event: makeEvent({
      time: T,
      method: 'OPTIONS',
      credentials: {
        cookieSent: false,
        cookieNames: [],
        cookieJar: jar([problem({}), problem({ reason: 'deleted' })]),
      },
    }),
    expect: [],
    absent: ['cookie-refused', 'cookie-set-out-of-reach'],
  },
  {
    name: 'nothing refused, nothing said',
    event: event([]),
    expect: [],
    absent: ['cookie-refused', 'cookie-set-out-of-reach'],
  },
];

const unwatched = (over: Partial<CookieJarFacts> = {}) =>
  makeEvent({
    time: T,
    credentials: {
      cookieSent: false,
      cookieNames: [],
      cookieJar: { held: [], gone: [], laxByDefault: true, ...over },
    },
  });

cases.push(
  {
    name: "Chromium, a host's first 401, nothing held: whether a cookie was refused is not known",
    event: unwatched(),
    context: { browser: 'chromium' },
    expect: [{ id: 'cookie-refusal-unknown', kind: 'info', args: ['app.example.com'] }],
  },
  {
    name: 'Firefox saw every Set-Cookie: nothing to say',
    event: unwatched(),
    context: { browser: 'firefox' },
    expect: [],
    absent: ['cookie-refusal-unknown'],
  },
  {
    name: 'watched host (the facts are there, even empty): nothing unknown',
    event: unwatched({ setCookies: [] }),
    context: { browser: 'chromium' },
    expect: [],
    absent: ['cookie-refusal-unknown'],
  },
);

describe('Set-Cookie rules', () => {
  it.each(cases)('$name', async (c) => {
    await checkCase(c);
  });

  it('a hostile record (setCookies not a list) gives no finding and no throw', async () => {
    const bad = event([]);
    (bad.credentials.cookieJar as unknown as { setCookies: unknown }).setCookies = 'x';
    await checkCase({ name: 'hostile', event: bad, expect: [], absent: ['cookie-refused'] });
  });
});
