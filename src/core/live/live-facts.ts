// What the panel learns from DevTools' HAR entries (devtools.network.onRequestFinished): exactly
// which credentials went out and the JWT's claims. Pure. Only derived facts and a MASKED copy of the
// entry are kept, in the panel's memory only — never the token, never in storage.
import { isAuthStatus, type BodyServerFacts } from '../record';
import type { LiveHarEntry } from '../export';
import { decodeJwtFacts, type JwtFacts } from '../diagnose';
import { credentialScheme, MASK, maskHeader, maskText, maskUrl } from '../secrets';

/** Facts about one request DevTools saw, matched later to the stored event by method, URL and time. */
export interface LiveFacts {
  method: string;
  /** The request URL with credentials masked (maskUrl). */
  url: string;
  status: number;
  /** Request start and end, ms since epoch. */
  start: number;
  end: number;
  authorizationScheme?: string;
  cookieSent: boolean;
  cookieNames: string[];
  jwt?: JwtFacts;
  /** WordPress REST `code` or IIS "401.2" from the body (filled later, after getContent; body-facts.ts). */
  bodyCode?: string;
  /** Who wrote the body (src/core/servers/body.ts), filled with bodyCode; never the body itself. */
  bodyServer?: BodyServerFacts;
  serverIp?: string;
  /** The entry with every credential masked: what the exports use. */
  entry: LiveHarEntry;
}

const header = (entry: LiveHarEntry, name: string): string | undefined =>
  entry.request.headers?.find((h) => String(h.name).toLowerCase() === name)?.value;

function cookieNamesOf(entry: LiveHarEntry): string[] {
  const fromList = (entry.request.cookies ?? []).map((c) => String(c.name));
  if (fromList.length) return fromList;
  const raw = header(entry, 'cookie') ?? '';
  return raw
    .split(';')
    .map((p) => p.split('=', 1)[0]!.trim())
    .filter(Boolean);
}

type NameValues = { name: string; value: string }[] | undefined;
type Cookies = LiveHarEntry['request']['cookies'];

const maskList = (list: NameValues): NameValues =>
  list?.map((h) => ({ name: String(h.name), value: maskHeader(String(h.name), String(h.value)) }));
// Cookie names and attributes stay (diagnosis reads names); every value is a credential.
const maskCookies = (list: Cookies): Cookies =>
  list?.map((c) => ({
    name: String(c.name),
    value: MASK,
    ...(c.path !== undefined ? { path: String(c.path) } : {}),
    ...(c.domain !== undefined ? { domain: String(c.domain) } : {}),
    ...(typeof c.httpOnly === 'boolean' ? { httpOnly: c.httpOnly } : {}),
    ...(typeof c.secure === 'boolean' ? { secure: c.secure } : {}),
  }));

/**
 * The entry with credentials masked, safe to hold in the panel's memory and export. Built field by
 * field from what the exports use, so nothing else DevTools hands over is kept: no request body
 * (`postData`: form passwords), no query list, no response body, a masked `redirectURL`.
 */
export function maskLiveEntry(entry: LiveHarEntry): LiveHarEntry {
  const { request: rq, response: rs } = entry;
  const content = rs.content;
  return {
    startedDateTime: entry.startedDateTime,
    time: entry.time,
    timings: entry.timings,
    serverIPAddress: entry.serverIPAddress,
    request: {
      method: String(rq.method),
      url: maskUrl(String(rq.url)),
      httpVersion: rq.httpVersion,
      headers: maskList(rq.headers),
      cookies: maskCookies(rq.cookies),
      headersSize: rq.headersSize,
      bodySize: rq.bodySize,
    },
    response: {
      status: rs.status,
      statusText: rs.statusText === undefined ? undefined : maskText(String(rs.statusText)),
      httpVersion: rs.httpVersion,
      headers: maskList(rs.headers),
      cookies: maskCookies(rs.cookies),
      content: content ? { size: content.size, mimeType: content.mimeType } : undefined,
      redirectURL: rs.redirectURL ? maskUrl(String(rs.redirectURL)) : undefined,
      headersSize: rs.headersSize,
      bodySize: rs.bodySize,
    },
  } as LiveHarEntry;
}

/** Facts of a 401/407 HAR entry; undefined for any other status (only those are matched). */
export function factsFromEntry(entry: LiveHarEntry): LiveFacts | undefined {
  if (!isAuthStatus(entry.response.status)) return undefined;
  const start = Date.parse(entry.startedDateTime ?? '');
  if (!Number.isFinite(start)) return undefined;
  const auth = header(entry, entry.response.status === 407 ? 'proxy-authorization' : 'authorization');
  // A bare key is recorded as NO_SCHEME, never as a scheme word (credential-scheme.ts).
  const scheme = auth === undefined ? undefined : credentialScheme(auth);
  const facts: LiveFacts = {
    method: entry.request.method.toUpperCase(),
    // Masked: the key to match events by must not keep a token of the query string either.
    url: maskUrl(entry.request.url),
    status: entry.response.status,
    start,
    end: start + Math.max(0, entry.time ?? 0),
    cookieSent: header(entry, 'cookie') !== undefined || (entry.request.cookies?.length ?? 0) > 0,
    cookieNames: cookieNamesOf(entry),
    entry: maskLiveEntry(entry),
  };
  if (scheme) facts.authorizationScheme = scheme;
  // RFC 6750 §2.1: the bearer token follows the scheme word; decode claims, keep only those.
  const jwt = auth && /^bearer$/i.test(scheme ?? '') ? decodeJwtFacts(auth) : undefined;
  if (jwt) facts.jwt = jwt;
  if (entry.serverIPAddress) facts.serverIp = String(entry.serverIPAddress).replace(/^\[|\]$/g, '');
  return facts;
}
