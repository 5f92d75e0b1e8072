// Which pages an extension may look at or act on. One table for the popup's tab target (can webRequest
// see this page's traffic?), the event list and "clear this site" (may its site be cleared?): browser
// pages, the extension stores, local files and extension pages are refused with a reason.
import { parseUrl } from '../site';

/** What kind of page a URL is, as far as an extension's reach goes. */
export type PageKind = 'web' | 'blank' | 'browser_page' | 'web_store' | 'file' | 'extension_page' | 'not_web';

/** Why a page's site cannot be cleared. */
export type PageProblem = Exclude<PageKind, 'web'>;

const EXTENSION = /^(chrome-extension|moz-extension|extension|safari-web-extension):$/;
/** Schemes that are content, not a browser page: never inspected or cleared as a site. */
const CONTENT = /^(data|blob|javascript):$/;
const STORE_HOSTS = new Set(['chromewebstore.google.com', 'addons.mozilla.org']);
/** Hosts where only a path is a store: the old Chrome Web Store and Edge Add-ons. */
const STORE_PATHS = new Map([
  ['chrome.google.com', '/webstore'],
  ['microsoftedge.microsoft.com', '/addons'],
]);

/** The kind of page at `url`; '' and about:blank are blank (a new tab's first document). */
export function pageKind(url: string): PageKind {
  if (url === '' || url === 'about:blank') return 'blank';
  const parsed = parseUrl(url);
  if (!parsed) return 'not_web';
  const { protocol, hostname, pathname } = parsed;
  if (protocol === 'file:') return 'file';
  if (EXTENSION.test(protocol)) return 'extension_page';
  if (CONTENT.test(protocol)) return 'not_web';
  if (protocol !== 'http:' && protocol !== 'https:') return 'browser_page';
  // Browsers refuse extensions access to their stores (no webRequest events, no clearing that works).
  if (STORE_HOSTS.has(hostname)) return 'web_store';
  const storePath = STORE_PATHS.get(hostname);
  if (storePath && (pathname === storePath || pathname.startsWith(`${storePath}/`))) return 'web_store';
  return 'web';
}

/**
 * Whether webRequest reports this page's traffic: not for browser pages, the stores or other
 * extensions' pages. A blank tab still can (its frames and fetches), and so can a local file's.
 */
export function isInspectable(url: string): boolean {
  const kind = pageKind(url);
  return kind !== 'browser_page' && kind !== 'web_store' && kind !== 'extension_page';
}

/** Why the site of `url` may not be cleared, or null for a web page (http/https, not a store). */
export function clearTargetProblem(url: string): PageProblem | null {
  const kind = pageKind(url);
  // about:blank is a browser page to the user: "this browser page cannot be cleared".
  if (kind === 'blank') return url === '' ? 'not_web' : 'browser_page';
  return kind === 'web' ? null : kind;
}
