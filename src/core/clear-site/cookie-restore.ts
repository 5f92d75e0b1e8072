// Undo: turning a snapshotted cookie back into cookies.set details that recreate it exactly.
// Rules from INTERNALS.md "Browser facts" (Clearing: what cookies.set needs) and RFC 6265bis:
// host-only cookies get no `domain` (passing one creates a `.domain` cookie), session cookies no
// `expirationDate`, `secure` needs an https url, SameSite=None needs Secure (§5.6.7), `__Host-` needs
// Secure + path "/" + no Domain and `__Secure-` needs Secure (§4.1.3), CHIPS needs its partitionKey.

/** cookies.Cookie as both browsers report it (value included: this is the Undo snapshot). */
export interface SavedCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'no_restriction' | 'lax' | 'strict' | 'unspecified';
  session: boolean;
  /** Seconds since epoch; absent for session cookies. */
  expirationDate?: number;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  /** Firefox with first-party isolation. */
  firstPartyDomain?: string;
}

/** cookies.set details. */
export interface SetDetails {
  url: string;
  name: string;
  value: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  storeId: string;
  domain?: string;
  sameSite?: 'no_restriction' | 'lax' | 'strict';
  expirationDate?: number;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  firstPartyDomain?: string;
}

/** Why a cookie cannot be put back exactly as it was. */
export type RestoreProblem =
  | 'expired'
  | 'samesite_none_insecure'
  | 'host_prefix'
  | 'secure_prefix'
  | 'partitioned_insecure'
  | 'bad_domain';

/** The URL a cookie belongs to (cookies.set and cookies.remove both need one). */
export function cookieUrl(cookie: Pick<SavedCookie, 'domain' | 'path' | 'secure'>): string {
  const host = cookie.domain.replace(/^\./, '');
  const path = cookie.path.startsWith('/') ? cookie.path : `/${cookie.path}`;
  return `${cookie.secure ? 'https' : 'http'}://${host}${path}`;
}

function problemOf(c: SavedCookie, nowSeconds: number): RestoreProblem | null {
  if (!c.domain.replace(/^\./, '') || /[/\s]/.test(c.domain)) return 'bad_domain';
  if (!c.session && c.expirationDate !== undefined && c.expirationDate <= nowSeconds) return 'expired';
  if (c.name.startsWith('__Host-') && (!c.secure || c.path !== '/' || !c.hostOnly)) return 'host_prefix';
  if (c.name.startsWith('__Secure-') && !c.secure) return 'secure_prefix';
  if (c.sameSite === 'no_restriction' && !c.secure) return 'samesite_none_insecure';
  if (c.partitionKey?.topLevelSite && !c.secure) return 'partitioned_insecure';
  return null;
}

/**
 * The cookies.set details that recreate `cookie`, or why that cannot be exact. Creation time becomes
 * the time of the set; everything else (host-only vs domain, path, secure, httpOnly, sameSite,
 * expiry, partition, store) is kept.
 *
 * @param nowSeconds the present in seconds since epoch: an expiry already passed cannot be restored
 *   (setting it would delete the cookie).
 */
export function toSetDetails(
  cookie: SavedCookie,
  nowSeconds: number,
): { details: SetDetails } | { problem: RestoreProblem } {
  const problem = problemOf(cookie, nowSeconds);
  if (problem) return { problem };
  const details: SetDetails = {
    url: cookieUrl(cookie),
    name: cookie.name,
    value: cookie.value,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    storeId: cookie.storeId,
  };
  if (!cookie.hostOnly) details.domain = cookie.domain;
  // Omitted = "unspecified" (no SameSite attribute) in Chromium; Firefox has no "unspecified" value.
  if (cookie.sameSite !== 'unspecified') details.sameSite = cookie.sameSite;
  if (!cookie.session && cookie.expirationDate !== undefined) details.expirationDate = cookie.expirationDate;
  if (cookie.partitionKey?.topLevelSite) details.partitionKey = { ...cookie.partitionKey };
  // Firefox reports '' without first-party isolation; with it on, set() needs the value it had.
  if (cookie.firstPartyDomain !== undefined) details.firstPartyDomain = cookie.firstPartyDomain;
  return { details };
}

/** Attributes compared after a restore (creation time is not one of them: it becomes now). */
const COMPARED = [
  'domain',
  'hostOnly',
  'path',
  'secure',
  'httpOnly',
  'sameSite',
  'session',
  'storeId',
] as const;

/**
 * Which attributes of the restored cookie differ from the snapshot; empty when the restore is exact.
 * Expiry may differ by under a second (browsers round), and is capped at 400 days by RFC 6265bis §5.5.
 */
export function restoreDifferences(saved: SavedCookie, got: SavedCookie): string[] {
  const diffs: string[] = COMPARED.filter((k) => saved[k] !== got[k]);
  if (saved.value !== got.value) diffs.push('value');
  if (Math.abs((saved.expirationDate ?? 0) - (got.expirationDate ?? 0)) >= 1) diffs.push('expirationDate');
  if ((saved.partitionKey?.topLevelSite ?? '') !== (got.partitionKey?.topLevelSite ?? ''))
    diffs.push('partitionKey');
  return diffs;
}

/** A name that tells the user which cookie it was, without its value. */
export function cookieLabel(c: Pick<SavedCookie, 'name' | 'domain' | 'path' | 'partitionKey'>): string {
  const partition = c.partitionKey?.topLevelSite ? ` [${c.partitionKey.topLevelSite}]` : '';
  return `${c.name} (${c.domain}${c.path})${partition}`;
}
