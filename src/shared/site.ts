// The registrable domain (eTLD+1) from the Public Suffix List via tldts: browsers have no API for it
// (INTERNALS.md "Clearing a site"). Private suffixes count (foo.github.io is its own site), as in
// Chromium's cookie-deletion filter; IP addresses and single-label hosts have none (null).
import { parse } from 'tldts';
import type { HostFacts } from '../core/clear-site';

/** The registrable domain of a hostname, or null (IP address, localhost, intranet name). */
export function registrableDomain(hostname: string): string | null {
  return hostFacts(hostname).registrableDomain;
}

/** What the list says about a host: its registrable domain, and whether it is itself a listed suffix. */
export function hostFacts(hostname: string): HostFacts {
  const got = parse(hostname, { allowPrivateDomains: true });
  // tldts answers an unlisted last label (localhost, intranet) as the suffix by the list's default
  // rule "*": only a host that is an ICANN or private entry of the list is a public suffix.
  const listed = got.isIcann === true || got.isPrivate === true;
  return {
    registrableDomain: got.domain,
    isPublicSuffix: !got.isIp && listed && got.domain === null && got.publicSuffix === hostname.toLowerCase(),
  };
}
