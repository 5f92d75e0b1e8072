import { describe, it } from 'vitest';
import { ch, challenges, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);
const digest = (params: Record<string, string>) =>
  ch('Digest', {
    realm: 'files@example.org',
    nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
    opaque: '5ccc069c403ebaf9f0171e9517f40e41',
    ...params,
  });
const page = {
  url: 'https://files.example.org/private/report.pdf',
  type: 'main_frame',
  initiator: undefined,
};

const digestCases: DiagnosisCase[] = [
  {
    name: 'apache-digest-stale-nonce (browser retries by itself)',
    event: makeEvent({ ...page, ...www(digest({ qop: 'auth', stale: 'TRUE' })) }),
    expect: [{ id: 'digest-stale', kind: 'info', detail: 'detail' }],
  },
  {
    name: 'digest-stale-again-and-again',
    event: makeEvent({ ...page, time: T, ...www(digest({ qop: 'auth', stale: 'true' })) }),
    history: [
      makeEvent({ ...page, time: T - 20_000, ...www(digest({ qop: 'auth', stale: 'true' })) }),
      makeEvent({ ...page, time: T - 10_000, ...www(digest({ qop: 'auth', stale: 'true' })) }),
    ],
    expect: [{ id: 'digest-stale', kind: 'server-bug', detail: 'detail_repeated', args: ['3'] }],
  },
  {
    name: 'digest-sha-512-256-only',
    event: makeEvent({ ...page, ...www(digest({ qop: 'auth', algorithm: 'SHA-512-256' })) }),
    expect: [{ id: 'digest-unsupported-algorithm', kind: 'cause', args: ['SHA-512-256'] }],
  },
  {
    name: 'digest-sha-512-256-with-md5-fallback',
    event: makeEvent({
      ...page,
      ...www(digest({ qop: 'auth', algorithm: 'SHA-512-256' }), digest({ qop: 'auth', algorithm: 'MD5' })),
    }),
    expect: [{ id: 'nothing-sent', kind: 'info', detail: 'detail_handshake' }],
    absent: ['digest-unsupported-algorithm'],
  },
  {
    name: 'digest-auth-int-only',
    event: makeEvent({ ...page, ...www(digest({ qop: 'auth-int', algorithm: 'SHA-256' })) }),
    expect: [{ id: 'digest-unsupported-qop', kind: 'cause', args: ['auth-int'] }],
    absent: ['digest-unsupported-algorithm'],
  },
  {
    name: 'digest-auth-or-auth-int',
    event: makeEvent({ ...page, ...www(digest({ qop: 'auth,auth-int' })) }),
    expect: [],
    absent: ['digest-unsupported-qop'],
  },
  {
    name: 'digest-userhash',
    event: makeEvent({ ...page, ...www(digest({ qop: 'auth', algorithm: 'SHA-256', userhash: 'true' })) }),
    expect: [{ id: 'digest-userhash', kind: 'possible-cause' }],
  },
];

const iis = { server: 'Microsoft-IIS/10.0', poweredBy: 'ASP.NET' };

const windowsCases: DiagnosisCase[] = [
  {
    name: 'iis-ntlm-intranet',
    event: makeEvent({
      url: 'http://intranet/sites/hr/default.aspx',
      type: 'main_frame',
      ...www(ch('Negotiate'), ch('NTLM')),
      credentials: { browserAuth: { scheme: 'negotiate', isProxy: false } },
      response: iis,
    }),
    expect: [
      { id: 'windows-integrated-auth', kind: 'info', detail: 'detail_intranet', args: ['intranet'] },
      { id: 'iis-server', kind: 'info', args: ['Microsoft-IIS/10.0'] },
    ],
    absent: ['windows-negotiate-only'],
  },
  {
    name: 'sharepoint-ntlm-fqdn-not-allow-listed',
    event: makeEvent({
      url: 'https://sharepoint.corp.example.com/sites/finance',
      type: 'main_frame',
      ...www(ch('NTLM')),
      response: iis,
    }),
    expect: [
      {
        id: 'windows-integrated-auth',
        kind: 'possible-cause',
        detail: 'detail',
        args: ['sharepoint.corp.example.com'],
      },
    ],
  },
  {
    name: 'ntlm-type-2-message-mid-handshake',
    event: makeEvent({
      url: 'http://intranet/',
      type: 'main_frame',
      ...www(ch('NTLM', {}, 'TlRMTVNTUAACAAAADAAMADgAAAAFgomi')),
      response: iis,
    }),
    expect: [{ id: 'windows-integrated-auth', kind: 'info', detail: 'detail_handshake' }],
  },
  {
    name: 'kerberos-only-on-linux',
    event: makeEvent({ url: 'https://wiki.corp.example.com/', type: 'main_frame', ...www(ch('Negotiate')) }),
    context: { platform: 'linux' },
    expect: [{ id: 'windows-negotiate-only', kind: 'possible-cause', detail: 'detail' }],
  },
  {
    name: 'kerberos-only-platform-unknown',
    event: makeEvent({ url: 'https://wiki.corp.example.com/', type: 'main_frame', ...www(ch('Negotiate')) }),
    expect: [{ id: 'windows-negotiate-only', kind: 'possible-cause', detail: 'detail_unknown_platform' }],
  },
  {
    name: 'kerberos-only-on-windows',
    event: makeEvent({ url: 'https://wiki.corp.example.com/', type: 'main_frame', ...www(ch('Negotiate')) }),
    context: { platform: 'windows' },
    expect: [{ id: 'windows-integrated-auth', kind: 'possible-cause' }],
    absent: ['windows-negotiate-only'],
  },
];

