// Each captured event is written at once under its own small key, before the batch that puts it in
// its tab's log (store.ts waits up to FLUSH_MS to batch). If the worker is stopped in between, the
// event is already in storage.session, and the next worker start puts it in the log. One small set
// per event (no read); the batch removes the keys of what it wrote.
import { getSession, removeSession, sessionKeysWith, setSession, type SessionItems } from '../shared/storage';
import type { AuthEvent } from '../core/record';

const PREFIX = 'pending:';
export const pendingKey = (eventId: string): `pending:${string}` => `${PREFIX}${eventId}`;

/** Writes the event now (fire and forget: the batch write is the one whose failure is reported). */
export function journal(event: AuthEvent, cookieUrl: string): void {
  const items: Partial<SessionItems> = {};
  items[pendingKey(event.id)] = { event, cookieUrl };
  setSession(items).catch(() => undefined);
}

/** Removes the journal entries of events now in their logs. */
export function settle(eventIds: string[]): Promise<void> {
  return eventIds.length ? removeSession(eventIds.map(pendingKey)) : Promise.resolve();
}

/** At worker start: the events a stopped worker journaled but did not write, oldest first. */
export async function unwritten(): Promise<{ event: AuthEvent; cookieUrl: string }[]> {
  const keys = await sessionKeysWith(PREFIX);
  if (!keys.length) return [];
  const got = await getSession(keys);
  return keys.flatMap((k) => (got[k] ? [got[k]] : [])).sort((a, b) => a.event.time - b.event.time);
}
