import * as ch from './chars';
import type { ProblemSink } from './problems';

const { CHAR_CLASS, C_TCHAR, C_WS, C_FOLD, C_CTL, COMMA } = ch;

/**
 * Character-level reading of one field line: whitespace, names and bare values (quoted ones are in
 * QuotedScanner in challenge-quoted.ts). Every loop only moves forward, so the line costs linear time.
 */
export class Scanner {
  i = 0;
  /** Value read by the last read* call. */
  value = '';
  readonly n: number;
  private folded = false;
  /** Index of the line's last `"`, -2 until computed (see QuotedScanner in challenge-quoted.ts). */
  protected lastQuote = -2;

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
}

function hex(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}
