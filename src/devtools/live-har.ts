// While the panel is open inside DevTools, every finished request of the inspected tab arrives as a
// HAR entry with full request headers (devtools.network.onRequestFinished). The 401/407 ones become
// LiveFacts in memory; the entry itself is dropped after masking.
import { browser } from '../shared/browser';
import type { LiveHarEntry } from '../core/export';
import { bodyCodeOf, factsFromEntry, type LiveFacts } from '../core/live';
import type { LiveFactsIndex } from '../core/live';

// Bodies read for a WordPress-style `code`: small JSON only (a 401 body is a few hundred bytes).
const MAX_BODY = 64 * 1024;

interface HarRequestEntry extends LiveHarEntry {
  getContent(): Promise<unknown>;
}

type Devtools = typeof browser.devtools | undefined;

/** The DevTools API when the page runs inside DevTools; undefined as a plain page (?tabId tests). */
export function devtoolsApi(): Devtools {
  try {
    return (browser as { devtools?: typeof browser.devtools }).devtools;
  } catch {
    return undefined;
  }
}

function sameOrigin(url: string, pageUrl: string | undefined): boolean {
  try {
    return pageUrl !== undefined && new URL(url).origin === new URL(pageUrl).origin;
  } catch {
    return false;
  }
}

/**
 * The body text from getContent's answer, whatever its shape: Chromium's promise form resolves
 * `{content, encoding}` (seen on Chromium 156), the polyfill's callback form `[content, encoding]`,
 * Firefox `[content, mimeType]`.
 */
function contentText(got: unknown): unknown {
  if (Array.isArray(got)) return got[0];
  if (typeof got === 'object' && got !== null && 'content' in got)
    return (got as { content: unknown }).content;
  return got;
}

async function readBodyCode(entry: HarRequestEntry, facts: LiveFacts): Promise<boolean> {
  const { content } = entry.response;
  if (!/json/i.test(String(content?.mimeType ?? '')) || (content?.size ?? MAX_BODY + 1) > MAX_BODY)
    return false;
  const body = contentText(await entry.getContent());
  if (typeof body !== 'string' || body.length > MAX_BODY) return false;
  const code = bodyCodeOf(body);
  if (code) facts.bodyCode = code;
  return code !== undefined;
}

/**
 * Listens to the inspected tab's finished requests while the panel lives; `pageUrl` gives the page's
 * URL (bodies are read only for same-origin responses). Returns the unsubscribe.
 */
export function watchLiveHar(
  index: LiveFactsIndex,
  pageUrl: () => string | undefined,
  onChange: () => void,
): () => void {
  const network = devtoolsApi()?.network;
  if (!network?.onRequestFinished) return () => undefined;
  // The inspected page's URL as DevTools reports each navigation; before the first, the caller's.
  let navigated: string | undefined;
  const onNavigated = (url: string): void => {
    navigated = url;
  };
  network.onNavigated?.addListener(onNavigated);
  const listener = (raw: unknown): void => {
    const entry = raw as HarRequestEntry;
    const facts = factsFromEntry(entry);
    if (!facts) return;
    index.add(facts);
    onChange();
    if (sameOrigin(entry.request.url, navigated ?? pageUrl()))
      readBodyCode(entry, facts).then(
        (changed) => changed && (index.touch(), onChange()),
        () => undefined, // the body may be gone (navigation); the facts stand without it
      );
  };
  network.onRequestFinished.addListener(listener as never);
  return () => {
    network.onRequestFinished.removeListener(listener as never);
    network.onNavigated?.removeListener(onNavigated);
  };
}
