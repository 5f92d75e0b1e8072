// The bench's local server: a page with 300 subresources (images, async scripts, fetches), each
// answered instantly or after `d` ms, never cacheable; and a Bearer 401 endpoint for the burst.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SUBRESOURCES = { images: 100, scripts: 100, fetches: 100 };

// A 1×1 transparent GIF.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const NO_STORE = { 'Cache-Control': 'no-store' };

/** The load page: `window.__done` resolves with ms since navigation start when all 300 have finished. */
function loadPage(query: string): string {
  const total = SUBRESOURCES.images + SUBRESOURCES.scripts + SUBRESOURCES.fetches;
  const parts = [
    `<script>let left=${total};window.__done=new Promise(r=>{window.__tick=()=>{if(--left===0)r(performance.now())}})</script>`,
  ];
  for (let i = 0; i < SUBRESOURCES.images; i++)
    parts.push(`<img src="/img.gif?${query}&i=${i}" onload="__tick()" onerror="__tick()">`);
  for (let i = 0; i < SUBRESOURCES.scripts; i++)
    parts.push(`<script async src="/s.js?${query}&i=${i}" onload="__tick()" onerror="__tick()"></script>`);
  parts.push(
    `<script>for(let i=0;i<${SUBRESOURCES.fetches};i++)fetch('/api?${query}&i='+i).then(r=>r.text()).finally(__tick)</script>`,
  );
  return `<!doctype html><meta charset="utf-8"><title>bench</title>${parts.join('')}`;
}

/**
 * The burst page: `n` fetches to a Bearer 401 endpoint, 64 in flight at a time (2,000 at once makes
 * Chromium fail some with ERR_INSUFFICIENT_RESOURCES); `window.__burst` resolves with [ms, failures].
 */
function burstPage(n: number): string {
  return `<!doctype html><script>let next=0,failed=0;const lane=async()=>{while(next<${n}){const i=next++;await fetch('/401?i='+i).catch(()=>failed++)}};window.__burst=Promise.all(Array.from({length:64},lane)).then(()=>[performance.now(),failed])</script>`;
}

function answer(url: URL, res: import('node:http').ServerResponse): void {
  const path = url.pathname;
  if (path === '/page') {
    res.writeHead(200, { ...NO_STORE, 'Content-Type': 'text/html' }).end(loadPage(url.search.slice(1)));
  } else if (path === '/burst') {
    res
      .writeHead(200, { ...NO_STORE, 'Content-Type': 'text/html' })
      .end(burstPage(Number(url.searchParams.get('n'))));
  } else if (path === '/img.gif') res.writeHead(200, { ...NO_STORE, 'Content-Type': 'image/gif' }).end(GIF);
  else if (path === '/s.js')
    res.writeHead(200, { ...NO_STORE, 'Content-Type': 'text/javascript' }).end('void 0');
  else if (path === '/api') res.writeHead(200, { ...NO_STORE, 'Content-Type': 'application/json' }).end('{}');
  else if (path === '/401')
    res.writeHead(401, { ...NO_STORE, 'WWW-Authenticate': 'Bearer realm="bench"' }).end();
  else res.writeHead(404).end();
}

/** Starts the server; subresources wait `d` ms (query parameter) before answering. */
export function startBenchServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const delay = url.pathname === '/page' ? 0 : Number(url.searchParams.get('d') ?? 0);
    if (delay > 0) setTimeout(() => answer(url, res), delay);
    else answer(url, res);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}
