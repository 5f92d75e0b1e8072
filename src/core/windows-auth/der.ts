// A minimal, bounds-checked DER reader (ITU-T X.690 §8.1: tag, length, contents) for SPNEGO
// (RFC 4178) and Kerberos (RFC 4120) tokens. Single-byte tags only (all these tokens use), definite
// lengths only (DER forbids the indefinite form), and never a throw.

export interface Tlv {
  /** The identifier octet: class, constructed bit and tag number (e.g. 0xa0 = [0] constructed). */
  tag: number;
  contents: Uint8Array;
  /** Offset just past this element in the buffer it was read from. */
  end: number;
}

/** Reads one element at `at`; undefined when the length runs past the buffer or is malformed. */
export function readTlv(b: Uint8Array, at: number): Tlv | undefined {
  if (at < 0 || at + 2 > b.length) return undefined;
  const tag = b[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // multi-byte tag numbers: not used by these tokens
  let len = b[at + 1]!;
  let head = 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 3 || at + 2 + count > b.length) return undefined;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + b[at + 2 + i]!;
    head += count;
  }
  const start = at + head;
  if (start + len > b.length) return undefined;
  return { tag, contents: b.subarray(start, start + len), end: start + len };
}

/** The elements inside a constructed element's contents, in order (stops at the first bad one). */
export function children(contents: Uint8Array, max = 32): Tlv[] {
  const out: Tlv[] = [];
  let at = 0;
  while (at < contents.length && out.length < max) {
    const tlv = readTlv(contents, at);
    if (!tlv) break;
    out.push(tlv);
    at = tlv.end;
  }
  return out;
}

/** The child with a context tag `[n]` (constructed: 0xa0 + n). */
export const tagged = (list: readonly Tlv[], n: number): Tlv | undefined =>
  list.find((t) => t.tag === 0xa0 + n);

/** An OBJECT IDENTIFIER's contents in dotted form (X.690 §8.19). */
export function oidText(contents: Uint8Array): string {
  if (!contents.length || contents.length > 64) return '';
  const first = contents[0]!;
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (let i = 1; i < contents.length; i++) {
    value = value * 128 + (contents[i]! & 0x7f);
    if (!(contents[i]! & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** A small INTEGER or ENUMERATED (X.690 §8.3), two's complement; undefined beyond 4 bytes. */
export function smallInt(contents: Uint8Array): number | undefined {
  if (!contents.length || contents.length > 4) return undefined;
  let value = 0;
  for (const byte of contents) value = value * 256 + byte;
  return contents[0]! & 0x80 ? value - 2 ** (8 * contents.length) : value;
}
