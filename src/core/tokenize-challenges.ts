import * as ch from './challenge-chars';
import type { ProblemSink } from './challenge-problems';

const { CHAR_CLASS, C_TCHAR, C_WS, C_FOLD, C_CTL, C_QSTOP, COMMA, EQUALS, DQUOTE, BACKSLASH } = ch;

/**
 * Character-level reading of one field line: whitespace, tokens and the three value forms (token,
 * quoted-string, lenient curly-quoted). Every loop moves forward; the only look-ahead (deciding
 * whether a `"` closes a string) stops at the next `"`, so each character is read a bounded number
 * of times and the whole line costs linear time.
 */
export class Scanner {
  i = 0;
  /** Value read by the last read* call. */
  value = '';
  readonly n: number;
  private folded = false;
  private lastQuote = -2;

  constructor(
    readonly s: ch.CharSource,
    readonly field: number,
    readonly sink: ProblemSink,
  ) {
    this.n = s.length;
  }

  code(): number {
    return this.s.charCodeAt(this.i);
  }

  cls(): number {
    return CHAR_CLASS[this.s.charCodeAt(this.i)]!;
  }

  /** OWS; a CR or LF is read as a space and reported once (RFC 9112 §5.2 obs-fold). */
  skipWs(): void {
    const { s, n } = this;
    let i = this.i;
    for (; i < n; i++) {
      const k = CHAR_CLASS[s.charCodeAt(i)]!;
      if (k & C_WS) continue;
      if (!(k & C_FOLD)) break;
      if (!this.folded) this.sink.add('obs-fold', this.field, i);
      this.folded = true;
    }
    this.i = i;
  }

  /** First index at or after `i` that is not whitespace; reports nothing (look-ahead only). */
  wsFrom(i: number): number {
    while (i < this.n && CHAR_CLASS[this.s.charCodeAt(i)]! & (C_WS | C_FOLD)) i++;
    return i;
  }

  /** Class bits of every character in the last {@link nameFrom} run (tells if lower-casing is needed). */
  seen = 0;

  /** Like {@link runFrom}, also recording the union of the run's class bits in {@link seen}. */
  nameFrom(i: number, bits: number): number {
    let seen = 0;
    for (; i < this.n; i++) {
      const k = CHAR_CLASS[this.s.charCodeAt(i)]!;
      if (!(k & bits)) break;
      seen |= k;
    }
    this.seen = seen;
    return i;
  }

  /** End of the run of characters whose class has any of `bits`, starting at `i`. */
  runFrom(i: number, bits: number): number {
    while (i < this.n && CHAR_CLASS[this.s.charCodeAt(i)]! & bits) i++;
    return i;
  }

  /** Unquoted value: up to whitespace or comma; anything that is not a tchar is reported, then kept. */
  readBare(): void {
    const start = this.i;
    let bad = -1;
    let i = start;
    for (; i < this.n; i++) {
      const c = this.s.charCodeAt(i);
      const k = CHAR_CLASS[c]!;
      if (c === COMMA || k & (C_WS | C_FOLD)) break;
      if (bad < 0 && !(k & C_TCHAR)) bad = i;
    }
    if (bad >= 0) this.reportChar(bad);
    this.value = this.s.slice(start, i);
    this.i = i;
  }

  /** Reports the character at `at` as illegal, or as a control character. */
  reportChar(at: number): void {
    const c = this.s.charCodeAt(at);
    if (CHAR_CLASS[c]! & C_CTL) this.sink.add('control-character', this.field, at, hex(c));
    else this.sink.add('illegal-character', this.field, at, this.s.slice(at, at + 1));
  }

  /** quoted-string at `i` (RFC 9110 §5.6.4), unescaped; salvages stray quotes and a missing end. */
  readQuoted(): void {
    const { s, n } = this;
    const open = this.i;
    let i = open + 1;
    let start = i;
    let out = '';
    let flagged = false;
    for (;;) {
      // Fast run over plain quoted text; only `"`, `\` and CTLs need a decision.
      while (i < n && !(CHAR_CLASS[s.charCodeAt(i)]! & C_QSTOP)) i++;
      if (i >= n) return this.endUnterminated(open, out + s.slice(start, n));
      const c = s.charCodeAt(i);
      if (c === DQUOTE) {
        if (this.closesAt(i + 1)) break;
        if (!flagged) this.sink.add('unescaped-quote', this.field, i);
        flagged = true;
      } else if (c === BACKSLASH) {
        // quoted-pair: the backslash goes, the next character stays.
        if (i + 1 >= n) return this.endUnterminated(open, out + s.slice(start, i));
        out += s.slice(start, i);
        start = ++i;
      } else if (CHAR_CLASS[c]! & C_CTL) this.reportChar(i);
      i++;
    }
    this.value = out + s.slice(start, i);
    this.i = i + 1;
  }

  /** Lenient: “value” — no escapes inside, ends at the next curly quote. */
  readCurly(): void {
    const open = this.i;
    this.sink.add('curly-quotes', this.field, open);
    let i = open + 1;
    while (i < this.n && (this.s.charCodeAt(i) | 1) !== ch.RIGHT_CURLY) i++;
    if (i >= this.n) return this.endUnterminated(open, this.s.slice(open + 1));
    this.value = this.s.slice(open + 1, i);
    this.i = i + 1;
  }

  private endUnterminated(open: number, value: string): void {
    this.sink.add('unterminated-quoted-string', this.field, open);
    this.value = value;
    this.i = this.n;
  }

  /**
   * Is the `"` just before `j` the closing quote? Yes when what follows reads as the rest of a list:
   * end, comma, `name=`, or `scheme name=`; otherwise it is a stray quote if a later quote exists.
   */
  private closesAt(j: number): boolean {
    const k = this.wsFrom(j);
    if (k >= this.n) return true;
    const c = this.s.charCodeAt(k);
    if (c === COMMA) return true;
    if (CHAR_CLASS[c]! & C_TCHAR) {
      const t = this.runFrom(k, C_TCHAR);
      const k2 = this.wsFrom(t);
      if (k2 >= this.n) return true;
      const c2 = this.s.charCodeAt(k2);
      if (c2 === COMMA || c2 === EQUALS) return true;
      if (k2 > t && CHAR_CLASS[c2]! & C_TCHAR) {
        const k3 = this.wsFrom(this.runFrom(k2, C_TCHAR));
        if (k3 >= this.n || this.s.charCodeAt(k3) === EQUALS || this.s.charCodeAt(k3) === COMMA) return true;
      }
    }
    return this.lastQuoteIndex() < j;
  }

  private lastQuoteIndex(): number {
    if (this.lastQuote === -2) {
      let i = this.n - 1;
      while (i >= 0 && this.s.charCodeAt(i) !== DQUOTE) i--;
      this.lastQuote = i;
    }
    return this.lastQuote;
  }
}

function hex(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}
