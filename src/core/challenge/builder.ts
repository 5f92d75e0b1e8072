import type { Challenge } from './types';
import { CHAR_CLASS, C_TCHAR, C_UPPER, EQUALS } from './chars';
import type { ProblemSink } from './problems';

export const MAX_CHALLENGES = 256;
export const MAX_PARAMS = 256;
/** Up to this many params, duplicates are found by scanning `names`. */
const SCAN_NAMES = 16;

/**
 * Assembles challenges from what the line parser reads and applies the list-level rules: a parameter
 * belongs to the challenge before it, names are case-insensitive and unique (RFC 9110 §11.2), token68
 * stands alone. One builder per field line: parameters never attach across lines.
 */
export class ChallengeBuilder {
  private cur: Challenge | null = null;
  private count = 0;
  private readonly names: string[] = [];
  /** The scheme was followed directly by a comma (`Basic, realm=…`), so it has no parameter list. */
  private bare = false;
  private t68At = -1;
  private t68Flagged = false;

  constructor(
    private readonly out: Challenge[],
    private readonly field: number,
    private readonly sink: ProblemSink,
  ) {}

  /** Starts a challenge; false (after reporting) once the cap is reached. */
  start(at: number, scheme: string): boolean {
    if (this.out.length >= MAX_CHALLENGES) {
      this.sink.add('too-many-challenges', this.field, at);
      return false;
    }
    this.cur = { scheme, params: {} };
    this.out.push(this.cur);
    this.count = 0;
    this.bare = false;
    this.t68At = -1;
    this.t68Flagged = false;
    return true;
  }

  scheme(): string {
    return this.cur ? this.cur.scheme : '';
  }

  markBare(): void {
    this.bare = true;
  }

  token68(at: number, _end: number, value: string): void {
    if (!this.cur) return;
    if (this.cur.token68 !== undefined || this.count > 0) this.flagToken68(at, value);
    else {
      this.cur.token68 = value;
      this.t68At = at;
    }
  }

  /** @param upper the name holds an upper-case letter (lower-casing can be skipped otherwise) */
  param(at: number, rawName: string, value: string, upper: boolean): void {
    const cur = this.cur;
    if (!cur) return this.sink.add('param-before-scheme', this.field, at, rawName);
    if (cur.token68 !== undefined) this.paramAfterToken68(cur, at, rawName);
    else if (this.bare) {
      this.sink.add('comma-after-scheme', this.field, at, cur.scheme);
      this.bare = false;
    }
    this.put(cur, at, upper ? rawName.toLowerCase() : rawName, rawName, value);
  }

  /** Duplicate check: a scan of the few names so far beats a megamorphic keyed lookup on `params`. */
  private has(cur: Challenge, name: string): boolean {
    if (this.count > SCAN_NAMES) return typeof cur.params[name] === 'string'; // Object.prototype holds no string
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return true;
    return false;
  }

  private put(cur: Challenge, at: number, name: string, rawName: string, value: string): void {
    if (this.has(cur, name)) return this.sink.add('duplicate-param', this.field, at, rawName);
    if (this.count >= MAX_PARAMS) {
      if (this.count++ === MAX_PARAMS) this.sink.add('too-many-params', this.field, at, cur.scheme);
      return;
    }
    if (this.count < SCAN_NAMES) this.names[this.count] = name;
    this.count++;
    // A plain assignment to "__proto__" would change the prototype and lose the value.
    if (name === '__proto__')
      Object.defineProperty(cur.params, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else cur.params[name] = value;
  }

  /**
   * `Scheme name=, other=x` first reads as token68 "name=" (RFC 9110 §11.2 allows `=` padding) but
   * parameters follow, so the likelier reading is a parameter with a missing value.
   */
  private paramAfterToken68(cur: Challenge, at: number, rawName: string): void {
    const t = cur.token68!;
    if (this.count === 0 && isNameWithOneEquals(t)) {
      delete cur.token68;
      this.sink.add('missing-param-value', this.field, this.t68At, t.slice(0, -1));
      this.put(cur, this.t68At, lower(t.slice(0, -1)), t, '');
      return;
    }
    this.flagToken68(at, rawName);
  }

  private flagToken68(at: number, name: string): void {
    if (!this.t68Flagged) this.sink.add('token68-with-params', this.field, at, name);
    this.t68Flagged = true;
  }
}

function isNameWithOneEquals(t: string): boolean {
  const last = t.length - 1;
  if (last < 1 || t.charCodeAt(last) !== EQUALS) return false;
  for (let i = 0; i < last; i++) if (!(CHAR_CLASS[t.charCodeAt(i)]! & C_TCHAR)) return false;
  return true;
}

/** ASCII lower-casing only when needed (RFC 9110 §11.2: names are case-insensitive). */
function lower(name: string): string {
  for (let i = 0; i < name.length; i++)
    if (CHAR_CLASS[name.charCodeAt(i)]! & C_UPPER) return name.toLowerCase();
  return name;
}
