import { describe, expect, it } from 'vitest';
import {
  domainMatches,
  heldCookiesOf,
  pathMatches,
  whyCookiesNotSent,
  type CookieJarFacts,
  type CookieRequest,
  type HeldCookie,
} from '../../src/core/cookies';

const T = Date.UTC(2026, 11, 3, 10, 0, 0);

/** A session cookie as a typical framework sets it: host-only, Path=/, HttpOnly, Lax by default. */
function cookie(over: Partial<HeldCookie> = {}): HeldCookie {
  return {
    name: 'sid',
    domain: 'app.a.test',
    hostOnly: true,
    path: '/',
    secure: false,
    sameSite: 'lax',
    ...over,
  };
}

function jar(held: HeldCookie[], over: Partial<CookieJarFacts> = {}): CookieJarFacts {
  return { held, gone: [], laxByDefault: true, ...over };
}

function req(over: Partial<CookieRequest> = {}): CookieRequest {
  return {
    url: 'https://app.a.test/api/me',
    type: 'xmlhttprequest',
    method: 'GET',
    initiator: 'https://app.a.test',
    cookieSent: false,
    time: T,
    ...over,
  };
}

interface Row {
  name: string;
  req: Partial<CookieRequest>;
  jar: CookieJarFacts;
  want: { name: string; reason: string; attribute?: string }[];
  /** Some cookie went (seen, or would pass every check); default false. */
  othersWent?: boolean;
}

