// Digest (RFC 7616 §3.3), with what Chromium does with each value. Chromium's
// net/http/http_auth_handler_digest.cc accepts algorithm MD5, MD5-sess, SHA-256, SHA-256-sess and
// rejects the whole challenge for any other algorithm (so SHA-512-256 gets no prompt), rejects a
// challenge without nonce, answers qop=auth only (auth-int is ignored), and supports userhash.
// Firefox (nsHttpDigestAuth) knows the same four algorithms, and qop auth and auth-int.
import type { SchemeInfo } from './types';

/** Digest algorithms Chromium can compute (lower-cased); anything else drops the challenge. */
export const CHROMIUM_DIGEST_ALGORITHMS: ReadonlySet<string> = new Set([
  'md5',
  'md5-sess',
  'sha-256',
  'sha-256-sess',
]);

export const digest: SchemeInfo = {
  name: 'Digest',
  id: 'digest',
  registered: true,
  specRef: 'RFC 7616',
  specUrl: 'https://www.rfc-editor.org/rfc/rfc7616',
  params: [
    // RFC 7616 §3.3: realm is required; Chromium accepts its absence (empty realm).
    { name: 'realm', key: 'param_digest_realm', required: 'warn' },
    { name: 'domain', key: 'param_digest_domain' },
    // Chromium fails the challenge without a nonce (ParseChallenge: nonce_.empty()).
    { name: 'nonce', key: 'param_digest_nonce', required: 'error' },
    { name: 'opaque', key: 'param_digest_opaque' },
    {
      name: 'stale',
      key: 'param_digest_stale',
      values: {
        true: { key: 'param_digest_stale_true' },
        false: { key: 'param_digest_stale_false' },
      },
      other: { key: 'param_digest_stale_other', severity: 'warn' },
    },
    {
      name: 'algorithm',
      key: 'param_digest_algorithm',
      values: {
        md5: { key: 'param_digest_algorithm_md5' },
        'md5-sess': { key: 'param_digest_algorithm_md5_sess' },
        'sha-256': { key: 'param_digest_algorithm_sha_256' },
        'sha-256-sess': { key: 'param_digest_algorithm_sha_256_sess' },
        'sha-512-256': { key: 'param_digest_algorithm_sha_512_256', severity: 'warn' },
        'sha-512-256-sess': { key: 'param_digest_algorithm_sha_512_256', severity: 'warn' },
      },
      other: { key: 'param_digest_algorithm_unknown', severity: 'error' },
    },
    {
      // RFC 7616 §3.3: qop is required ("MUST be used by all implementations"); without it the
      // exchange falls back to RFC 2069 compatibility.
      name: 'qop',
      key: 'param_digest_qop',
      required: 'warn',
      list: true,
      values: {
        auth: { key: 'param_digest_qop_auth' },
        'auth,auth-int': { key: 'param_digest_qop_both' },
        'auth-int': { key: 'param_digest_qop_auth_int', severity: 'warn' },
      },
      other: { key: 'param_digest_qop_unknown', severity: 'warn' },
    },
    {
      // RFC 7616 §3.3: the only allowed value is "UTF-8".
      name: 'charset',
      key: 'param_digest_charset',
      values: { 'utf-8': { key: 'param_digest_charset' } },
      other: { key: 'param_digest_charset_invalid', severity: 'error' },
    },
    {
      name: 'userhash',
      key: 'param_digest_userhash',
      values: {
        true: { key: 'param_digest_userhash_true' },
        false: { key: 'param_digest_userhash_false' },
      },
      other: { key: 'param_digest_userhash_other', severity: 'warn' },
    },
  ],
  browser: 'prompt',
  chromiumScore: 2,
};
