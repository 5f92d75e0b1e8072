// Character classes of RFC 9110 §5.6 as a lookup table: one array read per character keeps the
// scanner linear and branch-light (no regular expressions, so nothing can backtrack).

/** tchar (RFC 9110 §5.6.2): may appear in a token. */
export const C_TCHAR = 1;
/** token68 character (RFC 9110 §11.2) other than the `=` padding; `/` is one, unlike in tokens. */
export const C_T68 = 2;
/** OWS: SP / HTAB (RFC 9110 §5.6.3). */
export const C_WS = 4;
/** CR or LF: only legal as obsolete line folding (RFC 9112 §5.2), read as whitespace. */
export const C_FOLD = 8;
/** Upper-case ASCII letter: a name holding none needs no lower-casing. */
export const C_UPPER = 16;
/** CTL (RFC 5234 B.1) other than HTAB. */
export const C_CTL = 32;
/** `/`: a token68 character that is not a tchar, so a name holding it is invalid. */
export const C_T68_ONLY = 64;
/** Ends the fast run inside a quoted string: DQUOTE, backslash or a CTL. */
export const C_QSTOP = 128;

export const SP = 0x20;
export const HTAB = 0x09;
export const DQUOTE = 0x22;
export const COMMA = 0x2c;
export const EQUALS = 0x3d;
export const BACKSLASH = 0x5c;
/** Curly quotes “ ” pasted from word processors into server configs. */
export const LEFT_CURLY = 0x201c;
export const RIGHT_CURLY = 0x201d;

function buildTable(): Uint8Array {
  // Every UTF-16 code unit has an entry, so lookups never go out of range.
  const table = new Uint8Array(0x10000);
  const mark = (chars: string, bits: number): void => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= bits;
  };
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  mark(upper, C_TCHAR | C_T68 | C_UPPER);
  mark(upper.toLowerCase() + '0123456789', C_TCHAR | C_T68);
  mark("!#$%&'*^`|", C_TCHAR);
  mark('+-._~', C_TCHAR | C_T68);
  mark('/', C_T68 | C_T68_ONLY);
  mark(' \t', C_WS);
  mark('\r\n', C_FOLD | C_CTL);
  for (let c = 0; c < 0x20; c++) if (c !== HTAB) table[c]! |= C_CTL;
  table[0x7f]! |= C_CTL;
  for (let c = 0; c < 0x80; c++) if (table[c]! & C_CTL) table[c]! |= C_QSTOP;
  mark('"\\', C_QSTOP);
  return table;
}

/** Class bits of each UTF-16 code unit. */
export const CHAR_CLASS: Uint8Array = buildTable();

/** What the scanner reads: a string, or (in the tests' countScanSteps) a wrapper that counts reads. */
export interface CharSource {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
}
