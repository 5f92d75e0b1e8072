// Follows redirects by hand, like a browser's fetch, so the whole chain is known and written as HAR
// entries: 303 (and 301/302 after a POST) continue as GET without the body (RFC 9110 §15.4.4,
// Fetch §4.4 step 12); a redirect to another origin drops Authorization and Cookie (Fetch §4.4
// step 13 removes Authorization; host cookies do not travel to another site either).
import type { FileHarEntry } from '../core/har-import';
import { exchange, type RequestSpec } from './exchange';
import { proxyFor } from './proxy';

export interface Request {
  url: URL;
  method: string;
  headers: [string, string][];
  body?: string;
  insecure: boolean;
  timeoutMs: number;
  maxRedirects: number;
}

/** Thrown when the chain is longer than allowed (a loop, most likely). */
export class TooManyRedirects extends Error {
  constructor(readonly count: number) {
    super(`more than ${count} redirects`);
  }
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie']);

function specFor(req: Request, env: NodeJS.ProcessEnv): RequestSpec {
  const headers: [string, string][] = [
    ['Host', req.url.host],
    ...req.headers.filter(([n]) => n.toLowerCase() !== 'host'),
  ];
  const spec: RequestSpec = {
    url: req.url,
    method: req.method,
    headers,
    insecure: req.insecure,
    timeoutMs: req.timeoutMs,
  };
  if (req.body !== undefined) spec.body = req.body;
  const proxy = proxyFor(req.url, env);
  if (proxy) spec.proxy = proxy;
  return spec;
}

/** The request after a redirect from `from` to `to` with status `status`. */
export function nextRequest(req: Request, status: number, to: URL): Request {
  const toGet =
    status === 303 ? req.method !== 'HEAD' : (status === 301 || status === 302) && req.method === 'POST';
  const crossOrigin = to.origin !== req.url.origin;
  const headers = req.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    if (crossOrigin && CREDENTIAL_HEADERS.has(lower)) return false;
    return !(toGet && (lower === 'content-type' || lower === 'content-length'));
  });
  const next: Request = { ...req, url: to, headers, method: toGet ? 'GET' : req.method };
  if (toGet) delete next.body;
  return next;
}

/** Every exchange from the first request to the final response, oldest first. */
export async function follow(first: Request, env: NodeJS.ProcessEnv): Promise<FileHarEntry[]> {
  const entries: FileHarEntry[] = [];
  let req = first;
  for (;;) {
    const entry = await exchange(specFor(req, env));
    entries.push(entry);
    const { status, redirectURL } = entry.response;
    if (![301, 302, 303, 307, 308].includes(status) || !redirectURL) return entries;
    if (entries.length > req.maxRedirects) throw new TooManyRedirects(req.maxRedirects);
    req = nextRequest(req, status, new URL(redirectURL));
  }
}
