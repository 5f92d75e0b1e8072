import { describe, expect, it } from 'vitest';
import { addFlowStep, signInFlowOf, signInStepOf, type FlowStep } from '../../src/core/flow';

const T = Date.UTC(2026, 11, 3, 10, 0, 0);

describe('signInStepOf: recognition by parameter names and paths', () => {
  it.each([
    [
      'OIDC authorization request (Keycloak)',
      'https://sso.example.org/realms/acme/protocol/openid-connect/auth?client_id=web&redirect_uri=https%3A%2F%2Fapp.example.org%2Fcb&response_type=code&scope=openid%20profile&state=s3cr3t&nonce=n0nce&code_challenge=abc',
      'GET',
      { kind: 'authorize', protocol: 'oauth', values: { response_type: 'code', scope: 'openid profile' } },
    ],
    [
      'Entra ID v2.0 authorize endpoint',
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=1&response_type=code&prompt=none',
      'GET',
      { kind: 'authorize', protocol: 'oauth', values: { response_type: 'code', prompt: 'none' } },
    ],
    [
      'callback with a code',
      'https://app.example.org/auth/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz',
      'GET',
      { kind: 'callback', protocol: 'oauth' },
    ],
    [
      'callback with the provider error (RFC 6749 §4.1.2.1)',
      'https://app.example.org/signin-oidc?error=access_denied&error_description=The+user+declined&state=xyz',
      'GET',
      {
        kind: 'callback',
        protocol: 'oauth',
        values: { error: 'access_denied', error_description: 'The user declined' },
      },
    ],
    [
      'token endpoint called from the page',
      'https://sso.example.org/realms/acme/protocol/openid-connect/token',
      'POST',
      { kind: 'token', protocol: 'oauth' },
    ],
    [
      'SAML redirect binding AuthnRequest',
      'https://idp.example.org/idp/profile/SAML2/Redirect/SSO?SAMLRequest=fZJNT%2BMwEIb%2FSuR7mq8&RelayState=abc',
      'GET',
      { kind: 'saml-request', protocol: 'saml' },
    ],
    [
      'SAML POST to the assertion consumer service',
      'https://app.example.org/saml/acs',
      'POST',
      { kind: 'saml-response', protocol: 'saml' },
    ],
    ...[
      'https://sp.example.org/Shibboleth.sso/SAML2/POST',
      'https://app.example.org/login/saml2/sso/okta',
      'https://app.example.org/Saml2/Acs',
      'https://sso.example.org/sp/ACS.saml2',
      'https://app.example.org/simplesaml/module.php/saml/sp/saml2-acs.php/default-sp',
      'https://app.example.org/users/auth/saml/callback',
      'https://app.example.org/saml/consume',
    ].map((url): [string, string, string, Partial<FlowStep>] => [
      `SAML POST to the ACS of common SP software: ${new URL(url).pathname}`,
      url,
      'POST',
      { kind: 'saml-response', protocol: 'saml' },
    ]),
  ])('%s', (_name, url, method, want) => {
    const step = signInStepOf({ url, method, status: 302, time: T });
    expect(step).toMatchObject(want);
    if (!('values' in want)) expect(step?.values).toBeUndefined();
  });

  it('keeps parameter names and never the values of code, state, nonce, tokens or SAML messages', () => {
    const step = signInStepOf({
      url: 'https://app.example.org/cb?code=SECRET1&state=SECRET2&session_state=SECRET3&id_token=SECRET4',
      method: 'GET',
      status: 200,
      time: T,
    });
    expect(step?.params).toEqual(['code', 'state', 'session_state', 'id_token']);
    expect(step?.place).toBe('https://app.example.org/cb');
    expect(JSON.stringify(step)).not.toContain('SECRET');
  });

  it.each([
    ['an ordinary page', 'https://app.example.org/dashboard?tab=2', 'GET'],
    [
      'an API call with a code parameter but no callback shape',
      'https://api.example.org/items?code=42',
      'GET',
    ],
    ['a GET to a path named token', 'https://app.example.org/api/token', 'GET'],
    ['not http', 'data:text/html,response_type=code', 'GET'],
    ['garbage', '::::', 'GET'],
  ])('%s is no step', (_name, url, method) => {
    expect(signInStepOf({ url, method, status: 200, time: T })).toBeUndefined();
  });
});

