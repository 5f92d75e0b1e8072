// webRequest listeners: every response reaches onHeadersReceived (Chromium has no status filter), so
// each listener does O(1) work and returns unless the request is a captured 401/407.
import type { WebRequest } from '../shared/browser';
import type { BrowserAuth, CredentialFacts, RedirectHop } from '../core/record';
import { buildAuthEvent, eventId, isAuthStatus, storedUrl, type ResponseDetails } from '../core/record';
import { cookieScopeUrl } from '../core/record';
import { credentialScheme } from '../core/record';
import { BoundedMap } from './bounded-map';
import { watchHostOf } from './capture-hosts';
import { addCookieFacts } from './cookie-facts';
import { enqueue } from './store';

const MAX_HOPS = 20;
/** requestId → redirect hops so far (dropped when the request ends). */
const redirects = new BoundedMap<string, RedirectHop[]>(500);
/** requestId → what onSendHeaders saw: the Authorization scheme word ('' = none) and Cookie presence. */
const sent = new BoundedMap<string, { scheme: string; cookie: boolean }>(1000);
/** requestIds with a captured event, so onErrorOccurred (which has no status) can find them. */
const captured = new BoundedMap<string, number>(1000);
/**
 * requestId → the latest response built for it. On a capture host a fetch's 401 reaches both the cheap
 * and the full onHeadersReceived (listeners.ts), in either order: the first builds the event, the full
 * one replaces a cheap one (it sees Set-Cookie). The two calls are matched by request, listener kind
 * and time, not by the event id alone: Firefox stamps each listener's details on its own, up to a
 * millisecond apart (INTERNALS.md "Browser facts"), while a retry of the request is a new response.
 */
const built = new BoundedMap<string, { id: string; time: number; full: boolean; paired: boolean }>(1000);
/** Two listener calls further apart than this are two responses of the request (a retry). */
const SAME_RESPONSE_MS = 20;

function credentialsOf(requestId: string): CredentialFacts {
  const seen = sent.get(requestId);
  if (!seen) return { requestHeaders: 'unknown' };
  const facts: CredentialFacts = { requestHeaders: 'seen' };
  if (seen.scheme) facts.authorizationScheme = seen.scheme;
  // onSendHeaders runs only for fetch/XHR, with extraHeaders in Chromium (listeners.ts), which shows the
  // Cookie header there (Firefox always does): its absence is observed, so false is as certain as true.
  facts.cookieSent = seen.cookie;
  return facts;
}

/**
 * onHeadersReceived (with responseHeaders): records a 401/407. `full`: from the capture hosts' listener
 * with extraHeaders. Marks the host for full observation from now on.
 */
export function onHeadersReceived(details: WebRequest.OnHeadersReceivedDetailsType, full: boolean): void {
  if (!isAuthStatus(details.statusCode)) return;
  const last = built.get(details.requestId);
  const pair =
    last !== undefined &&
    !last.paired &&
    last.full !== full &&
    Math.abs(details.timeStamp - last.time) <= SAME_RESPONSE_MS;
  if (pair) {
    last.paired = true;
    if (!full) return; // the full listener already built this response
  } else {
    const id = eventId(details.requestId, details.timeStamp);
    built.set(details.requestId, { id, time: details.timeStamp, full, paired: false });
  }
  const hops = redirects.get(details.requestId) ?? [];
  const event = buildAuthEvent(
    details as ResponseDetails,
    hops.map((h) => ({ ...h })),
    credentialsOf(details.requestId),
  );
  // The fuller record of a response the cheap listener built keeps that event's id and time.
  if (pair) Object.assign(event, { id: last.id, time: last.time });
  captured.set(details.requestId, details.tabId);
  enqueue({ kind: 'event', event, cookieUrl: cookieScopeUrl(details.url), replace: pair });
  if (!pair) addCookieFacts(details); // once per event: the fuller record of the same response keeps it
  watchHostOf(details.url, true);
}

/** onBeforeRedirect: remembers the hop so a 401 at the end of a chain shows how it got there. */
export function onBeforeRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  const hops = redirects.get(details.requestId) ?? [];
  if (hops.length >= MAX_HOPS) return;
  const hop: RedirectHop = {
    url: storedUrl(details.url),
    status: details.statusCode,
    redirectUrl: storedUrl(details.redirectUrl),
  };
  if (details.ip) hop.ip = details.ip;
  if (details.fromCache) hop.fromCache = true;
  hops.push(hop);
  redirects.set(details.requestId, hops);
}

/**
 * onSendHeaders (requestHeaders + extraHeaders), limited to xmlhttprequest: a page script's own
 * Authorization header and whether a Cookie header went out. The scheme word and a boolean only;
 * values are never kept.
 */
export function onSendHeaders(details: WebRequest.OnSendHeadersDetailsType): void {
  let scheme = '';
  let cookie = false;
  for (const header of details.requestHeaders ?? []) {
    const name = header.name.toLowerCase();
    if (name === 'authorization' || name === 'proxy-authorization')
      scheme ||= credentialScheme(header.value ?? '') ?? '';
    else if (name === 'cookie') cookie = true;
  }
  sent.set(details.requestId, { scheme, cookie });
}

function forget(requestId: string): number | undefined {
  redirects.delete(requestId);
  sent.delete(requestId);
  const tabId = captured.get(requestId);
  captured.delete(requestId);
  return tabId;
}

/** onCompleted: adds ip / fromCache to the request's event (Chromium has them only here). */
export function onCompleted(details: WebRequest.OnCompletedDetailsType): void {
  const tabId = forget(details.requestId);
  if (tabId === undefined && !isAuthStatus(details.statusCode)) return;
  const patch = { fromCache: details.fromCache, ...(details.ip ? { ip: details.ip } : {}) };
  enqueue({ kind: 'patch', tabId: tabId ?? details.tabId, requestId: details.requestId, patch });
}

/** onErrorOccurred: e.g. net::ERR_INVALID_AUTH_CREDENTIALS after a main-frame Basic 401 in headless. */
export function onErrorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
  // A fetch refused by CORS fails with net::ERR_FAILED; its preflight (maybe a 401) is visible only
  // with extraHeaders, so the host is observed in full from now on and the retry shows it.
  if (details.type === 'xmlhttprequest' && details.error === 'net::ERR_FAILED')
    watchHostOf(details.url, false);
  const tabId = forget(details.requestId);
  if (tabId === undefined) return;
  const patch = { error: details.error.slice(0, 200), fromCache: details.fromCache };
  enqueue({
    kind: 'patch',
    tabId,
    requestId: details.requestId,
    patch: details.ip ? { ...patch, ip: details.ip } : patch,
  });
}

/**
 * Non-blocking onAuthRequired: which scheme the browser itself would answer (Negotiate > NTLM > Digest >
 * Basic), and the challenger's host:port, which for a 407 names the proxy rather than the website.
 */
export function onAuthRequired(details: WebRequest.OnAuthRequiredDetailsType): void {
  const { host, port } = details.challenger ?? {};
  const browserAuth: BrowserAuth = {
    scheme: details.scheme.slice(0, 40),
    isProxy: details.isProxy,
    ...(details.realm !== undefined ? { realm: details.realm.slice(0, 512) } : {}),
    ...(host ? { challenger: `${host.slice(0, 256)}${port ? `:${port}` : ''}` } : {}),
  };
  enqueue({ kind: 'patch', tabId: details.tabId, requestId: details.requestId, patch: { browserAuth } });
}
