// A demo OpenID Connect provider and the app that signs in with it, on the demo's own origin, so a
// sign-in flow runs end to end: authorize (302 back with a code, or with error=) → the app's callback
// page → the token endpoint (fetch from the page, as a public client with PKCE would; one app sends a
// client secret) → the app's API, whose 401 the popup shows next to the flow (src/core/flow). The token
// endpoint answers RFC 6749 §5.2 JSON errors, which the DevTools panel reads. Codes, tokens and
// secrets are fake, never secrets.
import type { IncomingMessage } from 'node:http';
import { json, reply, type Reply, type RouteContext } from './scenario-types';

/** Which API the callback page calls afterwards, by the `state` the app sent (not kept by the extension). */
const API_BY_STATE: Record<string, string> = {
  orders: '/api/idp/orders',
  profile: '/api/idp/profile',
  account: '/api/idp/account',
  billing: '/api/idp/billing',
};

/** The billing app is a confidential client whose secret was rotated at the provider (RFC 6749 §2.3.1). */
const CLIENT_SECRET = 'current-secret-not-secret';
const STALE_CLIENT_AUTH = `Basic ${Buffer.from('billing-app:old-secret-not-secret').toString('base64')}`;

const query = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://demo.invalid').searchParams;

/** RFC 6749 §4.1.1 / §4.1.2: checks the request, sends the browser back with a code or an error. */
function authorize(req: IncomingMessage): Reply {
  const q = query(req);
  const state = q.get('state') ?? '';
  const back = new URLSearchParams({ state });
  if (q.get('response_type') !== 'code') {
    back.set('error', 'unsupported_response_type');
  } else if (q.get('deny')) {
    // The user pressed "Cancel" on the consent screen (RFC 6749 §4.1.2.1 access_denied).
    back.set('error', 'access_denied');
    back.set('error_description', 'The user declined to grant access to Demo App.');
  } else {
    back.set('code', state === 'account' ? 'demo-code-expired' : 'demo-code-not-secret');
  }
  return reply(302, [['Location', `/app/callback?${back}`]], '', 'text/plain; charset=utf-8');
}

/** The app's redirect_uri: exchanges the code (if any) and calls its API, as a single-page app does. */
function callback(): Reply {
  const script = `const p = new URLSearchParams(location.search);
const api = ${JSON.stringify(API_BY_STATE)}[p.get('state')] || '/api/idp/profile';
(async () => {
  let token;
  if (p.get('code')) {
    // The demo token endpoint reads which case to play from its query (the demo server reads no bodies).
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    // client_secret_basic (RFC 6749 §2.3.1) for the confidential billing app, with its old secret.
    if (p.get('state') === 'billing') headers.Authorization = ${JSON.stringify(STALE_CLIENT_AUTH)};
    const r = await fetch('/idp/token', {
      method: 'POST',
      headers,
      // credentials 'omit': the 401 Basic of invalid_client must not make the browser prompt.
      credentials: 'omit',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: p.get('code'), client_id: 'demo-app', redirect_uri: '/app/callback' }),
    });
    if (r.ok) token = (await r.json()).access_token;
  }
  await fetch(api, token ? { headers: { Authorization: 'Bearer ' + token } } : {}).catch(() => undefined);
  document.body.dataset.done = 'yes';
})();`;
  return reply(
    200,
    [['Cache-Control', 'no-store']],
    `<!DOCTYPE html><title>Demo App: signing in…</title><p>Signing in…</p><script>${script}</script>`,
  );
}

/** The client secret sent with HTTP Basic (RFC 6749 §2.3.1), if any. */
function basicSecret(req: IncomingMessage): string | undefined {
  const auth = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!auth?.[1]) return undefined;
  const decoded = Buffer.from(auth[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/**
 * RFC 6749 §4.1.3 / §5.2, reading the posted form: a fake token; 400 invalid_request without a code,
 * 400 invalid_grant for an expired code, 401 invalid_client with a Basic challenge for a wrong secret
 * (§5.2: the client tried HTTP Basic, so the answer is 401 and says how to authenticate).
 */
function token(req: IncomingMessage, ctx: RouteContext): Reply {
  // RFC 6749 §5.1: no-store on answers that carry a token. Errors carry none and go without it here:
  // Chromium's DevTools cannot read a no-store fetch body (INTERNALS.md), and the demo shows the panel
  // naming the error; a provider that marks its errors no-store gets the status-only flow.
  const headers: [string, string][] = [];
  const noStore: [string, string][] = [
    ['Cache-Control', 'no-store'],
    ['Pragma', 'no-cache'],
  ];
  if (req.method !== 'POST') return json(405, headers, { error: 'invalid_request' });
  const form = new URLSearchParams(ctx.body ?? '');
  const secret = basicSecret(req);
  if (secret !== undefined && secret !== CLIENT_SECRET)
    return json(401, [...headers, ['WWW-Authenticate', 'Basic realm="demo-idp"']], {
      error: 'invalid_client',
      error_description: 'Client authentication failed: the client secret is not valid for billing-app.',
    });
  if (form.get('grant_type') !== 'authorization_code' || !form.get('code'))
    return json(400, headers, {
      error: 'invalid_request',
      error_description: 'grant_type=authorization_code and code are required.',
    });
  if (form.get('code') === 'demo-code-expired')
    return json(400, headers, {
      error: 'invalid_grant',
      error_description: 'The authorization code has expired.',
    });
  return json(200, noStore, { access_token: 'demo-token-not-secret', token_type: 'Bearer', expires_in: 300 });
}

/** Routes of the provider and the app's callback (merged into demo/routes.ts). */
export const IDP_ROUTES: Record<string, (req: IncomingMessage, ctx: RouteContext) => Reply> = {
  '/idp/authorize': authorize,
  '/app/callback': callback,
  '/idp/token': token,
};
