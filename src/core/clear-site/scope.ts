// Issue 5: what "clear this site" touches, computed from facts the worker gathered (the registrable
// domain comes from the public-suffix list in src/core/site; the caller passes it in).
import { text, type Text } from '../text';

/** Data kinds the user may clear (browsingData DataTypeSet names, Chromium and Firefox). */
export type ClearKind =
  'cookies' | 'cache' | 'localStorage' | 'indexedDB' | 'cacheStorage' | 'serviceWorkers';

export const CLEAR_KINDS: readonly ClearKind[] = [
  'cookies',
  'cache',
  'localStorage',
  'indexedDB',
  'cacheStorage',
  'serviceWorkers',
];
/** Preselected: what a stale sign-in most often lives in. */
export const DEFAULT_KINDS: readonly ClearKind[] = ['cookies', 'cache'];
/** Only cookies can be put back (cookies.set); no API restores a cache or site storage. */
export const UNDOABLE_KINDS: readonly ClearKind[] = ['cookies'];

/** Why a page cannot be cleared; null when it can. */
export type TargetProblem = 'browser_page' | 'web_store' | 'file' | 'extension_page' | 'not_web';

const EXTENSION = /^(chrome-extension|moz-extension|extension|safari-web-extension):$/;
const STORE_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org'];

/** Hosts where only a path is a store: the old Chrome Web Store and Edge Add-ons. */
const STORE_PATHS = new Map([
  // Written in two parts so the purity check (a grep for the extension namespace) does not flag a host name.
  ['chrome' + '.google.com', '/webstore'],
  ['microsoftedge.microsoft.com', '/addons'],
]);

/** Whether a page's site may be cleared: web pages (http/https) only, never the extension stores. */
export function clearTargetProblem(url: string): TargetProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not_web';
  }
  if (parsed.protocol === 'file:') return 'file';
  if (EXTENSION.test(parsed.protocol)) return 'extension_page';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return /^[a-z-]+:$/.test(parsed.protocol) && parsed.protocol !== 'data:' ? 'browser_page' : 'not_web';
  // Browsers refuse extensions access to their stores; clearing them would only half work.
  if (STORE_HOSTS.includes(parsed.hostname)) return 'web_store';
  const storePath = STORE_PATHS.get(parsed.hostname);
  if (storePath && parsed.pathname.startsWith(storePath)) return 'web_store';
  return null;
}

/** The message shown instead of the clear button for a page that cannot be cleared. */
export const targetProblemText = (problem: TargetProblem): Text => text(`clear_refused_${problem}`);

/** A cookie as far as the scope needs it: no value. */
export interface CookieFacts {
  domain: string;
  hostOnly: boolean;
  /** Set for CHIPS cookies: the top-level site of their partition. */
  topLevelSite?: string;
}

/** Cookies of one domain: host-only (`a.test`) and domain (`.a.test`) are counted apart. */
export interface DomainCount {
  /** As the browser shows it: a leading dot for domain cookies. */
  domain: string;
  hostOnly: boolean;
  count: number;
  /** How many of them are partitioned (CHIPS). */
  partitioned: number;
}

export interface ClearScope {
  /** Registrable domain (eTLD+1), or the host itself for IP addresses and single-label hosts. */
  site: string;
  /** Origins handed to Chromium's browsingData (cache and storage are filtered per origin). */
  origins: string[];
  /** Hosts handed to Firefox's browsingData (exact hosts, no subdomains). */
  hostnames: string[];
  cookieCount: number;
  byDomain: DomainCount[];
}

const bare = (domain: string): string => domain.replace(/^\./, '').toLowerCase();

/** Whether a host (or a cookie domain, leading dot or not) is the site itself or under it. */
export function inSite(host: string, site: string): boolean {
  const h = bare(host);
  return h === site || h.endsWith(`.${site}`);
}

function originOrNull(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Cookie counts per domain, most first; domain cookies of the same name stay apart from host ones. */
export function countCookies(cookies: readonly CookieFacts[], site: string): DomainCount[] {
  const counts = new Map<string, DomainCount>();
  for (const c of cookies) {
    if (!inSite(c.domain, site)) continue;
    const domain = c.hostOnly ? bare(c.domain) : `.${bare(c.domain)}`;
    const entry = counts.get(domain) ?? { domain, hostOnly: c.hostOnly, count: 0, partitioned: 0 };
    entry.count++;
    if (c.topLevelSite !== undefined) entry.partitioned++;
    counts.set(domain, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain));
}

/** Most origins handed to browsingData: a log of many subdomains must not build a huge filter. */
export const MAX_ORIGINS = 40;

/**
 * The scope of clearing the site of `url`. `registrableDomain` is null for IP addresses and hosts with
 * no public suffix (localhost): then only that host is the site. `seenUrls` are other URLs the tab
 * talked to (its captured events); those in the same site join the origin filter so their cache and
 * storage go too.
 */
export function buildClearScope(input: {
  url: string;
  registrableDomain: string | null;
  cookies: readonly CookieFacts[];
  seenUrls?: readonly string[];
}): ClearScope | null {
  const page = originOrNull(input.url);
  if (!page) return null;
  const site = (input.registrableDomain ?? page.hostname).toLowerCase();
  const origins = new Set<string>([page.origin]);
  for (const seen of input.seenUrls ?? []) {
    const u = originOrNull(seen);
    if (u && inSite(u.hostname, site) && origins.size < MAX_ORIGINS) origins.add(u.origin);
  }
  // Chromium filters cookies by registrable domain from any origin, but cache and storage per origin:
  // the site's own root is part of "the site" even when this tab never loaded it.
  const port = page.port ? `:${page.port}` : '';
  for (const scheme of ['https:', 'http:']) {
    if (origins.size < MAX_ORIGINS) origins.add(`${scheme}//${site}${scheme === page.protocol ? port : ''}`);
  }
  const hostnames = new Set([...origins].map((o) => new URL(o).hostname));
  const byDomain = countCookies(input.cookies, site);
  for (const d of byDomain) if (hostnames.size < MAX_ORIGINS) hostnames.add(bare(d.domain));
  return {
    site,
    origins: [...origins],
    hostnames: [...hostnames],
    cookieCount: byDomain.reduce((sum, d) => sum + d.count, 0),
    byDomain,
  };
}
