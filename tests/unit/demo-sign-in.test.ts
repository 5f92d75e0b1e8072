// The demo's identity providers answer as real ones do: the OIDC token endpoint with RFC 6749 §5.2
// JSON errors read from the posted form, the SAML IdP with an HTTP-POST form to the app's ACS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { inflateRawSync } from 'node:zlib';
import { startDemoServer, type DemoServer } from '../../demo/server';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  method = 'GET',
  body?: string,
  headers: Record<string, string> = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(() => server.close());

describe('demo token endpoint (RFC 6749 §5.2)', () => {
  const token = (body: string, headers: Record<string, string> = {}) =>
    send(`${server.origin}/idp/token`, 'POST', body, { ...FORM, ...headers });

  it('an expired code: 400 invalid_grant', async () => {
    const raw = await token('grant_type=authorization_code&code=demo-code-expired&client_id=demo-app');
    expect(raw.status).toBe(400);
    expect(raw.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(raw.body)).toEqual({
      error: 'invalid_grant',
      error_description: 'The authorization code has expired.',
    });
  });

  it('a wrong client secret over Basic: 401 invalid_client with a Basic challenge', async () => {
    const basic = `Basic ${Buffer.from('billing-app:old-secret-not-secret').toString('base64')}`;
    const raw = await token('grant_type=authorization_code&code=demo-code-not-secret', {
      Authorization: basic,
    });
    expect(raw.status).toBe(401);
    expect(raw.headers['www-authenticate']).toBe('Basic realm="demo-idp"');
    expect(JSON.parse(raw.body).error).toBe('invalid_client');
  });

  it('no code: 400 invalid_request; a good code: a token', async () => {
    expect(JSON.parse((await token('grant_type=authorization_code')).body).error).toBe('invalid_request');
    const ok = await token('grant_type=authorization_code&code=demo-code-not-secret');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).token_type).toBe('Bearer');
  });
});

describe('demo SAML IdP and apps', () => {
  /** login → IdP: the 302's SAMLRequest inflated, and the IdP's auto-post form fields. */
  async function signIn(app: string) {
    const login = await send(`${server.origin}/saml/${app}/login`);
    expect(login.status).toBe(302);
    const location = new URL(String(login.headers.location), server.origin);
    const authn = inflateRawSync(Buffer.from(location.searchParams.get('SAMLRequest')!, 'base64')).toString();
    const sso = await send(location.href);
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(sso.body)?.[1] ?? '';
    const action = /<form method="post" action="([^"]+)"/.exec(sso.body)?.[1];
    return { location, authn, sso, action, response: field('SAMLResponse'), relay: field('RelayState') };
  }

  it('orders: a real-shaped AuthnRequest, a Success response posted to the ACS, then a 302 to the app', async () => {
    const s = await signIn('orders');
    expect(s.location.pathname).toBe('/saml/idp/sso');
    expect(s.location.searchParams.get('RelayState')).toBe('/saml/orders/app');
    expect(s.authn).toContain('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"');
    expect(s.authn).toContain(`AssertionConsumerServiceURL="${server.origin}/saml/orders/acs"`);
    expect(s.sso.status).toBe(200);
    expect(s.action).toBe(`${server.origin}/saml/orders/acs`);
    const xml = Buffer.from(s.response, 'base64').toString();
    expect(xml).toContain('<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>');
    expect(xml).toContain('InResponseTo="_demo-orders-request"');
    const body = new URLSearchParams({ SAMLResponse: s.response, RelayState: s.relay }).toString();
    const acs = await send(s.action!, 'POST', body, FORM);
    expect(acs.status).toBe(302);
    expect(acs.headers.location).toBe('/saml/orders/app');
    expect(acs.headers['set-cookie']).toBeUndefined(); // the bug the scenario shows
    expect((await send(`${server.origin}/api/saml/orders`)).status).toBe(401);
  });

  it.each([
    ['wiki', 'AuthnFailed'],
    ['hr', 'RequestDenied'],
  ])('%s: the IdP answers Responder / %s and the ACS 401', async (app, second) => {
    const s = await signIn(app);
    const xml = Buffer.from(s.response, 'base64').toString();
    expect(xml).toContain(
      `<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${second}"/>`,
    );
    expect(xml).not.toContain('<saml:Assertion');
    const body = new URLSearchParams({ SAMLResponse: s.response, RelayState: s.relay }).toString();
    expect((await send(s.action!, 'POST', body, FORM)).status).toBe(401);
  });

  it('the IdP refuses an unknown ACS URL (no open redirect)', async () => {
    expect((await send(`${server.origin}/saml/idp/sso?SAMLRequest=bm9wZQ%3D%3D`)).status).toBe(400);
  });
});
