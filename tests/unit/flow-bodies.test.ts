// What bodies add to a sign-in flow: the token endpoint's RFC 6749 §5.2 error and a SAML Response's
// status, read by the DevTools panel and the HAR import through these core functions.
import { describe, expect, it } from 'vitest';
import {
  decodeSamlPrefix,
  flowBodyFactOf,
  flowBodyWanted,
  samlStatusOfForm,
  samlStatusOfXml,
  signInFlowOf,
  tokenErrorOf,
  type FlowStep,
} from '../../src/core/flow';
import {
  AUTHN_REQUEST,
  postedForm,
  RESPONSE_AUTHN_FAILED,
  RESPONSE_SIGNED_DENIED,
  RESPONSE_SUCCESS,
} from '../fixtures/saml-messages';

describe('tokenErrorOf (RFC 6749 §5.2)', () => {
  it.each([
    [
      'keycloak-expired-code',
      '{"error":"invalid_grant","error_description":"Code not valid"}',
      { error: 'invalid_grant', description: 'Code not valid' },
    ],
    ['entra-bad-secret', '{"error":"invalid_client"}', { error: 'invalid_client' }],
    [
      'dpop-nonce',
      '{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof"}',
      { error: 'use_dpop_nonce', description: 'Authorization server requires nonce in DPoP proof' },
    ],
    ['provider-own-code', '{"error":"AADSTS70008"}', { error: 'AADSTS70008' }],
    [
      'secret-in-description-is-masked',
      '{"error":"invalid_client","error_description":"client_secret=s3cr3t-VALUE-123 is wrong"}',
      { error: 'invalid_client', description: 'client_secret=*** is wrong' },
    ],
  ])('%s', (_name, body, expected) => {
    expect(tokenErrorOf(body)).toEqual(expected);
  });

  it.each([
    ['not-json', '<html>Bad Request</html>'],
    ['array', '["invalid_grant"]'],
    ['no-error', '{"access_token":"x"}'],
    ['error-not-a-token', '{"error":"invalid grant with spaces"}'],
    ['error-object', '{"error":{"code":"invalid_grant"}}'],
    ['too-long', `{"error":"invalid_grant","pad":"${'x'.repeat(20_000)}"}`],
    ['not-a-string', 42],
  ])('%s gives nothing', (_name, body) => {
    expect(tokenErrorOf(body)).toBeUndefined();
  });

  it('caps a long description', () => {
    const got = tokenErrorOf(
      JSON.stringify({ error: 'invalid_grant', error_description: 'word '.repeat(200) }),
    );
    expect(got?.description?.length).toBe(300);
    expect(got?.description?.endsWith('…')).toBe(true);
  });
});

describe('SAML Response status (saml-core §3.2.2)', () => {
  it('reads Success and never the assertion', () => {
    expect(samlStatusOfXml(RESPONSE_SUCCESS)).toEqual({ status: 'Success' });
  });

  it('reads Responder / AuthnFailed with the message, entities decoded', () => {
    expect(samlStatusOfXml(RESPONSE_AUTHN_FAILED)).toEqual({
      status: 'Responder',
      second: 'AuthnFailed',
      message: 'The second factor was not confirmed & the sign-in was cancelled.',
    });
  });

  it('reads past a signature; ignores a third level', () => {
    expect(samlStatusOfXml(RESPONSE_SIGNED_DENIED)).toEqual({ status: 'Requester', second: 'RequestDenied' });
  });

  it('decodes the posted form (base64 in urlencoded) and keeps nothing of the assertion', () => {
    const got = samlStatusOfForm(postedForm(RESPONSE_SUCCESS));
    expect(got).toEqual({ status: 'Success' });
    expect(JSON.stringify(got)).not.toContain('3f7b3dcf');
    expect(samlStatusOfForm(postedForm(RESPONSE_AUTHN_FAILED))?.second).toBe('AuthnFailed');
  });

  it('stops at the assertion: a StatusCode inside it is not the answer', () => {
    const noStatus = RESPONSE_SUCCESS.replace(/<samlp:Status>[\s\S]*?<\/samlp:Status>/, '');
    expect(samlStatusOfXml(noStatus)).toBeUndefined();
  });

  it('a vendor status URI is masked and capped, not dropped', () => {
    const xml = '<Response><Status><StatusCode Value="urn:vendor:status:Locked"/></Status></Response>';
    expect(samlStatusOfXml(xml)).toEqual({ status: 'urn:vendor:status:Locked' });
  });

  it.each([
    ['empty', ''],
    ['not-base64', 'SAMLResponse=%%%'],
    [
      'deflated-redirect-value',
      `SAMLResponse=${encodeURIComponent('fZFNT8MwDIb/SuT7+rF1EFnrpkkTEtJAiAEHbmnqbpWapNTpxL8nXQeMC9fnfWzHtleb3rbiRB033uWQRgkIctpXjTvk8Pz0sLiFzXrFytpli3s6+NDtiWyaB9PFo5CDsQ5VsSM6yRRBwEEe9uEFqdRRA2Azsfxy+eUVp9uqpJSt1OpqlJDHd3l83pyM8lS')}`,
    ],
    ['no-field', 'RelayState=orders'],
    ['huge-garbage', `SAMLResponse=${'A'.repeat(300_000)}`],
    ['not-a-string', { SAMLResponse: 'x' }],
  ])('%s gives nothing', (_name, form) => {
    expect(samlStatusOfForm(form)).toBeUndefined();
  });

  it('decodes only a bounded prefix of a huge response', () => {
    const huge = RESPONSE_AUTHN_FAILED.replace(
      '</samlp:Response>',
      `${'<pad/>'.repeat(100_000)}</samlp:Response>`,
    );
    const b64 = Buffer.from(huge).toString('base64');
    expect(decodeSamlPrefix(b64)?.length).toBeLessThanOrEqual(12 * 1024);
    expect(samlStatusOfForm(`SAMLResponse=${encodeURIComponent(b64)}`)?.second).toBe('AuthnFailed');
  });

  it('hostile XML gives a bounded answer and never throws', () => {
    for (const xml of [
      `<StatusCode Value="${'a'.repeat(10_000)}`,
      '<StatusCode'.repeat(5_000),
      `<StatusMessage>${'<'.repeat(5_000)}`,
      `<a:StatusCode Value="x"><b:StatusCode Value="y"></b:StatusCode></a:StatusCode>${'</StatusCode>'.repeat(1000)}`,
    ])
      expect(() => samlStatusOfXml(xml)).not.toThrow();
  });

  it('an AuthnRequest carries no status', () => {
    expect(samlStatusOfXml(AUTHN_REQUEST)).toBeUndefined();
  });
});

