import { findScheme } from '../schemes';

/** Recorded instead of a scheme word when an Authorization value has none (a bare API key or token). */
export const NO_SCHEME = '(no scheme)';

// A word we are willing to keep when the catalog does not know it: letters and hyphens only, short.
// Anything else in first position (digits, underscores, long runs) may be part of a secret.
const PLAIN_WORD = /^[A-Za-z][A-Za-z-]{0,23}$/;

/**
 * The scheme word of an Authorization / Proxy-Authorization value, safe to store and show:
 * "Bearer abc" → "Bearer"; a bare credential ("abc123", "sk_live_x y") → {@link NO_SCHEME};
 * an empty value → undefined. Never returns any part of the credentials (RFC 9110 §11.4:
 * credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]).
 */
export function credentialScheme(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const space = trimmed.search(/\s/);
  const word = space < 0 ? trimmed : trimmed.slice(0, space);
  const known = findScheme(word);
  if (known) return known.name;
  // A lone word is the credential itself unless the catalog knows it as a scheme.
  if (space < 0 || !PLAIN_WORD.test(word)) return NO_SCHEME;
  return word;
}
