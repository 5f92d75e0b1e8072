// The windows-token rule on server tokens written byte by byte (tests/fixtures/windows-tokens.ts):
// the domain the server wants, NTLM fallback, Kerberos rejected, clock skew, SPN, and what it says.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose';
import { checkCase, ch, makeEvent, www, type DiagnosisCase } from './fixtures/events';
import {
  b64,
  contosoChallenge,
  gssKrb5,
  krbError,
  MS_KRB5_OID,
  MS_NLMP_CHALLENGE,
  negTokenResp,
  NTLM_OID,
  KRB5_OID,
  der,
} from '../fixtures/windows-tokens';

const intranet = { url: 'https://portal.contoso.com/', type: 'main_frame', initiator: undefined };
// The event happens at 09:30 UTC on the day the fixtures' server clocks say 09:30 too.
const at = (minutes: number) => Date.UTC(2026, 11, 3, 9, 30 + minutes);

const cases: DiagnosisCase[] = [
  {
    name: 'NTLM challenge of a domain member: the CONTOSO domain, clocks in step',
    event: makeEvent({ ...intranet, time: at(2), ...www(ch('NTLM', {}, b64(contosoChallenge()))) }),
    expect: [
      { id: 'windows-token', kind: 'info', detail: 'detail_ntlm', args: ['CONTOSO', 'web01.contoso.com'] },
    ],
    absent: ['windows-integrated-auth'],
  },
  {
    name: 'Negotiate answered with NTLM inside SPNEGO: Kerberos fell back to NTLM',
    event: makeEvent({
      ...intranet,
      ...www(ch('Negotiate', {}, b64(negTokenResp(1, NTLM_OID, MS_NLMP_CHALLENGE)))),
    }),
    expect: [
      { id: 'windows-token', kind: 'possible-cause', detail: 'detail_ntlm_fallback', args: ['Domain'] },
    ],
  },
  {
    name: 'Negotiate reject',
    event: makeEvent({ ...intranet, ...www(ch('Negotiate', {}, b64(negTokenResp(2)))) }),
    expect: [{ id: 'windows-token', kind: 'cause', detail: 'detail_rejected' }],
  },
  {
    name: 'Kerberos KRB_AP_ERR_SKEW with the server 12 minutes behind',
    event: makeEvent({
      ...intranet,
      time: at(12),
      ...www(
        ch(
          'Negotiate',
          {},
          b64(negTokenResp(2, MS_KRB5_OID, gssKrb5([3, 0], krbError(37, '20261203093000Z', 'CONTOSO.COM')))),
        ),
      ),
    }),
    expect: [
      {
        id: 'windows-token',
        kind: 'cause',
        detail: 'detail_krb_skew',
        args: ['KRB_AP_ERR_SKEW', 'CONTOSO.COM', '12'],
      },
    ],
  },
  {
    name: 'Kerberos KRB_AP_ERR_MODIFIED: the SPN points at another account',
    event: makeEvent({
      ...intranet,
      ...www(ch('Negotiate', {}, b64(gssKrb5([3, 0], krbError(41, '20261203093000Z', 'CONTOSO.COM'))))),
    }),
    expect: [
      {
        id: 'windows-token',
        kind: 'cause',
        detail: 'detail_krb_spn',
        args: ['KRB_AP_ERR_MODIFIED', 'CONTOSO.COM'],
      },
    ],
  },
  {
    name: 'Kerberos accepted, still 401: authorization, not authentication',
    event: makeEvent({
      ...intranet,
      ...www(ch('Negotiate', {}, b64(negTokenResp(0, KRB5_OID, gssKrb5([2, 0], der(0x6f, der(0x30, []))))))),
    }),
    expect: [{ id: 'windows-token', kind: 'cause', detail: 'detail_accepted' }],
  },
  {
    name: 'an unreadable token',
    event: makeEvent({ ...intranet, ...www(ch('Negotiate', {}, 'oRQwEqADCgEBoQsGCSqGSIb3')) }),
    expect: [{ id: 'windows-token', kind: 'info', detail: 'detail_unreadable' }],
  },
  {
    name: 'a proxy’s NTLM token is the proxy rule’s business',
    event: makeEvent({
      ...intranet,
      status: 407,
      challengeFields: [{ name: 'proxy-authenticate', value: `NTLM ${b64(MS_NLMP_CHALLENGE)}` }],
      parse: { challenges: [ch('NTLM', {}, b64(MS_NLMP_CHALLENGE))], problems: [] },
    }),
    expect: [{ id: 'proxy-credentials', kind: 'cause' }],
    absent: ['windows-token'],
  },
];

describe('diagnose: windows-token', () => {
  it.each(cases)('$name', checkCase);

  it('says which account to type and flags a server clock 20 minutes off', () => {
    const event = makeEvent({ ...intranet, time: at(20), ...www(ch('NTLM', {}, b64(contosoChallenge()))) });
    const f = diagnose(event, []).find((x) => x.id === 'windows-token')!;
    expect(
      f.steps.map((s) => [s.key.replace(/^diag_(windows_token_)?step_/, ''), s.args ?? [], s.audience]),
    ).toEqual([
      ['account_format', ['CONTOSO', 'contoso.com'], 'visitor'],
      ['clock_skew', ['20'], 'visitor'],
      ['check_clock', [], 'visitor'],
      [
        'ntlm_server',
        [
          'web01.contoso.com',
          '6.0.6000',
          'SIGN, SEAL, EXTENDED_SESSIONSECURITY, TARGET_INFO (NTLMv2), 128, KEY_EXCH, 56',
        ],
        'owner',
      ],
    ]);
  });
});
