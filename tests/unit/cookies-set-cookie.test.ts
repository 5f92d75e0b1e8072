// Set-Cookie read as RFC 6265bis §5.6 reads it, and the storage verdict of §5.7 as Chromium 156 and
// Firefox ESR 153 apply it. Every verdict row was seen in the real browsers (INTERNALS.md "Cookies
// refused at Set-Cookie"); the expected verdicts are written out here, not computed.
import { describe, expect, it } from 'vitest';
import {
  defaultPath,
  deletesCookie,
  parseSetCookie,
  setCookieLines,
  setCookieVerdict,
  type CookieBrowser,
  type SetCookieContext,
  type SetCookieVerdict,
} from '../../src/core/cookies';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

describe('parseSetCookie keeps the name and attributes, never the value', () => {
  it.each([
    [
      'sid=SECRET; Path=/; HttpOnly',
      { name: 'sid', valueOctets: 6, path: '/', httpOnly: true, secure: false },
    ],
    ['  __Host-s = abc ; Secure', { name: '__Host-s', valueOctets: 3, secure: true }],
    ['sid=x; SameSite=None; Secure; Partitioned', { sameSite: 'none', secure: true, partitioned: true }],
    ['sid=x; samesite=LAX', { sameSite: 'lax' }],
    ['sid=x; SameSite=Strict; SameSite=bogus', { sameSite: undefined }],
    ['sid=x; Domain=.A.Test', { domain: 'a.test' }],
    ['sid=x; Domain=', { domain: undefined }],
    ['sid=x; Path=api', { path: undefined }],
    ['sid=x; Max-Age=0', { maxAge: 0 }],
    ['sid=x; Max-Age=1e3', { maxAge: undefined }],
    ['sid=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT', { expires: 0 }],
    ['=novalue', { name: '', bareValue: false, valueOctets: 7 }],
    ['TOKEN123', { name: '', bareValue: true, valueOctets: 8 }],
    ['sid=приве', { valueOctets: 10 }],
  ])('%j', (line, want) => {
    const parsed = parseSetCookie(line) as unknown as Record<string, unknown>;
    expect(Object.fromEntries(Object.keys(want).map((k) => [k, parsed[k]]))).toEqual(want);
  });

  it('never holds the value anywhere in what it returns', () => {
    const parsed = parseSetCookie('sid=eyJhbGciOiJIUzI1NiJ9.SECRET; Path=/');
    expect(JSON.stringify(parsed)).not.toContain('SECRET');
    expect(JSON.stringify(parseSetCookie('BARE-SECRET'))).not.toContain('SECRET');
  });

  it.each([
    ['sid=a\u0001b', 'control-character'],
    ['sid=x\rmore', 'control-character'],
    ['sid=a\tb', undefined],
    [`big=${'x'.repeat(4094)}`, 'too-large'],
    [`big=${'x'.repeat(4093)}`, undefined],
    ['=', 'empty'],
    ['; Path=/', 'empty'],
  ])('%# is malformed: %s', (line, malformed) => {
    expect(parseSetCookie(line).malformed).toBe(malformed);
  });

  it('ignores an attribute over 1024 octets and keeps the rest', () => {
    const parsed = parseSetCookie(`sid=x; Path=/${'p'.repeat(1024)}; Secure`);
    expect([parsed.path, parsed.secure, parsed.ignored]).toEqual([undefined, true, ['path']]);
  });

  it('splits the lines Firefox joins with a line break', () => {
    expect(setCookieLines('a=1\nb=2; Secure\n')).toEqual(['a=1', 'b=2; Secure']);
  });

  it.each([
    ['sid=; Max-Age=0', true],
    ['sid=x; Max-Age=-5', true],
    ['sid=x; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT', false],
    ['sid=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT', true],
    ['sid=x', false],
  ])('%j deletes: %s', (line, deleted) => {
    expect(deletesCookie(parseSetCookie(line), NOW)).toBe(deleted);
  });

  it.each([
    ['/', '/'],
    ['/login', '/'],
    ['/app/login', '/app'],
    ['/app/sub/', '/app/sub'],
    ['', '/'],
  ])('default path of %j is %j', (path, want) => {
    expect(defaultPath(path)).toBe(want);
  });
});

