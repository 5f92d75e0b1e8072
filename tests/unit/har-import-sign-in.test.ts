// An imported HAR shows the same sign-in flow as a live capture: every entry's step (not only 401s)
// and what the token endpoint's body and the SAML post say, through the same core functions.
import { describe, expect, it } from 'vitest';
import { importHarText } from '../../src/core/har-import';
import { signInFlowOf } from '../../src/core/flow';
import { postedForm, RESPONSE_AUTHN_FAILED } from '../fixtures/saml-messages';

const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, s)).toISOString();
const APP = 'https://app.example.com';
const IDP = 'https://login.example.com';

function entry(
  s: number,
  method: string,
  url: string,
  status: number,
  more: { body?: string; encoding?: string; mime?: string; post?: object; headers?: object[] } = {},
) {
  return {
    startedDateTime: at(s),
    time: 10,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      queryString: [],
      ...(more.post ? { postData: more.post } : {}),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: more.headers ?? [],
      cookies: [],
      content: {
        size: more.body?.length ?? 0,
        mimeType: more.mime ?? 'text/html',
        text: more.body,
        encoding: more.encoding,
      },
    },
  };
}

const har = (entries: object[]) =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

describe('HAR import: sign-in flows', () => {
  it('OIDC: the token endpoint refused the code with invalid_grant (body base64 in the file)', () => {
    const body = Buffer.from('{"error":"invalid_grant","error_description":"Code not valid"}').toString(
      'base64',
    );
    const outcome = importHarText(
      har([
        entry(
          0,
          'GET',
          `${IDP}/oauth2/authorize?client_id=app&redirect_uri=x&response_type=code&state=s`,
          302,
        ),
        entry(1, 'GET', `${APP}/callback?code=SECRET-CODE-1&state=s`, 200),
        entry(2, 'POST', `${IDP}/oauth2/token`, 400, { body, encoding: 'base64', mime: 'application/json' }),
        entry(3, 'GET', `${APP}/api/me`, 401, {
          headers: [{ name: 'WWW-Authenticate', value: 'Bearer realm="api"' }],
        }),
      ]),
    );
    if (!outcome.ok) throw new Error('import failed');
    const { log, flowBodies, events } = outcome.result;
    expect(log.signIn?.map((s) => s.kind)).toEqual(['authorize', 'callback', 'token']);
    expect(flowBodies).toEqual([
      {
        kind: 'token',
        place: `${IDP}/oauth2/token`,
        time: Date.parse(at(2)),
        tokenError: { error: 'invalid_grant', description: 'Code not valid' },
      },
    ]);
    const flow = signInFlowOf(events[0]!.event, log.signIn, flowBodies);
    expect(flow?.outcome).toEqual({
      kind: 'token-refused',
      status: 400,
      error: 'invalid_grant',
      description: 'Code not valid',
    });
    expect(JSON.stringify(outcome.result)).not.toContain('SECRET-CODE-1');
  });

  it('SAML: the posted SAMLResponse says Responder / AuthnFailed, and the ACS answered 401', () => {
    const outcome = importHarText(
      har([
        entry(0, 'GET', `${IDP}/saml2/idp/sso?SAMLRequest=fZFNa8&RelayState=orders`, 200),
        entry(1, 'POST', `${APP}/saml/acs`, 401, {
          post: { mimeType: 'application/x-www-form-urlencoded', text: postedForm(RESPONSE_AUTHN_FAILED) },
        }),
      ]),
    );
    if (!outcome.ok) throw new Error('import failed');
    const { log, flowBodies, events } = outcome.result;
    expect(log.signIn?.map((s) => s.kind)).toEqual(['saml-request', 'saml-response']);
    expect(flowBodies[0]?.saml).toEqual({
      status: 'Responder',
      second: 'AuthnFailed',
      message: 'The second factor was not confirmed & the sign-in was cancelled.',
    });
    expect(signInFlowOf(events[0]!.event, log.signIn, flowBodies)?.outcome.kind).toBe('saml-status');
    // Only the status: no trace of the SAML message itself in what the import keeps.
    expect(JSON.stringify(outcome.result)).not.toContain('PHNhbWxw');
  });

  it('a file without sign-in steps has none', () => {
    const outcome = importHarText(har([entry(0, 'GET', `${APP}/api/me`, 401)]));
    expect(outcome.ok && outcome.result.log.signIn).toBeUndefined();
    expect(outcome.ok && outcome.result.flowBodies).toEqual([]);
  });
});
