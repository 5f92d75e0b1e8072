// The facts behind one "clear this site" request, gathered once: what the public-suffix list says
// about the host, the tab's cookie store, the site's cookies (values included: the same list is the
// Undo snapshot) and the tab's log. The scope shown in the preview is computed from exactly these.
import { readTabLog } from '../shared/storage';
import { hostFacts } from '../core/site';
import { buildClearScope, siteBounds } from '../core/clear-site';
import { clearTargetProblem } from '../core/pages';
import type { ClearScope, HostFacts, SavedCookie, ScopeProblem, SiteBounds } from '../core/clear-site';
import type { TabLog } from '../core/record';
import { snapshotCookies, storeOfTab } from './clear-site-browser';

export interface GatheredScope {
  scope: ClearScope;
  /** The site's cookies with their values: never sent to a page, only stored as the Undo snapshot. */
  cookies: SavedCookie[];
  storeId?: string;
  log?: TabLog;
}

export type Refusal = { problem: ScopeProblem; host: string };

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/** Where a URL's site ends, from the URL alone (no browser call: a guard can use it before any await). */
export interface SiteOfUrl {
  url: string;
  host: string;
  facts: HostFacts;
  bounds: SiteBounds;
}

/** The site `url` would clear (registrable domain or exact host), or why it is refused. */
export function siteOfUrl(url: string): SiteOfUrl | Refusal {
  const host = hostOf(url);
  const problem = clearTargetProblem(url);
  if (problem) return { problem, host };
  const facts = hostFacts(host);
  const bounds = siteBounds(host, facts);
  return 'problem' in bounds ? { problem: bounds.problem, host } : { url, host, facts, bounds };
}

/** Gathers the scope of clearing a site from `tabId` (its cookie store and its log). */
export async function gatherScope(
  { url, host, facts, bounds }: SiteOfUrl,
  tabId?: number,
): Promise<GatheredScope | Refusal> {
  const log = tabId !== undefined && tabId >= -1 ? await readTabLog(tabId) : undefined;
  const storeId = tabId !== undefined ? await storeOfTab(tabId).catch(() => undefined) : undefined;
  const cookies = await snapshotCookies(bounds, storeId);
  const built = buildClearScope({
    url,
    host: facts,
    cookies: cookies.map((c) => ({
      domain: c.domain,
      hostOnly: c.hostOnly,
      ...(c.partitionKey?.topLevelSite ? { topLevelSite: c.partitionKey.topLevelSite } : {}),
    })),
    seenUrls: log?.events.map((e) => e.url) ?? [],
  });
  if ('problem' in built) return { problem: built.problem, host };
  return { scope: built.scope, cookies, log, ...(storeId !== undefined ? { storeId } : {}) };
}
