// The HAR 1.2 entry of a stored record alone: what webRequest saw (challenge lines, response facts,
// the scheme word of the credentials sent). No value is known, so none can leak; free text is masked.
import type { AuthEvent } from '../record';
import type { HarEntry, HarNameValue, HarTimings } from './har-types';
import { MASK, maskedAuthorization, maskHeader, maskText, maskUrl } from '../secrets';

const HEADER_NAMES: Record<string, string> = {
  'www-authenticate': 'WWW-Authenticate',
  'proxy-authenticate': 'Proxy-Authenticate',
};
export const UNKNOWN_TIMINGS: HarTimings = {
  blocked: -1,
  dns: -1,
  connect: -1,
  send: 0,
  wait: 0,
  receive: 0,
  ssl: -1,
};

/** "HTTP/1.1 401 Unauthorized" → ["HTTP/1.1", "Unauthorized"]; webRequest's statusLine (RFC 9112 §4). */
function splitStatusLine(line: string): [string, string] {
  const match = /^(HTTP\/[\d.]+)\s+\d{3}\s*(.*)$/i.exec(line.trim());
  return match ? [match[1]!, match[2]!] : ['', ''];
}

export const nv = (name: string, value: string): HarNameValue => ({ name, value: maskHeader(name, value) });

/** Query parameters of an already masked URL (HAR request.queryString). */
export function queryOf(maskedUrl: string): HarNameValue[] {
  try {
    return [...new URL(maskedUrl).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

export const finite = (n: unknown, fallback: number): number =>
  typeof n === 'number' && Number.isFinite(n) ? n : fallback;

/** Request headers known from the stored record: only the scheme word of what was sent (masked). */
export function recordRequestHeaders(event: AuthEvent): HarNameValue[] {
  const headers: HarNameValue[] = [];
  const name = event.status === 407 ? 'Proxy-Authorization' : 'Authorization';
  if (event.credentials.authorizationScheme)
    headers.push({ name, value: maskedAuthorization(event.credentials.authorizationScheme) });
  if (event.credentials.cookieSent) headers.push({ name: 'Cookie', value: MASK });
  return headers;
}

/** Response headers known from the stored record: the challenge lines and the facts kept about it. */
function recordResponseHeaders(event: AuthEvent): HarNameValue[] {
  const r = event.response;
  const headers = event.challengeFields.map((f) => nv(HEADER_NAMES[f.name] ?? f.name, f.value));
  const facts: [string, string | number | undefined][] = [
    ['Content-Type', r.contentType],
    ['Content-Length', r.contentLength],
    ['Server', r.server],
    ['X-Powered-By', r.poweredBy],
    ['Retry-After', r.retryAfter],
    ['Clear-Site-Data', r.clearSiteData],
  ];
  for (const [name, value] of facts) if (value !== undefined) headers.push(nv(name, String(value)));
  for (const [name, value] of Object.entries(r.extra ?? {})) headers.push(nv(name, value));
  for (const cookie of r.setCookieNames) headers.push({ name: 'Set-Cookie', value: `${cookie}=${MASK}` });
  return headers;
}

export /** The entry of a stored record (HAR 1.2 §log.entries). */
function recordEntry(event: AuthEvent): HarEntry {
  const [httpVersion, statusText] = splitStatusLine(event.statusLine);
  const url = maskUrl(event.url);
  const entry: HarEntry = {
    startedDateTime: new Date(event.time).toISOString(),
    time: 0,
    request: {
      method: event.method,
      url,
      httpVersion,
      cookies: [],
      headers: recordRequestHeaders(event),
      queryString: queryOf(url),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: event.status,
      statusText,
      httpVersion,
      cookies: event.response.setCookieNames.map((name) => ({ name, value: MASK })),
      headers: recordResponseHeaders(event),
      content: { size: finite(event.response.contentLength, 0), mimeType: event.response.contentType ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { ...UNKNOWN_TIMINGS },
    _resourceType: event.type,
  };
  if (event.ip) entry.serverIPAddress = event.ip;
  if (event.error) entry.comment = maskText(event.error);
  return entry;
}
