import { describe, expect, it } from 'vitest';
import {
  buildClearScope,
  countCookies,
  inSite,
  type ClearScope,
  type CookieFacts,
  type HostFacts,
} from '../../src/core/clear-site';
import { hostFacts } from '../../src/core/site';

const SITE: HostFacts = { registrableDomain: 'a.test', isPublicSuffix: false };
const NO_SITE: HostFacts = { registrableDomain: null, isPublicSuffix: false };

/** The scope, failing the test when it was refused. */
function scopeOf(input: Parameters<typeof buildClearScope>[0]): ClearScope {
  const got = buildClearScope(input);
  if ('problem' in got) throw new Error(`refused: ${got.problem}`);
  return got.scope;
}

describe('inSite', () => {
  it.each([
    ['a.test', 'a.test', true],
    ['.a.test', 'a.test', true],
    ['sub.a.test', 'a.test', true],
    ['WWW.A.TEST', 'a.test', true],
    ['ba.test', 'a.test', false],
    ['a.test.evil', 'a.test', false],
    ['b.test', 'a.test', false],
  ])('%s in %s → %s', (host, site, expected) => {
    expect(inSite(host, { site, exactHost: false })).toBe(expected);
  });

  it.each([
    ['localhost', 'localhost', true],
    ['.localhost', 'localhost', true],
    ['app.localhost', 'localhost', false],
    ['.app.localhost', 'localhost', false],
    ['10.0.0.1', '10.0.0.1', true],
    ['intranet', 'intranet', true],
    ['wiki.intranet', 'intranet', false],
  ])('exact host: %s in %s → %s', (host, site, expected) => {
    expect(inSite(host, { site, exactHost: true })).toBe(expected);
  });
});

// What cookies.getAll({domain: 'a.test', partitionKey: {}}) returns on a site with a login cookie on
// the host, a parent-domain session cookie, a subdomain cookie and a CHIPS cookie set under b.test.
const A_TEST_JAR: CookieFacts[] = [
  { domain: 'a.test', hostOnly: true },
  { domain: 'a.test', hostOnly: true },
  { domain: '.a.test', hostOnly: false },
  { domain: 'sub.a.test', hostOnly: true },
  { domain: 'a.test', hostOnly: true, topLevelSite: 'http://b.test' },
  { domain: 'b.test', hostOnly: true }, // another site: never counted
];

describe('countCookies', () => {
  it('counts host-only and parent-domain cookies apart, partitioned ones within their domain', () => {
    expect(countCookies(A_TEST_JAR, { site: 'a.test', exactHost: false })).toEqual([
      { domain: 'a.test', hostOnly: true, count: 3, partitioned: 1 },
      { domain: '.a.test', hostOnly: false, count: 1, partitioned: 0 },
      { domain: 'sub.a.test', hostOnly: true, count: 1, partitioned: 0 },
    ]);
  });
});

