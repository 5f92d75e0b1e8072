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
 * Decodes a HAR file's bytes in slices of `sliceBytes`, yielding between them so a page can breathe
 * (a streaming TextDecoder keeps characters split across slices whole). UTF-8 (with or without BOM)
 * or UTF-16 with BOM; an empty file, NUL characters (binary, or UTF-16 without a BOM) or invalid
 * UTF-8 end with an error message.
 */
export function* decodeHarSlices(bytes: Uint8Array, sliceBytes = 4 << 20): Generator<number, Decoded> {
  if (bytes.length === 0) return { ok: false, error: text('har_error_empty') };
  const [a, b] = [bytes[0], bytes[1]];
  const utf16 = (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
  const label = !utf16 ? 'utf-8' : a === 0xff ? 'utf-16le' : 'utf-16be';
  // ignoreBOM false (the default) drops a UTF-8 BOM, which JSON.parse would reject.
  const decoder = new TextDecoder(label, { fatal: true });
  const parts: string[] = [];
  let at = utf16 ? 2 : 0;
  try {
    while (at < bytes.length) {
      const end = Math.min(bytes.length, at + sliceBytes);
      const part = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
      const nul = part.indexOf('\u0000');
      if (nul >= 0) return { ok: false, error: text('har_error_not_utf8', String(at + nul)) };
      parts.push(part);
      at = end;
      if (at < bytes.length) yield at / bytes.length;
    }
  } catch {
    const bad = utf16 ? 0 : Math.max(0, firstBadUtf8(bytes));
    return { ok: false, error: text('har_error_not_utf8', String(bad)) };
  }
  return { ok: true, text: parts.join('') };
}

/** Decodes a HAR file's bytes at once (see {@link decodeHarSlices}). */
export function decodeHarBytes(bytes: Uint8Array): Decoded {
  const slices = decodeHarSlices(bytes, bytes.length || 1);
  for (;;) {
    const next = slices.next();
    if (next.done) return next.value;
  }
}
