// Export-side masking on top of src/core/export/redact.ts (shared with the support report): HAR entries that
// DevTools hands the panel carry every request header, including vendor ones redact.ts does not list
// by name (X-MyApp-Session, X-Custom-Token...). Those are masked by the shape of their name.
import { MASK, maskHeaderValue, maskSecretsInText, maskUrl as maskUrlShared } from './redact';

export { MASK, maskSecretsInText };

// Anti-CSRF values in query strings (WordPress `_wpnonce`, `csrf_token`...) authorize the request too.
const NONCE_PARAM = /([?&#;](?:_?wp)?_?(?:[a-z]*_)?(?:nonce|csrf|xsrf)[a-z_]*=)[^&#;]*/gi;

/** redact.ts's maskUrl, plus nonce / CSRF query parameters. */
export function maskUrl(url: string): string {
  return maskUrlShared(url).replace(NONCE_PARAM, `$1${MASK}`);
}

// A header name with a credential word in it, as vendors name them (OWASP API Security, API2).
const SECRET_HEADER =
  /(^|-)(api-?key|auth|token|secret|session|csrf|xsrf|signature|password|credentials?)(-|$)/i;
// Headers that name auth but carry no secret (RFC 9110 §11.6.1, §11.7.1 challenges; caching metadata).
const PUBLIC_AUTH_HEADERS = new Set(['www-authenticate', 'proxy-authenticate', 'authentication-info']);

/**
 * A header value safe to export: redact.ts's rules (Authorization keeps its scheme word, cookies
 * their names), plus any vendor header whose name says it holds a credential masked whole.
 */
export function maskHeader(name: string, value: string): string {
  const lower = String(name).toLowerCase();
  const known = maskHeaderValue(lower, String(value));
  // A lone word is a bare key (`Authorization: 3f9a...`), not a scheme: redact.ts would keep it.
  if ((lower === 'authorization' || lower === 'proxy-authorization') && !/\S\s+\S/.test(String(value)))
    return value === '' ? '' : MASK;
  if (['authorization', 'proxy-authorization', 'cookie', 'set-cookie'].includes(lower)) return known;
  return SECRET_HEADER.test(lower) && !PUBLIC_AUTH_HEADERS.has(lower) && value !== '' ? MASK : known;
}
