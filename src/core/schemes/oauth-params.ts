// Parameters shared by the OAuth 2.0 token schemes (Bearer, DPoP) and the realm most schemes carry.
import type { ParamSpec, ValueNote } from './types';

/** RFC 9110 §11.5: realm names a protection space; most schemes reuse it unchanged. */
export const realmParam: ParamSpec = { name: 'realm', key: 'param_realm' };

/**
 * RFC 6750 §3.1 error codes and the status each belongs on. This extension only sees 401/407, so
 * invalid_request (400) and insufficient_scope (403) arriving here are worth a warning.
 */
export const oauthErrorValues: Readonly<Record<string, ValueNote>> = {
  invalid_request: { key: 'param_oauth_error_invalid_request', severity: 'warn' },
  invalid_token: { key: 'param_oauth_error_invalid_token' },
  insufficient_scope: { key: 'param_oauth_error_insufficient_scope', severity: 'warn' },
};

/** RFC 6750 §3: realm, scope, error, error_description, error_uri. */
export function oauthParams(errorValues: Readonly<Record<string, ValueNote>>): ParamSpec[] {
  return [
    realmParam,
    { name: 'scope', key: 'param_oauth_scope' },
    {
      name: 'error',
      key: 'param_oauth_error',
      values: errorValues,
      other: { key: 'param_oauth_error_other', severity: 'warn' },
    },
    { name: 'error_description', key: 'param_oauth_error_description' },
    { name: 'error_uri', key: 'param_oauth_error_uri' },
  ];
}
