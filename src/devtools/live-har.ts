// While the panel is open inside DevTools, every finished request of the inspected tab arrives as a
// HAR entry with full request headers (devtools.network.onRequestFinished). The 401/407 ones become
// LiveFacts in memory; the entry itself is dropped after masking. Their bodies are read once, here,
// for what they tell (live/body-facts.ts: the WordPress code, who wrote the page) and dropped.
import { browser } from '../shared/browser';
import type { LiveHarEntry } from '../core/export';
import { applyBodyFacts, bodyFactsOf, factsFromEntry, wantsBody, type LiveFacts } from '../core/live';
import type { LiveFactsIndex } from '../core/live';

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

/**
 * The body text from getContent's answer, whatever its shape: Chromium's promise form resolves
 * `{content, encoding}` (seen on Chromium 156), the polyfill's callback form `[content, encoding]`,
 * Firefox `[content, mimeType]`. Base64 (a binary body) is not text: nothing to read.
 */
export function contentText(got: unknown): unknown {
  if (Array.isArray(got)) return got[1] === 'base64' ? undefined : got[0];
  if (typeof got === 'object' && got !== null && 'content' in got) {
    const { content, encoding } = got as { content: unknown; encoding?: unknown };
    return encoding === 'base64' ? undefined : content;
  }
  return got;
}

/**
 * Reads the body of a 401/407 entry once, for its facts; the text goes out of scope at the end.
 * Any origin: DevTools already shows this body to whoever opened it, and nothing of it is kept
 * beyond the facts (README "Privacy").
 */
async function readBody(entry: HarRequestEntry, facts: LiveFacts): Promise<boolean> {
  const { content } = entry.response;
  const mimeType = content?.mimeType === undefined ? undefined : String(content.mimeType);
  if (!wantsBody(mimeType, content?.size)) return false;
  const body = contentText(await entry.getContent());
  return applyBodyFacts(facts, bodyFactsOf(body, mimeType, entry.request.url));
}

/**
 * Listens to the inspected tab's finished requests while the panel lives. Returns the unsubscribe.
 */
export function watchLiveHar(index: LiveFactsIndex, onChange: () => void): () => void {
  const network = devtoolsApi()?.network;
  if (!network?.onRequestFinished) return () => undefined;
  const listener = (raw: unknown): void => {
    const entry = raw as HarRequestEntry;
    const facts = factsFromEntry(entry);
    if (!facts) return;
    index.add(facts);
    onChange();
    readBody(entry, facts).then(
      (changed) => changed && (index.touch(), onChange()),
      () => undefined, // the body may be gone (navigation); the facts stand without it
    );
  };
  network.onRequestFinished.addListener(listener as never);
  return () => network.onRequestFinished.removeListener(listener as never);
}
