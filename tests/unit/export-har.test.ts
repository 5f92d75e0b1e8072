import { describe, expect, it } from 'vitest';
import { buildHar, type LiveHarEntry } from '../../src/core/export';
import type { AuthEvent } from '../../src/core/record';
import {
  authEvent,
  basicAdmin,
  bearerExpired,
  negotiateThenBasic,
  proxyBasic,
} from '../fixtures/auth-events';
import { harErrors } from './export-har-schema';

const CREATOR = { name: '401 Inspector', version: '0.1.0' };
const TAB = 7;

/** Bearer 401 after an http→https redirect, with the scheme word of the token that went out. */
const bearerAfterRedirect: AuthEvent = {
  ...authEvent(TAB, { ...bearerExpired, at: 5 }),
  ip: '192.0.2.7',
  error: 'net::ERR_ABORTED',
  redirects: [
    { url: 'http://api.b.test/v1/me', status: 301, redirectUrl: bearerExpired.url, ip: '192.0.2.7' },
  ],
  credentials: { requestHeaders: 'seen', authorizationScheme: 'Bearer', cookieSent: true },
  response: {
    setCookieNames: ['sid'],
    setCookieCleared: ['sid'],
    contentType: 'application/json',
    server: 'nginx',
  },
};

/** What Chromium's DevTools hands onRequestFinished for a WordPress REST 401 (values included). */
const liveWordPress: LiveHarEntry = {
  startedDateTime: '2026-11-23T12:00:04.900Z',
  time: 42.5,
  request: {
    method: 'GET',
    url: 'https://blog.a.test/wp-json/wp/v2/users/me?_wpnonce=abc',
    httpVersion: 'http/2.0',
    headers: [
      { name: ':authority', value: 'blog.a.test' },
      { name: 'Authorization', value: 'Basic YWRtaW46aHVudGVyMg==' },
      { name: 'Cookie', value: 'wordpress_logged_in=admin%7C1700; wp-settings=1' },
    ],
    cookies: [{ name: 'wordpress_logged_in', value: 'admin%7C1700', httpOnly: true }],
    headersSize: -1,
    bodySize: 0,
  },
  response: {
    status: 401,
    statusText: '',
    httpVersion: 'http/2.0',
    headers: [
      { name: 'www-authenticate', value: 'Basic realm="WordPress"' },
      { name: 'set-cookie', value: 'wp_session=abc123; Path=/; HttpOnly' },
    ],
    cookies: [{ name: 'wp_session', value: 'abc123', path: '/' }],
    content: { size: 120, mimeType: 'application/json', text: '{"code":"rest_not_logged_in"}' },
    redirectURL: '',
  },
  timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.2, wait: 40, receive: 1.3 },
  serverIPAddress: '[2001:db8::1]',
};

describe('buildHar', () => {
  const wp = authEvent(TAB, {
    url: 'https://blog.a.test/wp-json/wp/v2/users/me?_wpnonce=abc',
    fields: [{ name: 'www-authenticate', value: 'Basic realm="WordPress"' }],
    parse: { challenges: [{ scheme: 'Basic', params: { realm: 'WordPress' } }], problems: [] },
    at: 5,
  });

  it.each([
    ['records only', [{ event: authEvent(TAB, { ...basicAdmin, at: 1 }) }]],
    [
      'a 407 and two challenge lines',
      [proxyBasic, negotiateThenBasic].map((k, i) => ({ event: authEvent(TAB, { ...k, at: i }) })),
    ],
    ['a redirect chain', [{ event: bearerAfterRedirect }]],
    ['a live DevTools entry', [{ event: wp, live: liveWordPress }]],
    ['nothing', []],
  ])('is valid HAR 1.2 for %s', (_name, items) => {
    expect(harErrors(buildHar(items, CREATOR))).toEqual([]);
  });

  it('the schema check itself rejects a broken entry', () => {
    const har = buildHar([{ event: bearerAfterRedirect }], CREATOR) as unknown as {
      log: { entries: Record<string, unknown>[] };
    };
    delete har.log.entries[0]!.timings;
    har.log.entries[1]!.startedDateTime = 'yesterday';
    expect(harErrors(har)).toEqual([
      '$.log.entries[0].timings: missing',
      '$.log.entries[1].startedDateTime: not ISO 8601',
    ]);
  });

  it('puts the redirect hops first, then the 401 with what the record knows', () => {
    const [hop, last] = buildHar([{ event: bearerAfterRedirect }], CREATOR).log.entries;
    expect(hop!.response).toMatchObject({ status: 301, redirectURL: bearerExpired.url });
    expect(last!.request.headers).toEqual([
      { name: 'Authorization', value: 'Bearer ***' },
      { name: 'Cookie', value: '***' },
    ]);
    expect(last!.response.headers).toContainEqual({
      name: 'WWW-Authenticate',
      value: bearerExpired.fields[0]!.value,
    });
    expect(last!.response.headers).toContainEqual({ name: 'Set-Cookie', value: 'sid=***' });
    expect(last!.response).toMatchObject({
      status: 401,
      statusText: 'Unauthorized',
      httpVersion: 'HTTP/1.1',
    });
    expect(last!.serverIPAddress).toBe('192.0.2.7');
    expect(last!.request.queryString).toEqual([{ name: 'fields', value: 'name,email' }]);
  });

  it('uses the live entry masked: scheme words and names kept, values and the body gone', () => {
    const [entry] = buildHar([{ event: wp, live: liveWordPress }], CREATOR).log.entries;
    expect(entry!.request.headers).toEqual([
      { name: ':authority', value: 'blog.a.test' },
      { name: 'Authorization', value: 'Basic ***' },
      { name: 'Cookie', value: 'wordpress_logged_in=***; wp-settings=***' },
    ]);
    expect(entry!.request.cookies).toEqual([{ name: 'wordpress_logged_in', value: '***', httpOnly: true }]);
    expect(entry!.response.headers).toContainEqual({
      name: 'set-cookie',
      value: 'wp_session=***; Path=/; HttpOnly',
    });
    expect(entry!.response.content).toEqual({ size: 120, mimeType: 'application/json' });
    expect(entry!.request.url).toBe('https://blog.a.test/wp-json/wp/v2/users/me?_wpnonce=***');
    expect(entry!.serverIPAddress).toBe('2001:db8::1');
    expect(entry!.timings).toEqual(liveWordPress.timings);
  });

  it('orders entries by time whatever the input order', () => {
    const late = authEvent(TAB, { ...basicAdmin, at: 9 });
    const early = authEvent(TAB, { ...proxyBasic, at: 1 });
    const urls = buildHar([{ event: late }, { event: early }], CREATOR).log.entries.map((e) => e.request.url);
    expect(urls).toEqual([proxyBasic.url, basicAdmin.url]);
  });
});
