// Whether the browser stored a cookie a response set, and if not why: RFC 6265bis §5.7 (the storage
// model) as Chromium and Firefox apply it, checked in both (INTERNALS.md "Cookies refused at
// Set-Cookie"). The first failing check is reported, in the order an owner should fix them.
import { hostFacts, parseUrl, schemefulSite } from '../site';
import { secureChannel } from './match';
import { deletesCookie, type SetCookieFields } from './set-cookie';

export type CookieBrowser = 'chromium' | 'firefox';

/** Why the browser refused to store a cookie. */
export type SetCookieRefusal =
  | 'control-character'
  | 'too-large'
  | 'empty'
  | 'no-name'
  | 'secure-insecure'
  | 'domain-mismatch'
  | 'domain-public-suffix'
  | 'prefix-secure'
  | 'prefix-host'
  | 'samesite-none-insecure'
  | 'partitioned-insecure'
  | 'samesite-cross-site'
  | 'third-party';

/** Where a stored cookie goes (RFC 6265bis §5.7): what decides whether a later request gets it. */
export interface StoredScope {
  /** The host (host-only) or the Domain attribute, lower-case, no leading dot. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  /** Schemeful top-level site when the browser keeps it in a partition (CHIPS, Firefox's TCP). */
  partition?: string;
}

export type SetCookieVerdict =
  | {
      outcome: 'refused';
      reason: SetCookieRefusal;
      /** Depends on a setting we cannot read. */ likely?: true;
    }
  | { outcome: 'deleted' }
  | { outcome: 'stored'; scope: StoredScope };

/** The response that carried the Set-Cookie field. */
export interface SetCookieContext {
  url: string;
  /** webRequest resource type of the response. */
  type: string;
  initiator?: string;
  /** Schemeful site of the tab's top-level page (for frames and subresources). */
  topLevelSite?: string;
  browser: CookieBrowser;
  /** ms since epoch, for Expires. */
  now: number;
}

