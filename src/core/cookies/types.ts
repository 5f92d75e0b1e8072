// What the record keeps about the browser's cookie jar on a 401: names and attributes, never a value
// (README "Privacy"). Read by the worker right after the 401 (src/background/cookie-facts.ts).
import type { SetCookieProblem } from './set-cookie-notes';

/** SameSite as the cookies API reports it ("unspecified": no attribute; Chromium then acts as Lax). */
export type SameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

/** A cookie the browser held for the request's site right after the 401. */
export interface HeldCookie {
  name: string;
  /** As the cookie store reports it: "www.a.test" (host-only) or ".a.test". */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  sameSite: SameSite;
  /** Expiry, ms since epoch; absent for a session cookie. */
  expires?: number;
  /** Schemeful top-level site of a partitioned (CHIPS) cookie, e.g. "https://a.test". */
  partition?: string;
}

/** Why the cookie store dropped a cookie (cookies.onChanged `cause`, removals only). */
export type GoneCause = 'expired' | 'expired_overwrite' | 'explicit' | 'evicted';

/** A cookie of the request's host removed shortly before the 401 was read. */
export interface GoneCookie {
  name: string;
  domain: string;
  path: string;
  cause: GoneCause;
  /** When the removal was reported, ms since epoch. */
  time: number;
}

/** The cookie-jar facts of one 401. */
export interface CookieJarFacts {
  /** Cookies of the request's site (registrable domain), every partition. Capped, see `more`. */
  held: HeldCookie[];
  /** Cookies of the URL's host removed in the minute before the 401. */
  gone: GoneCookie[];
  /** Cookies left out by the cap. */
  more?: number;
  /** Schemeful site of the tab's top-level page when the 401 arrived ("https://a.test"). */
  topLevelSite?: string;
  /** The browser treats a cookie without SameSite as Lax (Chromium); Firefox sends it like None. */
  laxByDefault: boolean;
  /**
   * Recent Set-Cookie fields of the site that explain the 401 (refused, deleted, or stored out of the
   * URL's reach); absent when the worker saw none (a host's first 401 in Chromium: see README).
   */
  setCookies?: SetCookieProblem[];
}

/** The fields of a cookies-API cookie (Chromium and Firefox) the facts are made from. No value. */
export interface BrowserCookie {
  name: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  sameSite?: string;
  session?: boolean;
  expirationDate?: number;
  partitionKey?: { topLevelSite?: string };
}