const rows: Row[] = [
  {
    name: 'secure cookie on an http page',
    req: { url: 'http://app.a.test/api/me', initiator: 'http://app.a.test' },
    jar: jar([cookie({ secure: true })]),
    want: [{ name: 'sid', reason: 'secure-http' }],
  },
  {
    name: 'secure cookie on http://localhost is sent (loopback counts as secure)',
    req: { url: 'http://localhost:8080/api', initiator: 'http://localhost:8080' },
    jar: jar([cookie({ domain: 'localhost', secure: true })]),
    want: [],
  },
  {
    name: 'cookie still listed after its expiry (Firefox keeps it in cookies.getAll)',
    req: {},
    jar: jar([cookie({ expires: T - 1_000 })], { laxByDefault: false }),
    want: [{ name: 'sid', reason: 'gone-expired' }],
  },
  {
    name: 'cookie expiring after the request is sent',
    req: {},
    jar: jar([cookie({ expires: T + 60_000 })]),
    want: [],
  },
  {
    name: 'cookie scoped to /app, request to /api',
    req: {},
    jar: jar([cookie({ path: '/app' })]),
    want: [{ name: 'sid', reason: 'path', attribute: '/app' }],
  },
  {
    name: 'host-only cookie of www, request to api of the same site',
    req: { url: 'https://api.a.test/me', initiator: 'https://api.a.test' },
    jar: jar([cookie({ domain: 'www.a.test' })]),
    want: [{ name: 'sid', reason: 'domain', attribute: 'www.a.test' }],
  },
  {
    name: 'partitioned cookie set under another top-level site',
    req: { type: 'sub_frame', url: 'https://app.a.test/embed', initiator: 'https://app.a.test' },
    jar: jar([cookie({ secure: true, sameSite: 'no_restriction', partition: 'https://b.test' })], {
      topLevelSite: 'https://app.a.test',
    }),
    want: [{ name: 'sid', reason: 'partitioned', attribute: 'https://b.test' }],
  },
  {
    name: 'partitioned cookie under its own top-level site is sent',
    req: {
      type: 'sub_frame',
      url: 'https://app.a.test/embed',
      initiator: 'https://b.test',
      cookieSent: undefined,
    },
    jar: jar([cookie({ secure: true, sameSite: 'no_restriction', partition: 'https://b.test' })], {
      topLevelSite: 'https://b.test',
    }),
    want: [],
    othersWent: true,
  },
  {
    name: 'Lax cookie in a cross-site iframe',
    req: { type: 'sub_frame', initiator: 'https://b.test', cookieSent: undefined },
    jar: jar([cookie()], { topLevelSite: 'https://b.test' }),
    want: [{ name: 'sid', reason: 'samesite-lax' }],
  },
  {
    name: 'cookie without SameSite in a cross-site fetch counts as Lax in Chromium',
    req: { initiator: 'https://b.test' },
    jar: jar([cookie({ sameSite: 'unspecified' })], { topLevelSite: 'https://b.test' }),
    want: [{ name: 'sid', reason: 'samesite-lax' }],
  },
  {
    name: 'cookie without SameSite in Firefox goes cross-site: then it is the credentials mode',
    req: { initiator: 'https://b.test' },
    jar: jar([cookie({ sameSite: 'unspecified' })], { topLevelSite: 'https://b.test', laxByDefault: false }),
    want: [{ name: 'sid', reason: 'credentials-mode' }],
  },
  {
    name: 'Lax cookie goes with a top-level GET navigation from another site',
    req: {
      type: 'main_frame',
      url: 'https://app.a.test/',
      initiator: 'https://b.test',
      cookieSent: undefined,
    },
    jar: jar([cookie()]),
    want: [],
    othersWent: true,
  },
  {
    name: 'Lax cookie does not go with a cross-site form POST navigation',
    req: {
      type: 'main_frame',
      method: 'POST',
      url: 'https://app.a.test/login',
      initiator: 'https://b.test',
      cookieSent: undefined,
    },
    jar: jar([cookie()]),
    want: [{ name: 'sid', reason: 'samesite-lax' }],
  },
  {
    name: 'Strict cookie on a link from another site',
    req: {
      type: 'main_frame',
      url: 'https://app.a.test/',
      initiator: 'https://mail.example.com',
      cookieSent: undefined,
    },
    jar: jar([cookie({ sameSite: 'strict' })]),
    want: [{ name: 'sid', reason: 'samesite-strict' }],
  },
  {
    name: 'http initiator is another site than https (schemeful SameSite)',
    req: {
      type: 'main_frame',
      url: 'https://app.a.test/',
      initiator: 'http://app.a.test',
      cookieSent: undefined,
    },
    jar: jar([cookie({ sameSite: 'strict' })]),
    want: [{ name: 'sid', reason: 'samesite-strict' }],
  },
  {
    name: 'same-site cross-origin fetch without credentials',
    req: { url: 'https://api.a.test/me', initiator: 'https://app.a.test' },
    jar: jar([cookie({ domain: '.a.test', hostOnly: false })], { topLevelSite: 'https://a.test' }),
    want: [{ name: 'sid', reason: 'credentials-mode' }],
  },
  {
    name: 'SameSite=None cookie in a cross-site iframe: third-party cookies blocked',
    req: { type: 'sub_frame', initiator: 'https://b.test', cookieSent: undefined },
    jar: jar([cookie({ secure: true, sameSite: 'no_restriction' })], { topLevelSite: 'https://b.test' }),
    want: [{ name: 'sid', reason: 'third-party' }],
  },
  {
    name: 'cookie expired just before the request',
    req: {},
    jar: jar([], {
      gone: [{ name: 'sid', domain: 'app.a.test', path: '/', cause: 'expired', time: T - 200 }],
    }),
    want: [{ name: 'sid', reason: 'gone-expired' }],
  },
  {
    name: "removal after the response (the 401's own Set-Cookie) is not why the request lacked it",
    req: {},
    jar: jar([], {
      gone: [{ name: 'sid', domain: 'app.a.test', path: '/', cause: 'expired_overwrite', time: T + 3 }],
    }),
    want: [],
  },
  {
    name: 'a CORS preflight never carries cookies',
    req: { method: 'OPTIONS', initiator: 'https://b.test' },
    jar: jar([cookie()]),
    want: [],
  },
  {
    name: 'removal long before the 401 is no explanation',
    req: {},
    jar: jar([], {
      gone: [{ name: 'sid', domain: 'app.a.test', path: '/', cause: 'expired', time: T - 600_000 }],
    }),
    want: [],
  },
  {
    name: 'removed then set again: held, not gone',
    req: { cookieSent: true },
    jar: jar([cookie()], {
      gone: [{ name: 'sid', domain: 'app.a.test', path: '/', cause: 'explicit', time: T - 100 }],
    }),
    want: [],
    othersWent: true,
  },
  {
    name: 'a Cookie header went out: the withheld one is listed, others went',
    req: { cookieSent: true, url: 'http://app.a.test/api', initiator: 'http://app.a.test' },
    jar: jar([cookie({ secure: true }), cookie({ name: 'theme' })]),
    want: [{ name: 'sid', reason: 'secure-http' }],
    othersWent: true,
  },
  {
    name: 'unknown Cookie header and one cookie would go: others went',
    req: { type: 'main_frame', url: 'https://app.a.test/', initiator: undefined, cookieSent: undefined },
    jar: jar([cookie({ name: 'theme' }), cookie({ path: '/admin' })]),
    want: [{ name: 'sid', reason: 'path', attribute: '/admin' }],
    othersWent: true,
  },
  {
    name: 'observed no cookie: every held cookie is explained, most certain reason first',
    req: { url: 'http://app.a.test/api/me', initiator: 'http://app.a.test' },
    jar: jar([cookie({ secure: true, path: '/app' }), cookie({ name: 'csrf', path: '/app' })]),
    want: [
      { name: 'sid', reason: 'secure-http' },
      { name: 'csrf', reason: 'path', attribute: '/app' },
    ],
  },
];