const squid = ch('Basic', { realm: 'Squid proxy-caching web server' });
const proxyCases: DiagnosisCase[] = [
  {
    name: 'squid-proxy-basic',
    event: makeEvent({
      url: 'https://news.example.com/',
      type: 'main_frame',
      status: 407,
      statusLine: 'HTTP/1.1 407 Proxy Authentication Required',
      ...challenges('proxy-authenticate', squid),
      credentials: {
        browserAuth: { scheme: 'basic', realm: 'Squid proxy-caching web server', isProxy: true },
      },
      response: { server: 'squid/6.10' },
    }),
    expect: [
      { id: 'proxy-credentials', kind: 'cause', detail: 'detail_prompt' },
      { id: 'status-meaning', kind: 'info', detail: 'detail_407' },
    ],
    absent: ['no-challenge', 'general-checklist', 'only-this-path', 'nothing-sent', 'not-signed-in'],
  },
  {
    name: 'proxy-password-refused',
    event: makeEvent({
      status: 407,
      ...challenges('proxy-authenticate', squid),
      credentials: { authorizationScheme: 'Basic' },
    }),
    expect: [{ id: 'proxy-credentials', kind: 'cause', detail: 'detail_rejected' }],
    absent: ['credentials-rejected'],
  },
  {
    name: 'proxy-407-without-proxy-authenticate',
    // A WWW-Authenticate on a 407 does not count: parse covers Proxy-Authenticate only (RFC 9110 §11.7.1).
    event: makeEvent({
      status: 407,
      challengeFields: [{ name: 'www-authenticate', value: 'Basic realm="wrong header"' }],
    }),
    expect: [
      { id: 'no-challenge', kind: 'server-bug', detail: 'detail_proxy' },
      { id: 'proxy-credentials', kind: 'cause', detail: 'detail' },
    ],
    absent: ['no-challenge-sign-in', 'nothing-sent'],
  },
  {
    name: 'forbidden-403-needs-no-challenge',
    event: makeEvent({ status: 403, credentials: { cookieSent: true } }),
    expect: [{ id: 'status-meaning', kind: 'info', detail: 'detail_403' }],
    absent: ['no-challenge', 'no-challenge-sign-in'],
  },
];

const preflight = {
  method: 'OPTIONS',
  url: 'https://api.example.com/v1/items',
  initiator: 'https://app.example.com',
};
const scriptCases: DiagnosisCase[] = [
  {
    name: 'spring-boot-httpbasic-default-on-spa-call',
    event: makeEvent({ ...www(ch('Basic', { realm: 'Realm' })), response: { server: 'Apache-Coyote/1.1' } }),
    expect: [{ id: 'basic-on-script', kind: 'info' }],
  },
  {
    name: 'basic-on-a-page-is-the-normal-prompt',
    event: makeEvent({ ...page, ...www(ch('Basic', { realm: 'Realm' })) }),
    expect: [],
    absent: ['basic-on-script'],
  },
];

const corsCases: DiagnosisCase[] = [
  {
    name: 'spring-security-preflight-401',
    event: makeEvent({ ...preflight, type: 'other', ...www(ch('Bearer', { realm: 'api' })) }),
    expect: [
      {
        id: 'cors-preflight',
        kind: 'server-bug',
        args: ['https://app.example.com', 'https://api.example.com'],
      },
    ],
    // Preflights never carry credentials: "nothing was sent" and "not signed in" would mislead.
    absent: ['nothing-sent', 'token-not-attached', 'no-challenge-sign-in', 'not-signed-in'],
  },
  {
    name: 'preflight-type-reported-by-firefox',
    event: makeEvent({ ...preflight, type: 'preflight' }),
    expect: [{ id: 'cors-preflight', kind: 'server-bug' }],
  },
  {
    name: 'same-origin-options-call',
    event: makeEvent({ method: 'OPTIONS', initiator: 'https://app.example.com' }),
    expect: [
      { id: 'cors-preflight', kind: 'possible-cause' },
      { id: 'nothing-sent', kind: 'cause' },
    ],
  },
  {
    name: 'get-is-not-a-preflight',
    event: makeEvent({ url: preflight.url, initiator: preflight.initiator }),
    expect: [{ id: 'status-meaning', kind: 'info', detail: 'detail_401' }],
    absent: ['cors-preflight'],
  },
];

describe('diagnose: Digest rules', () => it.each(digestCases)('$name', checkCase));
describe('diagnose: Windows integrated sign-in rules', () => it.each(windowsCases)('$name', checkCase));
describe('diagnose: proxy rules', () => it.each(proxyCases)('$name', checkCase));
describe('diagnose: challenges met by scripts', () => it.each(scriptCases)('$name', checkCase));
describe('diagnose: CORS preflight rule', () => it.each(corsCases)('$name', checkCase));
