// The cookie jar behind a captured 401/407, read once the 401 is recorded (never on the capture hot
// path): the site's cookies with their attributes (every partition) and the host's cookies the store
// removed in the last minute. Values are dropped at once (heldCookiesOf); the event gets the facts by a
// patch through the store's queue. Why a cookie did not go is reasoned in src/core/cookies.
import type { Cookies } from '../shared/browser';
import {
  heldCookiesOf,
  setCookieProblems,
  type CookieJarFacts,
  type GoneCause,
  type GoneCookie,
} from '../core/cookies';
import { hostFacts, hostOf } from '../core/site';
import { isFirefox } from '../shared/platform';
import { isWatched } from './capture-hosts';
import { snapshotCookies, storeOfTab } from './clear-site-browser';
import { recentSetCookieNotes } from './set-cookie-watch';
import { enqueue } from './store';
import { topLevelSiteOf } from './top-level-site';

const GONE_CAUSES = new Set<string>(['expired', 'expired_overwrite', 'explicit', 'evicted']);
const GONE_KEEP = 200;
const GONE_TTL_MS = 60_000;
/**
 * Removals seen in the last minute, names and domains only. In memory on purpose: the store drops an
 * expired cookie when a request would use it, so the removal and the 401 arrive together and a worker
 * restart in between loses only that pairing.
 */
let gone: GoneCookie[] = [];

/** cookies.onChanged: remembers removals (not overwrites, which are a new value for the same cookie). */
export function onCookieChanged(info: Cookies.OnChangedChangeInfoType): void {
  if (!info.removed || !GONE_CAUSES.has(info.cause)) return;
  const { name, domain, path } = info.cookie;
  const now = Date.now();
  gone.push({ name: name.slice(0, 128), domain, path, cause: info.cause as GoneCause, time: now });
  if (gone.length > GONE_KEEP || gone[0]!.time < now - GONE_TTL_MS)
    gone = gone.filter((g) => g.time >= now - GONE_TTL_MS).slice(-GONE_KEEP);
}

async function cookieJarOf(
  tabId: number,
  type: string,
  url: string,
  time: number,
  watched: boolean,
): Promise<CookieJarFacts | undefined> {
  const host = hostOf(url);
  if (!host) return undefined;
  const storeId = await storeOfTab(tabId).catch(() => undefined);
  // The cookies of the host's site; a host with no registrable domain (or a bare public suffix) is
  // its own site, without its subdomains (the clear-site rule, src/core/clear-site).
  const facts = hostFacts(host);
  const bounds = { site: facts.registrableDomain ?? host.toLowerCase(), exactHost: !facts.registrableDomain };
  const cookies = await snapshotCookies(bounds, storeId);
  const { held, more } = heldCookiesOf(url, cookies);
  const hostGone = gone.filter((g) => host.endsWith(g.domain.replace(/^\./, '')));
  const jar: CookieJarFacts = { held, gone: hostGone, laxByDefault: !isFirefox() };
  if (more) jar.more = more;
  const top = await topLevelSiteOf(tabId, type, url);
  if (top) jar.topLevelSite = top;
  // What recent responses of the site set and the browser refused, deleted or scoped away from this URL.
  const notes = await recentSetCookieNotes();
  const problems = setCookieProblems(notes, { url, time, ...(top ? { topLevelSite: top } : {}) });
  // An empty list says "watched, nothing refused"; absent says the host's responses were not seen.
  if (problems.length || watched) jar.setCookies = problems;
  return jar;
}

/** After a 401/407 is recorded: reads its cookie jar and patches it onto the event. Never throws. */
export function addCookieFacts(details: {
  requestId: string;
  tabId: number;
  type: string;
  url: string;
  timeStamp: number;
}): void {
  const { requestId, tabId } = details;
  // Read now, before this 401 makes the host watched: were its earlier responses' Set-Cookie seen?
  // Firefox shows Set-Cookie to the cheap listener, so there they always were.
  const watched = isFirefox() || isWatched(details.url);
  cookieJarOf(tabId, details.type, details.url, details.timeStamp, watched)
    .then((cookieJar) => {
      if (cookieJar) enqueue({ kind: 'patch', tabId, requestId, patch: { cookieJar } });
    })
    .catch(() => undefined);
}
