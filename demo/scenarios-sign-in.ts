// Sign-in flows against the demo identity providers: OpenID Connect (demo/idp.ts) starts in a frame at
// the provider's authorize endpoint and ends with the app's API answering 401; SAML (demo/saml.ts)
// starts at the app's login and ends at its API or its assertion consumer service answering 401.
import { acs, samlApi } from './saml';
import { json, type Scenario } from './scenario-types';

const wa = (value: string): [string, string] => ['WWW-Authenticate', value];
const authorizeQuery = (scope: string, state: string, extra = '') =>
  `?client_id=demo-app&redirect_uri=%2Fapp%2Fcallback&response_type=code&scope=${encodeURIComponent(scope)}&state=${state}${extra}`;

export const SIGN_IN_SCENARIOS: Scenario[] = [
  {
    id: 'sign-in-api-refuses-token',
    title: 'Sign-in: fresh token refused by the API',
    summary:
      'OpenID Connect sign-in succeeds (authorize → callback with a code → token), then the API answers 401 invalid_token: the token was issued for another audience.',
    path: '/api/idp/orders',
    side: 'main',
    trigger: { kind: 'iframe', via: '/idp/authorize', query: authorizeQuery('openid orders', 'orders') },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () =>
      json(
        401,
        [
          wa(
            'Bearer realm="orders-api", error="invalid_token", error_description="The audience of the token is not https://orders.demo"',
          ),
        ],
        { error: 'invalid_token' },
      ),
  },
  {
    id: 'sign-in-denied',
    title: 'Sign-in: the provider sends back error=access_denied',
    summary:
      'The user declines consent: the provider returns to the callback with error=access_denied, the app carries on without a token and its API answers 401.',
    path: '/api/idp/profile',
    side: 'main',
    trigger: {
      kind: 'iframe',
      via: '/idp/authorize',
      query: authorizeQuery('openid profile', 'profile', '&deny=1'),
    },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [wa('Bearer realm="profile-api"')], { error: 'unauthorized' }),
  },
  {
    id: 'sign-in-token-refused',
    title: 'Sign-in: the token endpoint refuses the code',
    summary:
      'The callback gets a code, but the token endpoint answers 400 invalid_grant (the code expired), so the API call goes without a token and gets 401. The DevTools panel names the error.',
    path: '/api/idp/account',
    side: 'main',
    trigger: { kind: 'iframe', via: '/idp/authorize', query: authorizeQuery('openid account', 'account') },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [wa('Bearer realm="account-api"')], { error: 'unauthorized' }),
  },
  {
    id: 'sign-in-client-refused',
    title: 'Sign-in: the token endpoint refuses the app (invalid_client)',
    summary:
      'A confidential app still sends its old client secret: the token endpoint answers 401 invalid_client with WWW-Authenticate: Basic (RFC 6749 §5.2), and the API call without a token gets 401. The DevTools panel names the error.',
    path: '/api/idp/billing',
    side: 'main',
    trigger: { kind: 'iframe', via: '/idp/authorize', query: authorizeQuery('openid billing', 'billing') },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [wa('Bearer realm="billing-api"')], { error: 'unauthorized' }),
  },
  {
    id: 'saml-session-not-set',
    title: "SAML: signed in, yet the app's API answers 401",
    summary:
      "SAML sign-in succeeds (AuthnRequest over HTTP-Redirect → the IdP posts a Success response to the app's ACS), but the ACS never sets the session cookie, so the app's API answers 401.",
    path: '/api/saml/orders',
    side: 'main',
    trigger: { kind: 'iframe', via: '/saml/orders/login' },
    expect: { status: 401, type: 'xmlhttprequest', method: 'GET' },
    respond: samlApi,
  },
  {
    id: 'saml-authn-failed',
    title: 'SAML: the identity provider answers AuthnFailed',
    summary:
      "The IdP posts a SAML response with status Responder / AuthnFailed (the second factor was not confirmed) to the app's ACS, which answers 401. The DevTools panel reads the status from the posted form.",
    path: '/saml/wiki/acs',
    side: 'main',
    trigger: { kind: 'iframe', via: '/saml/wiki/login' },
    expect: { status: 401, type: 'sub_frame', method: 'POST' },
    respond: acs,
  },
  {
    id: 'saml-request-denied',
    title: 'SAML: the identity provider answers RequestDenied',
    summary:
      "The user is not assigned to the app: the IdP posts status Responder / RequestDenied to the app's ACS, which answers 401.",
    path: '/saml/hr/acs',
    side: 'main',
    trigger: { kind: 'iframe', via: '/saml/hr/login' },
    expect: { status: 401, type: 'sub_frame', method: 'POST' },
    respond: acs,
  },
];
