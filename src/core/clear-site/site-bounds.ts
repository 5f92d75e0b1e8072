// Where a site ends: a registrable domain and every name under it, or one host alone when it has none
// (INTERNALS.md "Clearing a site"). Pure: what the public-suffix list says comes in as HostFacts.

import type { HostFacts } from '../site';

export type { HostFacts } from '../site';

/** The site to clear and whether it is one host alone. */
export interface SiteBounds {
  site: string;
  /** true: the site is exactly this host, none of its subdomains. */
  exactHost: boolean;
}

/**
 * The site to clear: the registrable domain and everything under it, or, for a host that has none
 * (an IP, localhost, an intranet name), that host alone, because its subdomains are separate sites
 * (`app.localhost` is not `localhost`'s). A bare public suffix is refused: it is shared by every site
 * under it and is no site of its own.
 */
export function siteBounds(host: string, facts: HostFacts): SiteBounds | { problem: 'public_suffix' } {
  if (facts.registrableDomain) return { site: facts.registrableDomain.toLowerCase(), exactHost: false };
  if (facts.isPublicSuffix) return { problem: 'public_suffix' };
  return { site: host.toLowerCase(), exactHost: true };
}

/** A cookie domain without its leading dot, lower-cased. */
export const bareDomain = (domain: string): string => domain.replace(/^\./, '').toLowerCase();

/**
 * Whether a host (or a cookie domain, leading dot or not) belongs to the site: the site itself or a
 * name under it, or, for an exact-host site, that host only (`cookies.getAll({domain})` also returns
 * subdomains: this is the filter).
 */
export function inSite(host: string, bounds: SiteBounds): boolean {
  const h = bareDomain(host);
  return h === bounds.site || (!bounds.exactHost && h.endsWith(`.${bounds.site}`));
}