describe('whyCookiesNotSent', () => {
  it.each(rows)('$name', ({ req: r, jar: j, want, othersWent = false }) => {
    expect(whyCookiesNotSent(req(r), j)).toEqual({ withheld: want, othersWent });
  });

  it('never throws on an unparsable URL', () => {
    expect(whyCookiesNotSent(req({ url: 'not a url' }), jar([cookie()]))).toEqual({
      withheld: [],
      othersWent: false,
    });
  });
});

describe('cookie matching (RFC 6265 §5.1.3, §5.1.4)', () => {
  it.each([
    ['/', '/anything', true],
    ['/app', '/app', true],
    ['/app', '/app/x', true],
    ['/app/', '/app/x', true],
    ['/app', '/application', false],
    ['/app', '/', false],
  ])('path %s vs %s → %s', (cookiePath, path, ok) => {
    expect(pathMatches(cookiePath, path)).toBe(ok);
  });

  it.each([
    [{ domain: '.a.test', hostOnly: false }, 'www.a.test', true],
    [{ domain: '.a.test', hostOnly: false }, 'a.test', true],
    [{ domain: 'a.test', hostOnly: true }, 'www.a.test', false],
    [{ domain: '.a.test', hostOnly: false }, 'evila.test', false],
  ])('domain %o vs %s → %s', (c, host, ok) => {
    expect(domainMatches(c, host)).toBe(ok);
  });
});

describe('heldCookiesOf keeps attributes, never values', () => {
  it('drops the value and puts the host cookies first', () => {
    const raw = [
      {
        name: 'other',
        value: 'v1',
        domain: 'www.a.test',
        hostOnly: true,
        path: '/',
        secure: false,
        sameSite: 'lax',
        session: true,
      },
      {
        name: 'sid',
        value: 'SECRET-VALUE',
        domain: '.a.test',
        hostOnly: false,
        path: '/',
        secure: true,
        sameSite: 'no_restriction',
        session: false,
        expirationDate: 1_800_000_000.5,
        partitionKey: { topLevelSite: 'https://b.test' },
      },
    ];
    const { held, more } = heldCookiesOf('https://api.a.test/', raw);
    expect(JSON.stringify(held)).not.toContain('SECRET');
    expect(held).toEqual([
      {
        name: 'sid',
        domain: '.a.test',
        hostOnly: false,
        path: '/',
        secure: true,
        sameSite: 'no_restriction',
        expires: 1_800_000_000_500,
        partition: 'https://b.test',
      },
      { name: 'other', domain: 'www.a.test', hostOnly: true, path: '/', secure: false, sameSite: 'lax' },
    ]);
    expect(more).toBeUndefined();
  });

  it('caps a large jar and counts the rest', () => {
    const raw = Array.from({ length: 50 }, (_, i) => ({
      name: `c${i}`,
      domain: 'a.test',
      hostOnly: true,
      path: '/',
      secure: false,
    }));
    const { held, more } = heldCookiesOf('https://a.test/', raw);
    expect(held).toHaveLength(40);
    expect(more).toBe(10);
  });
});
