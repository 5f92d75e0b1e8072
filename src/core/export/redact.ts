// Redaction for anything that leaves the extension (support report, HAR / cURL exports): credential
// values become `***`, names and scheme words stay so the text still explains the failure.
// Pure string functions: they never throw and never need a valid URL or header.
import { credentialScheme, NO_SCHEME } from '../record';

/** What a redacted value is replaced with. */
export const MASK = '***';

/**
 * Query/fragment parameter names (lower-case, `-` read as `_`) whose values are secrets: OAuth
 * (RFC 6749 §4.1.2 `code`, §4.2.2 `access_token`), OpenID `id_token`, AWS SigV4 presigned URLs,
 * API keys and session ids.
 */
export const SECRET_PARAMS: ReadonlySet<string> = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'code',
  'key',
  'api_key',
  'apikey',
  'password',
  'pass',
  'secret',
  'client_secret',
  'sig',
  'signature',
  'x_amz_signature',
  'x_amz_credential',
  'x_amz_security_token',
  'jwt',
  'session',
  'sid',
  'auth',
]);

/** Request/response headers whose whole value is a credential (besides Authorization and cookies). */
const SECRET_HEADERS = new Set([
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-wp-nonce',
  'x-amz-security-token',
  'dpop',
]);

/** Whether a parameter name looks like it carries a secret (exact names, plus `*_token`/`*_secret`). */
export function isSecretParam(name: string): boolean {
  let normal = name.toLowerCase().replace(/-/g, '_');
  try {
    normal = decodeURIComponent(normal);
  } catch {
    // A broken %-escape: judge the name as written.
  }
  return SECRET_PARAMS.has(normal) || /(^|_)(token|secret|password|apikey|api_key)$/.test(normal);
}

// RFC 7519 §3: header.payload[.signature], each base64url; the header JSON always starts `{"` = eyJ.
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?/g;
const LONG_HEX = /\b[0-9a-fA-F]{32,}\b/g;
const LONG_BASE64 = /[A-Za-z0-9+/_-]{40,}={0,2}/g;
// A credential after an auth scheme word in free text ("Bearer abc..."), RFC 9110 §11.4 token68; it
// must hold a non-letter so prose such as "Basic authentication" stays readable.
const SCHEME_TOKEN =
  /\b(Bearer|Basic|DPoP|Token)(\s+)(?=[A-Za-z]*[0-9._~+/=-])[A-Za-z0-9._~+/-]{8,}=*(?=$|[\s,;"'])/gi;

/**
 * Masks credential-shaped substrings of free text: JWTs, long hex or base64 runs (API keys, session
 * ids, signatures) and the token after `Bearer`/`Basic`/`DPoP`. Ordinary words are left alone.
 */
export function maskSecretsInText(text: string): string {
  if (typeof text !== 'string' || text === '') return '';
  return text
    .replace(JWT, MASK)
    .replace(SCHEME_TOKEN, (_m, scheme: string, space: string) => `${scheme}${space}${MASK}`)
    .replace(LONG_HEX, MASK)
    .replace(LONG_BASE64, (run) => (looksRandom(run) ? MASK : run));
}

/** Mixed case and digits, and not a path of words: `/` splits a path, while base64 rarely has many. */
function looksRandom(run: string): boolean {
  if (!/[0-9]/.test(run) || !/[a-z]/.test(run) || !/[A-Z]/.test(run)) return false;
  return run.split('/').some((piece) => piece.length >= 20 && /[0-9]/.test(piece) && /[A-Z]/.test(piece));
}

/** `a=1&token=x` → `a=1&token=***` (names kept, order kept, `;` separators too). */
function maskParams(params: string): string {
  return params
    .split(/([&;])/)
    .map((part) => {
      if (part === '&' || part === ';') return part;
      const eq = part.indexOf('=');
      if (eq < 0) return maskSecretsInText(part);
      const name = part.slice(0, eq);
      return isSecretParam(name) ? `${name}=${MASK}` : `${name}=${maskSecretsInText(part.slice(eq + 1))}`;
    })
    .join('');
}

/**
 * A URL safe to show or export: the userinfo password (RFC 3986 §3.2.1, deprecated but still sent)
 * and secret-looking query/fragment parameters become `***`, names kept; JWTs and long tokens in the
 * path are masked too. Works on text that is not a valid URL.
 */
export function maskUrl(url: string): string {
  if (typeof url !== 'string') return '';
  const hash = url.indexOf('#');
  const fragment = hash >= 0 ? url.slice(hash + 1) : undefined;
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const q = beforeHash.indexOf('?');
  const query = q >= 0 ? beforeHash.slice(q + 1) : undefined;
  let base = q >= 0 ? beforeHash.slice(0, q) : beforeHash;
  base = base.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/, `$1:${MASK}@`);
  let out = maskSecretsInText(base);
  if (query !== undefined) out += `?${maskParams(query)}`;
  // OAuth implicit flow returns tokens in the fragment (RFC 6749 §4.2.2): same treatment.
  if (fragment !== undefined)
    out += `#${fragment.includes('=') ? maskParams(fragment) : maskSecretsInText(fragment)}`;
  return out;
}

/** How a stored scheme word is shown: `Bearer ***`, or `***` alone for a bare credential. */
export function maskedAuthorization(scheme: string): string {
  return scheme === NO_SCHEME ? MASK : `${scheme} ${MASK}`;
}

/** `scheme credentials` → `scheme ***`; a value with no scheme word (a bare key) is masked whole. */
function maskAuthorization(value: string): string {
  const scheme = credentialScheme(value);
  return scheme ? maskedAuthorization(scheme) : MASK;
}

/** `a=1; b=2` → `a=***; b=***` (RFC 6265 §4.2.1 cookie-string). */
function maskCookie(value: string): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq)}=${MASK}`;
    })
    .join(';');
}

/** `name=value; Path=/; HttpOnly` → `name=***; Path=/; HttpOnly` (RFC 6265 §4.1.1); lines kept. */
function maskSetCookie(value: string): string {
  return value
    .split('\n')
    .map((line) => {
      const semi = line.indexOf(';');
      const pair = semi < 0 ? line : line.slice(0, semi);
      const eq = pair.indexOf('=');
      const masked = eq < 0 ? MASK : `${pair.slice(0, eq)}=${MASK}`;
      return semi < 0 ? masked : masked + line.slice(semi);
    })
    .join('\n');
}

/**
 * A header value safe to show or export. Authorization / Proxy-Authorization keep the scheme word
 * (`Bearer ***`); Cookie keeps names (`sid=***`); Set-Cookie keeps the name and attributes; known
 * credential headers (X-Api-Key, X-WP-Nonce, DPoP, ...) become `***`; Location/Referer go through
 * {@link maskUrl}; anything else through {@link maskSecretsInText}.
 */
export function maskHeaderValue(name: string, value: string): string {
  if (typeof value !== 'string') return '';
  const lower = String(name).toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return maskAuthorization(value);
  if (lower === 'cookie') return maskCookie(value);
  if (lower === 'set-cookie') return maskSetCookie(value);
  if (SECRET_HEADERS.has(lower)) return value === '' ? '' : MASK;
  if (lower === 'location' || lower === 'referer' || lower === 'content-location') return maskUrl(value);
  return maskSecretsInText(value);
}
