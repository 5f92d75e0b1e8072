// Scenarios added so every diagnosis rule family has a real 401 to show (tests/e2e/diagnosis.spec.ts):
// a token refused without an error code, an algorithm no browser computes, a mistyped URL, a site name
// that resolves to this machine, and a 403 next to a 401 for the status-meaning background.
import { json, reply, type Scenario } from './scenario-types';
import { FAKE_TOKEN } from './scenarios-bearer';

const wa = (value: string): [string, string] => ['WWW-Authenticate', value];

export const DIAGNOSIS_SCENARIOS: Scenario[] = [
  {
    id: 'bearer-rejected',
    title: 'Bearer: token refused without an error code',
    summary:
      'The page sends a token and the API answers 401 with a bare Bearer challenge: the credential went out and was not accepted (RFC 6750 §3 allows leaving error out).',
    path: '/api/bearer/rejected',
    side: 'main',
    trigger: { kind: 'fetch', headers: { Authorization: `Bearer ${FAKE_TOKEN}` } },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [wa('Bearer realm="demo"')], { error: 'unauthorized' }),
  },
  {
    id: 'digest-sha512',
    title: 'Digest: algorithm no browser computes',
    summary:
      'An iframe meets a Digest challenge for SHA-512-256 only (RFC 7616 §3.3); Chromium and Firefox compute MD5 and SHA-256, so no password can ever work here.',
    path: '/auth/digest-sha512',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: { status: 401, scheme: 'Digest', type: 'sub_frame', method: 'GET' },
    respond: () =>
      reply(
        401,
        [
          wa(
            'Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS"',
          ),
        ],
        '<h1>401 Digest authentication required</h1>',
      ),
  },
  {
    id: 'wrong-url',
    title: 'Mistyped URL (double slash)',
    summary:
      'The page builds the URL from a base ending in / and a path starting with /, so it asks /api//orders; this server protects every path it does not know.',
    path: '/api//orders',
    side: 'main',
    trigger: { kind: 'fetch', headers: { Authorization: `Bearer ${FAKE_TOKEN}` } },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [wa('Bearer realm="demo"')], { error: 'unauthorized' }),
  },
  {
    id: 'served-by-ip',
    title: 'A site name that resolves to this machine',
    summary:
      'Open this page through a public-looking name mapped to 127.0.0.1 (a hosts-file entry or VPN DNS): the 401 comes from a server on this computer, not the real site.',
    path: '/api/account',
    side: 'main',
    trigger: { kind: 'fetch', headers: { Authorization: `Bearer ${FAKE_TOKEN}` } },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [wa('Bearer realm="account"')], { error: 'unauthorized' }),
  },
];
