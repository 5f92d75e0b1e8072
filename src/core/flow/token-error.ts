// The token endpoint's error answer (RFC 6749 §5.2): a JSON object whose `error` is one ASCII token
// from a registered vocabulary and whose `error_description` is free text for the developer. Only
// those two are kept — never the rest of the body — and the description goes through the secret policy.
import { maskText } from '../secrets';
import { jsonObjectOf } from '../json';

/** What a refused code exchange said, as the panel or an imported HAR read it from the body. */
export interface TokenError {
  /** RFC 6749 §5.2 / RFC 9449 §5 / RFC 8628 §3.5 error code, e.g. invalid_grant. */
  error: string;
  /** error_description, masked and capped. */
  description?: string;
}

/**
 * Error codes a token endpoint answers, with their source: RFC 6749 §5.2, RFC 9449 §5 (DPoP),
 * RFC 8628 §3.5 (device grant), RFC 8693 §2.2.2 (token exchange: invalid_target).
 */
export const TOKEN_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
  'invalid_dpop_proof',
  'use_dpop_nonce',
  'authorization_pending',
  'slow_down',
  'access_denied',
  'expired_token',
] as const;

/** Bodies longer than this are not error objects worth reading (a §5.2 answer is a few hundred bytes). */
export const MAX_TOKEN_BODY = 16 * 1024;
const MAX_DESCRIPTION = 300;
// RFC 6749 §5.2: error is 1*NQSCHAR; a provider's own code that still looks like one token is kept,
// anything longer or with other characters is not a code.
const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The RFC 6749 §5.2 error in a token endpoint's response body, or undefined when the body is not such
 * an object. Never throws; reads at most {@link MAX_TOKEN_BODY} characters.
 */
export function tokenErrorOf(body: unknown): TokenError | undefined {
  if (typeof body !== 'string' || body.length > MAX_TOKEN_BODY) return undefined;
  const value = jsonObjectOf(body);
  if (!value) return undefined;
  const { error, error_description: description } = value;
  if (typeof error !== 'string' || !CODE.test(error)) return undefined;
  const found: TokenError = { error };
  if (typeof description === 'string' && description.trim()) {
    const masked = maskText(description.trim());
    found.description = masked.length > MAX_DESCRIPTION ? `${masked.slice(0, MAX_DESCRIPTION - 1)}…` : masked;
  }
  return found;
}

/** Whether a code is one of {@link TOKEN_ERRORS} (the UI explains those; others are the provider's own). */
export function isKnownTokenError(code: string): boolean {
  return (TOKEN_ERRORS as readonly string[]).includes(code);
}

/** Message key of what a code means to the person signing in, or what the app's owner changes. */
export function tokenErrorKey(code: string, part: 'meaning' | 'owner'): string {
  return `flow_token_error_${isKnownTokenError(code) ? code : 'other'}_${part}`;
}
