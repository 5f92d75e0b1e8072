// A demo SAML 2.0 identity provider and three service providers ("apps") on the demo's own origin, so
// Web Browser SSO (SAML Profiles §4.1) runs end to end: the app's login redirects to the IdP with an
// HTTP-Redirect AuthnRequest (DEFLATE + base64, RelayState; SAML Bindings §3.4), the IdP answers with
// an auto-submitting HTTP-POST form to the app's assertion consumer service (SAML Bindings §3.5).
// orders: Success with a fake unsigned assertion, but the ACS never sets the session cookie, so the
// app's API answers 401. wiki: the IdP answers Responder / AuthnFailed; hr: Responder / RequestDenied;
// both ACS answer 401. Nothing here is secret: fixed fake names, no signature.
import type { IncomingMessage } from 'node:http';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { json, reply, type Reply, type RouteContext } from './scenario-types';

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

/** What the IdP answers each app (by the AuthnRequest's Issuer): a status, or Success. */
const IDP_ANSWER: Record<string, { second?: string; message?: string }> = {
  orders: {},
  wiki: { second: 'AuthnFailed', message: 'The second factor was not confirmed.' },
  hr: { second: 'RequestDenied', message: 'The user is not assigned to the application HR Portal.' },
};
export const SAML_APPS = Object.keys(IDP_ANSWER);

const query = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://demo.invalid').searchParams;
const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const instant = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** SAML Core §3.4.1: the app's AuthnRequest, as an SP sends it over HTTP-Redirect. */
export function authnRequest(ctx: RouteContext, app: string, id: string): string {
  return `<samlp:AuthnRequest xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${id}" Version="2.0" IssueInstant="${instant()}" Destination="${ctx.origin}/saml/idp/sso" AssertionConsumerServiceURL="${ctx.origin}/saml/${app}/acs" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${ctx.origin}/saml/${app}</saml:Issuer><samlp:NameIDPolicy AllowCreate="true" Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"/></samlp:AuthnRequest>`;
}

/** GET /saml/<app>/login: 302 to the IdP with SAMLRequest (DEFLATE, base64) and RelayState. */
function login(app: string) {
  return (_req: IncomingMessage, ctx: RouteContext): Reply => {
    const request = deflateRawSync(authnRequest(ctx, app, `_demo-${app}-request`)).toString('base64');
    const q = new URLSearchParams({ SAMLRequest: request, RelayState: `/saml/${app}/app` });
    return reply(302, [['Location', `/saml/idp/sso?${q}`]], '', 'text/plain; charset=utf-8');
  };
}

/** The AuthnRequest's Issuer, ID and ACS URL, from the HTTP-Redirect binding's SAMLRequest. */
function readRequest(value: string | null): { app?: string; id: string; acs?: string } | undefined {
  if (!value) return undefined;
  try {
    const xml = inflateRawSync(Buffer.from(value, 'base64'), { maxOutputLength: 64 * 1024 }).toString('utf8');
    const app = /<saml:Issuer>[^<]*\/saml\/([a-z]+)<\/saml:Issuer>/.exec(xml)?.[1];
    const id = /\bID="([\w-]{1,64})"/.exec(xml)?.[1] ?? '_unknown';
    const acs = /\bAssertionConsumerServiceURL="([^"]{1,300})"/.exec(xml)?.[1];
    return { app, id, acs };
  } catch {
    return undefined;
  }
}

/** SAML Core §3.3.3 Response: the status, and for Success a fake unsigned assertion. */
export function samlResponse(ctx: RouteContext, app: string, inResponseTo: string): string {
  const answer = IDP_ANSWER[app] ?? {};
  const acs = `${ctx.origin}/saml/${app}/acs`;
  const head = `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="_demo-${app}-response" InResponseTo="${inResponseTo}" Version="2.0" IssueInstant="${instant()}" Destination="${acs}"><saml:Issuer>${ctx.origin}/saml/idp</saml:Issuer>`;
  if (answer.second)
    return `${head}<samlp:Status><samlp:StatusCode Value="${STATUS}Responder"><samlp:StatusCode Value="${STATUS}${answer.second}"/></samlp:StatusCode><samlp:StatusMessage>${escapeXml(answer.message ?? '')}</samlp:StatusMessage></samlp:Status></samlp:Response>`;
  return `${head}<samlp:Status><samlp:StatusCode Value="${STATUS}Success"/></samlp:Status><saml:Assertion ID="_demo-${app}-assertion" Version="2.0" IssueInstant="${instant()}"><saml:Issuer>${ctx.origin}/saml/idp</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">demo-nameid-not-secret</saml:NameID></saml:Subject><saml:Conditions><saml:AudienceRestriction><saml:Audience>${ctx.origin}/saml/${app}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AttributeStatement><saml:Attribute Name="mail"><saml:AttributeValue>demo-user-not-secret@example.com</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>`;
}

