// What "clear this site" touches, computed from facts the worker gathered: what the public-suffix list
// says about the host (src/core/site; the caller passes the answer in) and the cookies the browser
// holds. README "Using it" promises that clearing a site never reaches another one.
import { clearTargetProblem, type PageProblem } from '../pages';
import { text, type Text } from '../text';
import { bareDomain, inSite, siteBounds, type HostFacts, type SiteBounds } from './site-bounds';

/** Why a site cannot be cleared: its page (src/core/pages), or its host is a bare public suffix. */
export type ScopeProblem = PageProblem | 'public_suffix';

/** The message shown instead of the clear button; `host` names the public suffix. */
export const scopeProblemText = (problem: ScopeProblem, host = ''): Text =>
  problem === 'public_suffix' ? text('clear_refused_public_suffix', host) : text(`clear_refused_${problem}`);

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

export interface ClearScope extends SiteBounds {
  /** Registrable domain (eTLD+1), or the host itself for IPs, localhost and intranet names. */
  site: string;
  /** Origins handed to Chromium's browsingData (cache and storage are filtered per origin). */
  origins: string[];
  /** Hosts handed to Firefox's browsingData (exact hosts, no subdomains). */
  hostnames: string[];
  cookieCount: number;
  byDomain: DomainCount[];
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
export function countCookies(cookies: readonly CookieFacts[], bounds: SiteBounds): DomainCount[] {
  const counts = new Map<string, DomainCount>();
  for (const c of cookies) {
    if (!inSite(c.domain, bounds)) continue;
    const domain = c.hostOnly ? bareDomain(c.domain) : `.${bareDomain(c.domain)}`;
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
 * The scope of clearing the site of `url`, or why it may not be cleared. `host` is what the
 * public-suffix list says about the URL's host. `cookies` may hold more than the site's (the browser's
 * domain query matches subdomains): only the site's are counted. `seenUrls` are other URLs the tab
 * talked to (its captured events); those in the same site join the origin filter so their cache and
 * storage go too.
 */
export function buildClearScope(input: {
  url: string;
  host: HostFacts;
  cookies: readonly CookieFacts[];
  seenUrls?: readonly string[];
}): { scope: ClearScope } | { problem: ScopeProblem } {
  const problem = clearTargetProblem(input.url);
  const page = problem ? null : originOrNull(input.url);
  if (!page) return { problem: problem ?? 'not_web' };
  const bounds = siteBounds(page.hostname, input.host);
  if ('problem' in bounds) return bounds;
  const { site } = bounds;
  const origins = new Set<string>([page.origin]);
  for (const seen of input.seenUrls ?? []) {
    const u = originOrNull(seen);
    if (u && inSite(u.hostname, bounds) && origins.size < MAX_ORIGINS) origins.add(u.origin);
  }
  // Chromium filters cookies by registrable domain from any origin, but cache and storage per origin:
  // the site's own root is part of "the site" even when this tab never loaded it.
  const port = page.port ? `:${page.port}` : '';
  for (const scheme of ['https:', 'http:']) {
    if (origins.size < MAX_ORIGINS) origins.add(`${scheme}//${site}${scheme === page.protocol ? port : ''}`);
  }
  const hostnames = new Set([...origins].map((o) => new URL(o).hostname));
  const byDomain = countCookies(input.cookies, bounds);
  for (const d of byDomain) if (hostnames.size < MAX_ORIGINS) hostnames.add(bareDomain(d.domain));
  const scope: ClearScope = {
    ...bounds,
    origins: [...origins],
    hostnames: [...hostnames],
    cookieCount: byDomain.reduce((sum, d) => sum + d.count, 0),
    byDomain,
  };
  return { scope };
}
