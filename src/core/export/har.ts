// HAR 1.2 export of captured 401/407 responses. A stored record becomes an entry with what it knows
// (challenge lines, response facts, the scheme word of the credentials sent); when the panel saw the
// request live in DevTools, that entry's full headers are used instead — masked, never raw.
import type { AuthEvent, RedirectHop } from '../record';
import type { Har, HarCookie, HarEntry, HarNameValue, HarTimings, LiveHarEntry } from './har-types';
import { finite, nv, queryOf, recordEntry, UNKNOWN_TIMINGS } from './har-record';
import { MASK, maskText, maskUrl } from '../secrets';

export type { Har, HarEntry, LiveHarEntry } from './har-types';

/** One event to export and, when DevTools saw it, the live HAR entry of its request. */
export interface ExportItem {
  event: AuthEvent;
  live?: LiveHarEntry;
}

function maskCookies(cookies: readonly HarCookie[] | undefined): HarCookie[] {
  return (cookies ?? []).map((c) => {
    const out: HarCookie = { name: String(c.name), value: MASK };
    if (c.path !== undefined) out.path = String(c.path);
    if (c.domain !== undefined) out.domain = String(c.domain);
    if (typeof c.httpOnly === 'boolean') out.httpOnly = c.httpOnly;
    if (typeof c.secure === 'boolean') out.secure = c.secure;
    return out;
  });
}

const headersOf = (list: readonly HarNameValue[] | undefined): HarNameValue[] =>
  (list ?? []).map((h) => nv(String(h.name), String(h.value)));

function timingsOf(live: LiveHarEntry['timings']): HarTimings {
  if (!live) return { ...UNKNOWN_TIMINGS };
  const out: HarTimings = {
    send: finite(live.send, 0),
    wait: finite(live.wait, 0),
    receive: finite(live.receive, 0),
  };
  for (const key of ['blocked', 'dns', 'connect', 'ssl'] as const) out[key] = finite(live[key], -1);
  return out;
}

/** The live entry's values where it has them, masked; the record fills what it lacks. */
function liveEntry(event: AuthEvent, live: LiveHarEntry): HarEntry {
  const base = recordEntry(event);
  const { request: rq, response: rs } = live;
  const url = maskUrl(rq.url);
  const started = Date.parse(live.startedDateTime ?? '');
  return {
    ...base,
    startedDateTime: Number.isFinite(started) ? new Date(started).toISOString() : base.startedDateTime,
    time: Math.max(0, finite(live.time, 0)),
    request: {
      ...base.request,
      method: String(rq.method),
      url,
      httpVersion: String(rq.httpVersion ?? base.request.httpVersion),
      cookies: maskCookies(rq.cookies),
      headers: headersOf(rq.headers),
      queryString: queryOf(url),
      headersSize: finite(rq.headersSize, -1),
      bodySize: finite(rq.bodySize, -1),
    },
    response: {
      ...base.response,
      statusText: maskText(String(rs.statusText ?? base.response.statusText)),
      httpVersion: String(rs.httpVersion ?? base.response.httpVersion),
      cookies: maskCookies(rs.cookies),
      headers: rs.headers ? headersOf(rs.headers) : base.response.headers,
      // The body may echo a token: only its size and type leave the panel.
      content: { size: finite(rs.content?.size, 0), mimeType: String(rs.content?.mimeType ?? '') },
      redirectURL: rs.redirectURL ? maskUrl(String(rs.redirectURL)) : '',
      headersSize: finite(rs.headersSize, -1),
      bodySize: finite(rs.bodySize, -1),
    },
    timings: timingsOf(live.timings),
    ...(live.serverIPAddress
      ? { serverIPAddress: String(live.serverIPAddress).replace(/^\[|\]$/g, '') }
      : {}),
  };
}

/** A redirect hop before the 401 (webRequest onBeforeRedirect) as its own entry, HAR style. */
function hopEntry(event: AuthEvent, hop: RedirectHop): HarEntry {
  const base = recordEntry({
    ...event,
    url: hop.url,
    status: hop.status,
    statusLine: '',
    challengeFields: [],
  });
  base.request.headers = [];
  base.response.headers = [{ name: 'Location', value: maskUrl(hop.redirectUrl) }];
  base.response.cookies = [];
  base.response.content = { size: 0, mimeType: '' };
  base.response.redirectURL = maskUrl(hop.redirectUrl);
  delete base.serverIPAddress;
  if (hop.ip) base.serverIPAddress = hop.ip;
  delete base.comment;
  return base;
}

/**
 * Builds a HAR 1.2 log of the given events (oldest first), each preceded by its redirect hops.
 * Credential values are masked (scheme word kept), response bodies are never included.
 */
export function buildHar(items: readonly ExportItem[], creator: { name: string; version: string }): Har {
  const entries: HarEntry[] = [];
  for (const { event, live } of [...items].sort((a, b) => a.event.time - b.event.time)) {
    for (const hop of event.redirects) entries.push(hopEntry(event, hop));
    entries.push(live ? liveEntry(event, live) : recordEntry(event));
  }
  return { log: { version: '1.2', creator, entries } };
}
