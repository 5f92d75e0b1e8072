// Which requests the worker observes. Default types cover documents, frames, fetch/XHR, WebSocket and
// "other"; subresource types are opt-in (CAPTURE_ALL_TYPES_KEY) because each observed request costs
// page-load time (platform-notes: types limited ×1.05–1.12 vs all URLs ×1.17).
// Only fetch/XHR is observed with `extraHeaders`: it is what makes Chromium show the Cookie and
// Set-Cookie headers and CORS preflights (which Chromium reports as type xmlhttprequest, method OPTIONS),
// and it costs speed on every request it covers (platform-notes: ×1.27–1.35 on all URLs), so images,
// scripts and documents stay without it. Each type belongs to exactly one set: no request is seen twice.
import { browser, type WebRequest } from '../shared/browser';
import * as capture from './capture';

/** Observed with extraHeaders (Cookie, Set-Cookie, CORS preflights visible). */
export const EXTRA_HEADER_TYPES: WebRequest.ResourceType[] = ['xmlhttprequest'];
/** Observed without extraHeaders: Chromium hides Cookie / Set-Cookie there. */
export const PLAIN_TYPES: WebRequest.ResourceType[] = ['main_frame', 'sub_frame', 'websocket', 'other'];
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

const urls = ['<all_urls>'];

/**
 * Chromium's `extraHeaders` (its enum value exists there); Firefox's schema rejects the word in
 * addListener (toolkit/components/extensions/schemas/web_request.json) and shows every header anyway.
 */
const EXTRA: 'extraHeaders'[] =
  (browser.webRequest as { OnHeadersReceivedOptions?: { EXTRA_HEADERS?: string } }).OnHeadersReceivedOptions
    ?.EXTRA_HEADERS === 'extraHeaders'
    ? ['extraHeaders']
    : [];

/** The listener set for a list of types. Separate function objects per set so each can be removed alone. */
function listenerSet(types: WebRequest.ResourceType[], extraHeaders = false) {
  const spec: WebRequest.OnHeadersReceivedOptions[] = ['responseHeaders', ...(extraHeaders ? EXTRA : [])];
  const headers = (d: WebRequest.OnHeadersReceivedDetailsType): void => capture.onHeadersReceived(d);
  const redirect = (d: WebRequest.OnBeforeRedirectDetailsType): void => capture.onBeforeRedirect(d);
  const completed = (d: WebRequest.OnCompletedDetailsType): void => capture.onCompleted(d);
  const failed = (d: WebRequest.OnErrorOccurredDetailsType): void => capture.onErrorOccurred(d);
  const auth = (d: WebRequest.OnAuthRequiredDetailsType): void => capture.onAuthRequired(d);
  const wr = browser.webRequest;
  return {
    add(): void {
      wr.onHeadersReceived.addListener(headers, { urls, types }, spec);
      wr.onBeforeRedirect.addListener(redirect, { urls, types });
      wr.onCompleted.addListener(completed, { urls, types });
      wr.onErrorOccurred.addListener(failed, { urls, types });
      // Non-blocking (no extraInfoSpec): needs only the webRequest permission.
      wr.onAuthRequired.addListener(auth, { urls, types });
    },
    remove(): void {
      wr.onHeadersReceived.removeListener(headers);
      wr.onBeforeRedirect.removeListener(redirect);
      wr.onCompleted.removeListener(completed);
      wr.onErrorOccurred.removeListener(failed);
      wr.onAuthRequired.removeListener(auth);
    },
  };
}

/** Registers the default set now (synchronously, at top level) and returns a switch for subresources. */
export function registerCapture(): (allTypes: boolean) => void {
  listenerSet(EXTRA_HEADER_TYPES, true).add();
  listenerSet(PLAIN_TYPES).add();
  // fetch/XHR request headers: a page script's Authorization and, with extraHeaders, the Cookie header,
  // so "no cookie was sent" is observed, not guessed. Frames and documents get no onSendHeaders at all.
  browser.webRequest.onSendHeaders.addListener(capture.onSendHeaders, { urls, types: EXTRA_HEADER_TYPES }, [
    'requestHeaders',
    ...EXTRA,
  ]);
  const extra = listenerSet(SUBRESOURCE_TYPES);
  let on = false;
  return (allTypes) => {
    if (allTypes === on) return;
    on = allTypes;
    if (on) extra.add();
    else extra.remove();
  };
}