const step = (kind: FlowStep['kind'], time: number, over: Partial<FlowStep> = {}): FlowStep => ({
  kind,
  protocol: kind.startsWith('saml') ? 'saml' : 'oauth',
  time,
  place: kind === 'authorize' ? 'https://idp.test/authorize' : 'https://app.test/callback',
  method: 'GET',
  status: 302,
  params: [],
  ...over,
});

const api401 = { url: 'https://app.test/api/me', method: 'GET', status: 401, time: T };

describe('signInFlowOf: where the sign-in stopped', () => {
  it.each([
    {
      name: 'provider sent the browser back with error=access_denied',
      steps: [
        step('authorize', T - 5000),
        step('callback', T - 3000, { values: { error: 'access_denied' } }),
      ],
      outcome: { kind: 'provider-error', error: 'access_denied' },
    },
    {
      name: 'consent_required with a description',
      steps: [
        step('authorize', T - 5000),
        step('callback', T - 3000, {
          values: { error: 'consent_required', error_description: 'AADSTS65001' },
        }),
      ],
      outcome: { kind: 'provider-error', error: 'consent_required', description: 'AADSTS65001' },
    },
    {
      name: 'token endpoint answered 400',
      steps: [
        step('authorize', T - 5000),
        step('callback', T - 3000),
        step('token', T - 2000, { method: 'POST', status: 400, place: 'https://idp.test/token' }),
      ],
      outcome: { kind: 'token-refused', status: 400 },
    },
    {
      name: 'went to the provider and never came back',
      steps: [step('authorize', T - 5000, { status: 200 })],
      outcome: { kind: 'stopped-at-provider' },
    },
    {
      name: 'signed in fine, then the API refused: audience or scope',
      steps: [step('authorize', T - 5000), step('callback', T - 3000)],
      outcome: { kind: 'refused-after-sign-in' },
    },
    {
      name: 'only the latest attempt counts (an earlier error is history)',
      steps: [
        step('authorize', T - 60_000),
        step('callback', T - 59_000, { values: { error: 'login_required' } }),
        step('authorize', T - 5000),
        step('callback', T - 3000),
      ],
      outcome: { kind: 'refused-after-sign-in' },
      count: 2,
    },
  ])('$name', ({ steps, outcome, count }) => {
    const flow = signInFlowOf(api401, steps);
    expect(flow?.outcome).toEqual(outcome);
    expect(flow?.provider).toBe('https://idp.test');
    if (count) expect(flow?.steps).toHaveLength(count);
  });

  it('a 401 from the token endpoint itself ends the flow there', () => {
    const token401 = { url: 'https://idp.test/oauth/token', method: 'POST', status: 401, time: T };
    const flow = signInFlowOf(token401, [step('authorize', T - 5000), step('callback', T - 3000)]);
    expect(flow?.outcome).toEqual({ kind: 'token-refused', status: 401 });
    expect(flow?.steps.map((s) => s.kind)).toEqual(['authorize', 'callback', 'token']);
  });

  it('no sign-in step in the ten minutes before the 401: no flow', () => {
    expect(signInFlowOf(api401, [step('authorize', T - 11 * 60_000)])).toBeUndefined();
    expect(signInFlowOf(api401, undefined)).toBeUndefined();
  });

  it('addFlowStep merges a redirect hop with its completion and keeps the newest 30', () => {
    const one = addFlowStep(undefined, step('authorize', T, { status: 302 }));
    expect(addFlowStep(one, step('authorize', T + 5, { status: 200 }))).toEqual([
      step('authorize', T + 5, { status: 200 }),
    ]);
    let many: FlowStep[] = [];
    for (let i = 0; i < 40; i++) many = addFlowStep(many, step('callback', T + i * 2000));
    expect(many).toHaveLength(30);
    expect(many[0]!.time).toBe(T + 10 * 2000);
  });
});
