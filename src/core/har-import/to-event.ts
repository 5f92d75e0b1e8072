// One 401/407 HAR entry → the same AuthEvent the worker records live, plus the LiveFacts the panel
// derives from DevTools' own HAR entries (credentials sent, JWT claims, masked copy): an imported
// response is then listed, diagnosed and exported by exactly the code that handles a live one.
import { buildAuthEvent, storedUrl, type AuthEvent, type CredentialFacts, type RedirectHop } from '../record';
import { applyBodyFacts, bodyFactsOf, factsFromEntry, type LiveFacts } from '../live';
import { headerLines, headerValue, type FileHarEntry } from './har-entry';
import { base64Bytes, utf8Text } from '../base64';

/** tabId of imported events: no tab (BACKGROUND_TAB is -1), so no tab API is ever asked about them. */
export const IMPORTED_TAB = -2;

/** An imported response: the record, and what the HAR tells beyond it (held in memory only). */
export interface ImportedEvent {
  event: AuthEvent;
  facts: LiveFacts;
}

// Chrome's `_resourceType` (DevTools' resource types) → webRequest's ResourceType, which the rules read.
const RESOURCE_TYPES: Record<string, string> = {
  document: 'main_frame',
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  preflight: 'xmlhttprequest',
  eventsource: 'xmlhttprequest',
  script: 'script',
  stylesheet: 'stylesheet',
  image: 'image',
  font: 'font',
  media: 'media',
  websocket: 'websocket',
  ping: 'ping',
  'csp-violation-report': 'csp_report',
};

// Fetch Metadata (Sec-Fetch-Dest, W3C Fetch Metadata §2.1) when the file has no resource type (Firefox).
const FETCH_DEST: Record<string, string> = {
  document: 'main_frame',
  iframe: 'sub_frame',
  frame: 'sub_frame',
  empty: 'xmlhttprequest',
  script: 'script',
  style: 'stylesheet',
  image: 'image',
  font: 'font',
};

function resourceType(entry: FileHarEntry, headers: { name: string; value: string }[]): string {
  const dest = FETCH_DEST[(headerValue(headers, 'sec-fetch-dest') ?? '').toLowerCase()];
  const chrome = typeof entry._resourceType === 'string' ? RESOURCE_TYPES[entry._resourceType] : undefined;
  // Recorders call a frame's document "document" too; Sec-Fetch-Dest tells a frame from the page.
  if (chrome === 'main_frame' && dest === 'sub_frame') return dest;
  if (chrome) return chrome;
  if (
    entry.request.method.toUpperCase() === 'OPTIONS' &&
    headerValue(headers, 'access-control-request-method')
  )
    return 'xmlhttprequest'; // a CORS preflight (Fetch §4.8)
  return dest ?? 'other';
}

/** webRequest's initiator is an origin: the script's (Chrome `_initiator`), else Origin, else Referer's. */
function initiatorOf(entry: FileHarEntry, headers: { name: string; value: string }[]): string | undefined {
  for (const candidate of [
    entry._initiator?.url,
    headerValue(headers, 'origin'),
    headerValue(headers, 'referer'),
  ]) {
    if (typeof candidate !== 'string' || !candidate) continue;
    try {
      const origin = new URL(candidate).origin;
      if (origin !== 'null') return origin;
    } catch {
      // not a URL: try the next source
    }
  }
  return undefined;
}

function statusLineOf(entry: FileHarEntry): string {
  const version = String(entry.response.httpVersion ?? '');
  const http = /^http\/\d/i.test(version) ? version.toUpperCase() : 'HTTP/1.1';
  return `${http} ${entry.response.status} ${String(entry.response.statusText ?? '')}`.trim();
}

/** The body text of a small JSON response, decoded from base64 when the file says so. */
export function bodyText(entry: FileHarEntry): string | undefined {
  const content = entry.response.content;
  if (!content || typeof content.text !== 'string' || content.text.length > 64 * 1024) return undefined;
  if (content.encoding !== 'base64') return content.text;
  // Line breaks are allowed in a file's base64 (MIME style); the bytes are the same.
  const bytes = base64Bytes(content.text.replace(/\s+/g, ''));
  return bytes && utf8Text(bytes, true);
}

