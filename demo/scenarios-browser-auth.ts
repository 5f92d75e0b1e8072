// Schemes the browser answers itself (Basic, Digest, NTLM, Negotiate). A fetch() that meets one can hang
// or close headless Chromium (INTERNALS.md "Browser facts"), so pages set these off with iframes or links.
import { randomBytes } from 'node:crypto';
import { reply, type Expectation, type Reply, type Scenario } from './scenario-types';

const wa = (value: string): [string, string] => ['WWW-Authenticate', value];
const frame = (scheme: string): Expectation => ({ status: 401, scheme, type: 'sub_frame', method: 'GET' });
const IIS: [string, string][] = [
  ['Server', 'Microsoft-IIS/10.0'],
  ['X-Powered-By', 'ASP.NET'],
];
const APACHE_401 =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1><p>This server could not verify that you are authorized to access the document requested.</p></body></html>';

function iisPage(code: string, text: string): string {
  return `<!DOCTYPE html><html><head><title>401 - Unauthorized: Access is denied due to invalid credentials.</title></head><body><div id="header"><h1>Server Error</h1></div><h2>HTTP Error ${code} - Unauthorized</h2><h3>${text}</h3></body></html>`;
}

/** RFC 7616 §3.9.1: one challenge per algorithm, preferred first, each with its own fresh nonce. */
function digest(stale: boolean): Reply {
  const challenge = (algorithm: string) =>
    `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="${randomBytes(24).toString('base64')}", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"${stale ? ', stale=true' : ''}`;
  return reply(
    401,
    [wa(challenge('SHA-256')), wa(challenge('MD5'))],
    '<h1>401 Digest authentication required</h1>',
  );
}

export const BROWSER_AUTH_SCENARIOS: Scenario[] = [
  {
    id: 'basic-utf8',
    title: 'Basic with charset="UTF-8"',
    summary:
      'An iframe meets a Basic challenge that announces UTF-8 user names and passwords (RFC 7617 §2.1).',
    path: '/auth/basic',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Basic'),
    respond: () =>
      reply(401, [wa('Basic realm="Demo area", charset="UTF-8"')], '<h1>401 Authorization Required</h1>'),
  },
  {
    id: 'basic-navigation',
    title: 'Basic on a whole page',
    summary:
      'A link opens a page behind Basic; the browser shows its own sign-in prompt (headless browsers fail the navigation instead).',
    path: '/auth/basic-page',
    side: 'main',
    trigger: { kind: 'navigate' },
    expect: { status: 401, scheme: 'Basic', type: 'main_frame', method: 'GET' },
    manual: true,
    respond: () =>
      reply(401, [wa('Basic realm="Demo area", charset="UTF-8"')], '<h1>401 Authorization Required</h1>'),
  },
  {
    id: 'digest',
    title: 'Digest: SHA-256 and MD5',
    summary:
      'An iframe meets two Digest challenges, SHA-256 first and MD5 for older clients, as in the RFC 7616 §3.9.1 example.',
    path: '/auth/digest',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Digest'),
    respond: () => digest(false),
  },
  {
    id: 'digest-stale',
    title: 'Digest: stale nonce',
    summary:
      'The Digest challenges carry stale=true: the password was right, only the nonce expired, so the client may retry silently (RFC 7616 §3.3).',
    path: '/auth/digest-stale',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Digest'),
    respond: () => digest(true),
  },
  {
    id: 'iis-negotiate-ntlm',
    title: 'IIS: Negotiate and NTLM',
    summary:
      'An IIS intranet site with Windows authentication offers Negotiate then NTLM in two header fields.',
    path: '/iis/intranet/',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Negotiate'),
    respond: () =>
      reply(
        401,
        [wa('Negotiate'), wa('NTLM'), ...IIS],
        iisPage('401.2', 'You are not authorized to view this page due to invalid authentication headers.'),
      ),
  },
  {
    id: 'iis-401-1',
    title: 'IIS 401.1: logon failed',
    summary:
      'The IIS error page for rejected Windows credentials (401.1), offering Negotiate, NTLM and Basic.',
    path: '/iis/logon-failed/',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Negotiate'),
    respond: () =>
      reply(
        401,
        [wa('Negotiate'), wa('NTLM'), wa('Basic realm="intranet.example.com"'), ...IIS],
        iisPage(
          '401.1',
          'You do not have permission to view this directory or page using the credentials that you supplied.',
        ),
      ),
  },
  {
    id: 'wp-admin-htaccess',
    title: 'WordPress wp-admin behind .htaccess',
    summary:
      'An Apache .htaccess (AuthType Basic) guards /wp-admin/, so the browser asks for a server password before WordPress sees anything.',
    path: '/wp-admin/',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Basic'),
    respond: () =>
      reply(
        401,
        [wa('Basic realm="Restricted area"'), ['Server', 'Apache']],
        APACHE_401,
        'text/html; charset=iso-8859-1',
      ),
  },
  {
    id: 'hostile-realm',
    title: 'Hostile realm',
    summary:
      'The realm is HTML with an onerror handler; a tool that shows it must print it as text, never run it.',
    path: '/auth/hostile',
    side: 'main',
    trigger: { kind: 'iframe' },
    expect: frame('Basic'),
    respond: () => reply(401, [wa('Basic realm="<img src=x onerror=alert(1)>"')], '<h1>401</h1>'),
  },
];
