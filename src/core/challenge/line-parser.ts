import {
  CHAR_CLASS,
  C_TCHAR,
  C_T68,
  C_WS,
  C_FOLD,
  COMMA,
  EQUALS,
  DQUOTE,
  LEFT_CURLY,
  RIGHT_CURLY,
  C_T68_ONLY,
  C_UPPER,
} from './chars';
import type { ChallengeBuilder } from './builder';
import type { QuotedScanner } from './quoted';

/** RFC 9110 §11.1–§11.2 grammar for one line: `#challenge`, challenge = scheme [ 1*SP ( token68 / #auth-param ) ]. */
export class LineParser {
  constructor(
    private readonly sc: QuotedScanner,
    private readonly out: ChallengeBuilder,
  ) {}

  /** False once the challenge cap is hit, so later lines are not read either. */
  run(): boolean {
    const sc = this.sc;
    for (;;) {
      sc.skipWs();
      if (sc.i >= sc.n) return true;
      // RFC 9110 §5.6.1: empty list elements are legal and ignored.
      if (sc.code() === COMMA) sc.i++;
      else if (!this.element()) return false;
    }
  }

  /** A list element: `name BWS "="` continues the current challenge's params; any other token starts a challenge. */
  private element(): boolean {
    const sc = this.sc;
    if (!(sc.cls() & C_TCHAR)) {
      this.garbage();
      return true;
    }
    const start = sc.i;
    const end = sc.nameFrom(start, C_TCHAR);
    const k = sc.wsFrom(end);
    if (k < sc.n && sc.s.charCodeAt(k) === EQUALS) {
      this.param(start, end, k, sc.seen);
      return true;
    }
    if (!this.out.start(start, sc.s.slice(start, end))) return false;
    sc.i = end;
    this.afterScheme();
    return true;
  }

  private afterScheme(): void {
    const sc = this.sc;
    if (sc.i >= sc.n) return;
    const c = sc.code();
    if (c === COMMA) return this.out.markBare();
    // RFC 9110 §11.1: 1*SP separates the scheme from what follows.
    if (!(sc.cls() & (C_WS | C_FOLD))) return this.garbage();
    const gap = sc.i;
    sc.skipWs();
    if (sc.i >= sc.n || sc.code() === COMMA) return;
    if (c !== 0x20 && CHAR_CLASS[c]! & C_WS)
      sc.sink.add('tab-after-scheme', sc.field, gap, this.out.scheme());
    if (sc.cls() & (C_TCHAR | C_T68)) this.firstItem();
    else this.garbage();
  }

  /** After `scheme 1*SP`: token68 (alone, `=` padding directly attached) or the first auth-param. */
  private firstItem(): void {
    const sc = this.sc;
    const start = sc.i;
    const end = sc.nameFrom(start, C_TCHAR | C_T68);
    const seen = sc.seen;
    let k = end;
    while (k < sc.n && sc.s.charCodeAt(k) === EQUALS) k++;
    const next = sc.wsFrom(k);
    const ends = next >= sc.n || sc.s.charCodeAt(next) === COMMA;
    if (k === end && !(next < sc.n && sc.s.charCodeAt(next) === EQUALS)) return this.token68(start, end);
    if (k > end && (k - end >= 2 || ends)) return this.token68(start, k);
    this.param(start, end, sc.wsFrom(end), seen);
  }

  private token68(start: number, end: number): void {
    const sc = this.sc;
    for (let i = start; i < end; i++) {
      const c = sc.s.charCodeAt(i);
      if (c === EQUALS) break;
      if (!(CHAR_CLASS[c]! & C_T68)) {
        sc.reportChar(i);
        break;
      }
    }
    this.out.token68(start, end, sc.s.slice(start, end));
    sc.i = end;
    this.afterValue();
  }

  /** auth-param = token BWS "=" BWS ( token / quoted-string ); `eq` is the index of "=". */
  private param(start: number, end: number, eq: number, seen: number): void {
    const sc = this.sc;
    const name = sc.s.slice(start, end);
    if (seen & C_T68_ONLY) {
      // A `/` got into the name through the token68 scan; one report per name is enough.
      let i = start;
      while (CHAR_CLASS[sc.s.charCodeAt(i)]! & C_TCHAR) i++;
      sc.reportChar(i);
    }
    sc.i = eq + 1;
    sc.skipWs();
    const c = sc.i < sc.n ? sc.code() : COMMA;
    if (c === COMMA) {
      sc.sink.add('missing-param-value', sc.field, start, name);
      sc.value = '';
    } else if (c === DQUOTE) sc.readQuoted();
    else if (c === LEFT_CURLY || c === RIGHT_CURLY) sc.readCurly();
    else sc.readBare();
    this.out.param(start, name, sc.value, (seen & C_UPPER) !== 0);
    this.afterValue();
  }

  /** After a value: OWS then a comma or the end; a token here means a forgotten comma. */
  private afterValue(): void {
    const sc = this.sc;
    sc.skipWs();
    if (sc.i >= sc.n || sc.code() === COMMA) return;
    if (sc.cls() & C_TCHAR) {
      sc.sink.add('missing-comma', sc.field, sc.i, sc.s.slice(sc.i, sc.runFrom(sc.i, C_TCHAR)));
    } else this.garbage();
  }

  /** Skips what cannot start an element: one quoted string, or a run of illegal characters. */
  private garbage(): void {
    const sc = this.sc;
    if (sc.code() === DQUOTE) {
      sc.sink.add('unexpected-quoted-string', sc.field, sc.i);
      sc.readQuoted();
      return;
    }
    sc.reportChar(sc.i);
    let i = sc.i + 1;
    while (i < sc.n) {
      const c = sc.s.charCodeAt(i);
      if (c === COMMA || c === DQUOTE || CHAR_CLASS[c]! & (C_TCHAR | C_WS | C_FOLD)) break;
      i++;
    }
    sc.i = i;
  }
}
