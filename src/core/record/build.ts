// Builds the stored AuthEvent from the fields of a webRequest onHeadersReceived detail. Pure, so the
// worker's listener stays a thin O(1) adapter and the record's shape is unit-tested.
import { parseChallenges } from '../challenge';
import { maskText, maskUrl } from '../secrets';
import { eventId, type AuthEvent, type CredentialFacts, type RedirectHop } from './event';
import {
  capText,
  challengeFieldsOf,
  challengeNameFor,
  MAX_URL_CHARS,
  responseFactsOf,
  type HeaderLine,
} from './response-facts';

/** The subset of webRequest.onHeadersReceived details the record is built from. */
export interface ResponseDetails {
  requestId: string;
  timeStamp: number;
  tabId: number;
  frameId: number;
  parentFrameId: number;
  documentId?: string;
  url: string;
  method: string;
  type: string;
  statusCode: number;
  statusLine: string;
  initiator?: string;
  /** Firefox: the URL of the document or script that made the request (it has no `initiator`). */
  originUrl?: string;
  /** Firefox has these in onHeadersReceived; Chromium only later (onCompleted). */
  ip?: string;
  fromCache?: boolean;
  responseHeaders?: HeaderLine[];
}

/** Whether a status is one we capture (RFC 9110 §15.5.2 401, §15.5.8 407). */
export const isAuthStatus = (status: number): boolean => status === 401 || status === 407;

/**
 * A URL as stored (event, initiator, redirect hops, page loads): masked by the secret policy, then
 * capped. The raw URL lives only in the worker's memory, for the cookie look-up (README "Privacy").
 */
export const storedUrl = (url: string): string => capText(maskUrl(url), MAX_URL_CHARS).value;

/**
 * The AuthEvent for one 401/407 response. `pageId` is left empty: the store assigns the page load.
 * Parses only the fields named for the status (WWW-Authenticate for 401, Proxy-Authenticate for 407)
 * but keeps both kinds in `challengeFields`.
 */
export function buildAuthEvent(
  details: ResponseDetails,
  redirects: RedirectHop[],
  credentials: CredentialFacts,
): AuthEvent {
  const headers = details.responseHeaders ?? [];
  const challengeFields = challengeFieldsOf(headers);
  const relevant = challengeNameFor(details.statusCode);
  const values = challengeFields.filter((f) => f.name === relevant).map((f) => f.value);
  const event: AuthEvent = {
    id: eventId(details.requestId, details.timeStamp),
    time: details.timeStamp,
    tabId: details.tabId,
    frameId: details.frameId,
    parentFrameId: details.parentFrameId,
    pageId: '',
    url: storedUrl(details.url),
    method: details.method.slice(0, 32),
    type: details.type,
    status: details.statusCode,
    statusLine: maskText(details.statusLine.slice(0, 512)),
    challengeFields,
    parse: parseChallenges(values),
    redirects,
    credentials,
    response: responseFactsOf(headers, details.timeStamp),
  };
  if (details.documentId) event.documentId = details.documentId;
  const initiator = details.initiator ?? originOf(details.originUrl);
  if (initiator) event.initiator = storedUrl(initiator);
  if (details.ip) event.ip = details.ip;
  if (details.fromCache !== undefined) event.fromCache = details.fromCache;
  return event;
}

/**
 * The origin of Firefox's `originUrl`, which is what Chromium's `initiator` holds (Fetch's request
 * origin). Opaque origins (about:blank, data:) give "null", as Chromium reports them; none when absent.
 */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
