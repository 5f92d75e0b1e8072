// Which requests the worker observes. Default types cover documents, frames, fetch/XHR, WebSocket and
// "other"; subresource types are opt-in (CAPTURE_ALL_TYPES_KEY) because each observed request costs
// page-load time (platform-notes: types limited ×1.05–1.12 vs all URLs ×1.17).
import { browser, type WebRequest } from '../shared/browser';
import * as capture from './capture';

export const DEFAULT_TYPES: WebRequest.ResourceType[] = [
  'main_frame',
  'sub_frame',
  'xmlhttprequest',
  'websocket',
  'other',
];
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

/** The listener set for a list of types. Separate function objects per set so each can be removed alone. */
function listenerSet(types: WebRequest.ResourceType[]) {
  const headers = (d: WebRequest.OnHeadersReceivedDetailsType): void => capture.onHeadersReceived(d);
  const redirect = (d: WebRequest.OnBeforeRedirectDetailsType): void => capture.onBeforeRedirect(d);
  const completed = (d: WebRequest.OnCompletedDetailsType): void => capture.onCompleted(d);
  const failed = (d: WebRequest.OnErrorOccurredDetailsType): void => capture.onErrorOccurred(d);
  const auth = (d: WebRequest.OnAuthRequiredDetailsType): void => capture.onAuthRequired(d);
  const wr = browser.webRequest;
  return {
    add(): void {
      wr.onHeadersReceived.addListener(headers, { urls, types }, ['responseHeaders']);
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
  listenerSet(DEFAULT_TYPES).add();
  // A page script's Authorization header on fetch/XHR; requestHeaders without extraHeaders (cheap).
  browser.webRequest.onSendHeaders.addListener(capture.onSendHeaders, { urls, types: ['xmlhttprequest'] }, [
    'requestHeaders',
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
