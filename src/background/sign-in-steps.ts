// Sign-in steps of each tab (OAuth 2.0 / OIDC, SAML) for the flow view next to a 401. Its own listeners
// with a URL filter, so the browser wakes the worker only for URLs that can be a step (match patterns
// cover path and query), never for the rest of the traffic; what a step is, is decided in core.
import { browser, type WebRequest } from '../shared/browser';
import { signInStepOf } from '../core/flow';
import { enqueue } from './store';

/** URLs that may be a sign-in step: parameter names and paths of src/core/flow/recognize.ts. */
export const SIGN_IN_URLS = [
  '*://*/*response_type=*',
  '*://*/*redirect_uri=*',
  '*://*/*code=*',
  '*://*/*error=*',
  '*://*/*SAMLRequest=*',
  '*://*/*SAMLResponse=*',
  // Match patterns are case-sensitive: the spellings SP software uses (/Saml2/Acs, /sp/ACS.saml2).
  '*://*/*acs*',
  '*://*/*Acs*',
  '*://*/*ACS*',
  '*://*/*saml*',
  '*://*/*Saml*',
  '*://*/*SAML*',
  '*://*/*token*',
];
const TYPES: WebRequest.ResourceType[] = ['main_frame', 'sub_frame', 'xmlhttprequest'];

function note(details: {
  url: string;
  method: string;
  statusCode: number;
  timeStamp: number;
  tabId: number;
}): void {
  if (details.tabId < 0) return;
  const step = signInStepOf({
    url: details.url,
    method: details.method,
    status: details.statusCode,
    time: details.timeStamp,
  });
  if (step) enqueue({ kind: 'flow', tabId: details.tabId, step });
}

/** Registers the listeners (call synchronously at top level). */
export function registerSignInSteps(): void {
  const filter = { urls: SIGN_IN_URLS, types: TYPES };
  browser.webRequest.onBeforeRedirect.addListener(note, filter);
  browser.webRequest.onCompleted.addListener(note, filter);
}
