// Pure conversions from raw webRequest header lists to the facts an AuthEvent keeps. Values of
// credentials never leave this module: only scheme words, cookie names and masked vendor headers
// (README "Privacy").
import { deletesCookie, parseSetCookie, setCookieLines } from '../cookies';
import { maskEchoedCredentials, maskHeader } from '../secrets';
import type { ChallengeField, ChallengeFieldName, ResponseFacts } from './event';

/** One header as webRequest delivers it (`value` is absent for binary values). */
export interface HeaderLine {
  name: string;
  value?: string;
}

/** Longest header value we store: one hostile header must not eat the storage budget. */
export const MAX_FIELD_CHARS = 8 * 1024;
/** Longest URL we store (Chromium accepts URLs up to 2 MB). */
export const MAX_URL_CHARS = 4 * 1024;
const MAX_EXTRA_CHARS = 1024;
const MAX_EXTRA_HEADERS = 12;
const MAX_COOKIE_NAMES = 50;

/** Cuts a value to `max` characters; `truncated` says whether anything was cut. */
export function capText(value: string, max: number): { value: string; truncated: boolean } {
  return value.length > max ? { value: value.slice(0, max), truncated: true } : { value, truncated: false };
}

/**
 * The challenge header that applies to a response: Proxy-Authenticate for a 407 (RFC 9110 §11.7.1),
 * WWW-Authenticate otherwise (§11.6.1). The one definition: record, diagnosis and UI all use it.
 */
export function challengeNameFor(status: number): ChallengeFieldName {
  return status === 407 ? 'proxy-authenticate' : 'www-authenticate';
}

/**
 * Firefox hands webRequest the lines of a repeated field as ONE value joined by '\n' (INTERNALS.md,
 * "Browser facts"); Chromium gives one entry per line. A field value cannot hold a bare line break
 * (RFC 9110 §5.5), so a break starts the next field, unless whitespace follows: that is obs-fold
 * (RFC 9112 §5.2), a continuation the parser reports.
 */
const FIELD_BREAK = /\r?\n(?![ \t])/;

/**
 * Every WWW-Authenticate and Proxy-Authenticate field, in arrival order (RFC 9110 §5.3: order matters
 * when a field is repeated), each capped at {@link MAX_FIELD_CHARS} with a `truncated` flag.
 */
export function challengeFieldsOf(headers: readonly HeaderLine[]): ChallengeField[] {
  const fields: ChallengeField[] = [];
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (name !== 'www-authenticate' && name !== 'proxy-authenticate') continue;
    for (const value of (header.value ?? '').split(FIELD_BREAK)) {
      const capped = capText(value, MAX_FIELD_CHARS);
      // A server may echo a token into its challenge (error_description): stored with that masked.
      const kept = maskEchoedCredentials(capped.value);
      fields.push(capped.truncated ? { name, value: kept, truncated: true } : { name, value: kept });
    }
  }
  return fields;
}

/** The cookie name of a Set-Cookie value (RFC 6265bis §5.6); undefined for a nameless cookie. */
export function setCookieName(value: string): string | undefined {
  return parseSetCookie(value).name || undefined;
}

/** Whether a Set-Cookie value deletes its cookie: Max-Age <= 0, or Expires before `now` (src/core/cookies). */
export function isCookieCleared(value: string, now: number): boolean {
  return deletesCookie(parseSetCookie(value), now);
}

/** Whether a Link value announces the WordPress REST API (`rel="https://api.w.org/"`). */
export function hasWpApiLink(value: string): boolean {
  return /rel\s*=\s*"?https:\/\/api\.w\.org\/"?/i.test(value);
}

// Vendor headers that explain auth failures (WordPress, AWS, Azure, OAuth gateways), and the ones that
// name who answered: Via (RFC 9110 §7.6.3, proxies), Squid's X-Squid-Error, Google IAP's
// X-Goog-IAP-Generated-Response, API Gateway's x-amz-apigw-id, Cloudflare's cf-ray (src/core/servers).
const EXTRA_HEADER =
  /^(x-wp-|x-amzn-|x-ms-|x-oauth|x-auth|x-error|x-requested-with$|x-api-|via$|x-squid-error$|x-goog-iap-|x-amz-apigw-id$|cf-ray$)/;

function simpleFacts(facts: ResponseFacts, name: string, value: string): boolean {
  const short = value.slice(0, MAX_EXTRA_CHARS);
  if (name === 'server') facts.server = short;
  else if (name === 'x-powered-by') facts.poweredBy = short;
  else if (name === 'content-type') facts.contentType = short;
  else if (name === 'retry-after') facts.retryAfter = short;
  else if (name === 'clear-site-data') facts.clearSiteData = short;
  else if (name === 'content-length' && /^\d+$/.test(value)) facts.contentLength = Number(value);
  else return false;
  return true;
}

/**
 * Response facts the diagnosis needs. Set-Cookie contributes names only (values are credentials);
 * `now` (the event time) decides whether an Expires date lies in the past.
 */
export function responseFactsOf(headers: readonly HeaderLine[], now: number): ResponseFacts {
  const facts: ResponseFacts = { setCookieNames: [], setCookieCleared: [] };
  const extra: Record<string, string> = {};
  let extraCount = 0;
  for (const header of headers) {
    const name = header.name.toLowerCase();
    const value = header.value ?? '';
    if (simpleFacts(facts, name, value)) continue;
    if (name === 'link' && hasWpApiLink(value)) facts.wpApiLink = true;
    else if (name === 'set-cookie') addSetCookie(facts, value, now);
    else if (EXTRA_HEADER.test(name) && extraCount < MAX_EXTRA_HEADERS && !(name in extra)) {
      // Vendor headers may carry credentials (x-amzn-Remapped-Authorization): masked before storing.
      extra[name] = maskHeader(name, value).slice(0, MAX_EXTRA_CHARS);
      extraCount++;
    }
  }
  if (extraCount) facts.extra = extra;
  return facts;
}

function addSetCookie(facts: ResponseFacts, value: string, now: number): void {
  // Firefox joins several Set-Cookie fields with '\n' in one entry.
  for (const line of setCookieLines(value)) {
    const fields = parseSetCookie(line);
    if (!fields.name || facts.setCookieNames.length >= MAX_COOKIE_NAMES) continue;
    facts.setCookieNames.push(fields.name);
    if (deletesCookie(fields, now)) facts.setCookieCleared.push(fields.name);
  }
}

/** Distinct cookie names, capped, for `credentials.cookieNames`. */
export function cookieNamesOf(cookies: readonly { name: string }[]): string[] {
  return [...new Set(cookies.map((c) => c.name.slice(0, 256)))].slice(0, MAX_COOKIE_NAMES);
}

/**
 * The part of a URL that decides which cookies are sent (RFC 6265 §5.4: host, path, scheme), so one
 * cookie look-up serves every request that differs only in query or fragment.
 */
export function cookieScopeUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}
