// The browser calls behind "clear this site": one function per step, Chromium and Firefox behind the
// same signature (feature-detected). Chromium: browsingData with `origins`, which also drops the
// origin's cached Basic/Digest credentials with its cookies (INTERNALS.md "Browser facts", observed).
// Firefox: browsingData takes exact `hostnames`, and cookies go through the cookies API one by one.
import { browser } from '../shared/browser';
import { isFirefox } from '../shared/platform';
import { cookieUrl, inSite, type SavedCookie, type SetDetails, type SiteBounds } from '../core/clear-site';
import type { ClearKind, ClearScope } from '../core/clear-site';

// The polyfill's types predate `origins` and `cacheStorage` (Chromium 74+ / 72+).
type RemovalOptions = { origins?: string[]; hostnames?: string[] };
type DataTypes = Partial<Record<ClearKind, boolean>>;
interface BrowsingData {
  remove(options: RemovalOptions, types: DataTypes): Promise<void>;
}
type CookieApi = {
  getAll(details: {
    domain: string;
    storeId?: string;
    partitionKey?: object;
    firstPartyDomain?: null;
  }): Promise<SavedCookie[]>;
  set(details: SetDetails): Promise<SavedCookie | null>;
  remove(details: {
    url: string;
    name: string;
    storeId?: string;
    partitionKey?: object;
    firstPartyDomain?: string;
  }): Promise<unknown>;
  getAllCookieStores(): Promise<{ id: string; tabIds: number[] }[]>;
};

const browsingData = browser.browsingData as unknown as BrowsingData;
export const cookieApi = browser.cookies as unknown as CookieApi;

/** The cookie store of a tab (an incognito tab has its own), undefined = the default store. */
export async function storeOfTab(tabId: number): Promise<string | undefined> {
  if (tabId < 0) return undefined;
  const stores = await cookieApi.getAllCookieStores();
  return stores.find((s) => s.tabIds.includes(tabId))?.id;
}

/**
 * Every cookie of the site: the `domain` query matches the site and its subdomains, host-only or not,
 * so for an exact-host site (localhost, an IP) the subdomains' cookies are filtered out here;
 * `partitionKey: {}` adds the partitioned (CHIPS) ones of every partition.
 */
export async function snapshotCookies(bounds: SiteBounds, storeId?: string): Promise<SavedCookie[]> {
  const all = await queryCookies(bounds.site, storeId);
  return all.filter((c) => inSite(c.domain, bounds));
}

async function queryCookies(site: string, storeId?: string): Promise<SavedCookie[]> {
  const query = {
    domain: site,
    partitionKey: {},
    ...(storeId ? { storeId } : {}),
    // Firefox with first-party isolation on refuses a query without firstPartyDomain; null = all.
    ...(isFirefox() ? { firstPartyDomain: null } : {}),
  };
  try {
    return await cookieApi.getAll(query);
  } catch {
    // Browsers without partitionKey support in the query.
    const { partitionKey: _omit, ...plain } = query;
    return cookieApi.getAll(plain);
  }
}

const sameKey = (a: SavedCookie, b: SavedCookie): boolean =>
  a.name === b.name &&
  a.domain === b.domain &&
  a.path === b.path &&
  a.storeId === b.storeId &&
  (a.partitionKey?.topLevelSite ?? '') === (b.partitionKey?.topLevelSite ?? '');

/** The snapshotted cookies still in the jar (after a removal: those it left). */
export async function stillThere(snapshot: SavedCookie[], bounds: SiteBounds, storeId?: string) {
  const left = await snapshotCookies(bounds, storeId);
  return left.filter((c) => snapshot.some((s) => sameKey(s, c)));
}

export async function removeCookie(c: SavedCookie): Promise<void> {
  const partition = c.partitionKey?.topLevelSite ? { partitionKey: c.partitionKey } : {};
  const firstParty = c.firstPartyDomain !== undefined ? { firstPartyDomain: c.firstPartyDomain } : {};
  await cookieApi.remove({
    url: cookieUrl(c),
    name: c.name,
    storeId: c.storeId,
    ...partition,
    ...firstParty,
  });
}

/** Removes the snapshotted cookies the bulk removal left (e.g. partitions it does not reach). */
async function removeLeftovers(snapshot: SavedCookie[], bounds: SiteBounds, storeId?: string): Promise<void> {
  await Promise.all((await stillThere(snapshot, bounds, storeId)).map(removeCookie));
}

/**
 * Clears the chosen kinds for the scope; cookies only those in the snapshot (plus what Chromium's
 * filter takes: the registrable domain's cookies, or for a host without one that host's only, the
 * same bounds as the scope's).
 */
export async function removeSiteData(
  scope: ClearScope,
  kinds: readonly ClearKind[],
  snapshot: SavedCookie[],
  storeId?: string,
): Promise<void> {
  const types: DataTypes = Object.fromEntries(kinds.map((k) => [k, true]));
  if (isFirefox()) {
    delete types.cookies;
    delete types.cacheStorage; // not a Firefox data type; its Cache Storage goes with cache
    if (Object.keys(types).length) await browsingData.remove({ hostnames: scope.hostnames }, types);
    if (kinds.includes('cookies')) await Promise.all(snapshot.map(removeCookie));
    return;
  }
  // Default store only: Chromium's browsingData cannot target an incognito store.
  if (storeId === undefined || storeId === '0') await browsingData.remove({ origins: scope.origins }, types);
  else {
    delete types.cookies;
    if (Object.keys(types).length) await browsingData.remove({ origins: scope.origins }, types);
  }
  if (kinds.includes('cookies')) await removeLeftovers(snapshot, scope, storeId);
}
