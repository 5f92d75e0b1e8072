// Bytes of a file → the text of a HAR. HAR 1.2 says the file is UTF-8; some Windows tools (Fiddler,
// older IE exports) write UTF-16 with a byte-order mark, so a BOM decides, and anything else must be
// valid UTF-8: a fatal decoder turns a binary or Latin-1 file into a clear message instead of U+FFFD.
import { text, type Text } from '../text';

export type Decoded = { ok: true; text: string } | { ok: false; error: Text };

/** Byte offset of the first byte that is not valid UTF-8 (for the message), or -1. */
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/**
 * Decodes a HAR file's bytes. UTF-8 (with or without BOM) or UTF-16 with BOM; an empty file, a file
 * with NUL bytes (binary, or UTF-16 without BOM) or invalid UTF-8 gets an error message.
 */
export function decodeHarBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: text('har_error_empty') };
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    const label = a === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return { ok: false, error: text('har_error_not_utf8', '0') };
    }
  }
  try {
    // ignoreBOM: false (the default) drops a UTF-8 BOM, which JSON.parse would reject.
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (decoded.includes('\u0000'))
      return { ok: false, error: text('har_error_not_utf8', String(decoded.indexOf('\u0000'))) };
    return { ok: true, text: decoded };
  } catch {
    return { ok: false, error: text('har_error_not_utf8', String(Math.max(0, firstBadUtf8(bytes)))) };
  }
}
