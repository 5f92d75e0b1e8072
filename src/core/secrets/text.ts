// maskText: one left-to-right pass over free text (a JSON or form body, a header value, an error
// message). It masks the value after a secret-named `name=` / `name:` / `"name":`, the credential after
// an auth scheme word, token runs shaped like secrets, %-encoded runs that decode to any of those, and
// every URL it meets (through maskUrl). Each character is read a bounded number of times.
import { findScheme } from '../schemes';
import { cutInput, MASK, MAX_MASK_INPUT } from './cut';
import { decodeAscii, isRunChar, runLooksSecret } from './shapes';
import { tick } from './steps';
import { MAX_DEPTH, maskUrlAt } from './url';
import { isSecretName } from './vocabulary';

const PERCENT = 37;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
// What may stand between a name and its `=`/`:`: closing quotes and brackets (`"a":`, `user[pass]=`).
const isNameCloser = (c: string | undefined): boolean =>
  c === '"' || c === "'" || c === ']' || c === '[' || c === ' ' || c === '\t';
const VALUE_END = new Set(['&', ';', ',', '"', "'", '<', '>', ')', '}', ']', '\n', '\r']);
// Where a URL met in text ends: white space, quotes, angle brackets, backtick (RFC 3986 Appendix C).
const URL_END = new Uint8Array(128);
for (const c of ' \t\n\r"\'<>`') URL_END[c.charCodeAt(0)] = 1;
const endsUrl = (code: number): boolean => code < 128 && URL_END[code] === 1;

/** `https` in `https://`: RFC 3986 §3.1 scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
function isUrlScheme(text: string, start: number, end: number): boolean {
  if (end - start > 32 || !/[A-Za-z]/.test(text[start]!)) return false;
  return /^[A-Za-z][A-Za-z0-9+.-]*$/.test(text.slice(start, end));
}

/** A run after a scheme word that is a credential, not a word of prose ("Basic authentication"). */
function isCredentialish(run: string): boolean {
  if (run.length < 8) return false;
  if (/[^A-Za-z]/.test(run)) return true;
  return /[A-Z]/.test(run.slice(1)) && /[a-z]/.test(run);
}

/** A scheme word whose next token may be a credential (RFC 9110 §11.4), by the catalog or usage. */
const isSchemeWord = (run: string): boolean =>
  run.length <= 32 && (findScheme(run) !== undefined || /^(token|apikey|api-key|jwt)$/i.test(run));

/** The run with its ASCII %-escapes decoded; undefined when there was none. */
function decoded(run: string): string | undefined {
  const plain = decodeAscii(run);
  return plain === run ? undefined : plain;
}

// Character classes by code (ASCII; everything else is "other"): 1 = token-run char, 2 = also `%`.
const TOKEN = new Uint8Array(128);
for (let c = 0; c < 128; c++) TOKEN[c] = isRunChar(c) ? 1 : c === PERCENT ? 2 : 0;
const isToken = (code: number): boolean => code < 128 && TOKEN[code] !== 0;

/**
 * The scanner. Unchanged text is never copied piece by piece: `copied` marks how far the input has
 * been passed through, and only a replacement pushes the text before it plus the mask.
 */
class TextMasker {
  private readonly out: string[] = [];
  private copied = 0;
  private i = 0;
  private afterScheme = false;
  /** The run after `Authorization: Bearer` is the credential, whatever it looks like. */
  private forceNext = false;

  constructor(
    private readonly text: string,
    private readonly depth: number,
  ) {}

  run(): string {
    const { text } = this;
    const n = text.length;
    while (this.i < n) {
      let j = this.i;
      let spacesOnly = true;
      while (j < n && !isToken(text.charCodeAt(j))) {
        const code = text.charCodeAt(j);
        if (code !== 32 && code !== 9) spacesOnly = false;
        j++;
      }
      if (!spacesOnly) this.afterScheme = false;
      const start = j;
      let percent = false;
      while (j < n) {
        const code = text.charCodeAt(j);
        if (!isToken(code)) break;
        if (code === PERCENT) percent = true;
        j++;
      }
      tick(j - this.i);
      this.i = j;
      if (j > start) this.token(start, j, percent);
    }
    if (this.copied === 0) return text;
    this.out.push(text.slice(this.copied));
    return this.out.join('');
  }

  /** Replaces text[from, to) by `replacement`; the scan goes on at `to`. */
  private replace(from: number, to: number, replacement: string): void {
    this.out.push(this.text.slice(this.copied, from), replacement);
    this.copied = to;
    this.i = to;
  }

