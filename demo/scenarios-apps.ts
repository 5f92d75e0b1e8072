// Application-shaped 401s: apps without a challenge, WordPress, sessions, CORS, redirects and
// subresources (images, scripts, cross-origin embeds).
import { json, reply, type Scenario } from './scenario-types';
import { FAKE_TOKEN } from './scenarios-bearer';

const wa = (value: string): [string, string] => ['WWW-Authenticate', value];
const ANY_ORIGIN: [string, string] = ['Access-Control-Allow-Origin', '*'];

export const APP_SCENARIOS: Scenario[] = [
  {
    id: 'no-challenge',
    title: '401 without WWW-Authenticate',
    summary:
      'A JSON app answers 401 with no challenge at all, which keeps the browser from prompting but breaks RFC 9110 §15.5.2.',
    path: '/api/no-challenge',
    side: 'main',
    trigger: { kind: 'fetch' },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [], { error: 'unauthorized' }),
  },
  {
    id: 'wp-rest-not-logged-in',
    title: 'WordPress REST API: not logged in',
    summary:
      'The WordPress REST API answers rest_not_logged_in because the request carried no cookie nonce or application password.',
    path: '/wp-json/wp/v2/users/me',
    side: 'main',
    trigger: { kind: 'fetch' },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    respond: (_req, ctx) =>
      json(
        401,
        [
          ['Server', 'Apache'],
          ['X-Powered-By', 'PHP/8.2'],
          ['Link', `<${ctx.origin}/wp-json/>; rel="https://api.w.org/"`],
          ['X-Content-Type-Options', 'nosniff'],
          ['Access-Control-Expose-Headers', 'X-WP-Total, X-WP-TotalPages, Link'],
          ['Allow', 'GET'],
        ],
        { code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } },
      ),
  },
  {
    id: 'session-expired',
    title: 'Session expired',
    summary:
      'The page holds a session cookie; the server answers 401 and clears it with Set-Cookie: session=; Max-Age=0.',
    path: '/api/session',
    side: 'main',
    trigger: { kind: 'fetch', cookie: 'session=demo-session-not-secret' },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    respond: () =>
      json(401, [['Set-Cookie', 'session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax']], {
        error: 'session_expired',
      }),
  },
  {
    id: 'cors-preflight',
    title: 'CORS preflight answered 401',
    summary:
      'A cross-origin fetch with a custom header needs a preflight; the second origin demands auth on OPTIONS too, so the real request never leaves.',
    path: '/api/cors/data',
    side: 'other',
    trigger: { kind: 'fetch', headers: { 'X-Demo-Client': '401-inspector-demo' } },
    // Chromium reports the preflight as type xmlhttprequest; it is visible because the extension observes
    // fetch/XHR with extraHeaders (src/background/listeners.ts).
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'OPTIONS' },
    // Fetch §4.8: a preflight never carries credentials, so an auth check on OPTIONS always fails it.
    respond: (req) =>
      req.method === 'OPTIONS'
        ? json(401, [wa('Bearer realm="api"')], { error: 'unauthorized' })
        : json(200, [ANY_ORIGIN], { data: 'public' }),
  },
  {
    id: 'redirect-drops-auth',
    title: 'Cross-origin redirect drops Authorization',
    summary:
      'The page fetches with a token; a 302 sends it to the second origin and the browser drops Authorization on the way (Fetch §4.4), so that origin answers 401.',
    path: '/api/redirect/landing',
    side: 'other',
    trigger: {
      kind: 'fetch',
      via: '/api/redirect/start',
      headers: { Authorization: `Bearer ${FAKE_TOKEN}` },
    },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: (req) => {
      const cors: [string, string][] = [ANY_ORIGIN, ['Access-Control-Allow-Headers', 'Authorization']];
      if (req.method === 'OPTIONS') return reply(204, cors, '');
      if (req.headers.authorization) return json(200, cors, { me: 'demo' });
      return json(401, [...cors, wa('Bearer realm="api"')], { error: 'unauthorized' });
    },
  },
  {
    id: 'iframe-embed',
    title: 'Cross-origin iframe',
    summary:
      'A widget embedded from the second origin answers 401 inside its iframe, where no sign-in prompt can appear.',
    path: '/embed/widget',
    side: 'other',
    trigger: { kind: 'iframe' },
    expect: { status: 401, scheme: 'Bearer', type: 'sub_frame', method: 'GET' },
    respond: () => reply(401, [wa('Bearer realm="embed"')], '<p>Sign in to see this widget.</p>'),
  },
  {
    id: 'image-401',
    title: 'Image behind auth',
    summary:
      'An <img> points at a protected image; the browser sends no token for images, so it gets a 401 and shows a broken image.',
    path: '/img/private.png',
    side: 'main',
    trigger: { kind: 'img' },
    expect: { status: 401, scheme: 'Bearer', type: 'image', method: 'GET', visibility: 'opt-in-types' },
    respond: () => reply(401, [wa('Bearer realm="media"')], 'Unauthorized', 'text/plain; charset=utf-8'),
  },
  {
    id: 'script-401',
    title: 'Script behind auth',
    summary:
      'A <script src> points at a protected file; the 401 means the script never runs and the page breaks quietly.',
    path: '/js/private.js',
    side: 'main',
    trigger: { kind: 'script' },
    expect: { status: 401, scheme: 'Bearer', type: 'script', method: 'GET', visibility: 'opt-in-types' },
    respond: () => reply(401, [wa('Bearer realm="static"')], 'Unauthorized', 'text/plain; charset=utf-8'),
  },
];
