// Facts as Chromium delivers them (seen in tests/e2e/diagnosis.spec.ts): frames carry no observable
// request headers, and the body is unread. The rules must still put the specific finding first.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose';
import { ch, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const frame = {
  type: 'sub_frame',
  credentials: { requestHeaders: 'unknown' as const, cookieSent: undefined },
};
const digest = (extra: Record<string, string> = {}) =>
  ch('Digest', { realm: 'http-auth@example.org', qop: 'auth', algorithm: 'SHA-256', nonce: 'n1', ...extra });

const cases: (DiagnosisCase & { top: string })[] = [
  {
    // A first Basic 401 in a frame is the normal start of the exchange, not a missing credential.
    name: 'basic-frame-first-401-headers-unseen',
    event: makeEvent({
      ...frame,
      url: 'https://intranet.example.com/reports/',
      ...www(ch('Basic', { realm: 'Intranet' })),
    }),
    top: 'nothing-sent',
    expect: [{ id: 'nothing-sent', kind: 'info', detail: 'detail_handshake' }],
  },
  {
    // RFC 7616 §3.3: stale=true means the server got a Digest answer with an old nonce.
    name: 'digest-stale-frame-headers-unseen',
    event: makeEvent({
      ...frame,
      url: 'https://api.example.org/dir/index.html',
      ...www(digest({ stale: 'true' })),
    }),
    top: 'digest-stale',
    expect: [{ id: 'digest-stale', kind: 'info' }],
    absent: ['nothing-sent'],
  },
  {
    name: 'iis-negotiate-ntlm-frame-headers-unseen',
    event: makeEvent({
      ...frame,
      url: 'https://intranet.example.com/',
      ...www(ch('Negotiate'), ch('NTLM')),
      response: { server: 'Microsoft-IIS/10.0' },
    }),
    top: 'windows-integrated-auth',
    // Not known to run on Windows (no platform): the automatic sign-in may not happen.
    expect: [{ id: 'windows-integrated-auth', kind: 'possible-cause' }],
    absent: ['nothing-sent'],
  },
  {
    // rest_authorization_required_code(): WordPress sends 401 only to a logged-out user.
    name: 'wordpress-rest-401-announced-by-link-header',
    event: makeEvent({
      url: 'https://blog.example.com/wp-json/wp/v2/users/me',
      initiator: 'https://blog.example.com',
      credentials: { requestHeaders: 'seen', cookieSent: undefined },
      response: { server: 'Apache', wpApiLink: true, contentType: 'application/json; charset=UTF-8' },
    }),
    top: 'wp-rest-not-logged-in',
    expect: [{ id: 'wp-rest-not-logged-in', kind: 'cause' }],
  },
];

describe('diagnosis on the facts Chromium shows', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await checkCase(c);
    expect(diagnose(c.event, [])[0]?.id).toBe(c.top);
  });
});
