// Decoding the server's side of NTLM and Negotiate: the [MS-NLMP] §4.2.4.3 example CHALLENGE_MESSAGE,
// SPNEGO NegTokenResp shapes of RFC 4178 §4.2.2 with Kerberos (RFC 4120) replies inside, and fuzzed
// tokens that must give a problem, never a throw. Bytes are written here by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindowsToken } from '../../src/core/windows-auth';

const hex = (text: string): number[] =>
  text
    .trim()
    .split(/\s+/)
    .map((h) => parseInt(h, 16));
const b64 = (bytes: number[]): string => Buffer.from(bytes).toString('base64');
/** One DER element: tag, definite length (short or 0x81/0x82 long form), contents. */
function der(tag: number, contents: number[]): number[] {
  const n = contents.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...len, ...contents];
}
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

// [MS-NLMP] §4.2.4.3: the NTLMv2 example CHALLENGE_MESSAGE (target "Server", domain "Domain").
const MS_NLMP_CHALLENGE = hex(`
  4e 54 4c 4d 53 53 50 00 02 00 00 00 0c 00 0c 00
  38 00 00 00 33 82 8a e2 01 23 45 67 89 ab cd ef
  00 00 00 00 00 00 00 00 24 00 24 00 44 00 00 00
  06 00 70 17 00 00 00 0f 53 00 65 00 72 00 76 00
  65 00 72 00 02 00 0c 00 44 00 6f 00 6d 00 61 00
  69 00 6e 00 01 00 0c 00 53 00 65 00 72 00 76 00
  65 00 72 00 00 00 00 00`);

// The same message with a CONTOSO domain, DNS names and a timestamp AV pair (MsvAvTimestamp, 7)
// added, TARGET_TYPE_DOMAIN set: the shape Active Directory members send.
function contosoChallenge(): number[] {
  const u16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const av = (id: number, value: number[]) => [id, 0, value.length & 0xff, value.length >> 8, ...value];
  // 2026-12-03T09:30:00Z as FILETIME: (ms + 11644473600000) * 10000, little-endian.
  const ft = (BigInt(Date.UTC(2026, 11, 3, 9, 30)) + 11644473600000n) * 10000n;
  const time = Array.from({ length: 8 }, (_, i) => Number((ft >> BigInt(8 * i)) & 0xffn));
  const info = [
    ...av(2, u16('CONTOSO')),
    ...av(1, u16('WEB01')),
    ...av(4, u16('contoso.com')),
    ...av(3, u16('web01.contoso.com')),
    ...av(5, u16('contoso.com')),
    ...av(7, time),
    0,
    0,
    0,
    0,
  ];
  const target = u16('CONTOSO');
  const head = MS_NLMP_CHALLENGE.slice(0, 56);
  const le16 = (n: number) => [n & 0xff, n >> 8];
  const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
  // Flags: the example's, with TARGET_TYPE_DOMAIN (0x00010000) instead of TARGET_TYPE_SERVER.
  const flags = (0xe28a8233 & ~0x00020000) | 0x00010000;
  const out = [...head];
  out.splice(12, 8, ...le16(target.length), ...le16(target.length), ...le32(56));
  out.splice(20, 4, ...le32(flags >>> 0));
  out.splice(40, 8, ...le16(info.length), ...le16(info.length), ...le32(56 + target.length));
  return [...out, ...target, ...info];
}

const KRB5_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02];
const MS_KRB5_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x82, 0xf7, 0x12, 0x01, 0x02, 0x02];
const NTLM_OID = [0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x02, 0x0a];

/** NegTokenResp (RFC 4178 §4.2.2) with the given negState, supportedMech and responseToken. */
function negTokenResp(state?: number, mech?: number[], token?: number[]): number[] {
  const fields = [
    ...(state === undefined ? [] : der(0xa0, der(0x0a, [state]))),
    ...(mech ? der(0xa1, mech) : []),
    ...(token ? der(0xa2, der(0x04, token)) : []),
  ];
  return der(0xa1, der(0x30, fields));
}

/** A krb5 GSS token (RFC 4121 §4.1): 0x60 { OID, TOK_ID, inner }. */
const gssKrb5 = (tokId: number[], inner: number[]) => der(0x60, [...KRB5_OID, ...tokId, ...inner]);

/** KRB-ERROR (RFC 4120 §5.9.1) with stime, error-code and realm. */
function krbError(code: number, stime: string, realm: string): number[] {
  const int = (n: number) => der(0x02, [n]);
  return der(
    0x7e,
    der(0x30, [
      ...der(0xa0, int(5)),
      ...der(0xa1, int(30)),
      ...der(0xa4, der(0x18, ascii(stime))),
      ...der(0xa5, int(0)),
      ...der(0xa6, int(code)),
      ...der(0xa9, der(0x1b, ascii(realm))),
    ]),
  );
}

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
