// The scheme word of an Authorization / Proxy-Authorization value: the only part of a credential
// header the record keeps (RFC 9110 §11.4: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]).
import { findScheme } from '../schemes';
import { MASK } from './cut';
import { tick } from './steps';
import { isSecretName } from './vocabulary';

/** Recorded instead of a scheme word when an Authorization value has none (a bare API key or token). */
export const NO_SCHEME = '(no scheme)';

// A word we are willing to keep when the catalog does not know it: letters and hyphens only, short.
const PLAIN_WORD = /^[A-Za-z][A-Za-z-]{0,23}$/;
// What follows a real scheme: a token68 of credential length, or an auth-param list (`name=value`).
const TOKEN68 = /^[A-Za-z0-9._~+/-]{8,}=*$/;
const AUTH_PARAM = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=/;

/**
 * The scheme word of a credentials value, safe to store and show: "Bearer abc" → "Bearer"; a bare
 * credential ("abc123") → {@link NO_SCHEME}; an empty value → undefined. A word the catalog does not
 * know is kept only when it is plain (letters, hyphens), holds no secret word (`MySecretPassword`) and
 * is followed by a credential part: a token68 of 8+ characters or auth-params. Otherwise the first word
 * may itself be the secret (`Authorization: hunter2 x`), so nothing of it is kept.
 */
export function credentialScheme(value: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.length > 4096 ? value.slice(0, 4096).trim() : value.trim();
  tick(trimmed.length);
  if (!trimmed) return undefined;
  const space = trimmed.search(/\s/);
  const word = space < 0 ? trimmed : trimmed.slice(0, space);
  const known = word.length <= 64 ? findScheme(word) : undefined;
  if (known) return known.name;
  if (space < 0 || !PLAIN_WORD.test(word) || isSecretName(word)) return NO_SCHEME;
  const rest = trimmed.slice(space).trim();
  // `Scheme ***` is this function's own masked output: reading it again keeps the word (idempotent).
  return rest === MASK || TOKEN68.test(rest) || AUTH_PARAM.test(rest) ? word : NO_SCHEME;
}

/** How a stored scheme word is shown: `Bearer ***`, or `***` alone for a bare credential. */
export function maskedAuthorization(scheme: string): string {
  return scheme === NO_SCHEME ? MASK : `${scheme} ${MASK}`;
}