  private token(start: number, end: number, percent: boolean): void {
    const { text } = this;
    const wasAfterScheme = this.afterScheme;
    const forced = this.forceNext && wasAfterScheme;
    this.afterScheme = false;
    this.forceNext = false;
    const next = text.charCodeAt(end);
    // Fast path: a run shorter than any secret word or shape, not a name, not after a scheme word.
    if (end - start < 3 && !percent && !forced && next !== 58 && next !== 61 && next !== 34 && next !== 39)
      return;
    if (next === 58 && text.startsWith('://', end) && isUrlScheme(text, start, end))
      return this.url(start, end);
    let k = end;
    while (k < text.length && isNameCloser(text[k])) k++;
    tick(k - end);
    const op = text[k];
    const assigns = (op === '=' && text[k + 1] !== '=') || (op === ':' && !text.startsWith('://', k));
    // A %-encoded run is judged by what it decodes to (an encoded URL is not a random run); masked
    // whole when that holds a secret, since re-encoding would write escapes the input did not have.
    const plain = percent ? decoded(text.slice(start, end)) : undefined;
    if (plain !== undefined && maskTextAt(plain, this.depth + 1) !== plain) return this.masked(start, end);
    if (assigns && end - start >= 3 && isSecretName(text.slice(start, end))) return this.secretValue(k + 1);
    if (forced && !assigns) return this.masked(start, end);
    if (plain !== undefined) return;
    if (runLooksSecret(text, start, end)) return this.masked(start, end);
    if (assigns || !isSpace(text[end]) || end - start > 32) return;
    const run = text.slice(start, end);
    if (wasAfterScheme && isCredentialish(run)) return this.masked(start, end);
    this.afterScheme = isSchemeWord(run);
  }

  /** A secret run: `***`, with any `=` padding after it (RFC 4648 §4). */
  private masked(start: number, end: number): void {
    let e = end;
    while (this.text[e] === '=') e++;
    tick(e - end);
    this.replace(start, e, MASK);
  }

  private url(start: number, end: number): void {
    let e = end;
    while (e < this.text.length && !endsUrl(this.text.charCodeAt(e))) e++;
    tick(e - end);
    const url = this.text.slice(start, e);
    const masked = maskUrlAt(url, this.depth + 1);
    if (masked === url) this.i = e;
    else this.replace(start, e, masked);
  }

  /** After `secret-name=` (or `:`): the value is masked; a leading scheme word stays (`Bearer ***`). */
  private secretValue(valueStart: number): void {
    const { text } = this;
    let v = valueStart;
    while (isSpace(text[v])) v++;
    const quote = text[v];
    let e = v;
    if (quote === '"' || quote === "'") {
      e = v + 1;
      while (e < text.length && text[e] !== quote && text[e] !== '\n') e += text[e] === '\\' ? 2 : 1;
      e = Math.min(e, text.length);
      tick(e - valueStart);
      if (e > v + 1 && text.slice(v + 1, e) !== MASK) this.replace(v + 1, e, MASK);
      else this.i = e;
      return;
    }
    if (quote !== '{' && quote !== '[') {
      // Up to the next space: what follows is judged on its own (a URL, another pair).
      while (e < text.length && !VALUE_END.has(text[e]!) && !isSpace(text[e])) e++;
    }
    tick(e - valueStart);
    const value = text.slice(v, e);
    if (isSpace(text[e]) && isSchemeWord(value)) {
      // `Authorization: Bearer abc`: the scheme word stays, the next run is the credential.
      this.i = e;
      this.afterScheme = true;
      this.forceNext = true;
    } else if (e > v && value !== MASK) this.replace(v, e, MASK);
    else this.i = e;
  }
}

/** {@link maskText} at a nesting depth (text → URL → parameter value → text ...). */
export function maskTextAt(text: string, depth: number): string {
  if (depth > MAX_DEPTH) return /[=%:]/.test(text) ? MASK : text;
  return new TextMasker(text, depth).run();
}

/**
 * Free text with every secret masked: values of secret-named fields (`password=`, `"token":`,
 * `X-Api-Key:`), credentials after a scheme word (`Bearer ***`), JWTs, provider keys, long random
 * runs, and URLs (see maskUrl). Prose and ordinary words are kept. Input over 256 KB is cut first.
 */
export function maskText(text: string): string {
  if (typeof text !== 'string' || text === '') return '';
  const { body, marker } = cutInput(text, MAX_MASK_INPUT);
  return maskTextAt(body, 0) + marker;
}
