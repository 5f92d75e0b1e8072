import { describe, expect, it } from 'vitest';
import {
  challengeFieldsOf,
  challengeNameFor,
  cookieNamesOf,
  cookieScopeUrl,
  hasWpApiLink,
  isCookieCleared,
  MAX_FIELD_CHARS,
  responseFactsOf,
  setCookieName,
} from '../../src/core/record';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('challengeFieldsOf', () => {
  it('keeps two WWW-Authenticate fields in arrival order, lower-cased names', () => {
    const fields = challengeFieldsOf([
      { name: 'Content-Type', value: 'text/html' },
      { name: 'WWW-Authenticate', value: 'Negotiate' },
      { name: 'www-authenticate', value: 'Basic realm="intranet"' },
    ]);
    expect(fields).toEqual([
      { name: 'www-authenticate', value: 'Negotiate' },
      { name: 'www-authenticate', value: 'Basic realm="intranet"' },
    ]);
  });

  it('keeps Proxy-Authenticate and WWW-Authenticate side by side (a proxy answering for a server)', () => {
    const fields = challengeFieldsOf([
      { name: 'Proxy-Authenticate', value: 'Basic realm="squid"' },
      { name: 'WWW-Authenticate', value: 'Bearer' },
    ]);
    expect(fields.map((f) => f.name)).toEqual(['proxy-authenticate', 'www-authenticate']);
  });

  it('caps a hostile 1 MB field and flags it as truncated', () => {
    const huge = 'Bearer realm="' + 'x'.repeat(1_000_000) + '"';
    const [field] = challengeFieldsOf([{ name: 'WWW-Authenticate', value: huge }]);
    expect(field?.value.length).toBe(MAX_FIELD_CHARS);
    expect(field?.truncated).toBe(true);
  });

  it.each([
    {
      name: 'IIS (Negotiate + NTLM)',
      value: 'Negotiate\nNTLM',
      fields: ['Negotiate', 'NTLM'],
    },
    {
      name: 'nginx in front of an API (Bearer + Basic)',
      value: 'Bearer realm="api", error="invalid_token"\nBasic realm="api", charset="UTF-8"',
      fields: ['Bearer realm="api", error="invalid_token"', 'Basic realm="api", charset="UTF-8"'],
    },
    {
      name: 'CRLF-joined',
      value: 'Digest realm="a", nonce="n"\r\nBasic realm="a"',
      fields: ['Digest realm="a", nonce="n"', 'Basic realm="a"'],
    },
    // A line break followed by whitespace is obs-fold: one field, left for the parser to flag.
    { name: 'obs-fold stays one field', value: 'Basic\n realm="folded"', fields: ['Basic\n realm="folded"'] },
  ])("splits Firefox's newline-joined fields back into fields: $name", ({ value, fields }) => {
    expect(challengeFieldsOf([{ name: 'WWW-Authenticate', value }])).toEqual(
      fields.map((v) => ({ name: 'www-authenticate', value: v })),
    );
  });

  it('caps each of the joined fields on its own', () => {
    const huge = 'Bearer realm="' + 'x'.repeat(20_000) + '"';
    const fields = challengeFieldsOf([{ name: 'WWW-Authenticate', value: `${huge}\nBasic realm="b"` }]);
    expect(fields.map((f) => [f.value.length, f.truncated])).toEqual([
      [MAX_FIELD_CHARS, true],
      [15, undefined],
    ]);
  });

  it('treats a binary header (no value) as an empty field', () => {
    expect(challengeFieldsOf([{ name: 'WWW-Authenticate' }])).toEqual([
      { name: 'www-authenticate', value: '' },
    ]);
  });
});

describe('challengeNameFor', () => {
  it.each([
    [401, 'www-authenticate'],
    [407, 'proxy-authenticate'],
    [403, 'www-authenticate'],
  ])('status %i answers with %s', (status, name) => {
    expect(challengeNameFor(status)).toBe(name);
  });
});