describe('buildClearScope', () => {
  it('scopes www.a.test to the registrable domain with every same-site origin seen', () => {
    const scope = scopeOf({
      url: 'http://www.a.test:8080/app',
      host: SITE,
      cookies: A_TEST_JAR,
      seenUrls: ['http://sub.a.test:8080/api', 'http://b.test:8080/x', 'https://www.a.test/other'],
    });
    expect(scope.site).toBe('a.test');
    expect(scope.exactHost).toBe(false);
    expect(scope.origins).toEqual([
      'http://www.a.test:8080',
      'http://sub.a.test:8080',
      'https://www.a.test',
      'https://a.test',
      'http://a.test:8080',
    ]);
    expect(scope.hostnames).toEqual(['www.a.test', 'sub.a.test', 'a.test']);
    expect(scope.cookieCount).toBe(5);
  });

  it('keeps an IP address or localhost to the host itself', () => {
    const scope = scopeOf({ url: 'http://127.0.0.1:3000/', host: NO_SITE, cookies: [] });
    expect(scope.site).toBe('127.0.0.1');
    expect(scope.origins).toEqual(['http://127.0.0.1:3000', 'https://127.0.0.1']);
    expect(scope.cookieCount).toBe(0);
  });

  it('treats a private suffix site as its own site (given by the PSL lookup)', () => {
    const scope = scopeOf({
      url: 'https://me.github.io/',
      host: { registrableDomain: 'me.github.io', isPublicSuffix: false },
      cookies: [{ domain: 'you.github.io', hostOnly: true }],
      seenUrls: ['https://you.github.io/'],
    });
    expect(scope.origins).toEqual(['https://me.github.io', 'http://me.github.io']);
    expect(scope.cookieCount).toBe(0);
  });

  it('caps the origin filter for a log of many subdomains', () => {
    const seenUrls = Array.from({ length: 100 }, (_, i) => `https://h${i}.a.test/`);
    const scope = scopeOf({ url: 'https://a.test/', host: SITE, cookies: [], seenUrls });
    expect(scope.origins.length).toBe(40);
  });

  it('has no scope for a non-web URL', () => {
    expect(buildClearScope({ url: 'chrome://settings', host: NO_SITE, cookies: [] })).toEqual({
      problem: 'browser_page',
    });
  });

  // What cookies.getAll({domain: 'localhost'}) returns: the host's own cookies and its subdomains'.
  const LOCALHOST_JAR: CookieFacts[] = [
    { domain: 'localhost', hostOnly: true },
    { domain: '.localhost', hostOnly: false },
    { domain: 'app.localhost', hostOnly: true },
    { domain: '.app.localhost', hostOnly: false },
  ];

  it('keeps localhost to itself: app.localhost is another site (cookies, origins, Firefox hostnames)', () => {
    const scope = scopeOf({
      url: 'http://localhost:3000/login',
      host: hostFacts('localhost'),
      cookies: LOCALHOST_JAR,
      seenUrls: ['http://app.localhost:3000/api', 'http://localhost:3000/api'],
    });
    expect(scope).toEqual({
      site: 'localhost',
      exactHost: true,
      origins: ['http://localhost:3000', 'https://localhost'],
      hostnames: ['localhost'],
      cookieCount: 2,
      byDomain: [
        { domain: '.localhost', hostOnly: false, count: 1, partitioned: 0 },
        { domain: 'localhost', hostOnly: true, count: 1, partitioned: 0 },
      ],
    });
  });

  it('clears app.localhost as its own site without reaching localhost', () => {
    const scope = scopeOf({
      url: 'http://app.localhost:3000/',
      host: hostFacts('app.localhost'),
      cookies: LOCALHOST_JAR,
      seenUrls: ['http://localhost:3000/'],
    });
    expect(scope.site).toBe('app.localhost');
    expect(scope.hostnames).toEqual(['app.localhost']);
    expect(scope.cookieCount).toBe(2);
  });

  it('keeps an intranet name and an IP to the host itself', () => {
    const intranet = scopeOf({
      url: 'http://intranet/',
      host: hostFacts('intranet'),
      cookies: [
        { domain: 'intranet', hostOnly: true },
        { domain: 'wiki.intranet', hostOnly: true },
      ],
      seenUrls: ['http://wiki.intranet/'],
    });
    expect([intranet.site, intranet.hostnames, intranet.cookieCount]).toEqual(['intranet', ['intranet'], 1]);
    const ip = scopeOf({ url: 'http://10.1.2.3:8080/', host: hostFacts('10.1.2.3'), cookies: [] });
    expect([ip.site, ip.exactHost, ip.hostnames]).toEqual(['10.1.2.3', true, ['10.1.2.3']]);
  });

  it.each(['github.io', 'co.uk', 's3.amazonaws.com', 'com'])('refuses the bare public suffix %s', (host) => {
    expect(
      buildClearScope({
        url: `https://${host}/`,
        host: hostFacts(host),
        cookies: [{ domain: `alice.${host}`, hostOnly: true }],
      }),
    ).toEqual({ problem: 'public_suffix' });
  });

  it('clears alice.github.io without bob.github.io (a private suffix: each name is a site)', () => {
    const scope = scopeOf({
      url: 'http://alice.github.io/',
      host: hostFacts('alice.github.io'),
      cookies: [
        { domain: 'alice.github.io', hostOnly: true },
        { domain: 'bob.github.io', hostOnly: true },
      ],
      seenUrls: ['http://bob.github.io/'],
    });
    expect([scope.site, scope.hostnames, scope.cookieCount]).toEqual([
      'alice.github.io',
      ['alice.github.io'],
      1,
    ]);
  });
});
