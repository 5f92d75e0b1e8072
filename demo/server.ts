// The demo server: plain node:http, two listeners (the demo's origin and a second, cross-origin one
// for CORS and redirect scenarios), both answering the same routes (demo/routes.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contextFor, route, type Ports } from './routes';
import { SCENARIOS, type Scenario } from './scenarios';

export interface DemoServerOptions {
  /** Port of the main origin; 0 picks a free one. The second origin tries port + 1, else a free one. */
  port?: number;
  /** Listen address; default 127.0.0.1 (loopback only). */
  host?: string;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  /** The cross-origin listener, e.g. http://127.0.0.1:4011 */
  otherOrigin: string;
  scenarios: readonly Scenario[];
  /** Full URL of a scenario's 401 endpoint. */
  urlOf(scenario: Scenario): string;
  close(): Promise<void>;
}

/** Request bodies read at most (the SAML post and the token call are a few KB). */
const MAX_BODY = 256 * 1024;

/** A POST's body as text (cut at MAX_BODY): the token endpoint and the SAML ACS read their form. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (req.method !== 'POST') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (body.length < MAX_BODY) body += chunk.slice(0, MAX_BODY - body.length);
    });
    req.on('end', () => resolve(body));
    req.on('error', () => resolve(undefined));
  });
}

function handle(ports: Ports) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void readBody(req).then((body) => answer(req, res, ports, body));
  };
}

function answer(req: IncomingMessage, res: ServerResponse, ports: Ports, body: string | undefined): void {
  try {
    const context = contextFor(req, ports);
    const reply = route(req, body === undefined ? context : { ...context, body });
    for (const [name, value] of reply.headers) res.appendHeader(name, value);
    res.statusCode = reply.status;
    res.end(reply.body);
  } catch (error) {
    // A bug in one handler must not take the demo down.
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Demo server error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Listens on `port`, or on any free port when that one is taken and `fallback` is set. */
async function listenWithFallback(
  server: Server,
  port: number,
  host: string,
  fallback: boolean,
): Promise<number> {
  try {
    return await listen(server, port, host);
  } catch (error) {
    if (!fallback || port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return listen(server, 0, host);
  }
}

const browsable = (host: string): string =>
  host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

/** Starts the demo. A busy `port` is an error (the caller may retry); the second origin falls back freely. */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const ports: Ports = { main: 0, other: 0, host: browsable(host) };
  const main = createServer(handle(ports));
  const other = createServer(handle(ports));
  ports.main = await listen(main, opts.port ?? 0, host);
  try {
    // A fixed main port gets a predictable neighbour for the docs; port 0 (tests) takes any free one.
    const wanted = opts.port && ports.main < 65535 ? ports.main + 1 : 0;
    ports.other = await listenWithFallback(other, wanted, host, true);
  } catch (error) {
    main.close();
    throw error;
  }
  const origin = `http://${ports.host}:${ports.main}`;
  const otherOrigin = `http://${ports.host}:${ports.other}`;
  const stop = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    origin,
    otherOrigin,
    scenarios: SCENARIOS,
    urlOf: (s) => (s.side === 'other' ? otherOrigin : origin) + s.path,
    close: async () => {
      await Promise.all([stop(main), stop(other)]);
    },
  };
}
