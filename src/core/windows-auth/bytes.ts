// Bounds-checked reading of the binary tokens servers put in `WWW-Authenticate: NTLM|Negotiate
// <token68>`. Every read checks its range and returns undefined instead of throwing, so a hostile
// token can only ever produce a "cannot read" problem.
import { base64Bytes } from '../base64';

/** Longest token we decode (Chromium caps auth headers far below; a real CHALLENGE is ~200 bytes). */
export const MAX_TOKEN_BYTES = 16 * 1024;

/** The token68's bytes (base64, src/core/base64.ts), at most {@link MAX_TOKEN_BYTES}. */
export const tokenBytes = (text: string): Uint8Array | undefined => base64Bytes(text, MAX_TOKEN_BYTES);

/** Little-endian unsigned reads within `bytes`; undefined past the end. */
export const u8 = (b: Uint8Array, at: number): number | undefined =>
  at >= 0 && at < b.length ? b[at] : undefined;

export function u16(b: Uint8Array, at: number): number | undefined {
  return at >= 0 && at + 2 <= b.length ? b[at]! | (b[at + 1]! << 8) : undefined;
}

export function u32(b: Uint8Array, at: number): number | undefined {
  return at >= 0 && at + 4 <= b.length
    ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
    : undefined;
}

/** A slice `[at, at+len)` when it lies inside `bytes`. */
export function slice(b: Uint8Array, at: number, len: number): Uint8Array | undefined {
  return at >= 0 && len >= 0 && at + len <= b.length ? b.subarray(at, at + len) : undefined;
}

/** UTF-16LE text (NTLM strings with NEGOTIATE_UNICODE), control characters dropped, capped. */
export function utf16le(b: Uint8Array, max = 256): string {
  let out = '';
  for (let i = 0; i + 1 < b.length && out.length < max; i += 2) {
    const code = b[i]! | (b[i + 1]! << 8);
    if (code >= 0x20 && code !== 0x7f) out += String.fromCharCode(code);
  }
  return out;
}

/** Printable ASCII (OEM strings, Kerberos GeneralString), capped. */
export function ascii(b: Uint8Array, max = 256): string {
  let out = '';
  for (let i = 0; i < b.length && out.length < max; i++)
    if (b[i]! >= 0x20 && b[i]! < 0x7f) out += String.fromCharCode(b[i]!);
  return out;
}

/** Windows FILETIME (100 ns since 1601-01-01, little-endian 64-bit) to ms since 1970; undefined if absurd. */
export function filetimeMs(b: Uint8Array, at: number): number | undefined {
  const low = u32(b, at);
  const high = u32(b, at + 4);
  if (low === undefined || high === undefined) return undefined;
  const ms = (high * 2 ** 32 + low) / 10_000 - 11_644_473_600_000;
  return ms > 0 && ms < 4_102_444_800_000 ? Math.round(ms) : undefined;
}
