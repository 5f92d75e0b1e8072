// Sign-in flows against the demo identity provider (demo/idp.ts): each starts in a frame at the
// provider's authorize endpoint and ends with the app's API answering 401, so the popup shows the flow.
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
      'The callback gets a code, but the token endpoint answers 400 invalid_grant (the code expired), so the API call goes without a token and gets 401.',
    path: '/api/idp/account',
    side: 'main',
    trigger: { kind: 'iframe', via: '/idp/authorize', query: authorizeQuery('openid account', 'account') },
    expect: { status: 401, scheme: 'Bearer', type: 'xmlhttprequest', method: 'GET' },
    respond: () => json(401, [wa('Bearer realm="account-api"')], { error: 'unauthorized' }),
  },
];
