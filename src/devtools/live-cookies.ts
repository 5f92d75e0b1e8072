// While the panel is open inside DevTools, every finished request of the inspected tab comes with its
// response headers (devtools.network.onRequestFinished), Set-Cookie included, whether or not the
// worker watches that host: the panel checks each Set-Cookie field against the storage model
// (src/core/cookies) and keeps the refused ones in memory, names and reasons only (never a value).
import { notesOf, type CookieBrowser, type SetCookieNote } from '../core/cookies';
import { schemefulSite } from '../core/site';
import { devtoolsApi } from './live-har';

/** Most refusals kept (the newest win); a page rarely sets more than a handful. */
const KEEP = 50;

interface HarEntryHeaders {
  request: { url: string };
  response: { headers?: { name: string; value: string }[] };
  /** Chromium's DevTools resource type: document, xhr, fetch, script… */
  _resourceType?: string;
}

/** The webRequest type the storage model cares about, from DevTools' resource type. */
function typeOf(entry: HarEntryHeaders, pageUrl: string | undefined): string {
  const kind = entry._resourceType ?? '';
  if (kind === 'document') return entry.request.url === pageUrl ? 'main_frame' : 'sub_frame';
  return kind === 'xhr' || kind === 'fetch' ? 'xmlhttprequest' : 'other';
}

/** The refused Set-Cookie fields of one HAR entry (empty for most). */
export function refusalsOf(
  raw: unknown,
  pageUrl: string | undefined,
  browser: CookieBrowser,
): SetCookieNote[] {
  const entry = raw as HarEntryHeaders;
  const values = (entry.response?.headers ?? [])
    .filter((h) => h.name.toLowerCase() === 'set-cookie' && typeof h.value === 'string')
    .map((h) => h.value);
  if (!values.length || typeof entry.request?.url !== 'string') return [];
  const type = typeOf(entry, pageUrl);
  const top = type === 'main_frame' ? undefined : pageUrl ? schemefulSite(pageUrl) : undefined;
  const ctx = {
    url: entry.request.url,
    type,
    browser,
    now: Date.now(),
    ...(top ? { topLevelSite: top } : {}),
  };
  return notesOf(values, ctx).filter((n) => n.outcome === 'refused');
}

/**
 * Listens while the panel lives; `onChange` gets the refusals so far, newest last. Returns the
 * unsubscribe. Outside DevTools (the panel as a page) there is nothing to listen to.
 */
export function watchLiveCookies(
  pageUrl: () => string | undefined,
  browser: CookieBrowser,
  onChange: (refused: SetCookieNote[]) => void,
): () => void {
  const network = devtoolsApi()?.network;
  if (!network?.onRequestFinished) return () => undefined;
  let navigated: string | undefined;
  let refused: SetCookieNote[] = [];
  const onNavigated = (url: string): void => {
    navigated = url;
  };
  const listener = (raw: unknown): void => {
    const fresh = refusalsOf(raw, navigated ?? pageUrl(), browser);
    if (!fresh.length) return;
    // One line per cookie of a host: a repeated sign-in refreshes it rather than adding another.
    const key = (n: SetCookieNote): string => `${n.host}\n${n.name}`;
    const keys = new Set(fresh.map(key));
    refused = [...refused.filter((n) => !keys.has(key(n))), ...fresh].slice(-KEEP);
    onChange(refused);
  };
  network.onNavigated?.addListener(onNavigated);
  network.onRequestFinished.addListener(listener as never);
  return () => {
    network.onRequestFinished.removeListener(listener as never);
    network.onNavigated?.removeListener(onNavigated);
  };
}
