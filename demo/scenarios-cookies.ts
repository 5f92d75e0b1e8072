// Scenarios where the browser holds the sign-in cookie and still sends none (src/core/cookies): a
// cookie scoped to another path, one deleted just before the request, and a cross-origin fetch that
// does not ask for cookies. Each cookie has its own path, so it never rides along with other scenarios.
// SameSite, Secure-over-http, CHIPS and third-party blocking need other sites or https; they are
// checked with real cookies in tests/e2e/cookies.spec.ts. One more where the browser never held the
// cookie: the sign-in response's Set-Cookie is refused (tests/e2e/set-cookie.spec.ts has the rest).
import { json, reply, type Scenario } from './scenario-types';

const REFUSED_PATH = '/api/cookie/refused';

/** A session-cookie app's 401: no challenge (the app has its own sign-in page), a JSON error. */
const notSignedIn = () => json(401, [], { error: 'not_signed_in' });

export const COOKIE_SCENARIOS: Scenario[] = [
  {
    id: 'cookie-no-credentials',
    title: 'Cookie: cross-origin fetch without credentials',
    summary:
      "The page holds a session cookie for this host and calls its API on the second origin with a plain fetch(): without credentials: 'include' the browser sends no cookie to another origin (Fetch, credentials mode).",
    path: '/api/cookie/no-credentials',
    side: 'other',
    trigger: {
      kind: 'fetch',
      cookie: 'demo_session_api=demo-not-secret',
      cookiePath: '/api/cookie/no-credentials',
    },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    // CORS lets the app read the answer (without Allow-Credentials: the app sent no credentials anyway).
    respond: (_req, ctx) =>
      json(401, [['Access-Control-Allow-Origin', ctx.origin]], { error: 'not_signed_in' }),
  },
  {
    id: 'cookie-path',
    title: 'Cookie: scoped to another path',
    summary:
      'The session cookie was set with Path=/account, so the browser does not send it to /api/cookie/path-scoped (RFC 6265 §5.1.4 path match).',
    path: '/api/cookie/path-scoped',
    side: 'main',
    trigger: { kind: 'fetch', cookie: 'demo_session_path=demo-not-secret', cookiePath: '/account' },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    respond: notSignedIn,
  },
  {
    id: 'cookie-deleted',
    title: 'Cookie: deleted just before the request',
    summary:
      'A script deletes the session cookie right before the API call (as a sign-out in another tab would): the browser reports the removal, and the request goes without it.',
    path: '/api/cookie/deleted',
    side: 'main',
    trigger: {
      kind: 'fetch',
      cookie: 'demo_session_gone=demo-not-secret',
      cookiePath: '/api/cookie/deleted',
      cookieGone: true,
    },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    respond: notSignedIn,
  },
  {
    id: 'cookie-refused',
    title: 'Cookie: refused when the server set it',
    summary:
      'The sign-in step answers with Set-Cookie: demo_session_refused=…; SameSite=None but no Secure, which browsers refuse, then redirects to the API, which answers 401: the session never started. Run twice: a host is watched in full from its first 401 on, and Chromium shows Set-Cookie only then.',
    path: REFUSED_PATH,
    side: 'main',
    trigger: { kind: 'fetch', query: '?step=sign-in', times: 2, interval: 300 },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET', count: 2 },
    respond: (req) =>
      new URL(req.url ?? '/', 'http://demo.invalid').searchParams.get('step') === 'sign-in'
        ? reply(
            302,
            [
              ['Set-Cookie', `demo_session_refused=demo-not-secret; Path=${REFUSED_PATH}; SameSite=None`],
              ['Location', REFUSED_PATH],
            ],
            '',
            'text/plain; charset=utf-8',
          )
        : notSignedIn(),
  },
];
