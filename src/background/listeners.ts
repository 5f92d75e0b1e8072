// Which requests the worker observes, and how much it pays for each (bench/capture.bench.ts).
// Chromium dispatches every webRequest event a listener matches to the worker, and `extraHeaders`
// reroutes the headers of every request it covers (platform-notes: ×1.27–1.35 on all URLs), so:
// - every request of the observed types meets ONE cheap listener, onHeadersReceived with the response
//   headers (status, challenges, headers of every 401/407, on a host's first one too);
// - onBeforeRedirect, onErrorOccurred and onAuthRequired cover all URLs too: they fire only on
//   redirects, failures and challenges, never on a plain 200, so they cost nothing on a healthy page;
// - the costly ones — onSendHeaders and onHeadersReceived with extraHeaders (Cookie sent, Authorization
//   sent, CORS preflights, Set-Cookie) and onCompleted (server IP, cache), which fire on every request —
//   are registered with URL filters for the hosts that already answered 401/407 or failed a fetch
//   (capture-hosts.ts), so a host's retry is observed in full. README "What is known, when".
// Default types: documents, frames, fetch/XHR, WebSocket and "other"; subresource types are opt-in
// (CAPTURE_ALL_TYPES_KEY) because each observed request costs page-load time.
import { browser, type WebRequest } from '../shared/browser';
import * as capture from './capture';
import { hostPattern } from './capture-hosts';
import { onSetCookieHeaders } from './set-cookie-watch';

/** Observed with extraHeaders on the capture hosts (Cookie, Set-Cookie, CORS preflights visible). */
export const EXTRA_HEADER_TYPES: WebRequest.ResourceType[] = ['xmlhttprequest'];
/**
 * Not in the full 401 listener: reading documents' request headers with extraHeaders would cost every
 * page load. Their Set-Cookie has its own listener on capture hosts (SET_COOKIE_DOCUMENT_TYPES).
 */
export const PLAIN_TYPES: WebRequest.ResourceType[] = ['main_frame', 'sub_frame', 'websocket', 'other'];
export const DEFAULT_TYPES: WebRequest.ResourceType[] = [...EXTRA_HEADER_TYPES, ...PLAIN_TYPES];
/** Valid in both Chromium and Firefox (an unknown type makes addListener throw). */
export const SUBRESOURCE_TYPES: WebRequest.ResourceType[] = [
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'media',
  'ping',
  'csp_report',
];

const ALL_URLS = ['<all_urls>'];

/**
 * Chromium's `extraHeaders` (its enum value exists there); Firefox's schema rejects the word in
 * addListener (toolkit/components/extensions/schemas/web_request.json) and shows every header anyway.
 */
const EXTRA: 'extraHeaders'[] =
  (browser.webRequest as { OnHeadersReceivedOptions?: { EXTRA_HEADERS?: string } }).OnHeadersReceivedOptions
    ?.EXTRA_HEADERS === 'extraHeaders'
    ? ['extraHeaders']
    : [];

/**
 * Request headers are read for fetch/XHR only in Chromium, where documents and frames would need
 * extraHeaders (and its cost) to show Cookie. Firefox shows every header without it: there documents
 * and frames are observed too, so "no cookie / no Authorization went out" is a fact for them as well.
 */
const SEND_HEADER_TYPES: WebRequest.ResourceType[] = EXTRA.length ? EXTRA_HEADER_TYPES : DEFAULT_TYPES;

/**
 * Set-Cookie (set-cookie-watch.ts): Firefox shows it to the cheap listener, so every response of the
 * observed types is checked there; Chromium only to an extraHeaders listener, so only a capture host's
 * responses are, fetch/XHR in the full listener and documents and frames (where sign-in responses set
 * the session) in one more listener of the same host set.
 */
const SET_COOKIE_IN_CHEAP = EXTRA.length === 0;
const SET_COOKIE_DOCUMENT_TYPES: WebRequest.ResourceType[] = ['main_frame', 'sub_frame'];