interface Row {
  line: string;
  url?: string;
  type?: string;
  initiator?: string;
  topLevelSite?: string;
  want: SetCookieVerdict;
  /** Only for one browser (default: the same verdict in both). */
  browser?: CookieBrowser;
}

const http = 'http://a.test/login';
const refused = (reason: string, likely?: true): SetCookieVerdict =>
  (likely ? { outcome: 'refused', reason, likely } : { outcome: 'refused', reason }) as SetCookieVerdict;
const stored = (domain: string, path = '/', extra: object = {}): SetCookieVerdict =>
  ({
    outcome: 'stored',
    scope: { domain, hostOnly: true, path, secure: false, ...extra },
  }) as SetCookieVerdict;

const rows: Row[] = [
  { line: 'plain=1', want: stored('a.test') },
  { line: 'sid=1; SameSite=None', want: refused('samesite-none-insecure') },
  {
    line: 'sid=1; SameSite=None',
    url: 'http://localhost:8080/login',
    want: refused('samesite-none-insecure'),
  },
  { line: 'sid=1; Secure', want: refused('secure-insecure') },
  {
    line: 'sid=1; Secure',
    url: 'http://localhost:8080/login',
    want: stored('localhost', '/', { secure: true }),
  },
  { line: 'sid=1; Secure', url: 'https://a.test/x/login', want: stored('a.test', '/x', { secure: true }) },
  { line: 'sid=1; Domain=b.test', want: refused('domain-mismatch') },
  { line: 'sid=1; Domain=sub.a.test', want: refused('domain-mismatch') },
  { line: 'sid=1; Domain=127.0.0.1', want: refused('domain-mismatch') },
  { line: 'sid=1; Domain=a.test', want: stored('a.test', '/', { hostOnly: false }) },
  { line: 'sid=1; Domain=test', want: refused('domain-public-suffix') },
  { line: 'sid=1; Domain=github.io', url: 'http://x.github.io/', want: refused('domain-public-suffix') },
  {
    line: 'sid=1; Domain=x.github.io',
    url: 'http://x.github.io/',
    want: stored('x.github.io', '/', { hostOnly: false }),
  },
  { line: 'sid=1; Domain=localhost', url: 'http://localhost/', want: stored('localhost') },
  {
    line: '__Host-sid=1; Secure; Path=/; Domain=a.test',
    url: 'https://a.test/',
    want: refused('prefix-host'),
  },
  { line: '__Host-sid=1; Secure', url: 'https://a.test/app/login', want: refused('prefix-host') },
  { line: '__Host-sid=1; Path=/', url: 'https://a.test/', want: refused('prefix-host') },
  {
    line: '__Host-sid=1; Secure; Path=/',
    url: 'https://a.test/',
    want: stored('a.test', '/', { secure: true }),
  },
  { line: '__Secure-sid=1', url: 'https://a.test/', want: refused('prefix-secure') },
  { line: '__secure-sid=1', url: 'https://a.test/', want: refused('prefix-secure') },
  { line: '__Secure-sid=1', want: refused('prefix-secure') },
  { line: 'sid=1; Partitioned', want: refused('partitioned-insecure') },
  { line: 'sid=1; Partitioned; SameSite=None', want: refused('samesite-none-insecure') },
  {
    line: 'sid=1; Partitioned; Secure',
    url: 'http://localhost/',
    want: stored('localhost', '/', { secure: true, partition: 'http://localhost' }),
  },
  { line: `big=${'x'.repeat(4100)}`, want: refused('too-large') },
  { line: 'sp ace=1', want: stored('a.test') },
  { line: 'semi=a"b', want: stored('a.test') },
  {
    line: `long=1; Path=/${'p'.repeat(1100)}`,
    url: 'http://a.test/app/login',
    want: stored('a.test', '/app'),
  },
  { line: 'del=1; Max-Age=0', want: { outcome: 'deleted' } },
  { line: 'del=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT', want: { outcome: 'deleted' } },
  { line: '=noname', browser: 'chromium', want: stored('a.test') },
  { line: '=noname', browser: 'firefox', want: refused('no-name') },
  { line: 'nameonly', want: stored('a.test') },
  // A fetch from a.test to b.test (credentials: 'include'), and b.test framed in a.test.
  ...(['xmlhttprequest', 'sub_frame'] as const).flatMap((type): Row[] => {
    const cross = {
      url: 'http://b.test/set',
      type,
      initiator: 'http://a.test',
      topLevelSite: 'http://a.test',
    };
    return [
      { ...cross, line: 'x=1; SameSite=Lax', want: refused('samesite-cross-site') },
      { ...cross, line: 'x=1; SameSite=Strict', want: refused('samesite-cross-site') },
      { ...cross, line: 'x=1', browser: 'chromium', want: refused('samesite-cross-site') },
      {
        ...cross,
        line: 'x=1',
        browser: 'firefox',
        want: stored('b.test', '/', { partition: 'http://a.test' }),
      },
      { ...cross, line: 'x=1; SameSite=None', want: refused('samesite-none-insecure') },
    ];
  }),
  // 127.0.0.1 framed in localhost: both loopback (secure), two sites.
  ...((): Row[] => {
    const frame = {
      url: 'http://127.0.0.1/set',
      type: 'sub_frame',
      initiator: 'http://localhost',
      topLevelSite: 'http://localhost',
    };
    return [
      {
        ...frame,
        line: 'tp=1; SameSite=None; Secure',
        browser: 'chromium',
        want: refused('third-party', true),
      },
      {
        ...frame,
        line: 'tp=1; SameSite=None; Secure',
        browser: 'firefox',
        want: stored('127.0.0.1', '/', { secure: true, partition: 'http://localhost' }),
      },
      {
        ...frame,
        line: 'tpp=1; SameSite=None; Secure; Partitioned',
        want: stored('127.0.0.1', '/', { secure: true, partition: 'http://localhost' }),
      },
      { ...frame, line: 'tplax=1; SameSite=Lax; Secure', want: refused('samesite-cross-site') },
    ];
  })(),
  // A cross-site top-level navigation (a sign-in redirect back) may set Lax and Strict cookies.
  {
    line: 'sid=1; SameSite=Strict',
    type: 'main_frame',
    initiator: 'http://idp.b.test',
    want: stored('a.test'),
  },
];

