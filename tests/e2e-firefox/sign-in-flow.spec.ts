// Firefox: the popup's sign-in flow view as a user reads it, with the demo identity providers (OIDC in
// demo/idp.ts, SAML in demo/saml.ts): the worker's URL-filtered step listeners on Firefox's event page.
import { expect, test } from 'vitest';
import { FxPopup } from './popup';
import { demoSuite } from './demo-suite';
import type { AuthEvent } from '../../src/core/record';

const suite = demoSuite();

/** Opens the scenario's page in a tab (it runs the flow in a frame) and waits for the 401 of `path`. */
async function run(id: string, path: string): Promise<AuthEvent> {
  const { tabId } = await suite.firefox.openTab(`${suite.server.origin}/s/${id}`, false);
  let event: AuthEvent | undefined;
  await expect
    .poll(
      async () => {
        const log = (await suite.firefox.logs())[`tab:${tabId}`];
        event = log?.events.find((e) => new URL(e.url).pathname === path);
        return event !== undefined;
      },
      { timeout: 10_000, message: `401 of ${path}` },
    )
    .toBe(true);
  return event!;
}

interface FlowSeen {
  title?: string;
  steps: string[];
  outcome?: string;
  kind?: string;
  description?: string;
}

/** The flow section of the event's card in the popup, as text. */
async function flowOf(event: AuthEvent): Promise<FlowSeen & { ids: string[] }> {
  const popup = await FxPopup.open(suite.firefox, event.tabId);
  const { ids } = await popup.openCard(event.url);
  const seen = await popup.page.evaluate((u: string) => {
    const card = [...document.querySelectorAll('[data-testid="event"]')].find(
      (c) => c.querySelector('[data-testid="event-url"]')?.getAttribute('title') === u,
    );
    const flow = card?.querySelector('[data-testid="sign-in-flow"]');
    const text = (s: string) => flow?.querySelector(s)?.textContent ?? undefined;
    return {
      title: text('h3'),
      steps: [...(flow?.querySelectorAll('[data-testid="flow-step"]') ?? [])].map((s) => s.textContent ?? ''),
      outcome: text('[data-testid="flow-outcome"]'),
      kind: flow?.querySelector<HTMLElement>('[data-testid="flow-outcome"]')?.dataset.outcome,
      description: text('[data-testid="flow-error-description"]'),
    };
  }, event.url);
  await popup.close();
  return { ...seen, ids };
}

test('OIDC: the provider sends back error=access_denied', async () => {
  const flow = await flowOf(await run('sign-in-denied', '/api/idp/profile'));
  expect(flow.title).toBe('Sign-in flow (OAuth 2.0 / OpenID Connect)');
  expect(flow.steps).toEqual([
    `Sent to the sign-in provider: ${suite.server.origin}/idp/authorize`,
    `Back at the app with an error: ${suite.server.origin}/app/callback — error=access_denied`,
    `This 401: ${suite.server.origin}/api/idp/profile`,
  ]);
  expect(flow.kind).toBe('provider-error');
  expect(flow.description).toBe("The provider's own words: “The user declined to grant access to Demo App.”");
  expect(flow.ids[0]).toBe('sign-in-provider-error');
}, 30_000);

test('OIDC: the token endpoint refuses the code', async () => {
  const flow = await flowOf(await run('sign-in-token-refused', '/api/idp/account'));
  expect(flow.steps).toEqual([
    `Sent to the sign-in provider: ${suite.server.origin}/idp/authorize`,
    `Back at the app with a result: ${suite.server.origin}/app/callback`,
    `Code exchanged at the token endpoint ${suite.server.origin}/idp/token: answered 400`,
    `This 401: ${suite.server.origin}/api/idp/account`,
  ]);
  expect(flow.kind).toBe('token-refused');
  expect(flow.ids[0]).toBe('sign-in-token-refused');
}, 30_000);

test('OIDC: the API refuses the fresh token', async () => {
  const flow = await flowOf(await run('sign-in-api-refuses-token', '/api/idp/orders'));
  expect(flow.steps).toEqual([
    `Sent to the sign-in provider: ${suite.server.origin}/idp/authorize`,
    `Back at the app with a result: ${suite.server.origin}/app/callback`,
    `Code exchanged at the token endpoint ${suite.server.origin}/idp/token: answered 200`,
    `This 401: ${suite.server.origin}/api/idp/orders`,
  ]);
  expect(flow.outcome).toBe(
    `Sign-in at ${suite.server.origin} came back to the app, yet this request was refused right after. Likely the new token is for another API (audience) or lacks a scope this API needs, or the app did not keep its session. Open DevTools → 401 to see the token's aud and scope.`,
  );
  expect(flow.ids).toContain('sign-in-then-refused');
  const stored = JSON.stringify(await suite.firefox.logs());
  expect(stored).not.toContain('demo-code-not-secret');
  expect(stored).not.toContain('demo-token-not-secret');
}, 30_000);

test('SAML: signed in, then the API refuses (no session)', async () => {
  const flow = await flowOf(await run('saml-session-not-set', '/api/saml/orders'));
  expect(flow.title).toBe('Sign-in flow (SAML 2.0)');
  expect(flow.steps).toEqual([
    `SAML request sent to the identity provider: ${suite.server.origin}/saml/idp/sso`,
    `SAML response posted back to the app: ${suite.server.origin}/saml/orders/acs`,
    `This 401: ${suite.server.origin}/api/saml/orders`,
  ]);
  expect(flow.kind).toBe('refused-after-sign-in');
  expect(flow.ids).toContain('sign-in-then-refused');
  expect(JSON.stringify(await suite.firefox.logs())).not.toContain('demo-nameid-not-secret');
}, 30_000);

test("SAML: the app's ACS refuses the identity provider's AuthnFailed", async () => {
  const flow = await flowOf(await run('saml-authn-failed', '/saml/wiki/acs'));
  expect(flow.steps).toEqual([
    `SAML request sent to the identity provider: ${suite.server.origin}/saml/idp/sso`,
    `SAML response posted back to the app: ${suite.server.origin}/saml/wiki/acs, which answered 401`,
    `This 401: ${suite.server.origin}/saml/wiki/acs`,
  ]);
  expect(flow.kind).toBe('refused-at-acs');
  expect(flow.ids[0]).toBe('sign-in-saml-failed');
}, 30_000);

test('OIDC: the token endpoint answers 401 invalid_client with a Basic challenge (no prompt)', async () => {
  const flow = await flowOf(await run('sign-in-client-refused', '/api/idp/billing'));
  expect(flow.steps).toEqual([
    `Sent to the sign-in provider: ${suite.server.origin}/idp/authorize`,
    `Back at the app with a result: ${suite.server.origin}/app/callback`,
    `Code exchanged at the token endpoint ${suite.server.origin}/idp/token: answered 401`,
    `This 401: ${suite.server.origin}/api/idp/billing`,
  ]);
  expect(flow.kind).toBe('token-refused');
  expect(JSON.stringify(await suite.firefox.logs())).not.toContain('old-secret-not-secret');
}, 30_000);

test('a suspended event page wakes for the sign-in and loses none of its steps', async () => {
  await suite.firefox.suspendBackground();
  const flow = await flowOf(await run('sign-in-denied', '/api/idp/profile'));
  expect(flow.steps).toEqual([
    `Sent to the sign-in provider: ${suite.server.origin}/idp/authorize`,
    `Back at the app with an error: ${suite.server.origin}/app/callback — error=access_denied`,
    `This 401: ${suite.server.origin}/api/idp/profile`,
  ]);
}, 30_000);
