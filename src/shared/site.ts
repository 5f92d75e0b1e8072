// The registrable domain (eTLD+1) from the Public Suffix List via tldts: browsers have no API for it
// (platform-notes "Clearing site data"). Private suffixes count (foo.github.io is its own site), as in
// Chromium's cookie-deletion filter; IP addresses and single-label hosts have none (null).
import { getDomain } from 'tldts';

/** The registrable domain of a hostname, or null (IP address, localhost, intranet name). */
export function registrableDomain(hostname: string): string | null {
  return getDomain(hostname, { allowPrivateDomains: true });
}
