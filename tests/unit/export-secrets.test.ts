// No credential value seen live in DevTools may reach an export or the panel's memory of it.
import { describe, expect, it } from 'vitest';
import { buildCurl, buildCurlScript } from '../../src/core/export';
import { buildHar, type LiveHarEntry } from '../../src/core/export';
import type { AuthEvent } from '../../src/core/record';
import { factsFromEntry } from '../../src/core/live';
import { enrichEvent, LiveFactsIndex } from '../../src/core/live';
import { authEvent, bearerExpired } from '../fixtures/auth-events';

/** base64url of a JSON object (RFC 7515 §2). */
const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT_PAYLOAD = b64({
  iss: 'https://id.b.test',
  aud: 'api',
  exp: 1_795_000_000,
  scope: 'read',
  sub: 'SECRET-SUBJECT-789',
});
const JWT = `${b64({ alg: 'RS256', typ: 'JWT' })}.${JWT_PAYLOAD}.SECRETSIGNATUREabcdefgh`;

const SECRETS = [
  'SECRET-BARE-999',
  'SECRET-TOKEN-123',
  'SECRET-COOKIE-456',
  JWT_PAYLOAD,
  'SECRETSIGNATURE',
  'SECRET-KEY-000',
  'SECRET-SESSION-111',
];

/** DevTools HAR entries as onRequestFinished hands them over, credentials and all. */
const entries: LiveHarEntry[] = [
  {
    startedDateTime: '2026-11-23T12:00:00.900Z',
    time: 80,
    request: {
      method: 'GET',
      url: bearerExpired.url,
      headers: [
        { name: 'Authorization', value: 'Bearer SECRET-TOKEN-123' },
        { name: 'Cookie', value: 'sid=SECRET-COOKIE-456; theme=dark' },
        { name: 'X-Api-Key', value: 'SECRET-KEY-000' },
        { name: 'X-MyApp-Session', value: 'SECRET-SESSION-111' },
        // Some APIs take a bare key with no scheme word: nothing of it may stay.
        { name: 'Proxy-Authorization', value: 'SECRET-KEY-000' },
      ],
      cookies: [{ name: 'sid', value: 'SECRET-COOKIE-456' }],
    },
    response: {
      status: 401,
      headers: [{ name: 'Set-Cookie', value: 'sid=SECRET-COOKIE-456; Path=/; Secure' }],
      cookies: [{ name: 'sid', value: 'SECRET-COOKIE-456' }],
      content: { size: 40, mimeType: 'application/json', text: '{"token":"SECRET-TOKEN-123"}' },
    },
  },
  {
    startedDateTime: '2026-11-23T12:00:01.900Z',
    time: 30,
    request: {
      method: 'POST',
      url: `https://api.b.test/v1/orders?access_token=${JWT}&id_token=SECRET-TOKEN-123`,
      headers: [{ name: 'authorization', value: `Bearer ${JWT}` }],
    },
    response: {
      status: 401,
      headers: [{ name: 'Location', value: `https://b.test/cb#access_token=${JWT}` }],
    },
  },
  {
    // An API key sent bare in Authorization, with no scheme word.
    startedDateTime: '2026-11-23T12:00:02.900Z',
    time: 10,
    request: {
      method: 'GET',
      url: 'https://api.b.test/v1/keyed',
      headers: [{ name: 'Authorization', value: 'SECRET-BARE-999' }],
    },
    response: { status: 401, headers: [] },
  },
];

function events(): AuthEvent[] {
  return entries.map((e, i) => {
    const base = authEvent(1, { ...bearerExpired, at: 1 + i });
    return { ...base, url: e.request.url, method: e.request.method };
  });
}

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

describe('no secret reaches an export', () => {
  const index = new LiveFactsIndex();
  for (const e of entries) index.add(factsFromEntry(e)!);
  const items = events().map((event) => {
    const facts = index.find(event);
    return { event: enrichEvent(event, facts), live: facts?.entry };
  });

  it('every event found its live entry', () => {
    expect(items.map((i) => i.live !== undefined)).toEqual([true, true, true]);
  });

  it.each([
    ['HAR of the set', () => JSON.stringify(buildHar(items, { name: 't', version: '1' }))],
    [
      'HAR built from the raw entries',
      () =>
        JSON.stringify(
          buildHar(
            events().map((event, i) => ({ event, live: entries[i] })),
            { name: 't', version: '1' },
          ),
        ),
    ],
    ['cURL script', () => buildCurlScript(items)],
    ['cURL of a raw entry', () => buildCurl({ event: events()[1]!, live: entries[1] })],
    ['the panel memory (live facts)', () => JSON.stringify([...entries.map((e) => factsFromEntry(e))])],
  ])('%s holds none of the seeded secrets, and keeps the scheme word', (_name, build) => {
    const text = build();
    expect(leaks(text)).toEqual([]);
    expect(text).toContain('Bearer ***');
  });

  it("enriching a record with live facts adds no secret to it (the record URL is the worker's)", () => {
    const before = events().map((e) => leaks(JSON.stringify(e)));
    expect(items.map((i) => leaks(JSON.stringify(i.event)))).toEqual(before);
  });
});

describe('live facts', () => {
  it('decode the JWT claims and what was sent, without the token', () => {
    const facts = factsFromEntry(entries[1]!)!;
    expect(facts).toMatchObject({
      authorizationScheme: 'Bearer',
      cookieSent: false,
      jwt: { iss: 'https://id.b.test', aud: ['api'], exp: 1_795_000_000, scope: 'read', alg: 'RS256' },
    });
    expect(factsFromEntry(entries[0]!)).toMatchObject({ cookieSent: true, cookieNames: ['sid'] });
  });

  it.each([
    ['the same request 0.5 s after its start', 500, true],
    ['2 s after its end (clock rounding)', 80 + 2000, true],
    ['a minute later (another request)', 60_000, false],
  ])('match an event at %s', (_name, offset, matches) => {
    const index = new LiveFactsIndex();
    index.add(factsFromEntry(entries[0]!)!);
    const event = { ...events()[0]!, time: Date.parse(entries[0]!.startedDateTime!) + offset };
    expect(index.find(event) !== undefined).toBe(matches);
  });

  it('never match another method or status', () => {
    const index = new LiveFactsIndex();
    index.add(factsFromEntry(entries[0]!)!);
    const event = { ...events()[0]!, time: Date.parse(entries[0]!.startedDateTime!) };
    expect(index.find({ ...event, method: 'POST' })).toBeUndefined();
    expect(index.find({ ...event, status: 407 })).toBeUndefined();
  });

  it('tell diagnosis the request headers were seen', () => {
    const facts = factsFromEntry(entries[0]!)!;
    const enriched = enrichEvent(events()[0]!, facts);
    expect(enriched.credentials).toMatchObject({
      requestHeaders: 'seen',
      authorizationScheme: 'Bearer',
      cookieSent: true,
    });
  });
});
