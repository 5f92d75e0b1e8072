// cURL export: a command a developer can paste into a POSIX shell to replay the failing request,
// with every credential masked (the scheme word stays, so `-H 'Authorization: Bearer ***'` shows
// what was sent and where to put a real token).
import type { ExportItem } from './har';
import { recordRequestHeaders } from './har-record';
import { maskHeader, maskUrl } from '../secrets';

// Headers curl sets itself or that would make a replay wrong (HTTP/2 pseudo-headers, RFC 9113 §8.3).
const SKIP = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding']);

/**
 * Quotes a word for a POSIX shell (IEEE 1003.1 §2.2.3): inside single quotes nothing is special, and
 * a single quote is written as `'\''`. Control characters become spaces: a header cannot hold them.
 */
export function shellQuote(word: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = word.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `'${clean.replace(/'/g, `'\\''`)}'`;
}

/** The replay command of one event; the live DevTools entry's request headers when there is one. */
export function buildCurl({ event, live }: ExportItem): string {
  const method = (live?.request.method ?? event.method).toUpperCase();
  const url = maskUrl(live?.request.url ?? event.url);
  const headers = live?.request.headers ?? recordRequestHeaders(event);
  const parts = ['curl', '-i', shellQuote(url)];
  if (method === 'HEAD') parts.push('-I');
  else if (method !== 'GET') parts.push('-X', shellQuote(method));
  for (const h of headers) {
    const name = String(h.name);
    if (name.startsWith(':') || SKIP.has(name.toLowerCase())) continue;
    parts.push('-H', shellQuote(`${name}: ${maskHeader(name, String(h.value))}`));
  }
  return parts.join(' ');
}

/** Commands for several events, oldest first, one per line. */
export function buildCurlScript(items: readonly ExportItem[]): string {
  return [...items]
    .sort((a, b) => a.event.time - b.event.time)
    .map(buildCurl)
    .join('\n');
}
