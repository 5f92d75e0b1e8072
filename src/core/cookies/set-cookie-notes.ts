// What the worker remembers of recent Set-Cookie fields (names and verdicts, never values), and which of
// them explain a later 401 of the same site: a refused cookie, a deletion, or a stored cookie whose
// scope does not reach the 401's URL (RFC 6265bis §5.8.3: domain, path, Secure; CHIPS partitions).
import { hostOf, parseUrl, siteOf } from '../site';
import { domainMatches, pathMatches, secureChannel } from './match';
import { parseSetCookie, setCookieLines } from './set-cookie';
import {
  intendedScope,
  setCookieVerdict,
  type SetCookieContext,
  type SetCookieRefusal,
  type StoredScope,
} from './set-cookie-verdict';

/** One Set-Cookie field as the worker keeps it: name, verdict and where it came from. */
export interface SetCookieNote {
  name: string;
  /** Host of the response that set it. */
  host: string;
  /** ms since epoch. */
  time: number;
  outcome: 'refused' | 'deleted' | 'stored';
  reason?: SetCookieRefusal;
  likely?: true;
  /** Where it goes (stored) or was meant to go (refused, deleted). */
  scope?: StoredScope;
}

/** Why a cookie a recent response set did not reach the 401's request. */
export type SetCookieProblemReason =
  SetCookieRefusal | 'deleted' | 'host-only' | 'domain' | 'path' | 'secure-http' | 'partitioned';

/** A recent Set-Cookie that explains a 401 (stored in the record's cookie-jar facts). */
export interface SetCookieProblem {
  name: string;
  reason: SetCookieProblemReason;
  /** Host whose response set it. */
  host: string;
  time: number;
  /** Only likely (third-party blocking is a setting the extension cannot read). */
  likely?: true;
  /** The cookie's path, domain or partition for the scope reasons. */
  attribute?: string;
}

/** Most fields read from one response (a response may set dozens; names are what matter). */
const MAX_PER_RESPONSE = 30;
/** A Set-Cookie this long before a 401 can still explain it (a sign-in, then the app's first calls). */
export const SET_COOKIE_WINDOW_MS = 10 * 60_000;

/** The notes of one response's Set-Cookie header values (each value may hold several lines). */
export function notesOf(values: readonly string[], ctx: SetCookieContext): SetCookieNote[] {
  const host = hostOf(ctx.url).toLowerCase();
  const notes: SetCookieNote[] = [];
  for (const line of values.flatMap(setCookieLines).slice(0, MAX_PER_RESPONSE)) {
    const fields = parseSetCookie(line);
    const verdict = setCookieVerdict(fields, ctx);
    const note: SetCookieNote = { name: fields.name, host, time: ctx.now, outcome: verdict.outcome };
    if (verdict.outcome === 'refused') {
      note.reason = verdict.reason;
      if (verdict.likely) note.likely = true;
    }
    const url = parseUrl(ctx.url);
    if (verdict.outcome === 'stored') note.scope = verdict.scope;
    else if (url) note.scope = intendedScope(fields, url);
    notes.push(note);
  }
  return notes;
}

/** The 401's request, as far as a stored cookie's scope cares. */
export interface ScopeRequest {
  url: string;
  time: number;
  /** Schemeful top-level site of the 401's tab. */
  topLevelSite?: string;
}

function scopeProblem(
  scope: StoredScope,
  req: ScopeRequest,
  url: URL,
): Pick<SetCookieProblem, 'reason' | 'attribute'> | undefined {
  if (!domainMatches(scope, url.hostname))
    return scope.hostOnly
      ? { reason: 'host-only', attribute: scope.domain }
      : { reason: 'domain', attribute: scope.domain };
  if (!pathMatches(scope.path, url.pathname)) return { reason: 'path', attribute: scope.path };
  if (scope.secure && !secureChannel(req.url)) return { reason: 'secure-http' };
  if (scope.partition && req.topLevelSite && scope.partition !== req.topLevelSite)
    return { reason: 'partitioned', attribute: scope.partition };
  return undefined;
}

function meantFor(n: SetCookieNote, url: URL): boolean {
  const scope = n.scope!;
  if (!pathMatches(scope.path, url.pathname)) return false;
  return n.reason?.startsWith('domain-') === true || domainMatches(scope, url.hostname);
}

/**
 * The recent Set-Cookie fields of the 401's site that explain it: the latest field of each name within
 * {@link SET_COOKIE_WINDOW_MS} before the 401 (a later successful set of the same name wins), when it
 * was refused, deleted the cookie, or stored one that does not reach the 401's URL.
 */
export function setCookieProblems(notes: readonly SetCookieNote[], req: ScopeRequest): SetCookieProblem[] {
  const url = parseUrl(req.url);
  if (!url) return [];
  const site = siteOf(url.hostname);
  const latest = new Map<string, SetCookieNote>();
  for (const n of notes) {
    // A little slack after the 401: its own Set-Cookie is noted by another listener of the same response.
    if (n.time > req.time + 2_000 || n.time < req.time - SET_COOKIE_WINDOW_MS) continue;
    if (siteOf(n.host) !== site) continue;
    const seen = latest.get(n.name);
    if (!seen || seen.time <= n.time) latest.set(n.name, n);
  }
  const out: SetCookieProblem[] = [];
  for (const n of latest.values()) {
    const base = { name: n.name, host: n.host, time: n.time };
    // A refused or deleted cookie explains the 401 only where it was meant to go: its path, and its
    // host or Domain (a refused Domain counts for the whole site, that being the mistake).
    if (n.outcome !== 'stored' && n.scope && !meantFor(n, url)) continue;
    if (n.outcome === 'refused' && n.reason)
      out.push({ ...base, reason: n.reason, ...(n.likely ? { likely: n.likely } : {}) });
    else if (n.outcome === 'deleted') out.push({ ...base, reason: 'deleted' });
    else if (n.scope) {
      const problem = scopeProblem(n.scope, req, url);
      if (problem) out.push({ ...base, ...problem });
    }
  }
  return out;
}
