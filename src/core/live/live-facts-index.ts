// The panel's memory of what DevTools saw, and how it meets the stored records: by method, masked URL
// and status, at the nearest time (webRequest's timeStamp falls inside the request's start..end).
import type { AuthEvent } from '../record';
import { maskUrl } from '../secrets';
import type { LiveFacts } from './live-facts';

// webRequest's timeStamp lies between the request's start and end; allow for clock rounding.
const SLACK_MS = 3000;

/** Keeps live facts by method + URL, and finds the one of an event by the nearest time. */
export class LiveFactsIndex {
  private readonly byKey = new Map<string, LiveFacts[]>();
  /** Bumped on every change, so views can memoize on it. */
  version = 0;

  add(facts: LiveFacts): void {
    const key = `${facts.method} ${facts.url}`;
    const list = this.byKey.get(key) ?? [];
    list.push(facts);
    this.byKey.set(key, list);
    this.version++;
  }

  clear(): void {
    this.byKey.clear();
    this.version++;
  }

  touch(): void {
    this.version++;
  }

  /** The facts whose request window is nearest the event's time (within a few seconds), if any. */
  find(event: AuthEvent): LiveFacts | undefined {
    if (this.byKey.size === 0) return undefined;
    const list = this.byKey.get(`${event.method.toUpperCase()} ${maskUrl(event.url)}`);
    let best: LiveFacts | undefined;
    let bestGap = SLACK_MS;
    for (const f of list ?? []) {
      if (f.status !== event.status) continue;
      const gap = event.time < f.start ? f.start - event.time : event.time > f.end ? event.time - f.end : 0;
      if (gap <= bestGap) [best, bestGap] = [f, gap];
    }
    return best;
  }
}

/** The event as diagnosis should see it, with what DevTools observed on the wire (in memory only). */
export function enrichEvent(event: AuthEvent, facts: LiveFacts | undefined): AuthEvent {
  if (!facts) return event;
  const credentials = { ...event.credentials, requestHeaders: 'seen' as const, cookieSent: facts.cookieSent };
  if (facts.authorizationScheme) credentials.authorizationScheme = facts.authorizationScheme;
  const response = { ...event.response };
  if (facts.bodyCode) response.bodyCode = facts.bodyCode;
  if (facts.bodyServer) response.bodyServer = facts.bodyServer;
  return { ...event, credentials, response, ip: event.ip ?? facts.serverIp };
}
