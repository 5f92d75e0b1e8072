// One step of a browser sign-in flow as the tab's log keeps it: where it went (origin and path), the
// status, the names of the query parameters and only the values that are never secret (README "Privacy").
import type { SamlStatus } from './saml-status';
import type { TokenError } from './token-error';

export type FlowProtocol = 'oauth' | 'saml';

/**
 * authorize: the app sends the browser to the provider (RFC 6749 §4.1.1, OIDC Core §3.1.2.1);
 * callback: the provider sends it back with `code` or `error` (RFC 6749 §4.1.2, §4.1.2.1);
 * token: the code is exchanged at the token endpoint from the page (RFC 6749 §4.1.3, public clients);
 * saml-request / saml-response: SAML 2.0 Web Browser SSO (AuthnRequest out, Response back to the ACS).
 */
export type FlowStepKind = 'authorize' | 'callback' | 'token' | 'saml-request' | 'saml-response';

export interface FlowStep {
  kind: FlowStepKind;
  protocol: FlowProtocol;
  /** ms since epoch. */
  time: number;
  /** Origin and path; never the query. */
  place: string;
  method: string;
  /** The HTTP status this request got (302 for a redirect hop). */
  status: number;
  /** Names of the query parameters present, in order (values of code, state, tokens are never kept). */
  params: string[];
  /** Values of the parameters that carry no secret: response_type, scope, prompt, error, error_description… */
  values?: Record<string, string>;
  /**
   * Read from bodies by the DevTools panel or an imported HAR, in memory only (the worker never sees a
   * body, so a stored step never has these): the token endpoint's §5.2 error, the SAML status.
   */
  tokenError?: TokenError;
  saml?: SamlStatus;
}

/** What the URL, method and status of one request say, before it is a step. */
export interface FlowRequest {
  url: string;
  method: string;
  status: number;
  time: number;
}
