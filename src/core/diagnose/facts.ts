import type { AuthEvent } from '../record';
import type { Challenge } from '../challenge';
import { parseUrl, siteOf } from '../site';

/** What went out with the request, as far as we can tell. */
export type CredState = 'sent' | 'none' | 'unknown';

/** Facts derived once from the event and shared by all rules. */
export interface Facts {
  url?: URL;
  origin: string;
  host: string;
  path: string;
  isProxy: boolean;
  challenges: Challenge[];
  /** Lower-cased scheme words of the parsed challenges. */
  schemes: Set<string>;
  /** A navigation or frame (a page the user sees) rather than a script's request. */
  isPage: boolean;
  /** A script's request or an API-looking URL. */
  isApi: boolean;
  credState: CredState;
  initiatorOrigin?: string;
  /** Initiator and URL differ in origin / site (public-suffix list, src/core/site); undefined without initiator. */
  crossOrigin?: boolean;
  crossSite?: boolean;
}

/** Schemes the browser answers by itself (prompt, cache or Windows sign-in). */
export const BROWSER_SCHEMES = new Set(['basic', 'digest', 'ntlm', 'negotiate']);

function credState(event: AuthEvent): CredState {
  const c = event.credentials;
  if (c.authorizationScheme || c.cookieSent === true) return 'sent';
  if (c.requestHeaders === 'seen' && c.cookieSent === false) return 'none';
  return 'unknown';
}

// webRequest ResourceTypes of script-made requests (fetch/XHR are both 'xmlhttprequest').
const SCRIPT_TYPES = new Set(['xmlhttprequest', 'other', 'ping', 'websocket', 'preflight']);
const API_PATH = /\/(api|graphql|wp-json|rest|oauth2?|v\d+)(\/|$)/i;

/** Derives the shared {@link Facts} of an event. */
export function deriveFacts(event: AuthEvent): Facts {
  const url = parseUrl(event.url);
  const initiator = parseUrl(event.initiator);
  const isPage = event.type === 'main_frame' || event.type === 'sub_frame';
  const challenges = event.parse?.challenges ?? [];
  const facts: Facts = {
    url,
    origin: url?.origin ?? '',
    host: url?.hostname ?? '',
    path: url?.pathname ?? '',
    isProxy: event.status === 407,
    challenges,
    schemes: new Set(challenges.map((c) => c.scheme.toLowerCase())),
    isPage,
    isApi: SCRIPT_TYPES.has(event.type) || API_PATH.test(url?.pathname ?? ''),
    credState: credState(event),
  };
  if (initiator && url && initiator.origin !== 'null') {
    facts.initiatorOrigin = initiator.origin;
    facts.crossOrigin = initiator.origin !== url.origin;
    facts.crossSite = siteOf(initiator.hostname) !== siteOf(url.hostname);
  }
  return facts;
}

/** The challenge of a scheme (case-insensitive), if offered. */
export function challengeOf(facts: Facts, scheme: string): Challenge | undefined {
  return facts.challenges.find((c) => c.scheme.toLowerCase() === scheme);
}
