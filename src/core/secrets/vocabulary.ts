// Which parameter, field and header names carry secrets. Default-deny: a name is secret when its
// normalized form CONTAINS a word of the vocabulary, so `accessToken`, `PHPSESSID`, `user[password]`,
// `X-Goog-Signature` and `oauth_verifier` all match without being listed one by one.
import { decodeAscii } from './shapes';
import { tick } from './steps';

/**
 * Words whose presence in a name marks its value secret: OAuth 2.0 (RFC 6749 §4.1.2 `code`, §4.2.2
 * `access_token`, RFC 7636 `code_verifier`), OAuth 1.0a (RFC 5849 `oauth_verifier`, `oauth_signature`),
 * SAML 2.0 bindings (`SAMLRequest`, `SAMLResponse`, `RelayState`), JWT bearer assertions (RFC 7523
 * `assertion`, `client_assertion`), signed URLs (AWS SigV4, Google `X-Goog-Signature`), sessions
 * (`PHPSESSID`, `JSESSIONID`, `sid`), anti-CSRF values, one-time passwords and API keys.
 */
export const SECRET_WORDS: readonly string[] = [
  'token',
  'secret',
  'pass',
  'pwd',
  'key',
  'sig',
  'code',
  'session',
  'sess',
  'sid',
  'ticket',
  'auth',
  'assertion',
  'saml',
  'relaystate',
  'otp',
  'nonce',
  'csrf',
  'xsrf',
  'credential',
  'verifier',
  'jwt',
  'bearer',
  'private',
  'cookie',
  'hmac',
  'apikey',
];

/**
 * Normalized names that contain a word above but carry nothing secret, kept readable because
 * diagnosis needs them: `token_type=bearer` (RFC 6749 §4.2.2), PKCE's `code_challenge_method`,
 * SAML's `SigAlg`, AWS `X-Amz-SignedHeaders`, WordPress `author`, Google `authuser`.
 */
const HARMLESS = new Set([
  'tokentype',
  'tokentypehint',
  'requestedtokentype',
  'subjecttokentype',
  'actortokentype',
  'codechallengemethod',
  'responsetype',
  'sigalg',
  'xamzsignedheaders',
  'oauthsignaturemethod',
  'oauthversion',
  'author',
  'authuser',
]);

/** Longest name judged; a longer one is judged on its start (a name is never that long in practice). */
const MAX_NAME = 256;

/**
 * `X-Auth_Token[]` → `xauthtoken`: %-escapes decoded, lower-cased, `-_[]`, dots and spaces dropped.
 * camelCase needs no split: the vocabulary is matched inside the joined word.
 */
export function normalizeName(name: string): string {
  const cut = name.length > MAX_NAME ? name.slice(0, MAX_NAME) : name;
  tick(cut.length);
  return decodeAscii(cut)
    .toLowerCase()
    .replace(/[-_[\].\s$]/g, '');
}

// Pages repeat the same few names thousands of times (a long query, a JSON array): remember answers.
const known = new Map<string, boolean>();

/** Whether a parameter / field / header name says its value is a secret. */
export function isSecretName(name: string): boolean {
  const cached = known.get(name);
  if (cached !== undefined) {
    tick(Math.min(name.length, MAX_NAME));
    return cached;
  }
  const normal = normalizeName(name);
  tick(normal.length);
  const secret = normal !== '' && !HARMLESS.has(normal) && SECRET_WORDS.some((word) => normal.includes(word));
  if (known.size >= 2048) known.clear();
  if (name.length <= 64) known.set(name, secret);
  return secret;
}
