// Why a cookie the browser holds did not go with a request, from the cookie's attributes and the
// request's context: RFC 6265 §5.4 (which cookies a request gets), RFC 6265bis §5.6.7 / §5.8.3 (SameSite,
// Lax allows top-level GET navigations), CHIPS (partitioned cookies go only under their top-level site),
// Fetch §2.2.5 credentials mode (a cross-origin fetch sends cookies only with credentials: 'include').
import { originOf, parseUrl, schemefulSite } from '../site';
import { domainMatches, pathMatches, secureChannel } from './match';
import type { CookieJarFacts, GoneCause, HeldCookie } from './types';

/** One reason a cookie was withheld; `gone-*` means the browser no longer had it. */
export type CookieReason =
  | 'gone-expired'
  | 'gone-deleted'
  | 'gone-evicted'
  | 'secure-http'
  | 'path'
  | 'domain'
  | 'partitioned'
  | 'samesite-strict'
  | 'samesite-lax'
  | 'credentials-mode'
  | 'third-party';

export interface CookieVerdict {
  name: string;
  reason: CookieReason;
  /** The attribute behind the reason, for the detail text: the cookie's path, domain or partition. */
  attribute?: string;
}

/** The request a 401 answered, as far as cookies care. */
export interface CookieRequest {
  url: string;
  /** webRequest resource type. */
  type: string;
  method: string;
  initiator?: string;
  /** Whether a Cookie header went out: observed true/false, undefined when unknown. */
  cookieSent?: boolean;
  /** ms since epoch. */
  time: number;
}

const SCRIPT_TYPES = new Set(['xmlhttprequest', 'websocket', 'other', 'ping']);
/** A removal this long before the 401 can still explain it (the store drops an expired cookie on use). */
export const GONE_WINDOW_MS = 60_000;
const GONE_REASON: Record<GoneCause, CookieReason> = {
  expired: 'gone-expired',
  expired_overwrite: 'gone-deleted',
  explicit: 'gone-deleted',
  evicted: 'gone-evicted',
};

interface Context {
  url: URL;
  req: CookieRequest;
  site?: string;
  topLevel?: string;
  /** RFC 6265bis §5.2: the request is cross-site for SameSite (initiator or top-level of another site). */
  crossSite: boolean;
  /** The URL is embedded under another top-level site (a third-party context). */
  thirdParty: boolean;
  laxByDefault: boolean;
}

function contextOf(req: CookieRequest, jar: CookieJarFacts, url: URL): Context {
  const site = schemefulSite(req.url);
  const initiatorSite = req.initiator ? schemefulSite(req.initiator) : undefined;
  const topLevel = req.type === 'main_frame' ? site : jar.topLevelSite;
  const thirdParty = req.type !== 'main_frame' && topLevel !== undefined && topLevel !== site;
  const crossSite = (initiatorSite !== undefined && initiatorSite !== site) || thirdParty;
  return { url, req, site, topLevel, crossSite, thirdParty, laxByDefault: jar.laxByDefault };
}

/** Why one cookie that domain-matches the URL would not go with this request; undefined: it would. */
function reasonFor(c: HeldCookie, ctx: Context): CookieVerdict | undefined {
  const { name } = c;
  // RFC 6265 §5.3 step 3 / §5.4: an expired cookie is never sent. Chromium drops it (and reports the
  // removal, see goneBefore); Firefox still lists it in cookies.getAll right after (INTERNALS.md).
  if (c.expires !== undefined && c.expires <= ctx.req.time) return { name, reason: 'gone-expired' };
  if (c.secure && !secureChannel(ctx.req.url)) return { name, reason: 'secure-http' };
  if (!pathMatches(c.path, ctx.url.pathname)) return { name, reason: 'path', attribute: c.path };
  if (c.partition && ctx.topLevel && c.partition !== ctx.topLevel)
    return { name, reason: 'partitioned', attribute: c.partition };
  if (ctx.crossSite && c.sameSite === 'strict') return { name, reason: 'samesite-strict' };
  const lax = c.sameSite === 'lax' || (c.sameSite === 'unspecified' && ctx.laxByDefault);
  const laxNavigation = ctx.req.type === 'main_frame' && /^(GET|HEAD)$/i.test(ctx.req.method);
  if (ctx.crossSite && lax && !laxNavigation) return { name, reason: 'samesite-lax' };
  const crossOrigin = ctx.req.initiator !== undefined && originOf(ctx.req.initiator) !== ctx.url.origin;
  if (SCRIPT_TYPES.has(ctx.req.type) && crossOrigin) return { name, reason: 'credentials-mode' };
  if (ctx.thirdParty && !c.partition) return { name, reason: 'third-party' };
  return undefined;
}

/** Cookies of the URL's host the store dropped in the minute before the 401 (and not set again). */
function goneBefore(req: CookieRequest, jar: CookieJarFacts, url: URL): CookieVerdict[] {
  const heldNames = new Set(jar.held.map((c) => c.name));
  const seen = new Set<string>();
  const out: CookieVerdict[] = [];
  for (const g of jar.gone) {
    if (heldNames.has(g.name) || seen.has(g.name)) continue;
    // After the response: the 401's own Set-Cookie (the session family says so), not why it went without.
    if (g.time > req.time || g.time < req.time - GONE_WINDOW_MS) continue;
    if (!domainMatches({ domain: g.domain, hostOnly: !g.domain.startsWith('.') }, url.hostname)) continue;
    if (!pathMatches(g.path, url.pathname)) continue;
    seen.add(g.name);
    out.push({ name: g.name, reason: GONE_REASON[g.cause] });
  }
  return out;
}

export interface CookiesNotSent {
  /** Each cookie of the site the browser did not send, with the reason; removals first. */
  withheld: CookieVerdict[];
  /**
   * Some cookie did go (a Cookie header was seen, or, unseen, a held cookie passes every check): then a
   * withheld cookie explains the 401 only if it is the session's.
   */
  othersWent: boolean;
}

/**
 * Why the site's cookies did not go with the request: cookies removed just before the 401, the URL
 * host's cookies with the first reason each was kept back, and — only when no cookie matches the host
 * at all — the site's cookies of other hosts (a Domain mismatch). A cookie that went is not listed.
 */
export function whyCookiesNotSent(req: CookieRequest, jar: CookieJarFacts): CookiesNotSent {
  const url = parseUrl(req.url);
  // Fetch §4.8: a CORS preflight never carries cookies, whatever the jar holds.
  if (!url || /^OPTIONS$/i.test(req.method)) return { withheld: [], othersWent: req.cookieSent === true };
  const ctx = contextOf(req, jar, url);
  const gone = goneBefore(req, jar, url);
  const mine = jar.held.filter((c) => domainMatches(c, url.hostname));
  const verdicts = mine.map((c) => reasonFor(c, ctx));
  const withheld = verdicts.filter((v): v is CookieVerdict => v !== undefined);
  const othersWent = req.cookieSent ?? withheld.length < verdicts.length;
  const elsewhere = mine.length
    ? []
    : jar.held.map((c) => ({
        name: c.name,
        reason: 'domain' as const,
        attribute: c.domain.replace(/^\./, ''),
      }));
  return { withheld: [...gone, ...withheld, ...elsewhere], othersWent };
}