/**
 * What the HAR says about credentials on the request. A sanitized HAR (Chrome's default export since
 * Chrome 130 drops Authorization, Cookie and Set-Cookie) cannot say nothing went out: 'unknown' then.
 */
function credentialsOf(facts: LiveFacts, sanitized: boolean, hasHeaders: boolean): CredentialFacts {
  if (sanitized || !hasHeaders) return { requestHeaders: 'unknown' };
  const credentials: CredentialFacts = { requestHeaders: 'seen', cookieSent: facts.cookieSent };
  if (facts.authorizationScheme) credentials.authorizationScheme = facts.authorizationScheme;
  if (facts.cookieNames.length) credentials.cookieNames = [...new Set(facts.cookieNames)].slice(0, 50);
  return credentials;
}

/**
 * The event for one 401/407 entry (undefined for another status or an entry without a valid
 * startedDateTime). `index` makes the id unique within the file; `redirects` come from
 * {@link redirectChains}; `sanitized` says the file was stripped of credential headers.
 */
export function importEntry(
  entry: FileHarEntry,
  index: number,
  redirects: RedirectHop[],
  sanitized: boolean,
): ImportedEvent | undefined {
  const facts = factsFromEntry(entry);
  if (!facts) return undefined;
  const requestHeaders = headerLines(entry.request.headers);
  const responseHeaders = headerLines(entry.response.headers);
  const ip = facts.serverIp;
  const event = buildAuthEvent(
    {
      requestId: `har${index}`,
      timeStamp: facts.start,
      tabId: IMPORTED_TAB,
      frameId: 0,
      parentFrameId: -1,
      url: entry.request.url,
      method: entry.request.method.toUpperCase(),
      type: resourceType(entry, requestHeaders),
      statusCode: entry.response.status,
      statusLine: statusLineOf(entry),
      initiator: initiatorOf(entry, requestHeaders),
      ip,
      fromCache: entry._fromCache ? true : undefined,
      responseHeaders,
    },
    redirects,
    credentialsOf(facts, sanitized, requestHeaders.length > 0),
  );
  event.pageId = typeof entry.pageref === 'string' ? entry.pageref : '';
  // Chrome DevTools writes `_error`, Playwright `_failureText` (e.g. "net::ERR_INVALID_AUTH_CREDENTIALS").
  const raw = entry.response as { _error?: unknown; _failureText?: unknown };
  const error = raw._error ?? raw._failureText;
  if (typeof error === 'string' && /^(net::)?ERR_[A-Z_]+$/.test(error))
    event.error = error.startsWith('net::') ? error : `net::${error}`;
  // The same body read as the live panel's (live/body-facts.ts): the code and who wrote the page.
  const body = bodyFactsOf(bodyText(entry), entry.response.content?.mimeType, entry.request.url);
  if (applyBodyFacts(facts, body)) {
    if (facts.bodyCode) event.response.bodyCode = facts.bodyCode;
    if (facts.bodyServer) event.response.bodyServer = facts.bodyServer;
  }
  return { event, facts };
}

/** The URL a redirect response points to: HAR's redirectURL, else its Location header, made absolute. */
export function redirectTarget(entry: FileHarEntry): string | undefined {
  const raw = entry.response.redirectURL || headerValue(headerLines(entry.response.headers), 'location');
  if (!raw) return undefined;
  try {
    return new URL(raw, entry.request.url).href;
  } catch {
    return undefined;
  }
}

/** A redirect hop as the live capture records it (RedirectHop), from a 3xx entry. */
export function hopOf(entry: FileHarEntry, target: string): RedirectHop {
  const hop: RedirectHop = {
    url: storedUrl(entry.request.url),
    status: entry.response.status,
    redirectUrl: storedUrl(target),
  };
  if (entry.serverIPAddress) hop.ip = String(entry.serverIPAddress).replace(/^\[|\]$/g, '');
  return hop;
}
