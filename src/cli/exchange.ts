// One HTTP request with Node's own http/https (no client library), recorded as a HAR entry: the
// same shape a browser exports, so the command line's result goes through the HAR import of
// src/core like any file. The entry holds the real headers in memory only; output is masked.
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { FileHarEntry } from '../core/har-import';
import { proxyAuthorization } from './proxy';

export interface RequestSpec {
  url: URL;
  method: string;
  /** In order, as they will be sent (Host first). */
  headers: [string, string][];
  body?: string;
  proxy?: URL;
  insecure: boolean;
  timeoutMs: number;
}

// Bodies are read for a short error code only (the JSON `code` a WordPress 401 carries).
const MAX_BODY = 64 * 1024;

/** A failure before any response: the message says which (ECONNREFUSED, ENOTFOUND, ETIMEDOUT…). */
export class NetworkError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const toHeaders = (list: [string, string][]): OutgoingHttpHeaders => {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of list) {
    const prev = out[name];
    out[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
};

const pairs = (raw: string[]): { name: string; value: string }[] => {
  const out: { name: string; value: string }[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i]!, value: raw[i + 1]! });
  return out;
};

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      if (size < MAX_BODY) chunks.push(chunk);
      size += chunk.length;
    });
    res.on('end', () => resolve(Buffer.concat(chunks).subarray(0, MAX_BODY).toString('utf8')));
    res.on('error', reject);
  });
}

function entryOf(
  spec: RequestSpec,
  sent: [string, string][],
  res: IncomingMessage,
  start: number,
  body: string,
  ip?: string,
): FileHarEntry {
  const headers = pairs(res.rawHeaders);
  const location = headers.find((h) => h.name.toLowerCase() === 'location')?.value;
  let redirectURL = '';
  try {
    if (location) redirectURL = new URL(location, spec.url).href;
  } catch {
    // a Location that is not a URL: no redirect to follow
  }
  return {
    startedDateTime: new Date(start).toISOString(),
    time: Date.now() - start,
    request: {
      method: spec.method,
      url: spec.url.href,
      httpVersion: 'HTTP/1.1',
      headers: sent.map(([name, value]) => ({ name, value })),
      cookies: [],
      queryString: [],
      headersSize: -1,
      bodySize: spec.body === undefined ? 0 : Buffer.byteLength(spec.body),
    },
    response: {
      status: res.statusCode ?? 0,
      statusText: res.statusMessage ?? '',
      httpVersion: `HTTP/${res.httpVersion}`,
      headers,
      cookies: [],
      content: { size: body.length, mimeType: String(res.headers['content-type'] ?? ''), text: body },
      redirectURL,
      headersSize: -1,
      bodySize: body.length,
    },
    timings: { send: 0, wait: Date.now() - start, receive: 0 },
    serverIPAddress: ip,
  };
}

function failure(error: NodeJS.ErrnoException): NetworkError {
  return new NetworkError(error.code ?? 'ERROR', error.message);
}

/** Sends the request (through the proxy when given) and resolves with its HAR entry. */
export function exchange(spec: RequestSpec): Promise<FileHarEntry> {
  const start = Date.now();
  const { url, proxy } = spec;
  const secure = url.protocol === 'https:';
  const port = Number(url.port) || (secure ? 443 : 80);
  const auth = proxy && proxyAuthorization(proxy);
  return new Promise((resolve, reject) => {
    const finish = (res: IncomingMessage, sent: [string, string][]): void => {
      // Through a proxy the socket's peer is the proxy, not the site: no server address then.
      const ip = proxy ? undefined : res.socket?.remoteAddress;
      readBody(res).then(
        (body) => resolve(entryOf(spec, sent, res, start, body, ip)),
        (e) => reject(failure(e as NodeJS.ErrnoException)),
      );
    };
    const common = { method: spec.method, timeout: spec.timeoutMs, rejectUnauthorized: !spec.insecure };
    const watch = (req: http.ClientRequest): void => {
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error(`no answer in ${spec.timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      );
      req.on('error', (e: NodeJS.ErrnoException) => reject(failure(e)));
    };
    if (!proxy || !secure) {
      // Without a proxy, or plain HTTP through one: the proxy gets the absolute URL (RFC 9112 §3.2.2).
      const sent: [string, string][] = auth ? [...spec.headers, ['Proxy-Authorization', auth]] : spec.headers;
      const target = proxy
        ? { host: proxy.hostname, port: Number(proxy.port) || 80, path: url.href }
        : { host: url.hostname, port, path: url.pathname + url.search };
      const req = (secure ? https : http).request(
        { ...common, ...target, headers: toHeaders(sent), servername: url.hostname, agent: false },
        (res) => finish(res, sent),
      );
      watch(req);
      req.end(spec.body);
      return;
    }
    // HTTPS through a proxy: a CONNECT tunnel (RFC 9110 §9.3.6); a 407 answers the CONNECT itself.
    const authority = `${url.hostname}:${port}`;
    const connectHeaders: [string, string][] = [
      ['Host', authority],
      ...(auth ? [['Proxy-Authorization', auth] as [string, string]] : []),
    ];
    const connect = http.request({
      host: proxy.hostname,
      port: Number(proxy.port) || 80,
      method: 'CONNECT',
      path: authority,
      headers: toHeaders(connectHeaders),
      timeout: spec.timeoutMs,
      agent: false,
    });
    watch(connect);
    connect.on('connect', (res: IncomingMessage, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        resolve(entryOf(spec, connectHeaders, res, start, ''));
        return;
      }
      const req = https.request(
        {
          ...common,
          host: url.hostname,
          port,
          path: url.pathname + url.search,
          headers: toHeaders(spec.headers),
          agent: false,
          createConnection: () =>
            tls.connect({ socket, servername: url.hostname, rejectUnauthorized: !spec.insecure }),
        },
        (r) => finish(r, spec.headers),
      );
      watch(req);
      req.end(spec.body);
    });
    connect.end();
  });
}
