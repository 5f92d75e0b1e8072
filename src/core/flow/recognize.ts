// Recognises sign-in steps from a request's URL, method and status only (the body is not visible):
// OAuth 2.0 / OpenID Connect by their registered parameter names, SAML 2.0 by the binding's parameters
// and the usual assertion-consumer paths. Values stay behind except a short list that is never secret.
import { maskText, maskUrl } from '../secrets';
import { parseUrl } from '../site';
import type { FlowRequest, FlowStep, FlowStepKind, FlowProtocol } from './types';

/** Parameters whose values are shown: the request's shape and the provider's error (RFC 6749 §4.1.2.1). */
const SHOWN = [
  'response_type',
  'response_mode',
  'scope',
  'prompt',
  'error',
  'error_description',
  'grant_type',
];
const MAX_VALUE = 200;
const MAX_PARAMS = 24;

const AUTHORIZE_PATH = /\/authori[sz]e\b|\/oauth2?\/(v[\d.]+\/)?auth\b|\/protocol\/openid-connect\/auth\b/i;
const TOKEN_PATH = /\/token\b|\/protocol\/openid-connect\/token\b/i;
const CALLBACK_PATH = /callback|signin-oidc|\/oauth2?\/redirect|\/auth\/return/i;
// Assertion consumer services as common SP software names them: /saml/acs, /Saml2/Acs (Sustainsys),
// /Shibboleth.sso/SAML2/POST, /login/saml2/sso/{id} (Spring Security), /sp/ACS.saml2 (PingFederate),
// saml2-acs.php (SimpleSAMLphp), /auth/saml/callback (OmniAuth), /saml/consume (ruby-saml examples).
const ACS_PATH =
  /\/saml2?\/(acs|sso|post|consume)\b|\/acs\b|assertionconsumer|saml2-acs\.php|\/auth\/saml\/callback\b/i;

function kindOf(path: string, names: Set<string>, method: string): [FlowStepKind, FlowProtocol] | undefined {
  if (names.has('samlrequest')) return ['saml-request', 'saml'];
  if (names.has('samlresponse') || (method === 'POST' && ACS_PATH.test(path)))
    return ['saml-response', 'saml'];
  if (names.has('response_type') || (names.has('client_id') && names.has('redirect_uri')))
    return ['authorize', 'oauth'];
  if (method === 'POST' && TOKEN_PATH.test(path)) return ['token', 'oauth'];
  const back = names.has('code') || names.has('error');
  if (back && (names.has('state') || names.has('session_state') || CALLBACK_PATH.test(path)))
    return ['callback', 'oauth'];
  if (method === 'GET' && AUTHORIZE_PATH.test(path) && names.has('client_id')) return ['authorize', 'oauth'];
  return undefined;
}

/**
 * The sign-in step a request is, or undefined. Cheap enough for the few URLs the worker's URL filter
 * lets through; pure, so the worker and the tests share it.
 */
export function signInStepOf(req: FlowRequest): FlowStep | undefined {
  const url = parseUrl(req.url);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const params = [...new Set([...url.searchParams.keys()])].slice(0, MAX_PARAMS);
  const method = req.method.toUpperCase();
  const found = kindOf(url.pathname, new Set(params.map((p) => p.toLowerCase())), method);
  if (!found) return undefined;
  const step: FlowStep = {
    kind: found[0],
    protocol: found[1],
    time: req.time,
    // Stored: the path through the secret policy (`;jsessionid=`, a token as a path segment).
    place: maskUrl(url.origin + url.pathname).slice(0, 300),
    method: method.slice(0, 16),
    status: req.status,
    params: params.map((p) => p.slice(0, 64)),
  };
  const values: Record<string, string> = {};
  for (const name of SHOWN) {
    const value = url.searchParams.get(name);
    if (value !== null) values[name] = maskText(value).slice(0, MAX_VALUE);
  }
  if (Object.keys(values).length) step.values = values;
  return step;
}
