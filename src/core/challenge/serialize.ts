import type { Challenge } from './types';
import { CHAR_CLASS, C_TCHAR, DQUOTE, BACKSLASH } from './chars';

// RFC 7616 §3.3 defines these Digest values as bare tokens; everything else is sent quoted, as
// RFC 9110 §11.5 requires for realm and most servers do for all values.
const BARE_WHEN_TOKEN = new Set(['algorithm', 'stale', 'userhash']);

/**
 * Writes challenges as one field value (RFC 9110 §11.6.1): `Scheme token68` or
 * `Scheme name="value", …`, challenges joined by ", ". Values are quoted and escaped as needed, so
 * `parseChallenges(serializeChallenges(c)).challenges` equals `c` for any challenge whose scheme and
 * names are tokens and which holds a token68 or params, not both.
 */
export function serializeChallenges(challenges: readonly Challenge[]): string {
  return challenges.map(serializeOne).join(', ');
}

function serializeOne(c: Challenge): string {
  const parts: string[] = [];
  if (c.token68 !== undefined) parts.push(c.token68);
  for (const name of Object.keys(c.params)) parts.push(name + '=' + serializeValue(name, c.params[name]!));
  return parts.length ? c.scheme + ' ' + parts.join(', ') : c.scheme;
}

function serializeValue(name: string, value: string): string {
  return BARE_WHEN_TOKEN.has(name) && isToken(value) ? value : quote(value);
}

function isToken(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) if (!(CHAR_CLASS[v.charCodeAt(i)]! & C_TCHAR)) return false;
  return true;
}

/** quoted-string with `"` and `\` escaped as quoted-pairs (RFC 9110 §5.6.4). */
function quote(v: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === DQUOTE || c === BACKSLASH) {
      out += v.slice(start, i) + '\\';
      start = i;
    }
  }
  return out + v.slice(start) + '"';
}
