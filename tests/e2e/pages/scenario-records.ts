// Records for demo responses Chromium hides from webRequest listeners without `extraHeaders` (CORS
// preflights, Set-Cookie, Clear-Site-Data) or whose facts live in the body (IIS substatus, read by the
// DevTools panel from HAR). The demo's real response, fetched over raw HTTP, goes through the
// extension's own record builder (buildAuthEvent), as Firefox's webRequest or the panel would see it.
import { request } from 'node:http';
import { buildAuthEvent } from '../../../src/core/record';
import type { AuthEvent, CredentialFacts, ResponseFacts } from '../../../src/core/record';

interface Raw {
  status: number;
  statusLine: string;
  headers: { name: string; value: string }[];
  body: string;
}

/** One raw HTTP exchange; repeated header fields stay separate (rawHeaders). */
export function fetchRaw(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const pairs = res.rawHeaders;
        const list = [];
        for (let i = 0; i < pairs.length; i += 2) list.push({ name: pairs[i]!, value: pairs[i + 1]! });
        const statusLine = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}`;
        ok({ status: res.statusCode ?? 0, statusLine, headers: list, body });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

export interface RecordOptions {
  url: string;
  tabId: number;
  method?: string;
  type?: string;
  initiator?: string;
  credentials: CredentialFacts;
  /** Facts only a body reader (the DevTools panel) has, e.g. `bodyCode`. */
  response?: (raw: Raw) => Partial<ResponseFacts>;
  requestHeaders?: Record<string, string>;
}

/** The stored record for the demo's real answer to this request. */
export async function recordOf(options: RecordOptions): Promise<AuthEvent> {
  const method = options.method ?? 'GET';
  const raw = await fetchRaw(options.url, method, options.requestHeaders);
  const event = buildAuthEvent(
    {
      requestId: String(Math.floor(Math.random() * 1e6)),
      timeStamp: Date.now(),
      tabId: options.tabId,
      frameId: 0,
      parentFrameId: -1,
      url: options.url,
      method,
      type: options.type ?? 'xmlhttprequest',
      statusCode: raw.status,
      statusLine: raw.statusLine,
      initiator: options.initiator,
      ip: '127.0.0.1',
      responseHeaders: raw.headers,
    },
    [],
    options.credentials,
  );
  return { ...event, pageId: 'page-1', response: { ...event.response, ...options.response?.(raw) } };
}
