// HAR files as browsers write them (tests/fixtures/har/README.md says where each comes from): every
// 401/407 becomes the event a live capture records, with the facts the file holds, and is diagnosed
// like a live one. Expected values are written here from reading the files, not computed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose';
import { IMPORTED_TAB, importHarBytes, type HarImportResult } from '../../src/core/har-import';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/har');

function load(name: string): HarImportResult {
  const outcome = importHarBytes(readFileSync(resolve(FIXTURES, name)));
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.key}`);
  return outcome.result;
}

const topFinding = (r: HarImportResult, url: string): string => {
  const found = r.events.find((e) => e.event.url === url);
  if (!found) throw new Error(`no event for ${url}`);
  return diagnose(found.event, r.log.events, found.facts.jwt ? { jwt: found.facts.jwt } : undefined)[0]!.id;
};

describe('Chromium HAR recorded on the demo site', () => {
  const r = load('chromium-demo.har');
  const origin = new URL(r.events[0]!.event.url).origin;

  it('lists every 401 of the 35 requests, oldest first, marked as imported', () => {
    expect(r.total).toBe(35);
    expect(r.events).toHaveLength(24);
    expect(r.creator).toBe('Playwright 1.65.1');
    expect(r.sanitized).toBe(false);
    expect(r.notices).toEqual([]);
    expect(r.events.every((e) => e.event.tabId === IMPORTED_TAB && e.event.status === 401)).toBe(true);
    const times = r.events.map((e) => e.event.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([
    ['/api/bearer/invalid-token', 'bearer-jwt-expired'],
    ['/api/bearer/insufficient-scope', 'bearer-insufficient-scope'],
    ['/api/rate-limited', 'retry-after'],
    ['/api/loop', 'auth-loop'],
    ['/wp-json/wp/v2/users/me', 'wp-rest-not-logged-in'],
    ['/api/session', 'session-cleared'],
    ['/api/v1/me', 'token-not-attached'],
    ['/auth/digest-sha512', 'digest-unsupported-algorithm'],
  ])('%s is diagnosed %s', (path, rule) => {
    expect(topFinding(r, origin + path)).toBe(rule);
  });

  it('keeps the Authorization scheme word, never the token', () => {
    const e = r.events.find((x) => x.event.url.endsWith('/api/bearer/invalid-token'))!;
    expect(e.event.credentials).toMatchObject({ requestHeaders: 'seen', authorizationScheme: 'Bearer' });
    expect(e.facts.jwt?.exp).toBe(1700000000);
    expect(JSON.stringify(e.event)).not.toContain('eyJ');
    expect(JSON.stringify(e.facts.entry)).not.toContain('eyJ');
  });

  it('rebuilds the cross-origin redirect that dropped the token', () => {
    const landing = r.events.find((x) => x.event.url.endsWith('/api/redirect/landing'))!;
    expect(landing.event.redirects).toEqual([
      expect.objectContaining({
        url: `${origin}/api/redirect/start`,
        status: 302,
        redirectUrl: landing.event.url,
      }),
    ]);
    expect(topFinding(r, landing.event.url)).toBe('redirect-dropped-credentials');
  });

  it('takes type, status line and server IP from the entry', () => {
    const e = r.events.find((x) => x.event.url.endsWith('/api/rate-limited'))!.event;
    expect(e.type).toBe('xmlhttprequest');
    expect(e.statusLine).toBe('HTTP/1.1 401 Unauthorized');
    expect(e.ip).toBe('127.0.0.1');
    expect(e.response.retryAfter).toBe('60');
  });

  it('an iframe (Sec-Fetch-Dest) is a sub-frame even where the recorder says "document"', () => {
    const widget = r.events.find((x) => x.event.url.endsWith('/embed/widget'))!.event;
    expect(widget.type).toBe('sub_frame');
  });
});

describe('Chrome DevTools export (WebInspector)', () => {
  const r = load('chrome-devtools.har');

  it('reads the four 401s of six requests with HAR pages as page loads', () => {
    expect([r.total, r.events.length, r.creator]).toEqual([6, 4, 'WebInspector 537.36']);
    expect(r.log.pages).toEqual([
      {
        id: 'page_1',
        url: 'https://app.example.test/dashboard',
        time: Date.parse('2026-11-20T10:15:10.000Z'),
      },
    ]);
    expect(r.events.every((e) => e.event.pageId === 'page_1')).toBe(true);
  });

  it('takes the initiator from the Origin header, the IP without brackets, the body code from base64', () => {
    const api = r.events.find((e) => e.event.url === 'https://api.example.test/v2/orders')!.event;
    expect(api.initiator).toBe('https://app.example.test');
    expect(api.statusLine).toBe('HTTP/2.0 401');
    const files = r.events.find((e) => e.event.url.startsWith('https://files.example.net'))!.event;
    expect(files.ip).toBe('2001:db8::7');
    expect(files.type).toBe('main_frame');
    const wp = r.events.find((e) => e.event.url.includes('/wp-json/'))!.event;
    expect(wp.response).toMatchObject({
      bodyCode: 'rest_not_logged_in',
      wpApiLink: true,
      poweredBy: 'PHP/8.2.7',
    });
  });

  it('keeps cookie names and the deleted cookie, never a cookie value', () => {
    const session = r.events.find((e) => e.event.url.endsWith('/api/session'))!;
    expect(session.event.credentials).toEqual({
      requestHeaders: 'seen',
      cookieSent: true,
      cookieNames: ['sid'],
    });
    expect(session.event.response.setCookieCleared).toEqual(['sid']);
    const everything = JSON.stringify(r.events.map((e) => [e.event, e.facts.entry]));
    expect(everything).not.toContain('s3cr3t-session');
    expect(everything).not.toContain('ZGVtbzpkZW1v');
  });

  it.each([
    ['https://api.example.test/v2/orders', 'bearer-jwt-expired'],
    ['https://files.example.net/export/latest.csv', 'redirect-dropped-credentials'],
    ['https://app.example.test/api/session', 'session-cleared'],
    ['https://app.example.test/wp-json/wp/v2/users/me', 'wp-rest-not-logged-in'],
  ])('%s is diagnosed %s', (url, rule) => {
    expect(topFinding(r, url)).toBe(rule);
  });

  it('the redirect hop keeps the 302 and where it pointed', () => {
    const files = r.events.find((e) => e.event.url.startsWith('https://files.example.net'))!.event;
    expect(files.redirects).toEqual([
      {
        url: 'https://app.example.test/reports/export',
        status: 302,
        redirectUrl: 'https://files.example.net/export/latest.csv',
        ip: '203.0.113.10',
      },
    ]);
  });
});

describe("Chrome's sanitized export", () => {
  const r = load('chrome-devtools-sanitized.har');

  it('is recognised, and credentials become unknown rather than "nothing sent"', () => {
    expect(r.sanitized).toBe(true);
    expect(r.notices).toEqual([{ key: 'har_notice_sanitized' }]);
    expect(r.events.map((e) => e.event.credentials)).toEqual(Array(4).fill({ requestHeaders: 'unknown' }));
    const files = r.events.find((e) => e.event.url.startsWith('https://files.example.net'))!;
    // With the headers gone nothing about credentials is certain: the dropped redirect is only a
    // possible cause. Who asked (Apache's folder password, from its Server header) stays certain.
    const findings = diagnose(files.event, r.log.events);
    expect(findings.filter((f) => f.kind === 'cause').map((f) => f.id)).toEqual(['server-setting']);
    expect(findings.find((f) => f.id === 'redirect-dropped-credentials')).toMatchObject({
      kind: 'possible-cause',
    });
  });
});

describe('Firefox export', () => {
  const r = load('firefox.har');

  it('reads a proxy 407 with both Proxy-Authenticate fields in order', () => {
    const proxy = r.events[0]!.event;
    expect(proxy.status).toBe(407);
    expect(proxy.parse.challenges.map((c) => c.scheme)).toEqual(['Basic', 'Negotiate']);
    expect(proxy.ip).toBe('10.1.2.3');
    expect(proxy.time).toBe(Date.parse('2026-11-21T07:00:00.000Z'));
    expect(topFinding(r, 'http://intranet.corp.test/')).toBe('proxy-credentials');
  });

  it.each([
    ['http://intranet.corp.test/hr/', 'Digest', 'digest-unsupported-algorithm'],
    ['http://intranet.corp.test/wiki/', 'Basic', 'basic-credentials-rejected'],
  ])('%s: %s answer seen, diagnosed %s', (url, scheme, rule) => {
    const e = r.events.find((x) => x.event.url === url)!.event;
    expect(e.credentials.authorizationScheme).toBe(scheme);
    expect(e.type).toBe('main_frame');
    expect(topFinding(r, url)).toBe(rule);
  });
});
