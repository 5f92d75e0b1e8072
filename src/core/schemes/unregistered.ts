// Schemes that are not in the IANA registry but that people really meet behind a 401.
import { realmParam } from './oauth-params';
import type { SchemeInfo } from './types';

export const unregisteredSchemes: readonly SchemeInfo[] = [
  {
    // [MS-NTHT] §2.2: a bare "NTLM" first, then "NTLM <base64 CHALLENGE_MESSAGE>" in the handshake.
    name: 'NTLM',
    id: 'ntlm',
    registered: false,
    specRef: 'MS-NTHT',
    specUrl: 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-ntht/',
    params: [],
    token68: 'param_ntlm_token68',
    browser: 'ntlm',
    chromiumScore: 3,
  },
  {
    // Some servers announce "Kerberos"; browsers only speak Kerberos inside Negotiate (RFC 4559).
    name: 'Kerberos',
    id: 'kerberos',
    registered: false,
    specRef: 'RFC 4559',
    specUrl: 'https://www.rfc-editor.org/rfc/rfc4559',
    params: [realmParam],
    token68: 'param_negotiate_token68',
    browser: 'unsupported',
  },
  {
    // Rails ActionController::HttpAuthentication::Token, DRF TokenAuthentication, draft-hammer-http-token-auth.
    name: 'Token',
    id: 'token',
    registered: false,
    specRef: 'draft-hammer-http-token-auth',
    specUrl: 'https://datatracker.ietf.org/doc/html/draft-hammer-http-token-auth-01',
    params: [realmParam],
    browser: 'app',
  },
  {
    // djangorestframework-simplejwt and older JWT libraries: "JWT realm=...".
    name: 'JWT',
    id: 'jwt',
    registered: false,
    params: [realmParam],
    browser: 'app',
  },
  {
    name: 'ApiKey',
    id: 'apikey',
    aliases: ['Api-Key', 'X-API-Key'],
    registered: false,
    params: [realmParam],
    browser: 'app',
  },
  {
    name: 'AWS4-HMAC-SHA256',
    id: 'aws4',
    registered: false,
    specRef: 'AWS Signature Version 4',
    specUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html',
    params: [],
    browser: 'app',
  },
  {
    name: 'MAC',
    id: 'mac',
    registered: false,
    specRef: 'draft-ietf-oauth-v2-http-mac',
    specUrl: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-http-mac-05',
    params: [realmParam, { name: 'error', key: 'param_mac_error' }],
    browser: 'app',
  },
  {
    // Hawk sends ts/tsm when the client clock is off ("Stale timestamp").
    name: 'Hawk',
    id: 'hawk',
    registered: false,
    specRef: 'Hawk',
    specUrl: 'https://github.com/mozilla/hawk/blob/main/API.md',
    params: [
      { name: 'error', key: 'param_hawk_error' },
      { name: 'ts', key: 'param_hawk_ts' },
      { name: 'tsm', key: 'param_hawk_tsm' },
    ],
    browser: 'app',
  },
  {
    name: 'Signature',
    id: 'signature',
    registered: false,
    specRef: 'draft-cavage-http-signatures',
    specUrl: 'https://datatracker.ietf.org/doc/html/draft-cavage-http-signatures-12',
    params: [realmParam, { name: 'headers', key: 'param_signature_headers' }],
    browser: 'app',
  },
  {
    // Google ClientLogin, shut down in 2015; still sent by a few old self-hosted services.
    name: 'GoogleLogin',
    id: 'googlelogin',
    registered: false,
    params: [realmParam],
    browser: 'app',
  },
  {
    // A made-up word so that the browser shows no dialog and the page can show its own form.
    name: 'FormBased',
    id: 'formbased',
    aliases: ['Form', 'FormsAuthentication'],
    registered: false,
    params: [realmParam],
    browser: 'form',
  },
  {
    // Same trick as FormBased: "Basic" renamed so that browsers do not prompt (common with SPAs).
    name: 'xBasic',
    id: 'xbasic',
    aliases: ['X-Basic'],
    registered: false,
    params: [realmParam],
    browser: 'form',
  },
];