/** The always-on listeners for a list of types; own function objects so a set can be removed alone. */
function cheapSet(types: WebRequest.ResourceType[]) {
  const headers = (d: WebRequest.OnHeadersReceivedDetailsType): void => {
    capture.onHeadersReceived(d, false);
    if (SET_COOKIE_IN_CHEAP) onSetCookieHeaders(d);
  };
  const redirect = (d: WebRequest.OnBeforeRedirectDetailsType): void => capture.onBeforeRedirect(d);
  const failed = (d: WebRequest.OnErrorOccurredDetailsType): void => capture.onErrorOccurred(d);
  const auth = (d: WebRequest.OnAuthRequiredDetailsType): void => capture.onAuthRequired(d);
  const wr = browser.webRequest;
  const filter = { urls: ALL_URLS, types };
  return {
    add(): void {
      wr.onHeadersReceived.addListener(headers, filter, ['responseHeaders']);
      wr.onBeforeRedirect.addListener(redirect, filter);
      wr.onErrorOccurred.addListener(failed, filter);
      // Non-blocking (no extraInfoSpec): needs only the webRequest permission.
      wr.onAuthRequired.addListener(auth, filter);
    },
    remove(): void {
      wr.onHeadersReceived.removeListener(headers);
      wr.onBeforeRedirect.removeListener(redirect);
      wr.onErrorOccurred.removeListener(failed);
      wr.onAuthRequired.removeListener(auth);
    },
  };
}

/**
 * The costly listeners for one host (own function objects), and their removal (capture-hosts.ts'
 * flood guard). A set per host: adding a host never re-registers the others, which would leave a
 * moment where their retries in flight are not observed.
 */
export function registerHostListeners(host: string): () => void {
  const urls = [hostPattern(host)];
  const wr = browser.webRequest;
  const full = (d: WebRequest.OnHeadersReceivedDetailsType): void => {
    capture.onHeadersReceived(d, true);
    if (!SET_COOKIE_IN_CHEAP) onSetCookieHeaders(d);
  };
  const completed = (d: WebRequest.OnCompletedDetailsType): void => capture.onCompleted(d);
  const documents = (d: WebRequest.OnHeadersReceivedDetailsType): void => onSetCookieHeaders(d);
  const sent = (d: WebRequest.OnSendHeadersDetailsType): void => capture.onSendHeaders(d);
  try {
    wr.onHeadersReceived.addListener(full, { urls, types: EXTRA_HEADER_TYPES }, [
      'responseHeaders',
      ...EXTRA,
    ]);
    // Request headers: a page script's Authorization and, with extraHeaders, the Cookie header, so
    // "no cookie was sent" is observed, not guessed (fetch/XHR in Chromium; every type in Firefox).
    wr.onSendHeaders.addListener(sent, { urls, types: SEND_HEADER_TYPES }, ['requestHeaders', ...EXTRA]);
    wr.onCompleted.addListener(completed, { urls, types: [...DEFAULT_TYPES, ...SUBRESOURCE_TYPES] });
    if (!SET_COOKIE_IN_CHEAP)
      wr.onHeadersReceived.addListener(documents, { urls, types: SET_COOKIE_DOCUMENT_TYPES }, [
        'responseHeaders',
        ...EXTRA,
      ]);
  } catch (error) {
    // A pattern the browser refuses must not take the cheap capture down with it.
    console.error('401 Inspector: observing a host in full failed', host, error);
  }
  return () => {
    wr.onHeadersReceived.removeListener(full);
    wr.onSendHeaders.removeListener(sent);
    wr.onCompleted.removeListener(completed);
    wr.onHeadersReceived.removeListener(documents);
  };
}

/** Registers the cheap set now (synchronously, at top level) and returns a switch for subresources. */
export function registerCapture(): (allTypes: boolean) => void {
  cheapSet(DEFAULT_TYPES).add();
  const extra = cheapSet(SUBRESOURCE_TYPES);
  let on = false;
  return (allTypes) => {
    if (allTypes === on) return;
    on = allTypes;
    if (on) extra.add();
    else extra.remove();
  };
}
