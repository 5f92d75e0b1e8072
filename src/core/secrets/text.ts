// maskText: one left-to-right pass over free text (a JSON or form body, a header value, an error
// message). It masks the value after a secret-named `name=` / `name:` / `"name":`, the credential after
// an auth scheme word, token runs shaped like secrets, %-encoded runs that decode to any of those, and
// every URL it meets (through maskUrl). Each character is read a bounded number of times.
import { findScheme } from '../schemes';
import { cutInput, MASK, MAX_MASK_INPUT } from './cut';
import { isRunChar, runLooksSecret } from './shapes';
import { tick } from './steps';
import { MAX_DEPTH, maskUrlAt } from './url';
import { isSecretName } from './vocabulary';

const PERCENT = 37;

const isTokenChar = (code: number): boolean => isRunChar(code) || code === PERCENT;
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
// What may stand between a name and its `=`/`:`: closing quotes and brackets (`"a":`, `user[pass]=`).
const isNameCloser = (c: string | undefined): boolean =>
  c === '"' || c === "'" || c === ']' || c === '[' || c === ' ' || c === '\t';
const VALUE_END = new Set(['&', ';', ',', '"', "'", '<', '>', ')', '}', ']', '\n', '\r']);
const URL_END = new Set([' ', '\t', '\n', '\r', '"', "'", '<', '>', '`']);

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

function decoded(run: string): string | undefined {
  if (!run.includes('%')) return undefined;
  try {
    const plain = decodeURIComponent(run);
    return plain === run ? undefined : plain;
  } catch {
    return undefined;
  }
}

class TextMasker {
  private readonly out: string[] = [];
  private i = 0;
  private afterScheme = false;

  constructor(
    private readonly text: string,
    private readonly depth: number,
  ) {}

  run(): string {
    const { text } = this;
    while (this.i < text.length) {
      const start = this.i;
      let j = start;
      while (j < text.length && !isTokenChar(text.charCodeAt(j))) j++;
      if (j > start) {
        const gap = text.slice(start, j);
        tick(gap.length);
        if (/[^ \t]/.test(gap)) this.afterScheme = false;
        this.out.push(gap);
        this.i = j;
        continue;
      }
      while (j < text.length && isTokenChar(text.charCodeAt(j))) j++;
      tick(j - start);
      this.token(start, j);
    }
    return this.out.join('');
  }

  private token(start: number, end: number): void {
    const { text } = this;
    const run = text.slice(start, end);
    const wasAfterScheme = this.afterScheme;
    this.afterScheme = false;
    if (text.startsWith('://', end) && isUrlScheme(text, start, end)) return this.url(start, end);
    let k = end;
    while (k < text.length && isNameCloser(text[k])) k++;
    tick(k - end);
    const op = text[k];
    const assigns = (op === '=' && text[k + 1] !== '=') || (op === ':' && !text.startsWith('://', k));
    if (assigns && isSecretName(run)) return this.secretValue(start, k + 1);
    // A %-encoded run is judged by what it decodes to (an encoded URL is not a random run).
    const plain = decoded(run);
    if (plain !== undefined) {
      const masked = maskTextAt(plain, this.depth + 1);
      this.out.push(masked === plain ? run : encodeURIComponent(masked));
      this.i = end;
      return;
    }
    if (runLooksSecret(text, start, end) || (wasAfterScheme && !assigns && isCredentialish(run)))
      return this.masked(end);
    this.out.push(run);
    this.i = end;
    this.afterScheme = !assigns && isSpace(text[end]) && isSchemeWord(run);
  }

  /** A secret run: `***`, with any `=` padding after it (RFC 4648 §4). */
  private masked(end: number): void {
    let e = end;
    while (this.text[e] === '=') e++;
    tick(e - end);
    this.out.push(MASK);
    this.i = e;
  }

  private url(start: number, end: number): void {
    let e = end;
    while (e < this.text.length && !URL_END.has(this.text[e]!)) e++;
    tick(e - end);
    this.out.push(maskUrlAt(this.text.slice(start, e), this.depth + 1));
    this.i = e;
  }

  /** After `secret-name=` (or `:`): the value is masked; a leading scheme word stays (`Bearer ***`). */
  private secretValue(nameStart: number, valueStart: number): void {
    const { text } = this;
    let v = valueStart;
    while (isSpace(text[v])) v++;
    this.out.push(text.slice(nameStart, v));
    const quote = text[v];
    let e = v;
    if (quote === '"' || quote === "'") {
      e = v + 1;
      while (e < text.length && text[e] !== quote && text[e] !== '\n') e += text[e] === '\\' ? 2 : 1;
      e = Math.min(e, text.length);
      this.out.push(quote);
      if (e > v + 1) this.out.push(MASK);
    } else if (quote !== '{' && quote !== '[') {
      while (e < text.length && !VALUE_END.has(text[e]!)) e++;
      if (e > v) this.out.push(this.schemePrefix(text.slice(v, e)) + MASK);
    }
    tick(e - valueStart);
    this.i = e;
  }

  /** `Bearer abc` → `Bearer `: the scheme word of an Authorization-like value is not the secret. */
  private schemePrefix(value: string): string {
    const space = value.indexOf(' ');
    if (space <= 0) return '';
    const word = value.slice(0, space);
    return isSchemeWord(word) ? `${word} ` : '';
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
