// The "site" of a host: its registrable domain (eTLD+1) by the Public Suffix List, through tldts (a pure
// library, bundled data; browsers expose no public-suffix API to extensions). Private suffixes count, so
// foo.github.io, bucket.s3.amazonaws.com and x.blogspot.co.uk are each their own site, as in Chromium's
// cookie and SameSite decisions (RFC 6265bis §5.2 "same-site", HTML "registrable domain").
import { getDomain } from 'tldts';
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
