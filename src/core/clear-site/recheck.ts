// After clearing, the tab is reloaded and the same URLs are compared with what they
// answered before. Pure: the worker gathers the events (stored TabLog) and observed statuses.
import { diagnose } from '../diagnose';
import type { AuthEvent } from '../record';
import { text, type Text } from '../text';

/** A response seen after the reload (any status: the log itself only keeps 401/407). */
export interface SeenStatus {
  url: string;
  status: number;
}

export interface RecheckInput {
  /** The site's 401/407 events before the clear. */
  before: readonly AuthEvent[];
  /** The tab's events captured after the reload began. */
  after: readonly AuthEvent[];
  /** Final statuses of the tab's requests after the reload began. */
  statuses: readonly SeenStatus[];
  /** Whether the page finished loading (false: the time limit passed first). */
  loaded: boolean;
}

/** gone: the URLs answered without a challenge; changed: another scheme or status; persists: same 401. */
export type RecheckKind = 'gone' | 'changed' | 'persists' | 'unknown';

export interface RecheckOutcome {
  kind: RecheckKind;
  /** The URL the outcome is about (the first one that decided it). */
  url?: string;
  /** What it answered before and after, e.g. "401 Basic" → "403". */
  from?: string;
  to?: string;
  summary: Text;
  /** The next thing to try: the top finding of the diagnosis of the new response. */
  next?: Text;
}

/** "401 Basic", "407 Negotiate", or the bare status when no challenge was parsed. */
export function describeResponse(event: Pick<AuthEvent, 'status' | 'parse'>): string {
  const scheme = event.parse.challenges[0]?.scheme;
  return scheme ? `${event.status} ${scheme}` : String(event.status);
}

const RANK: Record<RecheckKind, number> = { persists: 3, changed: 2, gone: 1, unknown: 0 };

function judgeUrl(url: string, was: AuthEvent, input: RecheckInput): RecheckOutcome | null {
  const from = describeResponse(was);
  const again = input.after.filter((e) => e.url === url).at(-1);
  if (again) {
    const to = describeResponse(again);
    const next = diagnose(again, input.after)[0]?.title;
    const kind = to.toLowerCase() === from.toLowerCase() ? 'persists' : 'changed';
    const summary = text(`clear_recheck_${kind}`, url, from, to);
    return { kind, url, from, to, summary, ...(next ? { next } : {}) };
  }
  const seen = input.statuses.filter((s) => s.url === url).at(-1);
  if (!seen) return null;
  const to = String(seen.status);
  // A 401/407 seen on the wire but not (yet) in the log is still the same failure.
  if (seen.status === was.status)
    return { kind: 'persists', url, from, to, summary: text('clear_recheck_persists', url, from, to) };
  if (seen.status >= 400)
    return {
      kind: 'changed',
      url,
      from,
      to,
      summary: text('clear_recheck_changed', url, from, to),
      next: text(`clear_next_status_${seen.status === 403 ? '403' : 'other'}`),
    };
  return { kind: 'gone', url, from, to, summary: text('clear_recheck_gone', url, from, to) };
}

/**
 * What the reload after a clear shows for the URLs that failed before: the worst outcome across them
 * (persists over changed over gone). `unknown` when none of them was requested again (e.g. a call the
 * user triggers by hand) or the page did not finish loading.
 */
export function recheckOutcome(input: RecheckInput): RecheckOutcome {
  const lastByUrl = new Map<string, AuthEvent>();
  for (const e of input.before) lastByUrl.set(e.url, e);
  let best: RecheckOutcome | null = null;
  for (const [url, was] of lastByUrl) {
    const outcome = judgeUrl(url, was, input);
    if (outcome && (!best || RANK[outcome.kind] > RANK[best.kind])) best = outcome;
  }
  if (best) return best;
  // A 401 on a URL the tab never hit before is still a 401 after the clear.
  const fresh = input.after.at(-1);
  if (fresh) {
    const to = describeResponse(fresh);
    const next = diagnose(fresh, input.after)[0]?.title;
    const summary = text('clear_recheck_new', fresh.url, to);
    return { kind: 'changed', url: fresh.url, to, summary, ...(next ? { next } : {}) };
  }
  return {
    kind: 'unknown',
    summary: text(input.loaded ? 'clear_recheck_not_requested' : 'clear_recheck_not_loaded'),
  };
}
