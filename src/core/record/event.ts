import type { ParseResult } from '../challenge';
import type { CookieJarFacts } from '../cookies';
import type { FlowStep } from '../flow';

/** tabId of requests that belong to no tab (service workers, other extensions): the "background" group. */
export const BACKGROUND_TAB = -1;

export type ChallengeFieldName = 'www-authenticate' | 'proxy-authenticate';

/** One challenge header line exactly as received, in arrival order (RFC 9110 §5.3 keeps order). */
export interface ChallengeField {
  name: ChallengeFieldName;
  value: string;
  /** The value was cut to a storage cap (8 KB) because it was huge; parse ran on the kept part. */
  truncated?: boolean;
}

/** One hop of the request's redirect chain, oldest first; the event's own url is where it ended. */
export interface RedirectHop {
  url: string;
  status: number;
  redirectUrl: string;
  ip?: string;
  fromCache?: boolean;
}

/** What onAuthRequired reported: the scheme the browser would answer, and who asked. */
export interface BrowserAuth {
  /** Lower-case scheme word the browser picked (Negotiate > NTLM > Digest > Basic in Chromium). */
  scheme: string;
  realm?: string;
  isProxy: boolean;
  /** The server or proxy that asked, as `host:port` (onAuthRequired's `challenger`): for a 407, the proxy. */
  challenger?: string;
}

/**
 * What we know about credentials on the failing request. Values never appear here: only the scheme
 * word of an Authorization header and cookie *names*. Each fact says how it was learnt, because some
 * are observed on the request itself and some are inferred after the 401 (see README "What is known").
 */
export interface CredentialFacts {
  /** Scheme word of an Authorization / Proxy-Authorization header seen on the request (e.g. "Bearer"). */
  authorizationScheme?: string;
  /** Whether request headers were observable for this request at all ('seen' = we looked). */
  requestHeaders: 'seen' | 'unknown';
  /** Cookie header on the request: true/false when seen, absent when unknown. */
  cookieSent?: boolean;
  /** Names of cookies the browser holds for this URL, read right after the 401 (inferred "would be sent"). */
  cookieNames?: string[];
  /** Non-blocking onAuthRequired: the scheme the browser itself picked to answer (lower-case), if any. */
  browserAuth?: BrowserAuth;
  /**
   * The site's cookies right after the 401 (names and attributes, every partition) and the host's cookies
   * removed just before it: what "why was no cookie sent" reasons from. Added by a later patch.
   */
  cookieJar?: CookieJarFacts;
}

/** What a 401/407 body showed about who wrote it (the servers' BodyFingerprint, as a record field). */
export interface BodyServerFacts {
  /** A ProductId of src/core/servers. */
  product: string;
  certainty: 'seen' | 'likely';
  evidence: string;
  app?: 'manager' | 'host-manager';
  appRole?: string;
  code?: string;
}

/** Response facts the diagnosis rules need; names only for Set-Cookie, never values. */
export interface ResponseFacts {
  server?: string;
  poweredBy?: string;
  contentType?: string;
  contentLength?: number;
  /** A `Link: <...>; rel="https://api.w.org/"` header: the WordPress REST API announces itself. */
  wpApiLink?: boolean;
  retryAfter?: string;
  clearSiteData?: string;
  setCookieNames: string[];
  /** Set-Cookie names that clear or expire the cookie (Max-Age<=0 or Expires in the past). */
  setCookieCleared: string[];
  /**
   * A short machine code from the response body, where a reader could see the body (the DevTools panel's
   * HAR; webRequest cannot): WordPress REST `code` ("rest_not_logged_in"), IIS detailed error "401.2".
   * Only the code, capped; never the body.
   */
  bodyCode?: string;
  /**
   * Who wrote the body, where a reader could see it (the panel's HAR, an imported HAR, the command
   * line): src/core/servers/body.ts. Only the product id, certainty and a short evidence string; never
   * the body. Never in storage.session: the capture cannot read bodies.
   */
  bodyServer?: BodyServerFacts;
  /** Other response headers worth showing (e.g. x-wp-*, www-authenticate-related vendor headers), lower-cased names. */
  extra?: Record<string, string>;
}

/** One captured 401/407 response. Stored in storage.session; every field is JSON. */
export interface AuthEvent {
  /** Unique within the browser session: `${requestId}:${timeStamp}`. */
  id: string;
  /** ms since epoch (webRequest timeStamp). */
  time: number;
  tabId: number;
  frameId: number;
  parentFrameId: number;
  documentId?: string;
  /** Page load this event belongs to (see TabLog.pages); '' for the background group. */
  pageId: string;
  url: string;
  method: string;
  /** webRequest ResourceType: main_frame, sub_frame, xmlhttprequest, image, script, ... */
  type: string;
  status: number;
  statusLine: string;
  initiator?: string;
  ip?: string;
  fromCache?: boolean;
  /** onErrorOccurred after the response, e.g. net::ERR_INVALID_AUTH_CREDENTIALS. */
  error?: string;
  challengeFields: ChallengeField[];
  /** parseChallenges over the fields of the relevant name (WWW- for 401, Proxy- for 407). */
  parse: ParseResult;
  redirects: RedirectHop[];
  credentials: CredentialFacts;
  response: ResponseFacts;
}

/** A page load (main-frame navigation) in a tab; events are grouped by it. */
export interface PageLoad {
  id: string;
  url: string;
  time: number;
}

/**
 * A sealed run of a tab's older events, stored under its own key (segments.ts): written once, so a
 * flush writes only the tab's head and a reader can show the newest events before the rest.
 */
export interface SegmentRef {
  /** Unique in the tab across clears: the segment's storage key is `seg:<tabId>:<seq>`. */
  seq: number;
  count: number;
  /** Time of its newest event (the budget drops the oldest segments first). */
  newest: number;
  /** Its stored size (JSON length). */
  bytes: number;
  /** Page loads its events belong to (kept while the segment is). */
  pages: string[];
}

/** Everything stored for one tab (or the background group, tabId -1). */
export interface TabLog {
  tabId: number;
  /** Oldest first. In storage, the head's `events` are only the newest ones; see `segments`. */
  events: AuthEvent[];
  /** In storage only: the older events' segments, oldest first (absent or empty: none). */
  segments?: SegmentRef[];
  /** Oldest first; only the loads that still have events or are current. */
  pages: PageLoad[];
  /** Events dropped for the per-tab cap or the global byte budget (oldest first). */
  dropped: number;
  /** Recent sign-in steps (OAuth/OIDC, SAML) of the tab, oldest first: the flow a 401 may end. */
  signIn?: FlowStep[];
}

/** The event id: unique within the browser session (a request retried with credentials keeps its requestId). */
export const eventId = (requestId: string, timeStamp: number): string => `${requestId}:${timeStamp}`;

/** The requestId part of an {@link eventId}. */
export const requestIdOf = (id: string): string => id.slice(0, id.lastIndexOf(':'));
