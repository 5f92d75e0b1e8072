// Scenarios added so every diagnosis rule family has a real 401 to show (tests/e2e/diagnosis.spec.ts):
// a token refused without an error code, an algorithm no browser computes, a mistyped URL, a site name
// that resolves to this machine, and a proxy's 407 (the demo answers as a proxy when the browser uses it).
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
  {
    id: 'proxy-407',
    title: 'A proxy asks for its own sign-in (407)',
    summary:
      'Start the browser with --proxy-server=http://127.0.0.1:<demo port>: the demo then also acts as the proxy and answers this page with 407 and Proxy-Authenticate (RFC 9110 §15.5.8). From a plain web server, Chromium refuses a 407 before any extension sees it.',
    path: '/proxy/sign-in',
    side: 'main',
    trigger: { kind: 'navigate' },
    manual: true,
    expect: { status: 407, scheme: 'Basic', type: 'main_frame', method: 'GET', visibility: 'proxy' },
    respond: () =>
      reply(
        407,
        [['Proxy-Authenticate', 'Basic realm="demo-proxy"']],
        '<h1>407 Proxy Authentication Required</h1>',
      ),
  },
];
