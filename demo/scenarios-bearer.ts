// Token APIs: RFC 6750 Bearer errors, RFC 9449 DPoP, and challenges a parser must survive.
// All are met by fetch(): Chromium cannot answer these schemes itself, so no prompt and no hang.
import { json, type Scenario } from './scenario-types';

/** A fake, expired, JWT-shaped token ({"sub":"demo","exp":1700000000}); the signature says so. */
export const FAKE_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1vIiwiZXhwIjoxNzAwMDAwMDAwfQ.ZGVtby1ub3Qtc2VjcmV0';
export const FAKE_TOKEN = 'demo-token-not-secret';

const wa = (value: string): [string, string] => ['WWW-Authenticate', value];
const bearer = { Authorization: `Bearer ${FAKE_TOKEN}` };
const xhr = (scheme: string | undefined, count?: number) =>
  ({ status: 401, scheme, type: 'xmlhttprequest', method: 'GET', count }) as const;

export const BEARER_SCENARIOS: Scenario[] = [
  {
    id: 'bearer-invalid-token',
    title: 'Bearer: expired token',
    summary: 'The page sends an expired JWT; the API answers 401 with error="invalid_token" (RFC 6750 §3.1).',
    path: '/api/bearer/invalid-token',
    side: 'main',
    trigger: { kind: 'fetch', headers: { Authorization: `Bearer ${FAKE_JWT}` } },
    expect: xhr('Bearer'),
    // Spring Security's wording for an expired JWT.
    respond: () =>
      json(
        401,
        [
          wa(
            'Bearer realm="demo", error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Jwt expired at 2023-11-14T22:13:20Z", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"',
          ),
        ],
        { error: 'invalid_token' },
      ),
  },
  {
    id: 'bearer-insufficient-scope',
    title: 'Bearer: insufficient_scope on a 401',
    summary:
      'The token is valid but lacks a scope; RFC 6750 §3.1 says that is a 403, yet this API answers 401.',
    path: '/api/bearer/insufficient-scope',
    side: 'main',
    trigger: { kind: 'fetch', headers: bearer },
    expect: xhr('Bearer'),
    respond: () =>
      json(401, [wa('Bearer realm="demo", error="insufficient_scope", scope="admin:write"')], {
        error: 'insufficient_scope',
      }),
  },
  {
    id: 'bearer-invalid-request',
    title: 'Bearer: invalid_request',
    summary:
      'The page sends the token twice (header and ?access_token=); RFC 6750 §3.1 calls that invalid_request (a 400), sent here as 401.',
    path: '/api/bearer/invalid-request',
    side: 'main',
    trigger: { kind: 'fetch', headers: bearer, query: `?access_token=${FAKE_TOKEN}` },
    expect: xhr('Bearer'),
    respond: () =>
      json(
        401,
        [
          wa(
            'Bearer realm="demo", error="invalid_request", error_description="More than one method used to send the access token"',
          ),
        ],
        { error: 'invalid_request' },
      ),
  },
  {
    id: 'json-api-bearer',
    title: 'JSON API without a token',
    summary:
      'The page calls a JSON API without credentials; it answers 401 with a bare Bearer challenge (no error code, RFC 6750 §3).',
    path: '/api/v1/me',
    side: 'main',
    trigger: { kind: 'fetch' },
    expect: xhr('Bearer'),
    respond: () => json(401, [wa('Bearer realm="api"')], { message: 'Authentication required' }),
  },
  {
    id: 'rate-limited',
    title: 'Too many attempts (Retry-After)',
    summary:
      'After repeated failures the API still answers 401 but adds Retry-After: 60, so retrying now is pointless.',
    path: '/api/rate-limited',
    side: 'main',
    trigger: { kind: 'fetch', headers: bearer },
    expect: xhr('Bearer'),
    respond: () =>
      json(
        401,
        [
          wa('Bearer realm="demo", error="invalid_token", error_description="Too many failed attempts"'),
          ['Retry-After', '60'],
        ],
        { error: 'invalid_token', retry_after: 60 },
      ),
  },
  {
    id: 'dpop-nonce',
    title: 'DPoP: server nonce required',
    summary:
      'The page sends a DPoP-bound token; the resource server wants its own nonce in the proof (RFC 9449 §9) and sends one in DPoP-Nonce.',
    path: '/api/dpop',
    side: 'main',
    trigger: {
      kind: 'fetch',
      headers: { Authorization: `DPoP ${FAKE_TOKEN}`, DPoP: 'demo-proof-not-secret' },
    },
    expect: xhr('DPoP'),
    respond: () =>
      json(
        401,
        [
          wa(
            'DPoP algs="ES256 PS256", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
          ),
          ['DPoP-Nonce', 'eyJ7S_zG.eyJH0-Z.HX4w-7v'],
        ],
        { error: 'use_dpop_nonce' },
      ),
  },
  {
    id: 'unknown-scheme',
    title: 'Unknown scheme',
    summary:
      'The API asks for a scheme no registry lists (X-Acme-Token), so neither the browser nor a generic client can answer.',
    path: '/api/unknown-scheme',
    side: 'main',
    trigger: { kind: 'fetch' },
    expect: xhr('X-Acme-Token'),
    respond: () => json(401, [wa('X-Acme-Token realm="acme", version="2"')], { error: 'unauthorized' }),
  },
  {
    id: 'malformed-header',
    title: 'Malformed challenge',
    summary:
      'Two broken fields: a duplicated error parameter, then an unterminated quoted string (RFC 9110 §11.2, §5.6.4).',
    path: '/api/malformed',
    side: 'main',
    trigger: { kind: 'fetch' },
    expect: xhr('Bearer'),
    respond: () =>
      json(
        401,
        [
          wa('Bearer realm="demo", error="invalid_token", error="expired_token"'),
          wa('Newauth realm="unterminated, title=x'),
        ],
        { error: 'unauthorized' },
      ),
  },
  {
    id: 'login-loop',
    title: 'Login loop',
    summary:
      'The page refetches the same URL five times within a second, as an app does when it retries a 401 forever.',
    path: '/api/loop',
    side: 'main',
    trigger: { kind: 'fetch', headers: bearer, times: 5, interval: 150 },
    expect: xhr('Bearer', 5),
    respond: () => json(401, [wa('Bearer realm="demo", error="invalid_token"')], { error: 'invalid_token' }),
  },
];
