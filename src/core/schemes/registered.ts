// The IANA HTTP Authentication Scheme Registry (https://www.iana.org/assignments/http-authschemes,
// last updated 2025-02-18): Basic, Bearer, Concealed, Digest, DPoP, GNAP, HOBA, Mutual, Negotiate,
// OAuth, PrivateToken, SCRAM-SHA-1, SCRAM-SHA-256, vapid. Digest's parameters live in digest.ts.
import { digest } from './digest';
import { oauthErrorValues, oauthParams, realmParam } from './oauth-params';
import type { SchemeInfo } from './types';

const rfc = (n: number): string => `https://www.rfc-editor.org/rfc/rfc${n}`;

/** RFC 7804 §5: SCRAM-SHA-1 and SCRAM-SHA-256 share their parameters. */
const scramParams = [
  realmParam,
  { name: 'sid', key: 'param_scram_sid' },
  { name: 'data', key: 'param_scram_data' },
  { name: 'sr', key: 'param_scram_sr' },
  { name: 'ttl', key: 'param_scram_ttl' },
];

export const registeredSchemes: readonly SchemeInfo[] = [
  {
    name: 'Basic',
    id: 'basic',
    registered: true,
    specRef: 'RFC 7617',
    specUrl: rfc(7617),
    params: [
      // RFC 7617 §2: realm is REQUIRED; Chromium tolerates its absence (crbug.com/20984).
      { name: 'realm', key: 'param_basic_realm', required: 'warn' },
      // RFC 7617 §2.1: the only allowed value is "UTF-8" (case-insensitive).
      {
        name: 'charset',
        key: 'param_basic_charset',
        values: { 'utf-8': { key: 'param_basic_charset' } },
        other: { key: 'param_basic_charset_invalid', severity: 'error' },
      },
    ],
    browser: 'prompt',
    chromiumScore: 1,
  },
  {
    name: 'Bearer',
    id: 'bearer',
    registered: true,
    specRef: 'RFC 6750',
    specUrl: rfc(6750),
    params: oauthParams(oauthErrorValues),
    browser: 'app',
  },
  {
    name: 'Concealed',
    id: 'concealed',
    registered: true,
    specRef: 'RFC 9729',
    specUrl: rfc(9729),
    params: [realmParam],
    browser: 'unsupported',
  },
  digest,
  {
    name: 'DPoP',
    id: 'dpop',
    registered: true,
    specRef: 'RFC 9449 §7.1',
    specUrl: `${rfc(9449)}#section-7.1`,
    params: [
      ...oauthParams({
        ...oauthErrorValues,
        invalid_dpop_proof: { key: 'param_dpop_error_invalid_dpop_proof' },
        use_dpop_nonce: { key: 'param_dpop_error_use_dpop_nonce' },
      }),
      { name: 'algs', key: 'param_dpop_algs' },
    ],
    browser: 'app',
  },
  {
    name: 'GNAP',
    id: 'gnap',
    registered: true,
    specRef: 'RFC 9635 §7.2',
    specUrl: `${rfc(9635)}#section-7.2`,
    params: [
      { name: 'as_uri', key: 'param_gnap_as_uri' },
      { name: 'referrer', key: 'param_gnap_referrer' },
    ],
    browser: 'app',
  },
  {
    name: 'HOBA',
    id: 'hoba',
    registered: true,
    specRef: 'RFC 7486 §3',
    specUrl: `${rfc(7486)}#section-3`,
    params: [
      { name: 'challenge', key: 'param_hoba_challenge', required: 'warn' },
      { name: 'max-age', key: 'param_hoba_max_age', required: 'warn' },
      realmParam,
    ],
    browser: 'unsupported',
  },
  {
    name: 'Mutual',
    id: 'mutual',
    registered: true,
    specRef: 'RFC 8120',
    specUrl: rfc(8120),
    params: [
      {
        name: 'reason',
        key: 'param_mutual_reason',
        values: {
          initial: { key: 'param_mutual_reason_initial' },
          'stale-session': { key: 'param_mutual_reason_stale_session' },
          'auth-failed': { key: 'param_mutual_reason_auth_failed', severity: 'warn' },
          'reauth-needed': { key: 'param_mutual_reason_reauth_needed' },
        },
      },
      { name: 'version', key: 'param_mutual_version' },
      { name: 'algorithm', key: 'param_mutual_algorithm' },
      { name: 'validation', key: 'param_mutual_validation' },
      { name: 'auth-scope', key: 'param_mutual_auth_scope' },
      realmParam,
      { name: 'sid', key: 'param_mutual_sid' },
      { name: 'ks1', key: 'param_mutual_ks1' },
      { name: 'nc-max', key: 'param_mutual_nc_max' },
      { name: 'nc-window', key: 'param_mutual_nc_window' },
      { name: 'time', key: 'param_mutual_time' },
      { name: 'path', key: 'param_mutual_path' },
    ],
    browser: 'unsupported',
  },
  {
    name: 'Negotiate',
    id: 'negotiate',
    registered: true,
    specRef: 'RFC 4559 §4',
    specUrl: `${rfc(4559)}#section-4`,
    params: [],
    token68: 'param_negotiate_token68',
    browser: 'negotiate',
    chromiumScore: 4,
  },
  {
    name: 'OAuth',
    id: 'oauth',
    registered: true,
    specRef: 'RFC 5849 §3.5.1',
    specUrl: `${rfc(5849)}#section-3.5.1`,
    params: [realmParam],
    browser: 'app',
  },
  {
    name: 'PrivateToken',
    id: 'privatetoken',
    registered: true,
    specRef: 'RFC 9577 §2.1',
    specUrl: `${rfc(9577)}#section-2.1`,
    params: [
      { name: 'challenge', key: 'param_privatetoken_challenge', required: 'warn' },
      { name: 'token-key', key: 'param_privatetoken_token_key', required: 'warn' },
      { name: 'max-age', key: 'param_privatetoken_max_age' },
    ],
    browser: 'unsupported',
    browserNote: 'explain_browser_note_privatetoken',
  },
  {
    name: 'SCRAM-SHA-1',
    id: 'scram_sha_1',
    registered: true,
    specRef: 'RFC 7804',
    specUrl: rfc(7804),
    params: scramParams,
    browser: 'unsupported',
  },
  {
    name: 'SCRAM-SHA-256',
    id: 'scram_sha_256',
    registered: true,
    specRef: 'RFC 7804',
    specUrl: rfc(7804),
    params: scramParams,
    browser: 'unsupported',
  },
  {
    name: 'vapid',
    id: 'vapid',
    registered: true,
    specRef: 'RFC 8292 §3',
    specUrl: `${rfc(8292)}#section-3`,
    params: [
      { name: 't', key: 'param_vapid_t' },
      { name: 'k', key: 'param_vapid_k' },
    ],
    browser: 'app',
  },
];
