import { CHAR_CLASS, C_UPPER, type CharSource } from './chars';

/**
 * Parameter names of the common schemes (RFC 7616, RFC 6750, RFC 7617, RFC 9449). A literal is an
 * internalized string, so using it as a key skips the slice, the lower-casing and the hashing that a
 * fresh key costs on every store.
 */
const KNOWN = [
  'realm',
  'nonce',
  'qop',
  'algorithm',
  'opaque',
  'stale',
  'domain',
  'charset',
  'userhash',
  'error',
  'error_description',
  'error_uri',
  'scope',
  'service',
  'algs',
  'authorization_uri',
  'resource_id',
  'resource_metadata',
  'client_id',
  'type',
  'title',
];
const BY_LENGTH: string[][] = [];
for (const k of KNOWN) (BY_LENGTH[k.length] ??= []).push(k);

/** The literal for a known name at `s[start, end)`, matched ASCII case-insensitively (RFC 9110 §11.2). */
export function knownName(s: CharSource, start: number, end: number): string | undefined {
  const list = BY_LENGTH[end - start];
  if (list === undefined) return undefined;
  next: for (let k = 0; k < list.length; k++) {
    const name = list[k]!;
    for (let i = start, j = 0; i < end; i++, j++) {
      let c = s.charCodeAt(i);
      if (CHAR_CLASS[c]! & C_UPPER) c += 0x20;
      if (c !== name.charCodeAt(j)) continue next;
    }
    return name;
  }
  return undefined;
}
