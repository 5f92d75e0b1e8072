// Set-Cookie fields of the responses the worker sees in full (listeners.ts: a capture host's documents,
// frames and fetch/XHR in Chromium, where only an extraHeaders listener sees Set-Cookie; every response
// of those types in Firefox, which shows it to every listener), turned at once into names + verdicts
// (src/core/cookies; values are never kept). A later 401/407 of the same site gets the ones that
// explain it through the cookie-facts patch (cookie-facts.ts).
//
// In memory, because most responses set cookies that are fine; the refusals and deletions, which are
// rare, are also kept in storage.session (SET_COOKIE_NOTES_KEY), so a worker stopped between a sign-in
// and the app's 401 (30 s idle) still pairs them.
import type { WebRequest } from '../shared/browser';
import { notesOf, type SetCookieNote } from '../core/cookies';
import { getSession, setSession, SET_COOKIE_NOTES_KEY } from '../shared/storage';
import { browserFamily } from '../shared/platform';
import { topLevelSiteOf } from './top-level-site';

const KEEP = 200;
const KEEP_STORED = 50;
const TTL_MS = 10 * 60_000;

let notes: SetCookieNote[] = [];
let restored: Promise<void> | undefined;
let writing: Promise<void> = Promise.resolve();
/** Responses still being noted (their tab's top-level site is read first): a 401 waits for them. */
const noting = new Set<Promise<void>>();

function prune(list: SetCookieNote[], now: number, keep: number): SetCookieNote[] {
  return list.filter((n) => n.time >= now - TTL_MS).slice(-keep);
}

/** The notes of a stopped worker's refusals, read once per worker life. */
function restore(): Promise<void> {
  restored ??= getSession([SET_COOKIE_NOTES_KEY])
    .then((got) => {
      const stored = got[SET_COOKIE_NOTES_KEY] ?? [];
      notes = prune(
        [...stored.filter((s) => !notes.some((n) => n.time === s.time && n.name === s.name)), ...notes],
        Date.now(),
        KEEP,
      );
    })
    .catch(() => undefined);
  return restored;
}

/** Writes the refusals and deletions, one write after the other (this module is the key's only writer). */
function persist(now: number): void {
  const rare = prune(
    notes.filter((n) => n.outcome !== 'stored'),
    now,
    KEEP_STORED,
  );
  writing = writing.then(() => setSession({ [SET_COOKIE_NOTES_KEY]: rare })).catch(() => undefined);
}

/** The Set-Cookie values of a response; a cheap scan, most responses have none. */
function setCookieValues(headers: WebRequest.HttpHeaders | undefined): string[] {
  const values: string[] = [];
  for (const h of headers ?? []) if (h.value && h.name.toLowerCase() === 'set-cookie') values.push(h.value);
  return values;
}

/** onHeadersReceived (responseHeaders; extraHeaders in Chromium): notes every Set-Cookie field. */
export function onSetCookieHeaders(details: WebRequest.OnHeadersReceivedDetailsType): void {
  const values = setCookieValues(details.responseHeaders);
  if (!values.length) return;
  const now = Date.now();
  const { tabId, type, url } = details;
  // Chromium's initiator; Firefox's originUrl (the document or script that made the request).
  const initiator = details.initiator ?? (details as { originUrl?: string }).originUrl;
  const done: Promise<void> = topLevelSiteOf(tabId, type, url)
    .then(async (topLevelSite) => {
      await restore();
      const ctx = {
        url,
        type,
        browser: browserFamily(),
        now,
        ...(initiator ? { initiator } : {}),
        ...(topLevelSite ? { topLevelSite } : {}),
      };
      const fresh = notesOf(values, ctx);
      notes = prune([...notes, ...fresh], now, KEEP);
      if (fresh.some((n) => n.outcome !== 'stored')) persist(now);
    })
    .catch(() => undefined)
    .finally(() => noting.delete(done));
  noting.add(done);
}

/** The recent notes (for a 401's cookie facts); waits for the ones a stopped worker left. */
export async function recentSetCookieNotes(): Promise<SetCookieNote[]> {
  await restore();
  await Promise.all([...noting]);
  return notes;
}
