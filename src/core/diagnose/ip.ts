/** Rough class of an IP literal, enough to notice "a public name answered from a private address". */
export type IpClass = 'loopback' | 'private' | 'link-local' | 'public' | 'unknown';

/** Classifies an IPv4 or IPv6 literal (RFC 1918, RFC 6598, RFC 4193, RFC 3927, RFC 4291). */
export function classifyIp(ip: string): IpClass {
  const v = ip
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(v.replace(/^::ffff:/, ''));
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a === 127) return 'loopback';
    if (a === 169 && b === 254) return 'link-local';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
    if (a === 100 && b >= 64 && b <= 127) return 'private';
    return a <= 255 && b <= 255 ? 'public' : 'unknown';
  }
  if (!v.includes(':')) return 'unknown';
  if (v === '::1') return 'loopback';
  if (/^fe[89ab]/.test(v)) return 'link-local';
  if (/^f[cd]/.test(v)) return 'private';
  return 'public';
}

/** Whether a host name is an IP literal. */
export const isIpLiteral = (host: string) =>
  /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');

/** Names that normally live on a private network: single labels and reserved suffixes (RFC 6762, RFC 8375). */
export const isPrivateName = (host: string) =>
  !host.includes('.') || /\.(local|localhost|internal|intranet|corp|lan|home\.arpa|test)$/i.test(host);
