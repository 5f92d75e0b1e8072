// Decoding the server's side of NTLM and Negotiate: the [MS-NLMP] §4.2.4.3 example CHALLENGE_MESSAGE,
// SPNEGO NegTokenResp shapes of RFC 4178 §4.2.2 with Kerberos (RFC 4120) replies inside, and fuzzed
// tokens that must give a problem, never a throw. Bytes are written here by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindowsToken } from '../../src/core/windows-auth';
import {
  b64,
  contosoChallenge,
  der,
  gssKrb5,
  krbError,
  KRB5_OID,
  MS_KRB5_OID,
  MS_NLMP_CHALLENGE,
  negTokenResp,
  NTLM_OID,
} from '../fixtures/windows-tokens';

describe('NTLM CHALLENGE_MESSAGE (type 2)', () => {
  it('reads the [MS-NLMP] §4.2.4.3 example: target, AV pair names, flags, version', () => {
    expect(decodeWindowsToken(b64(MS_NLMP_CHALLENGE))).toEqual({
      kind: 'ntlm-challenge',
      targetName: 'Server',
      targetType: 'server',
      domain: 'Domain',
      server: 'Server',
      version: '6.0.6000',
      flags: [
        'unicode',
        'sign',
        'seal',
        'ntlm',
        'alwaysSign',
        'targetTypeServer',
        'extendedSessionSecurity',
        'targetInfo',
        'version',
        'bits128',
        'keyExchange',
        'bits56',
      ],
    });
  });

  it('reads a domain member: CONTOSO, DNS names and the server clock', () => {
    expect(decodeWindowsToken(b64(contosoChallenge()))).toMatchObject({
      kind: 'ntlm-challenge',
      targetName: 'CONTOSO',
      targetType: 'domain',
      domain: 'CONTOSO',
      server: 'WEB01',
      dnsDomain: 'contoso.com',
      dnsServer: 'web01.contoso.com',
      dnsForest: 'contoso.com',
      serverTime: Date.UTC(2026, 11, 3, 9, 30),
    });
  });

  it.each([
    [
      'a NEGOTIATE_MESSAGE (type 1) is not a challenge',
      [...MS_NLMP_CHALLENGE.slice(0, 8), 1, 0, 0, 0],
      'ntlm-not-challenge',
    ],
    ['a message cut after the signature', MS_NLMP_CHALLENGE.slice(0, 12), 'ntlm-truncated'],
    ['text that is not base64', null, 'not-base64'],
  ])('%s', (_name, bytes, code) => {
    expect(decodeWindowsToken(bytes ? b64(bytes) : 'not base64!')).toEqual({ kind: 'problem', code });
  });

  it('ignores a TargetInfo that points past the end (keeps what it could read)', () => {
    const broken = [...MS_NLMP_CHALLENGE];
    broken[40] = 0xff; // TargetInfo length 0x24 → 0xff: past the end
    const token = decodeWindowsToken(b64(broken));
    expect(token).toMatchObject({ kind: 'ntlm-challenge', targetName: 'Server' });
    expect(token).not.toHaveProperty('domain');
  });
});

describe('SPNEGO NegTokenResp (RFC 4178 §4.2.2)', () => {
  it.each([
    [
      'NTLM chosen, accept-incomplete, CHALLENGE inside: the server fell back to NTLM',
      negTokenResp(1, NTLM_OID, MS_NLMP_CHALLENGE),
      {
        kind: 'spnego',
        negState: 'accept-incomplete',
        mech: 'ntlm',
        mechOid: '1.3.6.1.4.1.311.2.2.10',
        inner: { kind: 'ntlm-challenge', domain: 'Domain' },
      },
    ],
    ['reject, nothing else', negTokenResp(2), { kind: 'spnego', negState: 'reject' }],
    [
      'Kerberos accepted with an AP-REP',
      negTokenResp(0, KRB5_OID, gssKrb5([0x02, 0x00], der(0x6f, der(0x30, [])))),
      { kind: 'spnego', negState: 'accept-completed', mech: 'kerberos', inner: { kind: 'kerberos-ap-rep' } },
    ],
    [
      'Kerberos (Microsoft OID) rejected with KRB_AP_ERR_SKEW',
      negTokenResp(2, MS_KRB5_OID, gssKrb5([0x03, 0x00], krbError(37, '20261203093000Z', 'CONTOSO.COM'))),
      {
        kind: 'spnego',
        negState: 'reject',
        mech: 'kerberos',
        mechOid: '1.2.840.48018.1.2.2',
        inner: {
          kind: 'kerberos-error',
          code: 37,
          name: 'KRB_AP_ERR_SKEW',
          realm: 'CONTOSO.COM',
          serverTime: Date.UTC(2026, 11, 3, 9, 30),
        },
      },
    ],
    ['request-mic', negTokenResp(3, KRB5_OID), { kind: 'spnego', negState: 'request-mic', mech: 'kerberos' }],
  ])('%s', (_name, bytes, expected) => {
    expect(decodeWindowsToken(b64(bytes))).toMatchObject(expected);
  });

  it('reads a bare KRB-ERROR (no SPNEGO wrapper) and a raw NTLM message sent under Negotiate', () => {
    expect(
      decodeWindowsToken(b64(gssKrb5([0x03, 0x00], krbError(41, '20261203093000Z', 'CONTOSO.COM')))),
    ).toMatchObject({
      kind: 'kerberos-error',
      code: 41,
      name: 'KRB_AP_ERR_MODIFIED',
    });
    expect(decodeWindowsToken(b64(MS_NLMP_CHALLENGE))).toMatchObject({ kind: 'ntlm-challenge' });
  });

  it('says it cannot read a NegTokenInit or anything else', () => {
    expect(decodeWindowsToken(b64(der(0xa0, der(0x30, []))))).toEqual({
      kind: 'problem',
      code: 'unknown-token',
    });
    expect(decodeWindowsToken(b64(der(0xa1, [0x30, 0x7f, 0x00])))).toEqual({
      kind: 'problem',
      code: 'unknown-token',
    });
  });
});

describe('hostile tokens give a problem, never a throw', () => {
  const KINDS = ['ntlm-challenge', 'spnego', 'kerberos-ap-rep', 'kerberos-error', 'problem'];
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const token = decodeWindowsToken(Buffer.from(bytes).toString('base64'));
        expect(KINDS).toContain(token.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('real tokens with bytes changed or cut: every string stays short', () => {
    const seeds = [
      MS_NLMP_CHALLENGE,
      contosoChallenge(),
      negTokenResp(1, NTLM_OID, MS_NLMP_CHALLENGE),
      negTokenResp(2, MS_KRB5_OID, gssKrb5([3, 0], krbError(37, '20261203093000Z', 'CONTOSO.COM'))),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        (seed, edits, cut) => {
          const bytes = [...seed];
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const token = decodeWindowsToken(b64(bytes.slice(0, (cut % bytes.length) + 1)));
          expect(KINDS).toContain(token.kind);
          for (const s of strings(token)) expect(s.length).toBeLessThanOrEqual(256);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses tokens larger than any server sends', () => {
    expect(decodeWindowsToken('A'.repeat(40_000))).toEqual({ kind: 'problem', code: 'not-base64' });
  });
});
