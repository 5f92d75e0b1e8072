import type { Challenge } from './types';
import * as ch from './chars';
import { knownName } from './known-names';

const { CHAR_CLASS, C_TCHAR, C_T68, C_UPPER, C_QSTOP, C_T68_ONLY, SP, HTAB, COMMA } = ch;
const { EQUALS, DQUOTE, BACKSLASH } = ch;
type CharSource = ch.CharSource;

/** Past this many parameters in one challenge the full parser takes over (its duplicate check scales). */
const FAST_PARAMS = 16;
const FAILED = -1;

/**
 * One forward pass for the clean common case: strict RFC 9110 §11 grammar, no problem to report.
 * It builds challenges directly, with no scanner/builder/sink objects. At anything the full parser
 * would report or salvage (obs-fold, CTLs, stray or curly quotes, duplicates, token68 with params,
 * a missing comma…) it gives up and returns null, and the caller reruns the full parser from the
 * start, so the output is always the full parser's. Reads each character at most twice.
 */
export function parseClean(lines: readonly CharSource[]): Challenge[] | null {
  const out: Challenge[] = [];
  for (let f = 0; f < lines.length; f++) if (!cleanLine(lines[f]!, out)) return null;
  // RFC 9110 §11.6.1: no challenge at all is a problem; the full parser reports it.
  return out.length === 0 ? null : out;
}

const names: string[] = [];
let count = 0;
/** The scheme was followed directly by a comma: a parameter after it needs the full parser's report. */
let bare = false;

/** One field line; parameters never attach across lines. */
function cleanLine(s: CharSource, out: Challenge[]): boolean {
  const n = s.length;
  let cur: Challenge | null = null;
  let i = 0;
  for (;;) {
    i = ws(s, i, n);
    if (i >= n) return true;
    const c = s.charCodeAt(i);
    if (c === COMMA) {
      i++; // RFC 9110 §5.6.1: empty list elements are legal and ignored.
      continue;
    }
    if (!(CHAR_CLASS[c]! & C_TCHAR)) return false;
    const start = i;
    let seen = 0;
    for (; i < n; i++) {
      const k = CHAR_CLASS[s.charCodeAt(i)]!;
      if (!(k & C_TCHAR)) break;
      seen |= k;
    }
    const eq = ws(s, i, n);
    if (eq < n && s.charCodeAt(eq) === EQUALS) {
      if (cur === null || bare || cur.token68 !== undefined) return false;
      i = param(s, n, cur, start, i, eq, seen);
    } else {
      if (out.length >= 255) return false; // near MAX_CHALLENGES: the full parser enforces the cap
      cur = { scheme: s.slice(start, i), params: {} };
      out.push(cur);
      count = 0;
      bare = i < n && s.charCodeAt(i) === COMMA;
      i = afterScheme(s, n, cur, i);
    }
    if (i === FAILED) return false;
  }
}

/** RFC 9110 §11.1: `scheme [ 1*SP ( token68 / #auth-param ) ]`; returns where the element ends. */
function afterScheme(s: CharSource, n: number, cur: Challenge, i: number): number {
  if (i >= n || bare) return i;
  if (s.charCodeAt(i) !== SP) return FAILED; // a tab or junk after the scheme is reported
  i = ws(s, i, n);
  if (i >= n || s.charCodeAt(i) === COMMA) return i;
  const start = i;
  let seen = 0;
  for (; i < n; i++) {
    const k = CHAR_CLASS[s.charCodeAt(i)]!;
    if (!(k & (C_TCHAR | C_T68))) break;
    seen |= k;
  }
  if (i === start) return FAILED;
  const end = i;
  while (i < n && s.charCodeAt(i) === EQUALS) i++;
  const next = ws(s, i, n);
  const ends = next >= n || s.charCodeAt(next) === COMMA;
  // Same token68-or-param decision as LineParser.firstItem (RFC 9110 §11.2: `=` padding is attached).
  if ((i === end && !(next < n && s.charCodeAt(next) === EQUALS)) || (i > end && (i - end >= 2 || ends))) {
    for (let j = start; j < end; j++) if (!(CHAR_CLASS[s.charCodeAt(j)]! & C_T68)) return FAILED;
    cur.token68 = s.slice(start, i);
    return ends ? next : FAILED; // anything after token68 but a comma is reported
  }
  if (seen & C_T68_ONLY) return FAILED;
  return param(s, n, cur, start, end, ws(s, end, n), seen);
}

/** auth-param = token BWS "=" BWS ( token / quoted-string ), then OWS and a comma or the end. */
function param(
  s: CharSource,
  n: number,
  cur: Challenge,
  start: number,
  end: number,
  eq: number,
  seen: number,
): number {
  if (count >= FAST_PARAMS) return FAILED;
  const name = knownName(s, start, end) ?? lower(s.slice(start, end), seen);
  for (let j = 0; j < count; j++) if (names[j] === name) return FAILED;
  // "__proto__" needs defineProperty (see ChallengeBuilder.put); rare enough to leave to it.
  if (name === '__proto__') return FAILED;
  let i = ws(s, eq + 1, n);
  if (i >= n) return FAILED;
  let value: string;
  if (s.charCodeAt(i) === DQUOTE) {
    const open = ++i;
    let from = open;
    let acc = '';
    for (;;) {
      while (i < n && !(CHAR_CLASS[s.charCodeAt(i)]! & C_QSTOP)) i++;
      if (i + 1 >= n) {
        if (i < n && s.charCodeAt(i) === DQUOTE) break;
        return FAILED; // unterminated
      }
      const c = s.charCodeAt(i);
      if (c === DQUOTE) break;
      if (c !== BACKSLASH) return FAILED; // a CTL
      // quoted-pair (RFC 9110 §5.6.4): drop the backslash, keep the next character.
      acc += s.slice(from, i);
      from = ++i;
      i++;
    }
    // One slice when there was no escape (the common case).
    value = from === open ? s.slice(open, i) : acc + s.slice(from, i);
    i++;
  } else {
    const from = i;
    while (i < n && CHAR_CLASS[s.charCodeAt(i)]! & C_TCHAR) i++;
    if (i === from) return FAILED; // a missing value, curly quote or illegal character
    value = s.slice(from, i);
  }
  names[count++] = name;
  cur.params[name] = value;
  i = ws(s, i, n);
  return i >= n || s.charCodeAt(i) === COMMA ? i : FAILED;
}

/** SP / HTAB; a CR or LF (obs-fold) is left in place, so the caller fails on it. */
function ws(s: CharSource, i: number, n: number): number {
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c !== SP && c !== HTAB) break;
  }
  return i;
}

/** RFC 9110 §11.2: names are case-insensitive; `seen` tells if the name holds an upper-case letter. */
function lower(raw: string, seen: number): string {
  return seen & C_UPPER ? raw.toLowerCase() : raw;
}
