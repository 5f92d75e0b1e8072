// The secrets corpus (tests/fixtures/secrets-corpus.ts) through the record builder and EVERY output:
// the stored record, the support report (with and without live DevTools facts), HAR and cURL (from the
// record, from the raw DevTools entry, from the panel's masked copy) and the panel's memory. Any planted
// value that survives is printed with its kind, and fails the test.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose';
import { buildCurl, buildHar, buildReport, type LiveHarEntry } from '../../src/core/export';
import { enrichEvent, factsFromEntry } from '../../src/core/live';
import {
  buildAuthEvent,
  credentialScheme,
  storedUrl,
  type AuthEvent,
  type ResponseDetails,
} from '../../src/core/record';
import { signInStepOf } from '../../src/core/flow';
import { maskText } from '../../src/core/secrets';
import { corpus, leaksIn, plants, type CorpusCase } from '../fixtures/secrets-corpus';
import { renderText } from '../fixtures/render-text';

const START = Date.UTC(2026, 10, 23, 12, 0, 0);
const ENV = { browser: 'Chromium 156', extensionVersion: '0.4.0', generatedAt: START };

const header = (list: CorpusCase['requestHeaders'], name: string) =>
  list.find((h) => h.name.toLowerCase() === name)?.value;

function recordOf(c: CorpusCase, i: number): { event: AuthEvent; page: string } {
  const details: ResponseDetails = {
    requestId: String(100 + i),
    timeStamp: START + i * 1000 + 10,
    tabId: 7,
    frameId: 0,
    parentFrameId: -1,
    url: c.url,
    method: c.method,
    type: 'xmlhttprequest',
    statusCode: 401,
    statusLine: 'HTTP/1.1 401 Unauthorized',
    responseHeaders: c.responseHeaders,
    ...(c.hops[0] ? { initiator: c.hops[0][0] } : {}),
  };
  // As the worker does: hops and page URLs through storedUrl, the scheme word through credentialScheme.
  const hops = c.hops.map(([url, status, to]) => ({
    url: storedUrl(url),
    status,
    redirectUrl: storedUrl(to),
  }));
  const auth = header(c.requestHeaders, 'authorization') ?? header(c.requestHeaders, 'proxy-authorization');
  const scheme = auth === undefined ? undefined : credentialScheme(auth);
  const credentials = {
    requestHeaders: 'seen' as const,
    cookieSent: header(c.requestHeaders, 'cookie') !== undefined,
    ...(scheme ? { authorizationScheme: scheme } : {}),
  };
  return { event: buildAuthEvent(details, hops, credentials), page: storedUrl(c.url) };
}

/** The DevTools HAR entry of the request, credentials, body and all, as onRequestFinished hands it over. */
function liveOf(c: CorpusCase, i: number): LiveHarEntry {
  const cookie = header(c.requestHeaders, 'cookie') ?? '';
  // As Chromium parses them (RFC 6265bis §5.6 step 4): a pair without '=' is a nameless cookie's value.
  const pair = (text: string) => {
    const eq = text.indexOf('=');
    return eq < 0
      ? { name: '', value: text.trim() }
      : { name: text.slice(0, eq).trim(), value: text.slice(eq + 1) };
  };
  const cookies = cookie ? cookie.split(';').map(pair) : [];
  const setCookies = c.responseHeaders
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => pair(h.value.split(';')[0]!));
  const query = new URL(c.url).searchParams;
  return {
    startedDateTime: new Date(START + i * 1000).toISOString(),
    time: 40,
    request: {
      method: c.method,
      url: c.url,
      httpVersion: 'h2',
      headers: c.requestHeaders,
      cookies,
      queryString: [...query].map(([name, value]) => ({ name, value })),
      ...(c.body ? { postData: c.body } : {}),
    },
    response: {
      status: 401,
      statusText: 'Unauthorized',
      headers: c.responseHeaders,
      cookies: setCookies,
      content: { size: c.responseBody?.length ?? 0, mimeType: 'application/json', text: c.responseBody },
      redirectURL: c.hops.at(-1)?.[2] ?? '',
    },
  } as LiveHarEntry;
}

