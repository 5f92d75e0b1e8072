// While the panel is open inside DevTools, the sign-in steps whose answer only a body holds: a token
// endpoint's refusal (RFC 6749 §5.2 JSON) and the SAML Response posted to the app's assertion consumer.
// Its own onRequestFinished listener (live-har.ts reads 401/407 entries); core decides what to read
// and keeps only the error code and masked description, or the SAML status codes and message. The
// entry, the form and the body are dropped as soon as the fact is taken; nothing is stored.
import { flowBodyFactOf, flowBodyWanted, MAX_TOKEN_BODY, type FlowBodyFact } from '../core/flow';
import { contentText, devtoolsApi } from './live-har';

interface FlowEntry {
  startedDateTime?: string;
  request: {
    url: string;
    method: string;
    postData?: { text?: unknown; params?: unknown };
  };
  response: { status: number; content?: { mimeType?: unknown; size?: unknown } };
  getContent(): Promise<unknown>;
}

async function factOf(entry: FlowEntry): Promise<FlowBodyFact | undefined> {
  const { request, response } = entry;
  if (typeof request?.url !== 'string' || typeof response?.status !== 'number') return undefined;
  const time = Date.parse(entry.startedDateTime ?? '');
  const req = {
    url: request.url,
    method: String(request.method ?? ''),
    status: response.status,
    time: Number.isFinite(time) ? time : Date.now(),
  };
  const wanted = flowBodyWanted(req, response.content?.mimeType);
  if (wanted === 'form')
    return flowBodyFactOf(req, { form: request.postData?.text, params: request.postData?.params });
  if (wanted !== 'response') return undefined;
  const size = Number(response.content?.size ?? 0);
  if (size > MAX_TOKEN_BODY) return undefined;
  return flowBodyFactOf(req, { response: contentText(await entry.getContent()) });
}

/**
 * Calls `onFact` with each sign-in body fact the inspected tab's finished requests carry, while the
 * panel lives inside DevTools (nothing as a plain page). Returns the unsubscribe.
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
