// Realistic stored records for seeding storage.session directly, so the popup tests do not depend on
// capture timing. Shapes follow src/core/record/event.ts; parse results are what the parser returns.
import type { AuthEvent, ChallengeField, PageLoad, TabLog } from '../../../src/core/record';
import type { ParseResult } from '../../../src/core/challenge';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

interface Seed {
  url: string;
  status?: 401 | 407;
  method?: string;
  type?: string;
  fields: ChallengeField[];
  parse: ParseResult;
  /** Seconds after T0. */
  at: number;
  pageId?: string;
}

let counter = 0;

/** One AuthEvent as the worker stores it. */
export function authEvent(tabId: number, seed: Seed): AuthEvent {
  const time = T0 + seed.at * 1000;
  const status = seed.status ?? 401;
  return {
    id: `${1000 + ++counter}:${time}`,
    time,
    tabId,
    frameId: 0,
    parentFrameId: -1,
    pageId: seed.pageId ?? (tabId === -1 ? '' : 'page-1'),
    url: seed.url,
    method: seed.method ?? 'GET',
    type: seed.type ?? 'xmlhttprequest',
    status,
    statusLine: status === 407 ? 'HTTP/1.1 407 Proxy Authentication Required' : 'HTTP/1.1 401 Unauthorized',
    initiator: new URL(seed.url).origin,
    challengeFields: seed.fields,
    parse: seed.parse,
    redirects: [],
    credentials: { requestHeaders: 'unknown' },
    response: { setCookieNames: [], setCookieCleared: [], contentType: 'application/json' },
  };
}

const www = (value: string): ChallengeField => ({ name: 'www-authenticate', value });

/** nginx auth_basic on an admin area. */
export const basicAdmin: Omit<Seed, 'at'> = {
  url: 'https://intranet.a.test/admin/',
  type: 'main_frame',
  fields: [www('Basic realm="Admin area", charset="UTF-8"')],
  parse: {
    challenges: [{ scheme: 'Basic', params: { realm: 'Admin area', charset: 'UTF-8' } }],
    problems: [],
  },
};

/** An OAuth API rejecting an expired token (RFC 6750 §3). */
export const bearerExpired: Omit<Seed, 'at'> = {
  url: 'https://api.b.test/v1/me?fields=name,email',
  fields: [www('Bearer realm="api", error="invalid_token", error_description="The access token expired"')],
  parse: {
    challenges: [
      {
        scheme: 'Bearer',
        params: { realm: 'api', error: 'invalid_token', error_description: 'The access token expired' },
      },
    ],
    problems: [],
  },
};

/** Two header lines (Negotiate, then Basic) on one response: order must be kept. */
export const negotiateThenBasic: Omit<Seed, 'at'> = {
  url: 'https://intranet.a.test/reports/q3.pdf',
  type: 'sub_frame',
  fields: [www('Negotiate'), www('Basic realm="CORP"')],
  parse: {
    challenges: [
      { scheme: 'Negotiate', params: {} },
      { scheme: 'Basic', params: { realm: 'CORP' } },
    ],
    problems: [],
  },
};

/** A hand-written header with an unclosed quote and a repeated realm. */
export const malformedBasic: Omit<Seed, 'at'> = {
  url: 'https://legacy.b.test/cgi-bin/login',
  fields: [www('Basic realm="Legacy, realm="again')],
  parse: {
    challenges: [{ scheme: 'Basic', params: { realm: 'Legacy, realm=' } }],
    problems: [
      {
        code: 'unterminated-quoted-string',
        message:
          'A quoted string is never closed; the rest of the field line was taken as its value (RFC 9110 §5.6.4).',
        field: 0,
        offset: 12,
      },
    ],
  },
};

export const HOSTILE = '<img src=x onerror=alert(1)>';

/** A server that echoes attacker-controlled text into its realm. */
export const hostileRealm: Omit<Seed, 'at'> = {
  url: 'https://evil.b.test/<script>alert(2)</script>',
  fields: [www(`Basic realm="${HOSTILE}"`)],
  parse: { challenges: [{ scheme: 'Basic', params: { realm: HOSTILE } }], problems: [] },
};

/** A corporate proxy asking for credentials (407). */
export const proxyBasic: Omit<Seed, 'at'> = {
  url: 'http://www.a.test/',
  status: 407,
  type: 'main_frame',
  fields: [{ name: 'proxy-authenticate', value: 'Basic realm="Squid proxy"' }],
  parse: { challenges: [{ scheme: 'Basic', params: { realm: 'Squid proxy' } }], problems: [] },
};

/** A TabLog holding `events` (oldest first), all in one page load. */
export function tabLog(tabId: number, events: AuthEvent[], dropped = 0): TabLog {
  const pages: PageLoad[] =
    tabId === -1 ? [] : [{ id: 'page-1', url: 'https://intranet.a.test/', time: T0 - 1000 }];
  return { tabId, events, pages, dropped };
}

/** `count` events over a few origins and schemes, oldest first (benchmarks). */
export function manyEvents(tabId: number, count: number): AuthEvent[] {
  const kinds = [basicAdmin, bearerExpired, negotiateThenBasic, malformedBasic, proxyBasic];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return authEvent(tabId, {
      ...kind,
      url: `${kind.url}${kind.url.includes('?') ? '&' : '?'}n=${i}`,
      at: i,
    });
  });
}