const T = Date.UTC(2026, 11, 3, 12, 0, 0);
const APP = 'https://app.example.com';
const IDP = 'https://idp.example.org';

describe('body facts joined to the flow', () => {
  it('a refused token call wants its JSON response read; a SAML ACS post wants its form', () => {
    expect(
      flowBodyWanted(
        { url: `${IDP}/oauth2/token`, method: 'POST', status: 400, time: T },
        'application/json',
      ),
    ).toBe('response');
    expect(
      flowBodyWanted(
        { url: `${IDP}/oauth2/token`, method: 'POST', status: 200, time: T },
        'application/json',
      ),
    ).toBeUndefined();
    expect(
      flowBodyWanted({ url: `${IDP}/oauth2/token`, method: 'POST', status: 400, time: T }, 'text/html'),
    ).toBeUndefined();
    expect(flowBodyWanted({ url: `${APP}/saml/acs`, method: 'POST', status: 302, time: T })).toBe('form');
    expect(flowBodyWanted({ url: `${APP}/api/orders`, method: 'GET', status: 401, time: T })).toBeUndefined();
  });

  const step = (kind: FlowStep['kind'], time: number, place: string, status: number): FlowStep => ({
    kind,
    protocol: kind.startsWith('saml') ? 'saml' : 'oauth',
    time,
    place,
    method: kind === 'token' || kind === 'saml-response' ? 'POST' : 'GET',
    status,
    params: [],
  });

  it('the token error reaches the outcome', () => {
    const fact = flowBodyFactOf(
      { url: `${IDP}/oauth2/token`, method: 'POST', status: 400, time: T - 1500 },
      { response: '{"error":"invalid_grant","error_description":"Code expired"}' },
    );
    const steps = [
      step('authorize', T - 3000, `${IDP}/oauth2/authorize`, 302),
      step('callback', T - 2000, `${APP}/callback`, 200),
      step('token', T - 1400, `${IDP}/oauth2/token`, 400),
    ];
    const flow = signInFlowOf({ url: `${APP}/api/me`, method: 'GET', status: 401, time: T }, steps, [fact!]);
    expect(flow?.outcome).toEqual({
      kind: 'token-refused',
      status: 400,
      error: 'invalid_grant',
      description: 'Code expired',
    });
    // Without the body: the status only, as in the popup.
    expect(
      signInFlowOf({ url: `${APP}/api/me`, method: 'GET', status: 401, time: T }, steps)?.outcome,
    ).toEqual({
      kind: 'token-refused',
      status: 400,
    });
  });

  it('the SAML status of the ACS post (the 401 itself) becomes the outcome', () => {
    const acs = `${APP}/saml/acs`;
    const fact = flowBodyFactOf(
      { url: acs, method: 'POST', status: 401, time: T },
      {
        params: [
          {
            name: 'SAMLResponse',
            value: encodeURIComponent(Buffer.from(RESPONSE_AUTHN_FAILED).toString('base64')),
          },
        ],
      },
    );
    const steps = [step('saml-request', T - 2000, `${IDP}/sso`, 200)];
    const event = { url: acs, method: 'POST', status: 401, time: T };
    expect(signInFlowOf(event, steps)?.outcome).toEqual({ kind: 'refused-at-acs', status: 401 });
    expect(signInFlowOf(event, steps, [fact!])?.outcome).toEqual({
      kind: 'saml-status',
      status: 'Responder',
      second: 'AuthnFailed',
      message: 'The second factor was not confirmed & the sign-in was cancelled.',
    });
  });

  it('a fact of another place or another attempt a minute away is not joined', () => {
    const fact = flowBodyFactOf(
      { url: `${IDP}/oauth2/token`, method: 'POST', status: 400, time: T - 60_000 },
      { response: '{"error":"invalid_grant"}' },
    );
    const steps = [
      step('authorize', T - 3000, `${IDP}/oauth2/authorize`, 302),
      step('token', T - 1400, `${IDP}/oauth2/token`, 400),
    ];
    const event = { url: `${APP}/api/me`, method: 'GET', status: 401, time: T };
    expect(signInFlowOf(event, steps, [fact!])?.outcome).toEqual({ kind: 'token-refused', status: 400 });
  });
});
