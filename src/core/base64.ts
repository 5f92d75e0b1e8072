// One base64 reader for every place core decodes a server's or a file's bytes: NTLM/Negotiate token68,
// JWT segments, a posted SAMLResponse, a HAR's base64 body. Pure ECMAScript (no atob); bad input gives
// undefined, never a throw.

const VALUE = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((ch, i) => (VALUE[ch.charCodeAt(0)] = i));
// RFC 4648 §5 (base64url) spells 62 and 63 as - and _: both alphabets are read.
VALUE['-'.charCodeAt(0)] = 62;
VALUE['_'.charCodeAt(0)] = 63;

/**
 * base64 or base64url (RFC 4648 §4, §5), padding optional, to bytes; undefined when `text` holds any
 * other character, has an impossible length, or would decode to more than `maxBytes`.
 */
export function base64Bytes(text: string, maxBytes = Number.POSITIVE_INFINITY): Uint8Array | undefined {
  const clean = text.trim().replace(/=+$/, '');
  if (clean.length % 4 === 1 || (clean.length * 3) / 4 > maxBytes) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? VALUE[code]! : -1;
    if (value < 0) return undefined;
    acc = ((acc << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Bytes as UTF-8 text. Strict by default (malformed UTF-8 → undefined); `lenient` replaces bad
 * sequences with U+FFFD, for a prefix that may end inside a character.
 */
export function utf8Text(bytes: Uint8Array, lenient = false): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: !lenient }).decode(bytes);
  } catch {
    return undefined;
  }
}
