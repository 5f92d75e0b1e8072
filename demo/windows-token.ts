// The server side of a Windows sign-in for the demo: an NTLM CHALLENGE_MESSAGE ([MS-NLMP] §2.2.1.2)
// for the CONTOSO domain, stamped with the server's clock, wrapped in a SPNEGO NegTokenResp
// (RFC 4178 §4.2.2) that says "accept-incomplete, mechanism NTLM": Kerberos was not used.
const u16le = (s: string) => Buffer.from(s, 'utf16le');
const le16 = (n: number) => Buffer.from([n & 0xff, n >> 8]);
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const av = (id: number, value: Buffer) => Buffer.concat([le16(id), le16(value.length), value]);

/** FILETIME (100 ns since 1601) of `ms`, little-endian. */
function filetime(ms: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE((BigInt(ms) + 11_644_473_600_000n) * 10_000n);
  return b;
}

/** An NTLM CHALLENGE_MESSAGE from WEB01 in CONTOSO (contoso.com), with `now` as its timestamp. */
export function ntlmChallenge(now: number): Buffer {
  const target = u16le('CONTOSO');
  const info = Buffer.concat([
    av(2, u16le('CONTOSO')),
    av(1, u16le('WEB01')),
    av(4, u16le('contoso.com')),
    av(3, u16le('web01.contoso.com')),
    av(5, u16le('contoso.com')),
    av(7, filetime(now)),
    Buffer.alloc(4), // MsvAvEOL
  ]);
  // UNICODE, REQUEST_TARGET, SIGN, SEAL, NTLM, ALWAYS_SIGN, TARGET_TYPE_DOMAIN, EXTENDED_SESSIONSECURITY,
  // TARGET_INFO, VERSION, 128, KEY_EXCH, 56.
  const flags = 0xe28b8235;
  const head = Buffer.concat([
    Buffer.from('NTLMSSP\0', 'latin1'),
    le32(2),
    le16(target.length),
    le16(target.length),
    le32(56),
    le32(flags),
    Buffer.from('0123456789abcdef', 'hex'), // server challenge
    Buffer.alloc(8),
    le16(info.length),
    le16(info.length),
    le32(56 + target.length),
    Buffer.from([10, 0, 0x63, 0x45, 0, 0, 0, 15]), // Windows 10.0 build 17763, NTLM revision 15
  ]);
  return Buffer.concat([head, target, info]);
}

/** One DER element with a definite length. */
function der(tag: number, contents: Buffer): Buffer {
  const n = contents.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), contents]);
}

const NTLM_OID = Buffer.from('060a2b0601040182370202 0a'.replace(/\s/g, ''), 'hex');

/** `Negotiate <token>`: SPNEGO accept-incomplete with NTLM chosen and the CHALLENGE inside. */
export function negotiateNtlmFallback(now: number): string {
  const fields = Buffer.concat([
    der(0xa0, der(0x0a, Buffer.from([1]))),
    der(0xa1, NTLM_OID),
    der(0xa2, der(0x04, ntlmChallenge(now))),
  ]);
  return `Negotiate ${der(0xa1, der(0x30, fields)).toString('base64')}`;
}
