// The server's NTLM CHALLENGE_MESSAGE (type 2), [MS-NLMP] §2.2.1.2: who the server is (target name,
// NetBIOS and DNS names from the AV pairs of §2.2.2.1), which options it agreed to (flags, §2.2.2.5),
// its Windows version (§2.2.2.10) and its clock (MsvAvTimestamp). It carries no secret of the user.
import { filetimeMs, slice, u16, u32, u8, utf16le, ascii } from './bytes';

/** Negotiate flags worth telling people about, by their [MS-NLMP] §2.2.2.5 names. */
export const NTLM_FLAGS = {
  unicode: 0x00000001,
  sign: 0x00000010,
  seal: 0x00000020,
  lmKey: 0x00000080,
  ntlm: 0x00000200,
  alwaysSign: 0x00008000,
  targetTypeDomain: 0x00010000,
  targetTypeServer: 0x00020000,
  extendedSessionSecurity: 0x00080000,
  targetInfo: 0x00800000,
  version: 0x02000000,
  bits128: 0x20000000,
  keyExchange: 0x40000000,
  bits56: 0x80000000,
} as const;

export type NtlmFlag = keyof typeof NTLM_FLAGS;

export interface NtlmChallenge {
  kind: 'ntlm-challenge';
  flags: NtlmFlag[];
  /** TargetName: the domain (TARGET_TYPE_DOMAIN) or server name the server authenticates against. */
  targetName?: string;
  targetType?: 'domain' | 'server';
  /** From the AV pairs: NetBIOS domain and computer names, DNS domain, computer and forest names. */
  domain?: string;
  server?: string;
  dnsDomain?: string;
  dnsServer?: string;
  dnsForest?: string;
  /** The server's clock (MsvAvTimestamp), ms since 1970. */
  serverTime?: number;
  /** Windows version "major.minor.build" when the VERSION flag is set. */
  version?: string;
}

export type NtlmProblem = 'ntlm-truncated' | 'ntlm-not-challenge';

const SIGNATURE = [0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00]; // "NTLMSSP\0"

/** Whether the bytes start with the NTLMSSP signature (any message type). */
export const isNtlmssp = (b: Uint8Array): boolean => SIGNATURE.every((c, i) => b[i] === c);

/** A security buffer (len, maxLen, offset) → the bytes it points to inside the message. */
function field(b: Uint8Array, at: number): Uint8Array | undefined {
  const len = u16(b, at);
  const offset = u32(b, at + 4);
  return len === undefined || offset === undefined ? undefined : slice(b, offset, len);
}

const AV_NAMES: Record<number, 'server' | 'domain' | 'dnsServer' | 'dnsDomain' | 'dnsForest'> = {
  1: 'server',
  2: 'domain',
  3: 'dnsServer',
  4: 'dnsDomain',
  5: 'dnsForest',
};
const AV_TIMESTAMP = 7;
/** AV pairs a sane server sends are a dozen at most; the cap bounds the work on hostile input. */
const MAX_AV_PAIRS = 64;

function readAvPairs(info: Uint8Array, out: NtlmChallenge): void {
  let at = 0;
  for (let n = 0; n < MAX_AV_PAIRS; n++) {
    const id = u16(info, at);
    const len = u16(info, at + 2);
    if (id === undefined || len === undefined || id === 0) return; // MsvAvEOL or truncated
    const value = slice(info, at + 4, len);
    if (!value) return;
    const name = AV_NAMES[id];
    if (name) out[name] = utf16le(value);
    else if (id === AV_TIMESTAMP && len === 8) out.serverTime = filetimeMs(value, 0);
    at += 4 + len;
  }
}

/** Decodes a CHALLENGE_MESSAGE; a problem code when the bytes are not one or are cut short. */
export function decodeNtlmChallenge(b: Uint8Array): NtlmChallenge | NtlmProblem {
  if (!isNtlmssp(b) || u32(b, 8) !== 2) return 'ntlm-not-challenge';
  const flagBits = u32(b, 20);
  if (flagBits === undefined || b.length < 32) return 'ntlm-truncated';
  const out: NtlmChallenge = {
    kind: 'ntlm-challenge',
    flags: (Object.keys(NTLM_FLAGS) as NtlmFlag[]).filter((f) => (flagBits & NTLM_FLAGS[f]) >>> 0 !== 0),
  };
  const target = field(b, 12);
  const unicode = (flagBits & NTLM_FLAGS.unicode) !== 0;
  if (target?.length) out.targetName = unicode ? utf16le(target) : ascii(target);
  if (flagBits & NTLM_FLAGS.targetTypeDomain) out.targetType = 'domain';
  else if (flagBits & NTLM_FLAGS.targetTypeServer) out.targetType = 'server';
  // TargetInfo (offset 40) and Version (offset 48) exist only in messages long enough to hold them.
  const info = flagBits & NTLM_FLAGS.targetInfo ? field(b, 40) : undefined;
  if (info) readAvPairs(info, out);
  const major = u8(b, 48);
  const minor = u8(b, 49);
  const build = u16(b, 50);
  if (flagBits & NTLM_FLAGS.version && major !== undefined && minor !== undefined && build !== undefined)
    out.version = `${major}.${minor}.${build}`;
  return out;
}