/** RFC 6265bis §5.1.4: the directory of the request path ("/a/b/c" → "/a/b"; "/a" → "/"). */
export function defaultPath(pathname: string): string {
  if (!pathname.startsWith('/')) return '/';
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

const MALFORMED: Record<NonNullable<SetCookieFields['malformed']>, SetCookieRefusal> = {
  'control-character': 'control-character',
  'too-large': 'too-large',
  empty: 'empty',
};

/**
 * §5.7 step 5–6: the Domain attribute must domain-match the host and not be a public suffix. A host
 * without a registrable domain (IP, localhost, a bare suffix) only accepts Domain equal to itself,
 * which then makes a host-only cookie. Chromium and Firefox also refuse an unlisted top-level label
 * (`Domain=test` from a.test): tldts' default rule "*" makes it the suffix there too.
 */
function domainCheck(domain: string, host: string): SetCookieRefusal | 'host-only' | undefined {
  const h = host.toLowerCase();
  if (h !== domain && !h.endsWith(`.${domain}`)) return 'domain-mismatch';
  if (/^\d+(\.\d+){3}$|^\[/.test(h)) return domain === h ? 'host-only' : 'domain-mismatch';
  const registrable = hostFacts(h).registrableDomain;
  if (!registrable) return domain === h ? 'host-only' : 'domain-public-suffix';
  if (domain !== registrable && !domain.endsWith(`.${registrable}`))
    return domain === h ? 'host-only' : 'domain-public-suffix';
  return undefined;
}

/** §5.7 step 20–21 (cookie prefixes, matched case-insensitively as in the current draft). */
function prefixCheck(f: SetCookieFields): SetCookieRefusal | undefined {
  const name = f.name.toLowerCase();
  if (name.startsWith('__secure-') && !f.secure) return 'prefix-secure';
  if (name.startsWith('__host-') && (!f.secure || f.domain !== undefined || f.path !== '/'))
    return 'prefix-host';
  return undefined;
}

/** The response is cross-site for cookies: a frame or subresource under (or from) another site. */
function crossSite(ctx: SetCookieContext): boolean {
  if (ctx.type === 'main_frame') return false;
  const site = schemefulSite(ctx.url);
  const initiator = ctx.initiator ? schemefulSite(ctx.initiator) : undefined;
  return (
    (ctx.topLevelSite !== undefined && ctx.topLevelSite !== site) ||
    (initiator !== undefined && initiator !== site)
  );
}

function attributeChecks(f: SetCookieFields, ctx: SetCookieContext, url: URL): SetCookieRefusal | undefined {
  if (f.malformed) return MALFORMED[f.malformed];
  // Firefox refuses "=value" (empty name); Chromium stores it (both checked).
  if (ctx.browser === 'firefox' && f.name === '' && !f.bareValue) return 'no-name';
  // §5.7 step 8 ("Strict Secure Cookies"): only a secure origin may set Secure (loopback counts).
  if (f.secure && !secureChannel(ctx.url)) return 'secure-insecure';
  if (f.domain !== undefined) {
    const bad = domainCheck(f.domain, url.hostname);
    if (bad && bad !== 'host-only') return bad;
  }
  const prefix = prefixCheck(f);
  if (prefix) return prefix;
  // §5.7 step 17 and CHIPS: SameSite=None and Partitioned both require the Secure attribute.
  if (f.sameSite === 'none' && !f.secure) return 'samesite-none-insecure';
  if (f.partitioned && !f.secure) return 'partitioned-insecure';
  return undefined;
}

/**
 * Where the cookie goes once stored (RFC 6265bis §5.7 steps 5–10): the host, or the Domain attribute
 * when it is a valid one; the Path attribute or the default path. For a refused cookie, where it was
 * meant to go (a refused Domain falls back to the host).
 */
export function intendedScope(f: SetCookieFields, url: URL): StoredScope {
  const check = f.domain === undefined ? 'host-only' : domainCheck(f.domain, url.hostname);
  const hostOnly = check !== undefined;
  return {
    domain: hostOnly ? url.hostname.toLowerCase() : f.domain!,
    hostOnly,
    path: f.path ?? defaultPath(url.pathname),
    secure: f.secure,
  };
}

/**
 * Whether the browser stored the cookie of one parsed Set-Cookie field, deleted it (an expiry in the
 * past) or refused it, and why. Third-party blocking is a setting the extension cannot read: Chromium's
 * refusal of an unpartitioned SameSite=None cookie in a cross-site context is marked `likely`; Firefox
 * stores it in the top-level site's partition instead (Total Cookie Protection).
 */
export function setCookieVerdict(f: SetCookieFields, ctx: SetCookieContext): SetCookieVerdict {
  const url = parseUrl(ctx.url);
  if (!url) return { outcome: 'refused', reason: 'empty' };
  const refused = attributeChecks(f, ctx, url);
  if (refused) return { outcome: 'refused', reason: refused };
  const cross = crossSite(ctx);
  // §5.7 step 19: a cross-site response may not set a Lax/Strict cookie; Chromium counts "no SameSite"
  // as Lax, Firefox stores that one in the top-level partition.
  const lax =
    f.sameSite === 'lax' ||
    f.sameSite === 'strict' ||
    (f.sameSite === undefined && ctx.browser === 'chromium');
  if (cross && lax) return { outcome: 'refused', reason: 'samesite-cross-site' };
  if (cross && !f.partitioned && ctx.browser === 'chromium')
    return { outcome: 'refused', reason: 'third-party', likely: true };
  if (deletesCookie(f, ctx.now)) return { outcome: 'deleted' };
  const scope = intendedScope(f, url);
  const partition = f.partitioned || cross ? (ctx.topLevelSite ?? schemefulSite(ctx.url)) : undefined;
  if (partition) scope.partition = partition;
  return { outcome: 'stored', scope };
}
