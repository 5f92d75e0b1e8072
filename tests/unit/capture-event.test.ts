import { describe, expect, it } from 'vitest';
import {
  buildAuthEvent,
  eventId,
  isAuthStatus,
  requestIdOf,
  type ResponseDetails,
} from '../../src/core/record';
import { parseChallenges } from '../../src/core/challenge';

/** onHeadersReceived details of a Chromium fetch that met a Bearer 401 (no ip: Chromium gives it later). */
const chromiumFetch401: ResponseDetails = {
  requestId: '1234',
  timeStamp: 1_763_900_000_000.5,
  tabId: 12,
  frameId: 0,
  parentFrameId: -1,
  documentId: 'ABCDEF',
  url: 'https://api.example/v1/me?x=1',
  method: 'GET',
  type: 'xmlhttprequest',
  statusCode: 401,
  statusLine: 'HTTP/1.1 401 Unauthorized',
  initiator: 'https://app.example',
  responseHeaders: [
    { name: 'WWW-Authenticate', value: 'Bearer realm="api", error="invalid_token"' },
    { name: 'Content-Type', value: 'application/json' },
  ],
};

/** A corporate proxy's 407 seen by Firefox (ip and fromCache arrive with the headers there). */
const firefoxProxy407: ResponseDetails = {
  ...chromiumFetch401,
  requestId: '77',
  type: 'main_frame',
  statusCode: 407,
  statusLine: 'HTTP/1.1 407 Proxy Authentication Required',
  ip: '10.0.0.8',
  fromCache: false,
  documentId: undefined,
  responseHeaders: [
    { name: 'Proxy-Authenticate', value: 'Negotiate' },
    { name: 'Proxy-Authenticate', value: 'Basic realm="corp"' },
    { name: 'WWW-Authenticate', value: 'Bearer' },
  ],
};

describe('buildAuthEvent', () => {
  it.each([
    // Firefox has no initiator: the origin of originUrl (the page or script that asked) stands in.
    {
      name: 'Firefox fetch from a page',
      originUrl: 'https://app.example/dash?tab=2#x',
      initiator: 'https://app.example',
    },
    {
      name: 'Firefox request from a sandboxed or data: document',
      originUrl: 'data:text/html,hi',
      initiator: 'null',
    },
    {
      name: 'Firefox request with no origin URL (typed in the address bar)',
      originUrl: undefined,
      initiator: undefined,
    },
  ])('sets initiator from originUrl: $name', ({ originUrl, initiator }) => {
    const { initiator: _chromium, ...firefoxFetch } = chromiumFetch401;
    const event = buildAuthEvent({ ...firefoxFetch, originUrl }, [], { requestHeaders: 'unknown' });
    expect(event.initiator).toBe(initiator);
  });

  it("keeps Chromium's initiator when both are present", () => {
    const event = buildAuthEvent({ ...chromiumFetch401, originUrl: 'https://other.example/' }, [], {
      requestHeaders: 'unknown',
    });
    expect(event.initiator).toBe('https://app.example');
  });

  it('records a Chromium fetch 401 with its fields, the parse of WWW-Authenticate and no ip yet', () => {
    const event = buildAuthEvent(chromiumFetch401, [], { requestHeaders: 'unknown' });
    expect(event).toMatchObject({
      id: '1234:1763900000000.5',
      time: 1_763_900_000_000.5,
      tabId: 12,
      documentId: 'ABCDEF',
      pageId: '',
      status: 401,
      type: 'xmlhttprequest',
      initiator: 'https://app.example',
      challengeFields: [{ name: 'www-authenticate', value: 'Bearer realm="api", error="invalid_token"' }],
      response: { contentType: 'application/json', setCookieNames: [], setCookieCleared: [] },
    });
    expect(event.parse).toEqual(parseChallenges(['Bearer realm="api", error="invalid_token"']));
    expect('ip' in event).toBe(false);
  });

  it('parses only Proxy-Authenticate for a 407 but keeps every challenge field in order', () => {
    const event = buildAuthEvent(firefoxProxy407, [], { requestHeaders: 'unknown' });
    expect(event.challengeFields.map((f) => f.name)).toEqual([
      'proxy-authenticate',
      'proxy-authenticate',
      'www-authenticate',
    ]);
    expect(event.parse).toEqual(parseChallenges(['Negotiate', 'Basic realm="corp"']));
    expect(event).toMatchObject({ ip: '10.0.0.8', fromCache: false });
    expect('documentId' in event).toBe(false);
  });

  it('caps a hostile URL and status line so one request cannot eat the storage budget', () => {
    const hostile = {
      ...chromiumFetch401,
      url: 'https://x.example/?' + 'a'.repeat(100_000),
      statusLine: 'S'.repeat(10_000),
    };
    const event = buildAuthEvent(hostile, [], { requestHeaders: 'unknown' });
    expect(event.url.length).toBeLessThanOrEqual(4096);
    expect(event.statusLine.length).toBeLessThanOrEqual(512);
  });

  it('keeps the redirect chain and credential facts it is given', () => {
    const hops = [
      { url: 'https://app.example/login', status: 302, redirectUrl: 'https://api.example/v1/me?x=1' },
    ];
    const credentials = { requestHeaders: 'seen' as const, authorizationScheme: 'Bearer' };
    const event = buildAuthEvent(chromiumFetch401, hops, credentials);
    expect(event.redirects).toEqual(hops);
    expect(event.credentials).toEqual(credentials);
  });
});

describe('event ids', () => {
  it.each(['1234', 'fakeRequest-9', '0'])('recovers request id %s from its event id', (requestId) => {
    expect(requestIdOf(eventId(requestId, 17.25))).toBe(requestId);
  });

  it.each([
    [401, true],
    [407, true],
    [403, false],
    [200, false],
  ])('status %i is captured: %s', (status, captured) => {
    expect(isAuthStatus(status)).toBe(captured);
  });
});