const built = corpus.map((c, i) => {
  const { event, page } = recordOf(c, i);
  const live = liveOf(c, i);
  const facts = factsFromEntry(live);
  return { c, event, page, live, facts };
});

const report = (event: AuthEvent) =>
  buildReport({ event, findings: diagnose(event, [event]) }, renderText, ENV);

const OUTPUTS: [string, (b: (typeof built)[number]) => string][] = [
  ['the stored record and page URL (storage.session)', (b) => JSON.stringify([b.event, b.page])],
  ['the support report (Copy report)', (b) => report(b.event)],
  ['the report with live DevTools facts (panel)', (b) => report(enrichEvent(b.event, b.facts))],
  ['HAR from the record', (b) => JSON.stringify(buildHar([{ event: b.event }], { name: 't', version: '1' }))],
  [
    'HAR from the raw DevTools entry',
    (b) => JSON.stringify(buildHar([{ event: b.event, live: b.live }], { name: 't', version: '1' })),
  ],
  [
    'HAR from the panel memory',
    (b) => JSON.stringify(buildHar([{ event: b.event, live: b.facts?.entry }], { name: 't', version: '1' })),
  ],
  ['cURL from the record', (b) => buildCurl({ event: b.event })],
  ['cURL from the raw DevTools entry', (b) => buildCurl({ event: b.event, live: b.live })],
  ['the panel memory (live facts)', (b) => JSON.stringify(b.facts)],
  [
    'the sign-in steps stored for the flow view',
    (b) =>
      JSON.stringify(
        [b.c.url, ...b.c.hops.flatMap(([from, , to]) => [from, to])].map((url) =>
          signInStepOf({ url, method: 'GET', status: 302, time: 0 }),
        ),
      ),
  ],
  ['maskText over the bodies', (b) => maskText(`${b.c.body?.text ?? ''}\n${b.c.responseBody ?? ''}`)],
];

describe('the secrets corpus', () => {
  it('plants at least 150 distinctive values, every one of them in some request', () => {
    expect(plants.length).toBeGreaterThanOrEqual(150);
    const all = JSON.stringify(corpus);
    const raw = plants.filter(
      (p) => !p.needles.some((n) => all.includes(n) || all.includes(encodeURIComponent(n))),
    );
    expect(raw.map((p) => p.kind)).toEqual([]);
  });

  it.each(OUTPUTS)('%s holds no planted value', (name, output) => {
    const leaks = [...new Set(built.flatMap((b) => leaksIn(output(b))))];
    if (leaks.length) console.log(`${name} leaks:\n  ${leaks.join('\n  ')}`);
    expect(leaks).toEqual([]);
  });

  it('keeps what diagnosis needs: parameter names, scheme words, cookie names', () => {
    const text = built
      .map(
        (b) =>
          report(b.event) +
          JSON.stringify(buildHar([{ event: b.event, live: b.live }], { name: 't', version: '1' })),
      )
      .join('\n');
    for (const kept of [
      'PHPSESSID=***',
      'oauth_verifier=***',
      'user%5Bpassword%5D=***',
      'Bearer ***',
      'sid=***',
      'state=s1',
      'client_id=app',
      'page=2',
    ])
      expect(text).toContain(kept);
    expect(built[0]!.event.url).toContain('https://api.corpus.test/v1/items?page=2&pwd=***&passwd=***');
  });

  it('stores the redirect hops masked one by one, never as one string', () => {
    const chain = built.find((b) => b.c.kind === 'redirect chain')!.event;
    expect(chain.redirects.map((h) => h.redirectUrl)).toEqual([
      'https://app.corpus.test/callback?code=***&state=s1',
      'https://cas.corpus.test/validate?ticket=***',
      'https://app.corpus.test/home#***',
    ]);
  });

  it('records (no scheme) when the first word of Authorization may be the password', () => {
    const odd = built.find((b) => b.c.kind === 'password as scheme word')!;
    expect(odd.event.credentials.authorizationScheme).toBe('(no scheme)');
  });
});