/** GET /saml/idp/sso: reads the AuthnRequest and posts the Response to its ACS by an auto-submitting form. */
function sso(req: IncomingMessage, ctx: RouteContext): Reply {
  const q = query(req);
  const request = readRequest(q.get('SAMLRequest'));
  // Only this demo's own apps: the ACS URL must be the one the app is registered with.
  if (
    !request?.app ||
    !SAML_APPS.includes(request.app) ||
    request.acs !== `${ctx.origin}/saml/${request.app}/acs`
  )
    return reply(
      400,
      [],
      '<!DOCTYPE html><title>Demo IdP</title><p>Unknown service provider or ACS URL.</p>',
    );
  const response = Buffer.from(samlResponse(ctx, request.app, request.id)).toString('base64');
  const relay = escapeXml(q.get('RelayState') ?? '');
  return reply(
    200,
    [['Cache-Control', 'no-store']],
    `<!DOCTYPE html><title>Demo IdP: signing in…</title><form method="post" action="${escapeXml(request.acs)}"><input type="hidden" name="SAMLResponse" value="${response}"><input type="hidden" name="RelayState" value="${relay}"><noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script>`,
  );
}

/**
 * POST /saml/<app>/acs: the app's assertion consumer service. A Success goes on to the app (which,
 * the bug this demo shows, sets no session cookie); anything else is refused with 401.
 */
export function acs(req: IncomingMessage, ctx: RouteContext): Reply {
  const app =
    /^\/saml\/([a-z]+)\/acs$/.exec(new URL(req.url ?? '/', 'http://demo.invalid').pathname)?.[1] ?? '';
  const form = new URLSearchParams(ctx.body ?? '');
  const xml = Buffer.from(form.get('SAMLResponse') ?? '', 'base64').toString('utf8');
  const success = xml.includes(`<samlp:StatusCode Value="${STATUS}Success"/>`);
  // RelayState goes back only to a page of this app (no open redirect).
  const relay = form.get('RelayState') ?? '';
  const next = relay.startsWith(`/saml/${app}/`) ? relay : `/saml/${app}/app`;
  if (req.method === 'POST' && success && app === 'orders')
    return reply(302, [['Location', next]], '', 'text/plain; charset=utf-8');
  return reply(
    401,
    [['Cache-Control', 'no-store']],
    '<!DOCTYPE html><title>Sign-in failed</title><h1>Sign-in failed</h1><p>The identity provider did not sign you in.</p>',
  );
}

/** GET /saml/<app>/app: the app's page; it calls its API as a signed-in page would. */
function appPage(app: string) {
  return (): Reply =>
    reply(
      200,
      [['Cache-Control', 'no-store']],
      `<!DOCTYPE html><title>Demo ${app}</title><p>Loading…</p><script>fetch('/api/saml/${app}').catch(() => undefined).finally(() => { document.body.dataset.done = 'yes'; });</script>`,
    );
}

/** GET /api/saml/orders: the session cookie never came, so 401 (a SAML app has no challenge to offer). */
export function samlApi(): Reply {
  return json(401, [['Cache-Control', 'no-store']], { error: 'not_signed_in' });
}

/** Routes of the IdP and the apps' login, ACS and page (merged into demo/routes.ts). */
export const SAML_ROUTES: Record<string, (req: IncomingMessage, ctx: RouteContext) => Reply> = {
  '/saml/idp/sso': sso,
  ...Object.fromEntries(
    SAML_APPS.flatMap((app) => [
      [`/saml/${app}/login`, login(app)],
      [`/saml/${app}/acs`, acs],
      [`/saml/${app}/app`, appPage(app)],
    ]),
  ),
};
