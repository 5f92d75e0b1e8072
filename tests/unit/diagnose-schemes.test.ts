import { describe, it } from 'vitest';
import { ch, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

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
      { id: 'served-by', kind: 'info', detail: 'detail_iis', args: ['Server: Microsoft-IIS/10.0'] },
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
    // The token is cut after its flags: windows-token says it cannot be decoded.
    expect: [{ id: 'windows-token', kind: 'info', detail: 'detail_unreadable', args: ['ntlm-truncated'] }],
    absent: ['windows-integrated-auth'],
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

describe('diagnose: Digest rules', () => it.each(digestCases)('$name', checkCase));
describe('diagnose: Windows integrated sign-in rules', () => it.each(windowsCases)('$name', checkCase));

const errorCases: DiagnosisCase[] = [
  {
    name: 'kerberos-without-ticket-missing-credentials',
    event: makeEvent({ ...page, ...www(ch('Negotiate')), error: 'net::ERR_MISSING_AUTH_CREDENTIALS' }),
    expect: [
      {
        id: 'browser-auth-error',
        kind: 'cause',
        detail: 'detail_missing_credentials',
        args: ['net::ERR_MISSING_AUTH_CREDENTIALS'],
      },
    ],
  },
  {
    name: 'frame-basic-no-prompt-invalid-credentials',
    event: makeEvent({
      ...page,
      type: 'sub_frame',
      ...www(ch('Basic')),
      error: 'net::ERR_INVALID_AUTH_CREDENTIALS',
    }),
    expect: [{ id: 'browser-auth-error', kind: 'possible-cause', detail: 'detail_invalid_credentials' }],
  },
  {
    name: 'unknown-auth-error-is-shown-as-sent',
    event: makeEvent({ ...page, error: 'NS_ERROR_AUTH_FAILED' }),
    expect: [{ id: 'browser-auth-error', kind: 'info', detail: 'detail', args: ['NS_ERROR_AUTH_FAILED'] }],
  },
  {
    name: 'page-left-aborted-is-not-an-auth-error',
    event: makeEvent({ ...page, error: 'net::ERR_ABORTED' }),
    expect: [],
    absent: ['browser-auth-error'],
  },
];

describe('diagnose: browser auth errors', () => it.each(errorCases)('$name', checkCase));
