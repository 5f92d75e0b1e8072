// maskHeader: one header value safe to store and show. Raw only for a short allow-list of harmless
// headers; credentials keep their scheme word, cookies their names; URL-valued headers go through
// maskUrl; vendor auth headers and any header whose name holds a secret word are masked whole.
import { cutInput, MASK, MAX_MASK_INPUT } from './cut';
import { maskedAuthorization, credentialScheme } from './scheme-word';
import { looksSecret } from './shapes';
import { tick } from './steps';
import { maskText } from './text';
import { maskUrl } from './url';
import { isSecretName } from './vocabulary';

/** Headers whose values are never secret (status, content, caching, CORS, transport), shown raw. */
const HARMLESS = new Set([
  'status',
  ':status',
  ':method',
  ':scheme',
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'server',
  'date',
  'expires',
  'last-modified',
  'age',
  'cache-control',
  'pragma',
  'vary',
  'retry-after',
  'x-powered-by',
  'via',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'accept',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-request-method',
  'access-control-request-headers',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'x-requested-with',
  'clear-site-data',
  'user-agent',
  'upgrade-insecure-requests',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-user',
]);

/** Headers that carry a URL (RFC 9110 §10.2.2 Location, §10.1.3 Referer, RFC 6454 Origin, ...). */
const URL_HEADERS = new Set([
  'location',
  'content-location',
  'referer',
  'origin',
  ':path',
  ':authority',
  'link',
  'refresh',
]);

// Vendor families whose values are credentials or echo them (AWS API Gateway's
// x-amzn-Remapped-Authorization, x-auth-*, x-api-*); request ids, error types and IAP's
// X-Goog-IAP-Generated-Response flag stay readable.
const VENDOR = /^(x-auth-|x-api-|x-amzn-|x-amz-|x-goog-|x-ms-|x-csrf|x-xsrf)/;
const VENDOR_HARMLESS = /(errortype|error-type|requestid|request-id|trace-id|-version|-date|generated-response)$/;

/** Challenges (RFC 9110 §11.6.1, §11.7.1) and Authentication-Info are sent to anyone who asks. */
const CHALLENGES = new Set(['www-authenticate', 'proxy-authenticate', 'authentication-info']);

/** One `name=value` of a Cookie header: the name stays unless it is missing or shaped like a secret. */
function maskPair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair.trim() === '' ? pair : ` ${MASK}`;
  const name = pair.slice(0, eq);
  const trimmed = name.trim();
  return trimmed === '' || (trimmed.length >= 8 && looksSecret(trimmed)) ? ` ${MASK}` : `${name}=${MASK}`;
}

/** `a=1; b=2; s3cr3t` → `a=***; b=***; ***` (RFC 6265 §4.2.1; a nameless cookie is all value). */
export function maskCookie(value: string): string {
  tick(value.length);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) !== 59) continue; // ';'
    out.push(maskPair(value.slice(start, i)));
    start = i + 1;
  }
  return out.join(';');
}

// RFC 6265 §5.2 attributes; their values are not secrets.
const COOKIE_ATTRIBUTES = new Set([
  'expires',
  'max-age',
  'domain',
  'path',
  'secure',
  'httponly',
  'samesite',
  'partitioned',
  'priority',
]);

/** `sid=x; Path=/; HttpOnly` → `sid=***; Path=/; HttpOnly`, per line (Firefox joins fields with `\n`). */
export function maskSetCookie(value: string): string {
  tick(value.length);
  return value
    .split('\n')
    .map((line) =>
      line
        .split(';')
        .map((part, i) => {
          const eq = part.indexOf('=');
          const name = (eq < 0 ? part : part.slice(0, eq)).trim();
          if (i === 0) return eq < 0 || name === '' ? MASK : `${part.slice(0, eq)}=${MASK}`;
          return COOKIE_ATTRIBUTES.has(name.toLowerCase())
            ? part
            : eq < 0
              ? ` ${MASK}`
              : `${part.slice(0, eq)}=${MASK}`;
        })
        .join(';'),
    )
    .join('\n');
}

function maskByName(lower: string, value: string): string | undefined {
  if (HARMLESS.has(lower)) return value;
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const scheme = credentialScheme(value);
    return scheme ? maskedAuthorization(scheme) : value.trim() === '' ? '' : MASK;
  }
  if (lower === 'cookie') return maskCookie(value);
  if (lower === 'set-cookie') return maskSetCookie(value);
  if (lower === 'link' || lower === 'refresh') return maskText(value);
  if (lower === ':authority') return maskUrl(`//${value}`).slice(2);
  if (URL_HEADERS.has(lower)) return maskUrl(value);
  if (CHALLENGES.has(lower)) return maskText(value);
  if (VENDOR.test(lower) && !VENDOR_HARMLESS.test(lower)) return value === '' ? '' : MASK;
  if (lower.startsWith(':')) return maskUrl(value);
  if (isSecretName(lower)) return value === '' ? '' : MASK;
  return undefined;
}

/**
 * A header value safe to store, show or export (see README "Privacy" for the whole policy):
 * allow-listed harmless headers raw; Authorization / Proxy-Authorization → `Bearer ***` (scheme word
 * only, `***` for a bare key); Cookie / Set-Cookie → names and attributes with `***` values; Location,
 * Referer, Origin, Link, HTTP/2 `:path` / `:authority` → masked URLs; `x-auth-*`, `x-api-*`,
 * `x-amzn-*` and every header whose name holds a secret word → `***`; anything else through maskText.
 */
export function maskHeader(name: string, value: string): string {
  if (typeof value !== 'string') return '';
  const lower = String(name).trim().toLowerCase();
  const { body, marker } = cutInput(value, MAX_MASK_INPUT);
  const byName = maskByName(lower, body);
  return (byName ?? maskText(body)) + (byName === MASK || byName === '' ? '' : marker);
}
