import { describe, it } from 'vitest';
import type { FlowStep } from '../../src/core/flow';
import { ch, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);
const IDP = 'https://login.example.com';

const step = (kind: FlowStep['kind'], time: number, over: Partial<FlowStep> = {}): FlowStep => ({
  kind,
  protocol: 'oauth',
  time,
  place: kind === 'authorize' ? `${IDP}/oauth2/v2.0/authorize` : 'https://app.example.com/signin-oidc',
  method: 'GET',
  status: 302,
  params: [],
  ...over,
});

const api401 = (over = {}) =>
  makeEvent({
    time: T,
    url: 'https://app.example.com/api/me',
    ...www(ch('Bearer', { realm: 'api' })),
    ...over,
  });

const cases: DiagnosisCase[] = [
  {
    name: 'entra-consent-required-on-the-callback',
    event: api401(),
    context: {
      signIn: [
        step('authorize', T - 4000),
        step('callback', T - 3000, {
          values: { error: 'consent_required', error_description: 'AADSTS65001' },
        }),
      ],
    },
    expect: [
      {
        id: 'sign-in-provider-error',
        kind: 'cause',
        detail: 'detail_description',
        args: [IDP, 'consent_required', 'AADSTS65001'],
      },
    ],
  },
  {
    name: 'keycloak-invalid-grant-at-the-token-endpoint',
    event: api401(),
    context: {
      signIn: [
        step('authorize', T - 4000),
        step('callback', T - 3000),
        step('token', T - 2000, { method: 'POST', status: 400, place: `${IDP}/token` }),
      ],
    },
    expect: [{ id: 'sign-in-token-refused', kind: 'cause', args: ['400'] }],
  },
  {
    name: 'keycloak-invalid-grant-read-from-the-body-by-the-panel',
    event: api401(),
    context: {
      signIn: [
        step('authorize', T - 4000),
        step('callback', T - 3000),
        step('token', T - 2000, { method: 'POST', status: 400, place: `${IDP}/token` }),
      ],
      flowBodies: [
        {
          kind: 'token',
          place: `${IDP}/token`,
          time: T - 2100,
          tokenError: { error: 'invalid_grant', description: 'Code not valid' },
        },
      ],
    },
    expect: [
      {
        id: 'sign-in-token-refused',
        kind: 'cause',
        detail: 'detail_error_description',
        args: ['400', 'invalid_grant', 'Code not valid'],
      },
    ],
  },
  {
    name: 'saml-idp-answered-responder-authn-failed',
    event: makeEvent({ time: T, url: 'https://app.example.com/saml/acs', method: 'POST', type: 'sub_frame' }),
    context: {
      signIn: [
        step('saml-request', T - 3000, { protocol: 'saml', place: `${IDP}/saml2/idp/sso`, status: 200 }),
      ],
      flowBodies: [
        {
          kind: 'saml-response',
          place: 'https://app.example.com/saml/acs',
          time: T,
          saml: { status: 'Responder', second: 'AuthnFailed' },
        },
      ],
    },
    expect: [
      {
        id: 'sign-in-saml-failed',
        kind: 'cause',
        detail: 'detail',
        args: [IDP, 'Responder / AuthnFailed'],
      },
    ],
  },
  {
    name: 'saml-acs-refused-without-the-body (popup)',
    event: makeEvent({ time: T, url: 'https://app.example.com/saml/acs', method: 'POST', type: 'sub_frame' }),
    context: {
      signIn: [
        step('saml-request', T - 3000, { protocol: 'saml', place: `${IDP}/saml2/idp/sso`, status: 200 }),
      ],
    },
    expect: [{ id: 'sign-in-saml-failed', kind: 'cause', detail: 'detail_acs', args: ['401', IDP] }],
    absent: ['sign-in-then-refused'],
  },
  {
    name: 'saml-success-then-api-401',
    event: api401(),
    context: {
      signIn: [
        step('saml-request', T - 3000, { protocol: 'saml', place: `${IDP}/saml2/idp/sso`, status: 200 }),
        step('saml-response', T - 2000, {
          protocol: 'saml',
          place: 'https://app.example.com/saml/acs',
          method: 'POST',
          status: 302,
        }),
      ],
    },
    expect: [{ id: 'sign-in-then-refused', kind: 'possible-cause', detail: 'detail_saml', args: [IDP] }],
    absent: ['sign-in-saml-failed'],
  },
  {
    name: 'fresh-token-for-another-api (aud from the panel)',
    event: api401(),
    context: {
      signIn: [step('authorize', T - 4000), step('callback', T - 3000)],
      jwt: { aud: ['https://graph.example.com'] },
    },
    expect: [
      {
        id: 'sign-in-then-refused',
        kind: 'possible-cause',
        detail: 'detail_audience',
        args: [IDP, 'https://graph.example.com'],
      },
    ],
  },
  {
    name: 'sign-in-long-ago-is-not-this-401s-story',
    event: api401(),
    context: {
      signIn: [
        step('authorize', T - 3_600_000),
        step('callback', T - 3_599_000, { values: { error: 'access_denied' } }),
      ],
    },
    expect: [],
    absent: ['sign-in-provider-error', 'sign-in-then-refused'],
  },
  {
    name: 'hostile-sign-in-steps',
    event: api401(),
    context: { signIn: 'nope' as unknown as FlowStep[] },
    expect: [],
    absent: ['sign-in-provider-error'],
  },
];

describe('diagnose: the sign-in flow around the 401', () => {
  it.each(cases)('$name', checkCase);
});
