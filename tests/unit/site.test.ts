import { describe, expect, it } from 'vitest';
import {
  hostOf,
  isSameSite,
  originOf,
  parseUrl,
  placeOf,
  registrableDomain,
  schemefulSite,
  siteOf,
} from '../../src/core/site';

describe('siteOf: the registrable domain by the public-suffix list', () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['api.shop.example.co.uk', 'example.co.uk'],
    // Private suffixes: every customer is its own site (a regex guess got these wrong).
    ['alice.github.io', 'alice.github.io'],
    ['my-bucket.s3.amazonaws.com', 'my-bucket.s3.amazonaws.com'],
    ['app.example.com.au', 'example.com.au'],
    ['shop.example.kawasaki.jp', 'shop.example.kawasaki.jp'],
    ['www.a.test', 'a.test'],
    ['WWW.Example.COM', 'example.com'],
    ['intranet', 'intranet'],
    ['localhost', 'localhost'],
    ['10.0.0.1', '10.0.0.1'],
    ['[::1]', '[::1]'],
  ])('%s → %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });

  it.each([['10.0.0.1'], ['localhost'], ['intranet'], ['[::1]'], ['co.uk']])(
    '%s has no registrable domain',
    (host) => {
      expect(registrableDomain(host)).toBeNull();
    },
  );
});

describe('schemefulSite and isSameSite (SameSite compares scheme too)', () => {
  it.each([
    ['https://www.a.test/x', 'https://a.test'],
    ['http://api.example.co.uk:8080/', 'http://example.co.uk'],
    ['https://127.0.0.1:4443/', 'https://127.0.0.1'],
    ['data:text/plain,hi', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, site) => {
    expect(schemefulSite(url)).toBe(site);
  });

  it.each([
    ['https://www.a.test/', 'https://api.a.test/', true],
    ['https://a.test/', 'https://b.test/', false],
    ['http://a.test/', 'https://a.test/', false],
    ['https://alice.github.io/', 'https://bob.github.io/', false],
    ['https://x.s3.amazonaws.com/', 'https://y.s3.amazonaws.com/', false],
    ['https://a.test/', '', undefined],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(isSameSite(a, b)).toBe(same);
  });
});

describe('URL helpers never throw on untrusted text', () => {
  it.each([
    ['https://a.test:8443/p?q=1#f', 'https://a.test:8443', 'a.test', 'https://a.test:8443/p'],
    ['about:blank', 'about:', '', ''],
    ['/relative', '/relative', '', ''],
    ['', '', '', ''],
  ])('%s', (url, origin, host, place) => {
    expect(originOf(url)).toBe(origin);
    expect(hostOf(url)).toBe(host);
    expect(placeOf(url)).toBe(place);
  });

  it('parseUrl gives undefined for nothing and for garbage', () => {
    expect(parseUrl(undefined)).toBeUndefined();
    expect(parseUrl('http://[bad')).toBeUndefined();
  });
});
