// Routes of the demo server: pages, the client script, a few 200s, the scenario endpoints, 404.
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { json, reply, type Reply, type RouteContext } from './scenario-types';
import { SCENARIOS, scenarioById } from './scenarios';
import { indexPage, notFoundPage, publicPage, scenarioPage } from './pages';
import { IDP_ROUTES } from './idp';
import { SAML_ROUTES } from './saml';

/** Ports of the two listeners; origins are built from the Host the browser used (localhost or 127.0.0.1). */
export interface Ports {
  main: number;
  other: number;
  host: string;
}

const CLIENT_JS = readFileSync(new URL('./public/demo.js', import.meta.url), 'utf8');
const HOSTNAME = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/;

/** The origins as the browser sees them; a Host header we do not trust falls back to the listen host. */
export function contextFor(req: IncomingMessage, ports: Ports): RouteContext {
  const fromHost = (req.headers.host ?? '').replace(/:\d+$/, '');
  const hostname = HOSTNAME.test(fromHost) ? fromHost : ports.host;
  return { origin: `http://${hostname}:${ports.main}`, otherOrigin: `http://${hostname}:${ports.other}` };
}

/** 200 routes and helpers that are not scenarios: "wrong URL" rules need something that works. */
const FIXED: Record<string, (req: IncomingMessage, ctx: RouteContext) => Reply> = {
  '/': (_req, ctx) => reply(200, [], indexPage(ctx)),
  '/demo.js': () => reply(200, [['Cache-Control', 'no-store']], CLIENT_JS, 'text/javascript; charset=utf-8'),
  '/favicon.ico': () => reply(204, [], ''),
  '/public/': () => reply(200, [], publicPage()),
  '/api/health': () => json(200, [['Access-Control-Allow-Origin', '*']], { status: 'ok' }),
  '/wp-json/': (_req, ctx) =>
    json(
      200,
      [
        ['Server', 'Apache'],
        ['X-Powered-By', 'PHP/8.2'],
        ['Link', `<${ctx.origin}/wp-json/>; rel="https://api.w.org/"`],
      ],
      {
        name: '401 Inspector demo',
        url: ctx.origin,
        namespaces: ['wp/v2'],
      },
    ),
  // First hop of redirect-drops-auth: same origin, so the page's Authorization header is sent here.
  '/api/redirect/start': (_req, ctx) =>
    reply(302, [['Location', `${ctx.otherOrigin}/api/redirect/landing`]], '', 'text/plain; charset=utf-8'),
  ...IDP_ROUTES,
  ...SAML_ROUTES,
  // `npm start` and the e2e suite fire this until the worker captures it (start-up race).
  '/canary': () =>
    reply(
      401,
      [
        ['WWW-Authenticate', 'Bearer realm="canary"'],
        ['Access-Control-Allow-Origin', '*'],
      ],
      'canary',
      'text/plain',
    ),
};

/** Answers one request; never throws for bad input (unknown paths get the 404 page). */
export function route(req: IncomingMessage, ctx: RouteContext): Reply {
  const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
  const fixed = Object.hasOwn(FIXED, path) ? FIXED[path] : undefined;
  if (fixed) return fixed(req, ctx);
  const scenario = SCENARIOS.find((s) => s.path === path);
  if (scenario) return scenario.respond(req, ctx);
  const page = /^\/s\/([a-z0-9-]+)$/.exec(path);
  const pageScenario = page?.[1] ? scenarioById(page[1]) : undefined;
  if (pageScenario) return reply(200, [['Cache-Control', 'no-store']], scenarioPage(pageScenario, ctx));
  return reply(404, [], notFoundPage(path));
}
