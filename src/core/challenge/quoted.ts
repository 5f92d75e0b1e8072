import {
  CHAR_CLASS,
  C_TCHAR,
  C_CTL,
  C_QSTOP,
  COMMA,
  EQUALS,
  DQUOTE,
  BACKSLASH,
  RIGHT_CURLY,
} from './chars';
import { Scanner } from './tokenize';

/**
 * The value forms that need care: quoted-string (RFC 9110 §5.6.4) and the lenient curly-quoted one.
 * The only look-ahead (does this `"` close the string?) stops at the next `"`, so each character is
 * still read a bounded number of times.
 */
export class QuotedScanner extends Scanner {
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
    while (i < this.n && (this.s.charCodeAt(i) | 1) !== RIGHT_CURLY) i++;
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
