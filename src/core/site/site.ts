// The "site" of a host: its registrable domain (eTLD+1) by the Public Suffix List, through tldts (a pure
// library, bundled data; browsers expose no public-suffix API to extensions). Private suffixes count, so
// foo.github.io, bucket.s3.amazonaws.com and x.blogspot.co.uk are each their own site, as in Chromium's
// cookie and SameSite decisions (RFC 6265bis §5.2 "same-site", HTML "registrable domain").
import { getDomain, parse } from 'tldts';
import { parseUrl } from './url';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The registrable domain of a host name, or null (IP address, localhost, a single-label intranet name). */
export function registrableDomain(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host || host.includes(':') || host.startsWith('[') || IPV4.test(host)) return null;
  return getDomain(host, { allowPrivateDomains: true });
}

/** The site of a host: its registrable domain, or the host itself when it has none (IPs, intranet names). */
export function siteOf(hostname: string): string {
  return registrableDomain(hostname) ?? hostname.toLowerCase();
}

/**
 * The schemeful site of a URL ("https://example.co.uk"), the unit SameSite and cookie partitions use
 * (Chromium compares scheme too since version 89); undefined for non-URLs and opaque origins.
 */
export function schemefulSite(url: string): string | undefined {
  const u = parseUrl(url);
  if (!u || u.origin === 'null') return undefined;
  return `${u.protocol}//${siteOf(u.hostname)}`;
}

/** Whether two URLs are the same schemeful site; undefined when either is not a URL. */
export function isSameSite(a: string, b: string): boolean | undefined {
  const sa = schemefulSite(a);
  const sb = schemefulSite(b);
  return sa === undefined || sb === undefined ? undefined : sa === sb;
}

/** What the public-suffix list says about a host: its registrable domain, and whether it is itself a suffix. */
export interface HostFacts {
  /** eTLD+1, or null for an IP address, localhost, an intranet name or a public suffix itself. */
  registrableDomain: string | null;
  /** The host is itself an entry of the list (`github.io`, `co.uk`): no site of its own to clear. */
  isPublicSuffix: boolean;
}

/** The registrable domain of a host and whether the host is itself a listed public suffix. */
export function hostFacts(hostname: string): HostFacts {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const got = parse(host, { allowPrivateDomains: true });
  // tldts answers an unlisted last label (localhost, intranet) as the suffix by the list's default
  // rule "*": only a host that is an ICANN or private entry of the list is a public suffix.
  const listed = got.isIcann === true || got.isPrivate === true;
  return {
    registrableDomain: registrableDomain(host),
    isPublicSuffix: !got.isIp && listed && got.domain === null && got.publicSuffix === host,
  };
}
