import { base64Bytes, utf8Text } from '../base64';
import { jsonObjectOf } from '../json';
/**
 * The few claims of a JWT that explain a 401 (RFC 7519 §4.1), decoded locally. The token itself is
 * never kept: only these derived facts leave {@link decodeJwtFacts}.
 */
export interface JwtFacts {
  /** Seconds since epoch (NumericDate). */
  exp?: number;
  iat?: number;
  nbf?: number;
  iss?: string;
  /** Always a list: RFC 7519 §4.1.3 allows a string or an array. */
  aud?: string[];
  /** OAuth scopes, space-separated (`scope` string or `scp` array, as issuers differ). */
  scope?: string;
  /** Header `alg`, e.g. "RS256" or "none". */
  alg?: string;
}

const MAX_CLAIM = 200;
/** A JWT segment (base64url, RFC 7515 §2) as UTF-8 text, or undefined when malformed. */
function decodeSegment(segment: string): string | undefined {
  const bytes = base64Bytes(segment);
  return bytes && utf8Text(bytes);
}

function parseObject(segment: string | undefined): Record<string, unknown> | undefined {
  const json = segment === undefined ? undefined : decodeSegment(segment);
  return json === undefined ? undefined : jsonObjectOf(json);
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(0, MAX_CLAIM) : undefined);

function strings(v: unknown): string[] | undefined {
  const list = Array.isArray(v) ? v : [v];
  const out = list.map(str).filter((s): s is string => s !== undefined);
  return out.length ? out.slice(0, 10) : undefined;
}

/**
 * Decodes the claims that matter for a 401 from a compact JWT (`header.payload.signature`), with or
 * without a leading "Bearer ". The signature is not checked: these are hints for the user, not trust.
 * Returns undefined for anything that is not a JWT (opaque tokens, JWE with 5 parts, garbage).
 */
export function decodeJwtFacts(token: string): JwtFacts | undefined {
  const parts = token
    .trim()
    .replace(/^bearer\s+/i, '')
    .split('.');
  if (parts.length !== 3) return undefined;
  const header = parseObject(parts[0]);
  const claims = parseObject(parts[1]);
  if (!header || !claims) return undefined;
  const facts: JwtFacts = {
    exp: num(claims.exp),
    iat: num(claims.iat),
    nbf: num(claims.nbf),
    iss: str(claims.iss),
    aud: strings(claims.aud),
    scope: strings(claims.scope ?? claims.scp)?.join(' '),
    alg: str(header.alg),
  };
  for (const key of Object.keys(facts) as (keyof JwtFacts)[]) if (facts[key] === undefined) delete facts[key];
  return facts;
}