describe('Set-Cookie facts', () => {
  it.each([
    ['sid=SECRET; Path=/; HttpOnly', 'sid'],
    ['  __Host-session = abc ; Secure', '__Host-session'],
    ['=novalue', undefined],
    ['garbage-without-equals', undefined],
  ])('name of %j is %j', (value, name) => {
    expect(setCookieName(value)).toBe(name);
  });

  it.each([
    ['sid=; Max-Age=0', true],
    ['sid=x; Max-Age=-1', true],
    ['sid=x; Max-Age=3600', false],
    ['sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT', true],
    ['sid=x; Expires=Fri, 01 Jan 2100 00:00:00 GMT', false],
    ['sid=x; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:00 GMT', false],
    ['sid=x; Expires=not a date', false],
    ['sid=x', false],
  ])('%j clears the cookie: %s', (value, cleared) => {
    expect(isCookieCleared(value, NOW)).toBe(cleared);
  });
});

describe('hasWpApiLink', () => {
  it.each([
    ['<https://blog.example/wp-json/>; rel="https://api.w.org/"', true],
    ['<https://blog.example/wp-json/>; rel=https://api.w.org/', true],
    ['<https://example.com/next>; rel="next"', false],
  ])('%j announces WordPress: %s', (value, expected) => {
    expect(hasWpApiLink(value)).toBe(expected);
  });
});

describe('responseFactsOf', () => {
  it('collects a WordPress 401 with an expired login cookie, names only', () => {
    const facts = responseFactsOf(
      [
        { name: 'Server', value: 'nginx/1.26' },
        { name: 'X-Powered-By', value: 'PHP/8.3' },
        { name: 'Content-Type', value: 'application/json; charset=UTF-8' },
        { name: 'Content-Length', value: '123' },
        { name: 'Link', value: '<https://blog.example/wp-json/>; rel="https://api.w.org/"' },
        { name: 'Set-Cookie', value: 'wordpress_logged_in_abc=deleted; Max-Age=0; Path=/' },
        { name: 'Set-Cookie', value: 'pref=SECRET-VALUE; Path=/' },
        { name: 'X-WP-Nonce', value: 'n' },
        { name: 'Retry-After', value: '120' },
        { name: 'Clear-Site-Data', value: '"cookies"' },
      ],
      NOW,
    );
    expect(facts).toEqual({
      server: 'nginx/1.26',
      poweredBy: 'PHP/8.3',
      contentType: 'application/json; charset=UTF-8',
      contentLength: 123,
      wpApiLink: true,
      setCookieNames: ['wordpress_logged_in_abc', 'pref'],
      setCookieCleared: ['wordpress_logged_in_abc'],
      retryAfter: '120',
      clearSiteData: '"cookies"',
      extra: { 'x-wp-nonce': '***' },
    });
    expect(JSON.stringify(facts)).not.toContain('SECRET-VALUE');
  });

  it("reads Firefox's newline-joined Set-Cookie entry as several cookies", () => {
    const facts = responseFactsOf([{ name: 'set-cookie', value: 'a=1; Max-Age=0\nb=2' }], NOW);
    expect(facts.setCookieNames).toEqual(['a', 'b']);
    expect(facts.setCookieCleared).toEqual(['a']);
  });

  it('ignores a non-numeric Content-Length and caps a huge Server value', () => {
    const facts = responseFactsOf(
      [
        { name: 'content-length', value: '12abc' },
        { name: 'server', value: 'S'.repeat(50_000) },
      ],
      NOW,
    );
    expect(facts.contentLength).toBeUndefined();
    expect(facts.server?.length).toBeLessThanOrEqual(1024);
  });
});

describe('cookieNamesOf', () => {
  it('keeps distinct names only', () => {
    expect(cookieNamesOf([{ name: 'sid' }, { name: 'sid' }, { name: 'csrftoken' }])).toEqual([
      'sid',
      'csrftoken',
    ]);
  });
});

describe('cookieScopeUrl', () => {
  it.each([
    ['https://api.example/v1/me?token=1#x', 'https://api.example/v1/me'],
    ['https://api.example/v1/me#frag', 'https://api.example/v1/me'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/'],
  ])('%s is looked up as %s', (url, scope) => {
    expect(cookieScopeUrl(url)).toBe(scope);
  });
});
