// While the panel is open inside DevTools, the sign-in steps whose answer only a body holds: a token
// endpoint's refusal (RFC 6749 §5.2 JSON) and the SAML Response posted to the app's assertion consumer.
// Its own onRequestFinished listener (live-har.ts reads 401/407 entries); core decides what to read
// and keeps only the error code and masked description, or the SAML status codes and message. The
// entry, the form and the body are dropped as soon as the fact is taken; nothing is stored.
//
// Chromium 156 never fires onRequestFinished for a fetch/XHR answered with `Cache-Control: no-store`,
// and getContent() of its getHAR() entry never answers (INTERNALS.md): a provider whose errors are
// no-store keeps the status-only flow. A read is given up after a while (a page gone, a body dropped).
import { flowBodyFactOf, flowBodyWanted, MAX_TOKEN_BODY, type FlowBodyFact } from '../core/flow';
import { contentText, devtoolsApi } from './live-har';

interface FlowEntry {
  startedDateTime?: string;
  request: { url: string; method: string; postData?: { text?: unknown; params?: unknown } };
  response: { status: number; content?: { mimeType?: unknown; size?: unknown } };
  getContent?(): Promise<unknown>;
}

/** getContent() that has not answered by then never will (a no-store body, a page gone). */
const CONTENT_WAIT_MS = 10_000;

function withDeadline<T>(promise: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), CONTENT_WAIT_MS)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function requestOf(entry: FlowEntry) {
  const { request, response } = entry;
  if (typeof request?.url !== 'string' || typeof response?.status !== 'number') return undefined;
  const time = Date.parse(entry.startedDateTime ?? '');
  return {
    url: request.url,
    method: String(request.method ?? ''),
    status: response.status,
    time: Number.isFinite(time) ? time : Date.now(),
  };
}

async function factOf(entry: FlowEntry): Promise<FlowBodyFact | undefined> {
  const req = requestOf(entry);
  const wanted = req && flowBodyWanted(req, entry.response.content?.mimeType);
  if (!req || !wanted) return undefined;
  if (wanted === 'form')
    return flowBodyFactOf(req, {
      form: entry.request.postData?.text,
      params: entry.request.postData?.params,
    });
  if (Number(entry.response.content?.size ?? 0) > MAX_TOKEN_BODY || !entry.getContent) return undefined;
  return flowBodyFactOf(req, { response: contentText(await withDeadline(entry.getContent())) });
}

/**
 * Calls `onFact` with each sign-in body fact the inspected tab's finished requests carry, while the panel
 * lives inside DevTools (nothing as a plain page). Returns the unsubscribe.
 */
export function watchLiveFlow(onFact: (fact: FlowBodyFact) => void): () => void {
  const network = devtoolsApi()?.network;
  if (!network?.onRequestFinished) return () => undefined;
  let live = true;
  const listener = (raw: unknown): void => {
    factOf(raw as FlowEntry).then(
      (fact) => live && fact && onFact(fact),
      () => undefined, // the body may be gone (navigation): the step stands without it
    );
  };
  network.onRequestFinished.addListener(listener as never);
  return () => {
    live = false;
    network.onRequestFinished.removeListener(listener as never);
  };
}
