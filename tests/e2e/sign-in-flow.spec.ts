// The popup's sign-in flow view with the demo identity providers: OIDC (demo/idp.ts: a real authorize
// redirect, the app's callback, a token call from the page and the API's 401) and SAML (demo/saml.ts:
// HTTP-Redirect AuthnRequest, the IdP's auto-posted Response, the ACS or the API's 401), in Chromium.
import type { BrowserContext, Worker } from '@playwright/test';
import { test, expect, dumpLogs } from './fixtures';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { eventsOf } from '../../demo/summary';
import type { AuthEvent } from '../../src/core/record';
import { PopupPage, cardFor, expandCard } from './pages/popup-page';

let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
test.afterAll(async () => {
  await server.close();
});

/** Opens the scenario's page (it runs the flow in a frame) and waits for the API's 401. */
async function run(context: BrowserContext, worker: Worker, id: string, apiPath: string): Promise<AuthEvent> {
  const page = await context.newPage();
  await page.goto(`${server.origin}/s/${id}`);
  let event: AuthEvent | undefined;
  await expect
    .poll(
      async () => {
        event = eventsOf(await dumpLogs(worker)).find((e) => new URL(e.url).pathname === apiPath);
        return event !== undefined;
      },
      { timeout: 10_000, message: `401 of ${apiPath}` },
    )
    .toBe(true);
  return event!;
}

async function flowOf(context: BrowserContext, extensionId: string, event: AuthEvent) {
  const popup = await PopupPage.open(context, extensionId, event.tabId);
  const card = cardFor(popup, event.url);
  await expandCard(card);
  return card.getByTestId('sign-in-flow');
}