describe('setCookieVerdict: whether the browser stores the cookie, as Chromium and Firefox do', () => {
  const cases = rows.flatMap((row) =>
    (row.browser ? [row.browser] : (['chromium', 'firefox'] as const)).map((browser) => ({
      ...row,
      browser,
    })),
  );
  it.each(cases)('$browser: $line from $url ($type)', (row) => {
    const ctx: SetCookieContext = {
      url: row.url ?? http,
      type: row.type ?? 'main_frame',
      browser: row.browser,
      now: NOW,
      ...(row.initiator ? { initiator: row.initiator } : {}),
      ...(row.topLevelSite ? { topLevelSite: row.topLevelSite } : {}),
    };
    expect(setCookieVerdict(parseSetCookie(row.line), ctx)).toEqual(row.want);
  });

  it('never throws on hostile input', () => {
    const ctx: SetCookieContext = { url: 'not a url', type: 'main_frame', browser: 'chromium', now: NOW };
    for (const line of ['', ';;;', '\u0000', `a=${'\uD800'.repeat(5000)}`, 'a=1; Domain=...; Path=']) {
      expect(() => setCookieVerdict(parseSetCookie(line), ctx)).not.toThrow();
      expect(() => setCookieVerdict(parseSetCookie(line), { ...ctx, url: http })).not.toThrow();
    }
  });
});
