// Real loopback servers for the capture tests: an origin with 401 endpoints that logs every request,
// and a tiny HTTP proxy that answers 407 for one path and forwards everything else.
import { createServer, request as forward, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface TestOrigin {
  origin: string;
  log: LoggedRequest[];
  close: () => void;
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** What each path answers. Fetch-level 401s use Bearer/custom schemes (platform-notes: Basic fetch can hang). */
function route(url: string, res: import('node:http').ServerResponse): void {
  const path = url.split('?')[0];
  if (path === '/api/bearer') {
    res.writeHead(401, { ...CORS, 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' });
    res.end('{"error":"invalid_token"}');
  } else if (path === '/api/logout') {
    // A session that ended: the 401 also clears the session cookie (RFC 6265 §5.2.2 Max-Age=0).
    res.writeHead(401, {
      ...CORS,
      'WWW-Authenticate': 'Bearer realm="api"',
      'Set-Cookie': 'sid=; Max-Age=0; Path=/',
    });
    res.end();
  } else if (path === '/api/session-end') {
    // A session the server ended: the 401 clears the `session` cookie (RFC 6265 §5.2.2 Max-Age=0).
    res.writeHead(401, {
      ...CORS,
      'WWW-Authenticate': 'Bearer realm="api"',
      'Set-Cookie': 'session=; Max-Age=0; Path=/',
    });
    res.end();
  } else if (path === '/api/preflight') {
    // A server that demands credentials on the CORS preflight too (Fetch §4.8: a preflight never
    // carries any), so the cross-origin call fails before it is sent.
    const status = res.req.method === 'OPTIONS' ? 401 : 200;
    res.writeHead(status, { ...CORS, 'WWW-Authenticate': 'Bearer realm="api"' });
    res.end();
  } else if (path === '/api/two') {
    // RFC 9110 §11.6.1: a server may send several fields; order is significant.
    res.writeHead(401, { ...CORS, 'WWW-Authenticate': ['Bearer realm="one"', 'Newauth realm="two"'] });
    res.end();
  } else if (path === '/basic') {
    res.writeHead(401, { ...HTML, 'WWW-Authenticate': 'Basic realm="intranet"' });
    res.end('<h1>401</h1>');
  } else if (path === '/frame') {
    res.writeHead(200, HTML);
    res.end('<h1>host</h1><iframe src="/basic"></iframe>');
  } else if (path === '/sw.js') {
    // A page's service worker: its requests belong to no tab (tabId -1, the background group).
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end("self.onmessage = (e) => e.waitUntil(fetch('/api/bearer?from=sw').catch(() => 0));");
  } else if (path === '/login') {
    res.writeHead(200, { ...HTML, 'Set-Cookie': 'session=SECRET-SESSION-789; Path=/' });
    res.end('<p>signed in</p>');
  } else if (path === '/set-cookie') {
    res.writeHead(200, { ...HTML, 'Set-Cookie': 'sid=SECRET-COOKIE-456; Path=/' });
    res.end('<p>cookie set</p>');
  } else {
    res.writeHead(200, HTML);
    res.end(`<p>${path}</p>`);
  }
}

/** Starts the origin on 127.0.0.1 with a random port. */
export function startOrigin(): Promise<TestOrigin> {
  const log: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    log.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    route(req.url ?? '/', res);
  });
  return listen(server).then((port) => ({
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => server.close(),
  }));
}

/** A forward proxy: `/proxy-auth` gets a 407 with Proxy-Authenticate, the rest is relayed. */
export function startProxy(): Promise<{ port: number; close: () => void }> {
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    if (target.pathname === '/proxy-auth') {
      res.writeHead(407, { ...HTML, 'Proxy-Authenticate': 'Basic realm="corp-proxy"' });
      res.end('<h1>407</h1>');
      return;
    }
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return listen(server).then((port) => ({ port, close: () => server.close() }));
}

function listen(server: Server): Promise<number> {
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)));
}

/**
 * A raw TCP origin for hostile responses node:http refuses to send: a 100 KB WWW-Authenticate field
 * and one with control characters.
 */
export function startHostileOrigin(): Promise<{ origin: string; close: () => void }> {
  const huge = `Bearer realm="${'A'.repeat(100_000)}"`;
  const response =
    'HTTP/1.1 401 Unauthorized\r\n' +
    `WWW-Authenticate: ${huge}\r\n` +
    'WWW-Authenticate: Newauth realm="a\x01b\x7fc\x1b[31m"\r\n' +
    'Access-Control-Allow-Origin: *\r\n' +
    'Content-Length: 0\r\nConnection: close\r\n\r\n';
  const server = createNetServer((socket) => {
    socket.once('data', () => socket.end(response, 'latin1'));
    socket.on('error', () => undefined);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}