test.describe('sign-in flow next to the 401', () => {
  test.beforeEach(async ({ ready }) => {
    await ready();
  });

  test('the provider sends back error=access_denied', async ({ context, worker, extensionId }) => {
    const event = await run(context, worker, 'sign-in-denied', '/api/idp/profile');
    const flow = await flowOf(context, extensionId, event);
    await expect(flow.getByRole('heading')).toHaveText('Sign-in flow (OAuth 2.0 / OpenID Connect)');
    await expect(flow.getByTestId('flow-step')).toHaveText([
      `Sent to the sign-in provider: ${server.origin}/idp/authorize`,
      `Back at the app with an error: ${server.origin}/app/callback — error=access_denied`,
      `This 401: ${server.origin}/api/idp/profile`,
    ]);
    await expect(flow.getByTestId('flow-outcome')).toHaveText(
      "The sign-in provider sent you back with error=access_denied. You (or a policy) declined the sign-in or the app's access request. Try again and accept, or ask the provider's administrator whether you may use this app.",
    );
    await expect(flow.getByTestId('flow-error-description')).toHaveText(
      "The provider's own words: “The user declined to grant access to Demo App.”",
    );
  });

  test('the token endpoint refuses the code', async ({ context, worker, extensionId }) => {
    const event = await run(context, worker, 'sign-in-token-refused', '/api/idp/account');
    const flow = await flowOf(context, extensionId, event);
    await expect(flow.getByTestId('flow-step')).toHaveText([
      `Sent to the sign-in provider: ${server.origin}/idp/authorize`,
      `Back at the app with a result: ${server.origin}/app/callback`,
      `Code exchanged at the token endpoint ${server.origin}/idp/token: answered 400`,
      `This 401: ${server.origin}/api/idp/account`,
    ]);
    await expect(flow.getByTestId('flow-outcome')).toHaveAttribute('data-outcome', 'token-refused');
    await expect(flow.getByTestId('flow-outcome')).toContainText('The token endpoint answered 400');
  });

  test('the token endpoint refuses the app itself: 401 invalid_client', async ({
    context,
    worker,
    extensionId,
  }) => {
    const event = await run(context, worker, 'sign-in-client-refused', '/api/idp/billing');
    const flow = await flowOf(context, extensionId, event);
    await expect(flow.getByTestId('flow-step')).toHaveText([
      `Sent to the sign-in provider: ${server.origin}/idp/authorize`,
      `Back at the app with a result: ${server.origin}/app/callback`,
      `Code exchanged at the token endpoint ${server.origin}/idp/token: answered 401`,
      `This 401: ${server.origin}/api/idp/billing`,
    ]);
    await expect(flow.getByTestId('flow-outcome')).toHaveAttribute('data-outcome', 'token-refused');
    // The popup cannot read bodies: the client secret the page sent is never stored either.
    expect(JSON.stringify(await dumpLogs(worker))).not.toContain('old-secret-not-secret');
  });

  test('SAML: signed in, then the API refuses (no session)', async ({ context, worker, extensionId }) => {
    const event = await run(context, worker, 'saml-session-not-set', '/api/saml/orders');
    const flow = await flowOf(context, extensionId, event);
    await expect(flow.getByRole('heading')).toHaveText('Sign-in flow (SAML 2.0)');
    await expect(flow.getByTestId('flow-step')).toHaveText([
      `SAML request sent to the identity provider: ${server.origin}/saml/idp/sso`,
      `SAML response posted back to the app: ${server.origin}/saml/orders/acs`,
      `This 401: ${server.origin}/api/saml/orders`,
    ]);
    await expect(flow.getByTestId('flow-outcome')).toHaveText(
      `The SAML response from ${server.origin} reached the app, yet this request was refused: the app probably rejected the assertion (audience / entity ID, clock skew, signing certificate) or did not keep its session. The app's log says which.`,
    );
    // Neither the SAML messages nor the assertion's NameID are stored.
    const stored = JSON.stringify(await dumpLogs(worker));
    expect(stored).not.toContain('demo-nameid-not-secret');
    expect(stored).not.toContain('SAMLResponse=');
  });

  for (const [id, app] of [
    ['saml-authn-failed', 'wiki'],
    ['saml-request-denied', 'hr'],
  ] as const)
    test(`SAML: the app's ACS refuses the IdP's answer (${id})`, async ({ context, worker, extensionId }) => {
      const event = await run(context, worker, id, `/saml/${app}/acs`);
      expect(event.method).toBe('POST');
      const flow = await flowOf(context, extensionId, event);
      await expect(flow.getByTestId('flow-step')).toHaveText([
        `SAML request sent to the identity provider: ${server.origin}/saml/idp/sso`,
        `SAML response posted back to the app: ${server.origin}/saml/${app}/acs, which answered 401`,
        `This 401: ${server.origin}/saml/${app}/acs`,
      ]);
      await expect(flow.getByTestId('flow-outcome')).toHaveText(
        "The app's assertion consumer service answered 401 to the identity provider's SAML response: the app refused it. The reason is inside the response: open DevTools → 401 and sign in again to read its status.",
      );
    });

  test('a fresh token refused by the API', async ({ context, worker, extensionId }) => {
    const event = await run(context, worker, 'sign-in-api-refuses-token', '/api/idp/orders');
    const flow = await flowOf(context, extensionId, event);
    await expect(flow.getByTestId('flow-step')).toHaveText([
      `Sent to the sign-in provider: ${server.origin}/idp/authorize`,
      `Back at the app with a result: ${server.origin}/app/callback`,
      `Code exchanged at the token endpoint ${server.origin}/idp/token: answered 200`,
      `This 401: ${server.origin}/api/idp/orders`,
    ]);
    await expect(flow.getByTestId('flow-outcome')).toContainText(
      `Sign-in at ${server.origin} came back to the app, yet this request was refused right after.`,
    );
    // No code, state or token value is stored anywhere in the tab's log.
    const stored = JSON.stringify(await dumpLogs(worker));
    expect(stored).not.toContain('demo-code-not-secret');
    expect(stored).not.toContain('demo-token-not-secret');
  });

  test('a 401 with no sign-in before it shows no flow', async ({ context, worker, extensionId }) => {
    const event = await run(context, worker, 'json-api-bearer', '/api/v1/me');
    const popup = await PopupPage.open(context, extensionId, event.tabId);
    const card = cardFor(popup, event.url);
    await expandCard(card);
    await expect(card.getByTestId('finding').first()).toBeVisible();
    await expect(card.getByTestId('sign-in-flow')).toHaveCount(0);
  });
});
