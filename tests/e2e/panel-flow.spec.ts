// The panel inside a real DevTools window reads what only bodies say about a sign-in: the demo token
// endpoint's RFC 6749 §5.2 JSON error and the SAML status in the form posted to the app's ACS. Only the
// codes and masked descriptions live in the panel's memory; nothing of them reaches storage.
import type { BrowserContext } from '@playwright/test';
import { test, expect, dumpLogs } from './fixtures';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { DevtoolsPanel } from './pages/panel-page';

let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
test.afterAll(async () => {
  await server.close();
});

interface FlowSeen {
  steps: string[];
  outcome?: string;
  kind?: string;
  description?: string;
  owner?: string;
  findings: string[];
}

/** Opens the panel on a demo page, runs the scenario in the same tab, opens the row of `path`. */
async function runInPanel(
  context: BrowserContext,
  extensionId: string,
  id: string,
  path: string,
): Promise<DevtoolsPanel> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/public/`);
  const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
  await page.goto(`${server.origin}/s/${id}`);
  const row = `[data-testid=panel-row] [title$=${JSON.stringify(path)}]`;
  await panel.waitForSelector(row, 15_000);
  await panel.evaluate(
    `document.querySelector(${JSON.stringify(row)}).closest('[data-testid=panel-row]').click()`,
  );
  return panel;
}

const SEEN = `(() => {
  const d = document.querySelector('[data-testid=panel-details]');
  const f = d.querySelector('[data-testid=sign-in-flow]');
  const t = (s) => f?.querySelector(s)?.textContent ?? undefined;
  return {
    steps: [...(f?.querySelectorAll('[data-testid=flow-step]') ?? [])].map((s) => s.textContent),
    outcome: t('[data-testid=flow-outcome]'),
    kind: f?.querySelector('[data-testid=flow-outcome]')?.dataset.outcome,
    description: t('[data-testid=flow-error-description]'),
    owner: t('[data-testid=flow-owner]'),
    findings: [...d.querySelectorAll('[data-finding-id]')].map((e) => e.dataset.findingId),
  };
})()`;

test.describe('sign-in bodies in the DevTools panel', () => {
  test.use({ chromiumFlags: ['--auto-open-devtools-for-tabs'] });
  test.beforeEach(async ({ ready }) => {
    await ready();
  });

  test('the token endpoint refused the code: invalid_grant, with what it means', async ({
    context,
    worker,
    extensionId,
  }) => {
    const panel = await runInPanel(context, extensionId, 'sign-in-token-refused', '/api/idp/account');
    // The body arrives through getContent() after the entry: allow it time under load.
    await panel.waitForSelector(
      '[data-testid=panel-details] [data-testid=flow-outcome][data-error=invalid_grant]',
      15_000,
    );
    const seen = await panel.evaluate<FlowSeen>(SEEN);
    expect(seen.steps).toEqual([
      `Sent to the sign-in provider: ${server.origin}/idp/authorize`,
      `Back at the app with a result: ${server.origin}/app/callback`,
      `Code exchanged at the token endpoint ${server.origin}/idp/token: answered 400 with error=invalid_grant`,
      `This 401: ${server.origin}/api/idp/account`,
    ]);
    expect(seen.outcome).toBe(
      "The token endpoint refused the code: invalid_grant — the code was already used, expired, or the redirect_uri differs from the authorize request's. Sign in again; if it keeps happening, the app is at fault.",
    );
    expect(seen.description).toBe("The provider's own words: “The authorization code has expired.”");
    expect(seen.owner).toContain("For the app's developers: The code was redeemed twice");
    expect(seen.findings[0]).toBe('sign-in-token-refused');
    const stored = JSON.stringify(await dumpLogs(worker));
    expect(stored).not.toContain('invalid_grant');
    expect(stored).not.toContain('The authorization code has expired');
  });

  test('the token endpoint refused the app: 401 invalid_client', async ({ context, worker, extensionId }) => {
    const panel = await runInPanel(context, extensionId, 'sign-in-client-refused', '/api/idp/billing');
    await panel.waitForSelector(
      '[data-testid=panel-details] [data-testid=flow-outcome][data-error=invalid_client]',
      15_000,
    );
    const seen = await panel.evaluate<FlowSeen>(SEEN);
    expect(seen.steps[2]).toBe(
      `Code exchanged at the token endpoint ${server.origin}/idp/token: answered 401 with error=invalid_client`,
    );
    expect(seen.outcome).toBe(
      "The token endpoint refused the code: invalid_client — the provider did not recognise the app itself (not you). Nothing you can change; tell the app's owner.",
    );
    expect(seen.description).toBe(
      "The provider's own words: “Client authentication failed: the client secret is not valid for billing-app.”",
    );
    const stored = JSON.stringify(await dumpLogs(worker));
    expect(stored).not.toContain('invalid_client');
    expect(stored).not.toContain('old-secret-not-secret');
  });

  test('the SAML response posted to the ACS says Responder / AuthnFailed', async ({
    context,
    worker,
    extensionId,
  }) => {
    const panel = await runInPanel(context, extensionId, 'saml-authn-failed', '/saml/wiki/acs');
    await panel.waitForSelector(
      '[data-testid=panel-details] [data-testid=flow-outcome][data-outcome=saml-status]',
      15_000,
    );
    const seen = await panel.evaluate<FlowSeen>(SEEN);
    expect(seen.steps).toEqual([
      `SAML request sent to the identity provider: ${server.origin}/saml/idp/sso`,
      `SAML response posted back to the app: ${server.origin}/saml/wiki/acs — the identity provider answered Responder / AuthnFailed`,
      `This 401: ${server.origin}/saml/wiki/acs`,
    ]);
    expect(seen.outcome).toBe(
      "The identity provider answered Responder / AuthnFailed: the provider could not sign you in (a wrong password, a failed or cancelled second factor, a locked account). Sign in again; if it keeps failing, ask your organisation's IT.",
    );
    expect(seen.description).toBe(
      "The identity provider's own words: “The second factor was not confirmed.”",
    );
    expect(seen.findings[0]).toBe('sign-in-saml-failed');
    const stored = JSON.stringify(await dumpLogs(worker));
    expect(stored).not.toContain('AuthnFailed');
    expect(stored).not.toContain('second factor');
  });
});
