// Cookie matching as the browser does it before attaching a Cookie header: RFC 6265 §5.1.3 domain
// match, §5.1.4 path match, §5.4 step 1 (Secure needs a secure channel).
import { hostOf, parseUrl } from '../site';
import type { BrowserCookie, HeldCookie, SameSite } from './types';

const bare = (domain: string): string => domain.replace(/^\./, '').toLowerCase();

/** RFC 6265 §5.1.3: a host-only cookie goes to its host only; a domain cookie also to subdomains. */
export function domainMatches(cookie: Pick<HeldCookie, 'domain' | 'hostOnly'>, host: string): boolean {
  const d = bare(cookie.domain);
  const h = host.toLowerCase();
  return h === d || (!cookie.hostOnly && h.endsWith(`.${d}`));
}

/** RFC 6265 §5.1.4: "/app" matches /app, /app/ and /app/x, not /application. */
export function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/**
 * Whether the request goes over a channel the browser counts as secure for Secure cookies: https/wss,
 * and (Chromium and Firefox) loopback hosts, which are potentially trustworthy origins.
 */
export function secureChannel(url: string): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === 'https:' || u.protocol === 'wss:') return true;
  return (
    u.hostname === 'localhost' || u.hostname.endsWith('.localhost') || /^127\.|^\[::1\]$/.test(u.hostname)
  );
}

const SAME_SITE = new Set<SameSite>(['no_restriction', 'lax', 'strict', 'unspecified']);

/** Cap on the cookies kept per 401 (a site may hold dozens; the names are what matter). */
export const MAX_HELD = 40;

/**
 * The record's view of the cookies the browser holds for `url`'s site: values dropped, cookies that
 * domain-match the URL's host first (they are the ones that could have gone), then the site's others.
 */
export function heldCookiesOf(
  url: string,
  cookies: readonly BrowserCookie[],
): { held: HeldCookie[]; more?: number } {
  const host = hostOf(url);
  const all = cookies.map(toHeld);
  const mine = all.filter((c) => domainMatches(c, host));
  const others = all.filter((c) => !domainMatches(c, host));
  const kept = [...mine, ...others].slice(0, MAX_HELD);
  const more = all.length - kept.length;
  return more > 0 ? { held: kept, more } : { held: kept };
}

function toHeld(c: BrowserCookie): HeldCookie {
  const sameSite = SAME_SITE.has(c.sameSite as SameSite) ? (c.sameSite as SameSite) : 'unspecified';
  const held: HeldCookie = {
    name: c.name.slice(0, 128),
    domain: c.domain.slice(0, 255),
    hostOnly: c.hostOnly,
    path: c.path.slice(0, 255),
    secure: c.secure,
    sameSite,
  };
  if (!c.session && c.expirationDate !== undefined) held.expires = Math.round(c.expirationDate * 1000);
  const partition = c.partitionKey?.topLevelSite;
  if (partition) held.partition = partition.slice(0, 255);
  return held;
}
